import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { quietResizeObservers } from '../../ui/resize-observer.js';
import { ScrollFollowController } from '../../context/scroll-follow.js';
import { TickerController } from '../../context/ticker.js';
import { getLocale, inLocale } from '../../i18n/localization.js';
import { mediaLabel } from '../../i18n/labels.js';
import type { DcConfig } from '../../model/config.js';
import { mediaMarkup } from '../../model/draft.js';
import { customerDisplayName, taskDuration, type Message, type Task, type TaskPause } from '../../model/tasks.js';
import { buildThreadRows, rowsAfter, type ThreadRow, type ThreadRows } from '../../model/thread.js';
import { initials } from '../../model/message-text.js';
import { shownText } from '../../model/text.js';
import { formatDuration } from '../../model/time.js';
import type { Workflow } from '../../model/workflows.js';
import type { HistoryState, KitConnection, OutboxEntry, TransferEntry } from '../../store/state.js';
import { targetLabel } from '../../model/transfer.js';
import { icon, MEDIA_ICONS } from '../../ui/conversation-icons.js';
import { buttonStyles } from '../../styles/controls.js';
import { DcBeforeDiscardEvent, DcBeforeRetryEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import { styles } from './chat-thread.styles.js';
import { GONE, isIncoming, renderRow, type RowContext } from './rows.js';
import * as words from './words.js';

// The virtualizer's harmless ResizeObserver loop notices never reach the page's error reporters.
quietResizeObservers();

/** What the thread selects: the slices of the task on show only, so other tasks' news never re-render it. */
interface ThreadView {
  readonly config: DcConfig;
  readonly task: Task | undefined;
  readonly messages: readonly Message[] | undefined;
  readonly history: HistoryState | undefined;
  /** The task's messages in the outbox, oldest first. */
  readonly pending: readonly OutboxEntry[];
  readonly typing: boolean;
  readonly pause: TaskPause | undefined;
  readonly connection: KitConnection;
  /** The catalogue's workflows: their names, in the agent's language, in workflow announcements. */
  readonly workflows: readonly Workflow[];
  /** A transfer under way or failed (XFER-4). */
  readonly transfer: TransferEntry | undefined;
}

const STATES = ['empty', 'loading', 'failed', 'typing', 'scrolled-up', 'new-messages'] as const;

const NO_ENTRIES: readonly OutboxEntry[] = [];

/**
 * The conversation of a task (PANE-1..5): the whole history with the customer — earlier interactions
 * with other agents (each behind an "Earlier conversation" separator, PANE-5), the bot's part before the
 * hand-off, and this task's messages — then what the agent sent that the server does not hold yet.
 *
 * The header names the customer (the media's display field), the queue and the task's running time.
 * Customer messages sit on the left in grey bubbles with the customer's initials; agent messages (this
 * agent's and earlier agents') on the right in solid blue bubbles; the bot's on the right in a dashed,
 * labelled bubble. Every bubble shows its sender and date (the time alone today). Message text is shown
 * exactly as written, never as markup; web and e-mail addresses become links that open in a new tab.
 * Pictures show as thumbnails; other files as download links with their size. Announcements (agent
 * joined or left, hand-off, transfer, journey, workflow audit, customer left, conversation closed) sit
 * centred between the messages (PANE-3). Under every outgoing message is its receipt — sending, sent,
 * delivered, read — or, when it failed, the reason with Retry (and Discard for a message the server
 * never took): a retried message is delivered once (PANE-4).
 *
 * The earlier conversation loads when the thread first shows a task: a loading line, then on failure
 * the reason and Retry (PANE-1).
 *
 * The list is virtualised: a thread of thousands of messages keeps a few hundred nodes. It opens at
 * the newest message and stays there as messages arrive while the agent is at the bottom (the
 * scroll-follow controller, src/context/scroll-follow.ts); scrolled up, the view stays put and a
 * "New messages (n)" button goes back down. The scroll area is one Tab stop
 * (arrows, Page Up/Down, Home, End); new customer messages are read out politely by screen readers;
 * "… is typing" shows while the customer types.
 *
 * @summary A task's conversation: history, bubbles, announcements, receipts and Retry.
 *
 * @csspart header - The bar with the customer, queue and timer.
 * @csspart avatar - An avatar (the customer's initials; the bot's icon).
 * @csspart title - The customer's name in the header.
 * @csspart queue - The queue in the header.
 * @csspart timer - The task's running time in the header.
 * @csspart history-status - The line saying the earlier conversation is loading, or why it failed.
 * @csspart history-retry - Its Retry button.
 * @csspart log - The scrolling conversation.
 * @csspart row - Every row of the conversation (also `message`, `announcement`, `day`, `interaction`).
 * @csspart bubble - A message's bubble (also `customer-bubble`, `agent-bubble`, `bot-bubble`, `internal-bubble` for an internal note between agents).
 * @csspart transfer-status - The line saying a transfer is under way, or failed (XFER-4).
 * @csspart transfer-retry - Retry on a failed transfer's line.
 * @csspart sender - A message's sender.
 * @csspart time - A message's or announcement's date and time.
 * @csspart attachment - A file or picture in a bubble.
 * @csspart held-picture - A customer's picture from a remote address, not fetched until the agent asks.
 * @csspart load-image - Its "Load image" button.
 * @csspart receipt - An outgoing message's receipt.
 * @csspart failure - A failed message's reason and buttons.
 * @csspart retry - Retry on a failed message.
 * @csspart discard - Discard on a message the server refused.
 * @csspart new-messages - The "New messages (n)" button.
 * @csspart typing - "… is typing".
 * @csspart empty - Shown when there is no task to show.
 *
 * @cssstate empty - No task to show.
 * @cssstate loading - The earlier conversation is loading.
 * @cssstate failed - The earlier conversation could not be loaded.
 * @cssstate typing - The customer is typing.
 * @cssstate scrolled-up - The agent scrolled away from the newest message.
 * @cssstate new-messages - Messages arrived below the view.
 *
 * @cssprop --dc-bubble-agent-bg - Agent bubbles' background (the accent colour by default).
 * @cssprop --dc-bubble-agent-color - Agent bubbles' text (the accent text colour by default).
 * @cssprop --dc-bubble-customer-bg - Customer bubbles' background (the raised surface by default).
 * @cssprop --dc-bubble-customer-color - Customer bubbles' text.
 * @cssprop --dc-bubble-bot-bg - Bot bubbles' background (the info surface by default).
 * @cssprop --dc-bubble-bot-color - Bot bubbles' text.
 * @cssprop --dc-bubble-internal-bg - Internal notes' background (the warning surface by default).
 * @cssprop --dc-bubble-internal-color - Internal notes' text.
 * @cssprop --dc-chat-thread-bubble-max-width - The widest a bubble gets (75% by default).
 */
@customElement('dc-chat-thread')
export class DcChatThread extends DcElement {
  static override styles = [...DcElement.styles, buttonStyles('button'), styles];

  /** The task to show; the selected task when left out. */
  @property({ attribute: 'task-id' }) taskId?: string;

  #ticker = new TickerController(this);
  #view = this.select<ThreadView>((s, store) => {
    const id = this.taskId ?? s.selectedTaskId;
    return {
      config: store.config,
      task: id === undefined ? undefined : s.tasks[id],
      messages: id === undefined ? undefined : s.messages[id],
      history: id === undefined ? undefined : s.history[id],
      pending: this.#pendingOf(s.outbox, id),
      typing: id !== undefined && s.typing[id] !== undefined,
      pause: id === undefined ? undefined : s.pauses[id],
      connection: s.connection,
      workflows: s.catalogue.value.workflows,
      transfer: id === undefined ? undefined : s.transfers[id],
    };
  });

  /** The last outbox seen and the task's entries in it: the same array while they do not change. */
  #outbox: { from?: Readonly<Record<string, OutboxEntry>>; taskId?: string; entries: readonly OutboxEntry[] } = { entries: NO_ENTRIES };

  /** The rows of the task on show, extended as its conversation moves on, and what they share. */
  #built?: ThreadRows;
  #ctx?: RowContext;
  /** The task on show. */
  #shown?: string;
  /** Keeps the view at the newest message while the agent is there. */
  #follow = new ScrollFollowController(this, {
    onChange: (following) => {
      // Scrolled up: what comes after the last row they had is new.
      this.#seenKey = following ? undefined : this.#built?.rows[this.#built.rows.length - 1]?.key;
      this.requestUpdate();
    },
  });
  /** The customers' pictures the agent asked to see (`message id/attachment id`), a new set each time. */
  #loadedImages: ReadonlySet<string> = new Set();
  /** The last row the agent had seen when they scrolled up. */
  #seenKey?: string;
  #pendingKeys = new Set<string>();
  /** The customer messages already known (only later ones are read out). */
  #heard = { taskId: undefined as string | undefined, count: 0 };
  #live = '';

  /** Goes to the newest message and follows new ones again (what "New messages (n)" and End do). */
  scrollToLatest(): void {
    this.#follow.follow();
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) {
      this.#ticker.active = false;
      return html`<span class="empty">${words.unavailableWords()}</span>`;
    }
    const task = view.task;
    if (!task) {
      this.#ticker.active = false;
      this.#shown = undefined;
      this.setStates(STATES, ['empty']);
      return html`<div class="empty" part="empty">${icon('messages-square')}<span>${words.emptyWords()}</span></div>`;
    }
    if (task.id !== this.#shown) this.#open(task.id);
    this.#ticker.active = task.endedAt === undefined;

    // Shown as text from outside the kit (HOSTILE-17); the thread's CSS isolates where it stands.
    const customer = shownText(customerDisplayName(view.config, task));
    const history = view.history;
    const rows = this.#rowsFor(task.id, view);
    const live = this.#hear(task.id, view.messages, customer);
    const loading = !history || history.status === 'loading';
    const failed = history?.status === 'failed';
    const following = this.#follow.following;
    const fresh = following ? 0 : rowsAfter(rows, this.#seenKey, isIncoming);
    this.setStates(STATES, [
      loading ? 'loading' : undefined,
      failed ? 'failed' : undefined,
      view.typing ? 'typing' : undefined,
      following ? undefined : 'scrolled-up',
      fresh > 0 ? 'new-messages' : undefined,
    ]);
    const now = this.activeStore!.now();
    const locale = getLocale();
    const ctx = this.#contextFor({
      locale,
      customer,
      customerInitials: initials(task.customer['name'] || customer),
      agentName: view.config.agent.name,
      today: new Date(now).setHours(0, 0, 0, 0),
      offline: view.connection !== 'online',
      markup: mediaMarkup(view.config.media.find((m) => m.id === task.media)),
      workflows: view.workflows,
      remoteImages: view.config.remoteImages,
      loadedImages: this.#loadedImages,
    });

    // Written without white space between the parts: every text node counts in a long conversation.
    const log = keyed(
      task.id,
      html`<div
        class="log"
        part="log"
        role="region"
        tabindex="0"
        aria-label=${words.logLabel(customer)}
        ${ref(this.#follow.attach)}
        @click=${this.#onClick}
      >${guard([rows, ctx], () =>
        virtualize<ThreadRow>({
          items: rows as ThreadRow[],
          // A range computed for a longer list may briefly reach past the end of a shorter one.
          keyFunction: (row, i) => row?.key ?? `gone:${i}`,
          // The virtualizer renders the rows of its range again on each of its updates, outside this
          // element's: each row only when it or the context changed, in the element's language.
          // (A directive is a child value like a template; the virtualizer's type says template.)
          renderItem: (row) =>
            row ? (guard([row, ctx], () => inLocale(ctx.locale, () => renderRow(row, ctx))) as unknown as TemplateResult) : GONE,
          scroller: true,
          layout: this.#follow.layout,
        }),
      )}</div>`,
    );
    const status = loading ? this.#loadingLine() : failed ? this.#failedLine(history!.reason) : nothing;
    const none = rows.length === 0 && !loading ? html`<p class="none">${words.noMessagesWords()}</p>` : nothing;
    const jump =
      fresh > 0
        ? html`<button type="button" class="jump primary" part="new-messages" @click=${this.#onJump}>${icon('arrow-down')}${words.newMessagesWords(fresh)}</button>`
        : nothing;
    const typing = view.typing
      ? html`<span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>${words.typingWords(customer)}`
      : nothing;
    return html`${this.#header(view, task, ctx, now)}${status}${this.#transferLine(view, task)}${log}${none}${jump}<div class="typing" part="typing">${typing}</div><div class="visually-hidden" aria-live="polite">${live}</div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // PANE-1: the earlier conversation is asked for the first time a task shows (Retry asks again).
    const store = this.activeStore;
    const id = this.taskId ?? store?.state.selectedTaskId;
    if (store && id && store.state.tasks[id] && !store.state.history[id]) store.loadHistory(id);
  }

  /** The rows' context: the last one while nothing in it changed. */
  #contextFor(next: RowContext): RowContext {
    const last = this.#ctx;
    const same = last && (Object.keys(next) as (keyof RowContext)[]).every((k) => last[k] === next[k]);
    if (!same) this.#ctx = next;
    return this.#ctx!;
  }

  /** A task comes on show: it opens at its newest message, with nothing counted as new. */
  #open(taskId: string): void {
    this.#shown = taskId;
    this.#follow.reset();
    this.#seenKey = undefined;
    this.#pendingKeys = new Set();
  }

  /** The task's outbox entries, oldest first; the same array as last time when they are the same. */
  #pendingOf(outbox: Readonly<Record<string, OutboxEntry>>, taskId: string | undefined): readonly OutboxEntry[] {
    const last = this.#outbox;
    if (last.from === outbox && last.taskId === taskId) return last.entries;
    const entries = taskId === undefined ? NO_ENTRIES : Object.values(outbox).filter((e) => e.taskId === taskId);
    const same = entries.length === last.entries.length && entries.every((e, i) => e === last.entries[i]);
    this.#outbox = { from: outbox, taskId, entries: same ? last.entries : entries.length ? entries : NO_ENTRIES };
    return this.#outbox.entries;
  }

  #rowsFor(taskId: string, view: ThreadView): readonly ThreadRow[] {
    const before = this.#built;
    this.#built = buildThreadRows(
      { taskId, history: view.history?.messages, messages: view.messages, pending: view.pending },
      this.#built,
    );
    if (this.#built !== before && this.#built.pending !== before?.pending) this.#followOwnSends(this.#built.pending);
    return this.#built.rows;
  }

  /** The agent just sent a message: the view goes down to it. */
  #followOwnSends(pending: readonly ThreadRow[]): void {
    const keys = new Set<string>();
    let sent = false;
    for (const row of pending) {
      if (row.kind !== 'pending') continue; // a day separator before them
      keys.add(row.key);
      if (!this.#pendingKeys.has(row.key) && row.entry.status !== 'failed') sent = true;
    }
    this.#pendingKeys = keys;
    if (sent && !this.#follow.following) this.#follow.follow();
  }

  /** Words for the polite live region: the customer messages that arrived since the last render. */
  #hear(taskId: string, messages: readonly Message[] | undefined, customer: string): string {
    const list = messages ?? [];
    if (this.#heard.taskId !== taskId) {
      this.#heard = { taskId, count: list.length };
      this.#live = '';
      return this.#live;
    }
    if (list.length > this.#heard.count) {
      const fresh = list.slice(this.#heard.count).filter((m) => m.from === 'customer');
      if (fresh.length > 0) this.#live = fresh.map((m) => words.liveWords(customer, m)).join('\n');
    }
    this.#heard.count = list.length;
    return this.#live;
  }

  // -------------------------------------------------------------------------------------------------
  // Header and history status

  #header(view: ThreadView, task: Task, ctx: RowContext, now: number): TemplateResult {
    const media = view.config.media.find((m) => m.id === task.media);
    const timer = formatDuration(taskDuration(task, now, view.pause));
    return html`<div class="header" part="header"><span class="avatar" part="avatar" aria-hidden="true">${ctx.customerInitials || icon('user')}</span><div class="who"><span class="title" part="title">${ctx.customer}</span><span class="queue" part="queue">${icon(MEDIA_ICONS[media?.kind ?? 'chat'])}<span class="visually-hidden">${mediaLabel(view.config, task.media)}, </span><bdi>${shownText(task.queue)}</bdi></span></div><span class="timer" part="timer" role="timer"><span class="visually-hidden">${words.durationWords()} </span>${timer}</span></div>`;
  }

  #loadingLine(): TemplateResult {
    return html`<div class="status" part="history-status" role="status">
      ${icon('loader-circle')}<span class="message">${words.loadingWords()}</span>
    </div>`;
  }

  /** XFER-4: a transfer under way (End and Send wait), or refused (the agent keeps the task). */
  #transferLine(view: ThreadView, task: Task): TemplateResult | typeof nothing {
    const transfer = view.transfer;
    if (!transfer) return nothing;
    const media = view.config.media.find((m) => m.id === task.media);
    const point = media?.transferTargets.find((t) => t.id === transfer.target);
    const target = point ? targetLabel(point, getLocale()) : transfer.target;
    if (transfer.status === 'pending') {
      return html`<div class="status transfer" part="transfer-status" role="status">${icon('loader-circle', 'icon spin')}<span class="message">${words.transferPendingWords(target)}</span></div>`;
    }
    return html`<div class="status failed transfer" part="transfer-status" role="alert">
      ${icon('circle-alert')}<span class="message">${words.transferFailedWords(target, transfer.reason ?? '')}</span>
      <button type="button" part="transfer-retry" ?disabled=${view.connection !== 'online'} @click=${() => this.activeStore?.retryTransfer(task.id)}>${icon('refresh-cw')}${words.retryWords()}</button>
    </div>`;
  }

  #failedLine(reason: string | undefined): TemplateResult {
    return html`<div class="status failed" part="history-status" role="alert">
      ${icon('circle-alert')}<span class="message">${words.historyFailedWords(reason)}</span>
      <button type="button" part="history-retry" @click=${this.#retryHistory}>${icon('refresh-cw')}${words.retryWords()}</button>
    </div>`;
  }

  // -------------------------------------------------------------------------------------------------
  // Actions

  #retryHistory = (event: Event) => {
    if (this.#shown) this.activeStore?.loadHistory(this.#shown);
    this.#keepFocus(event.currentTarget as HTMLElement);
  };

  /** A button that had the focus is about to leave (its row changed): the focus goes to the conversation. */
  #keepFocus(button: HTMLElement): void {
    if (this.shadowRoot?.activeElement === button) this.renderRoot.querySelector<HTMLElement>('[part~="log"]')?.focus({ preventScroll: true });
  }

  #onClick = (event: MouseEvent) => {
    const button = event
      .composedPath()
      .find((n): n is HTMLButtonElement => n instanceof HTMLButtonElement && n.dataset['action'] !== undefined);
    const id = button?.dataset['id'];
    const store = this.activeStore;
    const taskId = this.#shown;
    if (!button || !id || !store || !taskId) return;
    if (button.dataset['action'] === 'load-image') {
      this.#loadedImages = new Set([...this.#loadedImages, id]);
      this.requestUpdate();
    } else if (button.dataset['action'] === 'retry') {
      this.intend(new DcBeforeRetryEvent({ taskId, id }), (d) => store.retry(d.id));
    } else if (button.dataset['action'] === 'discard') {
      this.intend(new DcBeforeDiscardEvent({ taskId, clientId: id }), (d) => store.discard(d.clientId));
    }
    this.#keepFocus(button);
  };

  #onJump = (event: Event) => {
    this.#follow.follow();
    this.#keepFocus(event.currentTarget as HTMLElement);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-chat-thread': DcChatThread;
  }
}
