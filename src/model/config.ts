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
import { DEFAULT_SHORTCUTS, SHORTCUT_ACTIONS, parseKeyCombo, shortcutScope, type ShortcutAction } from './shortcuts.js';
import { DEFAULT_DISPLAY_FIELD, DEFAULT_OFFER_FIELDS } from './tasks.js';
import { isLocalizedText, type LocalizedText } from './text.js';
import { resolveWrapUp, type WrapUpConfigInput } from './wrap-up.js';
import { checkTransferTargets, type TransferTarget } from './transfer.js';
import { isRecord } from './records.js';

/** A Not Ready reason: the same list as voice (STATE-2). */
export interface NotReadyReason {
  readonly id: string;
  readonly label: LocalizedText;
}

/** What happens to active tasks when the agent signs out. STATE-8. */
export type SignOutDisposition = 'transfer' | 'close';

/** How a customer field is checked before it is saved (CUST-3). */
export type FieldType = 'text' | 'email' | 'phone' | 'number' | 'date' | 'choice';
export const FIELD_TYPES: readonly FieldType[] = ['text', 'email', 'phone', 'number', 'date', 'choice'];

/** One value a `choice` customer field may take, with its label (CUST-3). */
export interface FieldOption {
  readonly value: string;
  readonly label: LocalizedText;
}

/** A customer field the routing system may send (a named variable), with its label. */
export interface CustomerFieldConfig {
  /** Shown instead of the kit's own label for the known fields (name, email, phone…). */
  readonly label?: LocalizedText;
  readonly type: FieldType;
  /** Whether the agent may edit it (CUST-3). */
  readonly editable: boolean;
  /** Whether an edit may leave it empty (CUST-3; default false). */
  readonly required?: boolean;
  /** Longest value accepted, in characters (CUST-3). */
  readonly maxLength?: number;
  /** The values a `choice` field may take, in the order shown (at least one; values unique). */
  readonly options?: readonly FieldOption[];
}

/** What a host passes for a customer field (CUST-1, CUST-3). */
export interface CustomerFieldInput {
  label?: LocalizedText;
  type?: FieldType;
  editable?: boolean;
  required?: boolean;
  maxLength?: number;
  options?: readonly FieldOption[];
}

export interface AgentInfo {
  readonly id: string;
  readonly name: string;
}

/** The configuration after defaults and validation: every field present. */
export interface DcConfig {
  /** The configured media, in display order. An empty list gives the SIGN-5 empty state. */
  readonly media: readonly MediaConfig[];
  readonly notReadyReasons: readonly NotReadyReason[];
  /** Automatic sign-in retries after the first failure. SIGN-4. */
  readonly signInRetries: number;
  /** Automatic retries of a failed state change. STATE-7. */
  readonly stateRetries: number;
  /** First retry delay; each further retry doubles it, up to `retryMaxDelayMs`. */
  readonly retryDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly onSignOut: SignOutDisposition;
  readonly agent: AgentInfo;
  /** Key bindings; `null` switches an action's shortcut off. */
  readonly shortcuts: Readonly<Record<ShortcutAction, string | null>>;
  /** Seconds an informational notification stays; errors stay until dismissed. */
  readonly notificationSeconds: number;
  /** Names what the kit keeps in storage (FAIL-3); one kit per agent and page. */
  readonly storageKey: string;
  /** Customer fields by variable name, in display order. */
  readonly customerFields: Readonly<Record<string, CustomerFieldConfig>>;
  /**
   * Origins (`https://files.example.com`) whose pictures in customers' messages show at once; from any
   * other, a customer's picture waits until the agent asks for it ("Load image"), as email images do.
   */
  readonly remoteImages: readonly string[];
}

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

