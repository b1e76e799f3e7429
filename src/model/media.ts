import type { EmailConfig } from './email.js';
import type { AttachmentLimits } from './attachments.js';
import type { MarkupFlavour } from './compose.js';
import type { LocalizedText } from './text.js';
import type { WrapUpConfig } from './wrap-up.js';
import type { TransferTarget } from './transfer.js';

/**
 * The kinds of media the kit knows how to render. A configured media (for example "whatsapp") names the
 * kind it behaves like; the kind picks the icon, the composer's options and the offer fields.
 */
export const MEDIA_KINDS = ['chat', 'sms', 'social', 'email'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** A configured media's id: "chat", "sms", "social", "email", or any id the host configures. */
export type MediaId = string;

/**
 * Agent state is shown per group. Chat/Social holds chat, SMS and social media; Email holds email.
 * (SPEC, "Channel groups".)
 */
export const GROUPS = ['chat-social', 'email'] as const;
export type GroupId = (typeof GROUPS)[number];

/** The group a kind belongs to unless the configuration says otherwise. */
export const DEFAULT_GROUP: Readonly<Record<MediaKind, GroupId>> = {
  chat: 'chat-social',
  sms: 'chat-social',
  social: 'chat-social',
  email: 'email',
};

/** What the composer offers for a media (COMP-2). */
export const COMPOSER_OPTIONS = ['attachments', 'emoji', 'templates', 'workflows', 'formatting', 'rich-text'] as const;
export type ComposerOption = (typeof COMPOSER_OPTIONS)[number];

/** How a media sends from the composer: Enter, or Ctrl+Enter (Cmd+Enter on a Mac). COMP-1. */
export type SendKey = 'enter' | 'mod+enter';

/** One media's settings, after defaults are applied. */
export interface MediaConfig {
  readonly id: MediaId;
  readonly kind: MediaKind;
  readonly group: GroupId;
  /** Shown instead of the kind's own name ("WhatsApp" for a social media). */
  readonly label?: LocalizedText;
  /** Seconds the agent has to accept an offer. OFFER-3. */
  readonly acceptSeconds: number;
  /** Tasks of this media the agent can hold at once. OFFER-3. */
  readonly capacity: number;
  /** Character limit of one message. COMP-3. */
  readonly maxChars: number;
  readonly sendKey: SendKey;
  /** Whether a voice call pauses this media's task timers. TASK-4. */
  readonly pauseOnVoice: boolean;
  /** Customer fields shown on an offer, in order (`queue` names the task's queue). OFFER-5. */
  readonly offerFields: readonly string[];
  /** The customer field shown in bold in the task list (TASK-2). */
  readonly displayField: string;
  /** The composer's options for this media (COMP-2). */
  readonly options: readonly ComposerOption[];
  /** Attachment limits, checked before upload (COMP-4, MAIL-8). */
  readonly attachments: AttachmentLimits;
  /** The markup bold, italic and strikethrough are sent in (COMP-9). */
  readonly formatting: MarkupFlavour;
  /** Ending and wrap-up (END-1…3, XFER-3). */
  readonly wrapUp: WrapUpConfig;
  /** The routing points a task of this media can be transferred to (XFER-1; not the voice directory). */
  readonly transferTargets: readonly TransferTarget[];
  /** Email media only: addresses, signatures, images and the outside-domain check (MAIL-*); defaults elsewhere. */
  readonly email: EmailConfig;
}
