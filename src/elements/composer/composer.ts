import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DcBeforeSendEvent, DcBeforeWorkflowEvent, DcSendEvent } from '../../events/events.js';
import { overLimit, sendBlock } from '../../model/compose.js';
import {
  EMPTY_DRAFT,
  draftSendBlock,
  draftText,
  editDraft,
  insertIntoDraft,
  isBlankDraft,
  isDraftEditAllowed,
  isDraftEditable,
  type Draft,
} from '../../model/draft.js';
import { writeBlock } from '../../model/tasks.js';
import { icon } from '../../ui/conversation-icons.js';
import { buttonStyles } from '../../styles/controls.js';
import { DcElement } from '../internal/dc-element.js';
import { Attachments } from './attachments.js';
import { containerStyles, styles } from './composer.styles.js';
import { TemplateFields } from './fields.js';
import { Formatting } from './formatting.js';
import { ComposerKeys } from './keys.js';
import { mirrorContent } from './mirror.js';
import type { ComposerParts, ComposerView, Target, Writable } from './parts.js';
import { preloadEmojiAfterSignIn } from './lazy.js';
import { Popovers } from './popovers.js';
import { statusLines } from './status.js';
import { blockText, hostTooLongText } from './words.js';

/** A problem the agent just caused and is told about once (an alert), until the next change. */
type Notice = { kind: 'locked' } | { kind: 'host-too-long'; over: number };

const STATES = ['disabled', 'empty', 'over-limit', 'offline', 'locked', 'dragging'] as const;

/**
 * The compose area of a chat, SMS or social task (COMP-1..13): a plain-text box with the media's
 * options around it. What the agent writes is the task's draft in the store (COMP-13): it follows the
 * agent across tasks, a reload and a failover, until it is sent or cleared.
 *
 * - **Send** (COMP-1) with the Send button or the keys: Ctrl+Enter (Cmd+Enter on Apple systems) in every
 *   media, and Enter too in a media whose `sendKey` is `enter`; elsewhere Enter makes a new line, and
 *   Shift+Enter always does. The keys are the shortcut registry's `composer.send` and
 *   `composer.send-enter`, remappable and switchable off like the KEY table's, but they act only while
 *   the focus is in the box. An empty box sends nothing. Before the message enters the outbox the
 *   composer fires `dc-before-send` (cancelable; a host may change `detail.text`), then `dc-send`.
 *   Offline, the message is queued and delivered once when the connection returns (COMP-12).
 * - **Limits** (COMP-3): a counter of what will be sent (in the channel's markup) against the media's
 *   `maxChars`; over it, Send is disabled and a red message says by how much. SMS also shows its
 *   segments and encoding.
 * - **Attachments** (COMP-4, option `attachments`): dropped on the composer or browsed with the paperclip;
 *   checked against the media's limits before upload, each refusal named with its reason.
 * - **Templates** (COMP-5..8, option `templates`): the Templates button, or `/` typed in an empty box
 *   (the rest of the line searches). A template replaces the box's text (the agent confirms when there
 *   is some); system parameters are filled from the task; replaceable fields are highlighted, Tab and
 *   Shift+Tab move between them, and Send waits until they are filled. A locked template cannot be
 *   edited: it is sent as it is, or removed.
 * - **Formatting** (COMP-9, option `formatting`): Bold, Italic, Strikethrough (`composer.bold`,
 *   `.italic`, `.strike`: Ctrl+B, Ctrl+I, Ctrl+Shift+X, Cmd on Apple systems), one style per character,
 *   sent in the media's markup flavour.
 * - **Emoji** (COMP-11, option `emoji`) and **workflows** (COMP-10, option `workflows`).
 *
 * The template list, the emoji panel and the workflow dialog load the first time they open: meanwhile
 * their place says so, and a failed load says why, with Retry. `updateComplete` waits for them.
 *
 * The composer writes in the task named by `task-id`, else the task on show. It is disabled, with the
 * reason in words, while there is no task or the task is not held. An email task gets nothing for now:
 * the email composer is a separate element to come.
 *
 * @summary The compose area: text, send key, limits, attachments, templates, formatting, emoji, workflows.
 *
 * @fires dc-before-send - Cancelable, before a message enters the outbox (`detail.text` may be changed).
 * @fires dc-send - A message entered the outbox (`detail.clientId`).
 * @fires dc-before-workflow - Cancelable, before a workflow runs (`detail.params` may be changed).
 *
 * @csspart composer - The whole compose area (also the drop target for files).
 * @csspart box - The frame around the text box.
 * @csspart textarea - The text box.
 * @csspart toolbar - The row of buttons under the box.
 * @csspart send - The Send button.
 * @csspart counter - The character counter (and SMS segments).
 * @csspart error - The red over-limit message.
 * @csspart template - The bar above the box naming a loaded template (with its lock).
 * @csspart attachment - One attachment chip.
 * @csspart preview - The formatted preview line.
 * @csspart note - The offline note and the reason the composer is disabled.
 * @csspart dropzone - The drop zone shown while files are dragged over the composer.
 * @csspart panel-status - A panel loading for the first time, or failing to (with Retry).
 *
 * @cssstate disabled - No task to write in (or not held).
 * @cssstate empty - Nothing to send.
 * @cssstate over-limit - The message is over the media's `maxChars`.
 * @cssstate offline - The connection is down; messages are queued.
 * @cssstate locked - A locked template is in the box.
 * @cssstate dragging - Files are dragged over the composer.
 *
 * @cssprop --dc-composer-min-height - The text box's smallest height (default 4.5em, three lines).
 * @cssprop --dc-composer-max-height - The text box's largest height before it scrolls (default 12em).
 */
