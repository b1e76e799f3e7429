/**
 * The virtualised lists' ResizeObserver, whose loop notices never reach the page's error reporters.
 *
 * @lit-labs/virtualizer measures its rows from inside its ResizeObservers' callbacks, lays them out
 * again and renders the rows that come into range, and takes out those that leave it. Rows that appear,
 * change size or leave during the browser's delivery of size changes cannot be delivered in that frame:
 * the browser delivers them in the next one, and says so by reporting "ResizeObserver loop completed
 * with undelivered notifications" as an error on `window`. Nothing is wrong, but every host's error
 * reporter hears of it, and a long session on a thread raises it hundreds of times.
 *
 * Doing the virtualizer's work a frame later instead would avoid the notice, at a price measured here:
 * each measurement would paint a frame of rows at estimated places, and the thread's scroll-follow
 * (which settles the newest row at the end within one frame) would need several frames to settle. So
 * the work stays where the virtualizer does it, and the notice of a frame in which the kit's observers
 * were delivering is stopped on `window` in the capturing phase, before `window.onerror` and every
 * listener added after the kit's first list was made. A host's own observers in other frames are left
 * alone.
 */
// The public way to give the virtualizer a ResizeObserver of one's own (it exists for polyfills).
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

/** Whether one of the kit's observers was called since the last animation frame. */
let delivering = false;

function noteDelivery(): void {
  if (delivering) return;
  delivering = true;
  requestAnimationFrame(() => (delivering = false));
}

/** The browser's notice of size changes left for the next frame (Chromium and Firefox, then Safari). */
const LOOP_NOTICE = /^(?:Uncaught )?(?:ResizeObserver loop completed with undelivered notifications|ResizeObserver loop limit exceeded)/;

function onError(event: ErrorEvent): void {
  if (!delivering || event.error != null || typeof event.message !== 'string' || !LOOP_NOTICE.test(event.message)) return;
  event.stopImmediatePropagation();
  // Handled: the browser does not log it as an uncaught error either.
  event.preventDefault();
}

/** A ResizeObserver that notes when the browser delivers to it (the virtualizer's, through `provideResizeObserver`). */
export class KitResizeObserver extends ResizeObserver {
  constructor(callback: ResizeObserverCallback) {
    super((entries, observer) => {
      noteDelivery();
      callback(entries, observer);
    });
  }
}

let provided = false;

/**
 * Gives the virtualizer {@link KitResizeObserver} and listens for the loop notices. The virtualizer
 * module holds one constructor for every list it makes, so a host's virtualised lists that share the
 * kit's copy of the module are quietened too.
 */
export function quietResizeObservers(): void {
  if (provided || typeof ResizeObserver === 'undefined' || typeof window === 'undefined') return;
  provided = true;
  provideResizeObserver(KitResizeObserver);
  window.addEventListener('error', onError, true);
}
