/**
 * HOSTILE-31: the emoji panel took seconds to open the first time (its module, the picker and its data
 * all loaded on the click). Once a kit signs in with a channel that offers emoji, the composer's module
 * fetches them when the browser is next idle, so the first opening only draws. Nothing of it loads
 * before: this file must be the first in its page to load those modules, so it imports none of them.
 */
import { expect, html } from '@open-wc/testing';
import type { DcComposer } from '../../src/elements/composer/composer.js';
import '../../src/elements/composer/composer.js';
import { DEFAULT_MEDIA } from '../../src/model/config.js';
import { mountKit, signInReady, until } from '../support/kit.js';

const defined = (tag: string) => customElements.get(tag) !== undefined;
/** The files the page fetched whose address matches `pattern`. */
// Every request of the page is kept: the browser's default buffer (250) fills with the kit's modules.
performance.setResourceTimingBufferSize(10_000);
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').filter((e) => pattern.test(e.name)).length;
const EN_DATA = /emoji-picker-element-data\/en\//;
const FR_DATA = /emoji-picker-element-data\/fr\//;
const PICKER = /emoji-picker-element\/picker\.js/;

/** Several idle periods of the browser: what waits for one has had its chance. */
async function idle(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => requestIdleCallback(() => resolve(undefined), { timeout: 2000 }));
}

describe('HOSTILE-31: the emoji panel is ready before it is first opened', function () {
  this.timeout(40000);

  it('HOSTILE-31: nothing loads before sign-in, nor for a kit whose channels offer no emoji; after sign-in the panel, the picker and the data come when idle', async () => {
    // A kit whose channels offer no emoji signs in: nothing of the emoji panel loads.
    const noEmoji = Object.fromEntries(
      Object.entries(DEFAULT_MEDIA).map(([id, m]) => [id, { ...m, options: (m.options ?? []).filter((o) => o !== 'emoji') }]),
    );
    const plain = await mountKit(html`<dc-composer></dc-composer>`, { config: { media: noEmoji } });
    await signInReady(plain.store);
    await idle();
    expect(defined('dc-emoji-panel'), '<dc-emoji-panel> defined').to.equal(false);
    expect(fetched(PICKER) + fetched(EN_DATA), 'emoji files fetched').to.equal(0);
    plain.provider.remove();

    const kit = await mountKit(html`<div style="padding-top: 26rem"><dc-composer></dc-composer></div>`);
    await idle();
    expect(defined('dc-emoji-panel'), '<dc-emoji-panel> defined before sign-in').to.equal(false);
    expect(fetched(PICKER) + fetched(EN_DATA), 'emoji files fetched before sign-in').to.equal(0);

    await signInReady(kit.store);
    await until(() => defined('dc-emoji-panel') && fetched(PICKER) > 0 && fetched(EN_DATA) > 0, 'the panel, the picker and the English data', 15000);
    expect(fetched(FR_DATA), 'French data').to.equal(0);

    // The first opening fetches nothing more.
    const before = performance.getEntriesByType('resource').length;
    const offer = kit.backend.offer('chat', { text: null, customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
    await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
    kit.store.accept(offer.id);
    await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
    const c = kit.provider.querySelector<DcComposer>('dc-composer')!;
    await c.updateComplete;
    c.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="emoji"]')!.click();
    await c.updateComplete;
    const panel = c.shadowRoot!.querySelector('dc-emoji-panel')!;
    await until(() => panel.matches(':state(ready)'), 'the picker on show', 8000);
    const emojiFiles = performance
      .getEntriesByType('resource')
      .slice(before)
      .filter((e) => /emoji/.test(e.name));
    expect(emojiFiles.map((e) => e.name)).to.deep.equal([]);
  });

  it('HOSTILE-31: in French the French data comes; where the browser has no requestIdleCallback, a timer stands in', async () => {
    const original = window.requestIdleCallback;
    // Safari has none.
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
    try {
      const kit = await mountKit(html`<dc-composer></dc-composer>`, { lang: 'fr' });
      expect(fetched(FR_DATA), 'French data before sign-in').to.equal(0);
      await signInReady(kit.store);
      await until(() => fetched(FR_DATA) > 0, 'the French data', 15000);
    } finally {
      window.requestIdleCallback = original;
    }
  });
});
