/**
 * The conversation benchmark page: `<dc-chat-thread>` and `<dc-composer>` inside `<dc-provider>`, and the
 * whole `<dc-desktop>`, on the simulated contact centre. `scripts/bench-conversation.mjs` loads it in
 * headless Chromium (a fresh page for every opening) and calls `window.dcBench`. Everything reaches the
 * store as in production: the history through `loadHistory()`, messages through the backend's event
 * stream, keys through real key events.
 */
import type { LitElement } from 'lit';
import { afterFrame, nextPaint, rendered } from './frames.js';
import { SimulatedBackend } from '../src/simulator/index.js';
import type { DcProvider } from '../src/elements/provider/provider.js';
// The provider is defined first: a context consumer defined before its provider never finds it.
import '../src/elements/provider/provider.js';
import '../src/elements/chat-thread/chat-thread.js';
import '../src/elements/composer/composer.js';
import '../src/elements/desktop/desktop.js';
import { BenchPlainThread } from './plain-thread.js';
import { resolveConfig, type DcConfigInput } from '../src/model/config.js';
import { customerDisplayName } from '../src/model/tasks.js';
import { threadRows } from '../src/model/thread.js';
import type { DcState } from '../src/store/state.js';
import type { DcStore } from '../src/store/store.js';

export interface OpenRun {
  readonly messages: number;
  /** From the thread's mount to the paint that shows the newest message. */
  readonly toPaintMs: number;
  /** Elements and nodes (text and comments too) in the thread's shadow root, nested roots included. */
  readonly elements: number;
  readonly nodes: number;
  /** Message bubbles in the DOM. */
  readonly bubbles: number;
}

export interface IncomingRun {
  /** Per message: from the backend emitting it to the paint that shows it in the thread. */
  readonly toPaintMs: readonly number[];
}

export interface TypingRun {
  readonly keys: number;
  /** Per key: from the key event to the paint that follows its input. */
  readonly toPaintMs: readonly number[];
  readonly composerRenders: number;
}

export interface ConversationBench {
  /** `prepareOpen` then `mount('thread')`. */
  openThread(messages: number): Promise<OpenRun>;
  prepareOpen(messages: number): Promise<void>;
  /** The thread, or the yardstick: every row rendered by plain Lit, no virtualiser. */
  mount(what: 'thread' | 'plain'): Promise<OpenRun>;
  incoming(count: number, perSecond: number): Promise<IncomingRun>;
  /** Waits until the next one-second tick is far enough away for one message to be timed alone. */
  quiet(): Promise<void>;
  /** One customer message in the open thread, to the paint that shows it (ms). */
  incomingOne(): Promise<number>;
  /** The whole desktop with `tasks` chats accepted; the last one is on show with its history. */
  openDesktop(tasks: number, history: number): Promise<{ tasks: number; shown: string }>;
  /** One customer message for a task that is not on show (in turn), to the next paint (ms). */
  backgroundOne(): Promise<number>;
  prepareTyping(): Promise<void>;
  prepareBareTyping(): void;
  typed(): TypingRun;
}

/** The driver reads `window.dcBench` (and `window.dcBenchError`), as for the task list page. */
const page = window as unknown as { dcBench?: ConversationBench; dcBenchError?: string };

const CONFIG: DcConfigInput = {
  media: { chat: { kind: 'chat', capacity: 5, acceptSeconds: 3600 } },
  storageKey: 'dc-widgets:bench-conversation',
};

/*
 * The kit's timers share one one-second tick (src/context/ticker.ts). A message is timed between two
 * ticks, so that what is measured is the message's own work: the page notes when every one-second
 * interval fires, and `quiet()` waits until the next one is far enough away.
 */
let lastTick = performance.now();
const nativeSetInterval = window.setInterval.bind(window);
window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  if (timeout !== 1000 || typeof handler !== 'function') return nativeSetInterval(handler, timeout, ...args);
  return nativeSetInterval(
    () => {
      lastTick = performance.now();
      (handler as (...a: unknown[]) => void)(...args);
    },
    timeout,
  );
}) as typeof window.setInterval;

async function quiet(): Promise<void> {
  // Room for the driver's two metric reads and the message's frames before the next tick (when there
  // is no ticking timer, any moment will do).
  const phase = () => (performance.now() - lastTick) % 1000;
  while (phase() < 60 || phase() > 750) await new Promise((r) => setTimeout(r, 20));
}

const stage = (): HTMLElement => document.querySelector<HTMLElement>('#stage')!;

