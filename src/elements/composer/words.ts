/**
 * The composer's words: the sentences that take parameters (the length counter and its limit, COMP-3;
 * SMS segments; unfilled fields, COMP-7; unknown parameters, COMP-8), and the words its controllers share
 * (style names, the panels' loading and failure, why the box is disabled). Called while rendering, so a
 * language switch re-words them. The words of refused files are in refusals.ts, loaded with the first.
 */
import { msg, str } from '../../i18n/localization.js';
import type { SmsSegments, TextStyle } from '../../model/compose.js';
import type { Panel } from './lazy.js';

/** "12 / 1000". */
export function counterText(length: number, max: number): string {
  return msg(str`${length} / ${max}`, { id: 'composer.counter' });
}

/** The counter as a screen reader hears it. */
export function counterLabel(length: number, max: number): string {
  return msg(str`${length} of ${max} characters`, { id: 'composer.counter-label' });
}

/** COMP-3's red message. */
export function overLimitText(over: number): string {
  return over === 1
    ? msg('1 character over the limit: shorten the message to send it.', { id: 'composer.over-one' })
    : msg(str`${over} characters over the limit: shorten the message to send it.`, { id: 'composer.over-many' });
}

/** After a host changed the text in `dc-before-send`, the result was too long. */
export function hostTooLongText(over: number): string {
  return msg(str`Not sent: the message to send is ${over} characters over the limit.`, { id: 'composer.host-too-long' });
}

/** "2 SMS · GSM-7" or "1 SMS · Unicode": how the text goes out as SMS. */
export function segmentsText(sms: SmsSegments): string {
  const count = sms.segments;
  return sms.encoding === 'gsm-7'
    ? msg(str`${count} SMS · GSM-7`, { id: 'composer.segments-gsm' })
    : msg(str`${count} SMS · Unicode`, { id: 'composer.segments-ucs' });
}

/** COMP-7: Send is blocked until these fields are filled. */
export function unfilledText(labels: readonly string[]): string {
  const list = labels.join(', ');
  return msg(str`Fill in before sending: ${list}.`, { id: 'composer.unfilled' });
}

/** COMP-8: system parameters the template named but the task does not carry. */
export function unknownText(names: readonly string[]): string {
  const list = names.map((n) => `{{${n}}}`).join(', ');
  return msg(str`Left as written (no value for this task): ${list}.`, { id: 'composer.unknown-params' });
}

/** A malformed template body was loaded as plain text. */
export function templateErrorText(index: number): string {
  const at = index + 1;
  return msg(str`This template has a mistake at character ${at}: it was loaded as plain text.`, { id: 'composer.template-error' });
}

/** Why the box is disabled: no task on show, or a task the agent does not hold. */
export function blockText(block: 'no-task' | 'not-held' | 'transferring' | 'unavailable'): string {
  switch (block) {
    case 'transferring':
      return msg('A transfer is under way: sending waits until it is done.', { id: 'composer.transferring' });
    case 'no-task':
      return msg('Select a task to write a message.', { id: 'composer.no-task' });
    case 'not-held':
      return msg('Accept the task to write a message.', { id: 'composer.not-held' });
    case 'unavailable':
      return msg('The compose area is not connected to a contact centre.', { id: 'composer.unavailable' });
  }
}

/** A style's name (COMP-9). */
export function styleLabel(style: TextStyle): string {
  switch (style) {
    case 'bold':
      return msg('Bold', { id: 'composer.bold' });
    case 'italic':
      return msg('Italic', { id: 'composer.italic' });
    case 'strike':
      return msg('Strikethrough', { id: 'composer.strike' });
  }
}

/** The letter on each style button (G, I, B in French). */
export function styleGlyph(style: TextStyle): string {
  switch (style) {
    case 'bold':
      return msg('B', { id: 'composer.bold-glyph' });
    case 'italic':
      return msg('I', { id: 'composer.italic-glyph' });
    case 'strike':
      return msg('S', { id: 'composer.strike-glyph' });
  }
}

/** A panel's module is on its way (the first time it opens). */
export function panelLoadingText(panel: Panel): string {
  switch (panel) {
    case 'templates':
      return msg('Loading templates…', { id: 'composer.loading-templates' });
    case 'emoji':
      return msg('Loading emoji…', { id: 'composer.loading-emoji' });
    case 'workflows':
      return msg('Loading workflows…', { id: 'composer.loading-workflows' });
  }
}

/** A panel's module could not be loaded. */
export function panelFailedText(panel: Panel): string {
  switch (panel) {
    case 'templates':
      return msg('The template list could not be loaded.', { id: 'composer.failed-templates' });
    case 'emoji':
      return msg('The emoji panel could not be loaded.', { id: 'composer.failed-emoji' });
    case 'workflows':
      return msg('The workflow dialog could not be loaded.', { id: 'composer.failed-workflows' });
  }
}
