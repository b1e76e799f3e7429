/**
 * HOSTILE-24: the desktop in a CRM side panel (360 and 380 px wide). Below 30rem of its own width it is
 * a list and a conversation, as mobile inboxes are: the task list fills the window; opening a task
 * shows its details, thread and composer with Back (and Escape, and the `tasks.back` shortcut) to the
 * list. The selected task and the unread counts behave as in the wide layout. Offers stack compactly
 * in the window and never cover Send; notifications never cover the state control.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/desktop/desktop.js';
import type { DcDesktop } from '../../src/elements/desktop/desktop.js';
import type { MediaId } from '../../src/model/media.js';
import type { OfferOptions } from '../../src/simulator/index.js';
import { deepAll } from '../support/hostile.js';
import { clickAt, coveredBy, onShow } from '../support/layout.js';
import { mountKit, press, signInReady, text, until } from '../support/kit.js';

type Kit = Awaited<ReturnType<typeof narrow>>;

const CUSTOMERS: readonly { media: MediaId; options: OfferOptions }[] = [
  {
    media: 'chat',
    options: {
      queue: 'Premium support',
      customer: { name: 'Alice Martin', email: 'alice@example.com', phone: '+33 6 11 22 33 44', accountNumber: 'AC-1', address: '12 rue des Lilas, Lyon', question: 'My login fails' },
      text: null,
    },
  },
  { media: 'sms', options: { queue: 'Delivery', customer: { name: 'Nathan Roux', phone: '+33 6 12 34 56 78' }, text: null } },
  { media: 'chat', options: { queue: 'Sales', customer: { name: 'Chloé Petit', email: 'chloe@example.com' }, text: null } },
  { media: 'social', options: { queue: 'Social', customer: { name: 'Hugo Blanc', phone: '+33 6 98 76 54 32' }, text: null } },
  { media: 'email', options: { queue: 'Claims', customer: { name: 'Inès Haddad', email: 'ines@example.com' }, text: null } },
];

async function narrow(width: number) {
  const kit = await mountKit(html`<dc-desktop style="width: ${width}px; height: 720px"></dc-desktop>`, {
    config: { media: { chat: { capacity: 5 }, sms: { capacity: 5 }, social: { capacity: 5 }, email: { capacity: 5 } } },
  });
  const desktop = kit.provider.querySelector<DcDesktop>('dc-desktop')!;
  await desktop.updateComplete;
  const root = desktop.shadowRoot!;
  const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);
  const list = () => root.querySelector('dc-task-list')!;
  return {
    ...kit,
    desktop,
    part,
    rows: () => [...list().shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')],
    row: (id: string) => list().shadowRoot!.querySelector<HTMLElement>(`[part~="row"][data-task-id="${id}"]`)!,
    /** Whether the keyboard focus is on the task's row. */
    focusedRow: (id: string) => (list().shadowRoot!.activeElement as HTMLElement | null)?.dataset['taskId'] === id,
    back: () => part('back') as HTMLButtonElement | null,
    trigger: () => root.querySelector('dc-state-picker')!.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]')!,
    send: () => root.querySelector('dc-composer')?.shadowRoot?.querySelector<HTMLElement>('[part~="send"]') ?? null,
    thread: () => root.querySelector('dc-chat-thread'),
  };
}

async function settle(kit: Kit): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  for (const el of deepAll(kit.provider, '*')) await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 30));
}

async function hold(kit: Kit, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const c of CUSTOMERS.slice(0, count)) {
    const offer = kit.backend.offer(c.media, c.options)!;
    await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
    kit.store.accept(offer.id);
    await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
    ids.push(offer.id);
  }
  return ids;
}

const shown = (el: Element | null | undefined) => !!el && el.getBoundingClientRect().height > 0;

