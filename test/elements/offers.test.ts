import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/offers/offers.js';
import '../../src/elements/notifications/notifications.js';
import '../../src/elements/task-list/task-list.js';
import type { DcOffers } from '../../src/elements/offers/offers.js';
import type { DcStore } from '../../src/store/store.js';
import { mountKit, press, text, until } from '../support/kit.js';

type KitOptions = Parameters<typeof mountKit>[1];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parts(offers: DcOffers) {
  const root = offers.shadowRoot!;
  const cards = () => [...root.querySelectorAll<HTMLElement>('[part~="offer"]')];
  return {
    cards,
    card: (id: string) => root.querySelector<HTMLElement>(`[part~="offer"][data-task="${id}"]`),
    /** The card's fields as a person reads them: [label, value] pairs, in order. */
    fields: (card: Element) =>
      [...card.querySelectorAll('[part~="field"]')].map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]),
    labels: (card: Element) => [...card.querySelectorAll('[part~="field"] dt')].map((dt) => text(dt)),
    media: (card: Element) => text(card.querySelector('.media')),
    countdown: (card: Element) => card.querySelector<HTMLElement>('[part~="countdown"]')!,
    /** What the countdown shows ("0:30"). */
    shown: (card: Element) => text(card.querySelector('[part~="countdown"] .time')),
    left: (card: Element) => Number(card.querySelector('[part~="countdown"]')!.getAttribute('data-seconds')),
    bar: (card: Element) =>
      Number(card.querySelector<HTMLElement>('.bar-fill')!.style.getPropertyValue('--_dc-offer-left')),
    accept: (card: Element) => card.querySelector<HTMLButtonElement>('[part~="accept"]')!,
    acceptAll: () => root.querySelector<HTMLButtonElement>('[part~="accept-all"]'),
    live: () => root.querySelector<HTMLElement>('[aria-live]')!,
    focused: () => root.activeElement as HTMLElement | null,
  };
}

const allReady = (store: DcStore) =>
  Object.values(store.state.media).every((m) => m.signIn === 'signed-in' && m.availability === 'ready' && m.routable);

/** Offers and notifications in a kit, the agent signed in; Ready everywhere unless `ready` is false. */
async function kit(options: KitOptions = {}, ready = true) {
  const k = await mountKit(
    html`<dc-offers placement="inline"></dc-offers><dc-notifications placement="inline"></dc-notifications>`,
    options,
  );
  const offers = k.provider.querySelector('dc-offers')!;
  const notifications = k.provider.querySelector('dc-notifications')!;
  k.store.signIn();
  await until(() => Object.values(k.store.state.media).every((m) => m.signIn === 'signed-in'), 'signed in');
  if (ready) {
    k.store.setState('all', { availability: 'ready' });
    await until(() => allReady(k.store), 'every media Ready');
  }
  await offers.updateComplete;
  const notes = () => [...notifications.shadowRoot!.querySelectorAll<HTMLElement>('[part~="notification"]')];
  return { ...k, offers, notifications, notes, p: parts(offers) };
}

/** Each media's state in short: R (Ready), NR (Not Ready), NR-x (non-routable). */
const states = (store: DcStore) =>
  Object.fromEntries(
    Object.values(store.state.media).map((m) => [
      m.media,
      `${m.availability === 'ready' ? 'R' : 'NR'}${m.routable ? '' : '-x'}`,
    ]),
  );

const CUSTOMER = {
  name: 'Alex Martin',
  email: 'alex.martin@example.com',
  phone: '+33 6 12 34 56 78',
  sourceNumber: '36 111',
  accountNumber: 'AC-123456',
  address: '12 rue de la Paix, Paris',
  question: 'Where is my parcel?',
};

