/**
 * What the composer says under its box, updated on every key: the formatted preview (COMP-9), the
 * counter of what will be sent against the media's limit, with SMS segments (COMP-3), and the standing
 * problems: over the limit (COMP-3), fields still to fill (COMP-7). Text-only bindings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { messageLength, smsSegments } from '../../model/compose.js';
import { unfilledFields } from '../../model/templates.js';
import { icon } from '../../ui/conversation-icons.js';
import type { Writable } from './parts.js';
import { counterLabel, counterText, overLimitText, segmentsText, unfilledText } from './words.js';

/** `sent` is the text in the channel's markup, `over` how far it is over the limit (0 when not). */
export function statusLines(target: Writable, sent: string, over: number, preview: TemplateResult | typeof nothing): TemplateResult {
  const { draft, media } = target;
  const length = messageLength(sent);
  const unfilled = draft.template ? unfilledFields(draft.template) : [];
  return html`${preview}
    <p class="status-line">
      <span id="counter" class=${over > 0 ? 'counter over' : 'counter'} part="counter"
        ><span aria-hidden="true">${counterText(length, media.maxChars)}</span
        ><span class="visually-hidden">${counterLabel(length, media.maxChars)}</span>${media.kind === 'sms'
          ? html`<span class="segments"> · ${segmentsText(smsSegments(sent))}</span>`
          : nothing}</span
      >
    </p>
    <div id="problems" class="problems" aria-live="polite">
      ${over > 0 ? html`<p class="error" part="error">${icon('circle-alert')}<span>${overLimitText(over)}</span></p>` : nothing}
      ${unfilled.length
        ? html`<p class="warning">${icon('triangle-alert')}<span>${unfilledText(unfilled.map((f) => f.label))}</span></p>`
        : nothing}
    </div>`;
}
