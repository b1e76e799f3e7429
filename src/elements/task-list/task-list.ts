import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ShortcutController } from '../../context/shortcuts.js';
import { TickerController } from '../../context/ticker.js';
import { DcTaskSelectEvent } from '../../events/events.js';
import { mediaLabel } from '../../i18n/labels.js';
import type { DcConfig } from '../../model/config.js';
import type { MediaConfig, MediaKind } from '../../model/media.js';
import {
  customerDisplayName,
  taskDuration,
  taskListOrder,
  unreadCount,
  type Message,
  type Task,
  type TaskPause,
} from '../../model/tasks.js';
import { formatDuration } from '../../model/time.js';
import { icon, MEDIA_ICONS } from '../../ui/icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { DcElement } from '../internal/dc-element.js';
import { inFrame, noteRequest } from '../internal/frame-updates.js';
import { styles } from './task-list.styles.js';

interface ListView {
  config: DcConfig;
  tasks: Readonly<Record<string, Task>>;
  messages: Readonly<Record<string, readonly Message[]>>;
  reads: Readonly<Record<string, number>>;
  selectedTaskId: string | undefined;
  pauses: Readonly<Record<string, TaskPause>>;
}

/** What one row shows, computed once per render. */
interface RowView {
  readonly task: Task;
  readonly media: MediaConfig | undefined;
  readonly mediaText: string;
  readonly display: string;
  readonly timer: string;
  readonly paused: boolean;
  readonly unread: number;
}

/** Words every row shares, looked up once per render. */
interface RowWords {
  readonly duration: string;
  readonly paused: TemplateResult;
}

const STATES = ['collapsed', 'empty', 'unread'] as const;

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

function unread(messages: readonly Message[] | undefined, read: number | undefined): number {
  if (!messages) return 0;
  let count = customerCounts.get(messages);
  if (count === undefined) {
    count = unreadCount(messages, 0);
    customerCounts.set(messages, count);
  }
  return Math.max(0, count - (read ?? 0));
}

function unreadText(count: number): string {
  return count === 1
    ? msg('1 unread message', { id: 'task-list.unread-one' })
    : msg(str`${count} unread messages`, { id: 'task-list.unread-many' });
}

/**
 * The agent's tasks, one row each, oldest first (TASK-2): the media icon, the queue, the task's
 * running time (derived from its timestamps, frozen while a voice call pauses it: TASK-4), the
 * customer in bold (the media's `displayField`, e.g. the phone number for SMS) and the unread count
 * under the timer (TASK-5). Selecting a row shows that task and clears its unread count (TASK-3).
 *
 * Keyboard: the list is one tab stop (a listbox with a roving tabindex). Up and Down move the focus
 * through the rows, Home and End jump to the first and last row, Enter or Space select the focused
 * row. Arrows move the focus only, not the selection: passing over a task does not open it, so its
 * unread count stays until the agent really looks at it, and the interaction pane does not reload on
 * every key press. Ctrl+Shift+8 and Ctrl+Shift+9 (KEY table, remappable) select the next or previous
 * task directly, wrapping around, and move the focus to its row from anywhere on the page (they
 * expand the list if it was collapsed).
 *
 * The header button collapses and expands the list; collapsed, it still shows the number of tasks and
 * of unread messages.
 *
 * @summary The task list: media, queue, timer, customer and unread count of every task held.
 *
 * @fires dc-task-select - The agent selected a task (click, Enter or Space, Ctrl+Shift+8 / 9).
 *
 * @csspart header - The bar above the rows.
 * @csspart toggle - The collapse / expand button in the header (with the task count).
 * @csspart row - Each task's row.
 * @csspart unread - An unread-message badge (each row's, and the total in the header).
 * @csspart unread-total - The header's badge with the total of unread messages.
 * @csspart timer - A row's timer.
 * @csspart name - A row's customer (or configured display field), in bold.
 * @csspart queue - A row's queue name.
 * @csspart empty - The message shown when the agent holds no task.
 *
 * @cssstate collapsed - The rows are hidden.
 * @cssstate empty - The agent holds no task.
 * @cssstate unread - Some task has unread messages.
 *
 * @cssprop --dc-task-list-max-height - The rows' maximum height before they scroll (none by default: the
 *   host's layout sizes the list).
 * @cssprop --dc-task-list-selected-bg - The selected row's background (the info surface by default).
 * @cssprop --dc-task-list-unread-bg - Unread badges' background (the accent colour by default).
 * @cssprop --dc-task-list-unread-color - Unread badges' text (the accent text colour by default).
 */
@customElement('dc-task-list')
export class DcTaskList extends DcElement {
  static override styles = [...DcElement.styles, styles];

  /** Whether the rows are hidden (the header button and the agent toggle it). */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  @query('.list') private listEl?: HTMLElement;

