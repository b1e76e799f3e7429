import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, queryAll, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ShortcutController } from '../../context/shortcuts.js';
import { TickerController } from '../../context/ticker.js';
import {
  lookLabel,
  mediaLabel,
  mediaStateLabel,
  notReadyLabel,
  readyLabel,
  scopeLabel,
} from '../../i18n/labels.js';
import type { MediaState, StateTarget } from '../../model/agent-state.js';
import type { DcConfig } from '../../model/config.js';
import type { GroupId } from '../../model/media.js';
import {
  activeGroups,
  aggregateLook,
  aggregateSummary,
  groupLook,
  groupReason,
  mediaOfGroup,
  mediaToSignIn,
  menuSections,
  needsSignIn,
  type AggregateLook,
  type GroupLook,
  type MenuEntry,
} from '../../model/state-rules.js';
import { formatDuration } from '../../model/time.js';
import type { KitConnection } from '../../store/state.js';
import { icon, MEDIA_ICONS, type IconName } from '../../ui/icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { DcBeforeSignInEvent, DcBeforeStateChangeEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import { TopLayer, topLayerStyles } from '../internal/top-layer.js';
import { styles } from './state-picker.styles.js';

interface PickerView {
  config: DcConfig;
  media: Readonly<Record<string, MediaState>>;
  connection: KitConnection;
}

const LOOK_GLYPH: Record<AggregateLook | GroupLook, IconName> = {
  empty: 'circle-minus',
  'signed-out': 'log-in',
  'signing-in': 'loader-circle',
  'sign-in-failed': 'x',
  'not-ready': 'circle-minus',
  'not-ready-reason': 'circle-minus',
  'non-routable': 'ban',
  ready: 'check',
  partial: 'triangle-alert',
};

const LOOKS: readonly AggregateLook[] = ['empty', 'signed-out', 'signing-in', 'sign-in-failed', 'not-ready', 'ready', 'partial'];

const GROUP_ICON: Record<GroupId, IconName> = {
  'chat-social': 'messages-square',
  email: 'mail',
};

/**
 * The agent's digital-channel state: the Sign In dialog until the agent signs in (SIGN-1..5), then an
 * aggregate icon, one icon per channel group and a menu of Ready and Not Ready choices (STATE-1..8).
 *
 * @summary Sign-in and Ready / Not Ready for chat, SMS, social and email.
 *
 * @csspart trigger - The button that opens the state menu.
 * @csspart aggregate - The aggregate state icon (STATE-4).
 * @csspart group-icon - Each channel group's icon with its state badge.
 * @csspart label - The state in words, with its timer.
 * @csspart menu - The state menu.
 * @csspart menu-item - Each Ready / Not Ready choice.
 * @csspart sign-in-dialog - The Sign In dialog.
 * @csspart sign-in-button - The Sign In button.
 * @csspart empty - The message shown when no digital channel is assigned (SIGN-5).
 *
 * @cssstate empty - No media configured.
 * @cssstate signed-out - Not signed in.
 * @cssstate signing-in - Sign-in under way.
 * @cssstate sign-in-failed - No media could sign in.
 * @cssstate not-ready - Every media Not Ready.
 * @cssstate ready - Every media Ready.
 * @cssstate partial - Some media Ready or signed in, others not.
 * @cssstate disabled - Controls unavailable until the state is re-read after a reconnection (FAIL-2).
 *
 * @cssprop --dc-color-ready - Ready badges.
 * @cssprop --dc-color-not-ready - Not Ready badges.
 * @cssprop --dc-color-partial - Partial badges.
 */
@customElement('dc-state-picker')
export class DcStatePicker extends DcElement {
  static override styles = [...DcElement.styles, topLayerStyles, styles];

  @state() private menuOpen = false;
  @state() private signInOpen = true;

  @query('[part~="trigger"]') private trigger?: HTMLButtonElement;
  @query('[part~="sign-in-button"]') private signInButton?: HTMLButtonElement;
  @queryAll('[role="menuitem"]') private items!: NodeListOf<HTMLButtonElement>;

