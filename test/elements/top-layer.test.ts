/**
 * HOSTILE-23: the kit's menus, dialogs and pop-ups are drawn in the top layer, so that the container a
 * host puts the kit in cannot clip them: a box of 200 px with `overflow: hidden`, or one with a
 * `transform`. Every item and control is on show (the element at its centre is the control itself)
 * and works with real keys and clicks; Escape closes and gives the focus back to the control that
 * opened it. The desktop also takes a sensible height on a page that sets none.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/composer/composer.js';
import '../../src/elements/desktop/desktop.js';
import '../../src/elements/internal/emoji-panel.js';
import '../../src/elements/internal/template-picker.js';
import '../../src/elements/internal/workflow-dialog.js';
import '../../src/elements/notifications/notifications.js';
import '../../src/elements/provider/provider.js';
import type { DcProvider } from '../../src/elements/provider/provider.js';
import { resolveConfig } from '../../src/model/config.js';
import { SimulatedBackend } from '../../src/simulator/index.js';
import { MemoryStorage } from '../../src/store/persist.js';
import { place } from '../../src/elements/internal/top-layer.js';
import { deepAll } from '../support/hostile.js';
import { clickAt, coveredBy, onShow } from '../support/layout.js';
import { press, signInReady, text, until } from '../support/kit.js';

/** The containers a host may put the kit in, each of which clipped its pop-ups. */
const HOSTS: readonly [string, string][] = [
  ['a 200 px box with overflow: hidden', 'height: 200px; overflow: hidden'],
  ['a transformed 200 px box', 'height: 200px; overflow: hidden; transform: translateZ(0)'],
];

async function inHost(style: string, content: TemplateResult) {
  const config = { retryDelayMs: 20, retryMaxDelayMs: 200 };
  const backend = new SimulatedBackend({ config: resolveConfig(config) });
  const host = await fixture<HTMLDivElement>(html`<div style=${style}>
    <dc-provider .config=${config} .backend=${backend} .storage=${new MemoryStorage()} lang="en">${content}</dc-provider>
  </div>`);
  const provider = host.querySelector<DcProvider>('dc-provider')!;
  await provider.store!.ready;
  await provider.localeReady;
  return { host, provider, backend, store: provider.store! };
}

type Kit = Awaited<ReturnType<typeof inHost>>;

const one = (kit: Kit, selector: string) => deepAll(kit.provider, selector)[0]!;

/** Every element is on show; the message names the first that is not, and what covers it. */
function expectOnShow(elements: readonly Element[], what: string): void {
  expect(elements.length, `${what}: something to show`).to.be.greaterThan(0);
  for (const el of elements) expect(onShow(el), `${what}: "${text(el)}" is on show (${coveredBy(el)})`).to.equal(true);
}

async function accept(kit: Kit, media: 'chat' | 'sms' | 'email', name: string): Promise<string> {
  const offer = kit.backend.offer(media, { customer: { name }, text: null })!;
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
  return offer.id;
}

