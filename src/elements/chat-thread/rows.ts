/**
 * The chat thread's rows as templates: one function of a row and what the rows of one render share, so
 * that the virtualiser can render any row on its own. The templates are written without white space
 * between tags and with as few bindings as a row needs: a thread keeps its rows near the view in the
 * DOM, and every text node and binding marker counts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { getLocale, type DcLocale } from '../../i18n/localization.js';
import { formatBytes } from '../../model/attachments.js';
import { fromChannelMarkup, textRuns, type MarkupFlavour, type TextStyle } from '../../model/compose.js';
import type { Message, MessageAttachment, Receipt } from '../../model/tasks.js';
import { canRetry, rowReceipt, type AnnouncementRow, type MessageRow, type PendingRow, type ThreadRow } from '../../model/thread.js';
import { isPicture, linkify, loadsAtOnce, safeUrl, type TextSegment } from '../../model/message-text.js';
import type { Workflow } from '../../model/workflows.js';
import { isolated, shownText } from '../../model/text.js';
import { icon, type IconName } from '../../ui/conversation-icons.js';
import * as words from './words.js';

/**
 * What the rows share, the same object while none of it changes (a row is rendered again only when it
 * or this changes).
 */
export interface RowContext {
  readonly locale: DcLocale;
  readonly customer: string;
  readonly customerInitials: string;
  readonly agentName: string;
  /** The start of today, local time ("today" and "yesterday" in dates and day separators). */
  readonly today: number;
  readonly offline: boolean;
  /**
   * The markup the agent's messages are sent in (COMP-9): shown styled, markers gone, so the agent sees
   * what the customer's app shows. A customer's text is always shown exactly as typed (PANE-2).
   */
  readonly markup: MarkupFlavour;
  /** The catalogue's workflows, whose names a workflow announcement shows in the agent's language. */
  readonly workflows: readonly Workflow[];
  /** Origins whose pictures from customers show at once (`remoteImages`, HOSTILE-18). */
  readonly remoteImages: readonly string[];
  /** The pictures the agent asked to see (`message id/attachment id`). */
  readonly loadedImages: ReadonlySet<string>;
}

/** A file in a bubble: a server attachment (with its URL) or one of a message not sent yet. */
type FileView = Pick<MessageAttachment, 'id' | 'name' | 'type' | 'size'> & Partial<Pick<MessageAttachment, 'url' | 'thumbnailUrl'>>;

const RECEIPT_ICONS: Readonly<Record<Receipt, IconName>> = {
  sending: 'clock',
  sent: 'check',
  delivered: 'check-check',
  read: 'check-check',
  failed: 'circle-alert',
};

/** A piece of a message in one style (or none), cut into text and links. */
interface StyledRun {
  readonly style?: TextStyle;
  readonly segments: readonly TextSegment[];
}

/**
 * The message's markup read as styles (COMP-9), each run linkified; worked out once per message
 * (messages are immutable in the store). Plain text with no link is the text itself.
 */
const runsOf = new WeakMap<object, { markup: MarkupFlavour; runs: StyledRun[] | string }>();
function styledRuns(owner: object, text: string, markup: MarkupFlavour): StyledRun[] | string {
  const found = runsOf.get(owner);
  if (found?.markup === markup) return found.runs;
  const read = fromChannelMarkup(text, markup);
  const runs = textRuns(read.text.length, read.spans).map((r) => ({
    ...(r.style ? { style: r.style } : {}),
    segments: linkify(read.text.slice(r.start, r.end)),
  }));
  const plain = runs.length === 1 && !runs[0]!.style && runs[0]!.segments.every((s) => s.type === 'text') ? read.text : runs;
  runsOf.set(owner, { markup, runs: plain });
  return plain;
}

/** Stands in for a row that left the list, until the virtualizer renders its new range. */
export const GONE = html`<div class="row"></div>`;

/** Which rows the "New messages (n)" button counts: what others wrote or announced. */
export const isIncoming = (row: ThreadRow) =>
  (row.kind === 'message' && row.message.from !== 'agent') || row.kind === 'announcement';

/** A row of the conversation (PANE-1..4). Call inside the thread's locale. */
export function renderRow(row: ThreadRow, ctx: RowContext): TemplateResult {
  switch (row.kind) {
    case 'day':
      return html`<div class="row separator day" part="row day">${words.dayWords(row.at, ctx.today)}</div>`;
    case 'interaction':
      return html`<div class="row separator interaction" part="row interaction">${words.interactionWords(row.current, row.at)}</div>`;
    case 'announcement':
      return announcement(row, ctx);
    case 'handoff':
      return html`<div class="row" part="row announcement"><p class="note">${icon('bot')}<span class="text">${words.handoffWords(row.name)}</span></p></div>`;
    case 'message':
      return message(row, ctx);
    case 'pending':
      return pending(row, ctx);
  }
}

