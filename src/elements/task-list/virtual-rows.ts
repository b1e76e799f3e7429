/**
 * The task list's virtualised rows, for lists of VIRTUAL_FROM tasks or more: loaded with `import()` the
 * first time a list gets that long, so that a page whose agent holds a handful of tasks (nearly all of
 * them) does not load the virtualizer up front.
 */
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, type TemplateResult } from 'lit';
import type { Task } from '../../model/tasks.js';
import { quietResizeObservers } from '../../ui/resize-observer.js';

// The virtualizer's harmless ResizeObserver loop notices never reach the page's error reporters.
quietResizeObservers();

/**
 * The virtualizer's flow layout, with the rows' height as its first estimate (so that its first pass
 * renders the rows that will be on screen) and 400 px of rows beyond the view (a frame of fast
 * scrolling) rather than 1,000: fewer rows to render when the list changes.
 */
class RowsLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = 400;
    this._itemSize = { width: 100, height: 54 };
  }
}

/** Stands in for a row that left the list, until the virtualizer renders its new range. */
const GONE = html`<div class="row gone" aria-hidden="true"></div>`;

/**
 * The rows, in a `.rows` box the virtualizer fills in its own updates (a new list, a scroll): `row`
 * must word itself in the list's language (the caller wraps it in `inLocale`).
 */
export function virtualRows(
  tasks: readonly Task[],
  row: (task: Task, index: number) => TemplateResult,
  onRange: (event: RangeChangedEvent) => void,
): TemplateResult {
  return html`<div class="rows" @rangeChanged=${onRange}>
    ${virtualize<Task | undefined>({
      items: tasks as Task[],
      layout: { type: RowsLayout },
      // A range computed for a longer list may briefly reach past the end of a shorter one.
      keyFunction: (t, i) => t?.id ?? `gone:${i}`,
      renderItem: (t, i) => (t ? row(t, i) : GONE),
    })}
  </div>`;
}

/** The virtualizer that fills a `.rows` box, once it has one. */
export function virtualizerOf(rows: HTMLElement | undefined): { connected(): void; disconnected(): void } | undefined {
  return (rows as VirtualizerHostElement | undefined)?.[virtualizerRef];
}

/**
 * Scrolls a row that is not in the DOM into view, where the rows' height says it is (they are all one
 * height), so that the virtualizer renders it. A probe in its place is scrolled into view the way the
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
