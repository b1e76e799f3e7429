import { inLocale, msg, str, type DcLocale } from '../../i18n/localization.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ShortcutController } from '../../context/shortcuts.js';
import { TickerController } from '../../context/ticker.js';
import { DcTaskSelectEvent } from '../../events/events.js';
import type { DcConfig } from '../../model/config.js';
import type { MediaConfig } from '../../model/media.js';
import { taskListOrder, type Task } from '../../model/tasks.js';
import { icon } from '../../ui/icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { DcElement } from '../internal/dc-element.js';
import { inFrame, nextFrame, noteRequest } from '../internal/frame-updates.js';
import { renderRow, unread, unreadText, type ListView, type RowContext } from './rows.js';
import { styles } from './task-list.styles.js';


/**
 * From this many tasks on, the list is virtualised: only the rows near the view are in the DOM, so a
 * list of thousands renders and lays out a few dozen rows. Below it every row is in the DOM: a plain
 * keyed list of a few dozen rows costs less than the virtualizer's measuring, and the agent's usual
 * handful of tasks needs nothing brought into view.
 */
export const VIRTUAL_FROM = 100;

const STATES = ['collapsed', 'empty', 'unread'] as const;

type VirtualRows = typeof import('./virtual-rows.js');

/**
 * The virtualised rows' module, page-wide: loaded the first time a list reaches VIRTUAL_FROM tasks. A
 * failed load is forgotten (the next long list tries again); meanwhile that list renders every row.
 */
let virtualModule: VirtualRows | undefined;
let virtualLoad: Promise<VirtualRows> | undefined;
function loadVirtualRows(): Promise<VirtualRows> {
  virtualLoad ??= import('./virtual-rows.js').then(
    (m) => (virtualModule = m),
    (error: unknown) => {
      virtualLoad = undefined;
      throw error;
    },
  );
  return virtualLoad;
}

