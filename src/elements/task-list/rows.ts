/**
 * The task list's rows: one flat template per task, shared by the plain list and the virtualised one.
 */
import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type TemplateResult } from 'lit';
import { mediaLabel } from '../../i18n/labels.js';
import type { DcConfig } from '../../model/config.js';
import type { MediaConfig, MediaKind } from '../../model/media.js';
import { customerDisplayName, taskDuration, unreadCount, type Message, type Task, type TaskPause } from '../../model/tasks.js';
import { shownText } from '../../model/text.js';
import { formatDuration } from '../../model/time.js';
import { icon, MEDIA_ICONS } from '../../ui/icons.js';

export interface ListView {
  config: DcConfig;
  tasks: Readonly<Record<string, Task>>;
  messages: Readonly<Record<string, readonly Message[]>>;
  reads: Readonly<Record<string, number>>;
  selectedTaskId: string | undefined;
  pauses: Readonly<Record<string, TaskPause>>;
}

/** Words every row shares, looked up once per render. */
export interface RowWords {
  readonly duration: string;
  readonly paused: TemplateResult;
}

/** What every row of one render shares. */
export interface RowContext {
  readonly view: ListView;
  readonly now: number;
  readonly words: RowWords;
  readonly tabbable: string | undefined;
  /** How many rows the list has (a virtualised row says so, and its place among them). */
  readonly setSize: number;
  /** Media labels, worked out once per render and media. */
  readonly labels: Map<string, string>;
  /** A media's configuration, by id. */
  readonly mediaOf: (id: string) => MediaConfig | undefined;
}

/** Icons are the same markup on every row: one template each, reused. */
const MEDIA_ICON = new Map<MediaKind, TemplateResult>();
const mediaIcon = (kind: MediaKind): TemplateResult => {
  let template = MEDIA_ICON.get(kind);
  if (!template) MEDIA_ICON.set(kind, (template = icon(MEDIA_ICONS[kind])));
  return template;
};
const PAUSED_ICON = icon('phone');

/**
 * Customer messages per message list. Lists are immutable in the store (a new message makes a new
 * list), so a count is computed once per list however often the task list renders.
 */
const customerCounts = new WeakMap<readonly Message[], number>();

export function unread(messages: readonly Message[] | undefined, read: number | undefined): number {
  if (!messages) return 0;
  let count = customerCounts.get(messages);
  if (count === undefined) {
    count = unreadCount(messages, 0);
    customerCounts.set(messages, count);
  }
  return Math.max(0, count - (read ?? 0));
}

export function unreadText(count: number): string {
  return count === 1
    ? msg('1 unread message', { id: 'task-list.unread-one' })
    : msg(str`${count} unread messages`, { id: 'task-list.unread-many' });
}

/**
 * One row, as one flat template (it renders hundreds of times a second in a busy list). No white
 * space between the parts: screen readers hear the row as one phrase, joined by the hidden commas
 * ("Chat, Sales, duration 4:05, Alice Martin, 3 unread messages").
 */
export function renderRow(task: Task, index: number, ctx: RowContext): TemplateResult {
  const { view, words } = ctx;
  const media = ctx.mediaOf(task.media);
  let mediaText = ctx.labels.get(task.media);
  if (mediaText === undefined) {
    mediaText = mediaLabel(view.config, task.media);
    ctx.labels.set(task.media, mediaText);
  }
  const pause = view.pauses[task.id];
  const paused = pause?.since !== undefined;
  const count = unread(view.messages[task.id], view.reads[task.id]);
  return html`<div
    role="option"
    part="row"
    class="row"
    data-task-id=${task.id}
    data-media=${task.media}
    aria-selected=${task.id === view.selectedTaskId ? 'true' : 'false'}
    aria-setsize=${ctx.setSize}
    aria-posinset=${index + 1}
    tabindex=${task.id === ctx.tabbable ? '0' : '-1'}
    ><span class="media">${mediaIcon(media?.kind ?? 'chat')}<span class="visually-hidden">${mediaText}, </span></span
    ><span class="queue" part="queue"><bdi>${shownText(task.queue)}</bdi></span
    ><span class=${paused ? 'timer paused' : 'timer'} part="timer"
      ><span class="visually-hidden">, ${words.duration} </span>${paused ? PAUSED_ICON : nothing}${formatDuration(
        taskDuration(task, ctx.now, pause),
      )}${paused ? words.paused : nothing}</span
    ><span class="name" part="name"><span class="visually-hidden">, </span><bdi>${shownText(customerDisplayName(view.config, task))}</bdi></span
    >${count > 0
      ? html`<span class="unread" part="unread"
          ><span aria-hidden="true">${count}</span><span class="visually-hidden">, ${unreadText(count)}</span></span
        >`
      : nothing}</div
  >`;
}