/** What a host passes: every field optional. */
export interface DcConfigInput {
  /** Media by id, in display order. Defaults to chat, sms, social and email. */
  media?: Readonly<Record<MediaId, MediaConfigInput>>;
  notReadyReasons?: readonly NotReadyReason[];
  signInRetries?: number;
  stateRetries?: number;
  retryDelayMs?: number;
  retryMaxDelayMs?: number;
  onSignOut?: SignOutDisposition;
  agent?: AgentInfo;
  /**
   * Remaps shortcuts (`{'state.open-menu': 'Ctrl+Alt+S'}`, `{'composer.send': 'Alt+Enter'}`), switches one
   * off (`null`) or all (`false`), the composer's send and style keys included.
   */
  shortcuts?: Partial<Record<ShortcutAction, string | null>> | false;
  notificationSeconds?: number;
  storageKey?: string;
  customerFields?: Readonly<Record<string, CustomerFieldInput>>;
  remoteImages?: readonly string[];
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

/** The customer variables the kit knows by name; any other name gets its label from configuration. */
export const DEFAULT_CUSTOMER_FIELDS: Readonly<Record<string, CustomerFieldConfig>> = {
  name: { type: 'text', editable: true },
  email: { type: 'email', editable: true },
  phone: { type: 'phone', editable: true },
  sourceNumber: { type: 'phone', editable: false },
  accountNumber: { type: 'text', editable: false },
  address: { type: 'text', editable: true },
  question: { type: 'text', editable: false },
};

export const DEFAULT_REASONS: readonly NotReadyReason[] = [
  { id: 'lunch', label: { en: 'Lunch', fr: 'Déjeuner' } },
  { id: 'break', label: { en: 'Break', fr: 'Pause' } },
  { id: 'meeting', label: { en: 'Meeting', fr: 'Réunion' } },
  { id: 'training', label: { en: 'Training', fr: 'Formation' } },
];

/** Thrown for an invalid configuration. `fields` names every bad field, e.g. `media.sms.capacity`. */
export class DcConfigError extends Error {
  readonly fields: readonly string[];
  constructor(problems: readonly { field: string; message: string }[]) {
    super(
      `Invalid dc-widgets configuration: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    );
    this.name = 'DcConfigError';
    this.fields = problems.map((p) => p.field);
  }
}

const CONFIG_KEYS: readonly (keyof DcConfigInput)[] = [
  'media',
  'notReadyReasons',
  'signInRetries',
  'stateRetries',
  'retryDelayMs',
  'retryMaxDelayMs',
  'onSignOut',
  'agent',
  'shortcuts',
  'notificationSeconds',
  'storageKey',
  'customerFields',
  'remoteImages',
];
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

/** How deep a configuration goes: deeper is not a configuration (or it is cyclic). */
const MAX_DEPTH = 8;

/**
 * A plain copy of what the host passed, each property read once: a getter that throws, a proxy, a
 * cycle or a BigInt becomes a problem with the field's name instead of an exception, and the checks
 * below then read only plain data (which the host can no longer change under the kit).
 */
function plainCopy(value: unknown, field: string, bad: (field: string, message: string) => void, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
      bad(field, `must be plain data (got a ${typeof value})`);
      return undefined;
    }
    return value;
  }
  if (depth >= MAX_DEPTH) {
    bad(field, 'is nested too deeply (or refers to itself)');
    return undefined;
  }
  try {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out.push(plainCopy(value[i], `${field}[${i}]`, bad, depth + 1));
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const path = field === '' ? key : `${field}.${key}`;
      let item: unknown;
      try {
        item = (value as Record<string, unknown>)[key];
      } catch (error) {
        bad(path, `could not be read (${error instanceof Error ? error.message : 'it threw'})`);
        continue;
      }
      Object.defineProperty(out, key, { value: plainCopy(item, path, bad, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  } catch (error) {
    bad(field || 'config', `could not be read (${error instanceof Error ? error.message : 'it threw'})`);
    return undefined;
  }
}

/**
 * Applies defaults and validates. Throws one `DcConfigError` listing every bad field; never returns a
 * half-valid configuration, and never throws anything else (a getter that throws is a bad field).
 */
export function resolveConfig(input: DcConfigInput | undefined | null = {}): DcConfig {
  const problems: { field: string; message: string }[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  const raw = plainCopy(input ?? {}, '', bad) as Record<string, unknown>;
  if (!isRecord(raw)) throw new DcConfigError([...problems, { field: 'config', message: 'must be an object' }]);

  for (const key of Object.keys(raw)) {
    if (!CONFIG_KEYS.includes(key as keyof DcConfigInput)) bad(key, 'is not a configuration field');
  }

  const int = (field: string, value: unknown, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      bad(field, `must be a whole number of at least ${min} (got ${JSON.stringify(value)})`);
      return fallback;
    }
    return value;
  };

  const media: MediaConfig[] = [];
  const mediaInput = raw['media'] === undefined ? DEFAULT_MEDIA : raw['media'];
  if (!isRecord(mediaInput)) {
    bad('media', 'must be an object of media by id, e.g. {chat: {}, email: {}}');
  } else {
    for (const [id, value] of Object.entries(mediaInput)) {
      const path = `media.${id}`;
      if (!/^[a-z][a-z0-9-]*$/.test(id)) bad(path, 'has an id that is not lower-case letters, digits and dashes');
      const entry = (value ?? {}) as Record<string, unknown>;
      if (!isRecord(entry)) {
        bad(path, 'must be an object');
        continue;
      }
      for (const key of Object.keys(entry)) {
        if (!MEDIA_KEYS.includes(key as keyof MediaConfigInput)) bad(`${path}.${key}`, 'is not a media field');
      }
      const kindValue = entry['kind'] ?? (MEDIA_KINDS.includes(id as MediaKind) ? id : undefined);
      if (!MEDIA_KINDS.includes(kindValue as MediaKind)) {
        bad(`${path}.kind`, `must be one of ${MEDIA_KINDS.join(', ')} (got ${JSON.stringify(kindValue)})`);
        continue;
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
          maxBytes: int(`${path}.attachments.maxBytes`, limitsInput['maxBytes'], DEFAULT_ATTACHMENT_LIMITS.maxBytes, 1),
          maxCount: int(`${path}.attachments.maxCount`, limitsInput['maxCount'], DEFAULT_ATTACHMENT_LIMITS.maxCount, 0),
          accept: accept as string[],
        };
      }
      const displayField = entry['displayField'] ?? DEFAULT_DISPLAY_FIELD[kind];
      if (typeof displayField !== 'string' || displayField === '') bad(`${path}.displayField`, 'must be a customer field name');
      media.push({
        id,
        kind,
        group: group as GroupId,
        ...(label !== undefined ? { label: label as LocalizedText } : {}),
        acceptSeconds: int(`${path}.acceptSeconds`, entry['acceptSeconds'], defaults.acceptSeconds, 1),
        capacity: int(`${path}.capacity`, entry['capacity'], defaults.capacity, 1),
        maxChars: int(`${path}.maxChars`, entry['maxChars'], defaults.maxChars, 1),
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
      });
    }
  }

  let notReadyReasons = DEFAULT_REASONS;
  if (raw['notReadyReasons'] !== undefined) {
    const reasons = raw['notReadyReasons'];
    if (!Array.isArray(reasons)) {
      bad('notReadyReasons', 'must be a list of {id, label}');
    } else {
      const seen = new Set<string>();
      reasons.forEach((reason: unknown, i) => {
        const path = `notReadyReasons[${i}]`;
        if (!isRecord(reason) || typeof reason['id'] !== 'string' || reason['id'] === '') {
          bad(`${path}.id`, 'must be a non-empty string');
          return;
        }
        if (seen.has(reason['id'])) bad(`${path}.id`, `repeats "${reason['id']}"`);
        seen.add(reason['id']);
        if (!isLocalizedText(reason['label'])) bad(`${path}.label`, 'must be a string or an object of strings by locale');
      });
      notReadyReasons = reasons as NotReadyReason[];
    }
  }

  const onSignOut = raw['onSignOut'] ?? 'transfer';
  if (onSignOut !== 'transfer' && onSignOut !== 'close') {
    bad('onSignOut', `must be "transfer" or "close" (got ${JSON.stringify(onSignOut)})`);
  }

  let agent: AgentInfo = { id: 'agent', name: 'Agent' };
  if (raw['agent'] !== undefined) {
    const a = raw['agent'];
    if (!isRecord(a) || typeof a['id'] !== 'string' || a['id'] === '' || typeof a['name'] !== 'string') {
      bad('agent', 'must be {id: string, name: string}');
    } else {
      agent = { id: a['id'], name: a['name'] };
    }
  }

  const shortcuts = {} as Record<ShortcutAction, string | null>;
  const shortcutInput = raw['shortcuts'];
  if (shortcutInput !== undefined && shortcutInput !== false && !isRecord(shortcutInput)) {
    bad('shortcuts', 'must be an object of key combinations by action, or false');
  }
  for (const action of SHORTCUT_ACTIONS) {
    shortcuts[action] = null;
    if (shortcutInput === false) continue;
    const given = isRecord(shortcutInput) ? shortcutInput[action] : undefined;
    if (given === undefined) {
      shortcuts[action] = DEFAULT_SHORTCUTS[action];
    } else if (given === null) {
      shortcuts[action] = null;
    } else if (typeof given !== 'string') {
      bad(`shortcuts.${action}`, 'must be a key combination such as "Ctrl+Shift+L", or null');
    } else {
      try {
        parseKeyCombo(given, shortcutScope(action));
        shortcuts[action] = given;
      } catch (error) {
        bad(`shortcuts.${action}`, (error as Error).message);
      }
    }
  }
  if (isRecord(shortcutInput)) {
    for (const key of Object.keys(shortcutInput)) {
      if (!SHORTCUT_ACTIONS.includes(key as ShortcutAction)) {
        bad(`shortcuts.${key}`, `is not an action (one of ${SHORTCUT_ACTIONS.join(', ')})`);
      }
    }
  }

  const storageKey = raw['storageKey'] ?? `dc-widgets:${agent.id}`;
  if (typeof storageKey !== 'string' || storageKey === '') bad('storageKey', 'must be a non-empty string');

  // By variable name, any name: a null-prototype record, read for own entries only.
  const customerFields = Object.assign(Object.create(null) as Record<string, CustomerFieldConfig>, DEFAULT_CUSTOMER_FIELDS);
  const fieldsInput = raw['customerFields'];
  if (fieldsInput !== undefined) {
    if (!isRecord(fieldsInput)) {
      bad('customerFields', 'must be an object of fields by variable name');
    } else {
      for (const [name, value] of Object.entries(fieldsInput)) {
        const path = `customerFields.${name}`;
        if (!isRecord(value)) {
          bad(path, 'must be an object such as {label, type, editable}');
          continue;
        }
        const known = Object.hasOwn(DEFAULT_CUSTOMER_FIELDS, name) ? DEFAULT_CUSTOMER_FIELDS[name] : undefined;
        for (const key of Object.keys(value)) {
          if (!CUSTOMER_FIELD_KEYS.includes(key)) bad(`${path}.${key}`, 'is not a customer field setting');
        }
        const type = value['type'] ?? known?.type ?? 'text';
        if (!FIELD_TYPES.includes(type as FieldType)) {
          bad(`${path}.type`, `must be one of ${FIELD_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
        }
        const editable = value['editable'] ?? known?.editable ?? false;
        if (typeof editable !== 'boolean') bad(`${path}.editable`, 'must be true or false');
        const fieldLabel = value['label'];
        if (fieldLabel !== undefined && !isLocalizedText(fieldLabel)) {
          bad(`${path}.label`, 'must be a string or an object of strings by locale');
        }
        if (fieldLabel === undefined && !known) bad(`${path}.label`, 'is required for a field the kit does not know');
        const required = value['required'] ?? false;
        if (typeof required !== 'boolean') bad(`${path}.required`, 'must be true or false');
        const maxLength = value['maxLength'];
        if (maxLength !== undefined && (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_FIELD_LENGTH)) {
          bad(`${path}.maxLength`, `must be a whole number from 1 to ${MAX_FIELD_LENGTH} (got ${JSON.stringify(maxLength)})`);
        }
        const options = fieldOptions(value['options'], type === 'choice', `${path}.options`, bad);
        customerFields[name] = {
          type: type as FieldType,
          editable: editable as boolean,
          ...(fieldLabel !== undefined ? { label: fieldLabel as LocalizedText } : {}),
          ...(required === true ? { required: true } : {}),
          ...(typeof maxLength === 'number' ? { maxLength } : {}),
          ...(options ? { options } : {}),
        };
      }
    }
  }

