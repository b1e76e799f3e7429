/**
 * A media's configuration (`config.media.<id>`): the defaults of each kind (the guide's table of
 * options, COMP-2) and the checks of a host's entry, field by field. `resolveConfig` calls
 * `resolveMedia` for each; the media's wrap-up, transfer targets and email parts check themselves.
 */
import { resolveEmailConfig, type EmailConfig } from './email.js';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from './attachments.js';
import type { MarkupFlavour } from './compose.js';
import {
  COMPOSER_OPTIONS,
  DEFAULT_GROUP,
  GROUPS,
  MEDIA_KINDS,
  type ComposerOption,
  type GroupId,
  type MediaConfig,
  type MediaId,
  type MediaKind,
  type SendKey,
} from './media.js';
import { isRecord, wholeNumber, type Bad } from './records.js';
import { DEFAULT_DISPLAY_FIELD, DEFAULT_OFFER_FIELDS } from './tasks.js';
import { isLocalizedText, type LocalizedText } from './text.js';
import { checkTransferTargets, type TransferTarget } from './transfer.js';
import { resolveWrapUp, type WrapUpConfigInput } from './wrap-up.js';

export interface MediaConfigInput {
  kind?: MediaKind;
  group?: GroupId;
  label?: LocalizedText;
  acceptSeconds?: number;
  capacity?: number;
  maxChars?: number;
  sendKey?: SendKey;
  pauseOnVoice?: boolean;
  offerFields?: readonly string[];
  displayField?: string;
  options?: readonly ComposerOption[];
  attachments?: Partial<AttachmentLimits>;
  formatting?: MarkupFlavour;
  /** Ending and wrap-up (END-1…3, XFER-3); see `WrapUpConfigInput`. */
  wrapUp?: WrapUpConfigInput;
  /** XFER-1: the routing points of this media, `{id, label}` each. None by default (Transfer then says so). */
  transferTargets?: readonly TransferTarget[];
  /** Email media: `{selfAddresses, confirmOutsideDomain, trustedDomains, signatures: [{queue, html}], imagesAllowedFrom}`. */
  email?: Partial<EmailConfig>;
}

type KindDefaults = Omit<MediaConfig, 'id' | 'kind' | 'group' | 'label' | 'offerFields' | 'displayField' | 'attachments' | 'wrapUp' | 'transferTargets' | 'email'>;

/** Defaults by kind; the options follow the guide's table (COMP-2). */
const KIND_DEFAULTS: Readonly<Record<MediaKind, KindDefaults>> = {
  chat: {
    acceptSeconds: 30,
    capacity: 3,
    maxChars: 1000,
    sendKey: 'enter',
    pauseOnVoice: false,
    options: ['attachments', 'emoji', 'templates', 'workflows', 'formatting'],
    formatting: 'markdown',
  },
  sms: {
    acceptSeconds: 45,
    capacity: 3,
    maxChars: 1000,
    sendKey: 'mod+enter',
    pauseOnVoice: false,
    options: ['emoji', 'templates', 'workflows'],
    formatting: 'plain',
  },
  social: {
    acceptSeconds: 45,
    capacity: 3,
    maxChars: 1000,
    sendKey: 'mod+enter',
    pauseOnVoice: false,
    options: ['attachments', 'emoji', 'templates', 'workflows', 'formatting'],
    formatting: 'whatsapp',
  },
  email: {
    acceptSeconds: 120,
    capacity: 2,
    maxChars: 30000,
    sendKey: 'mod+enter',
    pauseOnVoice: true,
    options: ['attachments', 'rich-text', 'emoji', 'templates', 'workflows'],
    formatting: 'plain',
  },
};

const FLAVOURS: readonly MarkupFlavour[] = ['whatsapp', 'messenger', 'plain', 'markdown'];

export const DEFAULT_MEDIA: Readonly<Record<MediaId, MediaConfigInput>> = {
  chat: { kind: 'chat' },
  sms: { kind: 'sms' },
  social: { kind: 'social', label: 'WhatsApp' },
  email: { kind: 'email' },
};

const MEDIA_KEYS: readonly (keyof MediaConfigInput)[] = [
  'transferTargets',
  'kind',
  'group',
  'label',
  'acceptSeconds',
  'capacity',
  'maxChars',
  'sendKey',
  'pauseOnVoice',
  'offerFields',
  'displayField',
  'options',
  'attachments',
  'formatting',
  'wrapUp',
  'email',
];

/**
 * One media of `config.media` (`id` and its entry) with every field checked: each bad field is named
 * through `bad` and left at its kind's default; `undefined` when the entry is not a media at all.
 */
