/**
 * Kits in a chosen situation, reached the way an agent would reach it: a `<dc-provider>` on the simulated
 * contact centre (no latency, in-memory storage, a storage key of its own), then a list of steps run
 * through the real store and the real backend (sign in, set a group Ready, pick a reason, a sign-in or
 * state-change failure, a dropped connection, a change made on the server side). Nothing is written into
 * the state by hand, so what a story shows is what the kit does.
 *
 * Plain TypeScript: stories render these scenarios, and tests can mount the same ones:
 *
 * ```ts
 * const { provider, done } = scenario({ steps: [step.signIn(), step.ready('all')] });
 * document.body.append(provider);
 * await done;
 * ```
 */
import { html, render, type TemplateResult } from 'lit';
import {
  SimulatedBackend,
  type CountedFailureOptions,
  type OfferOptions,
  type SendFailureOptions,
  type SimulatedBackendOptions,
} from '../../src/simulator/index.js';
import { ManualClock } from '../../src/backend/clock.js';
import { presentedOffers, taskListOrder, type Message } from '../../src/model/tasks.js';
import type { DcSnapshot, StateCause } from '../../src/backend/types.js';
import type { Availability, StateScope } from '../../src/model/agent-state.js';
import { DEFAULT_MEDIA, resolveConfig, type DcConfig, type DcConfigInput } from '../../src/model/config.js';
import type { MediaId } from '../../src/model/media.js';
import { MemoryStorage } from '../../src/store/persist.js';
import type { DcStore } from '../../src/store/store.js';
import type { DcProvider, DcTheme } from '../../src/elements/provider/provider.js';
// Registers every element, the provider first (a context consumer must find its provider defined).
import '../../src/index.js';

/** Backend calls a scenario can hold back, so that a transient look stays on screen. */
export type HeldCall = 'sign-in' | 'snapshot' | 'history';

/**
 * The simulated contact centre, plus holds: a held call waits, without failing, until it is released.
 * A held sign-in keeps the kit "Signing in…"; a held snapshot keeps it restoring after a reconnection
 * (FAIL-2); a held history keeps a thread loading its earlier conversation (PANE-1). Everything else
 * is the simulated backend as the kit ships it.
 */
export class ScenarioBackend extends SimulatedBackend {
  #gates = new Map<HeldCall, { promise: Promise<void>; release: () => void }>();

