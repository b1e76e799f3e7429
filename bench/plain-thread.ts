/**
 * The yardstick for opening a thread: a plain Lit element that renders every row of the conversation at
 * once (`repeat`, no virtualiser), with markup like the thread's — avatar, sender, time, bubble, receipt,
 * announcements and separators — and opens at the newest message. Its rows come from the model's
 * `threadRows`, as the thread's do. The conversation benchmark opens it in the same run as
 * `<dc-chat-thread>` and reports how many times slower it is.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { rowReceipt, type ThreadRow } from '../src/model/thread.js';
import { initials } from '../src/model/message-text.js';

const time = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

export class BenchPlainThread extends LitElement {
  static override properties = { rows: { attribute: false }, customer: {} };
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      height: 100%;
      font-size: 14px;
    }
    .log {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
    }
    .row {
      padding: 0.25rem 0.75rem;
    }
    .message {
      display: flex;
      align-items: flex-end;
      gap: 0.5rem;
    }
    .outgoing {
      flex-direction: row-reverse;
    }
    .avatar {
      display: inline-flex;
      width: 2rem;
      height: 2rem;
      border-radius: 50%;
      align-items: center;
      justify-content: center;
      background: #eef1f4;
      font-weight: 700;
    }
    .body {
      display: flex;
      flex-direction: column;
      max-width: 75%;
    }
    .meta {
      display: flex;
      gap: 0.5rem;
      font-size: 0.8em;
    }
    .bubble {
      padding: 0.45rem 0.7rem;
      border-radius: 0.5rem;
      background: #f4f6f8;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .outgoing .bubble {
      background: #0a5cc2;
      color: #fff;
    }
    .note,
    .separator {
      text-align: center;
      color: #555;
      font-size: 0.85em;
    }
  `;

  rows: readonly ThreadRow[] = [];
  customer = '';

  protected override render() {
    return html`<div class="log" part="log">${repeat(this.rows, (r) => r.key, (r) => this.#row(r))}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const log = this.renderRoot.querySelector<HTMLElement>('.log')!;
    log.scrollTop = log.scrollHeight;
  }

  #row(row: ThreadRow) {
    switch (row.kind) {
      case 'day':
        return html`<div class="row separator">${time.format(row.at)}</div>`;
      case 'interaction':
        return html`<div class="row separator">${row.current ? 'This conversation' : `Earlier conversation · ${time.format(row.at)}`}</div>`;
      case 'handoff':
        return html`<div class="row note">Handed over to an agent</div>`;
      case 'announcement':
        return html`<div class="row note"><span>${row.message.text}</span> <time>${time.format(row.message.at)}</time></div>`;
      case 'pending':
      case 'message': {
        const m = row.kind === 'message' ? row.message : undefined;
        const from = m?.from ?? 'agent';
        const receipt = rowReceipt(row);
        return html`<div class="row message ${from === 'customer' ? '' : 'outgoing'}">
          ${from === 'customer' ? html`<span class="avatar">${initials(this.customer)}</span>` : nothing}
          <div class="body">
            <div class="meta"><span class="sender">${m?.name ?? this.customer}</span><time>${time.format(m?.at ?? 0)}</time></div>
            <div class="bubble">${m?.text ?? (row.kind === 'pending' ? row.entry.text : '')}</div>
            ${receipt ? html`<span class="receipt">${receipt}</span>` : nothing}
          </div>
        </div>`;
      }
    }
  }
}

customElements.define('bench-plain-thread', BenchPlainThread);
