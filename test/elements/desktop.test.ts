import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/desktop/desktop.js';
import type { DcDesktop } from '../../src/elements/desktop/desktop.js';
import type { MediaId } from '../../src/model/media.js';
import type { OfferOptions } from '../../src/simulator/index.js';
import { mountKit, press, signInReady, text, until, type KitOptions } from '../support/kit.js';

type Kit = Awaited<ReturnType<typeof mountKit>>;

function parts(desktop: DcDesktop) {
  const root = desktop.shadowRoot!;
  const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
  return {
    root,
    part,
    header: () => part('header')!,
    toggle: () => part('toggle') as HTMLButtonElement,
    window: () => part('tasks-window')!,
    list: () => part('task-list-region')!,
    details: () => part('details'),
    interaction: () => part('interaction'),
    composer: () => part('composer'),
    empty: () => part('empty'),
    /** The customer details on show: `<dc-customer-details>`'s, or the summary while they load. */
    card: () => {
      const region = part('details');
      return region?.querySelector('dc-customer-details')?.shadowRoot ?? region;
    },
    /** The customer's name (or display field) at the top of the details. */
    name: () => {
      const region = part('details');
      const card = region?.querySelector('dc-customer-details')?.shadowRoot;
      return text(card ? card.querySelector('[part~="name"]') : region?.querySelector('.customer'));
    },
    end: () => {
      const card = part('details')?.querySelector('dc-customer-details')?.shadowRoot;
      return (card ?? root).querySelector<HTMLButtonElement>('[part~="end"]');
    },
    counts: () => text(part('counts')),
    voice: () => part('voice'),
    /** The conversation on show: <dc-chat-thread>, an email task's too (read-only). */
    thread: () => root.querySelector('dc-chat-thread'),
    /** The message bubbles the thread has in its DOM (it renders the rows near the view). */
    messages: () => [...(root.querySelector('dc-chat-thread')?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="bubble"]') ?? [])],
    /** Whether the thread shows a message with these words. */
    shows: (words: string) => [...(root.querySelector('dc-chat-thread')?.shadowRoot?.querySelectorAll('[part~="bubble"]') ?? [])].some((b) => b.textContent === words),
  };
}

/** Whether a person sees the element: it has a box on screen. */
function shown(el: Element | null | undefined): boolean {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

async function desktopKit(content: TemplateResult = html`<dc-desktop></dc-desktop>`, options: KitOptions = {}) {
  const kit = await mountKit(content, options);
  const desktop = kit.provider.querySelector('dc-desktop')!;
  await desktop.updateComplete;
  return { ...kit, desktop, p: parts(desktop) };
}

async function settle(desktop: DcDesktop): Promise<void> {
  await desktop.updateComplete;
  // A timer, not a frame: test pages run two at a time and a page in the background gets no frames.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await desktop.updateComplete;
}

/** The routing system offers a task of `media`; the agent accepts it. Returns the task's id. */
async function acceptOffer(kit: Kit, media: MediaId, options: OfferOptions = {}): Promise<string> {
  const offer = kit.backend.offer(media, options);
  expect(offer, `an offer of ${media}`).to.exist;
  await until(() => kit.store.state.tasks[offer!.id]?.status === 'offered', 'the offer reaches the store');
  kit.store.accept(offer!.id);
  await until(() => kit.store.state.tasks[offer!.id]?.status === 'active', 'the task is active');
  return offer!.id;
}

describe('dc-desktop', () => {
  it('OFFER-1, TASK-1: the desktop alone brings its offers, notifications and task list', async () => {
    const kit = await desktopKit();
    await signInReady(kit.store);
    const offer = kit.backend.offer('email');
    expect(offer).to.exist;
    const offers = kit.desktop.shadowRoot!.querySelector('dc-offers')!;
    expect(customElements.get('dc-offers'), 'dc-offers is defined by the desktop module').to.exist;
    await until(() => (offers.shadowRoot?.querySelectorAll('[part~="offer"]').length ?? 0) === 1, 'the offer card shows');
    for (const tag of ['dc-state-picker', 'dc-task-list', 'dc-connection-banner']) {
      expect(customElements.get(tag), tag).to.exist;
    }
    // The notifications load when the browser is idle after the first paint: on a busy machine that may
    // take a few seconds.
    await until(() => customElements.get('dc-notifications') !== undefined, 'dc-notifications defined once the browser is idle', 8000);
  });

  it('TASK-1: four regions, open at first; the toggle and Ctrl+Alt+T collapse and expand it', async () => {
    const kit = await desktopKit();
    const { desktop, p, store } = kit;
    await signInReady(store);
    const chat = await acceptOffer(kit, 'chat', { customer: { name: 'Léa Dubois', email: 'lea@example.com' } });
    const sms = await acceptOffer(kit, 'sms');
    await settle(desktop);

    // Open (maximised) at first, with its four regions on show.
    expect(desktop.collapsed).to.be.false;
    expect(p.toggle().getAttribute('aria-expanded')).to.equal('true');
    for (const region of [p.list(), p.details(), p.interaction(), p.composer()]) expect(shown(region), region?.getAttribute('part') ?? '').to.be.true;
    expect(p.list().querySelector('dc-task-list'), 'the task list').to.exist;
    expect(p.list().getAttribute('aria-label')).to.equal('Task list');
    expect(p.details()!.getAttribute('aria-label')).to.equal('Customer details');
    expect(p.interaction()!.getAttribute('aria-label')).to.equal('Interaction pane');
    expect(p.composer()!.getAttribute('aria-label')).to.equal('Compose area');

    // By mouse: collapsed, the header still counts tasks and unread messages.
    kit.backend.customerMessage(chat, 'Are you there?'); // chat is not the task on show: it is unread
    await until(() => p.counts().includes('unread'), 'an unread count');
    p.toggle().click();
    await settle(desktop);
    expect(desktop.collapsed).to.be.true;
    expect(desktop.hasAttribute('collapsed')).to.be.true;
    expect(desktop.matches(':state(collapsed)')).to.be.true;
    expect(shown(p.window()), 'the tasks window').to.be.false;
    expect(shown(p.header())).to.be.true;
    expect(p.toggle().getAttribute('aria-expanded')).to.equal('false');
    expect(p.counts()).to.equal('2 tasks 1 unread');
    expect(store.state.selectedTaskId).to.equal(sms);

    // By keyboard.
    await press('Control+Alt+KeyT');
    await settle(desktop);
    expect(desktop.collapsed).to.be.false;
    expect(shown(p.window())).to.be.true;
    await press('Control+Alt+KeyT');
    await settle(desktop);
    expect(desktop.collapsed).to.be.true;
    p.toggle().click();
    await settle(desktop);
    expect(shown(p.details())).to.be.true;
  });

  it('TASK-1: collapsing with the focus inside the window moves it to the toggle', async () => {
    const kit = await desktopKit();
    const { desktop, p } = kit;
    await signInReady(kit.store);
    await acceptOffer(kit, 'chat');
    await settle(desktop);
    p.end()!.focus();
    await press('Control+Alt+KeyT');
    await settle(desktop);
    expect(desktop.collapsed).to.be.true;
    expect(p.root.activeElement).to.equal(p.toggle());
  });

  it('OFFER-2, TASK-1: accepting an offer while the window is collapsed opens it on the new task', async () => {
    const kit = await desktopKit();
    const { desktop, p, store } = kit;
    await signInReady(store);
    desktop.collapsed = true;
    await settle(desktop);
    const id = await acceptOffer(kit, 'email', { customer: { name: 'Hugo Roux' } });
    await settle(desktop);
    expect(desktop.collapsed).to.be.false;
    expect(p.name()).to.equal('Hugo Roux');
    expect(store.state.selectedTaskId).to.equal(id);
  });

  it('TASK-3, KEY: Ctrl+Shift+8 while the window is collapsed opens it on the next task, focus on its row', async () => {
    const kit = await desktopKit();
    const { desktop, p, store } = kit;
    await signInReady(store);
    const chat = await acceptOffer(kit, 'chat');
    await acceptOffer(kit, 'sms');
    await settle(desktop);
    p.toggle().focus();
    await press('Control+Alt+KeyT');
    await settle(desktop);
    expect(desktop.collapsed).to.be.true;
    await press('Control+Shift+Digit8');
    await until(() => store.state.selectedTaskId === chat, 'the next task (wrapping) is selected');
    await settle(desktop);
    await settle(desktop);
    expect(desktop.collapsed).to.be.false;
    const list = p.root.querySelector('dc-task-list')!;
    expect(p.root.activeElement, 'focus in the task list').to.equal(list);
    expect((list.shadowRoot!.activeElement as HTMLElement | null)?.dataset['taskId']).to.equal(chat);
  });

  it('TASK-1, END-1: the selected task’s summary; End removes it and shows the last accepted task', async () => {
    const kit = await desktopKit();
    const { desktop, p, store } = kit;
    await signInReady(store);
    const chat = await acceptOffer(kit, 'chat', {
      queue: 'Premium support',
      customer: { name: 'Léa Dubois', email: 'lea.dubois@example.com', phone: '+33 6 11 22 33 44' },
      text: 'Hello, I cannot log in.',
    });
    const sms = await acceptOffer(kit, 'sms', {
      queue: 'Delivery SMS',
      customer: { name: 'Nathan Roux', phone: '+33 6 99 88 77 66', sourceNumber: '36 111' },
    });
    const email = await acceptOffer(kit, 'email', { customer: { name: 'Inès Haddad', email: 'ines@example.com' } });
    store.selectTask(chat);
    await settle(desktop);

    // CUST-1: <dc-customer-details> in the details region: the name in bold, the timer, the fields.
    expect(p.details()!.querySelector('dc-customer-details')?.getAttribute('task-id')).to.equal(chat);
    const details = p.card()!;
    const bold = details.querySelector('[part~="name"]')!;
    expect(text(bold)).to.equal('Léa Dubois');
    expect(Number(getComputedStyle(bold).fontWeight)).to.be.at.least(600);
    const fields = Object.fromEntries(
      [...details.querySelectorAll<HTMLElement>('[data-field]')].map((f) => [
        text(f.querySelector('.label')),
        f.querySelector('input')?.value ?? text(f.querySelector('.value')),
      ]),
    );
    expect(fields).to.deep.include({ Email: 'lea.dubois@example.com', 'Phone number': '+33 6 11 22 33 44' });
    expect(text(details.querySelector('.duration'))).to.match(/^0:0\d$/);
    // A chat shows its conversation in <dc-chat-thread> and its compose box in <dc-composer>.
    const thread = p.interaction()!.querySelector('dc-chat-thread')!;
    await until(() => text(thread.shadowRoot).includes('Hello, I cannot log in.'), 'the conversation shows');
    expect(thread.getAttribute('task-id')).to.equal(kit.store.state.selectedTaskId);
    expect(shown(thread.shadowRoot!.querySelector('[part~="header"]')), 'a second header over the thread').to.be.false;
    const composer = p.composer()!.querySelector('dc-composer')!;
    await composer.updateComplete;
    expect(shown(composer.shadowRoot!.querySelector('textarea')), 'the compose box').to.be.true;

    // The timer runs (TASK-4: derived from the acceptance time).
    const before = text(details.querySelector('.duration'));
    await until(() => text(p.card()!.querySelector('.duration')) !== before, 'the timer moves', 2500);

    // SMS names its customer by phone number (the media's display field).
    store.selectTask(sms);
    await settle(desktop);
    expect(p.name()).to.equal('+33 6 99 88 77 66');
    expect(text(p.card()!.querySelector('[data-field="sourceNumber"] .value'))).to.equal('36 111');

    // END-1: End on the chat task; the last accepted task (email) is shown.
    store.selectTask(chat);
    await settle(desktop);
    p.end()!.click();
    await until(() => !store.state.tasks[chat], 'the chat task leaves');
    await settle(desktop);
    expect(store.state.selectedTaskId).to.equal(email);
    expect(p.name()).to.equal('Inès Haddad');
    expect(p.counts()).to.equal('2 tasks');
  });

  it('CUST-1, XFER-1, STATE-8: the details hold Transfer and End; a sign-out with a held task asks inside the desktop', async () => {
    const kit = await desktopKit();
    const { desktop, p, store } = kit;
    await signInReady(store);
    const chat = await acceptOffer(kit, 'chat', { customer: { name: 'Léa Dubois' } });
    await settle(desktop);
    const details = p.details()!.querySelector('dc-customer-details')!;
    expect(details.getAttribute('task-id')).to.equal(chat);
    const menu = p.card()!.querySelector('dc-transfer-menu')!;
    expect(menu.getAttribute('task-id')).to.equal(chat);
    await until(() => !!menu.shadowRoot?.querySelector('button'), 'the Transfer button');
    expect(text(menu.shadowRoot!.querySelector('button'))).to.contain('Transfer');
    expect(text(p.end())).to.equal('End');
    // STATE-8: no confirmation until a sign-out asks for one; then the desktop loads and shows it.
    expect(p.root.querySelector('dc-sign-out-confirm')).to.equal(null);
    store.setState('all', { availability: 'not-ready' });
    await until(() => Object.values(store.state.media).every((m) => m.availability === 'not-ready'), 'every media Not Ready');
    let answer: boolean | undefined;
    void store.signOut().then((v) => (answer = v));
    await until(() => !!p.root.querySelector('dc-sign-out-confirm')?.shadowRoot?.querySelector('dialog[open]'), 'the sign-out confirmation');
    const dialog = p.root.querySelector('dc-sign-out-confirm')!.shadowRoot!.querySelector('dialog')!;
    expect(text(dialog)).to.contain('Léa Dubois');
    await press('Escape');
    await until(() => answer === false, 'Go back answered');
    expect(store.state.tasks[chat]?.status).to.equal('active');
  });

  it('TASK-1: with no task selected, an empty state says what to do', async () => {
    const kit = await desktopKit();
    const { desktop, p, store } = kit;
    expect(text(p.empty())).to.contain('No task selected');
    expect(text(p.empty())).to.contain('Sign in');
    expect(desktop.matches(':state(empty)')).to.be.true;
    store.signIn();
    await until(() => text(p.empty()).includes('Set Ready to receive offers'), 'set Ready hint');
    store.setState('all', { availability: 'ready' });
    await until(() => text(p.empty()).includes('Offers appear at the bottom right'), 'waiting hint');
    expect(p.details()).to.be.null;
    expect(shown(p.list())).to.be.true;
    await expect(kit.provider).to.be.accessible();
  });

  it('TASK-1: slotted elements replace the summaries', async () => {
    const kit = await desktopKit(html`<dc-desktop>
      <div slot="customer-details" id="my-details">CRM customer card</div>
      <div slot="interaction" id="my-thread">CRM thread</div>
      <div slot="composer" id="my-composer">CRM composer</div>
    </dc-desktop>`);
    const { desktop, p } = kit;
    await signInReady(kit.store);
    await acceptOffer(kit, 'chat', { text: 'Bonjour' });
    await settle(desktop);
    for (const [id, region] of [
      ['my-details', p.details()],
      ['my-thread', p.interaction()],
      ['my-composer', p.composer()],
    ] as const) {
      const mine = desktop.querySelector(`#${id}`)!;
      expect(shown(mine), id).to.be.true;
      const r = mine.getBoundingClientRect();
      const box = region!.getBoundingClientRect();
      expect(r.top >= box.top - 1 && r.bottom <= box.bottom + 1, `${id} sits in its region`).to.be.true;
    }
    expect(shown(p.root.querySelector('.summary-head')), 'the details summary').to.be.false;
    expect(shown(p.root.querySelector('.log')), 'the read-only conversation').to.be.false;
    expect(shown(p.root.querySelector('.composer-note')), 'the composer note').to.be.false;
  });

  it('TASK-6: a voice call shows in the header, pauses email timers, and never breaks the layout', async () => {
    const kit = await desktopKit(html`<dc-desktop style="width: 360px"></dc-desktop>`);
    const { desktop, p, provider } = kit;
    await signInReady(kit.store);
    await acceptOffer(kit, 'email', { customer: { name: 'Inès Haddad-Fontaine de la Roche' } });
    await settle(desktop);
    expect(p.voice()).to.be.null;
    provider.voice = true;
    await until(() => !!p.voice(), 'the voice indication');
    await settle(desktop);
    expect(desktop.matches(':state(voice)')).to.be.true;
    expect(text(p.voice())).to.equal('On a voice call — timers paused for Email');
    expect(p.voice()!.closest('[role="status"]'), 'announced').to.exist;
    expect(text(p.card())).to.contain('(paused)');
    // Nothing sticks out of the 360 px gadget.
    const box = desktop.getBoundingClientRect();
    for (const el of [p.voice()!, p.toggle(), p.details()!, p.composer()!]) {
      const r = el.getBoundingClientRect();
      expect(r.right, `${el.className} stays inside`).to.be.at.most(box.right + 0.5);
      expect(r.left).to.be.at.least(box.left - 0.5);
    }
    expect(desktop.scrollWidth).to.be.at.most(desktop.clientWidth);
    provider.voice = false;
    await until(() => !p.voice(), 'the indication leaves');
    expect(desktop.matches(':state(voice)')).to.be.false;
  });

  // Below 30rem (360 px) the desktop is a list and a conversation, one at a time: narrow-desktop.test.ts (HOSTILE-24).
  it('TASK-1: a gadget column (600 px) stacks the regions; wide (1200 px) puts the list on the left', async () => {
    const kit = await desktopKit(html`<dc-desktop style="width: 600px; height: 720px"></dc-desktop>`);
    const { desktop, p } = kit;
    await signInReady(kit.store);
    await acceptOffer(kit, 'chat');
    await acceptOffer(kit, 'sms');
    await settle(desktop);
    const rect = (el: Element | null) => el!.getBoundingClientRect();

    // Stacked: one column, the task list above the selected task, then details, pane, composer.
    let [list, details, pane, composer] = [rect(p.list()), rect(p.details()), rect(p.interaction()), rect(p.composer())];
    for (const r of [list, details, pane, composer]) {
      expect(Math.round(r.left)).to.equal(Math.round(list.left));
      expect(r.width).to.be.closeTo(598, 2);
    }
    expect(list.bottom).to.be.at.most(details.top + 1);
    expect(details.bottom).to.be.at.most(pane.top + 1);
    expect(pane.bottom).to.be.at.most(composer.top + 1);
    expect(pane.height).to.be.at.least(100);
    expect(composer.bottom).to.be.at.most(rect(desktop).bottom + 1);

    // Wide: the list is a left column beside details, the pane under them, the composer at the bottom.
    desktop.style.width = '1200px';
    await settle(desktop);
    [list, details, pane, composer] = [rect(p.list()), rect(p.details()), rect(p.interaction()), rect(p.composer())];
    expect(list.width).to.be.within(16 * 16 - 1, 20 * 16 + 1);
    expect(list.right).to.be.at.most(details.left + 1);
    expect(details.top).to.be.closeTo(list.top, 1);
    expect(pane.left).to.be.closeTo(details.left, 1);
    expect(pane.top).to.be.at.least(details.bottom - 1);
    expect(composer.top).to.be.at.least(pane.bottom - 1);
    expect(composer.bottom).to.be.closeTo(list.bottom, 1);
    expect(details.width).to.be.greaterThan(800);
  });

  it('MAIL-1, MAIL-3: an email task shows the email thread and the email reply, the email in its sandboxed frame', async () => {
    const kit = await desktopKit(html`<dc-desktop style="width: 900px; height: 700px"></dc-desktop>`);
    const { desktop, p } = kit;
    await signInReady(kit.store);
    await acceptOffer(kit, 'email', { email: 'rich' });
    await until(() => !!p.root.querySelector('dc-email-thread'), 'the email thread');
    await settle(desktop);
    expect(p.root.querySelector('dc-chat-thread'), 'no chat thread for an email').to.be.null;
    expect(p.root.querySelector('dc-composer'), 'no chat composer for an email').to.be.null;
    expect(p.root.querySelector('dc-email-composer'), 'the email reply').to.exist;
    const thread = p.root.querySelector('dc-email-thread')!;
    await until(() => !!thread.shadowRoot!.querySelector('dc-email-frame')?.shadowRoot?.querySelector('iframe'), 'the email frame');
    const frame = thread.shadowRoot!.querySelector('dc-email-frame')!.shadowRoot!.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.not.contain('allow-scripts');
    // The email's markup never reaches the desktop's own DOM.
    expect(p.root.querySelector('img')).to.be.null;
    expect(desktop.querySelector('img')).to.be.null;
    await expect(kit.provider).to.be.accessible();
  });

  it('MAIL-5, MAIL-6, MAIL-10: Reply all from the thread, Forward and back, type, send: the sent email shows in the thread', async () => {
    const kit = await desktopKit(html`<dc-desktop style="width: 900px; height: 760px"></dc-desktop>`);
    const { p } = kit;
    await signInReady(kit.store);
    const id = await acceptOffer(kit, 'email', { email: 'plain' });
    await until(() => !!p.root.querySelector('dc-email-thread')?.shadowRoot?.querySelector('[data-action="reply-all"]'), 'Reply all');
    const thread = p.root.querySelector('dc-email-thread')!;
    const replied = kit.store.state.messages[id]!.find((m) => m.email)!;
    (thread.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="reply-all"]')!).click();
    await until(() => kit.store.state.drafts[id]?.email?.mode === 'reply-all', 'a Reply all draft');
    const composer = p.root.querySelector('dc-email-composer')!;
    await until(() => !!composer.shadowRoot!.querySelector('.ql-editor'), 'the editor');
    const editor = composer.shadowRoot!.querySelector<HTMLElement>('.ql-editor')!;
    editor.focus();
    await sendKeys({ type: 'Thank you, it is sorted.' });
    await until(() => (kit.store.state.drafts[id]?.text ?? '').includes('it is sorted'), 'the body in the draft');
    const mode = (m: string) => composer.shadowRoot!.querySelector<HTMLButtonElement>(`[data-mode="${m}"]`)!;
    mode('forward').click();
    await until(() => kit.store.state.drafts[id]?.email?.mode === 'forward', 'Forward');
    expect(kit.store.state.drafts[id]!.email!.to, 'Forward: To cleared').to.deep.equal([]);
    mode('reply-all').click();
    await until(() => kit.store.state.drafts[id]?.email?.mode === 'reply-all', 'Reply all again');
    expect(kit.store.state.drafts[id]!.email!.to.join(' ')).to.contain(replied.email!.from.replace(/^.*<|>$/g, ''));
    expect(kit.store.state.drafts[id]!.text, 'the body kept').to.contain('it is sorted');
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send"]')!.click();
    await until(
      () => kit.store.state.messages[id]!.some((m) => m.from === 'agent' && m.email && m.text.includes('it is sorted')),
      'the sent email in the thread',
      15000,
    );
    expect(kit.store.state.drafts[id], 'the draft cleared').to.be.undefined;
    // Newest first: the agent's email at the top, from the media's own address, sent then delivered (DR).
    await until(() => {
      const first = thread.shadowRoot!.querySelector('[part~="email"]');
      const state = first?.querySelector('[part~="state"]')?.getAttribute('data-state');
      return !!first && text(first).includes('support@example.com') && (state === 'sent' || state === 'dr');
    }, 'the sent email at the top of the thread', 15000);
  });

  it('EMBED-1: works with a store passed as a property, outside any provider', async () => {
    const kit = await mountKit(html`<span></span>`);
    await signInReady(kit.store);
    const id = await acceptOffer(kit, 'chat', { customer: { name: 'Zoé Garcia' } });
    const desktop = await fixture<DcDesktop>(html`<dc-desktop .store=${kit.store}></dc-desktop>`);
    await settle(desktop);
    const p = parts(desktop);
    expect(p.name()).to.equal('Zoé Garcia');
    const list = p.root.querySelector('dc-task-list')!;
    await (list as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(list.shadowRoot!.querySelector(`[data-task-id="${id}"]`), 'the task list row').to.exist;
    const picker = p.root.querySelector('dc-state-picker')!;
    expect(picker.matches(':state(ready)')).to.be.true;
  });

  it('EMBED-5: French', async () => {
    const kit = await desktopKit(undefined, { lang: 'fr' });
    const { desktop, p } = kit;
    await signInReady(kit.store);
    await acceptOffer(kit, 'chat', { customer: { name: 'Léa Dubois' } });
    await settle(desktop);
    expect(p.list().getAttribute('aria-label')).to.equal('Liste des tâches');
    expect(p.details()!.getAttribute('aria-label')).to.equal('Informations client');
    expect(p.interaction()!.getAttribute('aria-label')).to.equal('Volet d’interaction');
    expect(p.composer()!.getAttribute('aria-label')).to.equal('Zone de saisie');
    expect(text(p.end())).to.equal('Fin');
    expect(p.counts()).to.equal('1 tâche');
    expect(text(p.toggle())).to.equal('Tâches');
    kit.provider.voice = true;
    await until(() => !!p.voice(), 'the voice indication');
    expect(text(p.voice())).to.equal('Appel vocal en cours — minuteurs en pause pour Email');
  });

  it('is accessible with tasks, collapsed and during a voice call', async () => {
    const kit = await desktopKit();
    const { desktop } = kit;
    await signInReady(kit.store);
    const chat = await acceptOffer(kit, 'chat');
    await acceptOffer(kit, 'email');
    kit.backend.customerMessage(chat, 'Hello?');
    kit.provider.voice = true;
    await settle(desktop);
    await expect(kit.provider).to.be.accessible();
    desktop.collapsed = true;
    await settle(desktop);
    await expect(kit.provider).to.be.accessible();
  });
});