  /** Later calls of this kind wait until `release(call)`. */
  hold(call: HeldCall): void {
    if (this.#gates.has(call)) return;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.#gates.set(call, { promise, release });
  }

  /** Lets the held calls of this kind go on. */
  release(call: HeldCall): void {
    const gate = this.#gates.get(call);
    this.#gates.delete(call);
    gate?.release();
  }

  isHeld(call: HeldCall): boolean {
    return this.#gates.has(call);
  }

  override async signIn(media: MediaId): Promise<void> {
    await this.#gates.get('sign-in')?.promise;
    return super.signIn(media);
  }

  override async snapshot(): Promise<DcSnapshot> {
    await this.#gates.get('snapshot')?.promise;
    return super.snapshot();
  }

  override async loadHistory(taskId: string): Promise<readonly Message[]> {
    await this.#gates.get('history')?.promise;
    return super.loadHistory(taskId);
  }
}

/** One thing that happens to the kit, as data (so a story's steps can be shown and edited as args). */
export type ScenarioStep =
  | { readonly do: 'sign-in' }
  | {
      readonly do: 'set-state';
      readonly scope: StateScope;
      readonly availability: Availability;
      readonly reasonId?: string;
    }
  | { readonly do: 'fail-sign-in'; readonly media: MediaId; readonly times?: number; readonly reason?: string }
  | { readonly do: 'fail-state-change'; readonly media: MediaId; readonly times?: number; readonly reason?: string }
  | { readonly do: 'clear-failures' }
  | { readonly do: 'drop-connection' }
  | { readonly do: 'restore-connection' }
  | {
      readonly do: 'server-set-state';
      readonly media: MediaId;
      readonly availability: Availability;
      readonly reasonId?: string;
      readonly routable?: boolean;
      readonly cause?: StateCause;
    }
  | { readonly do: 'hold'; readonly call: HeldCall }
  | { readonly do: 'release'; readonly call: HeldCall }
  | { readonly do: 'open-menu' }
  | { readonly do: 'offer'; readonly media: MediaId; readonly options?: OfferOptions }
  | { readonly do: 'accept'; readonly index: number }
  | { readonly do: 'accept-all' }
  | { readonly do: 'message'; readonly index: number; readonly text?: string }
  | { readonly do: 'select'; readonly index: number }
  | { readonly do: 'voice'; readonly active: boolean }
  | { readonly do: 'wait'; readonly ms: number }
  | { readonly do: 'send'; readonly index: number; readonly text: string }
  | { readonly do: 'customer-typing'; readonly index: number; readonly typing: boolean }
  | { readonly do: 'receipts'; readonly ms?: number }
  | { readonly do: 'fail-sends'; readonly options: SendFailureOptions }
  | { readonly do: 'fail-history'; readonly options: CountedFailureOptions }
  | { readonly do: 'fail-catalogue'; readonly options: CountedFailureOptions }
  | { readonly do: 'fail-workflow'; readonly options: CountedFailureOptions }
  | { readonly do: 'load-history'; readonly index: number }
  | { readonly do: 'customer-leaves'; readonly index: number }
  | { readonly do: 'workflow'; readonly index: number; readonly id: string; readonly params?: Readonly<Record<string, string>> }
  | { readonly do: 'end'; readonly index: number }
  // End, wrap-up and sign-out (END-2, STATE-8)
  | { readonly do: 'wrap-up'; readonly index: number; readonly reasons?: readonly string[]; readonly note?: string }
  | { readonly do: 'sign-out' };

type FailureOptions = { times?: number; reason?: string };

/** Builders for the steps, in the words of the SPEC. */
export const step = {
  /** SIGN-2: the agent presses Sign In (every configured media signs in at once). */
  signIn: (): ScenarioStep => ({ do: 'sign-in' }),
  /** STATE-1: the agent sets All or a group Ready. */
  ready: (scope: StateScope): ScenarioStep => ({ do: 'set-state', scope, availability: 'ready' }),
  /** STATE-1/2: the agent sets All or a group Not Ready, with a reason for a group. */
  notReady: (scope: StateScope, reasonId?: string): ScenarioStep => ({
    do: 'set-state',
    scope,
    availability: 'not-ready',
    ...(reasonId ? { reasonId } : {}),
  }),
  /** SIGN-4: the server refuses the next `times` sign-ins of a media (every one by default). */
  failSignIn: (media: MediaId, options: FailureOptions = {}): ScenarioStep => ({
    do: 'fail-sign-in',
    media,
    ...options,
  }),
  /** STATE-7: the next `times` state changes of a media fail (every one by default). */
  failStateChange: (media: MediaId, options: FailureOptions = {}): ScenarioStep => ({
    do: 'fail-state-change',
    media,
    ...options,
  }),
  clearFailures: (): ScenarioStep => ({ do: 'clear-failures' }),
  /** FAIL-1: the connection to the server drops. */
  dropConnection: (): ScenarioStep => ({ do: 'drop-connection' }),
  /** FAIL-2: the connection comes back and the kit re-reads the server's state. */
  restoreConnection: (): ScenarioStep => ({ do: 'restore-connection' }),
  /** The server changes a media by itself: a missed offer (OFFER-4), a supervisor, the system. */
  serverSetState: (
    media: MediaId,
    target: { availability: Availability; reasonId?: string; routable?: boolean },
    cause: StateCause = 'system',
  ): ScenarioStep => ({ do: 'server-set-state', media, ...target, cause }),
  hold: (call: HeldCall): ScenarioStep => ({ do: 'hold', call }),
  release: (call: HeldCall): ScenarioStep => ({ do: 'release', call }),
  /** The agent opens the state menu (Ctrl+Shift+L does the same), on the first picker in the kit. */
  openMenu: (): ScenarioStep => ({ do: 'open-menu' }),
  /**
   * OFFER-1: the routing system offers a task of `media` (only when the agent is Ready, routable and
   * below capacity). `acceptSeconds` in the options overrides the timer (fractions allowed: a missed
   * offer in 0.1 s).
   */
  offer: (media: MediaId, options?: OfferOptions): ScenarioStep => ({ do: 'offer', media, ...(options ? { options } : {}) }),
  /** OFFER-2: the agent accepts the `index`-th offer on show (oldest first). */
  accept: (index = 0): ScenarioStep => ({ do: 'accept', index }),
  /** OFFER-6: the agent accepts every offer on show. */
  acceptAll: (): ScenarioStep => ({ do: 'accept-all' }),
  /** TASK-5: the customer of the `index`-th task in the list writes. */
  message: (index: number, text?: string): ScenarioStep => ({ do: 'message', index, ...(text ? { text } : {}) }),
  /** TASK-3: the agent selects the `index`-th task in the list. */
  select: (index: number): ScenarioStep => ({ do: 'select', index }),
  /** TASK-4/6: the host reports a voice call starting or ending. */
  voice: (active: boolean): ScenarioStep => ({ do: 'voice', active }),
  /** Lets time pass (an offer's timer, a task's timer). */
  wait: (ms: number): ScenarioStep => ({ do: 'wait', ms }),
  /** COMP-1: the agent sends `text` in the `index`-th task in the list (through the store: outbox, then the server). */
  send: (index: number, text: string): ScenarioStep => ({ do: 'send', index, text }),
  /** PANE-4: the customer of the `index`-th task starts (or stops) typing. */
  customerTyping: (index: number, typing = true): ScenarioStep => ({ do: 'customer-typing', index, typing }),
  /**
   * PANE-4: the receipts of sent messages move on: after `ms` (default: long enough for delivered and
   * read), as the simulated customer's device reports them.
   */
  receipts: (ms?: number): ScenarioStep => ({ do: 'receipts', ...(ms !== undefined ? { ms } : {}) }),
  /** PANE-4: the next sends fail: refused (`reject`, the default) or not delivered (`delivery`). */
  failSends: (options: SendFailureOptions = {}): ScenarioStep => ({ do: 'fail-sends', options }),
  /** PANE-1: the next history loads fail. */
  failHistory: (options: CountedFailureOptions = {}): ScenarioStep => ({ do: 'fail-history', options }),
  /** COMP-5/COMP-10: the next catalogue loads fail. */
  failCatalogue: (options: CountedFailureOptions = {}): ScenarioStep => ({ do: 'fail-catalogue', options }),
  /** COMP-10: the next workflow runs fail on the server. */
  failWorkflow: (options: CountedFailureOptions = {}): ScenarioStep => ({ do: 'fail-workflow', options }),
  /** PANE-1/PANE-5: the kit loads the history of the `index`-th task in the list. */
  loadHistory: (index: number): ScenarioStep => ({ do: 'load-history', index }),
  /** PANE-3: the customer of the `index`-th task leaves the conversation. */
  customerLeaves: (index: number): ScenarioStep => ({ do: 'customer-leaves', index }),
  /** COMP-10: the agent triggers workflow `id` in the `index`-th task (a refusal is shown by the kit, not thrown). */
  workflow: (index: number, id: string, params?: Readonly<Record<string, string>>): ScenarioStep => ({
    do: 'workflow',
    index,
    id,
    ...(params ? { params } : {}),
  }),
  /** END-1: the agent ends the `index`-th task in the list. */
  end: (index: number): ScenarioStep => ({ do: 'end', index }),
  /** END-2: the agent picks wrap-up reasons (and writes a note) in the `index`-th task in the list. */
  wrapUp: (index: number, reasons: readonly string[], note?: string): ScenarioStep => ({
    do: 'wrap-up',
    index,
    reasons,
    ...(note !== undefined ? { note } : {}),
  }),
  /** STATE-8: the host asks to sign out (the kit asks the agent to confirm when tasks are held). */
  signOut: (): ScenarioStep => ({ do: 'sign-out' }),
};

export interface ScenarioOptions {
  /** Names the scenario; with a counter it makes the storage key, so kits on one page never share state. */
  name?: string;
  /** The kit's configuration (defaults apply for what is left out). */
  config?: DcConfigInput;
  /** Seed, latency and automatic routing of the simulated contact centre (latency 0, no routing unless given). */
  backend?: Pick<
    SimulatedBackendOptions,
    | 'seed'
    | 'latencyMs'
    | 'offersPerMinute'
    | 'messagesPerMinute'
    | 'clock'
    | 'agentName'
    | 'replyRate'
    | 'botHistory'
    | 'historySize'
    | 'deliveredAfterMs'
    | 'readAfterMs'
    | 'replyAfterMs'
    | 'typingMs'
    | 'centre'
    | 'agentId'
  >;
  /** What happens to the kit, in order, once it is connected. */
  steps?: readonly ScenarioStep[];
  /** The markup inside the provider; `agentBar()` by default. */
  content?: TemplateResult;
  lang?: string;
  theme?: DcTheme;
  /** How long the store must stay unchanged for a step to count as finished (ms). */
  quietMs?: number;
  /**
   * Runs once the steps are done and the kit has settled, for what only an element can do (a story
   * types in the composer, drops files on it, opens one of its panels); `done` waits for it.
   */
  after?: (scenario: Scenario) => Promise<void> | void;
}

export interface Scenario {
  readonly provider: DcProvider;
  readonly backend: ScenarioBackend;
  readonly storage: MemoryStorage;
  /** The provider's store: undefined until the provider is connected, or while its configuration is invalid. */
  readonly store: DcStore | undefined;
  /** Resolves once the provider is connected, every step has run and the kit has settled. */
  readonly done: Promise<void>;
}

/**
 * The usual surroundings of the state control on an agent desktop: the connection banner across the
 * top, the state picker, and the notifications, inline on the right, where they pop up in a real page.
 */
export function agentBar(): TemplateResult {
  return html`<dc-connection-banner></dc-connection-banner>
    <div style="display: flex; align-items: flex-start; gap: 1rem; padding: 0.75rem 0; min-height: 22rem">
      <dc-state-picker></dc-state-picker>
      <dc-notifications placement="inline" style="flex: 0 1 26rem; margin-left: auto"></dc-notifications>
    </div>`;
}

const scenarios = new WeakMap<DcProvider, Scenario>();
let counter = 0;

/** The scenario that built this provider (tests mount a story's element and wait for `done`). */
export function scenarioOf(provider: Element): Scenario | undefined {
  return scenarios.get(provider as DcProvider);
}

/** The configuration the simulated centre routes with (the defaults when it is invalid: the provider reports that). */
function routingConfig(config: DcConfigInput): DcConfig {
  try {
    return resolveConfig(config);
  } catch {
    return resolveConfig({ media: DEFAULT_MEDIA });
  }
}

/**
 * Markup holding several scenarios, rendered into a `<div>` so that it is a node a story can return (the
 * Storybook decorator then sets the toolbar's language and theme on every provider inside it).
 */
export function inDiv(content: TemplateResult): HTMLDivElement {
  const div = document.createElement('div');
  render(content, div);
  return div;
}

/** Builds the provider now and runs the steps once it is in a document. */
export function scenario(options: ScenarioOptions = {}): Scenario {
  const id = `${options.name ?? 'scenario'}-${++counter}`;
  const config: DcConfigInput = { storageKey: `dc-story:${id}`, ...options.config };
  const storage = new MemoryStorage();
  const backend = new ScenarioBackend({
    config: routingConfig(config),
    latencyMs: 0,
    ...options.backend,
    storage,
    storageKey: `dc-story:${id}:simulated-server`,
  });
  const provider = document.createElement('dc-provider');
  provider.config = config;
  provider.backend = backend;
  provider.storage = storage;
  provider.lang = options.lang ?? 'en';
  provider.theme = options.theme ?? 'light';
  render(options.content ?? agentBar(), provider);

  const result: Scenario = {
    provider,
    backend,
    storage,
    get store() {
      return provider.store;
    },
    done: run(provider, backend, options.steps ?? [], options.quietMs ?? 80).then(() => options.after?.(result)),
  };
  scenarios.set(provider, result);
  return result;
}

/** The provider element of a new scenario: what a story's `render` returns. */
export function scenarioElement(options: ScenarioOptions = {}): DcProvider {
  return scenario(options).provider;
}

async function run(
  provider: DcProvider,
  backend: ScenarioBackend,
  steps: readonly ScenarioStep[],
  quietMs: number,
): Promise<void> {
  // The first update happens once the provider is connected; it creates the store.
  await provider.updateComplete;
  const store = provider.store;
  if (!store) return; // an invalid configuration: the provider shows why
  await store.ready;
  await quiet(store, quietMs);
  for (const s of steps) {
    if (provider.store !== store) return; // the provider left the page, or was rebuilt
    await apply(s, provider, store, backend);
    await quiet(store, quietMs);
  }
}

async function apply(s: ScenarioStep, provider: DcProvider, store: DcStore, backend: ScenarioBackend) {
  switch (s.do) {
    case 'sign-in':
      return store.signIn();
    case 'set-state':
      return store.setState(s.scope, { availability: s.availability, ...(s.reasonId ? { reasonId: s.reasonId } : {}) });
    case 'fail-sign-in':
      return backend.failSignIn(s.media, failure(s));
    case 'fail-state-change':
      return backend.failStateChange(s.media, failure(s));
    case 'clear-failures':
      return backend.clearFailures();
    case 'drop-connection':
      return backend.dropConnection();
    case 'restore-connection':
      return void backend.restoreConnection();
    case 'server-set-state':
      return backend.serverSetState(
        s.media,
        {
          availability: s.availability,
          ...(s.reasonId ? { reasonId: s.reasonId } : {}),
          ...(s.routable !== undefined ? { routable: s.routable } : {}),
        },
        s.cause ?? 'system',
      );
    case 'hold':
      return backend.hold(s.call);
    case 'release':
      return backend.release(s.call);
    case 'offer':
      backend.offer(s.media, s.options);
      return;
    case 'accept': {
      const offer = presentedOffers(store.config, store.state.media, Object.values(store.state.tasks), store.clock.now())[s.index];
      if (offer) store.accept(offer.id);
      return;
    }
    case 'accept-all':
      return store.acceptAll();
    case 'message': {
      const task = taskListOrder(Object.values(store.state.tasks))[s.index];
      if (task) backend.customerMessage(task.id, s.text);
      return;
    }
    case 'select': {
      const task = taskListOrder(Object.values(store.state.tasks))[s.index];
      if (task) store.selectTask(task.id);
      return;
    }
    case 'voice':
      provider.voice = s.active;
      await provider.updateComplete;
      return;
    case 'wait':
      await new Promise((resolve) => setTimeout(resolve, s.ms));
      return;
    case 'send': {
      const task = taskAt(store, s.index);
      if (task) store.send(task.id, { text: s.text });
      return;
    }
    case 'customer-typing': {
      const task = taskAt(store, s.index);
      if (task) backend.customerTyping(task.id, s.typing);
      return;
    }
    case 'receipts':
      await elapse(backend, s.ms ?? RECEIPTS_MS);
      return;
    case 'fail-sends':
      return backend.failSends(s.options);
    case 'fail-history':
      return backend.failHistory(s.options);
    case 'fail-catalogue':
      return backend.failCatalogue(s.options);
    case 'fail-workflow':
      return backend.failWorkflow(s.options);
    case 'load-history': {
      const task = taskAt(store, s.index);
      if (task) store.loadHistory(task.id);
      return;
    }
    case 'customer-leaves': {
      const task = taskAt(store, s.index);
      if (task) backend.customerLeaves(task.id);
      return;
    }
    case 'workflow': {
      const task = taskAt(store, s.index);
      if (task) await store.triggerWorkflow(task.id, s.id, s.params ?? {}).catch(() => undefined);
      return;
    }
    case 'end': {
      const task = taskAt(store, s.index);
      if (task) store.end(task.id);
      return;
    }
    case 'wrap-up': {
      const task = taskAt(store, s.index);
      if (task) store.chooseWrapUp(task.id, { ...(s.reasons ? { reasons: s.reasons } : {}), ...(s.note !== undefined ? { note: s.note } : {}) });
      return;
    }
    case 'sign-out':
      void store.signOut();
      return;
    case 'open-menu': {
      const picker = provider.querySelector('dc-state-picker');
      if (!picker) return;
      await picker.updateComplete;
      picker.openMenu();
      await picker.updateComplete;
      return;
    }
  }
}

/** The `index`-th task in the task list's order. */
function taskAt(store: DcStore, index: number) {
  return taskListOrder(Object.values(store.state.tasks))[index];
}

/** Long enough for a sent message to be delivered and read with the default receipt delays. */
const RECEIPTS_MS = 6000;

/** Lets `ms` pass on the simulated centre's clock: a manual clock moves at once, the real one is waited for. */
async function elapse(backend: ScenarioBackend, ms: number): Promise<void> {
  const clock = backend.clock;
  if (clock instanceof ManualClock) await clock.advance(ms);
  else await new Promise((resolve) => setTimeout(resolve, ms));
}

function failure(s: { times?: number; reason?: string }) {
  return { ...(s.times !== undefined ? { times: s.times } : {}), ...(s.reason ? { reason: s.reason } : {}) };
}

/** Resolves once the store has not changed for `ms` (retries with no delay settle well within it). */
function quiet(store: DcStore, ms: number, limitMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const start = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      off();
      clearTimeout(timer);
      resolve();
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, Date.now() - start > limitMs ? 0 : ms);
    };
    const off = store.subscribe(arm);
    arm();
  });
}
