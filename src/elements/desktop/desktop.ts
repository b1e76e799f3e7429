import { msg, str, getLocale } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ShortcutController } from '../../context/shortcuts.js';
import { TickerController } from '../../context/ticker.js';
import { lookLabel, mediaLabel, fieldLabel, keyNames } from '../../i18n/labels.js';
import { isReadyForOffers, isSignedIn } from '../../model/agent-state.js';
import type { DcConfig } from '../../model/config.js';
import { visibleCustomerFields } from '../../model/customer.js';
import { formatKeyCombo } from '../../model/shortcuts.js';
import {
  customerDisplayName,
  isHeld,
  mediaPausedByVoice,
  taskDuration,
  type Task,
  type TaskPause,
} from '../../model/tasks.js';
import { isolated, shownText } from '../../model/text.js';
import { formatDuration } from '../../model/time.js';
import type { DcState } from '../../store/state.js';
import { icon } from '../../ui/icons.js';
import type { DcStoreApi } from '../../store/api.js';
import { DcBeforeEndEvent, type DcEmailMaximiseEvent } from '../../events/events.js';
import { DcElement } from '../internal/dc-element.js';
import '../offers/offers.js';
import { LazyParts, whenIdle, type LazyPart } from '../internal/lazy-modules.js';
import '../connection-banner/connection-banner.js';
import '../state-picker/state-picker.js';
import '../task-list/task-list.js';
import type { DcTaskList } from '../task-list/task-list.js';
import { containerStyles, styles } from './desktop.styles.js';
import { NarrowLayout } from './narrow.js';
import { UnreadTally } from './unread-tally.js';

/**
 * What the desktop selects: counts and the task on show, not whole maps, so that a message for a task in
 * the background re-renders it only when the unread total in its header changes.
 */
interface DesktopView {
  readonly config: DcConfig;
  readonly media: DcState['media'];
  /** How many tasks the agent holds, and their unread customer messages (TASK-5). */
  readonly held: number;
  readonly unread: number;
  /** The task on show when it is held, and its voice-call pause. */
  readonly selected: Task | undefined;
  readonly pause: TaskPause | undefined;
  readonly selectedTaskId: string | undefined;
  readonly voice: boolean;
  /** STATE-8: a sign-out waits for the agent's confirmation. */
  readonly signingOut: boolean;
  /** Whether the agent is signed in on some media (offers may come), and whether a notification is up. */
  readonly signedIn: boolean;
  readonly notifying: boolean;
}

const STATES = ['collapsed', 'voice', 'empty', 'narrow', 'list-view', 'compose-maximised'] as const;

function tasksText(count: number): string {
  if (count === 0) return msg('No tasks', { id: 'desktop.tasks-none' });
  if (count === 1) return msg('1 task', { id: 'desktop.tasks-one' });
  return msg(str`${count} tasks`, { id: 'desktop.tasks-many' });
}

function unreadText(count: number): string {
  if (count === 1) return msg('1 unread', { id: 'desktop.unread-one' });
  return msg(str`${count} unread`, { id: 'desktop.unread-many' });
}

