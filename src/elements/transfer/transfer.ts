import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, queryAll, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import arrowRightLeft from 'lucide/dist/esm/icons/arrow-right-left.mjs';
import search from 'lucide/dist/esm/icons/search.mjs';
import { msg, str } from '../../i18n/localization.js';
import type { DcConfig } from '../../model/config.js';
import type { MediaConfig } from '../../model/media.js';
import type { Task } from '../../model/tasks.js';
import { pickText } from '../../model/text.js';
import {
  filterTargets,
  MAX_TRANSFER_NOTE,
  targetLabel,
  transferBlock,
  transferTargets,
  transferWrapUp,
  wrapUpReady,
  type TransferBlock,
  type TransferTarget,
} from '../../model/transfer.js';
import type { TransferEntry } from '../../store/state.js';
import { own } from '../../store/records.js';
import { icon, renderIcon } from '../../ui/icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { DcBeforeTransferEvent, DcTransferOpenEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import { TopLayer, topLayerStyles } from '../internal/top-layer.js';
import { styles } from './transfer.styles.js';

interface MenuView {
  readonly config: DcConfig;
  readonly task: Task | undefined;
  readonly media: MediaConfig | undefined;
  readonly transfer: TransferEntry | undefined;
  readonly online: boolean;
  /** A voice call is reported (XFER-2). */
  readonly voice: boolean;
}

/** Why Transfer cannot be used, in the agent's words. */
function blockLabel(block: TransferBlock): string {
  switch (block) {
    case 'not-held':
      return msg('Only an active task can be transferred', { id: 'transfer.block.not-held' });
    case 'offline':
      return msg('Unavailable until the connection is restored', { id: 'transfer.block.offline' });
    case 'pending':
      return msg('A transfer is under way', { id: 'transfer.block.pending' });
    case 'no-targets':
      return msg('No routing point is configured for this channel', { id: 'transfer.block.no-targets' });
    case 'voice':
      return msg('Unavailable until the voice call ends', { id: 'transfer.block.voice' });
  }
}

const STATES = ['open', 'pending', 'failed', 'disabled'] as const;

/**
 * Transfer for one task (XFER-1, XFER-3, XFER-4): a Transfer button (disabled, with the reason, when a
 * transfer is not possible), and a pop-up in the top layer with the routing points of the task's media
 * (never the voice directory), searchable, and an internal note for the next agent. With a forced
 * wrap-up, a wrap-up reason and Apply come first (XFER-3). Choosing a routing point transfers the task.
 * While the transfer is pending the button says so; when it failed, the reason and Retry.
 *
 * @summary Transfer a task to a routing point, with an internal note.
 *
 * @fires dc-transfer-open - Before the pop-up opens (cancelable; `detail.taskId`). `show()` opens it without asking.
 * @fires dc-before-transfer - Before the transfer is asked for (cancelable; a host may change `detail.note`).
 *
 * @csspart trigger - The Transfer button.
 * @csspart retry - Retry, after a failed transfer.
 * @csspart menu - The pop-up.
 * @csspart search - The search field.
 * @csspart target - Each routing point.
 * @csspart note - The internal note.
 * @csspart wrap-up - The wrap-up reasons asked before a transfer (XFER-3).
 * @csspart apply - Apply, under the wrap-up reasons.
 *
 * @cssstate open - The pop-up is open.
 * @cssstate pending - A transfer is under way.
 * @cssstate failed - The last transfer failed.
 * @cssstate disabled - Transfer cannot be used now.
 */
@customElement('dc-transfer-menu')
export class DcTransferMenu extends DcElement {
  static override styles = [...DcElement.styles, topLayerStyles, styles];

  /** The task to transfer; the task on show when left out. */
  @property({ attribute: 'task-id' }) taskId?: string;

  @state() private open = false;
  @state() private query = '';
  @state() private note = '';
  @state() private chosen: readonly string[] = [];
  @state() private applied = false;

  @query('[part~="trigger"]') private trigger?: HTMLButtonElement;
  @query('[part~="search"]') private searchField?: HTMLInputElement;
  @queryAll('[part~="target"]') private targets!: NodeListOf<HTMLButtonElement>;

