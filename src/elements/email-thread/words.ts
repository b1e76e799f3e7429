/**
 * The email thread's words (MAIL-1..4, MAIL-8), in the locale of the render under way (`msg` reads it).
 * The virtualiser renders rows outside the element's own update, so the row renderer calls these inside
 * `inLocale` (see email-thread.ts). French follows the guide's wording (Répondre, Répondre à tous,
 * Transférer, envoyé/reçu/DR, « Afficher tous les messages pour prendre d'autres mesures »).
 */
import { msg, str } from '../../i18n/localization.js';
import type { EmailState } from '../../model/email.js';

export const unavailableWords = () => msg('The email thread is unavailable: no provider.', { id: 'email.unavailable' });
export const emptyWords = () => msg('No email to show', { id: 'email.empty' });
export const noSubjectWords = () => msg('(no subject)', { id: 'email.no-subject' });
export const logLabel = (customer: string) => msg(str`Emails with ${customer}`, { id: 'email.log-label' });

/** MAIL-1: the state beside an email's time. */
export function stateWords(state: EmailState): string {
  switch (state) {
    case 'received':
      return msg('Received', { id: 'email.state-received' });
    case 'sending':
      return msg('Sending…', { id: 'email.state-sending' });
    case 'sent':
      return msg('Sent', { id: 'email.state-sent' });
    case 'dr':
      return msg('DR', { id: 'email.state-dr', desc: 'A delivery report came back for the email' });
    case 'failed':
      return msg('Failed', { id: 'email.state-failed' });
  }
}
/** What a screen reader hears for "DR". */
export const drLongWords = () => msg('delivery report received', { id: 'email.state-dr-long' });

export const fromWords = () => msg('From', { id: 'email.from' });
export const toWords = () => msg('To', { id: 'email.to' });
export const ccWords = () => msg('Cc', { id: 'email.cc' });
export const stateLabelWords = () => msg('State', { id: 'email.state' });

/** MAIL-2: the summary of a collapsed email, and the toggle's name. */
export const expandLabel = (from: string) => msg(str`Email from ${from}`, { id: 'email.expand-label' });
export const newWords = () => msg('New', { id: 'email.new' });

/** MAIL-2: the quoted history behind the ellipsis. */
export const showQuotedWords = () => msg('Show quoted history', { id: 'email.show-quoted' });
export const hideQuotedWords = () => msg('Hide quoted history', { id: 'email.hide-quoted' });

/** MAIL-3: remote images held back, and the frame. */
export const preparingWords = () => msg('Preparing the email…', { id: 'email.preparing' });
export const blockedWords = (count: number) => msg(str`Remote images blocked (${count})`, { id: 'email.blocked' });
export const loadImagesWords = () => msg('Load images', { id: 'email.load-images' });
export const alwaysImagesWords = () => msg('Always for this sender', { id: 'email.always-images' });
export const frameLabel = () => msg('Email', { id: 'email.frame' });
export const frameLabelOf = (subject: string, from: string) => msg(str`${subject}, from ${from}`, { id: 'email.frame-label' });

/** MAIL-1, MAIL-5: the actions on an email. */
export const replyWords = () => msg('Reply', { id: 'email.reply' });
export const replyAllWords = () => msg('Reply all', { id: 'email.reply-all' });
export const forwardWords = () => msg('Forward', { id: 'email.forward' });
export const ccActionWords = () => msg('Cc', { id: 'email.cc-action' });
export const ccActionLabel = () => msg('Cc (reply all with Cc)', { id: 'email.cc-action-label' });
export const actionsLabel = () => msg('Email actions', { id: 'email.actions' });

/** MAIL-8: the attachments under an email. */
export const attachmentsWords = () => msg('Attachments', { id: 'email.attachments' });
export const viewWords = () => msg('View', { id: 'email.view' });
export const downloadWords = () => msg('Download', { id: 'email.download' });
export const viewLabel = (name: string) => msg(str`View ${name}`, { id: 'email.view-label' });
export const downloadLabel = (name: string) => msg(str`Download ${name}`, { id: 'email.download-label' });
export const pciBlockedWords = () => msg('Blocked by the security check', { id: 'email.pci-blocked' });
export const pciBannerWords = (name: string, reason: string) =>
  msg(str`${name} is unavailable: ${reason}`, { id: 'email.pci-banner' });
export const dismissWords = () => msg('Dismiss', { id: 'email.dismiss' });

/** MAIL-4: a new email while the agent replies. */
export const newEmailBannerWords = () => msg('New email: show all messages to act', { id: 'email.new-banner' });
export const showAllWords = () => msg('Show all messages', { id: 'email.show-all' });
export const liveWords = (from: string, subject: string) => msg(str`New email from ${from}: ${subject}`, { id: 'email.live' });
