import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-width: min(22rem, 100%);
    max-width: 100%;
    background: var(--_dc-surface);
    color: var(--_dc-text);
  }
  .picker {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .search {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search > .icon {
    position: absolute;
    left: 0.55rem;
    width: 1em;
    height: 1em;
    color: var(--_dc-text-muted);
    pointer-events: none;
  }
  .search .field {
    width: 100%;
    padding-left: 1.9rem;
  }
  .groups {
    display: flex;
    align-items: flex-end;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_dc-border);
  }
  .tabs {
    display: flex;
    flex: 1 1 auto;
    flex-wrap: wrap;
    min-width: 0;
  }
  .tab,
  .more {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 2rem;
    padding: 0.3rem 0.6rem;
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_dc-text-muted);
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
  }
  .tab:hover,
  .more:hover {
    color: var(--_dc-text);
    background: var(--_dc-surface-raised);
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_dc-accent);
    color: var(--_dc-text);
  }
  .tab:focus-visible,
  .more:focus-visible {
    outline-offset: -2px;
  }
  .more-wrap {
    position: relative;
    flex: none;
  }
  .chevron {
    width: 1em;
    height: 1em;
  }
  /* In the top layer, placed under More (top-layer.ts). */
  .menu {
    z-index: var(--_dc-z-overlay);
    display: flex;
    flex-direction: column;
    min-width: 12rem;
    max-height: 16rem;
    overflow-y: auto;
    padding: 0.25rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    box-shadow: var(--_dc-shadow);
  }
  .menu-item {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.5rem;
    border: 0;
    border-radius: calc(var(--_dc-radius) - 2px);
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .menu-item:hover,
  .menu-item:focus-visible {
    background: var(--_dc-surface-raised);
  }
  .menu-item .check {
    width: 1em;
    height: 1em;
    visibility: hidden;
  }
  .menu-item[aria-checked='true'] .check {
    visibility: visible;
    color: var(--_dc-accent);
  }
  .list {
    position: relative;
    max-height: var(--dc-template-picker-max-height, 18rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-radius: var(--_dc-radius);
  }
  .list:focus-visible {
    outline-offset: -2px;
  }
  .option {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas:
      'name group'
      'preview preview';
    gap: 0.15rem 0.75rem;
    padding: 0.5rem 0.6rem;
    border-left: 3px solid transparent;
    border-radius: calc(var(--_dc-radius) - 2px);
    cursor: pointer;
  }
  .option.gone {
    height: 3.25rem;
  }
  .rows > .option {
    box-sizing: border-box;
    width: 100%;
  }
  .option:hover {
    background: var(--_dc-surface-raised);
  }
  .option[aria-selected='true'] {
    border-left-color: var(--_dc-accent);
    background: var(--_dc-info-surface);
  }
  .name {
    grid-area: name;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-width: 0;
    font-weight: 600;
  }
  .lock {
    display: inline-flex;
    color: var(--_dc-text-muted);
  }
  .lock .icon {
    width: 1em;
    height: 1em;
  }
  .group {
    grid-area: group;
    color: var(--_dc-text-muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .preview {
    grid-area: preview;
    overflow: hidden;
    color: var(--_dc-text-muted);
    font-size: 0.9em;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .status,
  .empty {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0.75rem 0.5rem;
    color: var(--_dc-text-muted);
  }
  .alert p {
    margin: 0 0 0.5rem;
  }
  .reason {
    color: var(--_dc-text-muted);
    font-size: 0.9em;
  }
  @media (forced-colors: active) {
    .option[aria-selected='true'],
    .tab[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;
