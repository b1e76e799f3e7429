import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--_dc-surface);
    --_dc-selected-bg: var(--dc-task-list-selected-bg, var(--_dc-info-surface));
    --_dc-unread-bg: var(--dc-task-list-unread-bg, var(--_dc-accent));
    --_dc-unread-color: var(--dc-task-list-unread-color, var(--_dc-accent-text));
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .header {
    display: flex;
    align-items: center;
    flex: none;
    border-bottom: 1px solid var(--_dc-border);
  }
  .toggle {
    display: flex;
    flex: 1 1 auto;
    align-items: center;
    gap: 0.4rem;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.4rem 0.75rem;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .toggle:hover {
    background: var(--_dc-surface-raised);
  }
  .toggle:focus-visible {
    outline-offset: -2px;
  }
  [part~='chevron'] {
    width: 1em;
    height: 1em;
  }
  .title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .list {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    max-height: var(--dc-task-list-max-height, none);
    margin: 0;
    padding: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .list[hidden],
  .empty[hidden] {
    display: none;
  }
  .row {
    position: relative;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas:
      'media queue timer'
      'media name unread';
    align-items: center;
    column-gap: 0.6rem;
    row-gap: 0.15rem;
    padding: 0.5rem 0.75rem 0.5rem 0.85rem;
    border-bottom: 1px solid var(--_dc-border);
    cursor: pointer;
  }
  /* Rows off screen are neither laid out nor painted. (Not in a virtualised list: the virtualizer
     measures its rows, and a row skipped here would measure as its placeholder.) */
  .list > .row {
    content-visibility: auto;
    contain-intrinsic-size: auto 3.4rem;
  }
  /* Virtualised (a long list), the virtualizer places the rows: full width. */
  .rows > .row {
    left: 0;
    right: 0;
  }
  .row.gone {
    min-height: 3.4rem;
  }
  .list:focus-visible {
    outline-offset: -2px;
  }
  .row:hover {
    background: var(--_dc-surface-raised);
  }
  .row[aria-selected='true'] {
    background: var(--_dc-selected-bg);
    box-shadow: inset 4px 0 0 var(--_dc-accent);
  }
  .row:focus-visible {
    outline-offset: -2px;
  }
  .media {
    grid-area: media;
    display: inline-flex;
    color: var(--_dc-text-muted);
  }
  .row[aria-selected='true'] .media {
    color: var(--_dc-accent);
  }
  .queue {
    grid-area: queue;
    overflow: hidden;
    color: var(--_dc-text-muted);
    font-size: 0.9em;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    grid-area: name;
    overflow: hidden;
    font-weight: 700;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .timer {
    grid-area: timer;
    display: inline-flex;
    align-items: center;
    justify-self: end;
    gap: 0.25em;
    color: var(--_dc-text-muted);
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .timer .icon {
    width: 1em;
    height: 1em;
  }
  .timer.paused {
    font-style: italic;
  }
  .unread {
    grid-area: unread;
    justify-self: end;
    min-width: 1.6em;
    padding: 0.05em 0.45em;
    border-radius: 999px;
    background: var(--_dc-unread-bg);
    color: var(--_dc-unread-color);
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.4;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .unread.total {
    margin-left: auto;
  }
  .empty {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 1rem 0.75rem;
  }
  .empty .icon {
    color: var(--_dc-text-muted);
  }
  .hint {
    color: var(--_dc-text-muted);
  }
  .unavailable {
    display: block;
    padding: 0.5rem 0.75rem;
    color: var(--_dc-text-muted);
  }
  @media (forced-colors: active) {
    .row[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .unread {
      border: 1px solid CanvasText;
    }
  }
`;
