import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { Clock } from '../../src/backend/clock.js';
import { SimulatedBackend, type OfferOptions } from '../../src/simulator/index.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import '../../src/elements/notifications/notifications.js';
import '../../src/elements/task-list/task-list.js';
import { VIRTUAL_FROM, type DcTaskList } from '../../src/elements/task-list/task-list.js';
import type { DcAttentionEvent, DcTaskSelectEvent } from '../../src/events/events.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { taskListOrder } from '../../src/model/tasks.js';
import { MemoryStorage } from '../../src/store/persist.js';
import type { DcStore } from '../../src/store/store.js';
import { press, signInReady, text, until } from '../support/kit.js';

/** The real clock, moved forward by hand: timers run for real, and time can jump (TASK-4). */
class ShiftClock implements Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    return globalThis.setTimeout(fn, ms);
  }
  clearTimeout(handle: unknown): void {
    globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

interface ListKitOptions {
  config?: DcConfigInput;
  lang?: 'en' | 'fr';
  /** The kit's own storage (FAIL-3) and the simulated server's: share them to simulate a reload. */
  storage?: Storage;
  serverStorage?: Storage;
  clock?: ShiftClock;
  content?: TemplateResult;
}

/** A provider on the simulated centre (no latency) around a task list, with a clock tests can move. */
async function mountList(options: ListKitOptions = {}) {
  const config: DcConfigInput = { retryDelayMs: 20, retryMaxDelayMs: 200, ...options.config };
  const clock = options.clock ?? new ShiftClock();
  const serverStorage = options.serverStorage ?? new MemoryStorage();
  const backend = new SimulatedBackend({ config: resolveConfig(config), clock, storage: serverStorage, storageKey: 'server' });
  const storage = options.storage ?? new MemoryStorage();
  const provider = await fixture<DcProvider>(
    html`<dc-provider .config=${config} .backend=${backend} .storage=${storage} .clock=${clock} lang=${options.lang ?? 'en'}
      >${options.content ?? html`<dc-task-list></dc-task-list>`}</dc-provider
    >`,
  );
  const store = provider.store!;
  await store.ready;
  await provider.localeReady;
  const list = provider.querySelector<DcTaskList>('dc-task-list')!;
  await list.updateComplete;
  return { provider, backend, store, storage, serverStorage, clock, list };
}

type Kit = Awaited<ReturnType<typeof mountList>>;

const readyForOffers = (kit: Kit): Promise<void> => signInReady(kit.store);

/** Offers a task and accepts it as the agent would; one simulated second apart, so the order is stable. */
async function hold(kit: Kit, media: string, options: OfferOptions = {}): Promise<string> {
  const offer = kit.backend.offer(media, { text: null, ...options });
  if (!offer) throw new Error(`The simulated centre refused a ${media} offer`);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offer in the store');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'task accepted');
  kit.clock.advance(1000);
  await kit.list.updateComplete;
  return offer.id;
}

/** A kit holding a chat task (Alice) and an SMS task (a phone number); the SMS one is selected. */
async function twoTasks(options: ListKitOptions = {}) {
  const kit = await mountList(options);
  await readyForOffers(kit);
  const chat = await hold(kit, 'chat', { queue: 'Sales', customer: { name: 'Alice Martin', email: 'alice@example.com' } });
  const sms = await hold(kit, 'sms', { queue: 'Billing SMS', customer: { name: 'Bob Durand', phone: '+33 6 12 34 56 78' } });
  return { ...kit, chat, sms };
}

function rows(list: DcTaskList): HTMLElement[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
}
function row(list: DcTaskList, id: string): HTMLElement {
  const found = list.shadowRoot!.querySelector<HTMLElement>(`[part~="row"][data-task-id="${id}"]`);
  if (!found) throw new Error(`No row for ${id}`);
  return found;
}
/** What a sighted agent reads: the text without the words meant for screen readers only. */
function visible(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return text(copy);
}
/** What a screen reader says: the text without what is hidden from it. */
function spoken(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return text(copy);
}
const partOf = (r: HTMLElement, name: string) => r.querySelector<HTMLElement>(`[part~="${name}"]`);
const toggle = (list: DcTaskList) => list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
const focused = (list: DcTaskList) => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset['taskId'];

async function settle(list: DcTaskList): Promise<void> {
  await list.updateComplete;
  await list.updateComplete;
}

describe('dc-task-list', () => {
  // The test runner's window, for the tests that mount in another (see the 500-task test).
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('TASK-2: a chat row shows the media, queue, timer and the customer name in bold', async () => {
    const { list, chat } = await twoTasks();
    const r = row(list, chat);
    expect(r.getAttribute('role')).to.equal('option');
    expect(r.querySelector('svg.icon-message-circle'), 'chat icon').to.exist;
    expect(text(r.querySelector('.media'))).to.equal('Chat,');
    expect(visible(partOf(r, 'queue'))).to.equal('Sales');
    expect(visible(partOf(r, 'timer'))).to.match(/^0:0\d$/);
    expect(visible(partOf(r, 'name'))).to.equal('Alice Martin');
    expect(Number(getComputedStyle(partOf(r, 'name')!).fontWeight)).to.be.at.least(700);
    expect(partOf(r, 'unread'), 'no badge at 0').to.be.null;
    // Screen readers hear the row as one phrase.
    expect(spoken(r)).to.match(/^Chat, Sales, duration 0:0\d, Alice Martin$/);
  });

  it('TASK-2: an SMS row shows the phone number (its display field) and the rows follow acceptance order', async () => {
    const { list, chat, sms } = await twoTasks();
    expect(rows(list).map((r) => r.dataset['taskId'])).to.deep.equal([chat, sms]);
    const r = row(list, sms);
    expect(r.querySelector('svg.icon-smartphone'), 'SMS icon').to.exist;
    expect(visible(partOf(r, 'name'))).to.equal('+33 6 12 34 56 78');
    expect(visible(partOf(r, 'queue'))).to.equal('Billing SMS');
    expect(text(toggle(list))).to.equal('Tasks (2)');
  });

  it('TASK-2: a configured display field wins; without it the name, then the queue', async () => {
    const kit = await mountList({ config: { media: { chat: { displayField: 'email', capacity: 5 } } } });
    await readyForOffers(kit);
    const a = await hold(kit, 'chat', { queue: 'Sales', customer: { name: 'Alice', email: 'alice@example.com' } });
    const b = await hold(kit, 'chat', { queue: 'Sales', customer: { name: 'Bob' } });
    const c = await hold(kit, 'chat', { queue: 'Walk-ins', customer: {} });
    expect([a, b, c].map((id) => visible(partOf(row(kit.list, id), 'name')))).to.deep.equal(['alice@example.com', 'Bob', 'Walk-ins']);
  });

  it('TASK-2/TASK-5: a message for a task not on show raises its unread badge, under the timer', async () => {
    const { list, backend, store, chat, sms } = await twoTasks();
    expect(store.state.selectedTaskId).to.equal(sms);
    backend.customerMessage(chat, 'Hello?');
    await until(() => !!partOf(row(list, chat), 'unread'), 'badge appears');
    let badge = partOf(row(list, chat), 'unread')!;
    expect(visible(badge)).to.equal('1');
    expect(text(badge.querySelector('.visually-hidden'))).to.equal(', 1 unread message');
    backend.customerMessage(chat, 'Anyone there?');
    await until(() => visible(partOf(row(list, chat), 'unread')) === '2', 'badge counts 2');
    badge = partOf(row(list, chat), 'unread')!;
    expect(text(badge.querySelector('.visually-hidden'))).to.equal(', 2 unread messages');
    expect(partOf(row(list, sms), 'unread'), 'the task on show has none').to.be.null;
    // Highlighted under the timer: same column, lower line.
    const timer = partOf(row(list, chat), 'timer')!.getBoundingClientRect();
    const b = badge.getBoundingClientRect();
    expect(b.top).to.be.at.least(timer.bottom - 1);
    expect(Math.abs(b.right - timer.right)).to.be.below(2);
    expect(list.matches(':state(unread)')).to.be.true;
    expect(visible(list.shadowRoot!.querySelector('[part~="unread-total"]'))).to.equal('2');
  });

  it('TASK-3: clicking a row selects it, clears its unread count and fires dc-task-select', async () => {
    const { list, backend, store, chat, sms } = await twoTasks();
    backend.customerMessage(chat, 'Hello?');
    await until(() => !!partOf(row(list, chat), 'unread'), 'badge');
    const events: string[] = [];
    list.addEventListener('dc-task-select', (e: DcTaskSelectEvent) => events.push(e.detail.taskId));
    expect(row(list, sms).getAttribute('aria-selected')).to.equal('true');
    row(list, chat).click();
    await settle(list);
    expect(store.state.selectedTaskId).to.equal(chat);
    expect(events).to.deep.equal([chat]);
    expect(row(list, chat).getAttribute('aria-selected')).to.equal('true');
    expect(row(list, sms).getAttribute('aria-selected')).to.equal('false');
    expect(partOf(row(list, chat), 'unread'), 'unread cleared').to.be.null;
    expect(store.state.notifications.some((n) => n.code === 'new-message'), 'its notification goes too').to.be.false;
    expect(list.matches(':state(unread)')).to.be.false;
  });

  it('TASK-3: one tab stop; Up/Down/Home/End move the focus, Enter and Space select', async () => {
    const kit = await mountList({ config: { media: { chat: { capacity: 5 } } } });
    await readyForOffers(kit);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await hold(kit, 'chat', { customer: { name: `Customer ${i}` } }));
    const { list, store } = kit;
    const [first, second, third, last] = ids as [string, string, string, string];
    expect(store.state.selectedTaskId).to.equal(last);
    expect(rows(list).filter((r) => r.tabIndex === 0).map((r) => r.dataset['taskId'])).to.deep.equal([last]);
    toggle(list).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(list), 'Tab lands on the selected row').to.equal(last);
    await sendKeys({ press: 'Home' });
    expect(focused(list)).to.equal(first);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(list)).to.equal(second);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(list)).to.equal(third);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(list)).to.equal(second);
    expect(store.state.selectedTaskId, 'arrows move the focus, not the selection').to.equal(last);
    await settle(list);
    expect(rows(list).filter((r) => r.tabIndex === 0).map((r) => r.dataset['taskId'])).to.deep.equal([second]);
    await sendKeys({ press: 'Enter' });
    await settle(list);
    expect(store.state.selectedTaskId).to.equal(second);
    expect(row(list, second).getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    expect(focused(list)).to.equal(last);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(list), 'Down stops at the last row').to.equal(last);
    await sendKeys({ press: 'Space' });
    await settle(list);
    expect(store.state.selectedTaskId).to.equal(last);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(list), 'Up stops at the first row').to.equal(first);
    // Shift+Tab leaves the list for the header button: the rows are one tab stop.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(list.shadowRoot!.activeElement).to.equal(toggle(list));
  });

  it('TASK-3: the header button collapses and expands the list, by mouse and by keyboard', async () => {
    const { list, backend, chat } = await twoTasks();
    const button = toggle(list);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    button.click();
    await settle(list);
    expect(list.collapsed).to.be.true;
    expect(list.hasAttribute('collapsed')).to.be.true;
    expect(list.matches(':state(collapsed)')).to.be.true;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(rows(list)).to.have.length(0);
    expect(list.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!.hidden).to.be.true;
    // TASK-5: collapsed, the header still counts tasks and unread messages.
    backend.customerMessage(chat, 'Still there?');
    await until(() => !!list.shadowRoot!.querySelector('[part~="unread-total"]'), 'total unread in the header');
    expect(text(button.querySelector('.title'))).to.equal('Tasks (2)');
    expect(visible(list.shadowRoot!.querySelector('[part~="unread-total"]'))).to.equal('1');
    expect(spoken(button)).to.equal('Tasks (2), 1 unread message');
    await expect(list).to.be.accessible();
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(list);
    expect(list.collapsed).to.be.false;
    expect(rows(list)).to.have.length(2);
    await sendKeys({ press: 'Space' });
    await settle(list);
    expect(list.collapsed).to.be.true;
    await sendKeys({ press: 'Space' });
    await settle(list);
    expect(list.collapsed).to.be.false;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
  });

  it('TASK-4: the timer is derived from the acceptance time and runs on the shared ticker', async () => {
    const { list, clock, chat } = await twoTasks();
    const timer = () => visible(partOf(row(list, chat), 'timer'));
    expect(timer()).to.match(/^0:0[0-9]$/);
    clock.advance(65_000);
    await until(() => /^1:0[5-9]$/.test(timer()), 'the timer moves on by itself', 2500);
    clock.advance(3600_000);
    await until(() => /^1:01:0\d$/.test(timer()), 'an hour later', 2500);
  });

  it('TASK-4/FAIL-3: after a reload the same tasks show, their timers still counting from acceptance', async () => {
    const storage = new MemoryStorage();
    const serverStorage = new MemoryStorage();
    const clock = new ShiftClock();
    const first = await twoTasks({ storage, serverStorage, clock });
    clock.advance(125_000);
    first.list.requestUpdate();
    await first.list.updateComplete;
    const before = rows(first.list).map((r) => [r.dataset['taskId'], visible(partOf(r, 'name'))]);
    first.provider.remove();
    first.backend.close();

    const second = await mountList({ storage, serverStorage, clock });
    await until(() => rows(second.list).length === 2, 'tasks back after the reload');
    expect(rows(second.list).map((r) => [r.dataset['taskId'], visible(partOf(r, 'name'))])).to.deep.equal(before);
    expect(second.store.state.selectedTaskId).to.equal(first.sms);
    expect(visible(partOf(row(second.list, first.chat), 'timer'))).to.match(/^2:0\d$/);
    clock.advance(60_000);
    await until(() => /^3:0\d$/.test(visible(partOf(row(second.list, first.chat), 'timer'))), 'still running', 2500);
  });

  it('TASK-4: a voice call freezes the email timer (pauseOnVoice) but not the chat one', async () => {
    const kit = await mountList();
    await readyForOffers(kit);
    const chat = await hold(kit, 'chat', { customer: { name: 'Alice' } });
    const email = await hold(kit, 'email', { customer: { name: 'Carla', email: 'carla@example.com' } });
    const { list, provider, clock } = kit;
    const timer = (id: string) => visible(partOf(row(list, id), 'timer'));
    provider.voice = true;
    await until(() => kit.store.state.voice, 'voice call reported');
    await settle(list);
    const emailAtStart = timer(email);
    expect(partOf(row(list, email), 'timer')!.classList.contains('paused')).to.be.true;
    expect(text(partOf(row(list, email), 'timer'))).to.contain('paused during the voice call');
    expect(row(list, email).querySelector('[part~="timer"] svg.icon-phone')).to.exist;
    expect(partOf(row(list, chat), 'timer')!.classList.contains('paused')).to.be.false;
    clock.advance(30_000);
    list.requestUpdate();
    await list.updateComplete;
    expect(timer(email)).to.equal(emailAtStart);
    expect(timer(chat)).to.match(/^0:3\d$/);
    await expect(list).to.be.accessible();
    provider.voice = false;
    await until(() => !kit.store.state.voice, 'voice call over');
    clock.advance(10_000);
    list.requestUpdate();
    await list.updateComplete;
    expect(partOf(row(list, email), 'timer')!.classList.contains('paused')).to.be.false;
    const [m, s] = emailAtStart.split(':').map(Number) as [number, number];
    const [m2, s2] = timer(email).split(':').map(Number) as [number, number];
    expect(m2 * 60 + s2 - (m * 60 + s)).to.be.within(10, 11);
  });

  it('TASK-5: a message elsewhere raises a notification and a dc-attention event with the counts', async () => {
    const content = html`<dc-task-list></dc-task-list><dc-notifications placement="inline"></dc-notifications>`;
    const { list, provider, backend, store, chat, sms } = await twoTasks({ content });
    const seen: DcAttentionEvent['detail'][] = [];
    provider.addEventListener('dc-attention', (e: DcAttentionEvent) => seen.push(e.detail));
    backend.customerMessage(chat, 'Is my order shipped?');
    await until(() => seen.length > 0, 'dc-attention fired');
    expect(seen.at(-1)).to.deep.equal({ unread: 1, tasks: { [chat]: 1, [sms]: 0 }, away: false });
    const note = store.state.notifications.find((n) => n.code === 'new-message');
    expect(note?.params).to.include({ taskId: chat, customer: 'Alice Martin', unread: 1 });
    const notifications = provider.querySelector('dc-notifications')!;
    await until(() => text(notifications.shadowRoot).includes('New message from Alice Martin'), 'notification shown');
    await until(() => visible(partOf(row(list, chat), 'unread')) === '1', 'badge');
    // Selecting it clears the count; the host hears the total went back to zero.
    row(list, chat).click();
    await until(() => seen.at(-1)?.unread === 0, 'attention cleared');
  });

  it('TASK-5: while the agent is away (the host says so) even the task on show counts unread', async () => {
    const { list, provider, backend, store, sms } = await twoTasks();
    const seen: DcAttentionEvent['detail'][] = [];
    provider.addEventListener('dc-attention', (e: DcAttentionEvent) => seen.push(e.detail));
    backend.customerMessage(sms, 'Seen at once');
    await new Promise((r) => setTimeout(r, 50));
    await settle(list);
    expect(partOf(row(list, sms), 'unread'), 'the agent is looking: read').to.be.null;
    provider.away = true;
    await provider.updateComplete;
    backend.customerMessage(sms, 'Hello? You there?');
    await until(() => visible(partOf(row(list, sms), 'unread')) === '1', 'unread while away');
    expect(seen.at(-1)).to.deep.include({ unread: 1, away: true });
    expect(store.state.notifications.some((n) => n.code === 'new-message' && n.params.taskId === sms)).to.be.true;
    provider.away = false;
    await until(() => !partOf(row(list, sms), 'unread'), 'read when the agent is back');
  });

  it('KEY: Ctrl+Shift+8 / 9 select the next / previous task and move the focus to it, from outside the list', async () => {
    const content = html`<button id="outside">Elsewhere</button><dc-task-list></dc-task-list>`;
    const kit = await mountList({ content, config: { media: { chat: { capacity: 5 } } } });
    await readyForOffers(kit);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await hold(kit, 'chat', { customer: { name: `Customer ${i}` } }));
    const { list, store, provider } = kit;
    const [a, b, c] = ids as [string, string, string];
    const events: string[] = [];
    list.addEventListener('dc-task-select', (e: DcTaskSelectEvent) => events.push(e.detail.taskId));
    provider.querySelector<HTMLButtonElement>('#outside')!.focus();
    expect(store.state.selectedTaskId).to.equal(c);
    await press('Control+Shift+Digit8');
    await until(() => focused(list) === a, 'next wraps to the first task, focused');
    expect(store.state.selectedTaskId).to.equal(a);
    expect(document.activeElement).to.equal(list);
    await press('Control+Shift+Digit8');
    await until(() => focused(list) === b, 'next');
    await press('Control+Shift+Digit9');
    await until(() => focused(list) === a, 'previous');
    await press('Control+Shift+Digit9');
    await until(() => focused(list) === c, 'previous wraps to the last');
    expect(events).to.deep.equal([a, b, a, c]);
    expect(row(list, c).getAttribute('aria-selected')).to.equal('true');
    // Collapsed, the shortcut opens the list so that the focus can land on the row.
    toggle(list).click();
    await settle(list);
    provider.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press('Control+Shift+Digit8');
    await until(() => focused(list) === a, 'expanded and focused');
    expect(list.collapsed).to.be.false;
  });

  it('TASK-3: a task selected elsewhere (an accepted offer, a notification) scrolls into view in the list', async () => {
    const content = html`<dc-task-list style="--dc-task-list-max-height: 9rem"></dc-task-list>`;
    const kit = await mountList({ content, config: { media: { chat: { capacity: 10 } } } });
    await readyForOffers(kit);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await hold(kit, 'chat', { customer: { name: `Customer ${i}` } }));
    const listbox = kit.list.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    const inView = (id: string) => {
      const r = row(kit.list, id).getBoundingClientRect();
      const box = listbox.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    };
    expect(listbox.scrollHeight).to.be.greaterThan(listbox.clientHeight);
    await until(() => inView(ids[7]!), 'the last accepted task is in view');
    kit.store.selectTask(ids[0]!);
    await until(() => inView(ids[0]!), 'the first task is in view');
    expect(window.scrollY, 'the page itself does not scroll').to.equal(0);
  });

  it('TASK-3: when the focused task ends, the focus moves to the task now on show', async () => {
    const { list, store, chat, sms } = await twoTasks();
    row(list, sms).focus();
    store.end(sms);
    await until(() => rows(list).length === 1, 'the ended task leaves');
    await settle(list);
    expect(store.state.selectedTaskId).to.equal(chat);
    expect(focused(list)).to.equal(chat);
  });

  it('TASK-2: renders 500 tasks, one row each, keyed by task', async function () {
    this.timeout(60_000);
    // A list this long is virtualised (only the rows near the view are in the DOM): mounted in a window
    // tall enough to show all 500 rows, every row is in view.
    await setViewport({ width: 800, height: 32_000 });
    const kit = await mountList({ config: { media: { chat: { capacity: 500, acceptSeconds: 3600 } } } });
    await readyForOffers(kit);
    for (let i = 0; i < 500; i++) kit.backend.offer('chat', { text: null });
    await until(() => Object.keys(kit.store.state.tasks).length === 500, '500 offers', 10_000);
    kit.store.acceptAll();
    await until(() => Object.values(kit.store.state.tasks).every((t) => t.status === 'active'), '500 accepted', 30_000);
    await settle(kit.list);
    const all = rows(kit.list);
    expect(all).to.have.length(500);
    expect(new Set(all.map((r) => r.dataset['taskId'])).size).to.equal(500);
    expect(text(toggle(kit.list))).to.equal('Tasks (500)');
    const kept = all[10]!;
    const target = all[20]!.dataset['taskId']!;
    kit.backend.customerMessage(target, 'Hi');
    await until(() => !!partOf(row(kit.list, target), 'unread'), 'badge on row 21');
    expect(rows(kit.list)[10], 'rows are kept, not rebuilt').to.equal(kept);
  });

  it('shows an empty state when the agent holds no task', async () => {
    const { list } = await mountList();
    expect(list.matches(':state(empty)')).to.be.true;
    const empty = list.shadowRoot!.querySelector('[part~="empty"]');
    expect(text(empty)).to.equal('No active tasks Set Ready to receive offers.');
    expect(text(toggle(list))).to.equal('Tasks (0)');
    expect(list.shadowRoot!.querySelector('[role="listbox"]')).to.be.null;
    await expect(list).to.be.accessible();
    toggle(list).click();
    await settle(list);
    await expect(list).to.be.accessible();
  });

  it('is accessible with tasks, a selection and unread counts', async () => {
    const { list, backend, chat } = await twoTasks();
    backend.customerMessage(chat, 'Hello?');
    await until(() => !!partOf(row(list, chat), 'unread'), 'badge');
    await expect(list).to.be.accessible();
    expect(list.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Task list');
  });

  it('EMBED-1: works without a provider when given a store', async () => {
    const kit = await twoTasks();
    const store: DcStore = kit.store;
    const list = document.createElement('dc-task-list');
    list.store = store;
    document.body.append(list);
    try {
      await list.updateComplete;
      expect(rows(list)).to.have.length(2);
      row(list, kit.chat).click();
      await until(() => store.state.selectedTaskId === kit.chat, 'selected through the property');
    } finally {
      list.remove();
    }
  });

  it('EMBED-5: renders in French', async () => {
    const { list, backend, chat } = await twoTasks({ lang: 'fr' });
    await settle(list);
    expect(text(row(list, chat).querySelector('.media'))).to.equal('Conversation,');
    backend.customerMessage(chat, 'Bonjour ?');
    await until(() => !!partOf(row(list, chat), 'unread'), 'badge');
    expect(spoken(toggle(list))).to.equal('Tâches (2), 1 message non lu');
    expect(text(partOf(row(list, chat), 'timer'))).to.match(/^, durée 0:0\d$/);
    expect(list.shadowRoot!.querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Liste des tâches');
    expect(toggle(list).title).to.equal('Réduire la liste des tâches');
    await expect(list).to.be.accessible();
  });
});

