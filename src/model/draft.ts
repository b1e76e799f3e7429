/**
 * What the agent is writing in a task (COMP-13) and the rules about it, without DOM: when a draft holds
 * nothing worth keeping, what it sends in the customer's channel, and whether it can be sent now.
 * Pure functions over plain data; the store keeps drafts, the composer edits them.
 */
import { sendBlock, toChannelMarkup, type MarkupFlavour, type SendBlock, type StyleSpan } from './compose.js';
import type { MediaConfig } from './media.js';
import type { LoadedTemplate } from './templates.js';

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
}

/** A draft with nothing in it (what a task without a draft shows). */
export const EMPTY_DRAFT: Draft = Object.freeze({ text: '', spans: Object.freeze([]), attachments: Object.freeze([]) });

/**
 * Whether a draft holds nothing worth keeping: no text at all (white space is kept: the agent typed it),
 * no file and no template. Such a draft is dropped rather than stored.
 */
export function isBlankDraft(draft: Draft): boolean {
  return draft.text === '' && draft.attachments.length === 0 && !draft.template;
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
