import { css } from 'lit';
import { buttonStyles } from '../../styles/controls.js';
import { dialogStyles } from '../../styles/dialog.js';

export const styles = [
  buttonStyles('button'),
  dialogStyles,
  css`
    :host {
      display: block;
      min-width: 0;
      color: var(--_dc-text);
      font-family: var(--_dc-font);
      font-size: var(--_dc-font-size);
      --_dc-field-hover: var(--dc-details-field-hover, var(--_dc-surface-raised));
    }
    .root {
      display: flex;
      flex-direction: column;
      min-width: 0;
      border: 1px solid var(--_dc-border);
      border-radius: var(--_dc-radius);
      background: var(--_dc-surface);
    }
    .empty {
      margin: 0;
      padding: 0.75rem;
      color: var(--_dc-text-muted);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.6rem;
      padding: 0.5rem 0.6rem;
    }
    :host(:not([collapsed])) .header {
      border-bottom: 1px solid var(--_dc-border);
    }
    .name {
      flex: 1 1 8rem;
      min-width: 0;
      margin: 0;
      overflow-wrap: anywhere;
      font-size: 1.05em;
      font-weight: 700;
    }
    .timer {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      color: var(--_dc-text-muted);
      font-variant-numeric: tabular-nums;
    }
    .paused {
      margin-left: 0.25rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
      margin-left: auto;
    }
    .body[hidden] {
      display: none;
    }
    .fields {
      position: relative;
      display: flex;
      flex-direction: column;
      overflow-y: auto;
      padding: 0.25rem 0;
    }
    .field {
      flex: none;
      display: grid;
      grid-template-columns: minmax(6rem, 35%) minmax(0, 1fr);
      align-items: center;
      gap: 0.1rem 0.6rem;
      min-height: 2.1rem;
      padding: 0.1rem 0.6rem;
    }
    .label {
      color: var(--_dc-text-muted);
      overflow-wrap: anywhere;
    }
    .value {
      overflow-wrap: anywhere;
    }
    .control {
      position: relative;
      display: flex;
      align-items: center;
      min-width: 0;
    }
    /* CUST-3: an editable field is shaded under the pointer, with an edit icon. */
    .field.editable:hover,
    .field.editable:focus-within {
      background: var(--_dc-field-hover);
    }
    .edit-icon {
      position: absolute;
      right: 0.35rem;
      display: inline-flex;
      color: var(--_dc-text-muted);
      opacity: 0;
      pointer-events: none;
    }
    .field.editable:hover .edit-icon,
    .field.editable:focus-within .edit-icon {
      opacity: 1;
    }
    input,
    select {
      box-sizing: border-box;
      width: 100%;
      min-width: 0;
      min-height: 1.9rem;
      padding: 0.2rem 1.8rem 0.2rem 0.35rem;
      border: 1px solid transparent;
      border-radius: var(--_dc-radius);
      background: transparent;
      color: inherit;
      font: inherit;
    }
    select {
      padding-right: 0.35rem;
    }
    select + .edit-icon {
      right: 1.4rem;
    }
    .field.editable:hover input,
    .field.editable:hover select,
    input:focus,
    select:focus {
      border-color: var(--_dc-border);
      background: var(--_dc-surface);
    }
    .field.edited .label::after {
      content: ' •';
      color: var(--_dc-accent);
    }
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--_dc-danger);
    }
    .error {
      grid-column: 2;
      display: flex;
      align-items: flex-start;
      gap: 0.3rem;
      margin: 0 0 0.2rem;
      color: var(--_dc-danger);
      font-size: 0.92em;
    }
    .error .icon {
      flex: none;
      width: 1.1em;
      height: 1.1em;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.6rem;
      padding: 0.4rem 0.6rem 0.5rem;
    }
    .footer:has(.message:empty):not(:has(.buttons)) {
      display: none;
    }
    /* Bottom left: the outcome of the last Save (CUST-3). */
    .message {
      display: flex;
      flex: 1 1 12rem;
      align-items: flex-start;
      gap: 0.35rem;
      margin: 0;
      min-height: 1.2em;
    }
    .message.failed {
      color: var(--_dc-danger);
    }
    .message .icon {
      flex: none;
      width: 1.15em;
      height: 1.15em;
    }
    .buttons,
    .dialog-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin-left: auto;
    }
    .icon {
      width: 1.25em;
      height: 1.25em;
    }
    dialog {
      --_dc-dialog-width: 26rem;
    }
    dialog h2 {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.6rem;
      font-size: 1.1em;
    }
    dialog p {
      margin: 0 0 1rem;
    }
  `,
];
