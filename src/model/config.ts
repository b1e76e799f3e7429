import type { MediaConfig, MediaId } from './media.js';
import { DEFAULT_MEDIA, resolveMedia, type MediaConfigInput } from './media-config.js';
import { DEFAULT_SHORTCUTS, SHORTCUT_ACTIONS, parseKeyCombo, shortcutScope, type ShortcutAction } from './shortcuts.js';
import { isLocalizedText, type LocalizedText } from './text.js';
import { isRecord, wholeNumber } from './records.js';

export { DEFAULT_MEDIA, type MediaConfigInput };

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

  const int = (field: string, value: unknown, fallback: number, min: number): number => wholeNumber(bad, field, value, fallback, min);

  const media: MediaConfig[] = [];
  const mediaInput = raw['media'] === undefined ? DEFAULT_MEDIA : raw['media'];
  if (!isRecord(mediaInput)) {
    bad('media', 'must be an object of media by id, e.g. {chat: {}, email: {}}');
  } else {
    for (const [id, value] of Object.entries(mediaInput)) {
      const resolved = resolveMedia(id, value, bad);
      if (resolved) media.push(resolved);
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