@customElement('dc-composer')
export class DcComposer extends DcElement {
  static override styles = [...DcElement.styles, buttonStyles('button'), styles, containerStyles];

  /** The task to write in; the task on show when absent. */
  @property({ attribute: 'task-id' }) taskId?: string;

  @query('.mirror') private mirror?: HTMLElement;

  #view = this.select<ComposerView>((s, store) => ({
    config: store.config,
    tasks: s.tasks,
    drafts: s.drafts,
    selectedTaskId: s.selectedTaskId,
    connection: s.connection,
    catalogue: s.catalogue,
    transfers: s.transfers,
  }));
  #notice: Notice | undefined;
  /** The text box, kept while it is in the shadow root (it is read on every key). */
  #box: HTMLTextAreaElement | undefined;
  /** The last target worked out, and what it was worked out from. */
  #targetOf: { view: ComposerView; taskId: string | undefined; target: Target } | undefined;
  /** Whether the mirror draws marks now, and whether it did at the last update. */
  #marks = false;
  #marked = false;
  /** The task the local state (open panels, notices) belongs to. */
  #shownTask?: string;

  readonly #parts: ComposerParts = {
    host: this,
    store: () => this.activeStore,
    rendered: () => super.getUpdateComplete().then(() => undefined),
    writable: () => this.#writable(),
    area: () => this.area,
    setDraft: (target, draft) => this.#setDraft(target, draft),
    refuseLocked: () => this.#setNotice({ kind: 'locked' }),
    clearNotice: () => this.#setNotice(undefined),
    readSelection: () => this.#formatting.readSelection(),
    inOwnLocale: (fn) => this.inOwnLocale(fn),
  };
  #keys = new ComposerKeys(this);
  #formatting = new Formatting(this.#parts, this.#keys);
  #attachments = new Attachments(this.#parts);
  #fields = new TemplateFields(this.#parts);
  #popovers = new Popovers(this.#parts, {
    pickTemplate: (template, inline) => this.#fields.pick(template, inline),
    pickEmoji: (unicode) => void this.#insertAtCaret(unicode),
    runWorkflow: (workflowId, params) => this.#runWorkflow(workflowId, params),
  });

  private get area(): HTMLTextAreaElement | undefined {
    if (!this.#box?.isConnected) this.#box = this.renderRoot?.querySelector('textarea') ?? undefined;
    return this.#box;
  }

  /** Puts the keyboard focus in the text box. */
  override focus(options?: FocusOptions): void {
    if (this.area) this.area.focus(options);
    else super.focus(options);
  }

  /**
   * Sends what the box holds, as the Send button does (COMP-1): refused (undefined) when there is nothing
   * to send, the message is over the limit, a template field is unfilled, or a `dc-before-send` listener
   * vetoes it. Returns the message's client id.
   */
  send(): string | undefined {
    const target = this.#writable();
    if (!target || draftSendBlock(target.draft, target.media)) return undefined;
    const { draft, media, taskId } = target;
    const event = new DcBeforeSendEvent({ taskId, media: media.id, text: draftText(draft, media), attachments: draft.attachments });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return undefined;
    const text = event.detail.text;
    const block = sendBlock(text, draft.attachments.length, media.maxChars);
    if (block === 'over-limit') {
      this.#setNotice({ kind: 'host-too-long', over: overLimit(text, media.maxChars) });
      return undefined;
    }
    if (block) return undefined;
    const clientId = this.activeStore!.send(taskId, { text, attachments: draft.attachments });
    if (!clientId) return undefined;
    this.#setNotice(undefined);
    this.#attachments.clearRejections();
    this.#popovers.sent();
    this.dispatchEvent(new DcSendEvent({ taskId, clientId, text }));
    this.area?.focus();
    return clientId;
  }

  /** Also waits for a panel's module on its way (the first time a panel opens), and its render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let settled = this.#popovers.settled; settled; settled = this.#popovers.settled) {
      await settled;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------------
  // Reading the store

  /** The task to write in; worked out again only when the store's slice or `taskId` changed. */
  #target(): Target | undefined {
    const view = this.#view.value;
    if (!view) return undefined;
    const kept = this.#targetOf;
    if (kept && kept.view === view && kept.taskId === this.taskId) return kept.target;
    const taskId = this.taskId ?? view.selectedTaskId;
    const task = taskId ? view.tasks[taskId] : undefined;
    const media = task ? view.config.media.find((m) => m.id === task.media) : undefined;
    const draft = (taskId && view.drafts[taskId]) || EMPTY_DRAFT;
    // XFER-4: while the task's transfer is pending, Send waits (the store refuses it too).
    const transferring = taskId !== undefined && Object.hasOwn(view.transfers, taskId) && view.transfers[taskId]!.status === 'pending';
    const target: Target = { view, taskId, task, media, draft, block: writeBlock(task, media) ?? (transferring ? 'transferring' : undefined) };
    this.#targetOf = { view, taskId: this.taskId, target };
    return target;
  }

  #writable(): Writable | undefined {
    const target = this.#target();
    return target && !target.block && target.taskId && target.task && target.media ? (target as Writable) : undefined;
  }

  #setDraft(target: Writable, draft: Draft): void {
    this.activeStore!.setDraft(target.taskId, isBlankDraft(draft) ? undefined : draft);
  }

  #setNotice(notice: Notice | undefined): void {
    if (notice === this.#notice) return;
    this.#notice = notice;
    this.requestUpdate();
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const shown = this.#target()?.taskId;
    if (shown === this.#shownTask) return;
    this.#shownTask = shown;
    this.#notice = undefined;
    this.#popovers.reset();
    this.#fields.reset();
    this.#attachments.reset();
  }

  protected override render() {
    const target = this.#target();
    if (target?.media?.kind === 'email') {
      this.setStates(STATES, []);
      return nothing;
    }
    const writable = target && !target.block ? (target as Writable) : undefined;
    const draft = target?.draft ?? EMPTY_DRAFT;
    const media = writable?.media;
    const sent = media ? draftText(draft, media) : draft.text;
    const over = media ? overLimit(sent, media.maxChars) : 0;
    const offline = target?.view.connection === 'offline';
    this.setStates(STATES, [
      !writable && 'disabled',
      sendBlock(sent, draft.attachments.length, Infinity) === 'empty' && 'empty',
      over > 0 && 'over-limit',
      offline && 'offline',
      (draft.template?.locked ?? false) && 'locked',
      this.#attachments.dragging && 'dragging',
    ]);
    const reason = target ? target.block && blockText(target.block) : blockText('unavailable');
    const a = this.#attachments;

    return html`<div
      class="composer"
      part="composer"
      @dragenter=${a.onDragEnter}
      @dragover=${a.onDragOver}
      @dragleave=${a.onDragLeave}
      @drop=${this.#onDrop}
    >
      ${reason ? html`<p class="note" part="note" id="reason">${icon('info')}<span>${reason}</span></p>` : nothing}
      ${offline && writable
        ? html`<p class="note offline" part="note">
            ${icon('wifi-off')}<span>${msg('Offline — messages are sent when the connection returns', { id: 'composer.offline' })}</span>
          </p>`
        : nothing}
      ${writable ? this.#fields.renderBar(writable) : nothing} ${writable ? this.#fields.renderConfirm() : nothing}
      ${this.#renderBox(draft, !writable, over)} ${writable ? statusLines(writable, sent, over, this.#formatting.renderPreview(writable)) : nothing}
      ${writable ? this.#alerts(writable) : nothing} ${writable ? a.renderChips(writable) : nothing} ${this.#toolbar(writable)}
      ${writable ? this.#panels(writable) : nothing} ${a.renderDropzone(writable)}
    </div>`;
  }

  /**
   * The panels: rendered again only when they open, close or load, the `/` search's query changes, or
   * the customer the workflows start from (HOSTILE-29).
   */
  #panels(target: Writable): unknown {
    const { view, media } = target;
    const deps = [this.#popovers.renderKey(target), view.catalogue, media, target.task.customer, this.renderLocale];
    return guard(deps, () => this.#popovers.render(target));
  }

  #renderBox(draft: Draft, disabled: boolean, over: number): TemplateResult {
    const fields = draft.template?.fields ?? [];
    // Without fields or styles the mirror has nothing to mark: it stays empty, so typing lays out one box.
    const marks = fields.length > 0 || draft.spans.length > 0;
    this.#marks = marks;
    return html`<div class="box" part="box">
      <div class="mirror" aria-hidden="true">${marks ? mirrorContent(draft.text, draft.spans, fields) : nothing}</div>
      <textarea
        part="textarea"
        rows="3"
        aria-label=${msg('Message', { id: 'composer.message' })}
        aria-describedby=${disabled ? 'reason' : 'counter problems'}
        aria-invalid=${over > 0 ? 'true' : 'false'}
        placeholder=${disabled ? '' : msg('Type a message', { id: 'composer.placeholder' })}
        ?disabled=${disabled}
        .value=${live(draft.text)}
        @keydown=${this.#onKeydown}
        @beforeinput=${this.#onGuardedEdit}
        @input=${this.#onInput}
        @paste=${this.#onGuardedEdit}
        @cut=${this.#onGuardedEdit}
        @scroll=${this.#syncScroll}
        @select=${this.#parts.readSelection}
        @selectionchange=${this.#parts.readSelection}
        @keyup=${this.#parts.readSelection}
        @pointerup=${this.#parts.readSelection}
        @focus=${this.#parts.readSelection}
        @blur=${this.#onBlur}
      ></textarea>
    </div>`;
  }

  /** What the agent just tried and could not do: told once, as an alert. */
  #alerts(target: Writable): TemplateResult {
    const notice = this.#notice;
    return html`<div role="alert" class="alerts">
      ${notice?.kind === 'locked'
        ? html`<p class="error">
            ${icon('lock')}<span
              >${msg('This template is locked: it cannot be changed. Send it as it is, or remove it.', { id: 'composer.locked-refused' })}</span
            >
          </p>`
        : nothing}
      ${notice?.kind === 'host-too-long' ? html`<p class="error">${icon('circle-alert')}<span>${hostTooLongText(notice.over)}</span></p>` : nothing}
      ${this.#attachments.renderRejections(target)}
    </div>`;
  }

  /** The buttons: rendered again only when what they show changes, not on every key. */
  #toolbar(target: Writable | undefined): unknown {
    const media = target?.media;
    const canSend = target ? !draftSendBlock(target.draft, target.media) : false;
    const blank = !target || isBlankDraft(target.draft);
    const deps = [media, canSend, blank, this.#formatting.pressed(target), this.#popovers.buttonsKey, this.#keys.version, this.renderLocale];
    return guard(deps, () => this.#renderToolbar(target, canSend, blank));
  }

  #renderToolbar(target: Writable | undefined, canSend: boolean, blank: boolean): TemplateResult {
    const media = target?.media;
    const keys = media ? this.#keys.sendKeys(media) : undefined;
    const keysText = keys?.shown;
    return html`<div class="toolbar" part="toolbar" @keydown=${this.#onToolbarKeydown} @focusout=${this.#onToolbarFocusout}>
      ${this.#formatting.renderButtons(target)}
      <div class="group">${this.#attachments.renderButton(target)} ${this.#popovers.renderButtons(target)}</div>
      <div class="group end">
        ${!blank
          ? html`<button
              class="secondary"
              data-action="clear"
              title=${msg('Clear the message and its files', { id: 'composer.clear-title' })}
              @click=${this.#clear}
            >
              ${icon('trash')}<span>${msg('Clear', { id: 'composer.clear' })}</span>
            </button>`
          : nothing}
        <button
          class="primary"
          part="send"
          ?disabled=${!canSend}
          aria-keyshortcuts=${ifDefined(keys?.aria ?? undefined)}
          title=${keysText ? msg(str`Send (${keysText})`, { id: 'composer.send-title' }) : msg('Send', { id: 'composer.send' })}
          @click=${() => this.send()}
        >
          ${icon('send-horizontal')}<span>${msg('Send', { id: 'composer.send' })}</span>
        </button>
      </div>
    </div>`;
  }

  /** HOSTILE-30: Escape hides the name a focused icon shows (WCAG 1.4.13), until the focus moves. */
  #onToolbarKeydown = (event: KeyboardEvent) => {
    const button = event.target as HTMLElement;
    if (event.key === 'Escape' && button.matches('button[data-label]')) button.dataset['quiet'] = '';
  };

  #onToolbarFocusout = (event: FocusEvent) => {
    delete (event.target as HTMLElement).dataset['quiet'];
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Marks that just appeared start where the box is scrolled to; after that the box's scroll events
    // keep them in step (reading scrollTop on every update would force a layout per key).
    if (this.#marks && !this.#marked) this.#syncScroll();
    this.#marked = this.#marks;
  }

  // -------------------------------------------------------------------------------------------------
  // Editing

  /** The mirror follows the box's scrolling. */
  #syncScroll = () => {
    if (this.area && this.mirror) this.mirror.scrollTop = this.area.scrollTop;
  };

  #onBlur = () => this.#popovers.blurred();

  /** Keys in the box: the `/` search's, Tab between template fields, then the composer's shortcuts. */
  #onKeydown = (event: KeyboardEvent) => {
    const target = this.#writable();
    if (!target || event.isComposing) return;
    if (this.#popovers.inlineKey(event)) return;
    if (event.key === 'Tab' && this.#fields.tab(target, event)) return;
    const command = this.#keys.command(event, target.media);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'send') this.send();
    else this.#formatting.apply(command.style);
  };

  /** COMP-6: any edit of a locked template (typing, paste, cut, a text drop) is refused before it happens. */
  #onGuardedEdit = (event: Event) => {
    const draft = this.#target()?.draft;
    if (!draft || isDraftEditable(draft)) return;
    event.preventDefault();
    this.#setNotice({ kind: 'locked' });
  };

  #onDrop = (event: DragEvent) => {
    if (!this.#attachments.drop(event)) this.#onGuardedEdit(event);
  };

  #onInput = () => {
    const target = this.#writable();
    const area = this.area;
    if (!target || !area) return;
    const before = target.draft;
    const text = area.value;
    if (!isDraftEditAllowed(before, text)) {
      // An edit that could not be stopped beforehand (an IME composition): undone.
      const { selectionStart, selectionEnd } = area;
      area.value = before.text;
      area.setSelectionRange(Math.min(selectionStart, before.text.length), Math.min(selectionEnd, before.text.length));
      this.#setNotice({ kind: 'locked' });
      return;
    }
    this.#setDraft(target, editDraft(before, text, area.selectionEnd));
    this.#setNotice(undefined);
    this.activeStore!.agentTyping(target.taskId);
    this.#popovers.followSlash(target, before.text, text);
    this.#formatting.readSelection();
  };

  /** Puts text at the caret (an emoji), as typing would: refused in a locked template. */
  async #insertAtCaret(text: string): Promise<void> {
    const target = this.#writable();
    const area = this.area;
    if (!target || !area) return;
    if (!isDraftEditable(target.draft)) {
      this.#setNotice({ kind: 'locked' });
      area.focus();
      return;
    }
    const { draft, caret } = insertIntoDraft(target.draft, text, area.selectionStart, area.selectionEnd);
    this.#setDraft(target, draft);
    this.#setNotice(undefined);
    await this.updateComplete;
    area.focus();
    area.setSelectionRange(caret, caret);
    this.#formatting.readSelection();
  }

  #clear = () => {
    const target = this.#writable();
    if (!target) return;
    this.activeStore!.setDraft(target.taskId, undefined);
    this.#setNotice(undefined);
    this.#attachments.clearRejections();
    this.#popovers.cleared();
    this.area?.focus();
  };

  /** COMP-10: asks the host (`dc-before-workflow`, which may add parameters), then runs the workflow. */
  #runWorkflow(workflowId: string, params: Record<string, string>): Promise<void> {
    const target = this.#writable();
    const store = this.activeStore;
    if (!target || !store) return Promise.reject(new Error(this.inOwnLocale(() => blockText('no-task'))));
    let run: Promise<void> | undefined;
    const event = new DcBeforeWorkflowEvent({ taskId: target.taskId, workflowId, params: { ...params } });
    this.intend(event, (d) => (run = store.triggerWorkflow(d.taskId, d.workflowId, d.params)));
    return run ?? Promise.reject(new Error(this.inOwnLocale(() => msg('The workflow was not run.', { id: 'composer.workflow-vetoed' }))));
  }
}

// HOSTILE-31: the emoji panel is fetched ahead once a kit on the page signs in.
preloadEmojiAfterSignIn();

declare global {
  interface HTMLElementTagNameMap {
    'dc-composer': DcComposer;
  }
}
