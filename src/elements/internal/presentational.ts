import { css } from 'lit';
import { buttonStyles } from '../../styles/controls.js';
import { base } from '../../styles/tokens.js';
import { DcBaseElement } from './base.js';

const init = { bubbles: true, composed: true } as const;

/**
 * The agent closed a building block: Escape in the template picker or the emoji panel, Escape or Close
 * in the workflow dialog. The element around it decides what happens (it usually hides it and gives
 * the focus back to the button that opened it).
 */
export class DcCloseEvent extends Event {
  static readonly type = 'dc-close';
  constructor() {
    super(DcCloseEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dc-close': DcCloseEvent;
  }
}

/** Fields, alerts and the spinner the building blocks share (buttons: src/styles/controls.ts). */
const controls = css`
  :host {
    --_dc-button-height: 2.25rem;
    --_dc-button-padding: 0.35rem 0.85rem;
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .field {
    min-height: 2.25rem;
    padding: 0.35rem 0.6rem;
    border: 1px solid var(--_dc-text-muted);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
    font: inherit;
  }
  .field::placeholder {
    color: var(--_dc-text-muted);
    opacity: 1;
  }
  .field[aria-invalid='true'] {
    border-color: var(--_dc-danger);
    box-shadow: inset 0 0 0 1px var(--_dc-danger);
  }
  .spin {
    animation: dc-spin 1s linear infinite;
  }
  @keyframes dc-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spin {
      animation: none;
    }
  }
  .alert {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin: 0;
    padding: 0.6rem 0.75rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-danger-surface);
    color: var(--_dc-text);
  }
  .alert > .icon {
    color: var(--_dc-danger);
  }
`;

/**
 * The base of the presentational building blocks under `src/elements/internal/` (template picker,
 * workflow dialog, emoji panel): properties in, events out, no store. They adopt the kit's tokens (so
 * they follow the provider's theme through any shadow root), render in their provider's language (or,
 * on their own, the page's), and show their state as custom states.
 */
export class DcPresentationalElement extends DcBaseElement {
  static override styles = [base, buttonStyles('.button'), controls];
}
