/**
 * Menus, dialogs and pop-ups in the top layer (the popover API: `popover="manual"` and
 * `showPopover()`), so that no container a host puts the kit in can clip them: not `overflow: hidden`,
 * not a small fixed height, not a transform. The top layer changes where an element is drawn, not where
 * it sits in the DOM: its styles, inherited values, Tab order and events stay those of its element.
 *
 * A pop-up that belongs to a control stays beside it: placed from the control's box, below or above as
 * there is room, inside the window, and placed again when anything around the control scrolls, when the
 * window resizes, and when the control or the pop-up changes size. (JavaScript rather than CSS anchor
 * positioning, which not every browser the kit supports has.) A pop-up without a control (the offers and
 * notifications of a page) keeps the place its CSS gives it, in the window's corner.
 *
 * Manual popovers: the element that owns one decides when it opens and closes (Escape, a click outside,
 * Tab away), as it did before; the browser's light dismiss would close it behind the element's back.
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Which side of its control a pop-up opens on, and which edges line up. */
export type Placement = 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';

export interface PlaceOptions {
  /** Whether it may open on the other side when there is more room there (default true). */
  readonly flip?: boolean;
  /** Never wider than the control (notifications under a header). */
  readonly fitWidth?: boolean;
  /** Right-to-left: `start` is the control's right edge. */
  readonly rtl?: boolean;
  /** Between the control and the pop-up (default 4). */
  readonly gap?: number;
  /** Kept free between the pop-up and the window's edges (default 8). */
  readonly margin?: number;
}

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
}

/** Where the pop-up goes: its top-left corner, and how tall and wide it may be (it scrolls beyond). */
export interface Placed {
  readonly top: number;
  readonly left: number;
  readonly maxHeight: number;
  readonly maxWidth: number;
  readonly side: 'top' | 'bottom';
}

/**
 * Where a pop-up of `size` goes beside a control whose box is `anchor`, in a window of `viewport`. It
 * opens on the placement's side when it fits there, else on the other when it fits there, else on the
 * side with more room (and is as tall as that room). It is shifted sideways to stay in the window. A
 * control that is out of the window (scrolled away) leaves its pop-up at the nearest edge.
 */
export function place(
  anchor: Rect,
  size: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
  placement: Placement,
  options: PlaceOptions = {},
): Placed {
  const gap = options.gap ?? 4;
  const margin = options.margin ?? 8;
  const below = viewport.height - margin - (anchor.bottom + gap);
  const above = anchor.top - gap - margin;
  const preferred = placement.startsWith('top') ? 'top' : 'bottom';
  const room = (side: 'top' | 'bottom') => (side === 'top' ? above : below);
  const other = preferred === 'top' ? 'bottom' : 'top';
  let side: 'top' | 'bottom' = preferred;
  if (options.flip !== false && size.height > room(preferred)) {
    side = size.height <= room(other) || room(other) > room(preferred) ? other : preferred;
  }
  const full = Math.max(0, viewport.height - 2 * margin);
  let maxHeight = Math.max(0, Math.min(room(side), full));
  // Next to no room on either side (a control at or past the window's edge): as much as fits.
  if (maxHeight < Math.min(size.height, 96)) maxHeight = full;
  const height = Math.min(size.height, maxHeight);
  const top = Math.min(
    Math.max(side === 'bottom' ? anchor.bottom + gap : anchor.top - gap - height, margin),
    viewport.height - margin - height,
  );

  const widest = Math.max(0, viewport.width - 2 * margin);
  const maxWidth = options.fitWidth ? Math.min(widest, anchor.width) : widest;
  const width = Math.min(size.width, maxWidth);
  const atEnd = placement.endsWith('end') !== (options.rtl ?? false);
  const left = Math.min(Math.max(atEnd ? anchor.right - width : anchor.left, margin), viewport.width - margin - width);
  return { top, left, maxHeight, maxWidth, side };
}

/** Whether this browser has the popover API (the kit falls back to fixed positioning without it). */
function hasPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function';
}

/** The elements `node` is drawn inside, through shadow roots and slots: any of them may scroll. */
function ancestors(node: Element): Element[] {
  const found: Element[] = [];
  let current: Node | null = node;
  while (current) {
    const next: Node | null = current instanceof Element && current.assignedSlot ? current.assignedSlot : current.parentNode;
    current = next instanceof ShadowRoot ? next.host : next;
    if (current instanceof Element) found.push(current);
  }
  return found;
}

