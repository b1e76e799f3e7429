/**
 * Words shared by several elements: media, groups, states and looks. Every one goes through @lit/localize
 * (`msg` with a stable id), so switching language re-renders them; labels that come from configuration
 * (reasons, custom media) are picked per locale with `pickText`.
 */
import { msg, str, getLocale, isLocaleLoaded } from './localization.js';
import type { MediaState, StateTarget } from '../model/agent-state.js';
import type { DcConfig } from '../model/config.js';
import type { GroupId, MediaConfig, MediaId, MediaKind } from '../model/media.js';
import type { AggregateLook, GroupLook } from '../model/state-rules.js';
import type { KeyNames } from '../model/shortcuts.js';
import { pickText } from '../model/text.js';

export function kindLabel(kind: MediaKind): string {
  switch (kind) {
    case 'chat':
      return msg('Chat', { id: 'media.chat' });
    case 'sms':
      return msg('SMS', { id: 'media.sms' });
    case 'social':
      return msg('Social', { id: 'media.social' });
    case 'email':
      return msg('Email', { id: 'media.email' });
  }
}

export function mediaLabel(config: DcConfig, media: MediaId): string {
  const m: MediaConfig | undefined = config.media.find((x) => x.id === media);
  if (!m) return media;
  return m.label !== undefined ? pickText(m.label, getLocale()) : kindLabel(m.kind);
}

export function scopeLabel(scope: GroupId | 'all'): string {
  switch (scope) {
    case 'all':
      return msg('All', { id: 'scope.all' });
    case 'chat-social':
      return msg('Chat/Social Channels', { id: 'scope.chat-social' });
    case 'email':
      return msg('Email', { id: 'scope.email' });
  }
}

export function reasonLabel(config: DcConfig, reasonId: string): string {
  const reason = config.notReadyReasons.find((r) => r.id === reasonId);
  return reason ? pickText(reason.label, getLocale()) : reasonId;
}

export function readyLabel(): string {
  return msg('Ready', { id: 'state.ready' });
}

export function notReadyLabel(config: DcConfig, reasonId?: string): string {
  if (!reasonId) return msg('Not Ready', { id: 'state.not-ready' });
  const reason = reasonLabel(config, reasonId);
  return msg(str`Not Ready – ${reason}`, { id: 'state.not-ready-reason' });
}

export function targetLabel(config: DcConfig, target: StateTarget): string {
  return target.availability === 'ready' ? readyLabel() : notReadyLabel(config, target.reasonId);
}

/** One media's state in words: "Ready", "Not Ready – Lunch", "Sign-in failed". */
export function mediaStateLabel(config: DcConfig, state: MediaState): string {
  switch (state.signIn) {
    case 'signed-out':
      return msg('Not signed in', { id: 'look.signed-out' });
    case 'signing-in':
      return msg('Signing in…', { id: 'look.signing-in' });
    case 'failed':
      return msg('Sign-in failed', { id: 'look.sign-in-failed' });
    case 'signed-in':
      if (!state.routable) return msg('Not Ready – non-routable', { id: 'look.non-routable' });
      return state.availability === 'ready' ? readyLabel() : notReadyLabel(config, state.reasonId);
  }
}

export function lookLabel(look: AggregateLook | GroupLook, config: DcConfig, reasonId?: string): string {
  switch (look) {
    case 'empty':
      return msg('No digital channel assigned', { id: 'look.empty' });
    case 'signed-out':
      return msg('Not signed in', { id: 'look.signed-out' });
    case 'signing-in':
      return msg('Signing in…', { id: 'look.signing-in' });
    case 'sign-in-failed':
      return msg('Sign-in failed', { id: 'look.sign-in-failed' });
    case 'ready':
      return readyLabel();
    case 'not-ready':
      return notReadyLabel(config);
    case 'not-ready-reason':
      return notReadyLabel(config, reasonId);
    case 'non-routable':
      return msg('Not Ready – non-routable', { id: 'look.non-routable' });
    case 'partial':
      return msg('Partial', { id: 'look.partial' });
  }
}

/**
 * A customer field's label in the agent's language: the configured label (`customerFields[name].label`)
 * first, else the kit's own word for the names it knows, else the variable's name as it came.
 */
export function fieldLabel(config: DcConfig, name: string): string {
  const configured = config.customerFields[name]?.label;
  if (configured !== undefined) return pickText(configured, getLocale());
  switch (name) {
    case 'name':
      return msg('Name', { id: 'field.name' });
    case 'email':
      return msg('Email', { id: 'field.email' });
    case 'phone':
      return msg('Phone number', { id: 'field.phone' });
    case 'sourceNumber':
      return msg('Source number', { id: 'field.source-number' });
    case 'accountNumber':
      return msg('Account number', { id: 'field.account-number' });
    case 'address':
      return msg('Address', { id: 'field.address' });
    case 'question':
      return msg('Question', { id: 'field.question' });
    case 'queue':
      return msg('Queue', { id: 'field.queue' });
    default:
      return name;
  }
}

const keyNamesByLocale = new Map<string, KeyNames>();

/**
 * The words keys are written with in the agent's language (the locale of the render under way), for
 * `formatKeyCombo`: "Ctrl+Maj+X", "Envoyer (Entrée)" in French, as the guide writes them.
 */
export function keyNames(): KeyNames {
  const locale = getLocale();
  let names = keyNamesByLocale.get(locale);
  if (!names) {
    names = {
      ctrl: msg('Ctrl', { id: 'keys.ctrl' }),
      alt: msg('Alt', { id: 'keys.alt' }),
      shift: msg('Shift', { id: 'keys.shift' }),
      meta: msg('Meta', { id: 'keys.meta' }),
      cmd: '⌘', // as Apple keyboards print it, in every language
      keys: {
        enter: msg('Enter', { id: 'keys.enter' }),
        tab: msg('Tab', { id: 'keys.tab' }),
        escape: msg('Esc', { id: 'keys.escape' }),
        backspace: msg('Backspace', { id: 'keys.backspace' }),
        delete: msg('Delete', { id: 'keys.delete' }),
        insert: msg('Insert', { id: 'keys.insert' }),
        home: msg('Home', { id: 'keys.home' }),
        end: msg('End', { id: 'keys.end' }),
        pageup: msg('Page Up', { id: 'keys.page-up' }),
        pagedown: msg('Page Down', { id: 'keys.page-down' }),
        arrowup: msg('Up', { id: 'keys.up' }),
        arrowdown: msg('Down', { id: 'keys.down' }),
        arrowleft: msg('Left', { id: 'keys.left' }),
        arrowright: msg('Right', { id: 'keys.right' }),
      },
    };
    // Kept once the locale's strings are in: English is, and a French render only runs once they are.
    if (isLocaleLoaded(locale)) keyNamesByLocale.set(locale, names);
  }
  return names;
}
