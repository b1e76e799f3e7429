/**
 * The conversation benchmark page: `<dc-chat-thread>` and `<dc-composer>` inside `<dc-provider>` on the
 * simulated contact centre. `scripts/bench-conversation.mjs` loads it in headless Chromium and calls
 * `window.dcBench`. Everything reaches the store as in production: the history through
 * `loadHistory()`, messages through the backend's event stream, keys through real key events.
 */
import type { LitElement } from 'lit';
import { afterFrame, nextPaint, rendered } from './frames.js';
import { SimulatedBackend } from '../src/simulator/index.js';
import type { DcProvider } from '../src/elements/provider/provider.js';
// The provider is defined first: a context consumer defined before its provider never finds it.
import '../src/elements/provider/provider.js';
import '../src/elements/chat-thread/chat-thread.js';
import '../src/elements/composer/composer.js';
import { resolveConfig, type DcConfigInput } from '../src/model/config.js';
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
  openThread(messages: number): Promise<OpenRun>;
  incoming(count: number, perSecond: number): Promise<IncomingRun>;
  prepareTyping(): Promise<void>;
  typed(): TypingRun;
}

/** The driver reads `window.dcBench` (and `window.dcBenchError`), as for the task list page. */
const page = window as unknown as { dcBench?: ConversationBench; dcBenchError?: string };

const CONFIG: DcConfigInput = {
  media: { chat: { kind: 'chat', capacity: 5, acceptSeconds: 3600 } },
  storageKey: 'dc-widgets:bench-conversation',
};

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

/** Whether the thread shows `text` (in its shadow root, nested roots included). */
function shows(thread: Element, text: string): boolean {
  const search = (root: ShadowRoot | Element): boolean => {
    if (root.textContent?.includes(text)) return true;
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

async function openThread(messages: number): Promise<OpenRun> {
  const k = await setup(messages);
  const last = k.store.state.history[k.taskId]!.messages.at(-1)!;
  const newest = (k.store.state.messages[k.taskId] ?? []).at(-1) ?? last;
  const t0 = performance.now();
  const thread = document.createElement('dc-chat-thread') as LitElement;
  thread.setAttribute('task-id', k.taskId);
  k.provider.append(thread);
  k.thread = thread;
  await rendered(thread);
  await waitFor(() => shows(thread, newest.text), 'the newest message on show');
  const t1 = await nextPaint();
  const size = deepCount(thread.shadowRoot);
  const bubbles = thread.shadowRoot!.querySelectorAll('[part~="bubble"], .bubble').length;
  return { messages, toPaintMs: t1 - t0, ...size, bubbles };
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

function typed(): TypingRun {
  if (!typing) throw new Error('prepareTyping first');
  return { keys: typing.keys, toPaintMs: [...typing.latencies], composerRenders: typing.renders() };
}

try {
  page.dcBench = { openThread, incoming, prepareTyping, typed };
} catch (error) {
  page.dcBenchError = String(error);
}