export interface TopLayerOptions {
  /** The pop-up on show (an element with the `popover` attribute), or nothing while it is closed. */
  readonly popover: () => HTMLElement | null | undefined;
  /** The control it belongs to; without one, the pop-up keeps its CSS position (a window corner). */
  readonly anchor?: () => Element | null | undefined;
  readonly placement?: Placement;
  readonly flip?: boolean;
  readonly fitWidth?: boolean;
}

/**
 * Puts a host's pop-up in the top layer when it appears, and keeps it beside its control while it is
 * there. One per pop-up; it finds the pop-up after each of the host's updates.
 */
export class TopLayer implements ReactiveController {
  readonly #options: TopLayerOptions;
  #popover: HTMLElement | undefined;
  #anchor: Element | undefined;
  #scrollers: EventTarget[] = [];
  #resize: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost, options: TopLayerOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#track(undefined, undefined);
  }

  /** Shows the pop-up in the top layer if it is not yet there, and places it. */
  sync(): void {
    const popover = this.#options.popover() ?? undefined;
    const anchor = popover ? (this.#options.anchor?.() ?? undefined) : undefined;
    if (popover !== this.#popover || anchor !== this.#anchor) this.#track(popover, anchor);
    if (!popover) return;
    this.#show(popover);
    this.#place();
  }

  #show(popover: HTMLElement): void {
    if (!popover.isConnected || !hasPopover(popover) || !popover.hasAttribute('popover') || popover.matches(':popover-open')) return;
    try {
      popover.showPopover();
    } catch {
      // Not in a document that can show it (it is leaving): nothing to show.
    }
  }

  #track(popover: HTMLElement | undefined, anchor: Element | undefined): void {
    for (const target of this.#scrollers) target.removeEventListener('scroll', this.#onMove, { capture: true });
    this.#scrollers = [];
    this.#resize?.disconnect();
    this.#resize = undefined;
    globalThis.removeEventListener?.('resize', this.#onMove);
    this.#popover = popover;
    this.#anchor = anchor;
    if (!popover || !anchor) return;
    this.#scrollers = [...ancestors(anchor), globalThis as unknown as EventTarget];
    for (const target of this.#scrollers) target.addEventListener('scroll', this.#onMove, { capture: true, passive: true });
    globalThis.addEventListener('resize', this.#onMove);
    if (typeof ResizeObserver === 'function') {
      this.#resize = new ResizeObserver(this.#onMove);
      this.#resize.observe(anchor);
      this.#resize.observe(popover);
    }
  }

  #onMove = () => this.#place();

  #place(): void {
    const popover = this.#popover;
    const anchor = this.#anchor;
    if (!popover || !anchor || !popover.isConnected) return;
    const placement = this.#options.placement ?? 'bottom-start';
    const style = popover.style;
    // Its own size, unconstrained: what it would take if there were room.
    style.removeProperty('max-height');
    const box = popover.getBoundingClientRect();
    const placed = place(
      anchor.getBoundingClientRect(),
      { width: box.width, height: box.height },
      { width: document.documentElement.clientWidth, height: window.innerHeight },
      placement,
      { flip: this.#options.flip, fitWidth: this.#options.fitWidth, rtl: getComputedStyle(anchor).direction === 'rtl' },
    );
    style.setProperty('top', `${Math.round(placed.top)}px`);
    style.setProperty('left', `${Math.round(placed.left)}px`);
    style.setProperty('max-height', `${Math.floor(placed.maxHeight)}px`);
    // A pop-up's CSS caps its width (within the window); only one as wide as its control is capped here.
    if (this.#options.fitWidth) style.setProperty('max-width', `${Math.floor(placed.maxWidth)}px`);
  }
}

/**
 * What every pop-up in the top layer needs: fixed to the window (its place is set from its control, or
 * by its element's CSS), and none of the browser's popover box (inset, margin, padding, border,
 * colours): its element's rules, which come after these, give its look. `overflow: auto`, so that one
 * taller than the room scrolls.
 */
export const topLayerStyles = css`
  [popover] {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    border: 0;
    overflow: auto;
    background: none;
    color: inherit;
  }
`;
