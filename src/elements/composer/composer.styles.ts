import { css, unsafeCSS } from 'lit';
import { topLayerStyles } from '../internal/top-layer.js';

export const styles = css`
  ${topLayerStyles}
  :host {
    display: block;
    --_dc-box-min: var(--dc-composer-min-height, 4.5em);
    --_dc-box-max: var(--dc-composer-max-height, 12em);
  }
  .composer {
    position: relative;
    display: flex;
    flex-direction: column;
    padding: 0.5rem;
    background: var(--_dc-surface);
    color: var(--_dc-text);
  }
  p {
    margin: 0;
  }
  /* Blocks are spaced by their own margin, so that the live regions, empty most of the time, take no room. */
  .composer > * + *,
  .problems > *,
  .alerts > * {
    margin-top: 0.4rem;
  }
  .composer > .problems,
  .composer > .alerts,
  .composer > .popover,
  .composer > .dropzone,
  .composer > dc-workflow-dialog {
    margin-top: 0;
  }
  .status-line {
    margin-top: 0.2rem;
  }
  .icon {
    width: 1.15em;
    height: 1.15em;
    flex: none;
  }

  /* The box: a mirror layer behind a transparent textarea, with the same font, padding and wrapping,
     so that field and style marks sit exactly under the characters they belong to. */
  .box {
    position: relative;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
  }
  .box:focus-within {
    outline: 2px solid var(--_dc-focus);
    outline-offset: 1px;
  }
  :host(:state(over-limit)) .box {
    border-color: var(--_dc-danger);
  }
  :host(:state(disabled)) .box {
    background: var(--_dc-surface-raised);
  }
  .mirror,
  textarea {
    margin: 0;
    padding: 0.5rem 0.6rem;
    border: 0;
    font: inherit;
    line-height: 1.45;
    letter-spacing: normal;
    tab-size: 4;
    white-space: pre-wrap;
    overflow-wrap: break-word;
    word-break: normal;
    scrollbar-gutter: stable;
  }
  /* Laid over the textarea's box exactly, and never sizing it: the textarea alone sets the height. */
  .mirror {
    position: absolute;
    inset: 0;
    overflow: hidden;
    color: transparent;
    pointer-events: none;
    user-select: none;
  }
  /* Positioned, and after the mirror: the text paints over the marks. A textarea left in the flow would
     paint under the positioned mirror, whose field highlights would then hide the text they mark. */
  textarea {
    position: relative;
    display: block;
    width: 100%;
    min-height: var(--_dc-box-min);
    max-height: var(--_dc-box-max);
    field-sizing: content;
    resize: none;
    overflow-y: auto;
    background: transparent;
    color: var(--_dc-text);
    caret-color: var(--_dc-text);
    outline: none;
  }
  textarea::placeholder {
    color: var(--_dc-text-muted);
  }
  textarea:disabled {
    cursor: not-allowed;
  }
  :host(:state(locked)) textarea {
    cursor: default;
  }
  .mirror .field {
    border-radius: 2px;
    background: var(--_dc-info-surface);
    box-shadow: inset 0 -2px 0 var(--_dc-accent);
  }
  .mirror .field.unfilled {
    background: var(--_dc-warning-surface);
    box-shadow: inset 0 -2px 0 var(--_dc-partial);
  }
  .mirror .field.empty {
    margin: 0 -1px;
    border-left: 2px solid var(--_dc-partial);
  }
  .mirror .bold {
    text-decoration: underline 2px var(--_dc-accent);
    text-underline-offset: 3px;
  }
  .mirror .italic {
    text-decoration: underline wavy 1px var(--_dc-accent);
    text-underline-offset: 3px;
  }
  .mirror .strike {
    text-decoration: line-through 1.5px var(--_dc-text);
  }

  .preview {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.92em;
  }
  .preview-label,
  .status-line {
    color: var(--_dc-text-muted);
  }
  .status-line {
    display: flex;
    justify-content: flex-end;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_dc-danger);
    font-weight: 600;
  }
  .error,
  .warning,
  .note,
  .template-note {
    display: flex;
    align-items: flex-start;
    gap: 0.4rem;
    font-size: 0.92em;
  }
  .error {
    color: var(--_dc-danger);
  }
  .rejections {
    padding: 0.4rem 0.5rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-danger-surface);
    color: var(--_dc-text);
  }
  .rejections > .icon {
    color: var(--_dc-danger);
  }
  /* Bounded, whatever was dropped (HOSTILE-19): a thousand refusals scroll here, and Send stays in sight. */
  .refusal-list {
    flex: 1 1 auto;
    min-width: 0;
    max-height: 6.5em;
    overflow-y: auto;
    overscroll-behavior: contain;
    overflow-wrap: anywhere;
  }
  .refusal-summary {
    font-weight: 600;
  }
  .rejections ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .warning {
    padding: 0.3rem 0.5rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-warning-surface);
  }
  .note {
    color: var(--_dc-text-muted);
  }
  .note.offline {
    padding: 0.3rem 0.5rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-warning-surface);
    color: var(--_dc-text);
  }

  .template {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.35rem 0.5rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface-raised);
  }
  .template-name {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  :host(:state(locked)) .template-name .icon {
    color: var(--_dc-partial);
  }
  .template-note {
    color: var(--_dc-text-muted);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-info-surface);
  }
  .confirm p {
    flex: 1 1 12rem;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    max-width: 100%;
    padding: 0.15rem 0.15rem 0.15rem 0.4rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface-raised);
    font-size: 0.92em;
  }
  .thumb {
    width: 1.8rem;
    height: 1.8rem;
    border-radius: 3px;
    object-fit: cover;
  }
  .chip-name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip-size {
    color: var(--_dc-text-muted);
    white-space: nowrap;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .group {
    display: flex;
    align-items: center;
    gap: 0.15rem;
  }
  .group:empty {
    display: none;
  }
  .group.end {
    gap: 0.4rem;
    margin-left: auto;
  }
  /* HOSTILE-30: a panel's button names itself beside its icon where there is room (Templates and
     Workflows first); elsewhere its name is out of sight, for screen readers, and shows above the
     button while the keyboard is on it (the mouse has the tooltip), until Escape. The widths are in
     em, the composer's own font size, so that a larger font asks for more room; each fits the
     French names (the longer ones) on one row with Clear and Send. */
  .toolbar button[data-label] {
    position: relative;
  }
  .toolbar .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Of low specificity, so that the width rules below (un-hiding the name) win over it. */
  .toolbar :where(button[data-label]:focus-visible:not([data-quiet])) .label {
    bottom: calc(100% + 0.35rem);
    left: 0;
    z-index: 2;
    width: auto;
    height: auto;
    padding: 0.15rem 0.45rem;
    overflow: visible;
    clip-path: none;
    border-radius: var(--_dc-radius);
    background: var(--_dc-text);
    color: var(--_dc-surface);
    font-size: 0.85em;
    font-weight: 600;
    pointer-events: none;
  }
  button.style span {
    min-width: 1em;
    font-family: Georgia, 'Times New Roman', serif;
    font-size: 1.05em;
  }
  button.style.bold span {
    font-weight: 700;
  }
  button.style.italic span {
    font-style: italic;
  }
  button.style.strike span {
    text-decoration: line-through;
  }
  button.style[aria-pressed='true'] {
    border-color: var(--_dc-accent);
    background: var(--_dc-info-surface);
  }
  button.link {
    min-height: 0;
    margin-left: auto;
    padding: 0.1rem 0.3rem;
    border: 0;
    background: none;
    color: var(--_dc-accent);
    text-decoration: underline;
  }
  .chip button.icon-button {
    min-width: 1.6rem;
    min-height: 1.6rem;
  }

  /* In the top layer, placed above the box (or below it, where there is more room): popovers.ts. */
  .popover {
    z-index: var(--_dc-z-overlay);
    max-width: min(26rem, calc(100vw - 1rem));
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    box-shadow: var(--_dc-shadow);
  }
  .popover.picker {
    width: min(26rem, calc(100% - 1rem));
    padding: 0.5rem;
  }
  .popover.emoji {
    border: 0;
    background: none;
  }
  /* A panel loading for the first time, or failing to: in the panel's place, as wide as a short sentence. */
  .popover > .panel {
    width: min(20rem, calc(100vw - 2rem));
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
  }
  .popover.emoji > .panel {
    box-shadow: var(--_dc-shadow);
  }
  .popover.workflows {
    border: 0;
    background: none;
    box-shadow: none;
  }
  .panel-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.6rem 0.75rem;
  }
  .panel-status p {
    display: flex;
    flex: 1 1 12rem;
    align-items: flex-start;
    gap: 0.4rem;
  }
  .panel-status.failed .icon-circle-alert {
    color: var(--_dc-danger);
  }
  .panel-status .icon-loader-circle {
    animation: dc-composer-spin 1s linear infinite;
  }
  @keyframes dc-composer-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .panel-status .icon-loader-circle {
      animation: none;
    }
  }
  .dropzone {
    position: absolute;
    inset: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    border: 2px dashed var(--_dc-accent);
    border-radius: var(--_dc-radius);
    background: var(--_dc-info-surface);
    color: var(--_dc-text);
    font-weight: 600;
    pointer-events: none;
  }
  @media (forced-colors: active) {
    .mirror .field,
    .mirror .field.unfilled {
      outline: 1px solid CanvasText;
    }
  }
`;

/*
 * The composer lays its toolbar out by its own width, wherever it sits (HOSTILE-30): container queries,
 * kept apart because the template linter's CSS grammar predates them (it reports `container` and
 * `@container` as unknown). Plain, static CSS all the same.
 */
const TOOLBAR_BY_WIDTH = `
  .composer {
    container: dc-composer / inline-size;
  }
  @container dc-composer (min-width: 48em) {
    .toolbar [data-label='first'] {
      padding-inline: 0.4rem 0.55rem;
    }
    .toolbar [data-label='first'] .label {
      all: unset;
    }
  }
  @container dc-composer (min-width: 62em) {
    .toolbar [data-label] {
      padding-inline: 0.4rem 0.55rem;
    }
    .toolbar [data-label] .label {
      all: unset;
    }
  }
`;
export const containerStyles = unsafeCSS(TOOLBAR_BY_WIDTH);
