/**
 * The chat thread's words, in the locale of the render under way (`msg` reads it): receipts,
 * announcements (PANE-3), days and times, separators, the header and the lines around the
 * conversation. The virtualiser renders rows outside the element's own update, so the row renderer
 * calls these inside `inLocale` (see chat-thread.ts).
 */
import { msg, str, getLocale } from '../../i18n/localization.js';
import type { Message, Receipt } from '../../model/tasks.js';
import { isolated, shownText } from '../../model/text.js';
import { dayKey } from '../../model/thread.js';
import type { IconName } from '../../ui/conversation-icons.js';
import { pickText } from '../../model/text.js';
import { localizeDates, type Workflow } from '../../model/workflows.js';

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

/** A message's or announcement's time: the time alone today (unless `always`), the date and time before. */
export function timeWords(at: number, now: number, always = false): { short: string; full: string; iso: string } {
  const f = formatsFor(getLocale());
  const thisYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const short = !always && dayKey(at) === dayKey(now) ? f.time.format(at) : (thisYear ? f.dateThisYear : f.date).format(at);
  return { short, full: f.full.format(at), iso: new Date(at).toISOString() };
}

/** A day separator: Today, Yesterday, or the date in full. */
export function dayWords(at: number, now: number): string {
  const day = dayKey(at);
  if (day === dayKey(now)) return msg('Today', { id: 'thread.today' });
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === dayKey(yesterday.getTime())) return msg('Yesterday', { id: 'thread.yesterday' });
  return formatsFor(getLocale()).day.format(at);
}

/** The separator before an interaction: this one, or an earlier one with its date (PANE-1, PANE-5). */
export function interactionWords(current: boolean, at: number): string {
  if (current) return msg('This conversation', { id: 'thread.this-conversation' });
  const date = formatsFor(getLocale()).day.format(at);
  return msg(str`Earlier conversation · ${date}`, { id: 'thread.earlier-conversation' });
}

/** Who wrote a message, when the message does not say. */
export const botName = () => msg('Bot', { id: 'thread.bot' });
export const agentName = () => msg('Agent', { id: 'thread.agent' });
export const automatedWords = () => msg('Automated', { id: 'thread.automated' });

/** XFER-4: the tag of an internal note between agents. */
export const internalNoteWords = () => msg('Internal note', { id: 'thread.internal-note' });

/** XFER-4: a transfer under way: End and Send wait for it. */
export const transferPendingWords = (target: string) =>
  msg(str`Transferring to ${target}… End and Send are unavailable until it is done.`, { id: 'thread.transfer-pending' });

/** XFER-4: a transfer the server refused: the agent keeps the task. */
export const transferFailedWords = (target: string, reason: string) =>
  msg(str`The transfer to ${target} failed: ${reason}. You still have this conversation.`, { id: 'thread.transfer-failed' });

