/**
 * A virtualised list of rows of about one height, inside a box that scrolls: only the rows near the
 * view are in the DOM. Built on @lit-labs/virtualizer's `virtualize` directive and flow layout; the task
 * list (from 100 tasks) and the template picker (from 100 templates) use it.
 */
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, type TemplateResult } from 'lit';
import { quietResizeObservers } from '../../ui/resize-observer.js';

// The virtualizer's harmless ResizeObserver loop notices never reach the page's error reporters.
quietResizeObservers();

export type { RangeChangedEvent };

/** The flow layouts by row height, made once each (the virtualizer compares layout classes). */
const layouts = new Map<number, typeof FlowLayout>();

/**
 * The virtualizer's flow layout with the rows' height as its first estimate (so that its first pass
 * renders the rows that will be on screen) and 400 px of rows beyond the view (a frame of fast
 * scrolling) rather than 1,000: fewer rows to render when the list changes.
 */
function layoutFor(rowHeight: number): typeof FlowLayout {
  let layout = layouts.get(rowHeight);
  if (!layout) {
    layout = class RowsLayout extends FlowLayout {
      constructor(...args: ConstructorParameters<typeof FlowLayout>) {
        super(...args);
        this._overhang = 400;
        this._itemSize = { width: 100, height: rowHeight };
      }
    };
    layouts.set(rowHeight, layout);
  }
  return layout;
}

export interface VirtualListOptions<T> {
  /** A stable key per item. */
  readonly key: (item: T) => string;
  /** One row. */
  readonly row: (item: T, index: number) => TemplateResult;
  /** The rows' usual height in pixels: the layout's first estimate. */
  readonly rowHeight: number;
  /** Stands in for a row that left the list, until the virtualizer renders its new range. */
  readonly gone: TemplateResult;
  /** The range of rows in the DOM changed. */
  readonly onRange?: (event: RangeChangedEvent) => void;
  /** Classes of the box the virtualizer fills (`rows` by default). */
  readonly className?: string;
}

/** The rows, in a box the virtualizer fills in its own updates (a new list, a scroll). */
export function virtualList<T>(items: readonly T[], options: VirtualListOptions<T>): TemplateResult {
  return html`<div class=${options.className ?? 'rows'} @rangeChanged=${options.onRange}>
    ${virtualize<T | undefined>({
      items: items as T[],
      layout: { type: layoutFor(options.rowHeight) },
      // A range computed for a longer list may briefly reach past the end of a shorter one.
      keyFunction: (item, i) => (item === undefined ? `gone:${i}` : options.key(item)),
      renderItem: (item, i) => (item === undefined ? options.gone : options.row(item, i)),
    })}
  </div>`;
}

/** The virtualizer that fills a rows box, once it has one. */
export function virtualizerOf(rows: HTMLElement | undefined | null): { connected(): void; disconnected(): void } | undefined {
  return (rows as VirtualizerHostElement | undefined | null)?.[virtualizerRef];
}

/**
 * Scrolls a row that is not in the DOM into view, where the rows' height says it is (about one height
 * each), so that the virtualizer renders it. A probe in its place is scrolled into view the way the
 * browser would scroll the row itself: the list, and its scrolling ancestors only as far as needed.
 * (The virtualizer's own scrollIntoView is off by the list's scroll position when, as here, the
 * virtualised rows sit inside the box that scrolls.)
 */
export function scrollToIndex(list: HTMLElement, rows: HTMLElement, index: number, count: number): void {
  if (count === 0) return;
  const height = rows.offsetHeight / count;
  const probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  Object.assign(probe.style, {
    position: 'absolute',
    left: '0',
    width: '1px',
    top: `${rows.offsetTop + index * height}px`,
    height: `${height}px`,
    visibility: 'hidden',
  });
  list.append(probe);
  probe.scrollIntoView({ block: 'nearest' });
  probe.remove();
}