  #view = this.select<MenuView | undefined>((s, store) => {
    const id = this.taskId ?? s.selectedTaskId;
    const task = id === undefined ? undefined : own(s.tasks, id);
    return {
      config: store.config,
      task,
      media: task ? store.config.media.find((m) => m.id === task.media) : undefined,
      transfer: id === undefined ? undefined : own(s.transfers, id),
      online: s.connection === 'online',
      voice: s.voice,
    };
  });
  #focusOnOpen = false;
  /** The task the menu was last about. */
  #shown: string | undefined;
  #outside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.close(false);
  };

  constructor() {
    super();
    new TopLayer(this, {
      popover: () => this.renderRoot.querySelector<HTMLElement>('[part~="menu"]'),
      anchor: () => this.trigger,
      placement: 'bottom-end',
    });
  }

  /** Opens the pop-up, without `dc-transfer-open` (a host that held it back opens it so). */
  show(): void {
    const view = this.#view.value;
    if (!view || this.#block(view)) return;
    this.#focusOnOpen = true;
    this.open = true;
  }

  /** Closes the pop-up; the focus goes back to the Transfer button when `focusTrigger`. */
  close(focusTrigger = true): void {
    if (!this.open) return;
    this.open = false;
    this.query = '';
    if (focusTrigger) this.trigger?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#outside, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.#view.value;
    // Another task (a new task-id, or another task on show): its own note and choices, from scratch.
    if (view?.task?.id !== this.#shown) {
      this.#shown = view?.task?.id;
      this.#reset();
    }
    if (this.open && (!view || this.#block(view))) this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open' as keyof DcTransferMenu)) {
      if (this.open) document.addEventListener('pointerdown', this.#outside, true);
      else document.removeEventListener('pointerdown', this.#outside, true);
    }
    if (this.open && this.#focusOnOpen) {
      this.#focusOnOpen = false;
      const first = this.renderRoot.querySelector<HTMLElement>('[part~="wrap-up"] input, [part~="search"]');
      first?.focus();
    }
  }

  protected override render() {
    const view = this.#view.value;
    const block = view ? this.#block(view) : 'not-held';
    const transfer = view?.transfer;
    this.setStates(STATES, [
      this.open && 'open',
      transfer?.status === 'pending' && 'pending',
      transfer?.status === 'failed' && 'failed',
      block && 'disabled',
    ]);
    const label =
      transfer?.status === 'pending'
        ? msg('Transferring…', { id: 'transfer.pending' })
        : transfer?.status === 'failed'
          ? msg('Transfer failed', { id: 'transfer.failed' })
          : msg('Transfer', { id: 'transfer.button' });
    const reason = block ? blockLabel(block) : transfer?.status === 'failed' ? (transfer.reason ?? '') : '';
    return html`
      <span class="controls">
        <button
          part="trigger"
          class="trigger"
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-disabled=${block ? 'true' : 'false'}
          aria-describedby=${ifDefined(reason ? 'reason' : undefined)}
          title=${ifDefined(reason || undefined)}
          @click=${this.#onTrigger}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'ArrowDown' && !block) {
              e.preventDefault();
              this.#ask();
            }
          }}
        >
          ${transfer?.status === 'pending' ? icon('loader-circle') : renderIcon(arrowRightLeft, 'arrow-right-left')}
          <span>${label}</span>
        </button>
        ${transfer?.status === 'failed'
          ? html`<button part="retry" class="retry" ?disabled=${!view?.online} @click=${this.#retry}>
              ${icon('refresh-cw')}<span>${msg('Retry', { id: 'transfer.retry' })}</span>
            </button>`
          : nothing}
        <span id="reason" class="visually-hidden">${reason}</span>
      </span>
      ${this.open && view && !block ? this.#renderMenu(view) : nothing}
    `;
  }

  #renderMenu(view: MenuView) {
    const locale = this.renderLocale;
    const rule = transferWrapUp(view.media);
    const ready = wrapUpReady(rule, this.chosen, this.applied);
    const found = filterTargets(transferTargets(view.media), this.query, locale);
    return html`<div
      class="popover menu"
      part="menu"
      popover="manual"
      role="dialog"
      aria-labelledby="menu-title"
      @keydown=${this.#onMenuKeydown}
      @focusout=${(e: FocusEvent) => {
        const next = e.relatedTarget as Node | null;
        if (next && !this.renderRoot.contains(next)) this.close(false);
      }}
    >
      <h2 id="menu-title">${msg('Transfer to a routing point', { id: 'transfer.dialog' })}</h2>
      ${rule.required ? this.#renderWrapUp(rule, ready, locale) : nothing}
      ${ready ? this.#renderTargets(view, found, locale) : nothing}
    </div>`;
  }

  /** XFER-3: the wrap-up reasons, then Apply; once applied, the choice in green with Change. */
  #renderWrapUp(rule: ReturnType<typeof transferWrapUp>, ready: boolean, locale: string) {
    if (ready) {
      const names = this.chosen.map((id) => pickText(rule.reasons.find((r) => r.id === id)?.label ?? id, locale)).join(', ');
      return html`<p class="applied" part="wrap-up applied">
        ${icon('circle-check')}<span>${msg(str`Wrap-up: ${names}`, { id: 'transfer.applied' })}</span>
        <button class="link" @click=${() => (this.applied = false)}>${msg('Change', { id: 'transfer.change' })}</button>
      </p>`;
    }
    const type = rule.multiple ? 'checkbox' : 'radio';
    return html`<fieldset part="wrap-up" class="wrap-up">
      <legend>${msg('Wrap-up reasons', { id: 'transfer.wrap-up' })}</legend>
      <p class="help">${msg('Pick a wrap-up reason and Apply before choosing the routing point.', { id: 'transfer.wrap-up-help' })}</p>
      ${rule.reasons.map(
        (r) => html`<label class="reason">
          <input
            type=${type}
            name="wrap-up"
            value=${r.id}
            .checked=${this.chosen.includes(r.id)}
            @change=${(e: Event) => this.#choose(r.id, (e.target as HTMLInputElement).checked, rule.multiple)}
          />
          <span>${pickText(r.label, locale) || r.id}</span>
        </label>`,
      )}
      <button part="apply" class="primary" ?disabled=${!this.chosen.length} @click=${this.#apply}>
        ${msg('Apply', { id: 'transfer.apply' })}
      </button>
    </fieldset>`;
  }

  #renderTargets(view: MenuView, found: readonly TransferTarget[], locale: string) {
    return html`
      <label class="field">
        <span>${msg('Internal note for the next agent', { id: 'transfer.note' })}</span>
        <textarea
          part="note"
          rows="2"
          maxlength=${MAX_TRANSFER_NOTE}
          aria-describedby="note-help"
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <span id="note-help" class="help">${msg('Never sent to the customer.', { id: 'transfer.note-help' })}</span>
      </label>
      <label class="search">
        ${renderIcon(search, 'search')}
        <span class="visually-hidden">${msg('Search routing points', { id: 'transfer.search' })}</span>
        <input
          part="search"
          type="search"
          autocomplete="off"
          placeholder=${msg('Search routing points', { id: 'transfer.search' })}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'ArrowDown' || (e.key === 'Enter' && found.length === 1)) {
              e.preventDefault();
              e.stopPropagation(); // the list's own keys start from the first point
              if (e.key === 'Enter') this.#transfer(view, found[0]!);
              else this.targets[0]?.focus();
            }
          }}
        />
      </label>
      ${found.length
        ? html`<ul class="targets" aria-label=${msg('Routing points', { id: 'transfer.targets' })}>
            ${found.map(
              (t) => html`<li>
                <button part="target" class="target" data-target=${t.id} @click=${() => this.#transfer(view, t)}>
                  ${targetLabel(t, locale)}
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p class="none" role="status">${msg('No routing point matches', { id: 'transfer.none-found' })}</p>`}
      <div class="actions">
        <button class="secondary" @click=${() => this.close()}>${msg('Cancel', { id: 'transfer.cancel' })}</button>
      </div>
    `;
  }

  #block(view: MenuView): TransferBlock | undefined {
    return transferBlock(view.task, view.media, { online: view.online, transfer: view.transfer?.status, voice: view.voice });
  }

  #reset(): void {
    this.open = false;
    this.query = '';
    this.note = '';
    this.chosen = [];
    this.applied = false;
  }

  /** XFER-1: asks the host first (`dc-transfer-open`), then opens. */
  #ask(): void {
    const view = this.#view.value;
    const taskId = view?.task?.id;
    if (!view || !taskId || this.#block(view)) return;
    this.intend(new DcTransferOpenEvent({ taskId }), () => this.show());
  }

  #onTrigger = () => {
    if (this.open) this.close();
    else this.#ask();
  };

  #choose(id: string, on: boolean, multiple: boolean): void {
    if (!multiple) this.chosen = on ? [id] : [];
    else this.chosen = on ? [...new Set([...this.chosen, id])] : this.chosen.filter((c) => c !== id);
  }

  #apply = () => {
    if (!this.chosen.length) return;
    this.applied = true;
    void this.updateComplete.then(() => this.searchField?.focus());
  };

  /** XFER-1/3/4: asks the host (`dc-before-transfer`), then hands the transfer to the store. */
  #transfer(view: MenuView, target: TransferTarget): void {
    const store = this.activeStore;
    const task = view.task;
    if (!store || !task) return;
    const rule = transferWrapUp(view.media);
    if (!wrapUpReady(rule, this.chosen, this.applied)) return;
    const wrapUp = rule.required ? { reasons: [...this.chosen] } : undefined;
    const event = new DcBeforeTransferEvent({ taskId: task.id, media: task.media, target: target.id, note: this.note.trim(), ...(wrapUp ? { wrapUp } : {}) });
    this.intend(event, (d) => {
      const id = store.transfer(task.id, { target: d.target, note: d.note, ...(d.wrapUp ? { wrapUp: d.wrapUp } : {}) });
      if (id === undefined) return;
      this.#reset();
      void this.updateComplete.then(() => this.trigger?.focus());
    });
  }

  #retry = () => {
    const id = this.#view.value?.task?.id;
    if (id) this.activeStore?.retryTransfer(id);
  };

  #onMenuKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
      return;
    }
    const items = [...this.targets];
    const index = items.indexOf(this.renderRoot.querySelector(':focus') as HTMLButtonElement);
    if (index < 0) return;
    if (event.key === 'ArrowUp' && index === 0) {
      event.preventDefault();
      this.searchField?.focus();
      return;
    }
    const next = rovingIndex(event.key, index, items.length, false);
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-transfer-menu': DcTransferMenu;
  }
}
