/**
 * The demo page (`npm start`, demo/index.html) as a person opens it, in a frame whose browser speaks
 * the languages a test gives: the page and the kit follow the kit's rule (the host's choice, else the
 * document's language, else the browser's), the panel's language setting starts on automatic and only
 * overrides when the person picks (HOSTILE-27, EMBED-5).
 */
import { expect } from '@open-wc/testing';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import type { SimulatedBackend } from '../../src/simulator/index.js';
import { press, text, until } from '../support/dom.js';

const LOAD = 20000;
const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  localStorage.clear();
});

/**
 * Opens the demo's own page in a frame whose `navigator.languages` is `languages` from before any of
 * the page's scripts run (the page is written into the frame with a script in front of its own).
 */
async function openDemo(languages: readonly string[]) {
  const page = await (await fetch('/demo/index.html')).text();
  const browser = `<script>
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ${JSON.stringify(languages)} });
    Object.defineProperty(navigator, 'language', { configurable: true, get: () => ${JSON.stringify(languages[0])} });
  </script>`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
  document.body.append(frame);
  frames.push(frame);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(page.replace('<head>', `<head><base href="/demo/" />${browser}`));
  doc.close();
  const provider = () => doc.querySelector<DcProvider>('#kit');
  await until(() => !!provider()?.store && !!doc.querySelector('demo-simulator')?.shadowRoot?.querySelector('h2'), 'the demo loaded', LOAD);
  await provider()!.localeReady;
  const panel = () => doc.querySelector('demo-simulator')!.shadowRoot!;
  const desktop = () => doc.querySelector('dc-desktop')!.shadowRoot!;
  return {
    doc,
    provider: provider()!,
    /** The page's simulated centre (the demo leaves it on `window.dcDemo` for the console). */
    get backend(): SimulatedBackend {
      return (frame.contentWindow as unknown as { dcDemo: { backend: SimulatedBackend } }).dcDemo.backend;
    },
    input: (control: 'rate' | 'waiting') => panel().querySelector<HTMLInputElement>(`input[data-control="${control}"]`)!,
    panel,
    select: () => panel().querySelector<HTMLSelectElement>('select[data-control="language"]')!,
    /** The state picker's words as the agent sees them (before sign-in: "Not signed in"). */
    kitLabel: () => text(desktop().querySelector('dc-state-picker')?.shadowRoot?.querySelector('[part~="label"]')),
    title: () => text(panel().querySelector('h2')),
  };
}

describe('the demo page', function () {
  this.timeout(40000);

  it('HOSTILE-27: a French browser gets the demo in French; picking English overrides it, automatic gives it back', async () => {
    localStorage.setItem('dc-demo:lang', 'en'); // what earlier versions kept on every visit, picked or not
    const demo = await openDemo(['fr-FR', 'fr', 'en-US', 'en']);
    expect(demo.doc.documentElement.lang).to.equal('fr');
    expect(demo.provider.hasAttribute('lang'), 'the host sets no lang on the kit').to.be.false;
    expect(demo.provider.renderLocale).to.equal('fr');
    await until(() => demo.kitLabel() === 'Non connecté', 'the kit speaks French');
    expect(demo.title()).to.equal('Centre de contact simulé');
    expect(demo.select().value, 'the setting starts on automatic').to.equal('');
    expect(text(demo.select().selectedOptions[0])).to.equal('Automatique (langue du navigateur)');

    // The person picks English, with the keyboard.
    demo.select().focus();
    await press('ArrowDown');
    await until(() => demo.kitLabel() === 'Not signed in', 'the kit speaks English');
    expect(demo.select().value).to.equal('en');
    expect(demo.provider.lang).to.equal('en');
    expect(demo.doc.documentElement.lang).to.equal('en');
    expect(demo.title()).to.equal('Simulated contact centre');
    expect(localStorage.getItem('dc-demo:language'), 'kept for the next visit').to.equal('en');

    // Back to automatic: the browser's language again, and nothing kept.
    await press('ArrowUp');
    await until(() => demo.kitLabel() === 'Non connecté', 'French again');
    expect(demo.provider.hasAttribute('lang')).to.be.false;
    expect(demo.title()).to.equal('Centre de contact simulé');
    expect(localStorage.getItem('dc-demo:language')).to.equal(null);
  });

  it('HOSTILE-27: an English browser gets English, and a language picked before comes back on the next visit', async () => {
    const english = await openDemo(['en-GB', 'fr']);
    expect(english.doc.documentElement.lang).to.equal('en');
    await until(() => english.kitLabel() === 'Not signed in', 'English');
    expect(english.select().value).to.equal('');

    localStorage.setItem('dc-demo:language', 'fr'); // picked on an earlier visit
    const again = await openDemo(['en-GB']);
    expect(again.select().value).to.equal('fr');
    expect(again.provider.lang).to.equal('fr');
    await until(() => again.kitLabel() === 'Non connecté', 'the pick wins over the browser');
    expect(again.title()).to.equal('Centre de contact simulé');
  });

  it('HOSTILE-28: the demo routes at a pace a person can follow, shown in its panel and changed there, in both languages', async () => {
    const demo = await openDemo(['en-US']);
    expect(demo.backend.pace).to.deep.include({ totalOffersPerMinute: 1, maxOffers: 2 });
    const rate = demo.input('rate');
    const waiting = demo.input('waiting');
    expect(rate.value).to.equal('1');
    expect(waiting.value).to.equal('2');
    expect(text(rate.closest('label'))).to.equal('Offers a minute, all channels');
    expect(text(waiting.closest('label'))).to.equal('At most waiting at once');

    // Faster, with the keyboard: the centre follows at once, and the setting is kept.
    rate.focus();
    await press('ArrowUp');
    await until(() => demo.backend.pace.totalOffersPerMinute === 1.5, 'the centre at 1.5 a minute');
    waiting.focus();
    await press('ArrowDown');
    await until(() => demo.backend.pace.maxOffers === 1, 'one offer at a time');
    expect(JSON.parse(localStorage.getItem('dc-demo:pace')!)).to.deep.equal({ totalOffersPerMinute: 1.5, maxOffers: 1 });

    // The next visit, in French: the same pace, French labels.
    const again = await openDemo(['fr-FR']);
    expect(again.backend.pace).to.deep.include({ totalOffersPerMinute: 1.5, maxOffers: 1 });
    expect(again.input('rate').value).to.equal('1.5');
    expect(text(again.input('rate').closest('label'))).to.equal('Offres par minute, tous canaux');
    expect(text(again.input('waiting').closest('label'))).to.equal('Au plus en attente à la fois');

    // A damaged setting gives the followable pace back.
    localStorage.setItem('dc-demo:pace', '{"totalOffersPerMinute": 900, "maxOffers": 2}');
    const damaged = await openDemo(['en-US']);
    expect(damaged.backend.pace).to.deep.include({ totalOffersPerMinute: 1, maxOffers: 2 });
  });
});
