/**
 * The task list's virtualised rows, for lists of VIRTUAL_FROM tasks or more: loaded with `import()` the
 * first time a list gets that long, so that a page whose agent holds a handful of tasks (nearly all of
 * them) does not load the virtualizer up front.
 */
import { html, type TemplateResult } from 'lit';
import type { Task } from '../../model/tasks.js';
import { virtualList, type RangeChangedEvent } from '../internal/virtual-list.js';

export { scrollToIndex, virtualizerOf } from '../internal/virtual-list.js';

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
  return virtualList(tasks, { key: (t) => t.id, row, rowHeight: 54, gone: GONE, onRange });
}
