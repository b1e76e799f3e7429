/**
 * HOSTILE-21: "ResizeObserver loop completed with undelivered notifications" reached the host's
 * `window.onerror` hundreds of times in a long session. The kit's virtualised lists (the thread, the
 * task list) are resized again and again here, with the host's error reporters installed, and none
 * of them hears of it, while the lists are laid out again after each size.
 */
import { expect, html } from '@open-wc/testing';
import '../../src/elements/chat-thread/chat-thread.js';
import '../../src/elements/task-list/task-list.js';
import type { DcChatThread } from '../../src/elements/chat-thread/chat-thread.js';
import type { DcTaskList } from '../../src/elements/task-list/task-list.js';
import { mountKit, signInReady, until } from '../support/kit.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The host's error reporters: a listener on window and `window.onerror`, as error trackers install them. */
function reporters() {
  const heard: string[] = [];
  const listener = (e: ErrorEvent) => heard.push(`error event: ${e.message}`);
  window.addEventListener('error', listener, true);
  const before = window.onerror;
  // Chained the way error trackers chain it, so that the test runner still sees real errors.
  window.onerror = (message, ...rest) => {
    heard.push(`onerror: ${String(message)}`);
    return before?.call(window, message, ...rest) ?? false;
  };
  return {
    heard,
    remove() {
      window.removeEventListener('error', listener, true);
      window.onerror = before;
    },
  };
}

describe('HOSTILE-21: ResizeObserver loops never reach the host', function () {
  this.timeout(30000);

  it('HOSTILE-21, PANE-1: a long thread resized 60 times raises nothing on window; its rows are laid out again at each width', async () => {
    const kit = await mountKit(
      html`<div id="box" style="display: flex; flex-direction: column; width: 40rem; height: 420px">
        <dc-chat-thread></dc-chat-thread>
      </div>`,
      { backend: { historySize: 0 } },
    );
    await signInReady(kit.store);
    const offer = kit.backend.offer('chat', { queue: 'Sales', customer: { name: 'Alice Martin' }, text: 'Hello' })!;
    await until(() => kit.store.state.tasks[offer.id]?.status === 'offered', 'offered');
    kit.store.accept(offer.id);
    await until(() => kit.store.state.tasks[offer.id]?.status === 'active', 'accepted');
    const words = 'My parcel has not arrived and the tracking page says it left the depot three days ago. ';
    for (let i = 0; i < 60; i++) kit.backend.customerMessage(offer.id, `${i}: ${words.repeat(1 + (i % 3))}`);
    const thread = kit.provider.querySelector<DcChatThread>('dc-chat-thread')!;
    await until(() => thread.shadowRoot!.querySelectorAll('[part~="bubble"]').length > 3, 'rows on show', 5000);
    const box = kit.provider.querySelector<HTMLElement>('#box')!;
    const rows = () => [...thread.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].map((r) => r.getBoundingClientRect());

    const host = reporters();
    try {
      for (let i = 0; i < 60; i++) {
        box.style.width = `${16 + (i % 6) * 5}rem`;
        await frame();
      }
      await frame();
      await frame();
    } finally {
      host.remove();
    }
    expect(host.heard).to.deep.equal([]);
    // The path ran: at the last width the rows were measured again and stacked without overlapping.
    await frame();
    await frame();
    const laid = rows().filter((r) => r.height > 0).sort((a, b) => a.top - b.top);
    expect(laid.length).to.be.greaterThan(3);
    for (let i = 1; i < laid.length; i++) expect(laid[i]!.top, `row ${i}`).to.be.at.least(laid[i - 1]!.bottom - 1);
    expect(Math.max(...laid.map((r) => r.width))).to.be.at.most(box.getBoundingClientRect().width + 1);
  });

  it('HOSTILE-21, TASK-2: a task list of 150 tasks resized 60 times raises nothing on window', async () => {
    const kit = await mountKit(
      html`<div id="box" style="display: flex; flex-direction: column; width: 30rem; height: 400px">
        <dc-task-list style="--dc-task-list-max-height: 360px"></dc-task-list>
      </div>`,
      { config: { media: { chat: { capacity: 200 } } } },
    );
    await signInReady(kit.store);
    for (let i = 0; i < 150; i++) kit.backend.offer('chat', { queue: 'Sales', customer: { name: `Customer ${i} with a long name` } });
    await until(() => Object.values(kit.store.state.tasks).filter((t) => t.status === 'offered').length === 150, 'offered', 10000);
    kit.store.acceptAll();
    await until(() => Object.values(kit.store.state.tasks).filter((t) => t.status === 'active').length === 150, 'accepted', 10000);
    const list = kit.provider.querySelector<DcTaskList>('dc-task-list')!;
    await until(() => list.shadowRoot!.querySelectorAll('[part~="row"]').length > 3, 'rows on show', 5000);
    const box = kit.provider.querySelector<HTMLElement>('#box')!;

    const host = reporters();
    try {
      for (let i = 0; i < 60; i++) {
        box.style.width = `${12 + (i % 6) * 4}rem`;
        await frame();
      }
      await frame();
      await frame();
    } finally {
      host.remove();
    }
    expect(host.heard).to.deep.equal([]);
    const laid = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].map((r) => r.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    expect(laid.length).to.be.greaterThan(3);
    for (let i = 1; i < laid.length; i++) expect(laid[i]!.top, `row ${i}`).to.be.at.least(laid[i - 1]!.bottom - 1);
  });
});
