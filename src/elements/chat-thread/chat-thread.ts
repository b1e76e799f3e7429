import { msg, str, getLocale, inLocale } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { TickerController } from '../../context/ticker.js';
import { mediaLabel } from '../../i18n/labels.js';
import { formatBytes } from '../../model/attachments.js';
import { fromChannelMarkup, textRuns, type MarkupFlavour, type TextStyle } from '../../model/compose.js';
import type { DcConfig } from '../../model/config.js';
import { mediaMarkup } from '../../model/draft.js';
import {
  customerDisplayName,
  taskDuration,
  type Message,
  type MessageAttachment,
  type Receipt,
  type Task,
  type TaskPause,
} from '../../model/tasks.js';
import {
  canRetry,
  dayKey,
  initials,
  isPicture,
  linkify,
  rowReceipt,
  rowsAfter,
  safeUrl,
  threadRows,
  type AnnouncementRow,
  type HandoffRow,
  type MessageRow,
  type PendingRow,
  type TextSegment,
  type ThreadRow,
} from '../../model/thread.js';
import { formatDuration } from '../../model/time.js';
import type { HistoryState, KitConnection, OutboxEntry } from '../../store/state.js';
import { icon, MEDIA_ICONS, type IconName } from '../../ui/icons.js';
import { buttonStyles } from '../../styles/controls.js';
import { DcBeforeDiscardEvent, DcBeforeRetryEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import { styles } from './chat-thread.styles.js';

interface ThreadView {
  config: DcConfig;
  tasks: Readonly<Record<string, Task>>;
  messages: Readonly<Record<string, readonly Message[]>>;
  history: Readonly<Record<string, HistoryState>>;
  outbox: Readonly<Record<string, OutboxEntry>>;
  typing: Readonly<Record<string, number>>;
  pauses: Readonly<Record<string, TaskPause>>;
  connection: KitConnection;
  selectedTaskId: string | undefined;
}

/** What every row of one render shares. */
interface RowContext {
  readonly customer: string;
  readonly customerInitials: string;
  readonly agentName: string;
  readonly now: number;
  readonly offline: boolean;
  /**
   * The markup the agent's messages are sent in (COMP-9): shown styled, markers gone, so the agent sees
   * what the customer's app shows. A customer's text is always shown exactly as typed (PANE-2).
   */
  readonly markup: MarkupFlavour;
}

/** A file in a bubble: a server attachment (with its URL) or one of a message not sent yet. */
type FileView = Pick<MessageAttachment, 'id' | 'name' | 'type' | 'size'> & Partial<Pick<MessageAttachment, 'url' | 'thumbnailUrl'>>;

const STATES = ['empty', 'loading', 'failed', 'typing', 'scrolled-up', 'new-messages'] as const;

/** How close to the end (px) still counts as "at the newest message". */
const BOTTOM_SLACK = 24;
/** How long after the agent's last wheel, key or pointer action a scroll still counts as theirs (ms). */
const USER_SCROLL_MS = 400;

const RECEIPT_ICONS: Readonly<Record<Receipt, IconName>> = {
  sending: 'clock',
  sent: 'check',
  delivered: 'check-check',
  read: 'check-check',
  failed: 'circle-alert',
};


/** Stands in for a row that left the list, until the virtualizer renders its new range. */
const GONE = html`<div class="row"></div>`;

/** Segments of a message's text, computed once per message (messages are immutable in the store). */
/** A piece of a message in one style (or none), cut into text and links. */
interface StyledRun {
  readonly style?: TextStyle;
  readonly segments: readonly TextSegment[];
}

/** The message's markup read as styles (COMP-9), each run linkified; worked out once per message. */
const runsOf = new WeakMap<object, { markup: MarkupFlavour; runs: StyledRun[] }>();
function styledRuns(owner: object, text: string, markup: MarkupFlavour): StyledRun[] {
  const found = runsOf.get(owner);
  if (found?.markup === markup) return found.runs;
  const read = fromChannelMarkup(text, markup);
  const runs = textRuns(read.text.length, read.spans).map((r) => ({
    ...(r.style ? { style: r.style } : {}),
    segments: linkify(read.text.slice(r.start, r.end)),
  }));
  runsOf.set(owner, { markup, runs });
  return runs;
}


/** Date and time formats, per locale. */
interface Formats {
  readonly time: Intl.DateTimeFormat;
  readonly date: Intl.DateTimeFormat;
  readonly dateThisYear: Intl.DateTimeFormat;
  readonly day: Intl.DateTimeFormat;
  readonly full: Intl.DateTimeFormat;
}
const formats = new Map<string, Formats>();
function formatsFor(locale: string): Formats {
  let f = formats.get(locale);
  if (!f) {
    const clock = { hour: 'numeric', minute: '2-digit' } as const;
    f = {
      time: new Intl.DateTimeFormat(locale, clock),
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', ...clock }),
      dateThisYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...clock }),
      day: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }),
    };
    formats.set(locale, f);
  }
  return f;
}