export function resolveMedia(id: string, value: unknown, bad: Bad): MediaConfig | undefined {
  const path = `media.${id}`;
  if (!/^[a-z][a-z0-9-]*$/.test(id)) bad(path, 'has an id that is not lower-case letters, digits and dashes');
  const entry = (value ?? {}) as Record<string, unknown>;
  if (!isRecord(entry)) {
    bad(path, 'must be an object');
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!MEDIA_KEYS.includes(key as keyof MediaConfigInput)) bad(`${path}.${key}`, 'is not a media field');
  }
  const kindValue = entry['kind'] ?? (MEDIA_KINDS.includes(id as MediaKind) ? id : undefined);
  if (!MEDIA_KINDS.includes(kindValue as MediaKind)) {
    bad(`${path}.kind`, `must be one of ${MEDIA_KINDS.join(', ')} (got ${JSON.stringify(kindValue)})`);
    return undefined;
  }
  const kind = kindValue as MediaKind;
  const defaults = KIND_DEFAULTS[kind];
  const group = entry['group'] ?? DEFAULT_GROUP[kind];
  if (!GROUPS.includes(group as GroupId)) {
    bad(`${path}.group`, `must be one of ${GROUPS.join(', ')} (got ${JSON.stringify(group)})`);
  }
  const label = entry['label'];
  if (label !== undefined && !isLocalizedText(label)) {
    bad(`${path}.label`, 'must be a string or an object of strings by locale');
  }
  const sendKey = entry['sendKey'] ?? defaults.sendKey;
  if (sendKey !== 'enter' && sendKey !== 'mod+enter') {
    bad(`${path}.sendKey`, `must be "enter" or "mod+enter" (got ${JSON.stringify(sendKey)})`);
  }
  const pauseOnVoice = entry['pauseOnVoice'] ?? defaults.pauseOnVoice;
  if (typeof pauseOnVoice !== 'boolean') bad(`${path}.pauseOnVoice`, 'must be true or false');
  const offerFields = entry['offerFields'] ?? DEFAULT_OFFER_FIELDS[kind];
  if (!Array.isArray(offerFields) || !offerFields.every((f) => typeof f === 'string' && f !== '')) {
    bad(`${path}.offerFields`, 'must be a list of customer field names');
  }
  const options = entry['options'] ?? defaults.options;
  if (!Array.isArray(options) || !options.every((o) => COMPOSER_OPTIONS.includes(o as ComposerOption))) {
    bad(`${path}.options`, `must be a list of ${COMPOSER_OPTIONS.join(', ')}`);
  }
  const formatting = entry['formatting'] ?? defaults.formatting;
  if (!FLAVOURS.includes(formatting as MarkupFlavour)) {
    bad(`${path}.formatting`, `must be one of ${FLAVOURS.join(', ')} (got ${JSON.stringify(formatting)})`);
  }
  const limitsInput = entry['attachments'] ?? {};
  let attachments: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS;
  if (!isRecord(limitsInput)) {
    bad(`${path}.attachments`, 'must be an object such as {maxBytes, maxCount, accept}');
  } else {
    const accept = limitsInput['accept'] ?? DEFAULT_ATTACHMENT_LIMITS.accept;
    if (!Array.isArray(accept) || !accept.every((a) => typeof a === 'string')) {
      bad(`${path}.attachments.accept`, 'must be a list of MIME types or extensions');
    }
    attachments = {
      maxBytes: wholeNumber(bad, `${path}.attachments.maxBytes`, limitsInput['maxBytes'], DEFAULT_ATTACHMENT_LIMITS.maxBytes, 1),
      maxCount: wholeNumber(bad, `${path}.attachments.maxCount`, limitsInput['maxCount'], DEFAULT_ATTACHMENT_LIMITS.maxCount, 0),
      accept: accept as string[],
    };
  }
  const displayField = entry['displayField'] ?? DEFAULT_DISPLAY_FIELD[kind];
  if (typeof displayField !== 'string' || displayField === '') bad(`${path}.displayField`, 'must be a customer field name');
  return {
    id,
    kind,
    group: group as GroupId,
    ...(label !== undefined ? { label: label as LocalizedText } : {}),
    acceptSeconds: wholeNumber(bad, `${path}.acceptSeconds`, entry['acceptSeconds'], defaults.acceptSeconds, 1),
    capacity: wholeNumber(bad, `${path}.capacity`, entry['capacity'], defaults.capacity, 1),
    maxChars: wholeNumber(bad, `${path}.maxChars`, entry['maxChars'], defaults.maxChars, 1),
    sendKey: sendKey as SendKey,
    pauseOnVoice: pauseOnVoice as boolean,
    offerFields: offerFields as string[],
    displayField: displayField as string,
    options: options as ComposerOption[],
    attachments,
    formatting: formatting as MarkupFlavour,
    wrapUp: resolveWrapUp(entry['wrapUp'], `${path}.wrapUp`, bad),
    transferTargets: checkTransferTargets(entry['transferTargets'], `${path}.transferTargets`, bad),
    email: resolveEmailConfig(entry['email'], `${path}.email`, bad),
  };
}
