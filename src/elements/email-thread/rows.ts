/**
 * The email thread's rows as templates: one function of a row and what the rows of one render share,
 * so that the virtualiser can render any row on its own (see email-thread.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { getLocale, type DcLocale } from '../../i18n/localization.js';
import { formatBytes } from '../../model/attachments.js';
import { emailState, imagesAllowed, type EmailContent } from '../../model/email.js';
import { splitQuotedText } from '../../model/email-quotes.js';
import { inlineImages, listedAttachments, snippet, type EmailRow } from '../../model/email-thread.js';
import { linkify, safeUrl } from '../../model/message-text.js';
import type { Message, MessageAttachment } from '../../model/tasks.js';
import { shownText } from '../../model/text.js';
import { icon } from '../../ui/conversation-icons.js';
import { announcementWords, timeWords } from '../chat-thread/words.js';
import './email-frame.js';
import { emailIcon } from './icons.js';
import { senderRemembered } from './senders.js';
import * as words from './words.js';

/** What the rows share, the same object while none of it changes. */
export interface EmailRowContext {
  readonly locale: DcLocale;
  readonly today: number;
  readonly customer: string;
  /** The newest email (open unless the agent closed it). */
  readonly newest: string | undefined;
  /** The agent's open / closed choices by email id, and a number that changes with them. */
  readonly open: ReadonlyMap<string, boolean>;
  readonly openVersion: number;
  /** Emails whose quoted history shows. */
  readonly quoted: ReadonlySet<string>;
  /** Emails whose remote images the agent loaded. */
  readonly images: ReadonlySet<string>;
  /** Senders whose images the agent loads always (this browser). */
  readonly senders: ReadonlySet<string>;
  /** Senders whose images load without asking (configuration). */
  readonly imagesAllowedFrom: readonly string[];
  /** Customer emails that arrived while the thread was on show (MAIL-4). */
  readonly fresh: ReadonlySet<string>;
  readonly agentName: string;
}

type EmailMessage = Message & { readonly email: EmailContent };

/** Stands in for a row that left the list, until the virtualizer renders its new range. */
export const GONE = html`<div class="row"></div>`;

/** The inline images of an email, worked out once per message (messages are immutable in the store). */
const inlineOf = new WeakMap<object, ReadonlyMap<string, string>>();
function inline(message: Message): ReadonlyMap<string, string> {
  let found = inlineOf.get(message);
  if (!found) inlineOf.set(message, (found = inlineImages(message)));
  return found;
}

/** A row of the thread. Call inside the thread's locale. */
export function renderEmailRow(row: EmailRow, ctx: EmailRowContext): TemplateResult {
  return row.kind === 'email' ? email(row.message, ctx) : announcement(row.message, ctx);
}

function announcement(message: Message, ctx: EmailRowContext): TemplateResult {
  const w = message.from === 'system' ? announcementWords(message, ctx.customer) : { icon: 'info' as const, text: shownText(message.text) };
  const t = Number.isFinite(message.at) ? timeWords(message.at, ctx.today) : { iso: '', full: '', short: '' };
  return html`<div class="row" part="announcement"><p class="note">${icon(w.icon)}<span class="text">${w.text}</span><time datetime=${t.iso} title=${t.full}>${t.short}</time></p></div>`;
}

const addressList = (list: readonly string[]) => list.map((a) => shownText(a)).join(', ');

function email(m: EmailMessage, ctx: EmailRowContext): TemplateResult {
  const e = m.email;
  const open = ctx.open.get(m.id) ?? m.id === ctx.newest;
  const fresh = ctx.fresh.has(m.id);
  const from = shownText(e.from) || (m.from === 'customer' ? ctx.customer : ctx.agentName);
  const t = Number.isFinite(m.at) ? timeWords(m.at, ctx.today) : { iso: '', full: '', short: '' };
  const state = emailState(m);
  const newTag = fresh ? html`<span class="tag-new"><span aria-hidden="true">●</span><span class="visually-hidden">${words.newWords()}, </span></span>` : nothing;
  const toggle = html`<button type="button" class="toggle" part="toggle" data-action="toggle" data-id=${m.id} aria-expanded=${open ? 'true' : 'false'}>${emailIcon(open ? 'chevron-down' : 'chevron-right')}${newTag}<span class="from"><bdi>${from}</bdi></span>${open ? nothing : html`<span class="snippet">${snippet(shownText(m.text))}</span>`}<time datetime=${t.iso} title=${t.full}>${t.short}</time></button>`;
  const look = `email ${open ? 'open' : 'collapsed'} ${fresh ? 'fresh' : ''} ${m.from === 'customer' ? 'incoming' : 'outgoing'}`;
  if (!open) return html`<div class="row"><article class=${look} part=${fresh ? 'email fresh' : 'email'}>${toggle}</article></div>`;
  const stateText = state === 'dr' ? html`<span aria-hidden="true">${words.stateWords(state)}</span><span class="visually-hidden">${words.drLongWords()}</span>` : words.stateWords(state);
  const headers = html`<dl class="headers" part="headers"><div><dt>${words.fromWords()}</dt><dd><bdi>${from}</bdi></dd></div>${e.to.length ? html`<div><dt>${words.toWords()}</dt><dd>${addressList(e.to)}</dd></div>` : nothing}${e.cc.length ? html`<div><dt>${words.ccWords()}</dt><dd>${addressList(e.cc)}</dd></div>` : nothing}<div><dt>${words.stateLabelWords()}</dt><dd><span class="state ${state}" part="state" data-state=${state}>${stateText}</span></dd></div></dl>`;
  const subject = shownText(e.subject) || words.noSubjectWords();
  return html`<div class="row"><article class=${look} part=${fresh ? 'email fresh' : 'email'}>${toggle}${headers}<p class="email-subject"><bdi>${subject}</bdi></p><div class="body" part="body">${body(m, ctx, subject, from)}</div>${attachments(m)}${actions(m)}</article></div>`;
}

