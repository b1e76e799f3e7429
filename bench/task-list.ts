/**
 * The task list benchmark page: mounts `<dc-provider>` around `<dc-task-list>` (and, for Accept all,
 * `<dc-offers>` beside it, as on the desktop) on the simulated contact centre and measures, inside the
 * page, how long the kit takes to show what the store holds. `scripts/bench.mjs` loads this page in
 * headless Chromium and calls `window.dcBench`.
 *
 * Every task reaches the store the way it would in production: through the simulated backend's
 * commands and its event stream (offers, accepts, a snapshot, customer messages). Nothing is written
 * into the store's state by hand.
 *
 * `?element=<tag>` mounts another kit element instead of the task list (a check of the page itself).
 */
import type { LitElement } from 'lit';
import { afterFrame, rendered } from './frames.js';
import { ManualClock } from '../src/backend/clock.js';
import { SimulatedBackend } from '../src/simulator/index.js';
import type { DcProvider } from '../src/elements/provider/provider.js';
// The provider is defined first: a context consumer defined before its provider never finds it.
import '../src/elements/provider/provider.js';
import { resolveConfig, type DcConfigInput } from '../src/model/config.js';
import { isHeld, unreadCount } from '../src/model/tasks.js';
import type { DcState } from '../src/store/state.js';
import type { DcStore } from '../src/store/store.js';

const ELEMENTS: Readonly<Record<string, () => Promise<unknown>>> = {
  'dc-task-list': () => import('../src/elements/task-list/task-list.js'),
  'dc-state-picker': () => import('../src/elements/state-picker/state-picker.js'),
};

const TAG = new URLSearchParams(location.search).get('element') ?? 'dc-task-list';

// ---------------------------------------------------------------------------------------------------
// Frames

/**
 * Whether the page is inside a frame's rendering update: from the first animation-frame callback of a
 * frame until the first task after it. What the DOM holds meanwhile goes out with that frame; the task
 * that ends it runs once the frame is produced. Every `requestAnimationFrame` of the page (the kit's
 * and the virtualizer's included) goes through this wrapper, which adds no work but one message a frame.
 */
let inFrame = false;
let frameOut: Array<() => void> = [];
const frameEnd = new MessageChannel();
frameEnd.port1.onmessage = () => {
  inFrame = false;
  const waiting = frameOut;
  frameOut = [];
  for (const fn of waiting) fn();
};
const nativeRaf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (callback: FrameRequestCallback): number =>
  nativeRaf((time) => {
    if (!inFrame) {
      inFrame = true;
      frameEnd.port2.postMessage(null);
    }
    callback(time);
  });

/**
 * Resolves (with `performance.now()`) once the frame that carries the DOM as it is now has been
 * produced: the frame under way if the page is in one (a render done in an animation frame goes out
 * with it), else the next one.
 */
function painted(): Promise<number> {
  return new Promise((resolve) => {
    const done = () => resolve(performance.now());
    if (inFrame) frameOut.push(done);
    else requestAnimationFrame(() => frameOut.push(done));
  });
}

/**
 * Resolves (with `performance.now()`) at the end of the first frame that shows what `shows()` looks
 * for: checked as each frame ends (the first task after it), when the DOM is what that frame painted.
 * This reads the screen, not the elements' own account of being done (a virtualised list's
 * `updateComplete` waits on until its rows have settled, frames after they are on screen).
 */
function paintedWhen(shows: () => boolean, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 120_000;
    const check = () => {
      if (shows()) resolve(performance.now());
      else if (performance.now() > deadline) reject(new Error(`Never painted: ${what}`));
      else requestAnimationFrame(() => frameOut.push(check));
    };
    if (inFrame) frameOut.push(check);
    else requestAnimationFrame(() => frameOut.push(check));
  });
}

/** Whether the list shows `n` tasks: its header says so, and its rows (all, or virtualised) are there. */
function showsTasks(list: Element, n: number): boolean {
  const title = list.shadowRoot?.querySelector('.title')?.textContent?.trim();
  const shown = rows(list);
  const setSize = shown[0]?.getAttribute('aria-setsize');
  return title === `Tasks (${n})` && (shown.length === n || (shown.length > 0 && setSize === String(n)));
}

// ---------------------------------------------------------------------------------------------------
// What a run reports

