/**
 * Parts of the kit that load on first use (the bytes a page pays up front, DESIGN §8): each is one
 * or more element modules, imported with `import()` the first time an element needs them. A module
 * once loaded stays for the page's life and serves every element; a failed load is forgotten, so
 * Retry fetches it again (browsers retry a failed `import()`). A part whose elements the host page
 * has already defined (it imported them itself) is ready at once.
 */
import type { ReactiveControllerHost } from 'lit';

/** A part loaded on first use: the elements it defines, and how to load them. */
export interface LazyPart {
  readonly tags: readonly string[];
  /** Static specifiers inside, so that bundlers split the part into chunks of its own. */
  readonly load: () => Promise<unknown>;
}

/** Loads in flight or done, page-wide. */
const loads = new Map<LazyPart, Promise<void>>();

function defined(part: LazyPart): boolean {
  return part.tags.every((tag) => customElements.get(tag) !== undefined);
}

/** Loads a part's modules, once per page (a failed load is forgotten, so the next asks again). */
export function loadPart(part: LazyPart): Promise<void> {
  let loading = loads.get(part);
  if (!loading) {
    loading = part.load().then(
      () => undefined,
      (error: unknown) => {
        loads.delete(part);
        throw error;
      },
    );
    loads.set(part, loading);
  }
  return loading;
}

/** Where a part is for one element: on its way, there, or failed (the agent may retry). */
export type PartStatus = 'loading' | 'ready' | 'failed';

/**
 * One element's view of the parts it loads on first use: what it asked for and how that went. The
 * host renders again when a load settles; `settled` lets the host's `updateComplete` wait for loads in
 * flight.
 */
export class LazyParts<K extends string> {
  #host: ReactiveControllerHost;
  #parts: Readonly<Record<K, LazyPart>>;
  #status = new Map<K, PartStatus>();
  #pending = new Set<Promise<void>>();

  constructor(host: ReactiveControllerHost, parts: Readonly<Record<K, LazyPart>>) {
    this.#host = host;
    this.#parts = parts;
  }

  /** The part's status; undefined while this element has not asked for it. */
  status(key: K): PartStatus | undefined {
    if (this.#status.get(key) !== 'ready' && defined(this.#parts[key])) this.#status.set(key, 'ready');
    return this.#status.get(key);
  }

  /** Starts loading the part unless it is there or on its way; returns its status. */
  ensure(key: K): PartStatus {
    const status = this.status(key);
    if (status === 'ready' || status === 'loading') return status;
    this.#status.set(key, 'loading');
    const done = loadPart(this.#parts[key]).then(
      () => void this.#status.set(key, 'ready'),
      (error: unknown) => {
        this.#status.set(key, 'failed');
        console.warn('[dc-widgets] A part of the kit could not be loaded', error);
      },
    );
    const tracked = done.finally(() => {
      this.#pending.delete(tracked);
      this.#host.requestUpdate();
    });
    this.#pending.add(tracked);
    this.#host.requestUpdate();
    return 'loading';
  }

  /** Resolves when every load this element started has settled (loaded or failed); undefined when none is in flight. */
  get settled(): Promise<void> | undefined {
    return this.#pending.size ? Promise.all(this.#pending).then(() => undefined) : undefined;
  }
}

/** Runs `work` when the browser is idle (or soon, where it cannot say), unless cancelled. */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}
