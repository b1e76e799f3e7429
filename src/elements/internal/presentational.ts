import { updateWhenLocaleChanges } from '@lit/localize';
import { css, LitElement } from 'lit';
import { base } from '../../styles/tokens.js';

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

/** Buttons and fields the building blocks share, drawn with the kit's tokens in both themes. */
const controls = css`
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.25rem;
    padding: 0.35rem 0.85rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
    font-weight: 600;
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: var(--_dc-surface-raised);
  }
  .button.primary {
    border-color: var(--_dc-accent);
    background: var(--_dc-accent);
    color: var(--_dc-accent-text);
  }
  .button.primary:hover:not(:disabled) {
    background: var(--_dc-accent);
    filter: brightness(1.08);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
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
  @media (forced-colors: active) {
    .button.primary {
      border: 1px solid ButtonText;
    }
  }
`;

/**
 * The base of the presentational building blocks under `src/elements/internal/` (template picker,
 * workflow dialog, emoji panel): properties in, events out, no store. They adopt the kit's tokens (so
 * they follow the provider's theme through any shadow root), re-render when the language changes, and
 * show their state as custom states.
 */
export class DcPresentationalElement extends LitElement {
  static override styles = [base, controls];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Turns on the custom states in `on` and off the others of `all` (skipped without custom states). */
  protected setCustomStates(internals: ElementInternals, all: readonly string[], on: readonly (string | undefined)[]): void {
    const states = internals.states;
    if (!states) return;
    for (const name of all) {
      if (on.includes(name)) states.add(name);
      else states.delete(name);
    }
  }
}