function receiptWords(receipt: Receipt, queued: boolean): string {
  switch (receipt) {
    case 'sending':
      return queued
        ? msg('Sending when the connection returns', { id: 'thread.receipt.queued' })
        : msg('Sending…', { id: 'thread.receipt.sending' });
    case 'sent':
      return msg('Sent', { id: 'thread.receipt.sent' });
    case 'delivered':
      return msg('Delivered', { id: 'thread.receipt.delivered' });
    case 'read':
      return msg('Read', { id: 'thread.receipt.read' });
    case 'failed':
      return msg('Not delivered', { id: 'thread.receipt.failed' });
  }
}

/** An announcement in the agent's language (PANE-3), with its icon and look. */
function announcementWords(message: Message, customer: string): { text: string; icon: IconName; look?: string } {
  const a = message.announcement;
  const p = a?.params ?? {};
  const name = p['name'];
  switch (a?.code) {
    case 'joined':
      return {
        icon: 'user-plus',
        text: name
          ? msg(str`${name} joined the conversation`, { id: 'thread.announce.joined' })
          : msg('An agent joined the conversation', { id: 'thread.announce.joined-anonymous' }),
      };
    case 'left':
      return {
        icon: 'log-out',
        text: name
          ? msg(str`${name} left the conversation`, { id: 'thread.announce.left' })
          : msg('An agent left the conversation', { id: 'thread.announce.left-anonymous' }),
      };
    case 'handoff':
      return { icon: 'bot', text: handoffWords(name) };
    case 'transferred': {
      const to = p['to'];
      return {
        icon: 'arrow-right-left',
        text: to
          ? msg(str`Conversation transferred to ${to}`, { id: 'thread.announce.transferred' })
          : msg('Conversation transferred', { id: 'thread.announce.transferred-anonymous' }),
      };
    }
    case 'journey': {
      const journey = message.text;
      return { icon: 'route', text: msg(str`Customer journey: ${journey}`, { id: 'thread.announce.journey' }) };
    }
    case 'workflow':
      return workflowWords(p['workflow'] || message.text, p['outcome'] === 'failed', p['detail']);
    case 'customer-left':
      return { icon: 'log-out', text: msg(str`${customer} left the conversation`, { id: 'thread.announce.customer-left' }) };
    case 'closed':
      return { icon: 'message-square-off', look: 'closed', text: msg('Conversation closed', { id: 'thread.announce.closed' }) };
    default:
      return { icon: 'info', text: message.text || a?.code || '' };
  }
}

function handoffWords(name: string | undefined): string {
  return name
    ? msg(str`${name} handed the conversation over to an agent`, { id: 'thread.announce.handoff' })
    : msg('The bot handed the conversation over to an agent', { id: 'thread.announce.handoff-anonymous' });
}