/**
 * The whole digital-channels gadget, composed from the kit's elements: the state control, the
 * connection banner, notifications (top right), offers (bottom right) and the tasks window (TASK-1)
 * with its four regions — task list, customer details, interaction pane and compose area. It opens
 * maximised; the toggle or Ctrl+Alt+T collapses it to its header, which still counts tasks and unread
 * messages; opening a task (Accept, Ctrl+Shift+8 / 9, a notification's Open) expands it again.
 * It lays itself out from its own width: side by side in a wide CRM pane; stacked in a gadget column
 * (the task list is a strip above the selected task, collapsing to its header); and below 30rem (a
 * CRM side panel) a list and a conversation, as mobile inboxes are: the task list fills the window,
 * opening a task shows its details, thread and composer, and Back (Escape in the conversation, or
 * Ctrl+Alt+B) returns to the list. There the offers stack compactly in the window, above the compose
 * area, and the notifications open under the header, never over the state control. A voice call
 * reported by the host shows in the header with the channels whose timers it pauses (TASK-6).
 *
 * It fills the height its host gives it (the interaction pane takes what is left and scrolls), and is
 * never shorter than `--dc-desktop-min-height` while open; a host that sets a height lets it shrink
 * when collapsed: `dc-desktop[collapsed] { height: auto }`. Its menus, dialogs and pop-ups are drawn in
 * the top layer: a host container that clips or transforms it cannot cut them off.
 *
 * Works inside a `<dc-provider>` or with a store passed as its `store` property (EMBED-1); the
 * elements it is made of use the same store.
 *
 * The interaction pane is `<dc-chat-thread>` (PANE-*), and the compose area `<dc-composer>` (COMP-*)
 * for a chat, SMS or social task; an email task shows its conversation read-only in the same thread
 * and a note in the compose area, until the email elements come. The customer details region is
 * `<dc-customer-details>` (CUST-*: name, timer, Transfer and End, editable fields, the wrap-up), loaded
 * with the conversation; until it is there, a summary of the task with End of its own. A sign-out with
 * held tasks shows `<dc-sign-out-confirm>` (STATE-8). Put an element in a slot to replace what the
 * desktop shows there.
 *
 * @summary The whole gadget: state, offers, notifications and the tasks window.
 *
 * @slot customer-details - Replaces the customer details summary of the selected task.
 * @slot interaction - Replaces the conversation of the selected task (`<dc-chat-thread>`).
 * @slot composer - Replaces the compose area (`<dc-composer>`).
 *
 * @csspart header - The bar with the state control, counts, voice indication and toggle.
 * @csspart toggle - The button that collapses and expands the tasks window.
 * @csspart back - Back from a conversation to the task list (below 30rem).
 * @csspart counts - The number of tasks and unread messages in the header.
 * @csspart voice - The "On a voice call" indication (TASK-6).
 * @csspart tasks-window - The tasks window.
 * @csspart task-list-region - The region holding the task list.
 * @csspart details - The customer details region.
 * @csspart interaction - The interaction pane.
 * @csspart composer - The compose area.
 * @csspart empty - What the tasks window shows when no task is selected.
 * @csspart end - The End button of the task's summary, while the customer details load.
 *
 * @cssstate collapsed - The tasks window is collapsed.
 * @cssstate voice - The host reports a voice call.
 * @cssstate empty - No task is selected.
 * @cssstate narrow - Below 30rem of its own width: a list and a conversation, one at a time.
 * @cssstate list-view - Narrow, showing the task list (the conversation is behind it).
 * @cssstate compose-maximised - The email reply is maximised (MAIL-10): it takes the interaction pane's height.
 *
 * @cssprop --dc-desktop-min-height - The least height it takes, on a page that gives it none or too little (default 32rem).
 * @cssprop --dc-desktop-list-width - The task list's column in a wide layout (default clamp(16rem, 28%, 20rem)).
 * @cssprop --dc-desktop-interaction-min-height - The interaction pane's least height (default 14rem).
 * @cssprop --dc-desktop-details-max-height - Customer details scroll beyond this height (default 18rem).
 * @cssprop --dc-desktop-strip-max-height - In a narrow layout, the task list scrolls beyond this height (default 15rem).
 */
/**
 * The conversation of a task, `<dc-chat-thread>` and `<dc-composer>` with the model code only they use:
 * loaded on first use (about a third of the desktop's bytes), while the browser is idle once the agent
 * has signed in, or at once when a task is on show. A host that imports them itself has them at once.
 */
const CONVERSATION: LazyPart = {
  tags: ['dc-chat-thread', 'dc-composer', 'dc-customer-details'],
  load: () =>
    Promise.all([
      import('../chat-thread/chat-thread.js'),
      import('../composer/composer.js'),
      // With its Transfer menu and wrap-up (CUST-1, XFER-1, END-2). Until it is here, the desktop shows
      // the task's summary with End of its own.
      import('../customer-details/customer-details.js'),
    ]),
};

