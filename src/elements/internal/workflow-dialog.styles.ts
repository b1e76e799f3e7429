import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    --_dc-dialog-width: 30rem;
    --_dc-dialog-padding: 0;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.6rem 0.6rem 0.6rem 1rem;
    border-bottom: 1px solid var(--_dc-border);
  }
  h2 {
    display: flex;
    flex: 1 1 auto;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    font-size: 1.1em;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .close {
    display: inline-flex;
    padding: 0.4rem;
    border: 0;
    border-radius: var(--_dc-radius);
    background: none;
    color: var(--_dc-text-muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_dc-surface-raised);
    color: var(--_dc-text);
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: 0.85rem;
    padding: 1rem;
  }
  .workflows {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .workflow {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 0.55rem 0.65rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    cursor: pointer;
  }
  .workflow:hover {
    background: var(--_dc-surface-raised);
  }
  .workflow:has(input:checked) {
    border-color: var(--_dc-accent);
    background: var(--_dc-info-surface);
  }
  .workflow input {
    margin: 0.2rem 0 0;
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
  }
  .name {
    font-weight: 600;
  }
  .description,
  .hint,
  .empty {
    margin: 0;
    color: var(--_dc-text-muted);
  }
  .description {
    font-size: 0.92em;
  }
  /* The chosen workflow's parameters, under the list (HOSTILE-29). */
  .params {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_dc-border);
  }
  .params .hint {
    margin-top: -0.4rem;
  }
  .param {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_dc-danger);
  }
  .param .field {
    width: 100%;
  }
  .error {
    display: flex;
    align-items: flex-start;
    gap: 0.35rem;
    margin: 0;
    color: var(--_dc-danger);
    font-size: 0.92em;
  }
  .error .icon {
    width: 1.1em;
    height: 1.1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .button.primary[aria-disabled='true']:hover {
    filter: none;
  }
  @media (forced-colors: active) {
    .workflow:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