/** What one list run measured (times in ms from `performance.now()`). */
export interface RenderRun {
  readonly tasks: number;
  /**
   * From the change (mount, or Accept all) to the end of the frame that shows it, and to the elements'
   * `updateComplete` (a virtualised list's waits until its rows have settled).
   */
  readonly toPaintMs: number;
  readonly toRenderedMs: number;
  /** Snapshot run only: from the store holding every task to the frame that shows them. */
  readonly storeToPaintMs?: number;
  /** How many times the list element rendered during the change, and its time in update() / updated(). */
  readonly listRenders: number;
  readonly listUpdateMs: number;
  readonly listUpdatedMs: number;
  /** Accept all only: the same for the offers element. */
  readonly offersRenders?: number;
  readonly offersUpdateMs?: number;
  /** Rows in the list's DOM (a virtualised list holds those near the view only). */
  readonly rows: number;
  /** The task count the list says: its header's "Tasks (n)", and its rows' `aria-setsize`. */
  readonly title: string;
  readonly setSize: number | undefined;
  /** Elements, and all nodes (text and comments too), in the list's shadow root. */
  readonly shadowElements: number;
  readonly shadowNodes: number;
}

/** What one message-storm run measured inside the page. */
export interface MessageRun {
  readonly tasks: number;
  readonly messages: number;
  readonly wallMs: number;
  /** Per message: from `customerMessage()` to the paint that followed it. */
  readonly toPaintMs: readonly number[];
  readonly longTasks: readonly number[];
  readonly listRenders: number;
  readonly listUpdateMs: number;
  readonly listUpdatedMs: number;
  /** Unread customer messages in the store at the end, and how many of the list's rows show a count. */
  readonly unread: number;
  readonly tasksWithUnread: number;
  readonly rowsShowingUnread: number;
}

export interface DcBench {
  readonly element: string;
  prepareReload(tasks: number): Promise<void>;
  reload(): Promise<RenderRun>;
  prepareAcceptAll(tasks: number): Promise<void>;
  acceptAll(): Promise<RenderRun>;
  prepareMessages(tasks: number): Promise<void>;
  pumpMessages(perSecond: number, seconds: number): Promise<MessageRun>;
  finishMessages(): void;
}

declare global {
  interface Window {
    dcBench?: DcBench;
    dcBenchError?: string;
  }
}

interface Kit {
  readonly provider: DcProvider;
  readonly list: LitElement;
  readonly offers?: LitElement;
  readonly store: DcStore;
  readonly backend: SimulatedBackend;
  readonly clock?: ManualClock;
  readonly renders: () => Renders;
  readonly offersRenders?: () => Renders;
}

const SEED = 42;

function configInput(capacity: number): DcConfigInput {
  return {
    // One media, with room for every task; offers wait long enough never to expire during a run.
    media: { chat: { kind: 'chat', capacity, acceptSeconds: 3600 } },
    storageKey: 'dc-widgets:bench',
  };
}

const stage = (): HTMLElement => document.querySelector<HTMLElement>('#stage')!;

/** What an element has done since it was instrumented (wall-clock ms). */
interface Renders {
  /** Renders (Lit updates). */
  count: number;
  /** Time in `update()`: the element's render and its DOM commit. */
  updateMs: number;
  /** Time in `updated()`: the element's own work after a render (measuring the layout, focus). */
  updatedMs: number;
}

/** Counts and times the element's renders from now on, by wrapping its Lit lifecycle methods. */
function instrument(el: LitElement): () => Renders {
  const totals: Renders = { count: 0, updateMs: 0, updatedMs: 0 };
  const instance = el as unknown as Record<'update' | 'updated', (changed: unknown) => void>;
  for (const [method, key] of [['update', 'updateMs'], ['updated', 'updatedMs']] as const) {
    const original = instance[method];
    instance[method] = function (this: unknown, changed: unknown) {
      const t = performance.now();
      try {
        original.call(this, changed);
      } finally {
        totals[key] += performance.now() - t;
        if (method === 'update') totals.count++;
      }
    };
  }
  return () => ({ ...totals });
}

