/**
 * The email reply's editor loads on first use (MAIL-7, DESIGN §8): Quill, DOMPurify and the editor's
 * glue are not in the page until a reply shows; meanwhile the body's place says it is loading, and when
 * the network fails it says so, with Retry. The test server holds and fails the module request for real
 * (test/support/module-gate.mjs). This file must be the first in its page to load the editor.
 */
import { expect, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { hold, release } from '../support/gate.js';
import '../../src/elements/email-composer/email-composer.js';
import { overlay } from '../../stories/support/email-drafts.js';
import { mountKit, signInReady, text, until } from '../support/kit.js';

const EDITOR = 'src/elements/email-composer/editor';

async function clickOn(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

describe('dc-email-composer editor, loaded on first use', function () {
  this.timeout(30000);

  afterEach(async () => {
    await release(EDITOR);
  });

  it('MAIL-7: "Loading the editor…" while Quill is on its way; a failure says so with Retry; Retry loads it', async () => {
    await hold(EDITOR);
    const kit = await mountKit(html`<div></div>`);
    await signInReady(kit.store);
    const offer = kit.backend.offer('email', { queue: 'Claims', customer: { name: 'Claire', email: 'claire@example.com' }, text: 'Hello' })!;
    await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
    kit.store.accept(offer.id);
    await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
    const el = document.createElement('dc-email-composer');
    el.store = overlay(kit.store).api;
    el.taskId = offer.id;
    kit.provider.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    await clickOn(root.querySelector('[data-action="start-reply"]')!);
    await until(() => root.querySelector('[role="status"]') !== null, 'loading shown');
    expect(text(root.querySelector('.editor-frame [role="status"]'))).to.contain('Loading the editor');
    expect(root.querySelector('.ql-editor')).to.equal(null);
    await release(EDITOR, true);
    await until(() => root.querySelector('.editor-frame [role="alert"]') !== null, 'failure shown', 10000);
    expect(text(root.querySelector('.editor-frame [role="alert"]'))).to.contain('The editor could not be loaded.');
    await release(EDITOR);
    await clickOn(root.querySelector('[data-action="retry"]')!);
    await until(() => root.querySelector('.ql-editor') !== null, 'editor after Retry', 15000);
    expect(root.querySelector('.editor-frame [role="alert"]')).to.equal(null);
  });
});