function deepCount(root: ShadowRoot | null): { elements: number; nodes: number } {
  let elements = 0;
  let nodes = 0;
  const visit = (r: ShadowRoot | Element) => {
    const walker = document.createTreeWalker(r, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) {
      nodes++;
      const node = walker.currentNode;
      if (node instanceof Element) {
        elements++;
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    }
  };
  if (root) visit(root);
  return { elements, nodes };
}

/** Whether the thread shows `text` in a message bubble (its shadow root, nested roots included). */
function shows(thread: Element, text: string): boolean {
  const search = (root: ShadowRoot | Element): boolean => {
    for (const b of root.querySelectorAll('[part~="bubble"], .bubble')) if (b.textContent?.includes(text)) return true;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot && search(el.shadowRoot)) return true;
    return false;
  };
  return !!thread.shadowRoot && search(thread.shadowRoot);
}

async function waitFor(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Never happened: ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

function storeReaches(store: DcStore, test: (s: DcState) => boolean, what: string): Promise<void> {
  return waitFor(() => test(store.state), what);
}

interface Kit {
  provider: DcProvider;
  store: DcStore;
  backend: SimulatedBackend;
  taskId: string;
  thread?: LitElement;
  composer?: LitElement;
}

let kit: Kit | undefined;

/** A provider on a fresh simulated centre with one accepted chat whose history has `messages` messages. */
async function setup(messages: number): Promise<Kit> {
  stage().replaceChildren();
  stage().classList.remove('desktop');
  kit?.backend.close();
  const backend = new SimulatedBackend({ config: resolveConfig(CONFIG), seed: 7, latencyMs: 0, historySize: messages });
  const provider = document.createElement('dc-provider');
  provider.lang = 'en';
  provider.storage = null;
  provider.config = CONFIG;
  provider.backend = backend;
  stage().append(provider);
  await provider.updateComplete;
  const store = provider.store!;
  await store.ready;
  store.signIn();
  await storeReaches(store, (s) => s.media['chat']?.signIn === 'signed-in', 'signed in');
  store.setState('all', { availability: 'ready' });
  await storeReaches(store, (s) => s.media['chat']?.availability === 'ready', 'Ready');
  const offer = backend.offer('chat', { customer: { name: 'Camille Durand' } })!;
  store.accept(offer.id);
  await storeReaches(store, (s) => s.tasks[offer.id]?.status === 'active', 'accepted');
  store.loadHistory(offer.id);
  await storeReaches(store, (s) => s.history[offer.id]?.status === 'loaded', 'history loaded');
  kit = { provider, store, backend, taskId: offer.id };
  return kit;
}

type Opening = 'thread' | 'plain';

/** The thread, or the plain-Lit yardstick, for the task of `k`. */
function make(k: Kit, what: Opening): LitElement {
  if (what === 'thread') {
    const thread = document.createElement('dc-chat-thread') as LitElement;
    thread.setAttribute('task-id', k.taskId);
    return thread;
  }
  const plain = new BenchPlainThread();
  const s = k.store.state;
  plain.customer = customerDisplayName(k.store.config, s.tasks[k.taskId]!);
  plain.rows = threadRows({ taskId: k.taskId, history: s.history[k.taskId]?.messages ?? [], messages: s.messages[k.taskId] ?? [] });
  return plain;
}

/** A centre with one accepted chat whose history of `messages` is in the store; nothing mounted yet. */
async function prepareOpen(messages: number): Promise<void> {
  await setup(messages);
}

/** Mounts the thread (or the yardstick) for the prepared task; timed to the newest message painted. */
async function mount(what: Opening): Promise<OpenRun> {
  const k = kit;
  if (!k) throw new Error('prepareOpen first');
  const s = k.store.state;
  const newest = (s.messages[k.taskId] ?? []).at(-1) ?? s.history[k.taskId]!.messages.at(-1)!;
  const t0 = performance.now();
  const thread = make(k, what);
  k.provider.append(thread);
  k.thread = thread;
  await rendered(thread);
  await waitFor(() => shows(thread, newest.text), 'the newest message on show');
  const t1 = await nextPaint();
  const size = deepCount(thread.shadowRoot);
  const bubbles = thread.shadowRoot!.querySelectorAll('[part~="bubble"], .bubble').length;
  return { messages: s.history[k.taskId]!.messages.length, toPaintMs: t1 - t0, ...size, bubbles };
}

async function openThread(messages: number): Promise<OpenRun> {
  await prepareOpen(messages);
  return mount('thread');
}

async function incoming(count: number, perSecond: number): Promise<IncomingRun> {
  const k = kit;
  if (!k?.thread) throw new Error('Open a thread first');
  const toPaintMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const text = `Incoming message ${i} ${Math.random().toString(36).slice(2, 8)}`;
    const t0 = performance.now();
    k.backend.customerMessage(k.taskId, text);
    await waitFor(() => shows(k.thread!, text), `message ${i} on show`);
    toPaintMs.push((await nextPaint()) - t0);
    await new Promise((r) => setTimeout(r, 1000 / perSecond));
  }
  return { toPaintMs };
}

