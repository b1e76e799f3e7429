import { waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

// Test pages run two at a time, and the one in the background reports itself hidden, which the kit
// reads as "the agent is looking elsewhere" (TASK-5). Tests pin the page visible and hide the kit the
// way hosts do (the provider's `away`, a collapsed desktop).
Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'visible' });
Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => false });

// The virtualised thread's benign "ResizeObserver loop" error (TOOLCHAIN trap 8), and nothing else,
// is no test failure, in every test file that shows a thread (root hooks: mocha owns window.onerror
// only once it runs).
setupIgnoreWindowResizeObserverLoopErrors(before, after);

/** Waits until `fn` holds, with a message that says what was expected (6 s: the machine may be busy). */
export function until(fn: () => boolean, message: string, timeout = 6000): Promise<void> {
  return waitUntil(fn, message, { timeout });
}

/** Presses a combination with real key events: `press('Control+Shift+KeyL')`. */
export async function press(combo: string): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  const keys = combo.split('+');
  const key = keys.pop()!;
  for (const k of keys) await sendKeys({ down: k });
  await sendKeys({ press: key });
  for (const k of keys.reverse()) await sendKeys({ up: k });
}

/** Text as a person reads it: whitespace folded. */
export function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