describe('dc-offers', () => {
  it('OFFER-1: an offer pops up with its media, customer fields, a countdown and Accept, announced once', async () => {
    const { backend, offers, p } = await kit();
    expect(offers.matches(':state(empty)'), 'empty before any offer').to.be.true;
    expect(p.cards()).to.have.length(0);
    const task = backend.offer('chat', { customer: CUSTOMER, queue: 'Sales' })!;
    expect(task, 'the centre routes the offer').to.exist;
    await until(() => p.cards().length === 1, 'one card');
    expect(offers.matches(':state(empty)')).to.be.false;
    const card = p.card(task.id)!;
    expect(p.media(card)).to.equal('Chat');
    expect(card.querySelector('svg.icon-message-circle'), 'chat icon').to.exist;
    expect(p.fields(card)).to.deep.equal([
      ['Name', 'Alex Martin'],
      ['Email', 'alex.martin@example.com'],
      ['Queue', 'Sales'],
    ]);
    expect(p.shown(card)).to.match(/^0:(30|29)$/);
    expect(text(p.accept(card))).to.match(/^Accept/);
    expect(p.accept(card).getAttribute('aria-disabled')).to.equal('false');
    expect(p.bar(card)).to.be.within(0.95, 1);
    // Announced once, as an offer; the countdown is a timer outside any live region.
    expect(text(p.live())).to.equal('New Chat offer from Alex Martin');
    expect(p.countdown(card).getAttribute('role')).to.equal('timer');
    expect(p.countdown(card).closest('[aria-live]')).to.be.null;
    expect(offers.matches(':state(urgent)')).to.be.false;
    // It counts down (text and bar) with the shared ticker.
    const before = p.left(card);
    const barBefore = p.bar(card);
    await until(() => p.left(card) < before, 'the countdown ticks', 2500);
    expect(p.bar(card)).to.be.lessThan(barBefore);
    expect(p.live().querySelectorAll('p')).to.have.length(1);
  });

  it('OFFER-1: an offer turns urgent in its last five seconds', async () => {
    const { backend, offers, p } = await kit();
    const calm = backend.offer('email', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 1, 'one card');
    expect(offers.matches(':state(urgent)')).to.be.false;
    const hurry = backend.offer('chat', { customer: CUSTOMER, acceptSeconds: 5 })!;
    await until(() => p.cards().length === 2, 'two cards');
    expect(offers.matches(':state(urgent)'), 'urgent state').to.be.true;
    expect(p.card(hurry.id)!.classList.contains('urgent')).to.be.true;
    expect(p.card(calm.id)!.classList.contains('urgent')).to.be.false;
    expect(p.left(p.card(hurry.id)!)).to.be.at.most(5);
    // The newest is on top; the older one stays nearest the corner.
    expect(p.cards().map((c) => c.dataset['task'])).to.deep.equal([hurry.id, calm.id]);
  });

  it('OFFER-2: Accept is busy while on its way, then the task is held and shown, and the card leaves', async () => {
    const { backend, store, offers, p } = await kit({ backend: { latencyMs: 150 } });
    const task = backend.offer('sms', { customer: CUSTOMER, queue: 'Billing' })!;
    await until(() => p.cards().length === 1, 'one card');
    p.accept(p.card(task.id)!).click();
    await until(() => store.state.accepting[task.id] === true, 'accepting');
    await offers.updateComplete;
    const button = p.accept(p.card(task.id)!);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.match(/^Accepting…/);
    expect(p.card(task.id)!.getAttribute('aria-busy')).to.equal('true');
    button.click(); // a second click while busy does nothing
    await until(() => store.state.tasks[task.id]?.status === 'active', 'task held');
    expect(store.state.selectedTaskId).to.equal(task.id);
    await offers.updateComplete;
    expect(p.cards()).to.have.length(0);
    expect(offers.matches(':state(empty)')).to.be.true;
    expect(backend.serverTask(task.id)?.status).to.equal('active');
  });

  it('OFFER-3: nothing is offered while Not Ready; a media at capacity gets no second offer', async () => {
    const { backend, store, offers, p } = await kit({ config: { media: { chat: { capacity: 1 }, email: {} } } }, false);
    // Signed in, Not Ready: the centre routes nothing, nothing shows.
    expect(backend.offer('chat')).to.be.undefined;
    expect(backend.offer('email')).to.be.undefined;
    await offers.updateComplete;
    expect(p.cards()).to.have.length(0);
    store.setState('all', { availability: 'ready' });
    await until(() => allReady(store), 'Ready');
    const first = backend.offer('chat', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 1, 'first chat offer shown');
    expect(backend.offer('chat'), 'a second chat offer beyond capacity 1').to.be.undefined;
    p.accept(p.card(first.id)!).click();
    await until(() => store.state.tasks[first.id]?.status === 'active', 'first chat held');
    expect(backend.offer('chat'), 'no chat offer while the first is held').to.be.undefined;
    await offers.updateComplete;
    expect(p.cards()).to.have.length(0);
    // Email has its own capacity: it is still offered.
    const mail = backend.offer('email', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 1, 'email offer shown');
    expect(p.cards()[0]!.dataset['task']).to.equal(mail.id);
  });

  it('OFFER-3: each media has its own accept timer', async () => {
    const { backend, p } = await kit({ config: { media: { chat: { acceptSeconds: 20 }, email: { acceptSeconds: 90 } } } });
    const chat = backend.offer('chat', { customer: CUSTOMER })!;
    const mail = backend.offer('email', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 2, 'two cards');
    expect(p.shown(p.card(chat.id)!)).to.match(/^0:(20|19)$/);
    expect(p.shown(p.card(mail.id)!)).to.match(/^1:(30|29)$/);
  });

  it('OFFER-4: a missed chat offer leaves; chat goes non-routable, then all Chat/Social Not Ready; a notification says so', async () => {
    const { backend, store, offers, p, notes } = await kit();
    const task = backend.offer('chat', { customer: { name: 'Lee Chan' }, acceptSeconds: 0.3 })!;
    await offers.updateComplete;
    expect(p.card(task.id), 'shown while it lasts').to.exist;
    await until(() => notes().some((n) => n.dataset['code'] === 'offer-missed'), 'missed notification', 3000);
    const note = notes().find((n) => n.dataset['code'] === 'offer-missed')!;
    expect(text(note)).to.contain('The Chat offer from Lee Chan was not accepted in time and went back to the queue.');
    expect(text(note)).to.contain('Chat/Social Channels: Not Ready');
    await until(() => store.state.media['social']!.availability === 'not-ready', 'group Not Ready');
    await offers.updateComplete;
    expect(p.cards()).to.have.length(0);
    expect(store.state.tasks[task.id]).to.be.undefined;
    expect(states(store)).to.deep.equal({ chat: 'NR-x', sms: 'NR', social: 'NR', email: 'R' });
    // One notification for it, not one per media.
    expect(notes().filter((n) => n.dataset['code'] === 'offer-missed')).to.have.length(1);
    expect(notes().filter((n) => n.dataset['code'] === 'state-auto-changed')).to.have.length(0);
  });

  it('OFFER-4: a missed SMS offer does the same with SMS non-routable', async () => {
    const { backend, store, offers, p, notes } = await kit();
    backend.offer('sms', { customer: { phone: '+33 6 00 00 00 01' }, acceptSeconds: 0.3 });
    await until(() => notes().some((n) => n.dataset['code'] === 'offer-missed'), 'missed notification', 3000);
    expect(text(notes()[0])).to.contain('The SMS offer from +33 6 00 00 00 01 was not accepted in time');
    await until(() => store.state.media['chat']!.availability === 'not-ready', 'group Not Ready');
    expect(states(store)).to.deep.equal({ chat: 'NR', sms: 'NR-x', social: 'NR', email: 'R' });
    // The offers draw store changes in the next frame: read them once their update is done.
    await offers.updateComplete;
    expect(p.cards()).to.have.length(0);
  });

  it('OFFER-4: a missed email offer makes only Email Not Ready', async () => {
    const { backend, store, p, notes } = await kit();
    backend.offer('email', { customer: { name: 'Sam Roy' }, acceptSeconds: 0.3 });
    await until(() => notes().some((n) => n.dataset['code'] === 'offer-missed'), 'missed notification', 3000);
    expect(text(notes()[0])).to.contain('The Email offer from Sam Roy was not accepted in time');
    expect(text(notes()[0])).to.contain('Email: Not Ready');
    await until(() => store.state.media['email']!.availability === 'not-ready', 'Email Not Ready');
    await sleep(100);
    expect(states(store)).to.deep.equal({ chat: 'R', sms: 'R', social: 'R', email: 'NR' });
    expect(p.cards()).to.have.length(0);
  });

  it('OFFER-5: each media shows its own customer fields; configured fields and labels are used', async () => {
    const { backend, p } = await kit({
      config: {
        media: {
          chat: {},
          sms: {},
          social: { label: 'WhatsApp' },
          email: {},
          web: { kind: 'chat', label: 'Web chat', offerFields: ['name', 'orderId', 'queue'] },
        },
        customerFields: { orderId: { label: { en: 'Order', fr: 'Commande' } }, email: { label: 'Email address' } },
      },
    });
    const customer = { ...CUSTOMER, orderId: 'ORD-77' };
    const ids: Record<string, string> = {};
    for (const m of ['chat', 'sms', 'social', 'email', 'web']) ids[m] = backend.offer(m, { customer, queue: 'Q1' })!.id;
    await until(() => p.cards().length === 5, 'five cards');
    const labels = (m: string) => p.labels(p.card(ids[m]!)!);
    expect(labels('sms')).to.deep.equal(['Queue', 'Phone number', 'Source number']);
    expect(labels('chat')).to.deep.equal(['Name', 'Email address', 'Queue']);
    expect(labels('email')).to.deep.equal(['Name', 'Email address', 'Account number', 'Address', 'Question']);
    expect(labels('social')).to.deep.equal(['Name', 'Phone number', 'Queue']);
    expect(p.fields(p.card(ids['sms']!)!)).to.deep.equal([
      ['Queue', 'Q1'],
      ['Phone number', '+33 6 12 34 56 78'],
      ['Source number', '36 111'],
    ]);
    expect(p.fields(p.card(ids['web']!)!)).to.deep.equal([
      ['Name', 'Alex Martin'],
      ['Order', 'ORD-77'],
      ['Queue', 'Q1'],
    ]);
    expect(p.media(p.card(ids['social']!)!)).to.equal('WhatsApp');
    expect(p.media(p.card(ids['web']!)!)).to.equal('Web chat');
    expect(p.card(ids['email']!)!.querySelector('svg.icon-mail')).to.exist;
    expect(p.card(ids['sms']!)!.querySelector('svg.icon-smartphone')).to.exist;
  });

  it('OFFER-6: with two offers or more, Accept all shows its shortcut, and Ctrl+Alt+9 accepts every one', async () => {
    const { backend, store, offers, p } = await kit();
    const chat = backend.offer('chat', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 1, 'one card');
    expect(p.acceptAll(), 'no Accept all for one offer').to.be.null;
    const sms = backend.offer('sms', { customer: CUSTOMER })!;
    const mail = backend.offer('email', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 3, 'three cards');
    expect(text(p.acceptAll())).to.equal('Accept all Ctrl+Alt+9');
    expect(p.acceptAll()!.getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+9');
    expect(text(offers.shadowRoot!.querySelector('.count'))).to.equal('3 offers');
    await press('Control+Alt+Digit9');
    await until(() => [chat, sms, mail].every((t) => store.state.tasks[t.id]?.status === 'active'), 'all accepted');
    await offers.updateComplete;
    expect(p.cards()).to.have.length(0);
    expect(p.acceptAll()).to.be.null;
  });

  it('OFFER-6: the Accept all button accepts every offer too', async () => {
    const { backend, store, p } = await kit();
    const a = backend.offer('chat', { customer: CUSTOMER })!;
    const b = backend.offer('social', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 2, 'two cards');
    p.acceptAll()!.click();
    await until(() => [a, b].every((t) => store.state.tasks[t.id]?.status === 'active'), 'both accepted');
  });

  it('OFFER-1: Tab reaches Accept all, then the newest Accept; arrows move between offers; focus stays after Enter', async () => {
    const { backend, store, offers, p } = await kit();
    const old = backend.offer('chat', { customer: { name: 'First' } })!;
    const mid = backend.offer('sms', { customer: { phone: '+33 6 00 00 00 02' } })!;
    const newest = backend.offer('email', { customer: { name: 'Third' } })!;
    await until(() => p.cards().length === 3, 'three cards');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(p.focused()).to.equal(p.acceptAll());
    await sendKeys({ press: 'Tab' });
    expect(p.focused()).to.equal(p.accept(p.card(newest.id)!));
    // One Tab stop for the offers: the next Tab leaves them.
    expect(p.cards().map((c) => p.accept(c).tabIndex)).to.deep.equal([0, -1, -1]);
    await sendKeys({ press: 'End' });
    expect(p.focused()).to.equal(p.accept(p.card(old.id)!));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    expect(p.focused()).to.equal(p.accept(p.card(mid.id)!));
    await offers.updateComplete;
    expect(p.accept(p.card(mid.id)!).tabIndex).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await until(() => store.state.tasks[mid.id]?.status === 'active', 'accepted with Enter');
    await until(() => !p.card(mid.id), 'card gone');
    await offers.updateComplete;
    await sleep(0);
    // Focus stays in the stack, on the card that took its place.
    expect(p.focused()).to.equal(p.accept(p.card(old.id)!));
  });

  it('OFFER-1: a rescinded offer disappears without a notification, and the agent stays Ready', async () => {
    const { backend, store, offers, p, notes } = await kit();
    const a = backend.offer('chat', { customer: CUSTOMER })!;
    const b = backend.offer('email', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 2, 'two cards');
    backend.rescind(a.id);
    await until(() => p.cards().length === 1, 'one card left');
    expect(p.cards()[0]!.dataset['task']).to.equal(b.id);
    expect(p.acceptAll()).to.be.null;
    await sleep(50);
    expect(notes()).to.have.length(0);
    expect(allReady(store)).to.be.true;
    backend.rescind(b.id);
    await until(() => p.cards().length === 0, 'no card left');
    expect(offers.matches(':state(empty)')).to.be.true;
  });

  it('OFFER-2: an accept the server refuses (offer withdrawn meanwhile) says so and loses nothing', async () => {
    const { backend, store, offers, p, notes } = await kit({ backend: { latencyMs: 60 } });
    const held = backend.offer('chat', { customer: { name: 'Held Customer' } })!;
    await until(() => p.cards().length === 1, 'first card');
    p.accept(p.card(held.id)!).click();
    await until(() => store.state.tasks[held.id]?.status === 'active', 'first task held');
    const other = backend.offer('email', { customer: { name: 'Other Customer' } })!;
    const gone = backend.offer('sms', { customer: { phone: '+33 6 99 99 99 99' } })!;
    await until(() => p.cards().length === 2, 'two offers');
    p.accept(p.card(gone.id)!).click();
    await until(() => store.state.accepting[gone.id] === true, 'accepting');
    backend.rescind(gone.id); // withdrawn by the centre while the Accept is on its way
    await until(() => notes().some((n) => n.dataset['code'] === 'accept-failed'), 'accept-failed notification');
    const note = notes().find((n) => n.dataset['code'] === 'accept-failed')!;
    expect(text(note)).to.match(/^The SMS offer from \+33 6 99 99 99 99 could not be accepted: .+\.$/);
    expect(note.getAttribute('role')).to.equal('alert');
    await offers.updateComplete;
    expect(p.cards().map((c) => c.dataset['task'])).to.deep.equal([other.id]);
    expect(p.accept(p.card(other.id)!).getAttribute('aria-disabled')).to.equal('false');
    expect(store.state.tasks[held.id]?.status).to.equal('active');
    expect(store.state.selectedTaskId).to.equal(held.id);
    expect(store.state.accepting).to.deep.equal({});
    expect(allReady(store)).to.be.true;
  });

  it('FAIL-2: while the connection is lost, Accept is unavailable', async () => {
    const { backend, store, offers, p } = await kit();
    const task = backend.offer('chat', { customer: CUSTOMER })!;
    await until(() => p.cards().length === 1, 'one card');
    backend.dropConnection();
    await until(() => store.state.connection === 'offline', 'offline');
    await offers.updateComplete;
    const button = p.accept(p.card(task.id)!);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    await sleep(50);
    expect(store.state.accepting[task.id]).to.be.undefined;
    await backend.restoreConnection();
    await until(() => store.state.connection === 'online', 'online again');
    await offers.updateComplete;
    expect(p.accept(p.card(task.id)!).getAttribute('aria-disabled')).to.equal('false');
  });

  it('EMBED-5: says it in French', async () => {
    const { backend, p } = await kit({ lang: 'fr' });
    const a = backend.offer('chat', { customer: CUSTOMER, queue: 'Ventes' })!;
    backend.offer('sms', { customer: CUSTOMER, queue: 'Ventes' });
    await until(() => p.cards().length === 2, 'two cards');
    const card = p.card(a.id)!;
    expect(p.media(card)).to.equal('Conversation');
    expect(p.fields(card)).to.deep.equal([
      ['Nom', 'Alex Martin'],
      ['Email', 'alex.martin@example.com'],
      ["File d'attente", 'Ventes'],
    ]);
    expect(text(p.accept(card))).to.match(/^Accepter/);
    expect(text(p.acceptAll())).to.equal('Tout accepter Ctrl+Alt+9');
    expect(text(p.live())).to.contain('Nouvelle offre Conversation de Alex Martin');
    expect(text(p.countdown(card))).to.match(/s pour accepter/);
  });

  it('is accessible, in light and dark, with several offers and one busy', async () => {
    const { backend, provider, offers, p } = await kit();
    backend.accept = () => new Promise<void>(() => {}); // the server never answers: Accept stays busy
    backend.offer('chat', { customer: CUSTOMER });
    const busy = backend.offer('email', { customer: CUSTOMER })!;
    backend.offer('sms', { customer: CUSTOMER, acceptSeconds: 5 });
    await until(() => p.cards().length === 3, 'three cards');
    p.accept(p.card(busy.id)!).click();
    await offers.updateComplete;
    await expect(offers).to.be.accessible();
    provider.theme = 'dark';
    await provider.updateComplete;
    await expect(offers).to.be.accessible();
  });

  it('OFFER-6: Accept all on 40 offers beside the task list: each asked for, every one held, the stack empty', async () => {
    const k = await mountKit(html`<dc-offers placement="inline"></dc-offers><dc-task-list></dc-task-list>`, {
      config: { media: { chat: { capacity: 40, acceptSeconds: 600 } } },
    });
    const offers = k.provider.querySelector('dc-offers')!;
    const list = k.provider.querySelector('dc-task-list')!;
    const p = parts(offers);
    k.store.signIn();
    await until(() => k.store.state.media['chat']?.signIn === 'signed-in', 'signed in');
    k.store.setState('all', { availability: 'ready' });
    await until(() => allReady(k.store), 'Ready');
    const ids = Array.from({ length: 40 }, (_, i) => k.backend.offer('chat', { customer: { name: `Customer ${i}` } })!.id);
    await until(() => p.cards().length === 40, '40 cards');
    expect(text(offers.shadowRoot!.querySelector('.count'))).to.equal('40 offers');
    const asked: string[] = [];
    offers.addEventListener('dc-before-accept', (e) => asked.push(e.detail.taskId));
    p.acceptAll()!.click();
    await until(() => ids.every((id) => k.store.state.tasks[id]?.status === 'active'), 'all 40 accepted');
    expect([...asked].sort(), 'one dc-before-accept per offer').to.deep.equal([...ids].sort());
    await offers.updateComplete;
    await list.updateComplete;
    expect(p.cards()).to.have.length(0);
    expect(p.acceptAll()).to.be.null;
    expect(text(list.shadowRoot!.querySelector('.title'))).to.equal('Tasks (40)');
    expect(list.shadowRoot!.querySelectorAll('[part~="row"]')).to.have.length(40);
    await expect(offers).to.be.accessible();
  });
});
