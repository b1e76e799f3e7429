import { css } from 'lit';
import { buttonStyles } from '../../styles/controls.js';

export const styles = [
  buttonStyles('button'),
  css`
    :host {
      display: block;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    .wrap-up {
      display: grid;
      gap: 0.5rem;
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--_dc-border);
      border-radius: var(--_dc-radius);
      background: var(--_dc-surface);
      color: var(--_dc-text);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }
    h3 {
      flex: 1 1 10rem;
      margin: 0;
      font-size: 1em;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .countdown {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      white-space: nowrap;
    }
    .countdown .icon {
      width: 1.1em;
      height: 1.1em;
    }
    :host(:state(due)) .countdown {
      color: var(--_dc-danger);
    }
    .hint {
      margin: 0;
      color: var(--_dc-text-muted);
      font-size: 0.9em;
    }
    .reasons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .reasons li {
      min-width: 0;
      max-width: 100%;
    }
    .reason {
      max-width: 100%;
      font-weight: 500;
      overflow-wrap: anywhere;
      text-align: start;
    }
    .reason .icon {
      width: 1em;
      height: 1em;
    }
    /* END-2: a chosen reason is green. */
    .reason[aria-pressed='true'] {
      border-color: var(--_dc-ready);
      background: var(--_dc-success-surface);
      color: var(--_dc-text);
      font-weight: 600;
    }
    .reason[aria-pressed='true']:hover:not(:disabled) {
      background: var(--_dc-success-surface);
    }
    label {
      font-weight: 600;
      font-size: 0.9em;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      min-height: 3.5rem;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--_dc-border);
      border-radius: var(--_dc-radius);
      background: var(--_dc-surface);
      color: var(--_dc-text);
      font: inherit;
      resize: vertical;
    }
    button:focus-visible,
    textarea:focus-visible {
      outline: 2px solid var(--_dc-focus);
      outline-offset: 1px;
    }
    .alert {
      display: flex;
      gap: 0.35rem;
      align-items: flex-start;
      margin: 0;
      padding: 0.35rem 0.5rem;
      border-radius: var(--_dc-radius);
      background: var(--_dc-danger-surface);
      overflow-wrap: anywhere;
    }
    .alert .icon {
      flex: none;
      width: 1.1em;
      height: 1.1em;
    }
    @media (forced-colors: active) {
      .reason[aria-pressed='true'] {
        border: 2px solid Highlight;
      }
    }
  `,
];
