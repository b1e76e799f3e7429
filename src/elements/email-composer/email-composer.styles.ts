import { css, unsafeCSS } from 'lit';
import { QUILL_SNOW_CSS } from './quill-snow.css.js';

/** Quill's own editor styles (generated from quill.snow.css), then the kit's. */
export const quillStyles = unsafeCSS(QUILL_SNOW_CSS);

export const styles = css`
  :host {
    display: block;
    min-width: 0;
    color: var(--_dc-text);
    font: var(--_dc-font-size, 0.875rem) / 1.4 var(--_dc-font);
  }
  :host([hidden]) {
    display: none;
  }
  .reply {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    padding: 0.5rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    min-width: 0;
    box-sizing: border-box;
  }
  .reply.maximised {
    height: 100%;
  }
  .reply.maximised .editor {
    flex: 1 1 auto;
    max-height: none;
  }
  .bar,
  .modes,
  .row,
  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    min-width: 0;
  }
  .bar {
    justify-content: space-between;
  }
  .bar .summary {
    flex: 1 1 8rem;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .modes button[aria-pressed='true'],
  .toolbar button[aria-pressed='true'] {
    background: var(--_dc-accent);
    color: var(--_dc-accent-text);
    border-color: var(--_dc-accent);
  }
  .field {
    display: grid;
    grid-template-columns: 4.5rem minmax(0, 1fr);
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .field label {
    color: var(--_dc-text-muted);
  }
  .field input {
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--_dc-surface);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    padding: 0.25rem 0.4rem;
  }
  .field input[readonly] {
    background: var(--_dc-surface-raised);
    border-style: dashed;
  }
  .field input[aria-invalid='true'] {
    border-color: var(--_dc-danger);
  }
  .field .error {
    grid-column: 2;
  }
  .error {
    color: var(--_dc-danger);
    margin: 0;
  }
  .warning,
  .hint,
  .status {
    margin: 0;
    padding: 0.35rem 0.5rem;
    border-radius: var(--_dc-radius);
  }
  .warning {
    background: var(--_dc-warning-surface);
  }
  .warning ul {
    margin: 0.2rem 0 0;
    padding-left: 1.2rem;
  }
  .hint,
  .status {
    color: var(--_dc-text-muted);
  }
  .toolbar button {
    --_dc-button-height: 1.9rem;
    --_dc-button-padding: 0.15rem 0.4rem;
    min-width: 1.9rem;
  }
  .toolbar .glyph {
    font-family: Georgia, serif;
    min-width: 1ch;
  }
  .editor-frame {
    position: relative;
    display: flex;
    flex-direction: column;
    min-height: 0;
    flex: 1 1 auto;
  }
  .editor {
    min-height: var(--dc-email-composer-min-height, 8rem);
    max-height: var(--dc-email-composer-max-height, 22rem);
    overflow: auto;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
  }
  .editor .ql-editor {
    font: inherit;
    min-height: inherit;
  }
  .editor .ql-editor.ql-blank::before {
    color: var(--_dc-text-muted);
  }
  .editor .ql-editor table td {
    border: 1px solid var(--_dc-border);
  }
  .editor:focus-within {
    outline: 2px solid var(--_dc-focus);
    outline-offset: 1px;
  }
  .panel {
    position: absolute;
    z-index: var(--_dc-z-overlay, 10);
    inset-inline-start: 0;
    top: 0;
    max-width: 100%;
    background: var(--_dc-surface);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    box-shadow: var(--_dc-shadow);
    padding: 0.4rem;
  }
  .swatches {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .swatch {
    inline-size: 1.9rem;
  }
  .swatch span {
    display: inline-block;
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: 50%;
    border: 1px solid var(--_dc-border);
  }
  ul.chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    max-width: 100%;
    padding: 0 0 0 0.4rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
  }
  .chip span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .actions {
    justify-content: flex-end;
  }
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    color: var(--_dc-text);
    background: var(--_dc-surface);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    box-shadow: var(--_dc-shadow);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog form {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  dialog input {
    font: inherit;
    color: inherit;
    background: var(--_dc-surface);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    padding: 0.25rem 0.4rem;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
