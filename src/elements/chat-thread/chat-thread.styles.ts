import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    min-height: 0;
    height: 100%;
    --_dc-button-height: 1.9rem;
    --_dc-button-padding: 0.2rem 0.75rem;
    background: var(--_dc-surface);
    --_dc-agent-bg: var(--dc-bubble-agent-bg, var(--_dc-accent));
    --_dc-agent-color: var(--dc-bubble-agent-color, var(--_dc-accent-text));
    --_dc-customer-bg: var(--dc-bubble-customer-bg, var(--_dc-surface-raised));
    --_dc-customer-color: var(--dc-bubble-customer-color, var(--_dc-text));
    --_dc-bot-bg: var(--dc-bubble-bot-bg, var(--_dc-info-surface));
    --_dc-bot-color: var(--dc-bubble-bot-color, var(--_dc-text));
    --_dc-bubble-max: var(--dc-chat-thread-bubble-max-width, 75%);
  }
  .icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }

  /* Header: customer, queue, timer (PANE-2). */
  .header {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    flex: none;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_dc-border);
  }
  .who {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-width: 0;
  }
  .title {
    overflow: hidden;
    font-weight: 700;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .queue {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    overflow: hidden;
    color: var(--_dc-text-muted);
    font-size: 0.9em;
    white-space: nowrap;
  }
  .timer {
    flex: none;
    color: var(--_dc-text-muted);
    font-variant-numeric: tabular-nums;
  }

  /* History status: loading, failed (PANE-1). */
  .status {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem;
    flex: none;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_dc-border);
    background: var(--_dc-surface-raised);
  }
  .status.failed {
    background: var(--_dc-danger-surface);
  }
  .status.failed > .icon {
    color: var(--_dc-danger);
  }
  .status .message {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .spin {
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* The scrolling, virtualised conversation. */
  .log {
    flex: 1 1 auto;
    min-height: 6rem;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .log:focus-visible {
    outline-offset: -2px;
  }
  .row {
    width: 100%;
    padding: 0.25rem 0.75rem;
  }
  .none {
    position: absolute;
    top: 40%;
    left: 0;
    right: 0;
    margin: 0;
    padding: 2rem 1rem;
    color: var(--_dc-text-muted);
    text-align: center;
    pointer-events: none;
  }

  /* Messages (PANE-2). */
  .message {
    display: flex;
    align-items: flex-end;
    gap: 0.5rem;
  }
  .message.outgoing {
    flex-direction: row-reverse;
  }
  .avatar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    flex: none;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    background: var(--_dc-surface-raised);
    border: 1px solid var(--_dc-border);
    color: var(--_dc-text);
    font-size: 0.8em;
    font-weight: 700;
  }
  .header .avatar {
    width: 2.25rem;
    height: 2.25rem;
  }
  .avatar.bot {
    background: var(--_dc-bot-bg);
  }
  .body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-width: 0;
    max-width: var(--_dc-bubble-max);
  }
  .outgoing .body {
    align-items: flex-end;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    margin-bottom: 0.15rem;
    color: var(--_dc-text-muted);
    font-size: 0.8em;
  }
  .sender {
    font-weight: 600;
    color: var(--_dc-text);
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    padding: 0 0.35em;
    border: 1px solid var(--_dc-border);
    border-radius: 999px;
  }
  .bubble {
    max-width: 100%;
    padding: 0.45rem 0.7rem;
    border-radius: calc(var(--_dc-radius) * 2);
    line-height: 1.4;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    word-break: break-word;
  }
  .customer .bubble {
    background: var(--_dc-customer-bg);
    color: var(--_dc-customer-color);
    border: 1px solid var(--_dc-border);
    border-bottom-left-radius: 0.2rem;
  }
  .agent .bubble {
    background: var(--_dc-agent-bg);
    color: var(--_dc-agent-color);
    border: 1px solid var(--_dc-agent-bg);
    border-bottom-right-radius: 0.2rem;
  }
  .bot .bubble {
    background: var(--_dc-bot-bg);
    color: var(--_dc-bot-color);
    border: 1px dashed var(--_dc-accent);
    border-bottom-right-radius: 0.2rem;
  }
  /* XFER-4: an internal note between agents: never the customer's, so never the agent's blue. */
  .internal .bubble {
    background: var(--dc-bubble-internal-bg, var(--_dc-warning-surface));
    color: var(--dc-bubble-internal-color, var(--_dc-text));
    border: 1px dashed var(--_dc-partial);
    border-bottom-right-radius: 0.2rem;
  }
  .bubble a {
    color: inherit;
    text-decoration: underline;
  }

  /* Attachments. */
  .files {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-top: 0.3rem;
    white-space: normal;
  }
  .files:first-child {
    margin-top: 0;
  }
  .file {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--_dc-radius);
    color: inherit;
  }
  .file .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .file .size {
    opacity: 0.9;
    white-space: nowrap;
  }
  .picture {
    display: block;
    max-width: 12rem;
    color: inherit;
  }
  .picture img {
    display: block;
    max-width: 100%;
    max-height: 9rem;
    border-radius: var(--_dc-radius);
    background: var(--_dc-surface);
  }

  /* Receipts (PANE-4). */
  .receipt {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    margin-top: 0.15rem;
    color: var(--_dc-text-muted);
    font-size: 0.8em;
  }
  .receipt .icon {
    width: 1em;
    height: 1em;
  }
  .receipt.read .icon {
    color: var(--_dc-accent);
  }
  .failure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25rem 0.5rem;
    margin-top: 0.15rem;
    color: var(--_dc-danger);
    font-size: 0.85em;
  }
  .failure .receipt {
    color: var(--_dc-danger);
    font-size: 1em;
    overflow-wrap: anywhere;
  }

  /* Announcements, separators, hand-off (PANE-1, PANE-3). */
  .note {
    display: flex;
    justify-content: center;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.2rem 0.4rem;
    margin: 0.2rem auto;
    max-width: 36rem;
    color: var(--_dc-text-muted);
    font-size: 0.85em;
    text-align: center;
    overflow-wrap: anywhere;
  }
  .note .icon {
    align-self: center;
  }
  .note .text {
    white-space: pre-wrap;
  }
  .note.failed {
    color: var(--_dc-danger);
  }
  .note.closed {
    color: var(--_dc-text);
    font-weight: 600;
  }
  .separator {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    color: var(--_dc-text-muted);
    font-size: 0.8em;
  }
  .separator::before,
  .separator::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_dc-border);
  }
  .separator.interaction {
    padding-top: 0.5rem;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  /* Below the conversation: new messages, typing. */
  .jump {
    position: absolute;
    left: 50%;
    bottom: 2.4rem;
    transform: translateX(-50%);
    box-shadow: var(--_dc-shadow);
    z-index: 1;
  }
  .typing {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    flex: none;
    min-height: 1.8rem;
    padding: 0.2rem 0.75rem;
    color: var(--_dc-text-muted);
    font-size: 0.85em;
    font-style: italic;
  }
  .dots {
    display: inline-flex;
    gap: 0.15rem;
  }
  .dots span {
    width: 0.35rem;
    height: 0.35rem;
    border-radius: 50%;
    background: currentColor;
    animation: blink 1.2s infinite ease-in-out both;
  }
  .dots span:nth-child(2) {
    animation-delay: 0.2s;
  }
  .dots span:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes blink {
    0%,
    80%,
    100% {
      opacity: 0.25;
    }
    40% {
      opacity: 1;
    }
  }

  /* Names and words from outside the kit stand on their own: whatever direction they take, they never
     reorder what is around them (HOSTILE-17). */
  .title,
  .sender,
  .name,
  .note .text {
    unicode-bidi: isolate;
  }

  /* A customer's picture waiting for "Load image" (HOSTILE-18). */
  .held {
    flex-wrap: wrap;
  }
  .failure button,
  .held button {
    min-height: 1.6rem;
    padding: 0.1rem 0.5rem;
    font-size: 1em;
  }
  .empty {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    flex: 1;
    padding: 2rem 1rem;
    color: var(--_dc-text-muted);
  }

  @media (prefers-reduced-motion: reduce) {
    .spin,
    .dots span {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .bubble {
      border: 1px solid CanvasText;
    }
  }
`;
