import { css, unsafeCSS } from 'lit';

/** Below this many rem of its own width the desktop is a list and a conversation, one at a time. */
export const NARROW_REM = 30;

/**
 * The desktop lays itself out from its own width (container queries on the host, and the `narrow`
 * state its ResizeObserver sets), not the window's: it sits in a CRM side panel, a gadget column and a
 * wide CRM pane alike.
 * Narrow (below 30rem): the task list fills the window, or the task on show does (details, pane,
 * compose area), with the offers stacked above the compose area.
 * Stacked (below 44rem): everything stacks; the task list is a strip above the selected task that
 * collapses to its header.
 * Wide: the task list is a left column; details above the interaction pane; the compose area last.
 */
export const styles = css`
  :host {
    --_dc-list-width: var(--dc-desktop-list-width, clamp(16rem, 28%, 20rem));
    --_dc-interaction-min: var(--dc-desktop-interaction-min-height, 14rem);
    --_dc-details-max: var(--dc-desktop-details-max-height, 18rem);
    --_dc-strip-max: var(--dc-desktop-strip-max-height, 15rem);
    display: flex;
    flex-direction: column;
    min-width: 0;
    /* On a page that gives it no height it is still tall enough to work in; collapsed, it is its header. */
    min-height: var(--dc-desktop-min-height, 32rem);
    background: var(--_dc-surface);
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    overflow: hidden;
  }
  :host([collapsed]) {
    min-height: 0;
  }
  [hidden] {
    display: none !important;
  }
  .icon {
    width: 1.15em;
    height: 1.15em;
    flex: none;
  }
  button {
    cursor: pointer;
  }

  /* Header: state picker, counts, voice indication and the collapse toggle. ----------------------- */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.5rem 0.75rem;
    background: var(--_dc-surface-raised);
    border-bottom: 1px solid var(--_dc-border);
  }
  :host([collapsed]) .header {
    border-bottom: 0;
  }
  .header-end {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-left: auto;
    min-width: 0;
  }
  .counts {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    color: var(--_dc-text-muted);
    white-space: nowrap;
  }
  .unread {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.45em;
    border-radius: 999px;
    background: var(--_dc-accent);
    color: var(--_dc-accent-text);
    font-weight: 700;
    text-align: center;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.6rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
  }
  .toggle:hover {
    background: var(--_dc-info-surface);
  }
  .voice-status {
    flex: 1 1 100%;
    order: 1;
    min-width: 0;
  }
  .voice-status:empty {
    display: none;
  }
  .voice {
    display: flex;
    align-items: flex-start;
    gap: 0.4rem;
    padding: 0.3rem 0.6rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-warning-surface);
    border: 1px solid var(--_dc-partial);
    overflow-wrap: anywhere;
  }

  /* The tasks window. ----------------------------------------------------------------------------- */
  .window {
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto auto minmax(var(--_dc-interaction-min), 1fr) auto;
    grid-template-areas: 'list' 'details' 'interaction' 'composer';
  }
  .window.empty {
    grid-template-rows: auto minmax(var(--_dc-interaction-min), 1fr);
    grid-template-areas: 'list' 'empty';
  }
  .list-region {
    grid-area: list;
    min-width: 0;
    min-height: 0;
    display: flex;
    flex-direction: column;
    border-bottom: 1px solid var(--_dc-border);
  }
  dc-task-list {
    flex: 1 1 auto;
    min-height: 0;
    --dc-task-list-max-height: var(--_dc-strip-max);
  }
  .details {
    grid-area: details;
    min-width: 0;
    max-height: var(--_dc-details-max);
    overflow: auto;
    padding: 0.75rem;
    border-bottom: 1px solid var(--_dc-border);
  }
  .interaction {
    grid-area: interaction;
    min-width: 0;
    min-height: 0;
    /* Its content never makes the desktop taller: the pane scrolls within the space it is given. */
    contain: size;
    display: flex;
    flex-direction: column;
  }
  slot[name='interaction']::slotted(*),
  dc-chat-thread {
    flex: 1 1 auto;
    min-height: 0;
  }
  /* The customer details above already show the customer, queue and timer. */
  dc-chat-thread::part(header) {
    display: none;
  }
  .composer {
    grid-area: composer;
    min-width: 0;
    border-top: 1px solid var(--_dc-border);
    background: var(--_dc-surface-raised);
  }
  /* An email task: the thread fills the pane as the chat thread does. */
  dc-email-thread {
    flex: 1 1 auto;
    min-height: 0;
  }
  /* MAIL-10: the maximised email reply takes the interaction pane's height (the thread waits behind it). */
  :host(:state(compose-maximised)) .interaction {
    display: none;
  }
  :host(:state(compose-maximised)) .composer {
    grid-area: interaction;
    min-height: 0;
    overflow: auto;
  }

  /* Narrow: the conversation, or the list in its place (the Back button is in the header). ------- */
  .back {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.6rem 0.25rem 0.35rem;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    font-weight: 600;
  }
  .back:hover {
    background: var(--_dc-info-surface);
  }
  /* Narrow, the customer details scroll sooner: the conversation keeps the room. */
  :host(:state(narrow)) {
    --_dc-details-max: var(--dc-desktop-details-max-height, 11rem);
  }
  /* Short of room (offers waiting), the details scroll and the thread keeps 6rem: Send and Accept stay on show. */
  :host(:state(narrow)) .window {
    grid-template-rows: minmax(0, auto) minmax(min(6rem, var(--_dc-interaction-min)), 1fr) auto auto;
    grid-template-areas: 'details' 'interaction' 'offers' 'composer';
  }
  :host(:state(narrow)) .list-region {
    display: none;
  }
  :host(:state(list-view)) .window {
    grid-template-rows: minmax(0, 1fr) auto auto;
    grid-template-areas: 'list' 'empty' 'offers';
  }
  :host(:state(list-view)) .list-region {
    display: flex;
    border-bottom: 0;
    /* The list scrolls inside the window's height rather than stretching it. */
    contain: size;
  }
  :host(:state(list-view)) dc-task-list {
    --dc-task-list-max-height: none;
  }
  :host(:state(list-view)) .details,
  :host(:state(list-view)) .interaction,
  :host(:state(list-view)) .composer {
    display: none;
  }
  :host(:state(list-view)) .empty-state {
    padding: 1rem;
  }
  /* The offers, compact, in their own row (scrolling beyond 14rem): they push the thread up a little and cover nothing. */
  .window > dc-offers {
    grid-area: offers;
    padding: 0.4rem 0.5rem;
    border-top: 1px solid var(--_dc-border);
    background: var(--_dc-surface-raised);
    --dc-offers-width: none;
  }
  .window > dc-offers:state(empty) {
    display: none;
  }

  .empty-state {
    grid-area: empty;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.35rem;
    padding: 1.5rem 1rem;
    text-align: center;
    color: var(--_dc-text-muted);
  }
  .empty-state .icon {
    width: 2rem;
    height: 2rem;
  }
  .empty-state strong {
    color: var(--_dc-text);
    font-size: 1.05em;
  }
  .empty-state p {
    margin: 0;
  }

  /* Customer details summary. --------------------------------------------------------------------- */
  .summary-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.6rem;
  }
  .customer {
    font-weight: 700;
    font-size: 1.05em;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .timer {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-variant-numeric: tabular-nums;
    color: var(--_dc-text-muted);
  }
  .paused {
    font-style: italic;
  }
  .end {
    margin-left: auto;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    min-height: 2rem;
    padding: 0.2rem 0.75rem;
    border: 1px solid var(--_dc-danger);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
    color: var(--_dc-danger);
    font-weight: 600;
  }
  .end:hover:not(:disabled) {
    background: var(--_dc-danger-surface);
  }
  .end:disabled {
    cursor: progress;
    opacity: 0.6;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    margin: 0.35rem 0 0;
    color: var(--_dc-text-muted);
  }
  .meta span {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
    gap: 0.2rem 0.75rem;
    margin: 0.6rem 0 0;
  }
  .fields dt {
    color: var(--_dc-text-muted);
  }
  .fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* The conversation's modules on their way, or failed. ------------------------------------------- */
  .pane-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.45rem;
    margin: 0;
    padding: 0.75rem;
    color: var(--_dc-text-muted);
  }
  .pane-status.failed {
    color: var(--_dc-danger);
  }

  /* Compose area fallback. ------------------------------------------------------------------------ */
  .composer-note {
    display: flex;
    align-items: flex-start;
    gap: 0.45rem;
    margin: 0;
    padding: 0.6rem 0.75rem;
    color: var(--_dc-text-muted);
  }

  @media (forced-colors: active) {
    .unread,
    .voice {
      border: 1px solid CanvasText;
    }
  }
`;

/*
 * Container queries, kept apart because the template linter's CSS grammar predates them (it reports
 * \`container\` and \`@container\` as unknown). Plain, static CSS all the same.
 */
const WIDE = `
  :host {
    container: dc-desktop / inline-size;
  }
  @container dc-desktop (min-width: 44rem) {
    .window {
      grid-template-columns: var(--_dc-list-width) minmax(0, 1fr);
      grid-template-rows: auto minmax(var(--_dc-interaction-min), 1fr) auto;
      grid-template-areas:
        'list details'
        'list interaction'
        'list composer';
    }
    .window.empty {
      grid-template-rows: minmax(var(--_dc-interaction-min), 1fr);
      grid-template-areas: 'list empty';
    }
    .list-region {
      border-bottom: 0;
      border-right: 1px solid var(--_dc-border);
      /* The list scrolls inside the window's height rather than stretching it. */
      contain: size;
    }
    dc-task-list {
      --dc-task-list-max-height: none;
    }
    .voice-status {
      flex: 0 1 auto;
      order: 0;
    }
  }
`;

/** Narrow by default; wide from 44rem of the desktop's own width (a gadget column, a CRM pane). */
export const containerStyles = unsafeCSS(WIDE);
