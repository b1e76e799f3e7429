import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
    --_dc-badge-size: 0.85em;
    --_dc-badge-glyph: var(--dc-color-badge-glyph, #ffffff);
  }
  .trigger {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.6rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    cursor: pointer;
  }
  .trigger:hover:not(.disabled) {
    background: var(--_dc-surface-raised);
  }
  .trigger.disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .aggregate,
  .group {
    position: relative;
    display: inline-flex;
    margin-right: 0.35em;
  }
  .badge {
    position: absolute;
    right: -0.4em;
    bottom: -0.3em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_dc-badge-size);
    height: var(--_dc-badge-size);
    border-radius: 50%;
    color: var(--_dc-badge-glyph);
    background: var(--_dc-neutral);
    box-shadow: 0 0 0 1.5px var(--_dc-surface);
  }
  .badge .icon {
    width: 0.75em;
    height: 0.75em;
    stroke-width: 3.5;
  }
  .badge-ready {
    background: var(--_dc-ready);
  }
  .badge-not-ready,
  .badge-not-ready-reason,
  .badge-non-routable,
  .badge-sign-in-failed {
    background: var(--_dc-not-ready);
  }
  .badge-partial {
    background: var(--_dc-partial);
  }
  .badge-signing-in .icon {
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .badge-signing-in .icon {
      animation: none;
    }
  }
  .label {
    white-space: nowrap;
    font-weight: 600;
  }
  .timer {
    font-weight: 400;
    color: var(--_dc-text-muted);
    font-variant-numeric: tabular-nums;
  }
  [part='chevron'] {
    width: 1em;
    height: 1em;
  }
  /* In the top layer, placed under the trigger (src/elements/internal/top-layer.ts). */
  .popover {
    z-index: var(--_dc-z-overlay);
    width: max-content;
    min-width: 16rem;
    max-width: min(28rem, 100vw - 1rem);
    padding: 0.5rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
    box-shadow: var(--_dc-shadow);
  }
  .sign-in {
    padding: 1rem;
  }
  .sign-in h2 {
    margin: 0 0 0.5rem;
    font-size: 1.1em;
  }
  .sign-in p {
    margin: 0 0 0.75rem;
    color: var(--_dc-text-muted);
  }
  .media-list {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
  }
  .media-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0;
  }
  .media-name {
    font-weight: 600;
  }
  .media-row {
    flex-wrap: wrap;
  }
  .media-status {
    margin-left: auto;
    color: var(--_dc-text-muted);
    text-align: right;
  }
  .reason {
    flex-basis: 100%;
    padding-left: 1.75em;
    color: var(--_dc-danger);
    font-size: 0.9em;
  }
  .status-failed .media-status {
    color: var(--_dc-danger);
  }
  .status-signed-in .media-status {
    color: var(--_dc-ready);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
  .primary {
    padding: 0.45rem 1rem;
    border: 0;
    border-radius: var(--_dc-radius);
    background: var(--_dc-accent);
    color: var(--_dc-accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  .primary:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .note {
    margin: 0.5rem 0 0;
  }
  .section + .section {
    margin-top: 0.25rem;
    padding-top: 0.25rem;
    border-top: 1px solid var(--_dc-border);
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    padding: 0.25rem 0.5rem;
    font-size: 0.85em;
    color: var(--_dc-text-muted);
  }
  .heading-name {
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  .heading-details {
    flex-basis: 100%;
  }
  .item {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    padding: 0.4rem 0.5rem;
    border: 0;
    border-radius: calc(var(--_dc-radius) - 2px);
    background: none;
    text-align: left;
    cursor: pointer;
  }
  .item:hover,
  .item:focus-visible {
    background: var(--_dc-surface-raised);
  }
  .item-ready .icon {
    color: var(--_dc-ready);
  }
  .item-not-ready .icon {
    color: var(--_dc-not-ready);
  }
  .item-sign-in .icon {
    color: var(--_dc-accent);
  }
  .empty {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    padding: 0.75rem;
    border: 1px dashed var(--_dc-border);
    border-radius: var(--_dc-radius);
    max-width: 24rem;
  }
  .unavailable {
    color: var(--_dc-text-muted);
  }
`;