  #ticker = new TickerController(this);
  #view = this.select<PickerView | undefined>((s, store) => ({
    config: store.config,
    media: s.media,
    connection: s.connection,
  }));
  #focusOnOpen: 'first' | 'none' = 'none';
  #outside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.#closeMenu(false);
  };

  constructor() {
    super();
    new ShortcutController(this, 'state.open-menu', () => this.openMenu());
    // The menu and the Sign In dialog open in the top layer, under the trigger (HOSTILE-23).
    for (const part of ['menu', 'sign-in-dialog']) {
      new TopLayer(this, { popover: () => this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`), anchor: () => this.trigger });
    }
  }

  /** Opens the state menu and focuses its first choice (Ctrl+Shift+L), or the Sign In dialog. */
  openMenu(): void {
    const view = this.#view.value;
    if (!view || view.config.media.length === 0) return;
    if (needsSignIn(view.config, view.media)) {
      this.signInOpen = true;
      void this.updateComplete.then(() => this.signInButton?.focus());
      return;
    }
    if (view.connection !== 'online') {
      this.trigger?.focus();
      return;
    }
    this.#focusOnOpen = 'first';
    this.menuOpen = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#outside, true);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('menuOpen' as keyof DcStatePicker)) {
      if (this.menuOpen) document.addEventListener('pointerdown', this.#outside, true);
      else document.removeEventListener('pointerdown', this.#outside, true);
    }
    if (this.menuOpen && this.#focusOnOpen === 'first') {
      this.#focusOnOpen = 'none';
      this.items[0]?.focus();
    }
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) {
      this.#setLook(undefined, false);
      return html`<span class="unavailable">${msg('Digital channels unavailable', { id: 'picker.unavailable' })}</span>`;
    }
    const { config, media, connection } = view;
    const look = aggregateLook(config, media);
    const enabled = connection === 'online';
    this.#setLook(look, !enabled);
    if (look === 'empty') {
      this.#ticker.active = false;
      return html`<div class="empty" part="empty" role="status">
        ${icon('circle-minus')}
        <span>
          <strong>${lookLabel('empty', config)}</strong><br />
          ${msg('Ask your administrator to assign chat, SMS, social or email channels to you.', {
            id: 'picker.empty-help',
          })}
        </span>
      </div>`;
    }
    const signIn = needsSignIn(config, media);
    if (!signIn && this.signInOpen) this.signInOpen = false;
    const label = this.#label(config, media);
    this.#ticker.active = label.since !== undefined;
    const timer = label.since !== undefined ? formatDuration(this.activeStore!.now() - label.since) : '';
    const groups = activeGroups(config);
    const details = [
      ...groups.map((g) => {
        const group = scopeLabel(g);
        const look = lookLabel(groupLook(config, media, g), config, groupReason(config, media, g));
        return msg(str`${group}: ${look}`, { id: 'picker.group-look' });
      }),
      enabled ? '' : msg('Unavailable until the state is restored', { id: 'picker.disabled' }),
    ]
      .filter(Boolean)
      .join('. ');

    return html`
      <button
        part="trigger"
        class=${classMap({ trigger: true, disabled: !enabled })}
        aria-haspopup=${signIn ? 'dialog' : 'menu'}
        aria-expanded=${(signIn ? this.signInOpen : this.menuOpen) ? 'true' : 'false'}
        aria-disabled=${enabled ? 'false' : 'true'}
        title=${details}
        @click=${this.#onTriggerClick}
        @keydown=${this.#onTriggerKeydown}
      >
        <span class="visually-hidden">${msg(str`Digital channels: ${label.text}. ${details}`, { id: 'picker.name-details' })}</span>
        <span class="aggregate look-${look}" part="aggregate">${icon('headset')}${this.#badge(look)}</span>
        ${groups.map((g) => this.#groupIcon(config, media, g))}
        <span class="label" part="label" aria-hidden="true"
          >${label.text}${timer ? html` <span class="timer">${timer}</span>` : nothing}</span
        >
        ${icon('chevron-down', 'chevron')}
      </button>
      ${signIn && this.signInOpen ? this.#renderSignIn(config, media, enabled) : nothing}
      ${!signIn && this.menuOpen ? this.#renderMenu(config, media) : nothing}
    `;
  }

  #setLook(look: AggregateLook | undefined, disabled: boolean): void {
    this.setStates([...LOOKS, 'disabled'], [look, disabled ? 'disabled' : undefined]);
  }

  /** The trigger's words (the model's summary, STATE-4): a uniform state names its reason; mixed says Partial. */
  #label(config: DcConfig, media: Readonly<Record<string, MediaState>>) {
    const summary = aggregateSummary(config, media);
    const text =
      summary.look === 'ready'
        ? readyLabel()
        : summary.look === 'not-ready'
          ? summary.nonRoutable
            ? lookLabel('non-routable', config)
            : notReadyLabel(config, summary.reasonId)
          : lookLabel(summary.look, config);
    return { text, since: summary.since };
  }

  #badge(look: AggregateLook | GroupLook): TemplateResult {
    return html`<span class="badge badge-${look}">${icon(LOOK_GLYPH[look], 'badge')}</span>`;
  }

  #groupIcon(config: DcConfig, media: Readonly<Record<string, MediaState>>, group: GroupId) {
    const look = groupLook(config, media, group);
    return html`<span class="group look-${look}" part="group-icon" data-group=${group} data-look=${look}
      >${icon(GROUP_ICON[group])}${this.#badge(look)}</span
    >`;
  }

  #renderSignIn(config: DcConfig, media: Readonly<Record<string, MediaState>>, enabled: boolean) {
    const busy = config.media.some((m) => media[m.id]?.signIn === 'signing-in');
    return html`<div
      class="popover sign-in"
      part="sign-in-dialog"
      popover="manual"
      role="dialog"
      aria-labelledby="sign-in-title"
      aria-describedby="sign-in-help"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          this.signInOpen = false;
          this.trigger?.focus();
        }
      }}
    >
      <h2 id="sign-in-title">${msg('Manage Digital Channels Sign In', { id: 'sign-in.title' })}</h2>
      <p id="sign-in-help">
        ${msg('Sign In signs you in to every digital channel assigned to you. You start in Not Ready.', {
          id: 'sign-in.help',
        })}
      </p>
      <ul class="media-list">
        ${config.media.map((m) => {
          const s = media[m.id];
          const status = s?.signIn ?? 'signed-out';
          return html`<li class="media-row status-${status}" data-media=${m.id}>
            ${icon(MEDIA_ICONS[m.kind])}
            <span class="media-name">${mediaLabel(config, m.id)}</span>
            <span class="media-status">${s ? mediaStateLabel(config, s) : ''}</span>
            ${status === 'failed' && s?.signInError ? html`<span class="reason">${s.signInError}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <div class="actions">
        <button
          part="sign-in-button"
          class="primary"
          ?disabled=${busy || !enabled}
          @click=${this.#signIn}
        >
          ${busy ? msg('Signing in…', { id: 'look.signing-in' }) : msg('Sign In', { id: 'sign-in.button' })}
        </button>
      </div>
      ${enabled
        ? nothing
        : html`<p class="note">${msg('Waiting for the connection to the server…', { id: 'sign-in.waiting' })}</p>`}
    </div>`;
  }

  #renderMenu(config: DcConfig, media: Readonly<Record<string, MediaState>>) {
    const sections = menuSections(config, media);
    return html`<div
      class="popover menu"
      part="menu"
      popover="manual"
      role="menu"
      aria-label=${msg('Digital channel state', { id: 'picker.menu' })}
      @keydown=${this.#onMenuKeydown}
      @focusout=${(e: FocusEvent) => {
        const next = e.relatedTarget as Node | null;
        if (next && !this.renderRoot.contains(next)) this.#closeMenu(false);
      }}
    >
      ${sections.map((section) => {
        const headingId = `heading-${section.scope}`;
        const look = section.scope === 'all' ? undefined : groupLook(config, media, section.scope);
        const details =
          section.scope === 'all' || look !== 'partial'
            ? []
            : mediaOfGroup(config, section.scope).map(
                (m) => `${mediaLabel(config, m.id)}: ${media[m.id] ? mediaStateLabel(config, media[m.id]!) : ''}`,
              );
        return html`<div role="group" aria-labelledby=${headingId} class="section" data-scope=${section.scope}>
          <div class="heading" id=${headingId} role="none">
            <span class="heading-name">${scopeLabel(section.scope)}</span>
            ${look
              ? html`<span class="heading-state look-${look}"
                  >${lookLabel(look, config, groupReason(config, media, section.scope as GroupId))}</span
                >`
              : nothing}
            ${details.length ? html`<span class="heading-details">${details.join(' · ')}</span>` : nothing}
          </div>
          ${section.entries.map((entry) => this.#menuItem(config, entry))}
        </div>`;
      })}
    </div>`;
  }

  #menuItem(config: DcConfig, entry: MenuEntry) {
    const list = entry.kind === 'sign-in' ? entry.media.map((m) => mediaLabel(config, m)).join(', ') : '';
    const text =
      entry.kind === 'ready'
        ? readyLabel()
        : entry.kind === 'not-ready'
          ? notReadyLabel(config, entry.reasonId)
          : msg(str`Sign in to ${list}`, { id: 'picker.sign-in-again' });
    const glyph: IconName = entry.kind === 'ready' ? 'check' : entry.kind === 'not-ready' ? 'circle-minus' : 'log-in';
    return html`<button
      role="menuitem"
      part="menu-item"
      tabindex="-1"
      class="item item-${entry.kind}"
      data-scope=${entry.scope}
      data-kind=${entry.kind}
      data-reason=${entry.kind === 'not-ready' && entry.reasonId ? entry.reasonId : ''}
      @click=${() => this.#pick(entry)}
    >
      ${icon(glyph)}<span>${text}</span>
    </button>`;
  }

  /** SIGN-2: asks the host (`dc-before-sign-in`), then signs every media not signed in yet. */
  #signIn = () => {
    const store = this.activeStore;
    if (!store) return;
    this.intend(new DcBeforeSignInEvent({ media: mediaToSignIn(store.config, store.state.media) }), () => store.signIn());
  };

  #pick(entry: MenuEntry): void {
    const store = this.activeStore;
    if (!store) return;
    if (entry.kind === 'sign-in') this.#signIn();
    else {
      const target: StateTarget =
        entry.kind === 'ready'
          ? { availability: 'ready' }
          : { availability: 'not-ready', ...(entry.reasonId ? { reasonId: entry.reasonId } : {}) };
      this.intend(new DcBeforeStateChangeEvent({ scope: entry.scope, target }), (d) => store.setState(entry.scope, d.target));
    }
    this.#closeMenu(true);
  }

  #closeMenu(focusTrigger: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    if (focusTrigger) this.trigger?.focus();
  }

  #onTriggerClick = () => {
    const view = this.#view.value;
    if (!view) return;
    if (needsSignIn(view.config, view.media)) {
      this.signInOpen = !this.signInOpen;
      if (this.signInOpen) void this.updateComplete.then(() => this.signInButton?.focus());
      return;
    }
    if (view.connection !== 'online') return;
    if (this.menuOpen) this.#closeMenu(true);
    else {
      this.#focusOnOpen = 'first';
      this.menuOpen = true;
    }
  };

  #onTriggerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.openMenu();
    }
  };

  #onMenuKeydown = (event: KeyboardEvent) => {
    const items = [...this.items];
    const index = items.indexOf(this.renderRoot.querySelector(':focus') as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#closeMenu(true);
      return;
    }
    if (event.key === 'Tab') {
      // Tab goes on from the trigger, as from a menu button; the menu closes (its items are not in the Tab order).
      this.trigger?.focus();
      this.#closeMenu(false);
      return;
    }
    const next = rovingIndex(event.key, index, items.length, true);
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-state-picker': DcStatePicker;
  }
}
