import { msg, str } from '../../i18n/localization.js';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { mediaLabel, mediaStateLabel, scopeLabel, targetLabel } from '../../i18n/labels.js';
import type { DcConfig } from '../../model/config.js';
import { isolated } from '../../model/text.js';
import type { DcNotification, NotificationKind } from '../../store/state.js';
import { icon, type IconName } from '../../ui/icons.js';
import { TickerController } from '../../context/ticker.js';
import { DcBeforeStateChangeEvent, DcTaskSelectEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import { TopLayer, topLayerStyles } from '../internal/top-layer.js';

const KIND_ICON: Record<NotificationKind, IconName> = {
  error: 'circle-alert',
  warning: 'triangle-alert',
  info: 'info',
  success: 'circle-check',
};

/** How many times a warning was raised, for screen readers (the screen shows ×3). */
function countText(count: number): string {
  return msg(str`(${count} times)`, { id: 'notify.count' });
}

/** The words of a notification, in the current language; `now` counts retries down. */
export function notificationText(config: DcConfig, n: DcNotification, now: number): string {
  const secondsLeft = (retryInMs: number) => Math.max(0, Math.ceil((n.at + retryInMs - now) / 1000));
  switch (n.code) {
    case 'sign-in-failed': {
      const media = mediaLabel(config, n.params.media);
      const reason = isolated(n.params.reason);
      if (n.params.retryInMs === undefined) {
        return msg(str`Sign-in failed for ${media}: ${reason}. Automatic retries have stopped; sign in again from the state menu.`, {
          id: 'notify.sign-in-failed-final',
        });
      }
      const seconds = secondsLeft(n.params.retryInMs);
      const attempt = n.params.attempt;
      const retries = n.params.retries;
      return msg(str`Sign-in failed for ${media}: ${reason}. Retrying in ${seconds} s (retry ${attempt} of ${retries}).`, {
        id: 'notify.sign-in-failed-retry',
      });
    }
    case 'state-change-failed': {
      const media = mediaLabel(config, n.params.media);
      const target = targetLabel(config, n.params.target);
      const reason = isolated(n.params.reason);
      if (n.params.retryInMs === undefined) {
        return msg(str`${media} could not change to ${target}: ${reason}. It keeps its previous state; retry or set it again.`, {
          id: 'notify.state-failed-final',
        });
      }
      const seconds = secondsLeft(n.params.retryInMs);
      const attempt = n.params.attempt;
      const retries = n.params.retries;
      return msg(
        str`${media} could not change to ${target}: ${reason}. Retrying in ${seconds} s (retry ${attempt} of ${retries}).`,
        { id: 'notify.state-failed-retry' },
      );
    }
    case 'state-auto-changed': {
      const media = mediaLabel(config, n.params.media);
      const state = mediaStateLabel(config, n.params.state);
      switch (n.params.cause) {
        case 'missed-offer':
          return msg(str`${media} is now ${state}: an offer was not accepted in time.`, { id: 'notify.auto-missed' });
        case 'supervisor':
          return msg(str`A supervisor changed ${media} to ${state}.`, { id: 'notify.auto-supervisor' });
        default:
          return msg(str`The system changed ${media} to ${state}.`, { id: 'notify.auto-system' });
      }
    }
    case 'offer-missed': {
      const media = mediaLabel(config, n.params.media);
      const customer = isolated(n.params.customer);
      const group = scopeLabel(n.params.group);
      return msg(
        str`The ${media} offer from ${customer} was not accepted in time and went back to the queue. ${group}: Not Ready; set Ready to receive offers again.`,
        { id: 'notify.offer-missed' },
      );
    }
    case 'accept-failed': {
      const media = mediaLabel(config, n.params.media);
      const customer = isolated(n.params.customer);
      const reason = isolated(n.params.reason);
      return msg(str`The ${media} offer from ${customer} could not be accepted: ${reason}.`, { id: 'notify.accept-failed' });
    }
    case 'new-message': {
      const media = mediaLabel(config, n.params.media);
      const customer = isolated(n.params.customer);
      const unread = n.params.unread;
      return msg(str`New message from ${customer} (${media}): ${unread} unread.`, { id: 'notify.new-message' });
    }
    case 'connection-restored':
      return msg('Connection restored. Your channels are as they were.', { id: 'notify.connection-restored' });
    case 'not-connected':
      return msg('Not connected to the server. Try again when the connection is back.', { id: 'notify.not-connected' });
    case 'sign-out-blocked':
      return msg('Set every digital channel to Not Ready before signing out.', { id: 'notify.sign-out-blocked' });
    case 'storage-unavailable':
      return n.params.what === 'files'
        ? msg('Attached files cannot be kept on this computer: attach them again if the page is reloaded.', {
            id: 'notify.storage-files',
          })
        : msg('Drafts cannot be kept on this computer: they will be lost if the page is reloaded.', {
            id: 'notify.storage-drafts',
          });
  }
}

/**
 * Pop-over notifications, top right: sign-in failures and retries, failed state changes with Retry,
 * automatic state changes, connection restored. Errors and warnings stay until dismissed; the others
 * leave by themselves after `notificationSeconds`, but not while the pointer or the focus is on one
 * (WCAG 2.2.1). A warning raised again for the same cause is one notification with a count (×3).
 * Screen readers hear each one as it arrives (errors assertively).
 *
 * @summary Top-right notifications for failures, retries and automatic state changes.
 *
 * @csspart notification - One notification.
 * @csspart dismiss - Its close button.
 * @csspart count - How many times a warning was raised (×3).
 * @csspart action - Its action button (Retry, or Open for a new message).
 *
 * @fires dc-task-select - Open showed the task of a new message; `detail.taskId`.
 *
 * @cssprop --dc-notifications-top - Distance from the top of the window (default 0.75rem).
 * @cssprop --dc-notifications-right - Distance from the right of the window (default 0.75rem).
 */
@customElement('dc-notifications')
export class DcNotifications extends DcElement {
  static override styles = [
    ...DcElement.styles,
    topLayerStyles,
    css`
      :host {
        position: fixed;
        top: var(--dc-notifications-top, 0.75rem);
        right: var(--dc-notifications-right, 0.75rem);
        z-index: calc(var(--_dc-z-overlay) + 1);
        width: min(24rem, calc(100vw - 1.5rem));
        pointer-events: none;
      }
      :host([placement='inline']) {
        position: static;
        width: auto;
      }
      .stack {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      /* Fixed: in the top layer, at the window's top right (the host's box above is its fallback). */
      .stack[popover] {
        top: var(--dc-notifications-top, 0.75rem);
        right: var(--dc-notifications-right, 0.75rem);
        width: min(24rem, calc(100vw - 1.5rem));
        max-height: calc(100vh - 1.5rem);
      }
      /* Under its anchor: placed from the anchor's box (top-layer.ts). */
      .stack.anchored {
        right: auto;
        padding: 0 0.5rem;
      }
      .notification {
        pointer-events: auto;
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
        padding: 0.6rem 0.6rem 0.6rem 0.75rem;
        border: 1px solid var(--_dc-border);
        border-left-width: 4px;
        border-radius: var(--_dc-radius);
        background: var(--_dc-surface);
        box-shadow: var(--_dc-shadow);
      }
      .error {
        border-left-color: var(--_dc-danger);
        background: var(--_dc-danger-surface);
      }
      .warning {
        border-left-color: var(--_dc-partial);
        background: var(--_dc-warning-surface);
      }
      .success {
        border-left-color: var(--_dc-ready);
        background: var(--_dc-success-surface);
      }
      .info {
        border-left-color: var(--_dc-accent);
        background: var(--_dc-info-surface);
      }
      .icon {
        width: 1.25em;
        height: 1.25em;
        flex: none;
        margin-top: 0.05em;
      }
      .text {
        flex: 1;
        line-height: 1.35;
      }
      .count {
        display: inline-block;
        margin-left: 0.25rem;
        padding: 0 0.4em;
        border-radius: 999px;
        background: var(--_dc-surface);
        border: 1px solid var(--_dc-border);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .buttons {
        display: flex;
        gap: 0.25rem;
        align-items: center;
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        border: 1px solid var(--_dc-border);
        border-radius: var(--_dc-radius);
        background: var(--_dc-surface);
        padding: 0.2rem 0.5rem;
        cursor: pointer;
      }
      button.dismiss {
        border-color: transparent;
        background: none;
        padding: 0.2rem;
      }
      button .icon {
        width: 1em;
        height: 1em;
        margin: 0;
      }
    `,
  ];

  /** `fixed` (top right of the window, the default) or `inline` (in the page's flow, for stories). */
  @property({ reflect: true }) placement: 'fixed' | 'inline' = 'fixed';
  /**
   * Fixed, an element to open under instead of the window's top right: right-aligned with it and no
   * wider (the desktop gives its header, so that a notification never covers the state control).
   */
  @property({ attribute: false }) anchor?: Element;

  #view = this.select((s, store) => ({ notifications: s.notifications, config: store.config }));
  #ticker = new TickerController(this);
  #pointerIn = false;
  #focusIn = false;
  #holding = false;

  constructor() {
    super();
    // Fixed, the stack is drawn in the top layer: no container of the host's clips it (HOSTILE-23). It
    // stays open while empty, so that its live region is there before the first notification.
    new TopLayer(this, {
      popover: () => this.renderRoot.querySelector<HTMLElement>('.stack[popover]'),
      anchor: () => this.anchor,
      placement: 'bottom-end',
      flip: false,
      fitWidth: true,
    });
  }

  protected override render() {
    const view = this.#view.value;
    const list = view?.notifications ?? [];
    // Retry countdowns tick once a second, and only while one is on show.
    this.#ticker.active = list.some((n) => 'retryInMs' in n.params && n.params.retryInMs !== undefined);
    const now = this.activeStore?.now() ?? Date.now();
    return html`<div
      class="stack ${this.anchor && this.placement !== 'inline' ? 'anchored' : ''}"
      popover=${this.placement === 'inline' ? nothing : 'manual'}
      aria-live="polite"
      aria-relevant="additions text"
      @pointerover=${this.#onPointerOver}
      @pointerout=${this.#onPointerOut}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
    >
      ${view
        ? repeat(
            list,
            (n) => n.id,
            (n) => html`<div
              class="notification ${n.kind}"
              part="notification"
              role=${n.kind === 'error' ? 'alert' : 'status'}
              data-code=${n.code}
            >
              ${icon(KIND_ICON[n.kind])}
              <span class="text"
                >${notificationText(view.config, n, now)}${n.count && n.count > 1
                  ? html` <span class="count" part="count" aria-hidden="true">×${n.count}</span
                      ><span class="visually-hidden">${countText(n.count)}</span>`
                  : nothing}</span
              >
              <span class="buttons">
                ${n.action ? this.#action(n) : nothing}
                <button
                  part="dismiss"
                  class="dismiss"
                  aria-label=${msg('Dismiss notification', { id: 'notify.dismiss' })}
                  title=${msg('Dismiss notification', { id: 'notify.dismiss' })}
                  @click=${() => this.activeStore?.dismissNotification(n.id)}
                >
                  ${icon('x')}
                </button>
              </span>
            </div>`,
          )
        : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The notification under the pointer, or holding the focus, may have just left (dismissed): no
    // pointerout or focusout comes from a removed element.
    if (this.#pointerIn && !this.renderRoot.querySelector('.notification:hover')) this.#pointerIn = false;
    if (this.#focusIn && !this.renderRoot.querySelector('.notification:focus-within')) this.#focusIn = false;
    // After this update: letting go changes the store, which renders this element again.
    queueMicrotask(() => this.#syncHold());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pointerIn = this.#focusIn = false;
    this.#syncHold();
  }

  /** HOSTILE-25, WCAG 2.2.1: while the pointer or the focus is on a notification, none leaves by itself. */
  #syncHold(): void {
    const held = this.#pointerIn || this.#focusIn;
    if (held === this.#holding) return;
    this.#holding = held;
    this.activeStore?.holdNotifications(held);
  }

  #inNotification(node: EventTarget | null): boolean {
    return node instanceof Element && this.renderRoot.contains(node) && node.closest('.notification') !== null;
  }

  #onPointerOver = (event: PointerEvent) => {
    this.#pointerIn = this.#inNotification(event.target);
    this.#syncHold();
  };

  #onPointerOut = (event: PointerEvent) => {
    this.#pointerIn = this.#inNotification(event.relatedTarget);
    this.#syncHold();
  };

  #onFocusIn = () => {
    this.#focusIn = true;
    this.#syncHold();
  };

  #onFocusOut = (event: FocusEvent) => {
    this.#focusIn = this.#inNotification(event.relatedTarget);
    this.#syncHold();
  };

  #action(n: DcNotification) {
    const action = n.action!;
    const run = () => {
      const store = this.activeStore;
      if (!store) return;
      store.dismissNotification(n.id);
      if (action.kind === 'retry-state') {
        const { media } = action;
        this.intend(new DcBeforeStateChangeEvent({ scope: { media }, target: action.target }), (d) =>
          store.setMediaState(media, d.target),
        );
      } else {
        store.selectTask(action.taskId);
        this.dispatchEvent(new DcTaskSelectEvent(action.taskId));
      }
    };
    return html`<button part="action" @click=${run}>
      ${action.kind === 'retry-state'
        ? html`${icon('refresh-cw')}${msg('Retry', { id: 'notify.retry' })}`
        : msg('Open', { id: 'notify.open-task' })}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-notifications': DcNotifications;
  }
}