  const remoteImages: string[] = [];
  const imagesInput = raw['remoteImages'];
  const origin = 'an http(s) origin such as "https://files.example.com"';
  if (imagesInput !== undefined && !Array.isArray(imagesInput)) bad('remoteImages', `must be a list, each ${origin}`);
  if (Array.isArray(imagesInput)) {
    (imagesInput as unknown[]).forEach((value, i) => {
      const found = originOf(value);
      if (found) remoteImages.push(found);
      else bad(`remoteImages[${i}]`, `must be ${origin} (got ${typeof value === 'string' ? JSON.stringify(value) : typeof value})`);
    });
  }

  const retryDelayMs = int('retryDelayMs', raw['retryDelayMs'], 1000, 0);
  const config: DcConfig = {
    media,
    notReadyReasons,
    signInRetries: int('signInRetries', raw['signInRetries'], 3, 0),
    stateRetries: int('stateRetries', raw['stateRetries'], 3, 0),
    retryDelayMs,
    retryMaxDelayMs: int('retryMaxDelayMs', raw['retryMaxDelayMs'], Math.max(retryDelayMs, 30000), 0),
    onSignOut: onSignOut as SignOutDisposition,
    agent,
    shortcuts,
    notificationSeconds: int('notificationSeconds', raw['notificationSeconds'], 8, 1),
    storageKey: storageKey as string,
    customerFields,
    remoteImages,
  };
  if (problems.length) throw new DcConfigError(problems);
  return config;
}