function workflowWords(workflow: string, failed: boolean, detail: string | undefined): { text: string; icon: IconName; look?: string } {
  if (failed) {
    return {
      icon: 'circle-x',
      look: 'failed',
      text: detail
        ? msg(str`Workflow ${workflow} failed: ${detail}`, { id: 'thread.announce.workflow-failed-detail' })
        : msg(str`Workflow ${workflow} failed`, { id: 'thread.announce.workflow-failed' }),
    };
  }
  return {
    icon: 'workflow',
    text: detail
      ? msg(str`Workflow ${workflow} ran: ${detail}`, { id: 'thread.announce.workflow-succeeded-detail' })
      : msg(str`Workflow ${workflow} ran`, { id: 'thread.announce.workflow-succeeded' }),
  };
}

/** Which rows the "New messages (n)" button counts: what others wrote or announced. */
const isIncoming = (row: ThreadRow) =>
  (row.kind === 'message' && row.message.from !== 'agent') || row.kind === 'announcement';

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
 * The list is virtualised: a thread of thousands of messages keeps a few hundred elements. It opens at
 * the newest message and stays there as messages arrive while the agent is at the bottom; scrolled up,
 * the view stays put and a "New messages (n)" button goes back down. The scroll area is one Tab stop
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
 * @csspart bubble - A message's bubble (also `customer-bubble`, `agent-bubble`, `bot-bubble`).
 * @csspart sender - A message's sender.
 * @csspart time - A message's or announcement's date and time.
 * @csspart attachment - A file or picture in a bubble.
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
 * @cssprop --dc-chat-thread-bubble-max-width - The widest a bubble gets (75% by default).
 */
@customElement('dc-chat-thread')
export class DcChatThread extends DcElement {
  static override styles = [...DcElement.styles, buttonStyles('button'), styles];

  /** The task to show; the selected task when left out. */
  @property({ attribute: 'task-id' }) taskId?: string;

