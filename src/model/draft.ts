/**
 * What the agent is writing in a task (COMP-13) and the rules about it, without DOM: when a draft holds
 * nothing worth keeping, what it sends in the customer's channel, and whether it can be sent now.
 * Pure functions over plain data; the store keeps drafts, the composer edits them.
 */
import type { EmailDraft } from './email.js';
import {
  applyStyle,
  moveSpans,
  sendBlock,
  toChannelMarkup,
  type MarkupFlavour,
  type SendBlock,
  type StyleSpan,
  type TextStyle,
} from './compose.js';
import type { MediaConfig } from './media.js';
import { applyEdit, isEditAllowed, type LoadedTemplate } from './templates.js';

/** A file attached to a draft or a queued message; its bytes are kept by the store's blob store. */
export interface DraftAttachment {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** What the agent is writing in a task (COMP-13): kept until sent or cleared. */
export interface Draft {
  readonly text: string;
  /** Bold, italic and strikethrough spans over `text` (COMP-9). */
  readonly spans: readonly StyleSpan[];
  /** The template loaded into the box, with its fields kept in step with `text` (COMP-5..8). */
  readonly template?: LoadedTemplate;
  readonly attachments: readonly DraftAttachment[];
  /** An email reply's mode, fields and HTML body (MAIL-5..10); `text` is then the body's plain text. */
  readonly email?: EmailDraft;
}

/** A draft with nothing in it (what a task without a draft shows). */
export const EMPTY_DRAFT: Draft = Object.freeze({ text: '', spans: Object.freeze([]), attachments: Object.freeze([]) });

/**
 * Whether a draft holds nothing worth keeping: no text at all (white space is kept: the agent typed it),
 * no file, no template and no email reply. Such a draft is dropped rather than stored. An email reply
 * is kept even with an empty body: the agent opened it, and only Delete (MAIL-10) removes it.
 */
export function isBlankDraft(draft: Draft): boolean {
  return draft.text === '' && draft.attachments.length === 0 && !draft.template && !draft.email;
}

/**
 * The markup a media's messages are in (COMP-9): the media's formatting flavour when it offers
 * formatting, else plain text. What the composer sends and what the thread reads back are both this.
 */
export function mediaMarkup(media: Pick<MediaConfig, 'options' | 'formatting'> | undefined): MarkupFlavour {
  return media?.options.includes('formatting') ? media.formatting : 'plain';
}

/** What a draft sends in its media's channel: the text in the media's markup (COMP-9). */
export function draftText(draft: Draft, media: Pick<MediaConfig, 'options' | 'formatting'>): string {
  const markup = mediaMarkup(media);
  return markup === 'plain' ? draft.text : toChannelMarkup(draft.text, draft.spans, markup);
}

/** Why a draft cannot be sent now (COMP-1, COMP-3, COMP-7), or undefined when it can. */
export function draftSendBlock(draft: Draft, media: Pick<MediaConfig, 'options' | 'formatting' | 'maxChars'>): SendBlock | undefined {
  return sendBlock(draftText(draft, media), draft.attachments.length, media.maxChars, draft.template);
}

/** Whether the agent may change the draft's text or styles: not while a locked template is in it (COMP-6). */
export function isDraftEditable(draft: Draft): boolean {
  return !draft.template?.locked;
}

/** Whether the box may take `text` as the draft's new text (COMP-6: a locked template refuses any change). */
export function isDraftEditAllowed(draft: Draft, text: string): boolean {
  return !draft.template || isEditAllowed(draft.template, text);
}

/**
 * The draft after the agent changed its text to `text`, template fields (COMP-7) and styles (COMP-9)
 * moved along. `caret`, where the caret is after the edit, tells where the edit was made when the two
 * texts alone leave it open. Emptying the box lets go of the template. The caller checks
 * `isDraftEditAllowed` first.
 */
export function editDraft(draft: Draft, text: string, caret: number): Draft {
  const template = draft.template && text !== '' ? applyEdit(draft.template, text, caret) : undefined;
  const { template: _old, ...rest } = draft;
  const spans = moveSpans(draft.spans, draft.text, text, caret);
  return { ...rest, text, spans, ...(template ? { template } : {}) };
}

/**
 * The draft with `text` put in place of `[start, end)` (an emoji at the caret, COMP-11), as typing
 * would, and where the caret goes after it. Offsets beyond the text are clamped to its end.
 */
export function insertIntoDraft(draft: Draft, text: string, start: number, end: number): { draft: Draft; caret: number } {
  const from = Math.min(start, end, draft.text.length);
  const to = Math.min(Math.max(start, end), draft.text.length);
  const caret = from + text.length;
  return { draft: editDraft(draft, draft.text.slice(0, from) + text + draft.text.slice(to), caret), caret };
}

/** The draft with the selection `[start, end)` in `style` (COMP-9: one style per character, toggled). */
export function styleDraft(draft: Draft, start: number, end: number, style: TextStyle): Draft {
  return { ...draft, spans: applyStyle(draft.spans, start, end, style) };
}

/** A loaded template in the box (COMP-5): it replaces the text and its styles; the attachments stay. */
export function draftWithTemplate(draft: Draft, loaded: LoadedTemplate): Draft {
  return { text: loaded.text, spans: [], template: loaded, attachments: draft.attachments };
}

/** The draft once the agent removed its template (COMP-6): the template's text goes with it; the files stay. */
export function draftWithoutTemplate(draft: Draft): Draft {
  const { template: _t, ...rest } = draft;
  return { ...rest, text: '', spans: [] };
}