describe('dc-task-list, a long list (virtualised)', function () {
  this.timeout(60_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const TASKS = 150;

  /** `n` chats held, in a list that shows a few rows and scrolls; `ids` in list order. */
  async function longList(options: ListKitOptions = {}, n = TASKS) {
    const content =
      options.content ??
      html`<button id="outside">Elsewhere</button><dc-task-list style="--dc-task-list-max-height: 12rem"></dc-task-list>`;
    const kit = await mountList({ ...options, content, config: { media: { chat: { capacity: n, acceptSeconds: 3600 } } } });
    await readyForOffers(kit);
    for (let i = 0; i < n; i++) kit.backend.offer('chat', { text: null, customer: { name: `Customer ${i}` } });
    await until(() => Object.keys(kit.store.state.tasks).length === n, `${n} offers`, 10_000);
    kit.store.acceptAll();
    await until(() => Object.values(kit.store.state.tasks).every((t) => t.status === 'active'), `${n} accepted`, 30_000);
    await settle(kit.list);
    const ids = taskListOrder(Object.values(kit.store.state.tasks)).map((t) => t.id);
    const listbox = kit.list.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    /** Whether the task's row is in the DOM and inside the list's visible box. */
    const inView = (id: string) => {
      const r = kit.list.shadowRoot!.querySelector(`[part~="row"][data-task-id="${id}"]`)?.getBoundingClientRect();
      const box = listbox.getBoundingClientRect();
      return !!r && r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    };
    return { ...kit, ids, listbox, inView };
  }

  it('TASK-2: only the rows near the view are in the DOM, each with its place in the list; the header counts all', async () => {
    const { list, ids, listbox } = await longList();
    expect(TASKS).to.be.at.least(VIRTUAL_FROM);
    const shown = rows(list);
    expect(shown.length, 'rows in the DOM').to.be.within(3, TASKS - 1);
    expect(text(toggle(list))).to.equal(`Tasks (${TASKS})`);
    for (const r of shown) {
      const place = ids.indexOf(r.dataset['taskId']!);
      expect(r.getAttribute('aria-posinset'), 'its place').to.equal(String(place + 1));
      expect(r.getAttribute('aria-setsize')).to.equal(String(TASKS));
    }
    expect(listbox.scrollHeight, 'the list scrolls the whole length').to.be.greaterThan(TASKS * 30);
    expect(window.scrollY).to.equal(0);
    await expect(list).to.be.accessible();
  });

  it('TASK-3: Home, End and the arrows reach rows out of the DOM, brought into view; Enter selects', async () => {
    const { list, store, ids, inView } = await longList();
    const first = ids[0]!;
    const last = ids[TASKS - 1]!;
    toggle(list).focus();
    await sendKeys({ press: 'Tab' });
    await until(() => focused(list) === store.state.selectedTaskId, 'Tab lands on the selected row');
    await sendKeys({ press: 'Home' });
    await until(() => focused(list) === first && inView(first), 'Home: the first row, in view');
    expect(rows(list).some((r) => r.dataset['taskId'] === last), 'the last row is out of the DOM').to.be.false;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused(list) === ids[2], 'two rows down');
    await sendKeys({ press: 'End' });
    await until(() => focused(list) === last && inView(last), 'End: the last row, in view');
    expect(rows(list).some((r) => r.dataset['taskId'] === first), 'the first row left the DOM').to.be.false;
    await sendKeys({ press: 'ArrowUp' });
    await until(() => focused(list) === ids[TASKS - 2], 'one row up');
    await sendKeys({ press: 'Enter' });
    await until(() => store.state.selectedTaskId === ids[TASKS - 2], 'Enter selects it');
    await settle(list);
    expect(row(list, ids[TASKS - 2]!).getAttribute('aria-selected')).to.equal('true');
    expect(window.scrollY, 'the page itself does not scroll').to.equal(0);
  });

  it('TASK-3: the tab stop stays on its row when that row is scrolled out of the DOM', async () => {
    const { list, listbox, ids, inView } = await longList();
    const first = ids[0]!;
    toggle(list).focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Home' });
    await until(() => focused(list) === first, 'the first row has the focus');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(list.shadowRoot!.activeElement).to.equal(toggle(list));
    listbox.scrollTop = listbox.scrollHeight;
    await until(() => !rows(list).some((r) => r.dataset['taskId'] === first), 'the first row scrolled out of the DOM');
    await settle(list);
    expect(listbox.getAttribute('tabindex'), 'meanwhile the list itself is the tab stop').to.equal('0');
    await sendKeys({ press: 'Tab' });
    await until(() => focused(list) === first && inView(first), 'Tab: back on the first row, in view');
  });

  it('KEY: Ctrl+Shift+8 / 9 from outside select and focus a row out of the DOM; a task selected elsewhere scrolls in', async () => {
    const { list, store, provider, ids, inView } = await longList();
    const first = ids[0]!;
    const last = ids[TASKS - 1]!;
    store.selectTask(first);
    await until(() => inView(first), 'the selected first task is in view');
    provider.querySelector<HTMLButtonElement>('#outside')!.focus();
    await press('Control+Shift+Digit9');
    await until(() => focused(list) === last && inView(last), 'previous wraps to the last task, focused and in view');
    expect(store.state.selectedTaskId).to.equal(last);
    await press('Control+Shift+Digit8');
    await until(() => focused(list) === first && inView(first), 'next wraps to the first, focused and in view');
    provider.querySelector<HTMLButtonElement>('#outside')!.focus();
    const middle = ids[Math.floor(TASKS / 2)]!;
    store.selectTask(middle);
    await until(() => inView(middle), 'a task selected elsewhere is brought into view');
    expect(row(list, middle).getAttribute('aria-selected')).to.equal('true');
    expect(window.scrollY).to.equal(0);
  });

  it('TASK-5: a message for a task out of view counts in the header, and its row shows it once in view', async () => {
    const { list, backend, store, ids, inView } = await longList();
    // Near the end, and not the task on show (the agent reads that one's messages as they come).
    const last = ids.filter((id) => id !== store.state.selectedTaskId).at(-1)!;
    const first = ids[0]!;
    toggle(list).focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Home' });
    await until(() => focused(list) === first && !rows(list).some((r) => r.dataset['taskId'] === last), 'at the top');
    expect(list.matches(':state(unread)')).to.be.false;
    backend.customerMessage(last, 'Anyone?');
    backend.customerMessage(last, 'Hello?');
    await until(() => visible(list.shadowRoot!.querySelector('[part~="unread-total"]')) === '2', 'the header counts 2');
    expect(list.matches(':state(unread)')).to.be.true;
    await sendKeys({ press: 'End' });
    await until(() => inView(last), 'the last row in view');
    expect(visible(partOf(row(list, last), 'unread'))).to.equal('2');
    expect(text(partOf(row(list, last), 'unread')!.querySelector('.visually-hidden'))).to.equal(', 2 unread messages');
  });

  it('TASK-3: collapsed and expanded again, the long list shows its rows', async () => {
    const { list, ids } = await longList();
    toggle(list).click();
    await settle(list);
    expect(rows(list)).to.have.length(0);
    toggle(list).click();
    await settle(list);
    expect(rows(list).length).to.be.within(3, TASKS - 1);
    expect(rows(list)[0]!.dataset['taskId']).to.equal(ids[0]);
  });

  it('EMBED-5: rows the virtualizer renders on scrolling are in the kit’s language', async () => {
    const { list, listbox, backend, store, ids } = await longList({ lang: 'fr' });
    const target = ids.filter((id) => id !== store.state.selectedTaskId).at(-1)!;
    listbox.scrollTop = 0;
    await until(() => !rows(list).some((r) => r.dataset['taskId'] === target), 'its row out of the DOM');
    backend.customerMessage(target, 'Bonjour ?');
    backend.customerMessage(target, 'Il y a quelqu’un ?');
    await until(() => visible(list.shadowRoot!.querySelector('[part~="unread-total"]')) === '2', 'counted in the header');
    await settle(list);
    // Scrolled by hand, the virtualizer renders the new rows itself, in its own update: read them then.
    const rowsBox = list.shadowRoot!.querySelector<HTMLElement>('.rows')!;
    let badge: string | undefined;
    const read = () => {
      const r = list.shadowRoot!.querySelector(`[part~="row"][data-task-id="${target}"]`);
      if (r && badge === undefined) badge = text(partOf(r as HTMLElement, 'unread')?.querySelector('.visually-hidden'));
    };
    rowsBox.addEventListener('rangeChanged', read);
    listbox.scrollTop = listbox.scrollHeight;
    await until(() => badge !== undefined, 'its row rendered by the virtualizer');
    rowsBox.removeEventListener('rangeChanged', read);
    expect(badge).to.equal(', 2 messages non lus');
    for (const r of rows(list)) {
      expect(text(r.querySelector('.media'))).to.equal('Conversation,');
      expect(text(partOf(r, 'timer'))).to.match(/^, durée \d/);
    }
    await expect(list).to.be.accessible();
  });

  it('TASK-2: at 360 px nothing is clipped, short list or long', async () => {
    await setViewport({ width: 360, height: 640 });
    const content = html`<dc-task-list style="--dc-task-list-max-height: 20rem"></dc-task-list>`;
    const long = await longList({ content });
    const short = await twoTasks();
    for (const list of [long.list, short.list]) {
      const box = list.getBoundingClientRect();
      expect(box.right, 'the list fits the window').to.be.at.most(360);
      for (const r of rows(list)) {
        const rect = r.getBoundingClientRect();
        expect(rect.left).to.be.at.least(box.left - 1);
        expect(rect.right, 'the row fits the list').to.be.at.most(box.right + 1);
        for (const name of ['timer', 'unread', 'queue']) {
          const part = partOf(r, name);
          if (part) expect(part.getBoundingClientRect().right, `${name} fits the row`).to.be.at.most(rect.right + 1);
        }
      }
    }
    expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(360);
  });
});
