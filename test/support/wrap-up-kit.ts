/**
 * A kit for the end-of-task tests: `<dc-wrap-up>`, `<dc-chat-thread>` and `<dc-sign-out-confirm>` in a
 * provider on the simulated centre with a manual clock, signed in and Ready.
 */
import { fixture, html } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { resolveConfig, type DcConfigInput } from '../../src/model/config.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import '../../src/elements/wrap-up/wrap-up.js';
import '../../src/elements/sign-out-confirm/sign-out-confirm.js';
import '../../src/elements/chat-thread/chat-thread.js';
import type { DcWrapUp } from '../../src/elements/wrap-up/wrap-up.js';
import type { DcSignOutConfirm } from '../../src/elements/sign-out-confirm/sign-out-confirm.js';

export const reasons = [
  { id: 'solved', label: { en: 'Solved', fr: 'Résolu' } },
  { id: 'callback', label: { en: 'Call back', fr: 'Rappeler' } },
  { id: 'spam', label: { en: 'Spam', fr: 'Indésirable' } },
];
export const config = (wrapUp: Record<string, unknown> = {}, more: DcConfigInput = {}): DcConfigInput => ({
  media: { chat: { wrapUp: { forced: true, seconds: 60, reasons, defaultReason: 'spam', ...wrapUp } }, sms: {} },
  ...more,
});

export async function mount(input: DcConfigInput = config(), lang = 'en', storage: Storage = new MemoryStorage()) {
  const clock = new ManualClock();
  const backend = new SimulatedBackend({ config: resolveConfig(input), clock, storage: new MemoryStorage(), storageKey: 'server' });
  const provider = await fixture<DcProvider>(html`<dc-provider .config=${input} .backend=${backend} .clock=${clock} .storage=${storage} lang=${lang}>
    <dc-wrap-up></dc-wrap-up>
    <dc-chat-thread></dc-chat-thread>
    <dc-sign-out-confirm></dc-sign-out-confirm>
  </dc-provider>`);
  const store = provider.store!;
  await clock.advance(0);
  await store.ready;
  await provider.localeReady;
  store.signIn();
  await clock.advance(0);
  store.setState('all', { availability: 'ready' });
  await clock.advance(0);
  const el = provider.querySelector('dc-wrap-up')!;
  const confirm = provider.querySelector('dc-sign-out-confirm')!;
  const advance = async (ms: number) => {
    await clock.advance(ms);
    el.requestUpdate(); // the shared ticker runs on the page's clock; the test moves the store's
    await el.updateComplete;
  };
  const accept = async (media = 'chat') => {
    const offer = backend.offer(media)!;
    store.accept(offer.id);
    await clock.advance(0);
    return offer.id;
  };
  return { provider, backend, store, clock, el, confirm, advance, accept };
}

export const part = (el: DcWrapUp | DcSignOutConfirm, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