/**
 * A `<time>`'s date, title and words: the time alone today, the date and time before (or always, for
 * "closed"). The rows write the element themselves: a template of its own would cost its own markers.
 */
function timeOf(at: number, ctx: RowContext, always = false): { iso: string; full: string; short: string } {
  return Number.isFinite(at) ? words.timeWords(at, ctx.today, always) : { iso: '', full: '', short: '' };
}

function announcement(row: AnnouncementRow, ctx: RowContext): TemplateResult {
  const w = words.announcementWords(row.message, ctx.customer, ctx.workflows);
  const t = timeOf(row.message.at, ctx, row.message.announcement?.code === 'closed');
  return html`<div class="row" part="row announcement"><p class="note ${w.look ?? ''}">${icon(w.icon)}<span class="text">${w.text}</span><time part="time" datetime=${t.iso} title=${t.full}>${t.short}</time></p></div>`;
}

function message(row: MessageRow, ctx: RowContext): TemplateResult {
  const m = row.message;
  const t = timeOf(m.at, ctx);
  if (m.from === 'customer') {
    return html`<div class="row message customer" part="row message"><span class="avatar" part="avatar" aria-hidden="true">${ctx.customerInitials || icon('user')}</span><div class="body"><div class="meta"><span class="sender" part="sender">${m.name ? shownText(m.name) : ctx.customer}</span><time part="time" datetime=${t.iso} title=${t.full}>${t.short}</time></div><div class="bubble" part="bubble customer-bubble">${content(m, m.text, 'plain', m.attachments, ctx, m)}</div></div></div>`;
  }
  if (m.from === 'bot') {
    return html`<div class="row message bot outgoing" part="row message"><span class="avatar bot" part="avatar" aria-hidden="true">${icon('bot')}</span><div class="body"><div class="meta"><span class="sender" part="sender">${m.name ? shownText(m.name) : words.botName()}</span><span class="tag">${words.automatedWords()}</span><time part="time" datetime=${t.iso} title=${t.full}>${t.short}</time></div><div class="bubble" part="bubble bot-bubble">${content(m, m.text, 'plain', m.attachments, ctx, m)}</div></div></div>`;
  }
  if (m.internal) {
    // XFER-4: an earlier agent's note for the next one, never sent to the customer.
    return html`<div class="row message agent outgoing internal" part="row message internal"><div class="body"><div class="meta"><span class="sender" part="sender">${m.name ? shownText(m.name) : words.agentName()}</span><span class="tag">${icon('lock')}${words.internalNoteWords()}</span><time part="time" datetime=${t.iso} title=${t.full}>${t.short}</time></div><div class="bubble" part="bubble internal-bubble">${content(m, m.text, 'plain', m.attachments, ctx, m)}</div></div></div>`;
  }
  return html`<div class="row message agent outgoing" part="row message"><div class="body"><div class="meta"><span class="sender" part="sender">${m.name ? shownText(m.name) : words.agentName()}</span><time part="time" datetime=${t.iso} title=${t.full}>${t.short}</time></div><div class="bubble" part="bubble agent-bubble">${content(m, m.text, ctx.markup, m.attachments, ctx, m)}</div>${receipt(row, ctx)}</div></div>`;
}

function pending(row: PendingRow, ctx: RowContext): TemplateResult {
  const e = row.entry;
  const t = timeOf(e.createdAt, ctx);
  return html`<div class="row message agent outgoing" part="row message"><div class="body"><div class="meta"><span class="sender" part="sender">${ctx.agentName}</span><time part="time" datetime=${t.iso} title=${t.full}>${t.short}</time></div><div class="bubble" part="bubble agent-bubble">${content(e, e.text, ctx.markup, e.attachments, ctx)}</div>${receipt(row, ctx)}</div></div>`;
}

/** A bubble's text and files, in one binding (most messages are text alone). */
function content(
  owner: object,
  value: string,
  markup: MarkupFlavour,
  attached: readonly FileView[] | undefined,
  ctx: RowContext,
  message?: Message,
): unknown {
  const words = text(owner, value, markup);
  return attached && attached.length > 0 ? [words, files(attached, ctx, message)] : words;
}