/**
 * MAIL-*: the email thread and the email reply, loaded when an email task is on show: a desktop that
 * never shows an email task never fetches them, nor DOMPurify and Quill, which they load in turn.
 */
const EMAIL: LazyPart = {
  tags: ['dc-email-thread', 'dc-email-composer'],
  load: () => Promise.all([import('../email-thread/email-thread.js'), import('../email-composer/email-composer.js')]),
};

/** STATE-8: the sign-out confirmation, loaded when a sign-out with held tasks asks for it. */
const SIGN_OUT: LazyPart = { tags: ['dc-sign-out-confirm'], load: () => import('../sign-out-confirm/sign-out-confirm.js') };

/**
 * Notifications: nothing to show before the kit has something to say, so they load at once when one is
 * up, else while the browser is idle after the desktop's first render; a failed load is tried again
 * while one waits to be shown. (Offers load up front: an offer has a countdown, and nothing may stand
 * between it and the agent.)
 */
const NOTIFICATIONS_RETRY_MS = 10_000;
const NOTIFICATIONS: LazyPart = { tags: ['dc-notifications'], load: () => import('../notifications/notifications.js') };

@customElement('dc-desktop')
export class DcDesktop extends DcElement {
  static override styles = [...DcElement.styles, styles, containerStyles];

  /** Whether the tasks window is collapsed to the header. It opens maximised (TASK-1). */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  @query('[part~="toggle"]') private toggleButton?: HTMLButtonElement;
  @query('.window') private windowElement?: HTMLElement;
  @query('[part~="header"]') private headerElement?: HTMLElement;
  @query('dc-task-list') private taskList?: DcTaskList;