/** How many frames a virtualised list's rows may take to settle before `updateComplete` stops waiting. */
const ROWS_FRAMES = 30;

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
 * A long list (100 tasks or more) is virtualised: only the rows near the view are in the DOM, each
 * with its place in the list (`aria-posinset` of `aria-setsize`); a row the focus goes to is brought
 * into view first. Store changes are drawn in the next animation frame, all of them by one render, so
 * an Accept all of hundreds of offers renders the list once, not once per offer.
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
  @query('.rows') private rowsEl?: HTMLElement;

  #ticker = new TickerController(this);
  #view = this.select<ListView | undefined>((s, store) => ({
    config: store.config,
    tasks: s.tasks,
    messages: s.messages,
    reads: s.reads,
    selectedTaskId: s.selectedTaskId,
    pauses: s.pauses,
  }));

  /** The list order, its ids and each id's place, worked out once per change of the store's tasks. */
  #orderOf?: Readonly<Record<string, Task>>;
  #order: Task[] = [];
  #ids: string[] = [];
  #index = new Map<string, number>();
  /** The unread total, worked out once per change of the tasks, messages or reads. */
  #totalOf?: readonly [unknown, unknown, unknown];
  #total = 0;
  #mediaOf?: DcConfig;
  #media = new Map<string, MediaConfig>();
  /** The row that takes the tab stop (the last one focused), when it is still in the list. */
  #focusId?: string;
  #tabbable?: string;
  #revealed?: string;
  #revealFrame?: number;
  #focusedBefore?: string;

  /** Virtualised: the items the virtualizer has, and the range of rows it has in the DOM. */
  #virtualItems?: readonly Task[];
  #placedVirtualizer?: object;
  #range = { first: 0, last: -1 };
  /** Virtualised: ranges rendered so far, and whether the virtualizer has a list it has not rendered. */
  #ranges = 0;
  #awaitingRange = false;
  /** Virtualised: resolves once the rows of the last list are in the DOM and stay. */
  #rowsSettled?: Promise<void>;
  /** A long list waits for the virtualised rows' module (see loadVirtualRows); whether its load failed. */
  #virtualLoading?: Promise<void>;
  #virtualFailed = false;

  constructor() {
    super();
    new ShortcutController(this, 'tasks.next', () => void this.#step(1));
    new ShortcutController(this, 'tasks.previous', () => void this.#step(-1));
  }

  /**
   * Moves the keyboard focus to a task's row (the selected task's when no id is given), expanding the
   * list if it is collapsed and bringing the row into view. Resolves once the row has the focus (or
   * there is no such row).
   */
  async focusTask(taskId?: string): Promise<void> {
    const id = taskId ?? this.#view.value?.selectedTaskId;
    if (!id) return;
    this.collapsed = false;
    this.#setFocusId(id);
    await this.updateComplete;
    await this.#focusRow(id);
  }

  /** Tasks in list order; recomputed only when the store's tasks change. */
  #list(tasks: Readonly<Record<string, Task>>): Task[] {
    if (tasks !== this.#orderOf) {
      this.#orderOf = tasks;
      this.#order = taskListOrder(Object.values(tasks));
      this.#ids = this.#order.map((t) => t.id);
      this.#index = new Map(this.#ids.map((id, i) => [id, i]));
    }
    return this.#order;
  }

  /** The unread messages of every task in the list (TASK-5), counted once per change. */
  #unreadTotal(view: ListView, tasks: readonly Task[]): number {
    const of = this.#totalOf;
    if (!of || of[0] !== tasks || of[1] !== view.messages || of[2] !== view.reads) {
      this.#totalOf = [tasks, view.messages, view.reads];
      this.#total = tasks.reduce((n, t) => n + unread(view.messages[t.id], view.reads[t.id]), 0);
    }
    return this.#total;
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

  /**
   * Virtualised, the rows follow the element's render in the virtualizer's own updates, and settle as it
   * measures them: waits until they are in the DOM and stay.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#virtualLoading) {
      await this.#virtualLoading;
      result = await super.getUpdateComplete();
    }
    await this.#rowsSettled;
    return result;
  }

  /**
   * Whether a list this long renders virtualised rows now: once their module is here. The first long
   * list starts loading it and shows its first VIRTUAL_FROM rows meanwhile (a few milliseconds); if
   * the load fails, every row (slower to render, nothing missing).
   */
  #virtualReady(): boolean {
    if (virtualModule) return true;
    if (!this.#virtualLoading && !this.#virtualFailed) {
      this.#virtualLoading = loadVirtualRows().then(
        () => undefined,
        (error: unknown) => {
          this.#virtualFailed = true;
          console.warn('[dc-widgets] The task list renders every row: its virtualised rows could not be loaded', error);
        },
      );
      void this.#virtualLoading.then(() => {
        this.#virtualLoading = undefined;
        this.requestUpdate();
      });
    }
    return false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A row that had the focus and is about to leave (its task ended): the focus moves on in updated().
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    this.#focusedBefore = active?.dataset['taskId'] ?? this.#focusedBefore;
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) {
      this.#ticker.active = false;
      this.#virtualItems = undefined;
      return html`<span class="unavailable">${msg('Tasks unavailable', { id: 'task-list.unavailable' })}</span>`;
    }
    const tasks = this.#list(view.tasks);
    const total = this.#unreadTotal(view, tasks);
    const count = tasks.length;
    const empty = count === 0;
    const expanded = !this.collapsed;
    this.#ticker.active = !empty && expanded;
    this.setStates(STATES, [
      this.collapsed ? 'collapsed' : undefined,
      empty ? 'empty' : undefined,
      total > 0 ? 'unread' : undefined,
    ]);
    const tabbable =
      this.#focusId && this.#index.has(this.#focusId)
        ? this.#focusId
        : view.selectedTaskId && this.#index.has(view.selectedTaskId)
          ? view.selectedTaskId
          : this.#ids[0];
    this.#tabbable = tabbable;
    const long = expanded && count >= VIRTUAL_FROM;
    const virtual = long && this.#virtualReady();
    if (!virtual) this.#virtualItems = undefined;
    else if (tasks !== this.#virtualItems) this.#awaitRows(tasks);
    const ctx: RowContext = {
      view,
      now: this.activeStore!.now(),
      setSize: count,
      tabbable,
      labels: new Map(),
      mediaOf: (id) => this.#mediaConfig(view.config, id),
      words: {
        duration: msg('duration', { id: 'task-list.duration' }),
        paused: html`<span class="visually-hidden">, ${msg('paused during the voice call', { id: 'task-list.paused' })}</span>`,
      },
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
            @focus=${this.#onListFocus}
          >
            ${!expanded
              ? nothing
              : virtual
                ? this.#virtualRows(tasks, ctx, this.renderLocale)
                : repeat(
                    long && !this.#virtualFailed ? tasks.slice(0, VIRTUAL_FROM) : tasks,
                    (t) => t.id,
                    (t, i) => renderRow(t, i, ctx),
                  )}
          </div>`}
    `;
  }

  /**
   * The virtualised rows. The virtualizer renders rows in its own updates (a new list, a scroll),
   * outside this element's: in this element's language.
   */
  #virtualRows(tasks: Task[], ctx: RowContext, locale: DcLocale) {
    return virtualModule!.virtualRows(tasks, (t, i) => inLocale(locale, () => renderRow(t, i, ctx)), this.#onRange);
  }

  /**
   * A new list for the virtualizer: `updateComplete` waits until it has rendered its rows and a frame
   * has gone by with no new range (each frame it measures the rows it rendered, and may render more).
   */
  #awaitRows(tasks: readonly Task[]): void {
    this.#virtualItems = tasks;
    this.#awaitingRange = true;
    this.#rowsSettled ??= (async () => {
      for (let i = 0; i < ROWS_FRAMES; i++) {
        const seen = this.#ranges;
        await nextFrame();
        if (!this.#awaitingRange && this.#ranges === seen) break;
      }
      this.#rowsSettled = undefined;
      this.#restoreFocus();
    })();
  }

  /** The virtualizer put a range of rows in the DOM (it renders them right after this event). */
  #onRange = (event: RangeChangedEvent) => {
    this.#range = { first: event.first, last: event.last };
    this.#ranges++;
    this.#awaitingRange = false;
    this.#placeListTabStop();
  };

  /**
   * Virtualised, the list itself is the tab stop while the tab stop's row is not in the DOM: focusing
   * it brings the row in (#onListFocus). Set here, not in the template, so that rows coming and going
   * as the agent scrolls cost no render.
   */
  #placeListTabStop(): void {
    const list = this.listEl;
    if (!list) return;
    const index = this.#tabbable === undefined ? -1 : (this.#index.get(this.#tabbable) ?? -1);
    const out = !!this.rowsEl && index >= 0 && (index < this.#range.first || index > this.#range.last);
    if (out) list.setAttribute('tabindex', '0');
    else list.removeAttribute('tabindex');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Lit fills a new template before it puts it in the page, so a virtualizer made for new rows looked
    // for the boxes that scroll and clip it while it had no parents, and found none: once it is in the
    // page it looks again (the list that scrolls it, the window).
    const virtualizer = this.#virtualizer();
    if (virtualizer && virtualizer !== this.#placedVirtualizer && this.rowsEl?.isConnected) {
      this.#placedVirtualizer = virtualizer;
      virtualizer.disconnected();
      virtualizer.connected();
      this.#awaitRows(this.#order);
    }
    const selected = this.#view.value?.selectedTaskId;
    this.#placeListTabStop();
    // Virtualised, the rows are not all there yet: the focus is seen to once they are (#awaitRows).
    if (!this.#rowsSettled) this.#restoreFocus();
    // A task selected elsewhere (an accepted offer, a notification's Open) is scrolled into view, once
    // per frame at most (reading the layout forces it).
    if (selected !== this.#revealed && this.#revealFrame === undefined && !this.collapsed) {
      this.#revealFrame = requestAnimationFrame(() => {
        this.#revealFrame = undefined;
        const id = this.#view.value?.selectedTaskId;
        // Tried again at the next update if its row is not there yet.
        if (!id || this.#row(id) || this.rowsEl) {
          this.#revealed = id;
          if (id) void this.#bringIntoView(id);
        }
      });
    }
  }

  /**
   * A row that had the focus left the list (its task ended), and the focus fell to the page: it goes to
   * the row that now takes the tab stop.
   */
  #restoreFocus(): void {
    const before = this.#focusedBefore;
    this.#focusedBefore = undefined;
    if (!before || this.shadowRoot?.activeElement || this.#index.has(before)) return;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && this.#tabbable) this.#row(this.#tabbable)?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#revealFrame !== undefined) cancelAnimationFrame(this.#revealFrame);
    this.#revealFrame = undefined;
  }

  #row(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-task-id="${CSS.escape(id)}"]`);
  }

  #virtualizer(): { connected(): void; disconnected(): void } | undefined {
    return virtualModule?.virtualizerOf(this.rowsEl);
  }

  /** Scrolls the list (and only the list) so that the row is in view. */
  #reveal(row: HTMLElement): void {
    const list = this.listEl;
    if (!list || list.scrollHeight <= list.clientHeight) return;
    const top = row.getBoundingClientRect().top - list.getBoundingClientRect().top - list.clientTop + list.scrollTop;
    const bottom = top + row.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  /**
   * Scrolls the list so that a task's row is in view and returns the row. Virtualised, a row out of the
   * DOM is first scrolled to where it will be, and returned once the virtualizer has rendered it (a few
   * frames at most).
   */
  async #bringIntoView(id: string): Promise<HTMLElement | null> {
    let row = this.#row(id);
    const index = this.#index.get(id);
    if (!row && index !== undefined && this.rowsEl) {
      this.#scrollToIndex(index);
      for (let i = 0; i < 10 && !(row = this.#row(id)); i++) await nextFrame();
    }
    if (row) this.#reveal(row);
    return row;
  }

  async #focusRow(id: string): Promise<void> {
    (await this.#bringIntoView(id))?.focus();
  }

  /** Virtualised: scrolls a row that is not in the DOM to where it will be, so that it is rendered. */
  #scrollToIndex(index: number): void {
    const list = this.listEl;
    const rows = this.rowsEl;
    if (list && rows) virtualModule?.scrollToIndex(list, rows, index, this.#ids.length);
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

  /** The list itself took the focus (virtualised, its tab stop's row was out of the DOM): on to the row. */
  #onListFocus = (event: FocusEvent) => {
    if (event.target === event.currentTarget && this.#tabbable) void this.#focusRow(this.#tabbable);
  };

  /** Moves the tab stop; renders again only when it lands on another row. */
  #setFocusId(id: string): void {
    this.#focusId = id;
    if (id !== this.#tabbable) this.requestUpdate();
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = this.#rowOf(event)?.dataset['taskId'];
    const ids = this.#ids;
    if (!current || ids.length === 0) return;
    const index = this.#index.get(current) ?? -1;
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
    void this.#focusRow(id);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-task-list': DcTaskList;
  }
}
