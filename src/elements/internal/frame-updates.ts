import type { ReactiveElement } from 'lit';

/**
 * Renders of store changes, at most one per animation frame.
 *
 * Every backend event reaches the store as a dispatch of its own, in a task or a promise callback of its
 * own, and Lit renders an element once for each batch of requests made in one microtask: an Accept all
 * of 500 offers brings 500 confirmations, one by one, and the task list and the offers rendered 500
 * times each, every render O(n) — O(n²) in all, seconds of work for one click. A person sees frames, not
 * renders: an element that waits for the next frame before it renders a store change draws the same
 * pixels, in the same frame, and renders once however many changes arrived meanwhile.
 *
 * What waits: updates requested without a property name (a store slice changed, the ticker ticked, the
 * element asked itself to render). What does not: the first render, and an update for a property
 * change (a host setting `collapsed`, a click toggling it), which renders at once as Lit's do. An update
 * that is waiting for its frame takes any later request along with it. `updateComplete` keeps its
 * meaning: it resolves once the update, frame included, is done.
 *
 * The frame is also the promise of a short timeout: a page that draws no frames (a hidden tab) still
 * renders, at the rate its timers run.
 *
 * Why the frame and not sooner: rendering a lone change at once (Lit's way), or at the end of its task,
 * and only later ones in the next frame, was tried and measured (bench/, 500 tasks arriving; Accept all):
 * no faster to the screen, since a render made outside a frame can miss the frame that is due and wait
 * for the next, and a burst then costs two renders instead of one.
 *
 * Use it from the element's own lifecycle:
 *
 * ```ts
 * override requestUpdate(...request: Parameters<LitElement['requestUpdate']>): void {
 *   noteRequest(this, request[0]);
 *   super.requestUpdate(...request);
 * }
 * protected override scheduleUpdate(): void | Promise<unknown> {
 *   return inFrame(this, () => super.scheduleUpdate());
 * }
 * ```
 */

/** How long an update waits for a frame before it renders anyway (ms). */
const FRAME_TIMEOUT_MS = 100;

/** Elements with an update requested for a property change since their last update began. */
const urgent = new WeakSet<ReactiveElement>();

/** Call from `requestUpdate`: a property change renders at once. */
export function noteRequest(host: ReactiveElement, name: PropertyKey | undefined): void {
  if (name !== undefined) urgent.add(host);
}

let frame: Promise<void> | undefined;

/** The next animation frame (one request shared by every element waiting for it), or the timeout. */
export function nextFrame(): Promise<void> {
  frame ??= new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cancelAnimationFrame(request);
      frame = undefined;
      resolve();
    };
    const timer = setTimeout(done, FRAME_TIMEOUT_MS);
    const request = requestAnimationFrame(done);
  });
  return frame;
}

/** Call from `scheduleUpdate`: runs `update` at once or in the next frame (see above). */
export function inFrame(host: ReactiveElement, update: () => void | Promise<unknown>): void | Promise<unknown> {
  if (!host.hasUpdated || urgent.has(host)) {
    urgent.delete(host);
    return update();
  }
  return nextFrame().then(() => {
    urgent.delete(host);
    return update();
  });
}