  #ticker = new TickerController(this);
  #view = this.select<ThreadView>((s, store) => ({
    config: store.config,
    tasks: s.tasks,
    messages: s.messages,
    history: s.history,
    outbox: s.outbox,
    typing: s.typing,
    pauses: s.pauses,
    connection: s.connection,
    selectedTaskId: s.selectedTaskId,
  }));

  /** Rows, recomputed only when the task's history, messages or the outbox change. */
  #rowsInput: unknown[] = [];
  #rows: ThreadRow[] = [];

  /** The task on show, and what the view knows about it. */
  #shown?: string;
  /** Whether the view follows the newest message. */
  #pinned = true;
  /** Watches the virtualizer place rows: while following, each pass ends at the newest one. */
  #layoutWatch = new MutationObserver(() => this.#stick());
  #watched?: HTMLElement;
  /** The last row the agent had seen when they scrolled up: what comes after it is new. */
  #seenKey?: string;
  /** Which way the agent is moving the view (wheel, keys, pointer), for a moment after they do. */
  #intent?: 'up' | 'down' | 'any';
  #lastTop = 0;
  #userScrollTimer?: ReturnType<typeof setTimeout>;
  #pendingKeys = new Set<string>();
  /** The customer messages already known (only later ones are read out). */
  #heard = { taskId: undefined as string | undefined, count: 0 };
  #live = '';

  /** Goes to the newest message and follows new ones again (what "New messages (n)" and End do). */
  scrollToLatest(): void {
    this.#setPinned(true);
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) {
      this.#ticker.active = false;
      return html`<span class="empty">${msg('Conversation unavailable', { id: 'thread.unavailable' })}</span>`;
    }
    const taskId = this.taskId ?? view.selectedTaskId;
    const task = taskId ? view.tasks[taskId] : undefined;
    if (!task) {
      this.#ticker.active = false;
      this.#shown = undefined;
      this.setStates(STATES, ['empty']);
      return html`<div class="empty" part="empty">
        ${icon('messages-square')}<span>${msg('No conversation selected', { id: 'thread.empty' })}</span>
      </div>`;
    }
    if (task.id !== this.#shown) this.#open(task.id);
    this.#ticker.active = task.endedAt === undefined;

    const customer = customerDisplayName(view.config, task);
    const history = view.history[task.id];
    const rows = this.#rowsFor(task.id, view, history);
    const live = this.#hear(task.id, view.messages[task.id], customer);
    const loading = !history || history.status === 'loading';
    const failed = history?.status === 'failed';
    const typing = view.typing[task.id] !== undefined;
    const fresh = this.#pinned ? 0 : rowsAfter(rows, this.#seenKey, isIncoming);
    this.setStates(STATES, [
      loading ? 'loading' : undefined,
      failed ? 'failed' : undefined,
      typing ? 'typing' : undefined,
      this.#pinned ? undefined : 'scrolled-up',
      fresh > 0 ? 'new-messages' : undefined,
    ]);
    const now = this.activeStore!.now();
    const locale = getLocale();
    const ctx: RowContext = {
      customer,
      customerInitials: initials(task.customer['name'] || customer),
      agentName: view.config.agent.name,
      now,
      offline: view.connection !== 'online',
      markup: mediaMarkup(view.config.media.find((m) => m.id === task.media)),
    };

    return html`
      ${this.#header(view, task, ctx)}
      ${loading ? this.#loadingLine() : failed ? this.#failedLine(history!.reason) : nothing}
      ${keyed(
        task.id,
        html`<div
          class="log"
          part="log"
          role="region"
          tabindex="0"
          aria-label=${msg(str`Conversation with ${customer}`, { id: 'thread.log' })}
          @scroll=${this.#onScroll}
          @keydown=${this.#onKeydown}
          @pointerdown=${this.#onPointerdown}
          @wheel=${this.#onWheel}
          @touchstart=${this.#onTouch}
          @click=${this.#onClick}
        >${guard([rows, locale, ctx.offline, dayKey(now), customer, ctx.agentName], () =>
          virtualize<ThreadRow>({
            items: rows,
            // A range computed for a longer list may briefly reach past the end of a shorter one.
            keyFunction: (row, i) => row?.key ?? `gone:${i}`,
            // The virtualizer renders rows in its own updates, outside this element's: in its language.
            renderItem: (row) => (row ? inLocale(locale, () => this.#row(row, ctx)) : GONE),
            scroller: true,
          }),
        )}</div>`,
      )}
      ${rows.length === 0 && !loading
        ? html`<p class="none">${msg('No messages yet.', { id: 'thread.no-messages' })}</p>`
        : nothing}
      ${fresh > 0
        ? html`<button type="button" class="jump primary" part="new-messages" @click=${this.#onJump}>
            ${icon('arrow-down')}${msg(str`New messages (${fresh})`, { id: 'thread.new-messages' })}
          </button>`
        : nothing}
      <div class="typing" part="typing">
        ${typing
          ? html`<span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>${msg(
                str`${customer} is typing…`,
                { id: 'thread.typing' },
              )}`
          : nothing}
      </div>
      <div class="visually-hidden" aria-live="polite">${live}</div>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // PANE-1: the earlier conversation is asked for the first time a task shows (Retry asks again).
    const store = this.activeStore;
    const id = this.taskId ?? store?.state.selectedTaskId;
    if (store && id && store.state.tasks[id] && !store.state.history[id]) store.loadHistory(id);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const log = this.#log();
    if (log && log !== this.#watched) {
      this.#layoutWatch.disconnect();
      this.#layoutWatch.observe(log, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
      this.#watched = log;
    }
    this.#stick();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate(); // watches the list again after a move in the page
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#userScrollTimer);
    this.#layoutWatch.disconnect();
    this.#watched = undefined;
  }

  /** A task comes on show: it opens at its newest message, with nothing counted as new. */
  #open(taskId: string): void {
    this.#shown = taskId;
    this.#pinned = true;
    this.#lastTop = 0;
    this.#seenKey = undefined;
    this.#pendingKeys = new Set();
  }

  #rowsFor(taskId: string, view: ThreadView, history: HistoryState | undefined): ThreadRow[] {
    const input = [taskId, history?.messages, view.messages[taskId], view.outbox];
    if (input.some((v, i) => v !== this.#rowsInput[i])) {
      this.#rowsInput = input;
      this.#rows = threadRows({
        taskId,
        history: history?.messages ?? [],
        messages: view.messages[taskId] ?? [],
        pending: Object.values(view.outbox),
      });
      this.#followOwnSends(this.#rows);
    }
    return this.#rows;
  }

  /** The agent just sent a message: the view goes down to it. */
  #followOwnSends(rows: readonly ThreadRow[]): void {
    const keys = new Set<string>();
    let sent = false;
    // Messages the server does not hold yet are the last rows.
    for (let i = rows.length - 1; i >= 0 && rows[i]!.kind === 'pending'; i--) {
      const row = rows[i] as PendingRow;
      keys.add(row.key);
      if (!this.#pendingKeys.has(row.key) && row.entry.status !== 'failed') sent = true;
    }
    this.#pendingKeys = keys;
    if (sent) this.#pinned = true; // updated() takes the view down
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
      if (fresh.length > 0) {
        this.#live = fresh
          .map((m) => {
            const text = m.text || msg('Attachment', { id: 'thread.attachment' });
            return msg(str`${customer}: ${text}`, { id: 'thread.live-message' });
          })
          .join('\n');
      }
    }
    this.#heard.count = list.length;
    return this.#live;
  }

  // -------------------------------------------------------------------------------------------------
  // Header and history status

  #header(view: ThreadView, task: Task, ctx: RowContext): TemplateResult {
    const media = view.config.media.find((m) => m.id === task.media);
    const timer = formatDuration(taskDuration(task, ctx.now, view.pauses[task.id]));
    return html`<div class="header" part="header">
      ${this.#customerAvatar(ctx)}
      <div class="who">
        <span class="title" part="title">${ctx.customer}</span>
        <span class="queue" part="queue"
          >${icon(MEDIA_ICONS[media?.kind ?? 'chat'])}<span class="visually-hidden">${mediaLabel(view.config, task.media)}, </span
          >${task.queue}</span
        >
      </div>
      <span class="timer" part="timer" role="timer"
        ><span class="visually-hidden">${msg('duration', { id: 'thread.duration' })} </span>${timer}</span
      >
    </div>`;
  }

  #customerAvatar(ctx: RowContext): TemplateResult {
    return html`<span class="avatar" part="avatar" aria-hidden="true">${ctx.customerInitials || icon('user')}</span>`;
  }

  #loadingLine(): TemplateResult {
    return html`<div class="status" part="history-status" role="status">
      ${icon('loader-circle')}<span class="message">${msg('Loading conversation…', { id: 'thread.loading' })}</span>
    </div>`;
  }

  #failedLine(reason: string | undefined): TemplateResult {
    return html`<div class="status failed" part="history-status" role="alert">
      ${icon('circle-alert')}<span class="message"
        >${reason
          ? msg(str`The earlier conversation could not be loaded: ${reason}`, { id: 'thread.history-failed' })
          : msg('The earlier conversation could not be loaded.', { id: 'thread.history-failed-plain' })}</span
      >
      <button type="button" part="history-retry" @click=${this.#retryHistory}>
        ${icon('refresh-cw')}${msg('Retry', { id: 'thread.retry' })}
      </button>
    </div>`;
  }

  // -------------------------------------------------------------------------------------------------
  // Rows

  #row(row: ThreadRow, ctx: RowContext): TemplateResult {
    switch (row.kind) {
      case 'day':
        return html`<div class="row separator day" part="row day">${this.#dayWords(row.at, ctx.now)}</div>`;
      case 'interaction': {
        const date = formatsFor(getLocale()).day.format(row.at);
        return html`<div class="row separator interaction" part="row interaction">
          ${row.current
            ? msg('This conversation', { id: 'thread.this-conversation' })
            : msg(str`Earlier conversation · ${date}`, { id: 'thread.earlier-conversation' })}
        </div>`;
      }
      case 'announcement':
        return this.#announcement(row, ctx);
      case 'handoff':
        return this.#handoff(row);
      case 'message':
        return this.#message(row, ctx);
      case 'pending':
        return this.#pending(row, ctx);
    }
  }

  #dayWords(at: number, now: number): string {
    if (dayKey(at) === dayKey(now)) return msg('Today', { id: 'thread.today' });
    const yesterday = new Date(now);
    yesterday.setDate(yesterday.getDate() - 1);
    if (dayKey(at) === dayKey(yesterday.getTime())) return msg('Yesterday', { id: 'thread.yesterday' });
    return formatsFor(getLocale()).day.format(at);
  }

  /** A `<time>`: the time alone today, the date and time before. */
  #time(at: number, ctx: RowContext, always = false): TemplateResult | typeof nothing {
    if (!Number.isFinite(at)) return nothing;
    const f = formatsFor(getLocale());
    const thisYear = new Date(at).getFullYear() === new Date(ctx.now).getFullYear();
    const words =
      !always && dayKey(at) === dayKey(ctx.now) ? f.time.format(at) : (thisYear ? f.dateThisYear : f.date).format(at);
    return html`<time part="time" datetime=${new Date(at).toISOString()} title=${f.full.format(at)}>${words}</time>`;
  }

  #announcement(row: AnnouncementRow, ctx: RowContext): TemplateResult {
    const words = announcementWords(row.message, ctx.customer);
    const closed = row.message.announcement?.code === 'closed';
    return html`<div class="row" part="row announcement">
      <p class="note ${words.look ?? ''}">
        ${icon(words.icon)}<span class="text">${words.text}</span>${this.#time(row.message.at, ctx, closed)}
      </p>
    </div>`;
  }

  #handoff(row: HandoffRow): TemplateResult {
    return html`<div class="row" part="row announcement">
      <p class="note">${icon('bot')}<span class="text">${handoffWords(row.name)}</span></p>
    </div>`;
  }

  #message(row: MessageRow, ctx: RowContext): TemplateResult {
    const m = row.message;
    const from = m.from === 'customer' ? 'customer' : m.from === 'bot' ? 'bot' : 'agent';
    const sender =
      from === 'customer'
        ? m.name || ctx.customer
        : from === 'bot'
          ? m.name || msg('Bot', { id: 'thread.bot' })
          : m.name || msg('Agent', { id: 'thread.agent' });
    const avatar =
      from === 'customer'
        ? this.#customerAvatar(ctx)
        : from === 'bot'
          ? html`<span class="avatar bot" part="avatar" aria-hidden="true">${icon('bot')}</span>`
          : nothing;
    return html`<div class="row message ${from}${from === 'customer' ? '' : ' outgoing'}" part="row message">
      ${avatar}
      <div class="body">
        <div class="meta">
          <span class="sender" part="sender">${sender}</span>${from === 'bot'
            ? html`<span class="tag">${msg('Automated', { id: 'thread.automated' })}</span>`
            : nothing}${this.#time(m.at, ctx)}
        </div>
        <div class="bubble" part="bubble ${from}-bubble">${this.#text(m, m.text, from === 'agent' ? ctx.markup : 'plain')}${this.#files(m.attachments)}</div>
        ${this.#receipt(row, ctx)}
      </div>
    </div>`;
  }

  #pending(row: PendingRow, ctx: RowContext): TemplateResult {
    const e = row.entry;
    return html`<div class="row message agent outgoing" part="row message">
      <div class="body">
        <div class="meta"><span class="sender" part="sender">${ctx.agentName}</span>${this.#time(e.createdAt, ctx)}</div>
        <div class="bubble" part="bubble agent-bubble">${this.#text(e, e.text, ctx.markup)}${this.#files(e.attachments)}</div>
        ${this.#receipt(row, ctx)}
      </div>
    </div>`;
  }

  /**
   * Plain text through text bindings, links from `linkify` only (PANE-2); an agent's message in a
   * channel with markup shows its bold, italic and strikethrough as such (COMP-9), still as text.
   */
  #text(owner: object, text: string, markup: MarkupFlavour): unknown {
    if (!text) return nothing;
    return styledRuns(owner, text, markup).map(({ style, segments: parts }) => {
      const content = parts.map((s) =>
        s.type === 'link' ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>` : s.text,
      );
      if (style === 'bold') return html`<strong>${content}</strong>`;
      if (style === 'italic') return html`<em>${content}</em>`;
      if (style === 'strike') return html`<s>${content}</s>`;
      return content;
    });
  }

  #files(files: readonly FileView[] | undefined): unknown {
    if (!files || files.length === 0) return nothing;
    const locale = getLocale();
    const base = document.baseURI;
    return html`<span class="files">${files.map((f) => this.#file(f, locale, base))}</span>`;
  }

  #file(f: FileView, locale: string, base: string): TemplateResult {
    const href = safeUrl(f.url, base);
    const size = formatBytes(f.size, locale);
    const src = isPicture(f.type) ? safeUrl(f.thumbnailUrl ?? f.url, base) : undefined;
    if (src) {
      const img = html`<img src=${src} alt=${f.name} loading="lazy" />`;
      return href
        ? html`<a class="picture" part="attachment" href=${href} target="_blank" rel="noopener noreferrer" title=${`${f.name}, ${size}`}
            >${img}</a
          >`
        : html`<span class="picture" part="attachment" title=${`${f.name}, ${size}`}>${img}</span>`;
    }
    const inner = html`${icon(href ? 'download' : 'file')}<span class="name">${f.name}</span><span class="size">${size}</span>`;
    return href
      ? html`<a class="file" part="attachment" href=${href} download=${f.name} target="_blank" rel="noopener noreferrer">${inner}</a>`
      : html`<span class="file" part="attachment">${inner}</span>`;
  }

  /** The receipt under an outgoing message, or its failure with Retry (PANE-4). */
  #receipt(row: MessageRow | PendingRow, ctx: RowContext): TemplateResult | typeof nothing {
    const receipt = rowReceipt(row);
    if (!receipt) return nothing;
    const status = msg('Status:', { id: 'thread.receipt.status' });
    if (receipt !== 'failed') {
      const queued = row.kind === 'pending' && (row.entry.status === 'queued' || ctx.offline);
      return html`<span class="receipt ${receipt}" part="receipt" data-receipt=${receipt}
        ><span class="visually-hidden">${status} </span>${icon(RECEIPT_ICONS[receipt])}<span>${receiptWords(receipt, queued)}</span></span
      >`;
    }
    const reason = row.kind === 'pending' ? row.entry.reason : row.message.failure;
    const id = row.kind === 'pending' ? row.entry.clientId : row.message.id;
    return html`<div class="failure" part="failure">
      <span class="receipt failed" part="receipt" data-receipt="failed"
        ><span class="visually-hidden">${status} </span>${icon(RECEIPT_ICONS.failed)}<span
          >${reason ? msg(str`Not delivered: ${reason}`, { id: 'thread.receipt.failed-reason' }) : receiptWords('failed', false)}</span
        ></span
      >
      ${canRetry(row)
        ? html`<button type="button" part="retry" data-action="retry" data-id=${id}>
            ${icon('refresh-cw')}${msg('Retry', { id: 'thread.retry' })}
          </button>`
        : nothing}
      ${row.kind === 'pending'
        ? html`<button type="button" part="discard" data-action="discard" data-id=${id}>
            ${icon('trash')}${msg('Discard', { id: 'thread.discard' })}
          </button>`
        : nothing}
    </div>`;
  }

  // -------------------------------------------------------------------------------------------------
  // Actions and scrolling

  #retryHistory = (event: Event) => {
    if (this.#shown) this.activeStore?.loadHistory(this.#shown);
    this.#keepFocus(event.currentTarget as HTMLElement);
  };

  /** A button that had the focus is about to leave (its row changed): the focus goes to the conversation. */
  #keepFocus(button: HTMLElement): void {
    if (this.shadowRoot?.activeElement === button) this.#log()?.focus({ preventScroll: true });
  }

  #onClick = (event: MouseEvent) => {
    const button = event
      .composedPath()
      .find((n): n is HTMLButtonElement => n instanceof HTMLButtonElement && n.dataset['action'] !== undefined);
    const id = button?.dataset['id'];
    const store = this.activeStore;
    const taskId = this.#shown;
    if (!button || !id || !store || !taskId) return;
    if (button.dataset['action'] === 'retry') {
      this.intend(new DcBeforeRetryEvent({ taskId, id }), (d) => store.retry(d.id));
    } else if (button.dataset['action'] === 'discard') {
      this.intend(new DcBeforeDiscardEvent({ taskId, clientId: id }), (d) => store.discard(d.clientId));
    }
    this.#keepFocus(button);
  };

  #onJump = (event: Event) => {
    this.#setPinned(true);
    this.#keepFocus(event.currentTarget as HTMLElement);
  };

  #log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="log"]');
  }

  /** The agent moves the view: the scrolls of the next moments are theirs, in that direction. */
  #moving(direction: 'up' | 'down' | 'any'): void {
    this.#intent = direction;
    clearTimeout(this.#userScrollTimer);
    this.#userScrollTimer = setTimeout(() => {
      this.#intent = undefined;
      this.#stick();
    }, USER_SCROLL_MS);
  }

  #onWheel = {
    handleEvent: (event: WheelEvent) => this.#moving(event.deltaY < 0 ? 'up' : event.deltaY > 0 ? 'down' : 'any'),
    passive: true,
  };

  #onTouch = { handleEvent: () => this.#moving('any'), passive: true };

  /** A pointer held on the scroll area (dragging its scroll bar): the scrolls are theirs until it is let go. */
  #onPointerdown = () => {
    this.#intent = 'any';
    clearTimeout(this.#userScrollTimer);
    const release = () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      this.#moving('any');
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  };

  /**
   * Keys move the view up or down. Home and End on the scroll area itself jump to the oldest and newest
   * message at once: a smooth scroll across thousands of rows would be cut short as the virtualizer
   * measures the rows it passes.
   */
  #onKeydown = (event: KeyboardEvent) => {
    const up = ['ArrowUp', 'PageUp', 'Home'].includes(event.key) || (event.key === ' ' && event.shiftKey);
    const down = !up && ['ArrowDown', 'PageDown', 'End', ' '].includes(event.key);
    this.#moving(up ? 'up' : down ? 'down' : 'any');
    const log = event.currentTarget as HTMLElement;
    if (event.target !== log || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'End') {
      event.preventDefault();
      this.#setPinned(true);
    } else if (event.key === 'Home') {
      event.preventDefault();
      log.scrollTop = 0;
    }
  };

  /**
   * The agent's own scrolling decides whether the view follows new messages: reaching the end follows
   * them again, moving up stops. (Rows growing or being measured move the view too, never up by the
   * agent's hand: they change nothing.)
   */
  #onScroll = (event: Event) => {
    const log = event.currentTarget as HTMLElement;
    const top = log.scrollTop;
    const up = top < this.#lastTop;
    this.#lastTop = top;
    if (!this.#intent) return;
    if (log.scrollHeight - top - log.clientHeight <= BOTTOM_SLACK) this.#setPinned(true);
    else if (up && this.#intent !== 'down') this.#setPinned(false);
  };

  /**
   * While following, keeps the view at the end of the list. Scrolling to the end (rather than to the
   * last row's estimated place) lets the virtualizer's flow layout put the newest row exactly there.
   */
  #stick(force = false): void {
    if (!this.#pinned || (this.#intent !== undefined && this.#intent !== 'down' && !force)) return;
    const log = this.#log();
    if (!log) return;
    const end = log.scrollHeight - log.clientHeight;
    if (log.scrollTop < end - 1) log.scrollTop = end;
  }

  #setPinned(on: boolean): void {
    if (on !== this.#pinned) {
      this.#pinned = on;
      this.#seenKey = on ? undefined : this.#rows[this.#rows.length - 1]?.key;
      this.requestUpdate();
    }
    if (on) this.#stick(true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-chat-thread': DcChatThread;
  }
}
