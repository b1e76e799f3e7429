import { css } from 'lit';

export const styles = css`
  :host {
    --_dc-offer-width: var(--dc-offers-width, 22rem);
    position: fixed;
    right: var(--dc-offers-right, 0.75rem);
    bottom: var(--dc-offers-bottom, 0.75rem);
    z-index: var(--_dc-z-overlay);
    display: block;
    width: min(var(--_dc-offer-width), calc(100vw - 1.5rem));
    pointer-events: none;
  }
  :host([placement='inline']) {
    position: static;
    width: auto;
    max-width: var(--_dc-offer-width);
  }
  .offers {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    max-height: calc(100vh - 1.5rem);
    overflow-y: auto;
    /* Room for the cards' shadow and focus ring inside the scrolling box. */
    padding: 0.25rem;
    margin: -0.25rem;
  }
  /* Fixed: in the top layer, at the window's bottom right (the host's box above is its fallback). */
  .offers[popover] {
    right: var(--dc-offers-right, 0.75rem);
    bottom: var(--dc-offers-bottom, 0.75rem);
    width: min(var(--_dc-offer-width), calc(100vw - 1.5rem));
    overflow-y: auto;
  }
  :host([placement='inline']) .offers {
    max-height: none;
    overflow: visible;
  }
  .toolbar,
  .offer {
    pointer-events: auto;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-text);
    box-shadow: var(--_dc-shadow);
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.4rem 0.4rem 0.75rem;
  }
  .count {
    flex: 1;
    font-weight: 600;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .offer {
    position: relative;
    overflow: hidden;
    border-left: 4px solid var(--_dc-accent);
    padding: 0.6rem 0.75rem 0.75rem;
  }
  .offer.urgent {
    border-left-color: var(--_dc-danger);
  }
  .head {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin-bottom: 0.4rem;
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .media {
    flex: 1;
    font-weight: 600;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .countdown {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-variant-numeric: tabular-nums;
    color: var(--_dc-text-muted);
  }
  .countdown .icon {
    width: 1em;
    height: 1em;
  }
  .urgent .countdown {
    color: var(--_dc-danger);
    font-weight: 700;
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(4.5rem, max-content) minmax(0, 1fr);
    gap: 0.15rem 0.75rem;
    margin: 0 0 0.6rem;
  }
  .field {
    display: contents;
  }
  dt {
    max-width: 8rem;
    color: var(--_dc-text-muted);
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .field[data-field='question'] dd {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35rem;
    min-height: 2rem;
    padding: 0.25rem 0.9rem;
    border: 1px solid var(--_dc-accent);
    border-radius: var(--_dc-radius);
    background: var(--_dc-accent);
    color: var(--_dc-accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']) {
    filter: brightness(1.08);
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  button.secondary {
    background: var(--_dc-surface);
    color: var(--_dc-text);
    border-color: var(--_dc-border);
  }
  kbd {
    font: inherit;
    font-weight: 400;
    opacity: 0.85;
  }
  button .icon {
    width: 1em;
    height: 1em;
  }
  .busy .icon-loader-circle {
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  /* The time left, as a bar along the bottom of the card that shrinks to nothing. */
  .bar {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 4px;
    background: var(--_dc-surface-raised);
  }
  .bar-fill {
    display: block;
    height: 100%;
    background: var(--_dc-accent);
    transform: scaleX(var(--_dc-offer-left, 1));
    transform-origin: left center;
    /* Each tick sets where the bar is; it slides there in the second until the next tick. */
    transition: transform 1s linear;
  }
  .urgent .bar-fill {
    background: var(--_dc-danger);
  }
  /* Compact: one line per offer (media, fields, countdown, Accept); the stack scrolls beyond 14rem. */
  :host([compact]) .offers {
    gap: 0.35rem;
    max-height: 14rem;
    overflow-y: auto;
  }
  :host([compact]) .list {
    gap: 0.35rem;
  }
  :host([compact]) .offer {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.3rem 0.4rem 0.4rem 0.5rem;
    box-shadow: none;
  }
  :host([compact]) .head {
    display: contents;
  }
  :host([compact]) .media {
    flex: none;
  }
  :host([compact]) .fields {
    order: 1;
    flex: 1 1 auto;
    display: block;
    min-width: 0;
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  :host([compact]) .countdown {
    order: 2;
  }
  :host([compact]) .actions {
    order: 3;
  }
  :host([compact]) .field,
  :host([compact]) dd,
  :host([compact]) .field[data-field='question'] dd {
    display: inline;
  }
  :host([compact]) .field + .field::before {
    content: ' · ';
    color: var(--_dc-text-muted);
  }
  :host([compact]) dt {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([compact]) .toolbar {
    box-shadow: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar-fill {
      transition: none;
    }
    .busy .icon-loader-circle {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .bar-fill {
      background: CanvasText;
    }
  }
`;
