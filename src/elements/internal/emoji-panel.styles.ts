import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    width: max-content;
    max-width: 100%;
  }
  :host(:not([open])) {
    display: none;
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0.75rem;
    color: var(--_dc-text-muted);
  }
  .alert p {
    margin: 0 0 0.5rem;
  }
  .reason {
    color: var(--_dc-text-muted);
    font-size: 0.9em;
  }
  /* emoji-picker-element in the kit's colours: its custom properties read the kit's tokens, whichever
     theme the page or the picker's own media query would choose. */
  emoji-picker {
    height: var(--dc-emoji-panel-height, 22rem);
    max-width: 100%;
    --num-columns: var(--dc-emoji-panel-columns, 8);
    --background: var(--_dc-surface);
    --border-color: var(--_dc-border);
    --border-radius: var(--_dc-radius);
    --indicator-color: var(--_dc-accent);
    --input-border-color: var(--_dc-text-muted);
    --input-font-color: var(--_dc-text);
    --input-placeholder-color: var(--_dc-text-muted);
    --input-font-size: var(--_dc-font-size);
    --outline-color: var(--_dc-focus);
    --category-font-color: var(--_dc-text);
    --category-font-size: var(--_dc-font-size);
    --button-active-background: var(--_dc-info-surface);
    --button-hover-background: var(--_dc-surface-raised);
  }
`;