  #ticker = new TickerController(this);
  #view = this.select<ListView | undefined>((s, store) => ({
    config: store.config,
    tasks: s.tasks,
    messages: s.messages,
    reads: s.reads,
    selectedTaskId: s.selectedTaskId,
    pauses: s.pauses,
  }));

  #orderOf?: Readonly<Record<string, Task>>;
  #order: Task[] = [];
  #mediaOf?: DcConfig;
  #media = new Map<string, MediaConfig>();
  #rendered: string[] = [];
  /** The row that takes the tab stop (the last one focused), when it is still in the list. */
  #focusId?: string;
  #tabbable?: string;
  #revealed?: string;
  #revealFrame?: number;
  #focusedBefore?: string;

  constructor() {
    super();
    new ShortcutController(this, 'tasks.next', () => void this.#step(1));
    new ShortcutController(this, 'tasks.previous', () => void this.#step(-1));
  }

  /**
   * Moves the keyboard focus to a task's row (the selected task's when no id is given), expanding the
   * list if it is collapsed. Resolves once the row has the focus (or there is no such row).
   */
  async focusTask(taskId?: string): Promise<void> {
    const id = taskId ?? this.#view.value?.selectedTaskId;
    if (!id) return;
    this.collapsed = false;
    this.#setFocusId(id);
    await this.updateComplete;
    this.#row(id)?.focus();
  }

  /** Tasks in list order; recomputed only when the store's tasks change. */
  #list(tasks: Readonly<Record<string, Task>>): Task[] {
    if (tasks !== this.#orderOf) {
      this.#orderOf = tasks;
      this.#order = taskListOrder(Object.values(tasks));
    }
    return this.#order;
  }

  #mediaConfig(config: DcConfig, id: string): MediaConfig | undefined {
    if (config !== this.#mediaOf) {
      this.#mediaOf = config;
      this.#media = new Map(config.media.map((m) => [m.id, m]));
    }
    return this.#media.get(id);
  }

  /** Store changes and ticks render once per frame, however many arrive (see frame-updates.ts). */
  override requestUpdate(...request: Parameters<LitElement['requestUpdate']>): void {
    noteRequest(this, request[0]);
    super.requestUpdate(...request);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return inFrame(this, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A row that had the focus and is about to leave (its task ended): the focus moves on in updated().
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    this.#focusedBefore = active?.dataset['taskId'];
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) {
      this.#ticker.active = false;
      this.#rendered = [];
      return html`<span class="unavailable">${msg('Tasks unavailable', { id: 'task-list.unavailable' })}</span>`;
    }
    const tasks = this.#list(view.tasks);
    const now = this.activeStore!.now();
    const labels = new Map<string, string>();
    let total = 0;
    const rows: RowView[] = tasks.map((task) => {
      const media = this.#mediaConfig(view.config, task.media);
      let mediaText = labels.get(task.media);
      if (mediaText === undefined) {
        mediaText = mediaLabel(view.config, task.media);
        labels.set(task.media, mediaText);
      }
      const pause = view.pauses[task.id];
      const count = unread(view.messages[task.id], view.reads[task.id]);
      total += count;
      return {
        task,
        media,
        mediaText,
        display: customerDisplayName(view.config, task),
        timer: formatDuration(taskDuration(task, now, pause)),
        paused: pause?.since !== undefined,
        unread: count,
      };
    });
    this.#rendered = tasks.map((t) => t.id);
    const empty = rows.length === 0;
    this.#ticker.active = !empty && !this.collapsed;
    this.setStates(STATES, [
      this.collapsed ? 'collapsed' : undefined,
      empty ? 'empty' : undefined,
      total > 0 ? 'unread' : undefined,
    ]);
    const ids = new Set(this.#rendered);
    const tabbable =
      this.#focusId && ids.has(this.#focusId)
        ? this.#focusId
        : view.selectedTaskId && ids.has(view.selectedTaskId)
          ? view.selectedTaskId
          : this.#rendered[0];
    this.#tabbable = tabbable;
    const count = rows.length;
    const expanded = !this.collapsed;
    const words: RowWords = {
      duration: msg('duration', { id: 'task-list.duration' }),
      paused: html`<span class="visually-hidden">, ${msg('paused during the voice call', { id: 'task-list.paused' })}</span>`,
    };

    return html`
      <div class="header" part="header">
        <button
          part="toggle"
          class="toggle"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="tasks"
          title=${expanded
            ? msg('Collapse the task list', { id: 'task-list.collapse' })
            : msg('Expand the task list', { id: 'task-list.expand' })}
          @click=${this.#toggle}
        >
          ${icon(expanded ? 'chevron-down' : 'chevron-right', 'chevron')}<span class="title"
            >${msg(str`Tasks (${count})`, { id: 'task-list.title' })}</span
          >${total > 0
            ? html`<span class="unread total" part="unread unread-total"
                ><span aria-hidden="true">${total}</span><span class="visually-hidden">, ${unreadText(total)}</span></span
              >`
            : nothing}
        </button>
      </div>
      ${empty
        ? html`<div class="empty" part="empty" id="tasks" ?hidden=${!expanded}>
            ${icon('inbox')}
            <span>
              <strong>${msg('No active tasks', { id: 'task-list.empty' })}</strong><br />
              <span class="hint">${msg('Set Ready to receive offers.', { id: 'task-list.empty-hint' })}</span>
            </span>
          </div>`
        : html`<div
            class="list"
            id="tasks"
            role="listbox"
            aria-label=${msg('Task list', { id: 'task-list.list' })}
            ?hidden=${!expanded}
            @click=${this.#onClick}
            @keydown=${this.#onKeydown}
            @focusin=${this.#onFocusin}
          >
            ${expanded
              ? repeat(
                  rows,
                  (r) => r.task.id,
                  (r) => this.#renderRow(r, words, r.task.id === view.selectedTaskId, r.task.id === tabbable),
                )
              : nothing}
          </div>`}
    `;
  }

  /**
   * One row, as one flat template (it renders hundreds of times a second in a busy list). No white
   * space between the parts: screen readers hear the row as one phrase, joined by the hidden commas
   * ("Chat, Sales, duration 4:05, Alice Martin, 3 unread messages").
   */
  #renderRow(r: RowView, words: RowWords, selected: boolean, tabbable: boolean) {
    return html`<div
      role="option"
      part="row"
      class="row"
      data-task-id=${r.task.id}
      data-media=${r.task.media}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${tabbable ? '0' : '-1'}
      ><span class="media">${mediaIcon(r.media?.kind ?? 'chat')}<span class="visually-hidden">${r.mediaText}, </span></span
      ><span class="queue" part="queue">${r.task.queue}</span
      ><span class=${r.paused ? 'timer paused' : 'timer'} part="timer"
        ><span class="visually-hidden">, ${words.duration} </span>${r.paused ? PAUSED_ICON : nothing}${r.timer}${r.paused
          ? words.paused
          : nothing}</span
      ><span class="name" part="name"><span class="visually-hidden">, </span>${r.display}</span
      >${r.unread > 0
        ? html`<span class="unread" part="unread"
            ><span aria-hidden="true">${r.unread}</span><span class="visually-hidden">, ${unreadText(r.unread)}</span></span
          >`
        : nothing}</div
    >`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const selected = this.#view.value?.selectedTaskId;
    // A row that had the focus left the list: the focus goes to the row that now takes the tab stop.
    if (this.#focusedBefore && !this.#rendered.includes(this.#focusedBefore) && !this.shadowRoot?.activeElement) {
      if (this.#tabbable) this.#row(this.#tabbable)?.focus();
    }
    this.#focusedBefore = undefined;
    // A task selected elsewhere (an accepted offer, a notification's Open) is scrolled into view, once
    // per frame at most (reading the layout forces it).
    if (selected !== this.#revealed && this.#revealFrame === undefined && !this.collapsed) {
      this.#revealFrame = requestAnimationFrame(() => {
        this.#revealFrame = undefined;
        const id = this.#view.value?.selectedTaskId;
        const row = id ? this.#row(id) : null;
        if (row || !id) this.#revealed = id;
        if (row) this.#reveal(row);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#revealFrame !== undefined) cancelAnimationFrame(this.#revealFrame);
    this.#revealFrame = undefined;
  }

  #row(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-task-id="${CSS.escape(id)}"]`);
  }

  /** Scrolls the list (and only the list) so that the row is in view. */
  #reveal(row: HTMLElement): void {
    const list = this.listEl;
    if (!list || list.scrollHeight <= list.clientHeight) return;
    const top = row.offsetTop;
    const bottom = top + row.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  #toggle = () => {
    this.collapsed = !this.collapsed;
  };

  /** Selects a task as the agent asked: the store shows it and clears its unread count (TASK-3). */
  #select(id: string): void {
    const store = this.activeStore;
    if (!store || !store.state.tasks[id]) return;
    store.selectTask(id);
    this.dispatchEvent(new DcTaskSelectEvent(id));
  }

  async #step(step: 1 | -1): Promise<void> {
    const id = this.activeStore?.selectAdjacent(step);
    if (!id) return;
    this.dispatchEvent(new DcTaskSelectEvent(id));
    await this.focusTask(id);
  }

  #rowOf(event: Event): HTMLElement | undefined {
    return event
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.getAttribute('role') === 'option');
  }

  #onClick = (event: MouseEvent) => {
    const id = this.#rowOf(event)?.dataset['taskId'];
    if (id) this.#select(id);
  };

  #onFocusin = (event: FocusEvent) => {
    const id = this.#rowOf(event)?.dataset['taskId'];
    if (id) this.#setFocusId(id);
  };

  /** Moves the tab stop; renders again only when it lands on another row. */
  #setFocusId(id: string): void {
    this.#focusId = id;
    if (id !== this.#tabbable) this.requestUpdate();
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = this.#rowOf(event)?.dataset['taskId'];
    const ids = this.#rendered;
    if (!current || ids.length === 0) return;
    const index = ids.indexOf(current);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#select(current);
      return;
    }
    const next = rovingIndex(event.key, index, ids.length, false);
    if (next === undefined) return;
    event.preventDefault();
    const id = ids[next]!;
    this.#setFocusId(id);
    this.#row(id)?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-task-list': DcTaskList;
  }
}
