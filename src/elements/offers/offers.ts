import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { TickerController } from '../../context/ticker.js';
import { mediaLabel, fieldLabel, keyNames } from '../../i18n/labels.js';
import type { DcConfig } from '../../model/config.js';
import type { MediaState } from '../../model/agent-state.js';
import { customerDisplayName, presentedOffers, secondsLeft, taskFieldValue, type Task } from '../../model/tasks.js';
import { formatDuration } from '../../model/time.js';
import type { KitConnection } from '../../store/state.js';
import { icon, MEDIA_ICONS } from '../../ui/icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { DcBeforeAcceptEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import { inFrame, noteRequest } from '../internal/frame-updates.js';
import { TopLayer, topLayerStyles } from '../internal/top-layer.js';
import { styles } from './offers.styles.js';
import { cssProperty } from './css-property.js';
import { isolated, shownText } from '../../model/text.js';

/** An offer turns urgent in its last seconds. */
export const URGENT_SECONDS = 5;

interface OffersView {
  config: DcConfig;
  media: Readonly<Record<string, MediaState>>;
  tasks: Readonly<Record<string, Task>>;
  accepting: Readonly<Record<string, true>>;
  connection: KitConnection;
}

/**
 * The offer pop-ups, bottom right (OFFER-1..6): one card per offer on show, each with its media, the
 * customer fields configured for that media, a countdown and Accept. Offers beyond a media's capacity
 * are not shown (OFFER-3); an offer that is accepted, missed or withdrawn leaves. With two offers or
 * more, Accept all (Ctrl+Alt+9) takes every one.
 *
 * The newest offer is on top and older ones stay where they are, nearest the corner: a card never moves
 * under the pointer when another offer arrives, and the oldest (the one that runs out first) is always
 * in the same place. The newest offer's Accept is the stack's one Tab stop (arrows, Home and End move
 * between the Accept buttons); Accept all comes before it. Screen readers hear each offer once, when it
 * appears; the countdown is not read out every second.
 *
 * @summary Offer pop-ups with customer fields, countdown and Accept.
 *
 * @csspart offer - One offer card.
 * @csspart field - One customer field of an offer (a `<dt>`/`<dd>` pair).
 * @csspart countdown - The time left to accept, in words.
 * @csspart countdown-bar - The time left to accept, as a shrinking bar.
 * @csspart accept - An offer's Accept button.
 * @csspart accept-all - The Accept all button (two offers or more).
 *
 * @cssstate empty - No offer on show.
 * @cssstate urgent - An offer is in its last five seconds.
 *
 * @cssprop --dc-offers-bottom - Distance from the bottom of the window (default 0.75rem).
 * @cssprop --dc-offers-right - Distance from the right of the window (default 0.75rem).
 * @cssprop --dc-offers-width - Width of the cards (default 22rem).
 *
 * Fixed, the stack is drawn in the top layer, so no container of the host's clips it. `compact` puts
 * each offer's customer fields on one line beside Accept, for a narrow column.
 */
@customElement('dc-offers')
export class DcOffers extends DcElement {
  static override styles = [...DcElement.styles, topLayerStyles, styles];

  /** `fixed` (bottom right of the window, the default) or `inline` (in the page's flow, for stories). */
  @property({ reflect: true }) placement: 'fixed' | 'inline' = 'fixed';
  /** Compact cards: the customer fields on one line beside Accept (the desktop's narrow layout). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The offer whose Accept is the Tab stop while focus is in the stack (the newest one otherwise). */
  @state() private rovingId: string | undefined;

