import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DcStoreApi } from '../store/api.js';
import type { DcState } from '../store/state.js';

/** Equal when the same object, or plain objects/arrays whose own entries are the same (one level). */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export type Selector<T> = (state: DcState, store: DcStoreApi) => T;

/** What a host must offer: the store it uses now (from context or a property) and a way to watch it. */
export interface StoreHost extends ReactiveControllerHost {
  readonly activeStore: DcStoreApi | undefined;
}

/**
 * Selects a slice of the store for an element and re-renders the element only when that slice changes
 * (by `equals`, shallow by default). Re-attaches when the host's store changes. A selector may read the
 * host's properties (the task it shows): it runs again before each of the host's updates, so the slice
 * follows them too.
 */
export class StoreController<T> implements ReactiveController {
  #host: StoreHost;
  #selector: Selector<T>;
  #equals: (a: T, b: T) => boolean;
  #store: DcStoreApi | undefined;
  #unsubscribe: (() => void) | undefined;
  #value: T | undefined;

  constructor(host: StoreHost, selector: Selector<T>, equals: (a: T, b: T) => boolean = shallowEqual) {
    this.#host = host;
    this.#selector = selector;
    this.#equals = equals;
    host.addController(this);
  }

  /** The selected slice, or undefined while the host has no store. */
  get value(): T | undefined {
    this.#sync();
    return this.#value;
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    if (this.#sync()) return;
    const store = this.#store;
    if (!store) return;
    const next = this.#selector(store.state, store);
    if (!this.#equals(next, this.#value as T)) this.#value = next;
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  /** Attaches to the host's store when it changed; says whether it did (the slice is then fresh). */
  #sync(): boolean {
    const store = this.#host.activeStore;
    if (store === this.#store) return false;
    this.#unsubscribe?.();
    this.#store = store;
    this.#unsubscribe = undefined;
    if (!store) {
      this.#value = undefined;
      return true;
    }
    this.#value = this.#selector(store.state, store);
    this.#unsubscribe = store.subscribe((state) => {
      const next = this.#selector(state, store);
      if (this.#equals(next, this.#value as T)) return;
      this.#value = next;
      this.#host.requestUpdate();
    });
    return true;
  }
}
