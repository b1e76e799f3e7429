import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/** How close to the end (px) still counts as "at the newest entry". */
const SLACK = 24;

/**
 * How far beyond the view (px, above and below) the virtualiser keeps entries in the DOM. Its default,
 * 1000, kept a thread at about 1,100 nodes. Rows entering the view are rendered in the frame that
 * scrolls to them (the virtualiser answers the scroll event before the frame is painted), so the
 * margin only needs to cover rows growing as they are measured.
 */
const OVERHANG = 250;

/** The last entry, at the end of the view (the index is clamped to the list's length). */
const NEWEST = { index: Number.MAX_SAFE_INTEGER, block: 'end' } as const;

/**
 * The virtualiser's flow layout, with a shorter overhang, that hands itself to the controller following
 * its log: the controller pins it to the newest entry or unpins it.
 */
export class FollowLayout extends FlowLayout {
  /** Reflows run again in a row to settle the newest entry at the end. */
  #settling = 0;
  #follower?: ScrollFollowController;
  /** Where the last pinned reflow put the view, and the height of the view then. */
  #pinnedAt?: number;
  #pinnedView = 0;
  /** The size assumed for an entry not measured yet, and the heights measured by index (see `_getAverageSize`). */
  #estimate = 0;
  #heights = new Map<number, number>();

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = OVERHANG;
  }

  /**
   * Each reflow first looks at where the DOM's view is (see `#decide`). A pinned reflow places the view
   * from the entries' positions before it, then corrects those positions from new measurements: the
   * newest entry can end up short of the end by what its estimated size was off. Reflowing once more
   * (no DOM read: the layout's own numbers) settles it.
   */
  override _reflow(): void {
    this.#decide();
    super._reflow();
    this.#pinnedAt = this.pin === null ? undefined : this._scrollPosition;
    this.#pinnedView = this._viewDim1;
    const end = Math.max(0, this._scrollSize - this._viewDim1);
    if (this.pin === null || Math.abs(this._scrollPosition - end) < 1 || this.#settling >= 3) {
      this.#settling = 0;
      return;
    }
    this.#settling++;
    this._triggerReflow();
  }

  /**
   * The view may have been moved without its scroll event having arrived yet (a host setting
   * `scrollTop`, a wheel just before a message): the position the virtualiser read from the DOM for
   * this reflow says so first. At the end, follow; moved up both from where the pin put it and from
   * where the last scroll event saw it, stop, before the pin takes the view back down. (Not when the
   * view changed height meanwhile: a log hidden and shown again starts back at the top by itself.)
   */
  #decide(): void {
    const follower = this.#follower;
    if (!follower) return;
    const top = this._scrollPosition;
    if (top >= this.totalScrollSize.height - this._viewDim1 - SLACK) {
      if (!follower.following) follower.follow();
    } else if (
      this.pin !== null &&
      this.#pinnedAt !== undefined &&
      this.#pinnedView > 0 &&
      this._viewDim1 === this.#pinnedView &&
      top < Math.min(this.#pinnedAt, follower.seenTop) - 1
    ) {
      follower.stopFollowing();
    }
  }

  /**
   * The estimate of the entries not measured yet, and with it the list's length and where entries out
   * of the DOM would be. The flow layout takes the average of the entries measured so far and makes
   * the list's length the count of entries times it: every new entry moved the length of a long list by
   * the count times the change of the average (hundreds of pixels for a 1,000-row history), so a pinned
   * view had to be moved again for every message. Here an entry is where the entries before it put it,
   * at their measured heights where known and at a steady estimate elsewhere (kept until the measured
   * average moves away from it by a tenth): a new entry lengthens the list by its own height only.
   */
  override _getAverageSize(): number {
    const measured = super._getAverageSize();
    if (Math.abs(measured - this.#estimate) > 0.1 * measured) this.#estimate = measured;
    return this.#estimate;
  }

  override updateItemSizes(sizes: Parameters<FlowLayout['updateItemSizes']>[0]): void {
    for (const key of Object.keys(sizes)) this.#heights.set(Number(key), sizes[Number(key)]!.height);
    super.updateItemSizes(sizes);
  }

  /** Where entry `index` starts, laid out from the top: measured heights where known, the estimate elsewhere. */
  #offset(index: number): number {
    let sum = 0;
    let count = 0;
    for (const [i, height] of this.#heights) {
      if (i < index) {
        sum += height;
        count++;
      }
    }
    return sum + (index - count) * this._getAverageSize() + (index + 1) * this._metricsCache.averageMarginSize;
  }

  override _updateScrollSize(): void {
    this._scrollSize = Math.max(1, this.#offset(this.items.length));
  }

  override _estimatePosition(index: number): number {
    const first = this._first === -1 || this._last === -1 ? undefined : this._getPhysicalItem(this._first);
    const last = first && this._getPhysicalItem(this._last);
    if (!first || !last) return this.#offset(index);
    return index < this._first
      ? first.pos - (this.#offset(this._first) - this.#offset(index))
      : last.pos + (this.#offset(index) - this.#offset(this._last));
  }

  override _calculateError(): number {
    const count = this.items.length;
    if (this._first === 0) return this._physicalMin;
    if (this._physicalMin <= 0) return this._physicalMin - (this.#offset(this._first) - this._metricsCache.averageMarginSize);
    if (this._last === count - 1) return this._physicalMax - this._scrollSize;
    if (this._physicalMax >= this._scrollSize) return this._physicalMax - this.#offset(this._last + 1);
    return 0;
  }

  /**
   * Pinned to the end, a view that must move up does because the end came up (the list's estimated size
   * shrank as rows were measured): the browser already clamps it there when the virtualiser shrinks the
   * list, before it applies its correction — which, relative to the position before, would take the
   * view that much further up. The clamp alone puts it at the end.
   */
  protected override _sendStateChangedMessage(): void {
    if (this.pin !== null && this._scrollError > 0) this._scrollError = 0;
    super._sendStateChangedMessage();
  }

  /**
   * The scroll size the virtualiser measured in the DOM is the one before this reflow: when the list
   * just grew, it would hold a pinned view short of the new end. The layout's own size is current (the
   * log is vertical, and the browser clamps a position past the real end anyway).
   */
  override _clampScrollPosition(val: number): number {
    const total = Math.max(this.totalScrollSize.height, this._scrollSize + this.offsetWithinScroller.top);
    return Math.max(-this.offsetWithinScroller.top, Math.min(val, total - this._viewDim1));
  }

  /**
   * Set from the layout's configuration (`{type: FollowLayout, follower}`) when the layout is made and
   * every time the list it lays out is rendered again: each time, the controller pins it again while it
   * follows, so new entries are laid out with the newest at the end of the view.
   */
  set follower(controller: ScrollFollowController | undefined) {
    this.#follower = controller;
    controller?.adopt(this);
  }
}

export interface ScrollFollowOptions {
  /** Called when the log starts or stops following (the host shows "New messages", its states…). */
  onChange?: (following: boolean) => void;
}

/**
 * Keeps a virtualised log (`@lit-labs/virtualizer` with `scroller: true`) at its newest entry while
 * the agent is there, and leaves it alone once they scroll up (PANE-1).
 *
 * While following, the virtualiser's layout is pinned to the last entry: it lays out new and re-measured
 * entries with the newest one at the end of the view and sets the scroll position itself, in its own
 * update, so following never reads the page's layout. The log's scroll events decide the rest, with at
 * most one read of its position per event (the browser sends at most one a frame): moving up away from
 * the end stops following, reaching the end again follows. What moved it does not matter — wheel, keys,
 * the scroll bar, a screen reader, find in page, a host setting `scrollTop`. Home and End on the log jump
 * to the oldest and newest entry at once (a smooth scroll across thousands of estimated rows would be
 * cut short as the virtualiser measures the rows it passes).
 *
 * Use: `virtualize({items, renderItem, scroller: true, layout: follow.layout})` on the log element,
 * with `${ref(follow.attach)}` on it.
 */
export class ScrollFollowController implements ReactiveController {
  readonly #options: ScrollFollowOptions;
  #following = true;
  #layout?: FollowLayout;
  #log?: HTMLElement;
  #lastTop = 0;

  /** The layout to give the virtualiser: the same object every time (`virtualize({layout})`). */
  readonly layout = Object.assign({ type: FollowLayout }, { follower: this as ScrollFollowController });

  constructor(host: ReactiveControllerHost, options: ScrollFollowOptions = {}) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether the log follows its newest entry. */
  get following(): boolean {
    return this.#following;
  }

  /** @internal Where the log's last scroll event found it. */
  get seenTop(): number {
    return this.#lastTop;
  }

  /** A `ref` callback for the log: the element to watch (undefined when it leaves). */
  readonly attach = (el: Element | undefined): void => {
    const log = el instanceof HTMLElement ? el : undefined;
    if (log === this.#log) return;
    this.#log?.removeEventListener('scroll', this.#onScroll);
    this.#log?.removeEventListener('keydown', this.#onKeydown);
    this.#log = log;
    this.#lastTop = 0;
    log?.addEventListener('scroll', this.#onScroll, { passive: true });
    log?.addEventListener('keydown', this.#onKeydown);
  };

  /** A new log (another task): it opens at its newest entry, following. */
  reset(): void {
    this.#following = true;
    this.#lastTop = 0;
  }

  /** Goes to the newest entry and follows again ("New messages", End, the agent's own send). */
  follow(): void {
    this.#set(true);
    this.#pin();
  }

  /** Stops following where the view is. */
  stopFollowing(): void {
    this.#set(false);
  }

  /**
   * @internal The layout of the log's virtualiser, on each configuration (see `FollowLayout`): pinned
   * again while following if the virtualiser let go of it (it does on any scroll it did not make; a
   * small move near the end leaves the log following).
   */
  adopt(layout: FollowLayout): void {
    this.#layout = layout;
    if (this.#following && layout.pin === null) this.#pin();
  }

  hostDisconnected(): void {
    this.attach(undefined);
    this.#layout = undefined;
  }

  #pin(): void {
    if (this.#layout) this.#layout.pin = NEWEST;
  }

  #set(on: boolean): void {
    if (on === this.#following) return;
    this.#following = on;
    if (!on) this.#layout?.unpin();
    this.#options.onChange?.(on);
  }

  #onScroll = (): void => {
    const log = this.#log;
    if (!log) return;
    const top = log.scrollTop;
    const up = top < this.#lastTop;
    this.#lastTop = top;
    if (log.scrollHeight - top - log.clientHeight <= SLACK) {
      // Back at the end: follow again (while following, small moves near the end are left alone).
      if (!this.#following) this.follow();
    } else if (up) {
      this.#set(false);
    }
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const log = this.#log;
    if (!log || event.target !== log || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'End') {
      event.preventDefault();
      this.follow();
    } else if (event.key === 'Home') {
      event.preventDefault();
      this.#set(false);
      log.scrollTop = 0;
    }
  };
}
