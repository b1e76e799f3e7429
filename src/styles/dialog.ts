import { css } from 'lit';

/**
 * The kit's modal `<dialog>` and its backdrop, in both themes. An element sizes it with
 * `--_dc-dialog-width` (default 28rem, never wider than the viewport less 2rem) and
 * `--_dc-dialog-padding` (default 1rem).
 */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    width: min(var(--_dc-dialog-width, 28rem), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: var(--_dc-dialog-padding, 1rem);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
    box-shadow: var(--_dc-shadow);
    font-family: var(--_dc-font);
    font-size: var(--_dc-font-size);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
`;
