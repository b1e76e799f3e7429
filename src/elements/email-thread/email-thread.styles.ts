import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
    min-width: 0;
    height: 100%;
    background: var(--_dc-surface);
    --_dc-button-height: 1.9rem;
    --_dc-button-padding: 0.2rem 0.6rem;
    --_dc-fresh-bg: var(--dc-email-fresh-bg, var(--_dc-info-surface));
    --_dc-fresh-border: var(--dc-email-fresh-border, var(--_dc-accent));
  }
  .icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    flex: 1;
    padding: 2rem 1rem;
    color: var(--_dc-text-muted);
  }

  /* Header: the subject (MAIL-1). */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2rem 0.75rem;
    flex: none;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_dc-border);
  }
  .subject {
    flex: 1 1 12rem;
    min-width: 0;
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  .customer {
    color: var(--_dc-text-muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  /* The scrolling, virtualised list. */
  .log {
    flex: 1 1 auto;
    min-height: 6rem;
    overflow-y: auto;
    overflow-x: hidden;
    overscroll-behavior: contain;
  }
  .log:focus-visible {
    outline-offset: -2px;
  }
  .row {
    width: 100%;
    padding: 0.3rem 0.6rem;
  }

  /* An email (MAIL-1, MAIL-2). */
  .email {
    min-width: 0;
    border: 1px solid var(--_dc-border);
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
  }
  .email.outgoing {
    border-inline-start: 3px solid var(--_dc-accent);
  }
  .email.fresh {
    border: 2px solid var(--_dc-fresh-border);
    background: var(--_dc-fresh-bg);
  }
  .toggle {
    display: flex;
    align-items: center;
    justify-content: flex-start;
    gap: 0.4rem;
    width: 100%;
    min-width: 0;
    padding: 0.4rem 0.6rem;
    border: 0;
    border-radius: var(--_dc-radius);
    background: transparent;
    text-align: start;
    font-weight: 400;
  }
  .toggle .from {
    flex: none;
    max-width: 45%;
    overflow: hidden;
    font-weight: 700;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .open .toggle .from {
    flex: 1 1 auto;
    max-width: none;
  }
  .toggle .snippet {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    color: var(--_dc-text-muted);
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .toggle time {
    flex: none;
    margin-inline-start: auto;
    color: var(--_dc-text-muted);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .tag-new {
    color: var(--_dc-fresh-border);
    font-size: 0.8em;
  }
  .headers {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.1rem 0.6rem;
    margin: 0;
    padding: 0 0.75rem 0.3rem 2.1rem;
    font-size: 0.9em;
  }
  .headers > div {
    display: contents;
  }
  .headers dt {
    color: var(--_dc-text-muted);
  }
  .headers dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .state.failed {
    color: var(--_dc-danger);
    font-weight: 600;
  }
  .email-subject {
    margin: 0;
    padding: 0 0.75rem 0.3rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .body {
    min-width: 0;
    padding: 0 0.6rem 0.4rem;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .quoted-text {
    margin-top: 0.3rem;
    padding-inline-start: 0.6rem;
    border-inline-start: 3px solid var(--_dc-border);
    color: var(--_dc-text-muted);
  }
  .quoted {
    margin-top: 0.3rem;
  }
  a {
    color: var(--_dc-accent);
  }

  /* Attachments (MAIL-8). */
  .files {
    padding: 0 0.6rem 0.4rem;
  }
  .files-title {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    margin: 0 0 0.2rem;
    font-size: 0.85em;
    color: var(--_dc-text-muted);
  }
  .files ul {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.5rem;
    min-width: 0;
  }
  .file .name {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .file .size,
  .file .why {
    color: var(--_dc-text-muted);
    font-size: 0.85em;
  }
  .file a.button {
    text-decoration: none;
  }
  .file-button {
    flex-wrap: wrap;
    justify-content: flex-start;
    max-width: 100%;
    font-weight: 400;
    text-align: start;
  }
  .file.blocked .file-button {
    border-style: dashed;
    background: var(--_dc-surface-raised);
    color: var(--_dc-text-muted);
    cursor: not-allowed;
  }
  .file.blocked .name {
    text-decoration: line-through;
  }

  /* Reply, Reply all, Forward, Cc (MAIL-1, MAIL-5). */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    padding: 0.2rem 0.6rem 0.6rem;
  }

  /* Announcements between emails. */
  .note {
    display: flex;
    justify-content: center;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.2rem 0.4rem;
    margin: 0.2rem auto;
    color: var(--_dc-text-muted);
    font-size: 0.85em;
    text-align: center;
    overflow-wrap: anywhere;
  }
  .note .icon {
    align-self: center;
  }

  /* Banners at the bottom edge, above the compose box (MAIL-4, MAIL-8). */
  .banners {
    flex: none;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.6rem;
    padding: 0.45rem 0.75rem;
    border-top: 1px solid var(--_dc-border);
  }
  .banner.fresh {
    background: var(--_dc-fresh-bg);
  }
  .banner.pci {
    background: var(--_dc-warning-surface);
  }
  .banner .message {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
