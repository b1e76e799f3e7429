/**
 * The composer's panels load on first use (COMP-5, COMP-10, COMP-11): the template list, the emoji panel
 * and the workflow dialog are not in the page until the agent opens one; meanwhile the panel's place
 * says it is loading, and when the network fails it says so, with Retry. The test server holds and
 * fails the module requests for real (test/support/module-gate.mjs). This file must be the first in its
 * page to load those modules, so it imports none of them.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { hold, release } from '../support/gate.js';
import type { DcComposer } from '../../src/elements/composer/composer.js';
import '../../src/elements/composer/composer.js';
import { mountKit, press, signInReady, text, until } from '../support/kit.js';

const MODULES = {
  templates: 'src/elements/internal/template-picker',
  emoji: 'src/elements/internal/emoji-panel',
  workflows: 'src/elements/internal/workflow-dialog',
} as const;


async function holding(media: 'chat' | 'sms' = 'chat') {
  const kit = await mountKit(html`<div style="padding-top: 26rem"><dc-composer></dc-composer></div>`);
  await signInReady(kit.store);
  const offer = kit.backend.offer(media, { text: null, customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
  await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
  kit.store.accept(offer.id);
  await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
  const composer = kit.provider.querySelector('dc-composer')!;
  await composer.updateComplete;
  return { ...kit, composer, taskId: offer.id };
}

const root = (c: DcComposer) => c.shadowRoot!;
const button = (c: DcComposer, action: string) => root(c).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
/** Whether the element is defined (a boolean: a failing assertion must not print a whole element class). */
const defined = (tag: string) => customElements.get(tag) !== undefined;
const status = (c: DcComposer) => root(c).querySelector('[part~="panel-status"]');

async function clickOn(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

describe('dc-composer panels, loaded on first use', function () {
  this.timeout(20000);

  // A test that fails while a request is held must not leave it hanging for the next one.
  afterEach(async () => {
    for (const path of Object.values(MODULES)) await release(path);
  });

  it('COMP-11: the emoji panel loads on first open; a failure says so, Retry loads it, Escape closes', async () => {
    // Held from the start, and first in this file: once a kit signs in, the composer fetches the panel
    // ahead when idle (HOSTILE-31), so this first opening must come before any other sign-in here.
    await hold(MODULES.emoji);
    const kit = await holding();
    const c = kit.composer;
    expect(defined('dc-emoji-panel'), '<dc-emoji-panel> defined').to.equal(false);
    await clickOn(button(c, 'emoji'));
    await until(() => status(c) !== null, 'the loading state');
    expect(text(status(c))).to.equal('Loading emoji…');
    await release(MODULES.emoji, true);
    await c.updateComplete;
    expect(text(status(c))).to.equal('The emoji panel could not be loaded. Retry');
    await release(MODULES.emoji);
    await clickOn(status(c)!.querySelector('button')!);
    await c.updateComplete;
    const panel = root(c).querySelector('dc-emoji-panel')!;
    expect(panel.open).to.equal(true);
    expect(status(c)).to.equal(null);
    await until(() => panel.matches(':state(ready)'), 'the picker on show', 8000);
    await press('Escape');
    await c.updateComplete;
    expect(root(c).querySelector('dc-emoji-panel')).to.equal(null);
    expect(root(c).activeElement).to.equal(button(c, 'emoji'));
  });

  it('COMP-5: the template list loads on first use: "Loading…" (the / search too), a failure with Retry, then the list', async () => {
    const kit = await holding();
    const c = kit.composer;
    // Nothing of the list is in the page before the agent asks for it.
    expect(defined('dc-template-picker'), '<dc-template-picker> defined').to.equal(false);
    await hold(MODULES.templates);

    // The / search: the list's place says it is loading, the focus stays in the box, and the keys the
    // search takes do nothing meanwhile (Enter must not send "/we").
    const box = root(c).querySelector('textarea')!;
    box.focus();
    await sendKeys({ type: '/we' });
    await until(() => status(c) !== null, 'the loading state under the box');
    expect(text(status(c))).to.equal('Loading templates…');
    expect(root(c).activeElement).to.equal(box);
    await press('Enter');
    expect(box.value).to.equal('/we');
    expect(Object.keys(kit.store.state.outbox)).to.have.length(0);
    await press('Escape');
    await until(() => status(c) === null, 'the search closed');
    await press('Control+a');
    await press('Backspace');

    // The Templates button: the list's place says it is loading, with the focus there.
    await clickOn(button(c, 'templates'));
    await until(() => status(c) !== null, 'the loading state');
    expect(status(c)!.getAttribute('role')).to.equal('status');
    expect(text(status(c))).to.equal('Loading templates…');
    expect(root(c).activeElement).to.equal(status(c));
    expect(root(c).querySelector('dc-template-picker')).to.equal(null);
    await expect(c).to.be.accessible();

    await release(MODULES.templates, true);
    await c.updateComplete;
    const failed = status(c)!;
    expect(failed.getAttribute('role')).to.equal('alert');
    expect(text(failed)).to.equal('The template list could not be loaded. Retry');
    const retry = failed.querySelector('button')!;
    expect(root(c).activeElement).to.equal(retry);
    expect(defined('dc-template-picker'), '<dc-template-picker> defined').to.equal(false);
    await expect(c).to.be.accessible();

    // The network is back: Retry loads the list.
    await release(MODULES.templates);
    await press('Enter');
    await c.updateComplete;
    const picker = root(c).querySelector('dc-template-picker')!;
    expect(picker).to.exist;
    expect(status(c)).to.equal(null);
    await until(() => picker.shadowRoot?.activeElement?.getAttribute('part') === 'search', 'the search focused');
    await until(() => kit.store.state.catalogue.status === 'loaded', 'the catalogue');
    await c.updateComplete;
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelectorAll('[role="option"]').length).to.be.greaterThan(0);
  });

  it('COMP-10: the workflow dialog loads on first open, then opens modal; Escape closes its loading state', async () => {
    const kit = await holding('sms');
    const c = kit.composer;
    expect(defined('dc-workflow-dialog'), '<dc-workflow-dialog> defined').to.equal(false);
    await hold(MODULES.workflows);
    await clickOn(button(c, 'workflows'));
    await until(() => status(c) !== null, 'the loading state');
    expect(text(status(c))).to.equal('Loading workflows…');
    // Escape gives up waiting: the loading state closes and the focus is back on the button.
    expect(root(c).activeElement).to.equal(status(c));
    await press('Escape');
    // (updateComplete would wait for the held module.)
    await until(() => status(c) === null, 'the loading state closed');
    expect(root(c).querySelector('dc-workflow-dialog')).to.equal(null);
    expect(root(c).activeElement).to.equal(button(c, 'workflows'));

    await clickOn(button(c, 'workflows'));
    await until(() => status(c) !== null, 'the loading state again');
    expect(text(status(c))).to.equal('Loading workflows…');
    await release(MODULES.workflows);
    await c.updateComplete;
    const dialog = root(c).querySelector('dc-workflow-dialog')!;
    await dialog.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.shadowRoot!.querySelector('dialog')!.matches(':modal')).to.equal(true);
    expect(status(c)).to.equal(null);
  });
});