  #ticker = new TickerController(this);
  #tally = new UnreadTally();
  #view = this.select<DesktopView | undefined>((s, store) => {
    const candidate = s.selectedTaskId === undefined ? undefined : s.tasks[s.selectedTaskId];
    const selected = candidate && isHeld(candidate) ? candidate : undefined;
    return {
      config: store.config,
      media: s.media,
      held: this.#tally.held(s.tasks).length,
      unread: this.#tally.total(s),
      selected,
      pause: selected ? s.pauses[selected.id] : undefined,
      selectedTaskId: s.selectedTaskId,
      voice: s.voice,
      signedIn: store.config.media.some((m) => isSignedIn(s.media[m.id])),
      notifying: s.notifications.length > 0,
      signingOut: s.signOutRequest !== undefined,
    };
  });
  #refocusToggle = false;
  /** MAIL-10: the email reply asked for the interaction pane's height. */
  #composeMaximised = false;
  #onMaximise = (event: DcEmailMaximiseEvent) => {
    this.#composeMaximised = event.detail.maximised;
    this.requestUpdate();
  };
  /** Below 30rem: the list and the conversation, one at a time. */
  #narrow = new NarrowLayout(this);
  #hiddenByList = false;
  #lastSelected: string | undefined;
  #seen = false;
  #reportedTo: DcStoreApi | undefined;
  /**
   * The parts loaded on first use. Stories replace them in a subclass (a load that never ends, or that
   * fails) to show the interaction pane's loading and failed states.
   * @internal
   */
  static parts: Readonly<Record<'conversation' | 'email' | 'notifications' | 'signOut', LazyPart>> = {
    conversation: CONVERSATION,
    email: EMAIL,
    notifications: NOTIFICATIONS,
    signOut: SIGN_OUT,
  };

  #parts = new LazyParts(this, (this.constructor as typeof DcDesktop).parts);
  #cancelPreload?: () => void;
  #cancelIdleNotifications?: () => void;
  #retryNotifications?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#reportedTo?.setHidden('collapsed', false);
    this.#reportedTo?.setHidden('list-view', false);
    this.#reportedTo = undefined;
    this.#cancelPreload?.();
    this.#cancelPreload = undefined;
    this.#cancelIdleNotifications?.();
    this.#cancelIdleNotifications = undefined;
    clearTimeout(this.#retryNotifications);
    this.#retryNotifications = undefined;
  }

  /**
   * The loads `updateComplete` waits for: those on their way. (A story whose load never ends waits for none.)
   * @internal
   */
  protected get pendingParts(): Promise<void> | undefined {
    return this.#parts.settled;
  }

  /** Waits for the conversation's modules on their way, and the render that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let settled = this.pendingParts; settled; settled = this.pendingParts) {
      await settled;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  constructor() {
    super();
    new ShortcutController(this, 'tasks.toggle-panel', () => this.toggle());
    new ShortcutController(this, 'tasks.back', () => this.back());
  }

  /** Collapses the tasks window, or expands it (the toggle and Ctrl+Alt+T). */
  toggle(): void {
    this.collapsed = !this.collapsed;
  }

  /**
   * Back to the task list (Back, Escape in the conversation, Ctrl+Alt+B): below 30rem the list takes
   * the conversation's place; wider it is already on show. The selected task's row takes the focus.
   */
  back(): void {
    this.collapsed = false;
    this.#narrow.back();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The agent opened a task (Accept, the task list's keys, a notification's Open) while the window
    // was collapsed: it opens. A selection that moves on because its task ended does not open it.
    const view = this.#view.value;
    if (view) {
      const selected = view.selectedTaskId;
      if (this.#seen && selected !== this.#lastSelected) {
        const previous = this.#lastSelected ? this.activeStore?.state.tasks[this.#lastSelected] : undefined;
        const opened = !!selected && (!this.#lastSelected || (!!previous && isHeld(previous)));
        if (opened && this.collapsed) this.collapsed = false;
        // Narrow: a task the agent opens shows its conversation; when the one on show ends, the list comes back.
        if (opened) this.#narrow.opened();
        else this.#narrow.wentAway(!!this.windowElement?.matches(':focus-within'));
      }
      this.#seen = true;
      this.#lastSelected = selected;
    }
    // What is needed now loads now (after a failed load, at the agent's Retry or the next need).
    if (view?.selected && this.#parts.status('conversation') === undefined) this.#parts.ensure('conversation');
    const email = view?.selected && view.config.media.find((m) => m.id === view.selected!.media)?.kind === 'email';
    if (email && this.#parts.status('email') === undefined) this.#parts.ensure('email');
    if (view?.signingOut && this.#parts.status('signOut') === undefined) this.#parts.ensure('signOut');
    const notifications = this.#parts.status('notifications');
    if (view?.notifying && notifications === undefined) this.#parts.ensure('notifications');
    else if (view?.notifying && notifications === 'failed' && this.#retryNotifications === undefined) {
      this.#retryNotifications = setTimeout(() => {
        this.#retryNotifications = undefined;
        this.#parts.ensure('notifications');
      }, NOTIFICATIONS_RETRY_MS);
    }
    // Focus inside the window would be lost when it hides: it goes to the toggle instead.
    if (changed.has('collapsed') && this.collapsed && this.windowElement?.matches(':focus-within')) {
      this.#refocusToggle = true;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // TASK-5: a collapsed window, or the list in front of the conversation, hides the task on show; its
    // new messages count as unread.
    const store = this.activeStore;
    const hiddenByList = this.#narrow.hidesTask(!!this.#view.value?.selected);
    if (store !== this.#reportedTo || changed.has('collapsed') || hiddenByList !== this.#hiddenByList) {
      this.#reportedTo?.setHidden('collapsed', false);
      this.#reportedTo?.setHidden('list-view', false);
      this.#reportedTo = store;
      this.#hiddenByList = hiddenByList;
      store?.setHidden('collapsed', this.collapsed);
      store?.setHidden('list-view', hiddenByList);
    }
    if (this.#refocusToggle) {
      this.#refocusToggle = false;
      this.toggleButton?.focus();
    }
    if (this.#narrow.takeFocus()) void this.taskList?.focusTask();
    // Signed in, a task is on its way: the conversation's modules load while the browser is idle.
    const view = this.#view.value;
    if (!this.#cancelPreload && view && this.#parts.status('conversation') === undefined && view.signedIn) {
      this.#cancelPreload = whenIdle(() => void this.#parts.ensure('conversation'));
    }
    if (!this.#cancelIdleNotifications && view) {
      this.#cancelIdleNotifications = whenIdle(() => {
        if (this.#parts.status('notifications') === undefined) this.#parts.ensure('notifications');
      });
    }
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) {
      this.setStates(STATES, [this.collapsed ? 'collapsed' : undefined]);
      this.#ticker.active = false;
      return html`<p class="empty-state">${msg('Digital channels unavailable', { id: 'picker.unavailable' })}</p>`;
    }
    const { selected, unread } = view;
    const narrow = this.#narrow.narrow;
    const listView = this.#narrow.listView(!!selected);
    this.#ticker.active = !!selected && !this.collapsed && !listView;
    this.setStates(STATES, [
      this.collapsed ? 'collapsed' : undefined,
      view.voice ? 'voice' : undefined,
      selected ? undefined : 'empty',
      narrow ? 'narrow' : undefined,
      listView ? 'list-view' : undefined,
      this.#composeMaximised && selected ? 'compose-maximised' : undefined,
    ]);
    // Narrow and open, the offers stack in the window above the compose area, where they cover nothing.
    const inlineOffers = narrow && !this.collapsed;
    const offers = html`<dc-offers
      .store=${this.store}
      placement=${inlineOffers ? 'inline' : 'fixed'}
      ?compact=${inlineOffers}
    ></dc-offers>`;
    const keys = this.shortcuts?.keysFor('tasks.toggle-panel');
    const toggleTitle = this.collapsed
      ? msg('Expand the tasks window', { id: 'desktop.expand' })
      : msg('Collapse the tasks window', { id: 'desktop.collapse' });

    return html`
      <div class="header" part="header">
        ${narrow && selected && !listView && !this.collapsed ? this.#renderBack() : nothing}
        <dc-state-picker .store=${this.store}></dc-state-picker>
        <div class="voice-status" role="status">${view.voice ? this.#renderVoice(view.config) : nothing}</div>
        <div class="header-end">
          <span class="counts" part="counts"
            >${tasksText(view.held)}${unread ? html` <span class="unread">${unreadText(unread)}</span>` : nothing}</span
          >
          <button
            part="toggle"
            class="toggle"
            aria-expanded=${this.collapsed ? 'false' : 'true'}
            aria-controls="tasks-window"
            title=${keys ? `${toggleTitle} (${formatKeyCombo(keys, keyNames(), this.shortcuts?.apple)})` : toggleTitle}
            aria-keyshortcuts=${keys ? keys.replace(/Ctrl/g, 'Control') : nothing}
            @click=${() => this.toggle()}
          >
            ${icon(this.collapsed ? 'chevron-down' : 'chevron-up')}<span>${msg('Tasks', { id: 'desktop.tasks' })}</span>
          </button>
        </div>
      </div>
      <dc-connection-banner .store=${this.store}></dc-connection-banner>
      <section
        id="tasks-window"
        part="tasks-window"
        class=${classMap({ window: true, empty: !selected })}
        aria-label=${msg('Tasks', { id: 'desktop.tasks' })}
        ?hidden=${this.collapsed}
      >
        <div class="list-region" part="task-list-region" role="region" aria-label=${msg('Task list', { id: 'desktop.task-list' })}>
          <dc-task-list .store=${this.store} @dc-task-select=${this.#narrow.opened}></dc-task-list>
        </div>
        ${selected ? this.#renderTask(view, selected) : this.#renderEmpty(view, view.held)}
        ${inlineOffers ? offers : nothing}
      </section>
      ${this.#parts.status('notifications') === 'ready'
        ? html`<dc-notifications
            .store=${this.store}
            .anchor=${this.headerElement}
            @dc-task-select=${this.#narrow.opened}
          ></dc-notifications>`
        : nothing}
      ${this.#parts.status('signOut') === 'ready' ? html`<dc-sign-out-confirm .store=${this.store}></dc-sign-out-confirm>` : nothing}
      ${inlineOffers ? nothing : offers}
    `;
  }

  #renderBack(): TemplateResult {
    const keys = this.shortcuts?.keysFor('tasks.back');
    const title = msg('Back to the task list', { id: 'desktop.back-title' });
    return html`<button
      part="back"
      class="back"
      title=${keys ? `${title} (${formatKeyCombo(keys, keyNames(), this.shortcuts?.apple)})` : title}
      aria-keyshortcuts=${keys ? keys.replace(/Ctrl/g, 'Control') : nothing}
      @click=${() => this.back()}
    >
      ${icon('chevron-left')}<span>${msg('Back', { id: 'desktop.back' })}</span>
    </button>`;
  }

  /** END-1: asks the host (`dc-before-end`), then ends the task. */
  #end(task: Task): void {
    const store = this.activeStore;
    if (store) this.intend(new DcBeforeEndEvent({ taskId: task.id, media: task.media }), (d) => store.end(d.taskId));
  }

  #renderVoice(config: DcConfig): TemplateResult {
    const paused = mediaPausedByVoice(config).map((id) => mediaLabel(config, id));
    const list = new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(paused);
    return html`<div class="voice" part="voice">
      ${icon('phone')}<span
        >${paused.length
          ? msg(str`On a voice call — timers paused for ${list}`, { id: 'desktop.voice-paused' })
          : msg('On a voice call — task timers keep running', { id: 'desktop.voice-running' })}</span
      >
    </div>`;
  }

  #renderEmpty(view: DesktopView, heldCount: number): TemplateResult {
    const { config, media } = view;
    let hint: string;
    if (config.media.length === 0) hint = lookLabel('empty', config);
    else if (heldCount > 0) hint = msg('Pick a task in the task list.', { id: 'desktop.empty-pick' });
    else if (!config.media.some((m) => isSignedIn(media[m.id]))) {
      hint = msg('Sign in to your digital channels to receive offers.', { id: 'desktop.empty-sign-in' });
    } else if (config.media.some((m) => media[m.id] && isReadyForOffers(media[m.id]!))) {
      hint = this.#narrow.narrow
        ? msg('Offers appear under the task list: accept one to start.', { id: 'desktop.empty-waiting-narrow' })
        : msg('Offers appear at the bottom right: accept one to start.', { id: 'desktop.empty-waiting' });
    } else hint = msg('Set Ready to receive offers.', { id: 'desktop.empty-ready' });
    return html`<div class="empty-state" part="empty">
      ${icon('inbox')}
      <strong>${msg('No task selected', { id: 'desktop.empty' })}</strong>
      <p>${hint}</p>
    </div>`;
  }

  /** The conversation's modules on their way (a moment), or failed to load, with Retry. */
  #renderLoading(status: 'loading' | 'failed'): TemplateResult {
    if (status === 'loading') {
      return html`<p class="pane-status" part="pane-status" role="status">
        ${icon('loader-circle')}<span>${msg('Loading conversation…', { id: 'thread.loading' })}</span>
      </p>`;
    }
    return html`<div class="pane-status failed" part="pane-status" role="alert">
      ${icon('circle-alert')}<span>${msg('The conversation could not be loaded.', { id: 'desktop.pane-failed' })}</span>
      <button
        class="retry"
        @click=${() => {
          this.#parts.ensure('conversation');
          if (this.#parts.status('email') === 'failed') this.#parts.ensure('email');
        }}
      >
        ${icon('refresh-cw')}<span>${msg('Retry', { id: 'desktop.retry' })}</span>
      </button>
    </div>`;
  }

  #renderTask(view: DesktopView, task: Task): TemplateResult {
    const { config } = view;
    const media = config.media.find((m) => m.id === task.media);
    // In sentences isolated, on its own without bidi controls (HOSTILE-17).
    const name = isolated(customerDisplayName(config, task));
    const pause = view.pause;
    const now = this.activeStore!.now();
    const duration = formatDuration(taskDuration(task, now, pause));
    const fields = visibleCustomerFields(config, task);
    const conversation = this.#parts.status('conversation') ?? 'loading';
    const isEmail = media?.kind === 'email';
    const emailParts = isEmail ? (this.#parts.status('email') ?? 'loading') : 'ready';
    // The pane shows once both its parts are here; a failure of either says so, with Retry.
    const loaded = conversation === 'failed' || emailParts === 'failed' ? 'failed' : conversation === 'ready' && emailParts === 'ready' ? 'ready' : 'loading';

    return html`
      <section
        class="details"
        part="details"
        aria-label=${msg('Customer details', { id: 'desktop.details' })}
        @keydown=${this.#narrow.onConversationKeydown}
      >
        <slot name="customer-details">
          ${conversation === 'ready'
            ? html`<dc-customer-details .store=${this.store} task-id=${task.id}></dc-customer-details>`
            : this.#renderSummary(view, task, name, duration, fields)}
        </slot>
      </section>
      <section
        class="interaction"
        part="interaction"
        aria-label=${msg('Interaction pane', { id: 'desktop.interaction' })}
        @keydown=${this.#narrow.onConversationKeydown}
      >
        <slot name="interaction">
          ${loaded !== 'ready'
            ? this.#renderLoading(loaded)
            : isEmail
              ? html`<dc-email-thread .store=${this.store} task-id=${task.id}></dc-email-thread>`
              : html`<dc-chat-thread .store=${this.store} task-id=${task.id}></dc-chat-thread>`}
        </slot>
      </section>
      <section class="composer" part="composer" aria-label=${msg('Compose area', { id: 'desktop.composer' })} @keydown=${this.#narrow.onConversationKeydown}>
        <slot name="composer">
          ${loaded !== 'ready'
            ? nothing
            : isEmail
              ? html`<dc-email-composer .store=${this.store} task-id=${task.id} @dc-email-maximise=${this.#onMaximise}></dc-email-composer>`
              : html`<dc-composer .store=${this.store} task-id=${task.id}></dc-composer>`}
        </slot>
      </section>
    `;
  }

  /**
   * The task's summary (name, timer, End, fields) while the customer details load, or when their load
   * failed: End stays within reach.
   */
  #renderSummary(view: DesktopView, task: Task, name: string, duration: string, fields: [string, string][]): TemplateResult {
    const { config } = view;
    const pause = view.pause;
    return html`<div class="summary-head">
            <span class="customer"><bdi>${shownText(name)}</bdi></span>
            <span class="timer"
              >${icon('timer')}<span class="visually-hidden">${msg('Task duration', { id: 'desktop.duration' })}</span
              ><span class="duration">${duration}</span>${pause?.since !== undefined
                ? html`<span class="paused">${msg('(paused)', { id: 'desktop.paused' })}</span>`
                : nothing}</span
            >
            <button class="end" part="end" @click=${() => this.#end(task)}>
              ${icon('circle-stop')}<span>${msg('End', { id: 'desktop.end' })}</span>
            </button>
          </div>
          <dl class="fields">
            <dt>${msg('Channel', { id: 'desktop.channel' })}</dt>
            <dd>${mediaLabel(config, task.media)}</dd>
            <dt>${fieldLabel(config, 'queue')}</dt>
            <dd><bdi>${shownText(task.queue)}</bdi></dd>
            ${fields.map(([n, value]) => html`<dt>${fieldLabel(config, n)}</dt><dd data-field=${n}><bdi>${shownText(value)}</bdi></dd>`)}
          </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-desktop': DcDesktop;
  }
}
