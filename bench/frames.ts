/** Timing helpers the benchmark pages share. */
import type { LitElement } from 'lit';

/** A frame later, and the one after: by then the frame carrying the change has been painted. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
}

/** Runs `fn` right after the current frame is presented (call it from a rAF callback). */
export function afterFrame(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/** Resolves once the element has no render pending. */
export async function rendered(el: LitElement): Promise<void> {
  for (let i = 0; i < 1000 && !(await el.updateComplete); i++) {
    // another render was requested while this one ran
  }
}