/** Words no earlier message had, so that the thread's DOM shows when this one is in. */
const fresh = (i: number) => `Incoming message ${i} ${Math.random().toString(36).slice(2, 8)}`;
let sent = 0;

async function incomingOne(): Promise<number> {
  const k = kit;
  if (!k?.thread) throw new Error('Open a thread first');
  const text = fresh(sent++);
  const t0 = performance.now();
  k.backend.customerMessage(k.taskId, text);
  await waitFor(() => shows(k.thread!, text), 'the message on show');
  return (await nextPaint()) - t0;
}

let background: { ids: string[]; next: number } | undefined;

async function openDesktop(tasks: number, history: number): Promise<{ tasks: number; shown: string }> {
  stage().replaceChildren();
  stage().classList.add('desktop');
  kit?.backend.close();
  const config: DcConfigInput = { ...CONFIG, media: { chat: { kind: 'chat', capacity: tasks, acceptSeconds: 3600 } } };
  const backend = new SimulatedBackend({ config: resolveConfig(config), seed: 7, latencyMs: 0, historySize: history });
  const provider = document.createElement('dc-provider');
  provider.lang = 'en';
  provider.storage = null;
  provider.config = config;
  provider.backend = backend;
  provider.append(document.createElement('dc-desktop'));
  stage().append(provider);
  await provider.updateComplete;
  const store = provider.store!;
  await store.ready;
  store.signIn();
  await storeReaches(store, (s) => s.media['chat']?.signIn === 'signed-in', 'signed in');
  store.setState('all', { availability: 'ready' });
  await storeReaches(store, (s) => s.media['chat']?.availability === 'ready', 'Ready');
  const ids: string[] = [];
  for (let i = 0; i < tasks; i++) {
    const offer = backend.offer('chat', { customer: { name: `Customer ${i + 1}` } })!;
    store.accept(offer.id);
    await storeReaches(store, (s) => s.tasks[offer.id]?.status === 'active', `task ${i + 1} accepted`);
    ids.push(offer.id);
  }
  const shown = store.state.selectedTaskId!;
  await storeReaches(store, (s) => s.history[shown]?.status === 'loaded', 'history of the task on show');
  const desktop = provider.querySelector('dc-desktop') as LitElement;
  await rendered(desktop);
  await nextPaint();
  kit = { provider, store, backend, taskId: shown };
  background = { ids: ids.filter((id) => id !== shown), next: 0 };
  return { tasks, shown };
}

async function backgroundOne(): Promise<number> {
  const k = kit;
  if (!k || !background) throw new Error('Open the desktop first');
  const id = background.ids[background.next++ % background.ids.length]!;
  const before = k.store.state.messages[id]?.length ?? 0;
  const t0 = performance.now();
  k.backend.customerMessage(id, fresh(sent++));
  await storeReaches(k.store, (s) => (s.messages[id]?.length ?? 0) > before, 'the message in the store');
  return (await nextPaint()) - t0;
}

let typing: { latencies: number[]; keys: number; renders: () => number } | undefined;

/** Mounts the composer under the thread and focuses its box; the keys come from the driver. */
async function prepareTyping(): Promise<void> {
  const k = kit;
  if (!k) throw new Error('Open a thread first');
  const composer = document.createElement('dc-composer') as LitElement;
  composer.setAttribute('task-id', k.taskId);
  k.provider.append(composer);
  k.composer = composer;
  await rendered(composer);
  const box = composer.shadowRoot!.querySelector('textarea')!;
  box.focus();
  let renders = 0;
  const instance = composer as unknown as { update: (c: unknown) => void };
  const original = instance.update;
  instance.update = function (this: unknown, changed: unknown) {
    renders++;
    original.call(this, changed);
  };
  const latencies: number[] = [];
  const state = { latencies, keys: 0, renders: () => renders };
  box.addEventListener('keydown', (event) => {
    state.keys++;
    const start = event.timeStamp;
    // The frame that carries the input's render, then the moment right after it is presented.
    requestAnimationFrame(() => afterFrame(() => latencies.push(performance.now() - start)));
  });
  typing = state;
}

/** A bare `<textarea>` on the same page, focused: what a keystroke costs with no kit around it. */
function prepareBareTyping(): void {
  const box = document.createElement('textarea');
  box.setAttribute('aria-label', 'A bare text area');
  box.style.cssText = 'position: fixed; left: 0; bottom: 0; width: 20rem; height: 4rem';
  document.body.append(box);
  box.focus();
}

function typed(): TypingRun {
  if (!typing) throw new Error('prepareTyping first');
  return { keys: typing.keys, toPaintMs: [...typing.latencies], composerRenders: typing.renders() };
}

try {
  page.dcBench = { openThread, prepareOpen, mount, incoming, quiet, incomingOne, openDesktop, backgroundOne, prepareTyping, prepareBareTyping, typed };
} catch (error) {
  page.dcBenchError = String(error);
}
