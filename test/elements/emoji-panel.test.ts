import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements/internal/emoji-panel.js';
import type { DcEmojiPanel } from '../../src/elements/internal/emoji-panel.js';
import { setDefaultLocale } from '../../src/i18n/localization.js';
import { darkTokens } from '../../src/styles/tokens.js';
import { press, text, until } from '../support/dom.js';

/** Every URL the page asked for through fetch while the tests ran. */
const fetched: string[] = [];
const realFetch = window.fetch;

function picker(panel: DcEmojiPanel) {
  return panel.shadowRoot!.querySelector('emoji-picker');
}

/** The picker's emoji buttons, once its data is in. */
function emojiButtons(panel: DcEmojiPanel): HTMLButtonElement[] {
  return [...(picker(panel)?.shadowRoot?.querySelectorAll<HTMLButtonElement>('.tabpanel button.emoji') ?? [])];
}

async function opened(panel: DcEmojiPanel): Promise<HTMLButtonElement[]> {
  panel.open = true;
  await until(() => emojiButtons(panel).length > 0, 'the picker shows its emoji', 8000);
  return emojiButtons(panel);
}

/** Clicks an element with the mouse, at its centre. */
async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('dc-emoji-panel', function () {
  this.timeout(20000);

  before(() => {
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push(input instanceof Request ? input.url : String(input));
      return realFetch(input, init);
    };
  });
  after(() => {
    window.fetch = realFetch;
  });
  afterEach(() => setDefaultLocale(undefined));

  it('COMP-11: loads nothing until it first opens', async () => {
    const panel = await fixture<DcEmojiPanel>(html`<dc-emoji-panel></dc-emoji-panel>`);
    expect(panel.matches(':state(idle)')).to.be.true;
    expect(picker(panel)).to.be.null;
    expect(getComputedStyle(panel).display).to.equal('none');
  });

  it('COMP-11: opens with the data shipped in the kit; no request leaves the page’s origin', async () => {
    const panel = await fixture<DcEmojiPanel>(html`<dc-emoji-panel></dc-emoji-panel>`);
    const buttons = await opened(panel);
    expect(panel.matches(':state(ready)')).to.be.true;
    expect(buttons.length).to.be.greaterThan(20);
    expect(fetched.length, 'the picker fetched its data').to.be.greaterThan(0);
    for (const url of fetched) {
      expect(url.startsWith('data:') || new URL(url).origin === location.origin, `fetched ${url.slice(0, 80)}`).to.be.true;
    }
    for (const entry of performance.getEntriesByType('resource')) {
      expect(new URL(entry.name).origin, entry.name).to.equal(location.origin);
    }
    // The kit's own IndexedDB database, apart from any other emoji picker on the page.
    const databases = (await indexedDB.databases()).map((d) => d.name);
    expect(databases).to.include('emoji-picker-element-dc-widgets-en');
    // Opening moved the focus to the picker's search field.
    expect(picker(panel)!.shadowRoot!.activeElement?.tagName).to.equal('INPUT');
  });

  it('COMP-11: clicking an emoji fires dc-emoji-pick with its character', async () => {
    const panel = await fixture<DcEmojiPanel>(html`<dc-emoji-panel></dc-emoji-panel>`);
    const [first] = await opened(panel);
    const picked = oneEvent(panel, 'dc-emoji-pick');
    await click(first!);
    const event = await picked;
    expect(event.detail.unicode).to.equal(first!.id.replace(/^emo-/, ''));
    expect(event.detail.unicode).to.equal('😀');
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('COMP-11: Escape fires dc-close', async () => {
    const panel = await fixture<DcEmojiPanel>(html`<dc-emoji-panel></dc-emoji-panel>`);
    await opened(panel);
    const closed = oneEvent(panel, 'dc-close');
    await press('Escape');
    await closed;
  });

  it('COMP-11: in French, the names, search words and labels are French', async () => {
    await setDefaultLocale('fr');
    const panel = await fixture<DcEmojiPanel>(html`<dc-emoji-panel></dc-emoji-panel>`);
    const [first] = await opened(panel);
    expect(first!.getAttribute('aria-label')).to.equal('😀, visage rieur, visage_rieur');
    const root = picker(panel)!.shadowRoot!;
    expect(text(root.querySelector('label[for="search"]'))).to.equal('Rechercher');
    expect(root.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Catégories');
    expect((await indexedDB.databases()).map((d) => d.name)).to.include('emoji-picker-element-dc-widgets-fr');
  });

  it('COMP-11: switching the language reloads the picker in the new language', async () => {
    const panel = await fixture<DcEmojiPanel>(html`<dc-emoji-panel></dc-emoji-panel>`);
    const [first] = await opened(panel);
    expect(first!.getAttribute('aria-label')).to.equal('😀, grinning face, grinning, grinning_face');
    await setDefaultLocale('fr');
    await until(() => emojiButtons(panel)[0]?.getAttribute('aria-label') === '😀, visage rieur, visage_rieur', 'French names', 8000);
  });

  it('COMP-11: works inside another shadow root and passes axe in light and dark', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<dc-emoji-panel></dc-emoji-panel>';
    const panel = root.querySelector('dc-emoji-panel')!;
    await opened(panel);
    await expect(host).to.be.accessible();
    host.setAttribute('style', darkTokens.cssText);
    await expect(host).to.be.accessible();
  });
});
