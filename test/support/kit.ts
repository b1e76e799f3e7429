/**
 * Mounting a kit for element tests: a provider around the given markup, on a simulated backend with no
 * latency and in-memory storage, waited until its first snapshot is applied.
 */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { SimulatedBackend, type SimulatedBackendOptions } from '../../src/simulator/index.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import { until } from './dom.js';
import type { DcStore } from '../../src/store/store.js';

export interface KitOptions {
  config?: DcConfigInput;
  backend?: SimulatedBackendOptions;
  storage?: Storage;
  lang?: string;
}

export async function mountKit(content: TemplateResult, options: KitOptions = {}) {
  const config: DcConfigInput = { retryDelayMs: 20, retryMaxDelayMs: 200, ...options.config };
  const backend = new SimulatedBackend({ config: resolveConfig(config), ...options.backend });
  const storage = options.storage ?? new MemoryStorage();
  const provider = await fixture<DcProvider>(
    html`<dc-provider .config=${config} .backend=${backend} .storage=${storage} lang=${options.lang ?? 'en'}
      >${content}</dc-provider
    >`,
  );
  await provider.store!.ready;
  await provider.localeReady;
  return { provider, backend, store: provider.store!, storage };
}

export { until, press, text } from './dom.js';

/** Signs every media in and sets them all Ready through the store, as the agent's Sign In and Ready would. */
export async function signInReady(store: DcStore, timeout?: number): Promise<void> {
  store.signIn();
  await until(() => Object.values(store.state.media).every((m) => m.signIn === 'signed-in'), 'every media signed in', timeout);
  store.setState('all', { availability: 'ready' });
  await until(() => Object.values(store.state.media).every((m) => m.availability === 'ready'), 'every media Ready', timeout);
}