  #ticker = new TickerController(this);
  #view = this.select<OffersView>((s, store) => ({
    config: store.config,
    media: s.media,
    tasks: s.tasks,
    accepting: s.accepting,
    connection: s.connection,
  }));
  /** Where focus was among the buttons before an update, to keep it in the stack if its card leaves. */
  #focusIndex = -1;
  #updating = false;

  constructor() {
    super();
    // Fixed, the stack is drawn in the top layer: no container of the host's clips it (HOSTILE-23).
    new TopLayer(this, { popover: () => this.renderRoot.querySelector<HTMLElement>('.offers[popover]') });
  }

  protected override render() {
    const view = this.#view.value;
    const now = this.activeStore?.now() ?? Date.now();
    const oldestFirst = view ? presentedOffers(view.config, view.media, Object.values(view.tasks), now) : [];
    const offers = [...oldestFirst].reverse();
    const urgent = offers.some((t) => secondsLeft(t, now) <= URGENT_SECONDS);
    this.setStates(['empty', 'urgent'], [offers.length ? undefined : 'empty', urgent ? 'urgent' : undefined]);
    this.#ticker.active = offers.length > 0;
    const tabStop = offers.some((t) => t.id === this.rovingId) ? this.rovingId : offers[0]?.id;

    // The announcements: one line per offer, added when the offer appears (never the countdown).
    const live = html`<div class="visually-hidden" aria-live="polite" aria-relevant="additions">
      ${view
        ? repeat(
            oldestFirst,
            (t) => t.id,
            (t) => {
              const media = mediaLabel(view.config, t.media);
              const customer = isolated(customerDisplayName(view.config, t));
              return html`<p>${msg(str`New ${media} offer from ${customer}`, { id: 'offers.announce' })}</p>`;
            },
          )
        : nothing}
    </div>`;
    if (!view || offers.length === 0) return live;

    const online = view.connection === 'online';
    const allBusy = offers.every((t) => view.accepting[t.id]);
    const keys = this.shortcuts?.shownKeysFor('offers.accept-all', keyNames()) ?? null;
    const ariaKeys = this.shortcuts?.ariaKeysFor('offers.accept-all') ?? null;
    return html`${live}
      <section class="offers" popover=${this.placement === 'inline' ? nothing : 'manual'} aria-label=${msg('Offers', { id: 'offers.region' })}>
        ${offers.length > 1
          ? html`<div class="toolbar">
              <span class="count">${msg(str`${offers.length} offers`, { id: 'offers.count' })}</span>
              <button
                part="accept-all"
                class="secondary"
                aria-disabled=${online && !allBusy ? 'false' : 'true'}
                aria-keyshortcuts=${ariaKeys ?? nothing}
                title=${ifDefined(online ? undefined : msg('Unavailable until the connection is restored', { id: 'offers.unavailable' }))}
                @click=${this.#acceptAll}
              >
                ${icon('check')}${msg('Accept all', { id: 'offers.accept-all' })}${keys ? html` <kbd>${keys}</kbd>` : nothing}
              </button>
            </div>`
          : nothing}
        <ul class="list" @keydown=${this.#onKeydown} @focusin=${this.#onFocusin} @focusout=${this.#onFocusout}>
          ${repeat(
            offers,
            (t) => t.id,
            (t) => this.#card(view, t, now, t.id === tabStop, online),
          )}
        </ul>
      </section>`;
  }

  #card(view: OffersView, task: Task, now: number, tabStop: boolean, online: boolean) {
    const { config } = view;
    const media = config.media.find((m) => m.id === task.media)!;
    const label = mediaLabel(config, task.media);
    const customer = isolated(customerDisplayName(config, task));
    const left = secondsLeft(task, now);
    const urgent = left <= URGENT_SECONDS;
    const busy = view.accepting[task.id] === true;
    const total = Math.max(1, task.expiresAt - task.offeredAt);
    const fraction = Math.min(1, Math.max(0, (task.expiresAt - now) / total));
    const name = msg(str`${label} offer from ${customer}`, { id: 'offers.offer-name' });
    const action = busy ? msg('Accepting…', { id: 'offers.accepting' }) : msg('Accept', { id: 'offers.accept' });
    const fields = media.offerFields
      .map((field) => ({ field, value: taskFieldValue(task, field) }))
      .filter((f) => f.value !== '');
    return html`<li
      part="offer"
      class=${classMap({ offer: true, urgent, busy })}
      data-task=${task.id}
      data-media=${task.media}
      aria-label=${name}
      aria-busy=${busy ? 'true' : 'false'}
    >
      <div class="head">
        ${icon(MEDIA_ICONS[media.kind])}
        <span class="media">${label}</span>
        <span part="countdown" class="countdown" role="timer" data-seconds=${left}>
          ${icon('timer')}<span class="time" aria-hidden="true">${formatDuration(left * 1000)}</span
          ><span class="visually-hidden">${msg(str`${left} s left to accept`, { id: 'offers.seconds-left' })}</span>
        </span>
      </div>
      ${fields.length
        ? html`<dl class="fields">
            ${fields.map(
              (f) => html`<div part="field" class="field" data-field=${f.field}>
                <dt>${fieldLabel(config, f.field)}</dt>
                <dd title=${ifDefined(f.field === 'question' ? shownText(f.value) : undefined)}><bdi>${shownText(f.value)}</bdi></dd>
              </div>`,
            )}
          </dl>`
        : nothing}
      <div class="actions">
        <button
          part="accept"
          class=${classMap({ accept: true, busy })}
          data-task=${task.id}
          tabindex=${tabStop ? '0' : '-1'}
          aria-disabled=${online && !busy ? 'false' : 'true'}
          aria-label=${msg(str`${action}: ${name}`, { id: 'offers.accept-name' })}
          title=${ifDefined(online ? undefined : msg('Unavailable until the connection is restored', { id: 'offers.unavailable' }))}
          @click=${() => this.#accept(task.id)}
        >
          ${icon(busy ? 'loader-circle' : 'check')}${action}
        </button>
      </div>
      <div class="bar" part="countdown-bar" aria-hidden="true">
        <span class="bar-fill" ${cssProperty('--_dc-offer-left', String(fraction))}></span>
      </div>
    </li>`;
  }

  #accept(taskId: string): void {
    const view = this.#view.value;
    const store = this.activeStore;
    const task = view?.tasks[taskId];
    if (!view || !store || !task || view.connection !== 'online' || view.accepting[taskId]) return;
    this.intend(new DcBeforeAcceptEvent({ taskId, media: task.media }), (d) => store.accept(d.taskId));
  }

  /** OFFER-6: every offer on show, each asked for on its own (`dc-before-accept` per offer). */
  #acceptAll = () => {
    const store = this.activeStore;
    if (!store || this.#view.value?.connection !== 'online') return;
    for (const offer of presentedOffers(store.config, store.state.media, Object.values(store.state.tasks), store.now())) {
      if (store.state.accepting[offer.id]) continue;
      this.intend(new DcBeforeAcceptEvent({ taskId: offer.id, media: offer.media }), (d) => store.accept(d.taskId));
    }
  };

  #acceptButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="accept"]')];
  }

  #buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')];
  }

  #onKeydown = (event: KeyboardEvent) => {
    const buttons = this.#acceptButtons();
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const next = rovingIndex(event.key, index, buttons.length, false);
    if (next === undefined) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  #onFocusin = (event: FocusEvent) => {
    const id = (event.target as HTMLElement).dataset['task'];
    if (id && (event.target as HTMLElement).matches('[part~="accept"]')) this.rovingId = id;
  };

  #onFocusout = (event: FocusEvent) => {
    // A focused card taken out by a render blurs; updated() puts focus back in the stack.
    if (this.#updating) return;
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.rovingId = undefined;
  };

  /** Store changes and ticks render once per frame, however many arrive (see frame-updates.ts). */
  override requestUpdate(...request: Parameters<LitElement['requestUpdate']>): void {
    noteRequest(this, request[0]);
    super.requestUpdate(...request);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return inFrame(this, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#updating = true;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    this.#focusIndex = active ? this.#buttons().indexOf(active as HTMLButtonElement) : -1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#updating = false;
    // The focused card left (accepted, missed, withdrawn): focus stays in the stack, on the card that
    // took its place, rather than falling back to the page.
    const index = this.#focusIndex;
    this.#focusIndex = -1;
    if (index >= 0 && !(this.renderRoot as ShadowRoot).activeElement) {
      const buttons = this.#buttons();
      queueMicrotask(() => buttons[Math.min(index, buttons.length - 1)]?.focus());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-offers': DcOffers;
  }
}