function body(m: EmailMessage, ctx: EmailRowContext, subject: string, from: string): TemplateResult {
  const e = m.email;
  if (typeof e.html === 'string' && e.html.trim() !== '') {
    const load = ctx.images.has(m.id) || imagesAllowed(ctx.imagesAllowedFrom, e.from) || senderRemembered(ctx.senders, e.from);
    return html`<dc-email-frame data-id=${m.id} .owner=${e} .html=${e.html} .inline=${inline(m)} ?load-images=${load} ?show-quoted=${ctx.quoted.has(m.id)} label=${words.frameLabelOf(subject, from)}></dc-email-frame>`;
  }
  // Plain text: shown as text in the thread itself (no markup to keep apart), links made safe.
  const split = splitQuotedText(m.text);
  const shown = ctx.quoted.has(m.id);
  const quoted =
    split.quoted === ''
      ? nothing
      : html`<button type="button" class="quoted" part="quoted" data-action="quoted" data-id=${m.id} aria-expanded=${shown ? 'true' : 'false'}>${emailIcon('ellipsis')}${shown ? words.hideQuotedWords() : words.showQuotedWords()}</button>${shown ? html`<div class="text quoted-text">${text(split.quoted)}</div>` : nothing}`;
  return html`<div class="text">${text(split.body)}</div>${quoted}`;
}

/** Plain text through text bindings, links from `linkify` only (http, https and mailto). */
function text(value: string): unknown {
  return linkify(value).map((s) =>
    s.type !== 'link'
      ? s.text
      : s.shown === undefined
        ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer">${s.text}</a>`
        : html`<a class="deceptive" href=${s.href} title=${s.href} target="_blank" rel="noopener noreferrer">${s.shown}</a>`,
  );
}

function attachments(m: EmailMessage): TemplateResult | typeof nothing {
  const list = listedAttachments(m);
  if (list.length === 0) return nothing;
  const locale = getLocale();
  const base = document.baseURI;
  return html`<div class="files"><h3 class="files-title">${emailIcon('paperclip')}${words.attachmentsWords()}</h3><ul part="attachments">${list.map((a) => file(m, a, locale, base))}</ul></div>`;
}

function file(m: EmailMessage, a: MessageAttachment, locale: string, base: string): TemplateResult {
  const name = shownText(a.name);
  const size = formatBytes(a.size, locale);
  if (a.pciBlocked) {
    // MAIL-8: greyed; selecting it says why, above the compose box.
    return html`<li class="file blocked" part="attachment pci-blocked"><button type="button" class="file-button" aria-disabled="true" data-action="pci" data-id=${m.id} data-file=${a.id}>${icon('file')}<span class="name">${name}</span><span class="size">${size}</span><span class="why">${words.pciBlockedWords()}</span></button></li>`;
  }
  const href = safeUrl(a.url, base);
  const links = href
    ? html`<a class="button" href=${href} target="_blank" rel="noopener noreferrer" aria-label=${words.viewLabel(name)}>${emailIcon('eye')}${words.viewWords()}</a><a class="button" href=${href} download=${name} aria-label=${words.downloadLabel(name)}>${emailIcon('download')}${words.downloadWords()}</a>`
    : nothing;
  return html`<li class="file" part="attachment">${icon('file')}<span class="name">${name}</span><span class="size">${size}</span>${links}</li>`;
}

function actions(m: EmailMessage): TemplateResult {
  return html`<div class="actions" part="actions" role="group" aria-label=${words.actionsLabel()}><button type="button" data-action="reply" data-id=${m.id}>${emailIcon('reply')}${words.replyWords()}</button><button type="button" data-action="reply-all" data-id=${m.id}>${emailIcon('reply-all')}${words.replyAllWords()}</button><button type="button" data-action="forward" data-id=${m.id}>${emailIcon('forward')}${words.forwardWords()}</button><button type="button" data-action="cc" data-id=${m.id} aria-label=${words.ccActionLabel()}>${emailIcon('user-plus')}${words.ccActionWords()}</button></div>`;
}
