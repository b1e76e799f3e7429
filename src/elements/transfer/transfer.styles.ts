import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  .controls {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    align-items: center;
  }
  .trigger,
  .retry,
  .primary,
  .secondary {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.7rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    cursor: pointer;
  }
  .trigger:hover:not([aria-disabled='true']),
  .retry:hover:not(:disabled),
  .secondary:hover {
    background: var(--_dc-surface-raised);
  }
  .trigger[aria-disabled='true'],
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :host(:state(pending)) .trigger {
    border-style: dashed;
  }
  :host(:state(failed)) .trigger {
    border-color: var(--_dc-danger);
    color: var(--_dc-danger);
  }
  .primary {
    background: var(--_dc-accent);
    border-color: var(--_dc-accent);
    color: var(--_dc-accent-text);
  }
  .icon {
    width: 1.15em;
    height: 1.15em;
    flex: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    :host(:state(pending)) .icon-loader-circle {
      animation: spin 1.2s linear infinite;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  /* In the top layer, placed under the trigger (src/elements/internal/top-layer.ts). */
  .popover {
    z-index: var(--_dc-z-overlay);
    box-sizing: border-box;
    width: min(22rem, 100vw - 1rem);
    padding: 0.75rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
    box-shadow: var(--_dc-shadow);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.05em;
  }
  .help {
    display: block;
    margin: 0.2rem 0 0;
    color: var(--_dc-text-muted);
    font-size: 0.9em;
  }
  .wrap-up {
    margin: 0 0 0.75rem;
    padding: 0.5rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
  }
  .wrap-up legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .wrap-up .help {
    margin-bottom: 0.4rem;
  }
  .reason {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    padding: 0.2rem 0;
  }
  .wrap-up .primary {
    margin-top: 0.4rem;
  }
  .applied {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin: 0 0 0.75rem;
    padding: 0.4rem 0.5rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-success-surface);
  }
  .applied .icon {
    color: var(--_dc-ready);
  }
  .link {
    border: 0;
    background: none;
    padding: 0;
    color: var(--_dc-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .field {
    display: grid;
    gap: 0.2rem;
    margin: 0 0 0.6rem;
  }
  textarea,
  input[type='search'] {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    color: inherit;
    background: var(--_dc-surface);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    padding: 0.35rem 0.5rem;
  }
  textarea {
    resize: vertical;
  }
  .search {
    position: relative;
    display: block;
  }
  .search .icon-search {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: 50%;
    transform: translateY(-50%);
    color: var(--_dc-text-muted);
  }
  .search input {
    padding-inline-start: 2rem;
  }
  .targets {
    list-style: none;
    margin: 0.4rem 0 0;
    padding: 0;
    max-height: 14rem;
    overflow: auto;
  }
  .target {
    display: block;
    width: 100%;
    padding: 0.45rem 0.5rem;
    border: 0;
    border-radius: calc(var(--_dc-radius) - 2px);
    background: none;
    text-align: start;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .target:hover,
  .target:focus-visible {
    background: var(--_dc-surface-raised);
  }
  .none {
    margin: 0.5rem 0 0;
    color: var(--_dc-text-muted);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.6rem;
  }
`;
