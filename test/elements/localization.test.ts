/**
 * EMBED-5: a language per kit. Two kits in English and French side by side on one page, next to a host
 * app that localises itself with @lit/localize: each renders in its own language, and switching one
 * changes nothing in the others.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { configureLocalization, msg, updateWhenLocaleChanges } from '@lit/localize';
import { SimulatedBackend } from '../../src/simulator/index.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import '../../src/elements/provider/provider.js';
import '../../src/elements/state-picker/state-picker.js';
import '../../src/elements/internal/workflow-dialog.js';
import type { DcStatePicker } from '../../src/elements/state-picker/state-picker.js';
import { resolveConfig } from '../../src/model/config.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { text, until } from '../support/dom.js';

// The host's own localisation, configured after the kit's modules are loaded. The kit no longer calls
// @lit/localize's page-wide configureLocalization, so this does not throw "can only be configured once".
const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: async () => ({ templates: { 'host.greeting': 'Willkommen im CRM' } }),
});

class HostGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  protected override render() {
    return html`<p>${msg('Welcome to the CRM', { id: 'host.greeting' })}</p>`;
  }
}
customElements.define('host-greeting', HostGreeting);

function kit(lang: string) {
  const config = { agent: { id: `agent-${lang}`, name: 'Camille' }, storageKey: `dc-l10n-${lang}` };
  const backend = new SimulatedBackend({ config: resolveConfig(config) });
  return html`<dc-provider class=${`kit-${lang}`} .config=${config} .backend=${backend} .storage=${new MemoryStorage()} lang=${lang}>
    <dc-state-picker></dc-state-picker>
  </dc-provider>`;
}

const pickerOf = (page: Element, lang: string) =>
  page.querySelector<DcProvider>(`.kit-${lang}`)!.querySelector<DcStatePicker>('dc-state-picker')!;

describe('EMBED-5: a language per kit', () => {
  afterEach(() => host.setLocale('en'));

  it('two kits in English and French sit side by side with a host app using @lit/localize, each in its own language', async () => {
    const page = await fixture(html`<div>
      <host-greeting></host-greeting>
      ${kit('en')} ${kit('fr')}
    </div>`);
    const providers = [...page.querySelectorAll<DcProvider>('dc-provider')];
    await Promise.all(providers.map((p) => p.store!.ready));
    await Promise.all(providers.map((p) => p.localeReady));
    const en = pickerOf(page, 'en');
    const fr = pickerOf(page, 'fr');
    const greeting = page.querySelector<HostGreeting>('host-greeting')!;

    await until(() => text(fr.shadowRoot).includes('Non connecté'), 'the French kit speaks French');
    expect(text(en.shadowRoot)).to.contain('Not signed in');
    expect(text(en.shadowRoot)).not.to.contain('Non connecté');
    expect(text(greeting.shadowRoot)).to.equal('Welcome to the CRM');

    // The host switches its own app to German: the kits keep their languages.
    await host.setLocale('de');
    await greeting.updateComplete;
    expect(text(greeting.shadowRoot)).to.equal('Willkommen im CRM');
    en.requestUpdate();
    fr.requestUpdate();
    await Promise.all([en.updateComplete, fr.updateComplete]);
    expect(text(en.shadowRoot)).to.contain('Not signed in');
    expect(text(fr.shadowRoot)).to.contain('Non connecté');

    // One kit changes language: the other kit and the host stay as they were.
    const frProvider = page.querySelector<DcProvider>('.kit-fr')!;
    frProvider.lang = 'en';
    await frProvider.updateComplete;
    await frProvider.localeReady;
    await until(() => text(fr.shadowRoot).includes('Not signed in'), 'the second kit switched to English');
    const enProvider = page.querySelector<DcProvider>('.kit-en')!;
    enProvider.lang = 'fr';
    await enProvider.updateComplete;
    await enProvider.localeReady;
    await until(() => text(en.shadowRoot).includes('Non connecté'), 'the first kit switched to French');
    expect(text(fr.shadowRoot)).to.contain('Not signed in');
    expect(text(greeting.shadowRoot)).to.equal('Willkommen im CRM');
  });

  it('a building block under a kit takes the kit’s language, and one under no kit the page’s', async () => {
    const page = await fixture(html`<div>
      ${kit('fr')}
      <div lang="fr"><dc-workflow-dialog class="alone-fr" .open=${true}></dc-workflow-dialog></div>
      <div lang="en"><dc-workflow-dialog class="alone-en" .open=${true}></dc-workflow-dialog></div>
    </div>`);
    const provider = page.querySelector<DcProvider>('dc-provider')!;
    await provider.localeReady;
    const inKit = document.createElement('dc-workflow-dialog');
    inKit.open = true;
    provider.append(inKit);
    const aloneFr = page.querySelector('.alone-fr')!;
    const aloneEn = page.querySelector('.alone-en')!;
    await until(() => text(inKit.shadowRoot).includes('Flux de travail'), 'the dialog in the French kit is in French');
    await until(() => text(aloneFr.shadowRoot).includes('Flux de travail'), 'the dialog under lang="fr" is in French');
    expect(text(aloneEn.shadowRoot)).to.contain('Workflows');
    expect(text(aloneEn.shadowRoot)).not.to.contain('Flux de travail');
  });
});