/** Waits until the store's state passes `test`, moving a manual clock along if there is one. */
async function until(kit: Pick<Kit, 'store' | 'clock'>, test: (state: DcState) => boolean, what: string): Promise<void> {
  const { store, clock } = kit;
  if (clock) {
    for (let i = 0; i < 200 && !test(store.state); i++) await clock.advance(0);
    if (!test(store.state)) throw new Error(`The store never reached: ${what}`);
    return;
  }
  if (test(store.state)) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`The store never reached: ${what}`));
    }, 20_000);
    const off = store.subscribe((state) => {
      if (!test(state)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

const heldCount = (state: DcState) => Object.values(state.tasks).filter(isHeld).length;
const offeredCount = (state: DcState) => Object.values(state.tasks).filter((t) => t.status === 'offered').length;

/** The list's task rows: its options (a listbox), else rows or list items. */
function rows(list: Element): Element[] {
  const root = list.shadowRoot;
  if (!root) return [];
  for (const selector of ['[role="option"]', '[role="row"]', '[role="listitem"]', 'li']) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

function shadowSize(list: Element): { elements: number; nodes: number } {
  const root = list.shadowRoot;
  if (!root) return { elements: 0, nodes: 0 };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  return { elements: root.querySelectorAll('*').length, nodes };
}

/**
 * Mounts `<dc-provider>` with the element under test (and `<dc-offers>` when asked), on `backend`.
 * Nothing else is on the page.
 */
function mount(
  backend: SimulatedBackend,
  capacity: number,
  clock?: ManualClock,
  withOffers = false,
): { provider: DcProvider; list: LitElement; offers?: LitElement } {
  unmount();
  const provider = document.createElement('dc-provider');
  provider.lang = 'en';
  provider.storage = null;
  provider.config = configInput(capacity);
  provider.backend = backend;
  if (clock) provider.clock = clock;
  const list = document.createElement(TAG) as LitElement;
  provider.append(list);
  let offers: LitElement | undefined;
  if (withOffers) {
    offers = document.createElement('dc-offers') as LitElement;
    provider.append(offers);
  }
  stage().append(provider);
  return { provider, list, ...(offers ? { offers } : {}) };
}

let current: Kit | undefined;

function unmount(): void {
  const kit = current;
  current = undefined;
  stage().replaceChildren(); // the provider disposes of its store
  kit?.backend.close();
}

async function kitOn(backend: SimulatedBackend, capacity: number, clock?: ManualClock, withOffers = false): Promise<Kit> {
  const { provider, list, offers } = mount(backend, capacity, clock, withOffers);
  await provider.updateComplete;
  const store = provider.store;
  if (!store) throw new Error('The provider made no store (is the configuration valid?)');
  const kit: Kit = {
    provider,
    list,
    store,
    backend,
    ...(clock ? { clock } : {}),
    renders: instrument(list),
    ...(offers ? { offers, offersRenders: instrument(offers) } : {}),
  };
  current = kit;
  if (clock) {
    for (let i = 0; i < 50 && store.state.connection !== 'online'; i++) await clock.advance(0);
  }
  await store.ready;
  await rendered(list);
  return kit;
}

/** Through the store, as the agent would: Sign In, then Ready. */
async function signInReady(kit: Kit): Promise<void> {
  kit.store.signIn();
  await until(kit, (s) => s.media['chat']?.signIn === 'signed-in', 'chat signed in');
  kit.store.setState('all', { availability: 'ready' });
  await until(kit, (s) => s.media['chat']?.availability === 'ready' && s.media['chat'].routable, 'chat Ready');
}

/** The element's renders between two readings. */
function since(before: Renders, after: Renders): Pick<RenderRun, 'listRenders' | 'listUpdateMs' | 'listUpdatedMs'> {
  return {
    listRenders: after.count - before.count,
    listUpdateMs: after.updateMs - before.updateMs,
    listUpdatedMs: after.updatedMs - before.updatedMs,
  };
}

const NO_RENDERS: Renders = { count: 0, updateMs: 0, updatedMs: 0 };

function result(
  kit: Kit,
  tasks: number,
  t0: number,
  tRendered: number,
  tPaint: number,
  rendersBefore: Renders,
  extra: Partial<RenderRun> = {},
): RenderRun {
  const size = shadowSize(kit.list);
  const shown = rows(kit.list);
  const setSize = shown[0]?.getAttribute('aria-setsize');
  return {
    tasks,
    toRenderedMs: tRendered - t0,
    toPaintMs: tPaint - t0,
    ...since(rendersBefore, kit.renders()),
    rows: shown.length,
    title: kit.list.shadowRoot?.querySelector('.title')?.textContent?.trim() ?? '',
    setSize: setSize ? Number(setSize) : undefined,
    shadowElements: size.elements,
    shadowNodes: size.nodes,
    ...extra,
  };
}

let prepared: { readonly tasks: number; readonly backend: SimulatedBackend; readonly kit?: Kit } | undefined;

function takePrepared(): { readonly tasks: number; readonly backend: SimulatedBackend; readonly kit?: Kit } {
  const p = prepared;
  prepared = undefined;
  if (!p) throw new Error('Nothing prepared');
  return p;
}

/**
 * A reload (FAIL-3) or a reconnection (FAIL-2) with `tasks` held tasks. Preparing: the simulated
 * server takes `tasks` chats, accepted, with no kit on the page.
 */
async function prepareReload(tasks: number): Promise<void> {
  unmount();
  const backend = new SimulatedBackend({ config: resolveConfig(configInput(tasks)), seed: SEED, latencyMs: 0 });
  await backend.connect();
  await backend.signIn('chat');
  await backend.setState('chat', { availability: 'ready' });
  const offers = Array.from({ length: tasks }, () => backend.offer('chat', { text: null }));
  if (offers.some((t) => !t)) throw new Error('The simulated centre refused an offer');
  await Promise.all(offers.map((t) => backend.accept(t!.id)));
  await painted();
  prepared = { tasks, backend };
}

/** The kit is mounted; its first snapshot brings every task into the store in one change. */
async function reload(): Promise<RenderRun> {
  const { tasks, backend } = takePrepared();
  const t0 = performance.now();
  const { provider, list } = mount(backend, tasks);
  const paint = paintedWhen(() => showsTasks(list, tasks), `${tasks} tasks after the snapshot`);
  await provider.updateComplete;
  const store = provider.store!;
  if (heldCount(store.state) > 0) throw new Error('The snapshot arrived before the bench could watch the store');
  let tStore = 0;
  const off = store.subscribe((state) => {
    if (!tStore && heldCount(state) >= tasks) tStore = performance.now();
  });
  const renders = instrument(list);
  const kit: Kit = { provider, list, store, backend, renders };
  current = kit;
  await store.ready;
  off();
  if (!tStore) throw new Error(`The store never held ${tasks} tasks`);
  const tPaint = await paint;
  await rendered(list);
  const tRendered = performance.now();
  return result(kit, tasks, t0, tRendered, tPaint, NO_RENDERS, { storeToPaintMs: tPaint - tStore });
}

/**
 * OFFER-6 with `tasks` offers on show. Preparing: the list and the offers are mounted, the agent signs
 * in and goes Ready through the store, and `tasks` offers arrive; the backend runs on a manual clock.
 */
async function prepareAcceptAll(tasks: number): Promise<void> {
  unmount();
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ config: resolveConfig(configInput(tasks)), seed: SEED, latencyMs: 0, clock });
  const kit = await kitOn(backend, tasks, clock, true);
  await signInReady(kit);
  for (let i = 0; i < tasks; i++) {
    if (!backend.offer('chat', { text: null })) throw new Error('The simulated centre refused an offer');
  }
  await until(kit, (s) => offeredCount(s) === tasks, `${tasks} offers`);
  await rendered(kit.list);
  await rendered(kit.offers!);
  await painted();
  prepared = { tasks, backend, kit };
}

/**
 * The agent clicks Accept all on the offers; the manual clock releases the backend's confirmations
 * back to back, each an event the store applies.
 */
async function acceptAll(): Promise<RenderRun> {
  const { tasks, kit } = takePrepared();
  if (!kit?.clock || !kit.offers) throw new Error('prepareAcceptAll() first');
  const button = kit.offers.shadowRoot?.querySelector<HTMLButtonElement>('[part~="accept-all"]');
  if (!button) throw new Error('The offers show no Accept all button');
  const rendersBefore = kit.renders();
  const offersBefore = kit.offersRenders!();
  const { list, offers } = kit;
  const t0 = performance.now();
  button.click();
  const paint = paintedWhen(
    () => showsTasks(list, tasks) && offers.shadowRoot?.querySelector('[part~="offer"]') === null,
    `${tasks} tasks and no offer after Accept all`,
  );
  await kit.clock.advance(0);
  if (heldCount(kit.store.state) !== tasks) throw new Error(`${heldCount(kit.store.state)} of ${tasks} tasks held after Accept all`);
  const tPaint = await paint;
  await rendered(list);
  await rendered(offers);
  const tRendered = performance.now();
  const offersAfter = kit.offersRenders!();
  return result(kit, tasks, t0, tRendered, tPaint, rendersBefore, {
    offersRenders: offersAfter.count - offersBefore.count,
    offersUpdateMs: offersAfter.updateMs - offersBefore.updateMs,
  });
}

let storm: { kit: Kit; ids: string[] } | undefined;

/** `tasks` held tasks on the real clock, the list painted. */
async function prepareMessages(tasks: number): Promise<void> {
  unmount();
  const backend = new SimulatedBackend({ config: resolveConfig(configInput(tasks)), seed: SEED, latencyMs: 0 });
  const kit = await kitOn(backend, tasks);
  await signInReady(kit);
  for (let i = 0; i < tasks; i++) {
    if (!backend.offer('chat', { text: null })) throw new Error('The simulated centre refused an offer');
  }
  await until(kit, (s) => offeredCount(s) === tasks, `${tasks} offers`);
  kit.store.acceptAll();
  await until(kit, (s) => heldCount(s) === tasks, `${tasks} held tasks`);
  await rendered(kit.list);
  await painted();
  storm = { kit, ids: Object.values(kit.store.state.tasks).filter(isHeld).map((t) => t.id) };
}

/**
 * TASK-5 under load: `perSecond` customer messages a second for `seconds`, round-robin over the held
 * tasks (none when `perSecond` is 0: the baseline). Records, per message, the time to the paint that
 * shows it, and the long tasks meanwhile.
 */
async function pumpMessages(perSecond: number, seconds: number): Promise<MessageRun> {
  if (!storm) throw new Error('prepareMessages() first');
  const { kit, ids } = storm;
  const total = Math.round(perSecond * seconds);
  const toPaintMs: number[] = [];
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let waiting: number[] = [];
  let frameAsked = false;
  const rendersBefore = kit.renders();
  let sent = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * perSecond) / 1000));
      while (sent < due) {
        waiting.push(performance.now());
        kit.backend.customerMessage(ids[sent % ids.length]!);
        sent++;
      }
      if (waiting.length > 0 && !frameAsked) {
        frameAsked = true;
        requestAnimationFrame(() => {
          const batch = waiting;
          waiting = [];
          frameAsked = false;
          afterFrame(() => {
            const t = performance.now();
            for (const at of batch) toPaintMs.push(t - at);
          });
        });
      }
      if (sent >= total && performance.now() - start >= seconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await rendered(kit.list);
  await painted();
  const wallMs = performance.now() - start;
  observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
  observer.disconnect();
  const state = kit.store.state;
  const unread = ids.reduce((sum, id) => sum + unreadCount(state.messages[id], state.reads[id]), 0);
  // A row shows its task's unread count in its `unread` part.
  const rowsShowingUnread = rows(kit.list).filter((row) => {
    const id = (row as HTMLElement).dataset['taskId'];
    const n = id ? unreadCount(state.messages[id], state.reads[id]) : 0;
    const badge = row.querySelector('[part~="unread"]')?.textContent?.match(/\d+/)?.[0];
    return n > 0 && badge === String(n);
  }).length;
  const tasksWithUnread = ids.filter((id) => unreadCount(state.messages[id], state.reads[id]) > 0).length;
  return {
    tasks: ids.length,
    messages: sent,
    wallMs,
    toPaintMs,
    longTasks,
    ...since(rendersBefore, kit.renders()),
    unread,
    tasksWithUnread,
    rowsShowingUnread,
  };
}

function finishMessages(): void {
  storm = undefined;
  unmount();
}

const load = ELEMENTS[TAG];
if (!load) {
  window.dcBenchError = `No element "${TAG}" in the benchmark page (known: ${Object.keys(ELEMENTS).join(', ')})`;
} else {
  Promise.all([load(), import('../src/elements/offers/offers.js')]).then(
    () => {
      window.dcBench = {
        element: TAG,
        prepareReload,
        reload,
        prepareAcceptAll,
        acceptAll,
        prepareMessages,
        pumpMessages,
        finishMessages,
      };
    },
    (error: unknown) => {
      window.dcBenchError = `Could not load <${TAG}>: ${String(error)}`;
    },
  );
}