describe('HOSTILE-23: menus, dialogs and pop-ups in the top layer', function () {
  this.timeout(30000);

  for (const [name, style] of HOSTS) {
    it(`HOSTILE-23, SIGN-1, STATE-1: in ${name}, the Sign In dialog and every item of the state menu are on show and work`, async () => {
      const kit = await inHost(style, html`<dc-desktop></dc-desktop>`);
      const picker = one(kit, 'dc-state-picker');
      const root = picker.shadowRoot!;
      const trigger = root.querySelector<HTMLButtonElement>('[part~="trigger"]')!;
      await until(() => !!root.querySelector('[part~="sign-in-button"]'), 'the Sign In dialog');
      const dialog = root.querySelector<HTMLElement>('[part~="sign-in-dialog"]')!;
      expectOnShow([...dialog.querySelectorAll('h2, p, li'), root.querySelector('[part~="sign-in-button"]')!], 'the Sign In dialog');
      await expect(kit.provider).to.be.accessible();

      // A real click on Sign In signs in.
      await clickAt(root.querySelector('[part~="sign-in-button"]')!);
      await until(() => Object.values(kit.store.state.media).every((m) => m.signIn === 'signed-in'), 'signed in');
      await until(() => !root.querySelector('[part~="sign-in-dialog"]'), 'the dialog leaves');

      // Keys: Ctrl+Shift+L opens the menu on its first item; every item, the Email group's too, is on show.
      await press('Control+Shift+KeyL');
      await until(() => !!root.querySelector('[role="menu"]'), 'the menu');
      const items = () => [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
      expect(root.activeElement).to.equal(items()[0]);
      expectOnShow(items(), 'the state menu');
      expect(items().filter((i) => i.dataset['scope'] === 'email').length, 'the Email group').to.be.at.least(2);
      await expect(kit.provider).to.be.accessible();
      // End reaches the last item (the Email group's); Escape closes and gives the focus back.
      await press('End');
      expect(root.activeElement).to.equal(items().at(-1));
      expect(items().at(-1)!.dataset['scope']).to.equal('email');
      await press('Escape');
      await until(() => !root.querySelector('[role="menu"]'), 'closed');
      expect(root.activeElement).to.equal(trigger);
      // Tab order is the page's: Tab from the menu closes it and goes on to the desktop's next control.
      await press('ArrowDown');
      await until(() => !!root.querySelector('[role="menu"]'), 'open again');
      await press('Tab');
      await until(() => !root.querySelector('[role="menu"]'), 'closed by Tab');
      const desktop = one(kit, 'dc-desktop');
      expect(desktop.shadowRoot!.activeElement).to.equal(desktop.shadowRoot!.querySelector('[part~="toggle"]'));

      // Clicks: the trigger opens it, a click on Email → Ready sets Email Ready.
      await clickAt(trigger);
      await until(() => !!root.querySelector('[role="menu"]'), 'the menu again');
      const emailReady = root.querySelector<HTMLButtonElement>('[role="menuitem"][data-scope="email"][data-kind="ready"]')!;
      expect(onShow(emailReady), coveredBy(emailReady)).to.equal(true);
      await clickAt(emailReady);
      await until(() => kit.store.state.media['email']!.availability === 'ready', 'Email Ready');
      expect(root.querySelector('[role="menu"]')).to.equal(null);
      expect(kit.store.state.media['chat']!.availability).to.equal('not-ready');
      // The host's box was never scrolled to bring a control in.
      expect(kit.host.scrollTop).to.equal(0);
    });

    it(`HOSTILE-23, COMP-5, COMP-10, COMP-11: in ${name}, the composer's template list and its More menu, the emoji panel and the workflow dialog are on show and work`, async () => {
      const kit = await inHost(style, html`<dc-composer></dc-composer>`);
      await signInReady(kit.store);
      const taskId = await accept(kit, 'chat', 'Ana Lima');
      const composer = one(kit, 'dc-composer');
      await (composer as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const root = composer.shadowRoot!;
      const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

      // The template list, opened with a click.
      await clickAt(button('templates'));
      await until(() => kit.store.state.catalogue.status === 'loaded', 'the catalogue');
      const picker = () => root.querySelector('dc-template-picker')!;
      await until(() => (picker()?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0, 'the templates');
      const pr = picker().shadowRoot!;
      expectOnShow([pr.querySelector('[part~="search"]')!, ...pr.querySelectorAll('[role="tab"]'), pr.querySelector('[part~="more"]')!], 'the template list');
      expectOnShow([...pr.querySelectorAll('[role="option"]')].slice(0, 3), 'the first templates');
      await expect(kit.provider).to.be.accessible();
      // Its More menu, with a click; every group is on show; a click picks one.
      await clickAt(pr.querySelector('[part~="more"]')!);
      await until(() => !!pr.querySelector('[role="menu"]'), 'the More menu');
      expectOnShow([...pr.querySelectorAll('[role="menuitemradio"]')], 'the More menu');
      const closing = pr.querySelector<HTMLElement>('[role="menuitemradio"][data-group="closing"]')!;
      await clickAt(closing);
      await until(() => pr.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.includes('Closing') ?? false, 'the Closing group');
      // A template picked with the keyboard goes in the box; Escape closes the list.
      expectOnShow([...pr.querySelectorAll('[role="option"]')].slice(0, 1), 'the Closing templates');
      await press('Escape');
      await until(() => !root.querySelector('dc-template-picker'), 'the list closed');
      expect(root.activeElement).to.equal(button('templates'));

      // The emoji panel: a click on an emoji puts it in the box.
      await clickAt(button('emoji'));
      const panel = () => root.querySelector('dc-emoji-panel');
      const emoji = () => [
        ...(panel()?.shadowRoot?.querySelector('emoji-picker')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('.tabpanel button.emoji') ?? []),
      ];
      await until(() => emoji().length > 0, 'the emoji', 8000);
      expectOnShow(emoji().slice(0, 3), 'the emoji panel');
      await clickAt(emoji()[0]!);
      await until(() => (kit.store.state.drafts[taskId]?.text ?? '') !== '', 'the emoji in the draft');
      expect(panel()).to.equal(null);

      // The workflow dialog: its list, then the parameters of one that has some; Escape closes it.
      await clickAt(button('workflows'));
      const dialog = () => root.querySelector('dc-workflow-dialog')!;
      await until(() => !!dialog()?.shadowRoot?.querySelector('dialog[open]'), 'the dialog');
      const dr = dialog().shadowRoot!;
      expectOnShow([...dr.querySelectorAll('input[type="radio"]'), ...dr.querySelectorAll('button')], 'the workflow list');
      const callback = [...dr.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === 'callback')!;
      await clickAt(callback);
      await dialog().updateComplete;
      // Trigger goes on to the parameters (where picking the workflow does not show them already).
      if (!dr.querySelector('form')) await clickAt(dr.querySelector('[part~="trigger"]')!);
      await until(() => !!dr.querySelector('form'), 'the parameters');
      expectOnShow([...dr.querySelectorAll('form input'), ...dr.querySelectorAll('form button')], 'the parameters');
      await press('Escape');
      await until(() => !dr.querySelector('dialog[open]'), 'the dialog closed');
      expect(root.activeElement).to.equal(button('workflows'));
      expect(kit.host.scrollTop).to.equal(0);
    });

    it(`HOSTILE-23, OFFER-1, SIGN-4: in ${name}, the offers and the notifications are on show and work`, async () => {
      const kit = await inHost(style, html`<dc-desktop></dc-desktop>`);
      await signInReady(kit.store);
      for (const [media, customer] of [['chat', 'Ana Lima'], ['sms', 'Bo Chen'], ['email', 'Cy Diaz']] as const) {
        kit.backend.offer(media, { customer: { name: customer }, text: null });
      }
      const offers = one(kit, 'dc-offers').shadowRoot!;
      await until(() => offers.querySelectorAll('[part~="accept"]').length === 3, 'three offers');
      expectOnShow([...offers.querySelectorAll('[part~="accept"]'), offers.querySelector('[part~="accept-all"]')!], 'the offers');
      const oldest = [...offers.querySelectorAll<HTMLElement>('[part~="offer"]')].at(-1)!;
      await clickAt(oldest.querySelector('[part~="accept"]')!);
      await until(() => kit.store.state.tasks[oldest.dataset['task']!]?.status === 'active', 'the oldest offer accepted');

      kit.backend.serverSetState('email', { availability: 'not-ready' }, 'supervisor');
      await until(() => deepAll(kit.provider, '[part~="notification"]').length === 1, 'a notification');
      const dismiss = deepAll(kit.provider, '[part~="dismiss"]')[0]!;
      expect(onShow(dismiss), coveredBy(dismiss)).to.equal(true);
      await clickAt(dismiss);
      await until(() => kit.store.state.notifications.length === 0, 'dismissed');
    });
  }

  it('HOSTILE-23: on a page that sets no height the desktop is tall enough to use, with no task and with one', async () => {
    const kit = await inHost('', html`<dc-desktop></dc-desktop>`);
    const desktop = one(kit, 'dc-desktop');
    expect(desktop.getBoundingClientRect().height, 'signed out').to.be.at.least(480);
    await signInReady(kit.store);
    expect(desktop.getBoundingClientRect().height, 'Ready, no task').to.be.at.least(480);
    await accept(kit, 'chat', 'Ana Lima');
    await until(() => !!deepAll(kit.provider, 'dc-composer')[0]?.shadowRoot?.querySelector('[part~="send"]'), 'the composer');
    expect(desktop.getBoundingClientRect().height, 'with a task').to.be.at.least(480);
    const interaction = desktop.shadowRoot!.querySelector('[part~="interaction"]')!;
    expect(interaction.getBoundingClientRect().height, 'the conversation').to.be.at.least(224);
  });
});

describe('HOSTILE-23: where a pop-up goes beside its control', () => {
  const window = { width: 800, height: 600 };
  const control = (top: number, left = 100) => ({ top, left, bottom: top + 30, right: left + 120, width: 120 });

  it('below its control, start edges lined up; above where only there is room; shifted into the window', () => {
    expect(place(control(10), { width: 250, height: 300 }, window, 'bottom-start')).to.deep.include({ side: 'bottom', top: 44, left: 100 });
    // No room below, room above: it flips.
    expect(place(control(500), { width: 250, height: 300 }, window, 'bottom-start')).to.deep.include({ side: 'top', top: 196 });
    // Preferred above (the composer's panels), no room there: below.
    expect(place(control(20), { width: 250, height: 300 }, window, 'top-start')).to.deep.include({ side: 'bottom', top: 54 });
    // Too wide for the space right of the control: shifted left, 8 px from the window's edge.
    expect(place(control(10, 700), { width: 250, height: 100 }, window, 'bottom-start').left).to.equal(800 - 8 - 250);
    // End edges lined up; right to left, start is the right edge.
    expect(place(control(10, 400), { width: 250, height: 100 }, window, 'bottom-end').left).to.equal(520 - 250);
    expect(place(control(10, 400), { width: 250, height: 100 }, window, 'bottom-start', { rtl: true }).left).to.equal(520 - 250);
  });

  it('taller than either side: on the roomier side, as tall as the room (it scrolls); never outside the window', () => {
    const placed = place(control(200), { width: 250, height: 900 }, window, 'bottom-start');
    expect(placed).to.deep.include({ side: 'bottom', top: 234, maxHeight: 600 - 8 - 234 });
    // A control scrolled out of the window: its pop-up stays in the window.
    const gone = place(control(-200), { width: 250, height: 300 }, window, 'bottom-start');
    expect(gone.top).to.be.at.least(8);
    expect(gone.top + Math.min(300, gone.maxHeight)).to.be.at.most(592);
    // Held to its control's width (notifications under a header), and never flipped when told not to.
    expect(place(control(500), { width: 400, height: 300 }, window, 'bottom-end', { fitWidth: true, flip: false })).to.deep.include({ side: 'bottom', maxWidth: 120 });
  });
});
