import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The kit's buttons, drawn with the tokens in both themes: neutral, `.primary` (the accent, for the
 * one main action) and `.icon-button` (an icon alone, no border until hovered). `scope` is what they
 * apply to in an element's shadow root: every `button`, or only `.button`. An element sizes them with
 * `--_dc-button-height` (default 2rem) and `--_dc-button-padding` (default 0.25rem 0.8rem).
 */
export function buttonStyles(scope: 'button' | '.button'): CSSResult {
  const b = unsafeCSS(scope);
  return css`
    ${b} {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.35rem;
      min-height: var(--_dc-button-height, 2rem);
      padding: var(--_dc-button-padding, 0.25rem 0.8rem);
      border: 1px solid var(--_dc-border);
      border-radius: var(--_dc-radius);
      background: var(--_dc-surface);
      color: var(--_dc-text);
      font-weight: 600;
      cursor: pointer;
    }
    ${b}:hover:not(:disabled) {
      background: var(--_dc-surface-raised);
    }
    ${b}:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    ${b}.primary {
      border-color: var(--_dc-accent);
      background: var(--_dc-accent);
      color: var(--_dc-accent-text);
    }
    ${b}.primary:hover:not(:disabled) {
      background: var(--_dc-accent);
      filter: brightness(1.08);
    }
    ${b}.icon-button {
      min-width: var(--_dc-button-height, 2rem);
      padding: 0.25rem;
      border-color: transparent;
      background: transparent;
    }
    ${b}.icon-button:hover:not(:disabled) {
      background: var(--_dc-surface-raised);
    }
    @media (forced-colors: active) {
      ${b}.primary {
        border: 1px solid ButtonText;
      }
    }
  `;
}