/** The settings a customer field takes (CUST-1, CUST-3). */
const CUSTOMER_FIELD_KEYS: readonly string[] = ['label', 'type', 'editable', 'required', 'maxLength', 'options'];
/** No customer value is longer than this, whatever a field's `maxLength` says. */
export const MAX_FIELD_LENGTH = 10_000;

/**
 * A `choice` field's options: a non-empty list of `{value, label}` with unique, non-empty values. Any
 * other field takes none. Returns the options when they check out.
 */
function fieldOptions(
  raw: unknown,
  choice: boolean,
  path: string,
  bad: (field: string, message: string) => void,
): FieldOption[] | undefined {
  if (raw === undefined) {
    if (choice) bad(path, 'is required for a choice field: a list of {value, label}');
    return undefined;
  }
  if (!choice) {
    bad(path, 'is only for a field of type choice');
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    bad(path, 'must be a non-empty list of {value, label}');
    return undefined;
  }
  const seen = new Set<string>();
  const options: FieldOption[] = [];
  raw.forEach((option: unknown, i) => {
    const where = `${path}[${i}]`;
    if (!isRecord(option) || typeof option['value'] !== 'string' || option['value'] === '') {
      return void bad(`${where}.value`, 'must be a non-empty string');
    }
    if (option['value'].length > MAX_FIELD_LENGTH) return void bad(`${where}.value`, `is longer than ${MAX_FIELD_LENGTH} characters`);
    if (seen.has(option['value'])) return void bad(`${where}.value`, `repeats "${option['value']}"`);
    seen.add(option['value']);
    if (!isLocalizedText(option['label'])) return void bad(`${where}.label`, 'must be a string or an object of strings by locale');
    options.push({ value: option['value'], label: option['label'] as LocalizedText });
  });
  return options;
}

/** An http(s) origin, written as one (no path, query, fragment or credentials), else undefined. */
function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !value.trim().endsWith('?');
  return (url.protocol === 'https:' || url.protocol === 'http:') && bare ? url.origin : undefined;
}
