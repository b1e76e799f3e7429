/**
 * `<dc-desktop>` loads the conversation (`<dc-chat-thread>`, `<dc-composer>`) and the notifications on
 * first use, so that a page pays for them only when the agent needs them (DESIGN §8): while their
 * modules are on their way the interaction pane says so, a failed load says so with Retry, and nothing
 * the agent holds is lost meanwhile. The test server holds and fails the module requests for real
 * (test/support/module-gate.mjs). This file must be the first in its page to load those modules, so it
 * imports only the desktop.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { hold, release } from '../support/gate.js';
import type { DcDesktop } from '../../src/elements/desktop/desktop.js';
import '../../src/elements/desktop/desktop.js';
import { mountKit, signInReady, text, until } from '../support/kit.js';

const THREAD = 'src/elements/chat-thread/chat-thread';
const COMPOSER = 'src/elements/composer/composer';
const NOTIFICATIONS = 'src/elements/notifications/notifications';

/** Whether the element is defined (a boolean: a failing assertion must not print a whole element class). */
const defined = (tag: string) => customElements.get(tag) !== undefined;
const pane = (d: DcDesktop) => d.shadowRoot!.querySelector('[part~="interaction"]')!;

async function clickOn(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

describe('dc-desktop, its parts loaded on first use', function () {
  this.timeout(20000);

  afterEach(async () => {
    for (const path of [THREAD, COMPOSER, NOTIFICATIONS]) await release(path);
  });

  // Notifications first: the other test's desktop loads them while the browser is idle.
  it('notifications load on first use and show the first one raised while they were on their way', async () => {
    await hold(NOTIFICATIONS);
    // The conversation's modules wait, then fail, so that the next test finds them not loaded.
    await hold(THREAD);
    await hold(COMPOSER);
    const kit = await mountKit(html`<dc-desktop style="height: 40rem"></dc-desktop>`);
    const desktop = kit.provider.querySelector('dc-desktop')!;
    await signInReady(kit.store);
    // Two tasks: a message for the one not on show raises a notification (TASK-5).
    const first = kit.backend.offer('chat', { text: null, customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
    await until(() => kit.store.state.tasks[first.id]?.status === 'offered', 'offered');
    kit.store.accept(first.id);
    const second = kit.backend.offer('chat', { text: null, customer: { name: 'Bruno Petit' }, queue: 'Sales' })!;
    await until(() => kit.store.state.tasks[second.id]?.status === 'offered', 'second offered');
    kit.store.accept(second.id);
    await until(() => kit.store.state.tasks[second.id]?.status === 'active', 'second accepted');
    kit.store.selectTask(second.id);
    kit.backend.customerMessage(first.id, 'Are you there?');
    await until(() => kit.store.state.notifications.length > 0, 'a notification in the store');
    expect(desktop.shadowRoot!.querySelector('dc-notifications'), 'not shown while its module waits').to.equal(null);

    await release(NOTIFICATIONS);
    await until(() => desktop.shadowRoot!.querySelector('dc-notifications') !== null, 'the notifications');
    const notifications = desktop.shadowRoot!.querySelector('dc-notifications')!;
    await notifications.updateComplete;
    expect(text(notifications.shadowRoot!)).to.include('Alice Martin');
    await release(THREAD, true);
    await release(COMPOSER, true);
    await until(() => text(pane(desktop)).includes('The conversation could not be loaded.'), 'the conversation not loaded');
  });

  it('the conversation loads on first use: "Loading conversation…", a failure with Retry, then the thread and composer, nothing lost', async () => {
    await hold(THREAD);
    await hold(COMPOSER);
    const kit = await mountKit(html`<dc-desktop style="height: 40rem"></dc-desktop>`);
    const desktop = kit.provider.querySelector('dc-desktop')!;
    // Nothing of the conversation is in the page before the agent needs it.
    expect(defined('dc-chat-thread'), '<dc-chat-thread> defined').to.equal(false);
    expect(defined('dc-composer'), '<dc-composer> defined').to.equal(false);

    await signInReady(kit.store);
    const offer = kit.backend.offer('chat', { text: 'Bonjour, my parcel is late', customer: { name: 'Alice Martin' }, queue: 'Sales' })!;
    await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
    kit.store.accept(offer.id);
    await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
    await until(() => text(pane(desktop)).includes('Loading conversation…'), 'the loading state in the pane');
    expect(pane(desktop).querySelector('[role="status"]'), 'announced').to.not.equal(null);
    expect(desktop.shadowRoot!.querySelector('dc-chat-thread')).to.equal(null);

    // The network fails: the pane says so, with Retry; the task and its message are still held.
    await release(THREAD, true);
    await release(COMPOSER, true);
    await until(() => text(pane(desktop)).includes('The conversation could not be loaded.'), 'the failure');
    expect(pane(desktop).querySelector('[role="alert"]')).to.not.equal(null);
    expect(kit.store.state.tasks[offer.id]?.status).to.equal('active');
    expect(kit.store.state.messages[offer.id]?.map((m) => m.text)).to.deep.equal(['Bonjour, my parcel is late']);
    await expect(desktop).to.be.accessible();

    // Back: Retry brings the thread with the customer's message and a composer the agent can send from.
    await release(THREAD);
    await release(COMPOSER);
    await clickOn(pane(desktop).querySelector('button.retry')!);
    await until(() => desktop.shadowRoot!.querySelector('dc-chat-thread') !== null, 'the thread');
    await desktop.updateComplete;
    const thread = desktop.shadowRoot!.querySelector('dc-chat-thread')!;
    await thread.updateComplete;
    expect(text(thread.shadowRoot!)).to.include('Bonjour, my parcel is late');
    const composer = desktop.shadowRoot!.querySelector('dc-composer')!;
    await composer.updateComplete;
    composer.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'On its way' });
    await sendKeys({ press: 'Enter' });
    await until(
      () => kit.store.state.messages[offer.id]?.some((m) => m.from === 'agent' && m.text === 'On its way') === true,
      'the reply sent',
    );
  });
});