/**
 * Plain text through text bindings, links from `linkify` only (PANE-2); an agent's message in a
 * channel with markup shows its bold, italic and strikethrough as such (COMP-9), still as text.
 */
function text(owner: object, value: string, markup: MarkupFlavour): unknown {
  if (!value) return nothing;
  const runs = styledRuns(owner, value, markup);
  if (typeof runs === 'string') return runs;
  return runs.map(({ style, segments }) => {
    const content = segments.map((s) =>
      s.type !== 'link'
        ? s.text
        : s.shown === undefined
          ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>`
          : // HOSTILE-17: a host that could pass for another shows as the browser will go to it.
            html`<a class="deceptive" href=${s.href} title=${s.href} target="_blank" rel="noopener noreferrer">${s.shown}</a>`,
    );
    if (style === 'bold') return html`<strong>${content}</strong>`;
    if (style === 'italic') return html`<em>${content}</em>`;
    if (style === 'strike') return html`<s>${content}</s>`;
    return content;
  });
}

/** The files of a message (`message` is undefined for one not sent yet). */
function files(list: readonly FileView[] | undefined, ctx: RowContext, message: Message | undefined): unknown {
  if (!list || list.length === 0) return nothing;
  const locale = getLocale();
  const base = document.baseURI;
  return html`<span class="files">${list.map((f) => file(f, locale, base, ctx, message))}</span>`;
}

function file(f: FileView, locale: string, base: string, ctx: RowContext, message: Message | undefined): TemplateResult {
  const name = shownText(f.name);
  const href = safeUrl(f.url, base);
  const size = formatBytes(f.size, locale);
  const src = isPicture(f.type) ? safeUrl(f.thumbnailUrl ?? f.url, base) : undefined;
  const key = message ? `${message.id}/${f.id}` : '';
  if (src && message && !ctx.loadedImages.has(key) && !loadsAtOnce(src, message.from, ctx.remoteImages)) {
    // HOSTILE-18: nothing is fetched until the agent asks.
    return html`<span class="file held" part="attachment held-picture">${icon('image')}<span class="name">${name}</span><span class="size">${size}</span><button type="button" part="load-image" data-action="load-image" data-id=${key} aria-label=${words.loadImageLabel(name)}>${words.loadImageWords()}</button></span>`;
  }
  if (src) {
    const img = html`<img src=${src} alt=${name} loading="lazy" />`;
    return href
      ? html`<a class="picture" part="attachment" href=${href} target="_blank" rel="noopener noreferrer" title=${`${isolated(name)}, ${size}`}>${img}</a>`
      : html`<span class="picture" part="attachment" title=${`${isolated(name)}, ${size}`}>${img}</span>`;
  }
  const inner = html`${icon(href ? 'download' : 'file')}<span class="name">${name}</span><span class="size">${size}</span>`;
  return href
    ? html`<a class="file" part="attachment" href=${href} download=${name} target="_blank" rel="noopener noreferrer">${inner}</a>`
    : html`<span class="file" part="attachment">${inner}</span>`;
}

/** The receipt under an outgoing message, or its failure with Retry (and Discard) (PANE-4). */
function receipt(row: MessageRow | PendingRow, ctx: RowContext): TemplateResult | typeof nothing {
  const r = rowReceipt(row);
  if (!r) return nothing;
  const status = `${words.statusWords()} `;
  if (r !== 'failed') {
    const queued = row.kind === 'pending' && (row.entry.status === 'queued' || ctx.offline);
    return html`<span class="receipt ${r}" part="receipt" data-receipt=${r}><span class="visually-hidden">${status}</span>${icon(RECEIPT_ICONS[r])}${words.receiptWords(r, queued)}</span>`;
  }
  const reason = row.kind === 'pending' ? row.entry.reason : row.message.failure;
  const id = row.kind === 'pending' ? row.entry.clientId : row.message.id;
  return html`<div class="failure" part="failure"><span class="receipt failed" part="receipt" data-receipt="failed"><span class="visually-hidden">${status}</span>${icon(RECEIPT_ICONS.failed)}<span>${words.failedWords(reason)}</span></span>${canRetry(row)
    ? html`<button type="button" part="retry" data-action="retry" data-id=${id}>${icon('refresh-cw')}${words.retryWords()}</button>`
    : nothing}${row.kind === 'pending'
    ? html`<button type="button" part="discard" data-action="discard" data-id=${id}>${icon('trash')}${words.discardWords()}</button>`
    : nothing}</div>`;
}