/** What a receipt says (PANE-4); `queued`: waiting for the connection (COMP-12). */
export function receiptWords(receipt: Receipt, queued: boolean): string {
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

export function failedWords(why: string | undefined): string {
  const reason = why && isolated(why);
  return reason ? msg(str`Not delivered: ${reason}`, { id: 'thread.receipt.failed-reason' }) : receiptWords('failed', false);
}

export const statusWords = () => msg('Status:', { id: 'thread.receipt.status' });
/** A customer's picture held back until the agent asks (HOSTILE-18). */
export const loadImageWords = () => msg('Load image', { id: 'thread.load-image' });
export const loadImageLabel = (file: string) => {
  const name = isolated(file);
  return msg(str`Load image ${name}`, { id: 'thread.load-image-named' });
};
export const retryWords = () => msg('Retry', { id: 'thread.retry' });
export const discardWords = () => msg('Discard', { id: 'thread.discard' });

/**
 * An announcement in the agent's language (PANE-3), with its icon and look. A workflow's name is the
 * catalogue's, in that language, when the catalogue knows the workflow; else the server's.
 */
export function announcementWords(
  message: Message,
  who: string,
  workflows: readonly Workflow[] = [],
): { text: string; icon: IconName; look?: string } {
  const a = message.announcement;
  const p = a?.params ?? {};
  // Names and words from the server go into sentences isolated (HOSTILE-17).
  const name = p['name'] === undefined ? undefined : isolated(p['name']);
  const customer = isolated(who);
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
      const to = p['to'] && isolated(p['to']);
      return {
        icon: 'arrow-right-left',
        text: to
          ? msg(str`Conversation transferred to ${to}`, { id: 'thread.announce.transferred' })
          : msg('Conversation transferred', { id: 'thread.announce.transferred-anonymous' }),
      };
    }
    case 'journey': {
      const journey = isolated(message.text);
      return { icon: 'route', text: msg(str`Customer journey: ${journey}`, { id: 'thread.announce.journey' }) };
    }
    case 'workflow': {
      const workflow = workflowName(workflows, p['workflowId']) || p['workflow'] || message.text;
      return workflowWords(isolated(workflow), p['outcome'] === 'failed', p['detail'] && isolated(p['detail']));
    }
    case 'customer-left':
      return { icon: 'log-out', text: msg(str`${customer} left the conversation`, { id: 'thread.announce.customer-left' }) };
    case 'closed':
      return { icon: 'message-square-off', look: 'closed', text: msg('Conversation closed', { id: 'thread.announce.closed' }) };
    default:
      return { icon: 'info', text: shownText(message.text || a?.code || '') };
  }
}

/** The catalogue's name of a workflow, in the agent's language; empty for one it does not know. */
function workflowName(workflows: readonly Workflow[], id: string | undefined): string {
  const workflow = id === undefined ? undefined : workflows.find((w) => w.id === id);
  return workflow ? pickText(workflow.name, getLocale()) : '';
}

/** The bot's part ends (PANE-1). */
export function handoffWords(bot: string | undefined): string {
  const name = bot && isolated(bot);
  return name
    ? msg(str`${name} handed the conversation over to an agent`, { id: 'thread.announce.handoff' })
    : msg('The bot handed the conversation over to an agent', { id: 'thread.announce.handoff-anonymous' });
}

function workflowWords(workflow: string, failed: boolean, serverDetail: string | undefined): { text: string; icon: IconName; look?: string } {
  // The server's words, its dates written as the kit's locale writes them (HOSTILE-29).
  const detail = serverDetail && localizeDates(serverDetail, getLocale());
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

/** What the polite live region reads out for a customer's new message. */
export function liveWords(who: string, message: Message): string {
  const customer = isolated(who);
  const text = message.text || msg('Attachment', { id: 'thread.attachment' });
  return msg(str`${customer}: ${text}`, { id: 'thread.live-message' });
}

// The lines around the conversation.
export const unavailableWords = () => msg('Conversation unavailable', { id: 'thread.unavailable' });
export const emptyWords = () => msg('No conversation selected', { id: 'thread.empty' });
export const logLabel = (who: string) => {
  const customer = isolated(who);
  return msg(str`Conversation with ${customer}`, { id: 'thread.log' });
};
export const noMessagesWords = () => msg('No messages yet.', { id: 'thread.no-messages' });
export const newMessagesWords = (count: number) => msg(str`New messages (${count})`, { id: 'thread.new-messages' });
export const typingWords = (who: string) => {
  const customer = isolated(who);
  return msg(str`${customer} is typing…`, { id: 'thread.typing' });
};
export const durationWords = () => msg('duration', { id: 'thread.duration' });
export const loadingWords = () => msg('Loading conversation…', { id: 'thread.loading' });

export function historyFailedWords(why: string | undefined): string {
  const reason = why && isolated(why);
  return reason
    ? msg(str`The earlier conversation could not be loaded: ${reason}`, { id: 'thread.history-failed' })
    : msg('The earlier conversation could not be loaded.', { id: 'thread.history-failed-plain' });
}