describe('HOSTILE-24: the desktop in a narrow side panel', function () {
  this.timeout(30000);
  // A window tall enough for a 720 px side panel.
  before(() => setViewport({ width: 1000, height: 800 }));

  for (const width of [360, 380]) {
    it(`HOSTILE-24, TASK-1, TASK-3: at ${width} px, the list fills the window; a task opens its conversation; Back, Escape and Ctrl+Alt+B go back`, async () => {
      const kit = await narrow(width);
      await signInReady(kit.store);
      const [alice, nathan, , , ines] = await hold(kit, 5);
      await settle(kit);
      expect(kit.desktop.matches(':state(narrow)')).to.equal(true);

      // The last accepted task is on show: its conversation, with Back.
      expect(kit.store.state.selectedTaskId).to.equal(ines);
      expect(shown(kit.part('task-list-region')), 'the list, behind the conversation').to.equal(false);
      expect(onShow(kit.back()), 'Back').to.equal(true);

      // Back: the list fills the window, every task on show; the selection stays.
      await clickAt(kit.back()!);
      await settle(kit);
      expect(kit.desktop.matches(':state(list-view)')).to.equal(true);
      expect(shown(kit.part('interaction')), 'the conversation, behind the list').to.equal(false);
      expect(kit.rows()).to.have.length(5);
      for (const row of kit.rows()) expect(onShow(row), `${text(row)} (${coveredBy(row)})`).to.equal(true);
      expect(kit.store.state.selectedTaskId).to.equal(ines);
      expect(kit.row(ines).getAttribute('aria-selected')).to.equal('true');
      expect(kit.focusedRow(ines)).to.equal(true);
      await expect(kit.provider).to.be.accessible();

      // A click opens Alice's task: every customer field, the thread and the composer on show.
      await clickAt(kit.row(alice));
      await settle(kit);
      expect(kit.store.state.selectedTaskId).to.equal(alice);
      expect(kit.desktop.matches(':state(list-view)')).to.equal(false);
      const details = kit.part('details')!;
      await until(() => !!details.querySelector('dc-customer-details')?.shadowRoot?.querySelector('[data-field]'), 'the customer details');
      const fields = [...details.querySelector('dc-customer-details')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-field]')];
      expect(fields.length).to.be.at.least(5);
      // Each field can be brought into view inside the details (at most ten show before they scroll), and
      // is then neither clipped nor covered.
      for (const f of fields) {
        f.scrollIntoView({ block: 'nearest' });
        expect(onShow(f), `${text(f)} (${coveredBy(f)})`).to.equal(true);
      }
      details.scrollIntoView({ block: 'start' });
      expect(kit.thread()!.getBoundingClientRect().height, 'the thread').to.be.at.least(240);
      expect(onShow(kit.send()), 'Send').to.equal(true);
      expect(onShow(kit.trigger()), 'the state control').to.equal(true);
      await expect(kit.provider).to.be.accessible();

      // Escape in the conversation goes back, the focus on the task's row.
      kit.thread()!.shadowRoot!.querySelector<HTMLElement>('[part~="log"]')!.focus();
      await press('Escape');
      await settle(kit);
      expect(kit.desktop.matches(':state(list-view)')).to.equal(true);
      expect(kit.focusedRow(alice)).to.equal(true);

      // The keyboard opens Nathan's task (Down, Enter); Ctrl+Alt+B from the text box goes back.
      await press('ArrowDown');
      await press('Enter');
      await settle(kit);
      expect(kit.store.state.selectedTaskId).to.equal(nathan);
      expect(kit.desktop.matches(':state(list-view)')).to.equal(false);
      kit.desktop.shadowRoot!.querySelector('dc-composer')!.focus();
      await sendKeys({ type: 'On my way' });
      await press('Control+Alt+KeyB');
      await settle(kit);
      expect(kit.desktop.matches(':state(list-view)')).to.equal(true);
      expect(kit.focusedRow(nathan)).to.equal(true);
      expect(kit.store.state.drafts[nathan]?.text, 'the draft is kept').to.equal('On my way');
    });

    it(`HOSTILE-24, TASK-5: at ${width} px, unread counts as in the wide layout: the task behind the list counts, opening it clears`, async () => {
      const kit = await narrow(width);
      await signInReady(kit.store);
      const [alice, nathan] = await hold(kit, 2);
      await settle(kit);
      // In the conversation of Nathan: his messages are read, Alice's count.
      kit.backend.customerMessage(nathan, 'Friday?');
      kit.backend.customerMessage(alice, 'Hello?');
      await until(() => text(kit.part('counts')).includes('1 unread'), 'one unread');
      expect(kit.store.state.reads[nathan]).to.equal(kit.store.state.customerCounts[nathan]);
      // Back to the list: Nathan's task is behind it; his new message counts as unread.
      await clickAt(kit.back()!);
      await settle(kit);
      kit.backend.customerMessage(nathan, 'Or Saturday?');
      await until(() => text(kit.part('counts')).includes('2 unread'), 'two unread');
      await until(() => text(kit.row(nathan).querySelector('[part~="unread"] [aria-hidden]')) === '1', 'his row counts it');
      // The notification's Open opens it: its count clears, and only its.
      const note = () => deepAll(kit.provider, '[part~="notification"]').find((n) => text(n).includes('+33 6 12 34 56 78 (SMS)'));
      await until(() => !!note(), 'a notification for Nathan (SMS shows his number)');
      const open = note()!.querySelector<HTMLElement>('[part~="action"]')!;
      expect(onShow(open), coveredBy(open)).to.equal(true);
      await clickAt(open);
      await settle(kit);
      expect(kit.desktop.matches(':state(list-view)')).to.equal(false);
      await until(() => text(kit.part('counts')).includes('1 unread'), 'one unread again');
      expect(kit.row(alice).querySelector('[part~="unread"]')).to.exist;
      expect(kit.row(nathan).querySelector('[part~="unread"]')).to.equal(null);
    });

    it(`HOSTILE-24, OFFER-1, STATE-7: at ${width} px, offers stack compactly and never cover Send; a notification never covers the state control`, async () => {
      const kit = await narrow(width);
      await signInReady(kit.store);
      await hold(kit, 1);
      await settle(kit);
      for (const c of CUSTOMERS.slice(1, 4)) kit.backend.offer(c.media, c.options);
      const offers = kit.desktop.shadowRoot!.querySelector('dc-offers')!;
      await until(() => offers.shadowRoot!.querySelectorAll('[part~="offer"]').length === 3, 'three offers');
      await settle(kit);
      for (const card of offers.shadowRoot!.querySelectorAll('[part~="offer"]')) {
        expect(card.getBoundingClientRect().height, `${card.getAttribute('aria-label')} is compact`).to.be.at.most(80);
      }
      for (const accept of offers.shadowRoot!.querySelectorAll('[part~="accept"]')) expect(onShow(accept), coveredBy(accept)).to.equal(true);
      expect(onShow(kit.send()), `Send (${coveredBy(kit.send()!)})`).to.equal(true);
      expect(onShow(kit.trigger()), 'the state control').to.equal(true);

      // A warning (a supervisor's change) and a retry countdown: the state control stays uncovered.
      kit.backend.serverSetState('email', { availability: 'not-ready' }, 'supervisor');
      kit.backend.failStateChange('sms', { reason: 'Gateway timeout' });
      kit.store.setState('chat-social', { availability: 'not-ready', reasonId: 'lunch' });
      await until(() => deepAll(kit.provider, '[part~="notification"]').length >= 2, 'two notifications');
      await settle(kit);
      expect(onShow(kit.trigger()), `the state control (${coveredBy(kit.trigger())})`).to.equal(true);
      for (const dismiss of deepAll(kit.provider, '[part~="dismiss"]')) expect(onShow(dismiss), coveredBy(dismiss)).to.equal(true);
      await expect(kit.provider).to.be.accessible();
      // The offers work from there: a click accepts one, which opens its conversation.
      const first = offers.shadowRoot!.querySelector<HTMLElement>('[part~="offer"]')!;
      await clickAt(first.querySelector('[part~="accept"]')!);
      await until(() => kit.store.state.selectedTaskId === first.dataset['task'], 'accepted and on show');
    });
  }

  it('HOSTILE-24: wide (800 px) keeps the list beside the conversation and has no Back', async () => {
    const kit = await narrow(800);
    await signInReady(kit.store);
    await hold(kit, 2);
    await settle(kit);
    expect(kit.desktop.matches(':state(narrow)')).to.equal(false);
    expect(shown(kit.part('task-list-region'))).to.equal(true);
    expect(shown(kit.part('interaction'))).to.equal(true);
    expect(shown(kit.back())).to.equal(false);
    // Ctrl+Alt+B goes to the list there too: the selected task's row takes the focus.
    await press('Control+Alt+KeyB');
    await settle(kit);
    expect(kit.focusedRow(kit.store.state.selectedTaskId!)).to.equal(true);
  });
});
