import { msg, str, getLocale } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { DcBeforeSendEvent, DcBeforeWorkflowEvent, DcSendEvent } from '../../events/events.js';
import { mediaLabel } from '../../i18n/labels.js';
import { formatBytes, type AttachmentRejection } from '../../model/attachments.js';
import {
  applyStyle,
  messageLength,
  moveSpans,
  overLimit,
  sendBlock,
  selectionStyle,
  smsSegments,
  type TextStyle,
} from '../../model/compose.js';
import type { DcConfig } from '../../model/config.js';
import type { MediaConfig } from '../../model/media.js';
import { EMPTY_DRAFT, draftSendBlock, draftText, isBlankDraft, type Draft } from '../../model/draft.js';
import { writeBlock, type Task } from '../../model/tasks.js';
import {
  adjacentField,
  applyEdit,
  isEditAllowed,
  loadTemplate,
  replaceNeedsConfirmation,
  unfilledFields,
  type Template,
} from '../../model/templates.js';
import { pickText } from '../../model/text.js';
import { workflowsFor } from '../../model/workflows.js';
import type { CatalogueState, KitConnection } from '../../store/state.js';
import { icon, type IconName } from '../../ui/icons.js';
import { buttonStyles } from '../../styles/controls.js';
import { DcElement } from '../internal/dc-element.js';
import '../internal/emoji-panel.js';
import '../internal/template-picker.js';
import '../internal/workflow-dialog.js';
import { styles } from './composer.styles.js';
import { mirrorContent, previewContent } from './mirror.js';
import { AttachmentPreviews } from './previews.js';
import {
  counterLabel,
  counterText,
  hostTooLongText,
  overLimitText,
  rejectionText,
  segmentsText,
  templateErrorText,
  unfilledText,
  unknownText,
} from './words.js';

interface ComposerView {
  config: DcConfig;
  tasks: Readonly<Record<string, Task>>;
  drafts: Readonly<Record<string, Draft>>;
  selectedTaskId: string | undefined;
  connection: KitConnection;
  catalogue: CatalogueState;
}

/** The task the composer writes in, as far as the store knows it. */
interface Target {
  readonly view: ComposerView;
  readonly taskId: string | undefined;
  readonly task: Task | undefined;
  readonly media: MediaConfig | undefined;
  readonly draft: Draft;
  /** Why the agent cannot write now; undefined when they can. */
  readonly disabledReason: string | undefined;
}

/** A task that can take messages, with its media. */
type Writable = Target & { readonly taskId: string; readonly task: Task; readonly media: MediaConfig };

/** A problem the agent just caused and is told about once (an alert), until the next change. */
type Notice = { kind: 'locked' } | { kind: 'host-too-long'; over: number };

type PickerMode = 'closed' | 'menu' | 'inline';

const STATES = ['disabled', 'empty', 'over-limit', 'offline', 'locked', 'dragging'] as const;
const STYLES: readonly TextStyle[] = ['bold', 'italic', 'strike'];

/** Whether the page runs on an Apple system, where Cmd takes Ctrl's place in shortcuts (COMP-1, COMP-9). */
function isApple(): boolean {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad|ipod/i.test(platform);
}

function styleLabel(style: TextStyle): string {
  switch (style) {
    case 'bold':
      return msg('Bold', { id: 'composer.bold' });
    case 'italic':
      return msg('Italic', { id: 'composer.italic' });
    case 'strike':
      return msg('Strikethrough', { id: 'composer.strike' });
  }
}

/** The letter on each style button (G, I, B in French). */
function styleGlyph(style: TextStyle): string {
  switch (style) {
    case 'bold':
      return msg('B', { id: 'composer.bold-glyph' });
    case 'italic':
      return msg('I', { id: 'composer.italic-glyph' });
    case 'strike':
      return msg('S', { id: 'composer.strike-glyph' });
  }
}

/**
 * The compose area of a chat, SMS or social task (COMP-1..13): a plain-text box with the media's
 * options around it. What the agent writes is the task's draft in the store (COMP-13): it follows the
 * agent across tasks, a reload and a failover, until it is sent or cleared.
 *
 * - **Send** (COMP-1) with the Send button or the media's `sendKey`: `enter` sends on Enter, `mod+enter`
 *   on Ctrl+Enter (Cmd+Enter on a Mac), where Enter makes a new line; Shift+Enter always makes one. An
 *   empty box sends nothing. Before the message enters the outbox the composer fires `dc-before-send`
 *   (cancelable; a host may change `detail.text`), then `dc-send`. Offline, the message is queued and
 *   delivered once when the connection returns (COMP-12); the composer says so.
 * - **Limits** (COMP-3): a counter of what will be sent (in the channel's markup) against the media's
 *   `maxChars`; over it, Send is disabled and a red message says by how much. SMS also shows its
 *   segments and encoding.
 * - **Attachments** (COMP-4, option `attachments`): dropped on the composer or browsed with the paperclip;
 *   checked against the media's limits before upload, each refusal named with its reason.
 * - **Templates** (COMP-5..8, option `templates`): the Templates button, or `/` typed in an empty box
 *   (the rest of the line searches). A template replaces the box's text (the agent confirms when there
 *   is some); system parameters are filled from the task (customer variables, the agent's name from
 *   `config.agent.name`, queue, media); replaceable fields are highlighted, Tab and Shift+Tab move
 *   between them, and Send waits until they are filled. A locked template cannot be edited: it is sent
 *   as it is, or removed.
 * - **Formatting** (COMP-9, option `formatting`): Bold, Italic, Strikethrough (Ctrl+B, Ctrl+I,
 *   Ctrl+Shift+X; Cmd on a Mac), one style per character, sent in the media's markup flavour.
 * - **Emoji** (COMP-11, option `emoji`) and **workflows** (COMP-10, option `workflows`).
 *
 * The composer writes in the task named by `task-id`, else the task on show. It is disabled, with the
 * reason in words, while there is no task or the task is not held. An email task gets nothing for now:
 * the email composer is a separate element to come.
 *
 * @summary The compose area: text, send key, limits, attachments, templates, formatting, emoji, workflows.
 *
 * @fires dc-before-send - Cancelable, before a message enters the outbox (`detail.text` may be changed).
 * @fires dc-send - A message entered the outbox (`detail.clientId`).
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
  static override styles = [...DcElement.styles, buttonStyles('button'), styles];

  /** The task to write in; the task on show when absent. */
  @property({ attribute: 'task-id' }) taskId?: string;

  @state() private picker: PickerMode = 'closed';
  @state() private emojiOpen = false;
  @state() private workflowsOpen = false;
  /** A template picked while the box holds text: the agent is asked before it replaces the text. */
  @state() private confirming?: Template;
  @state() private notice?: Notice;
  @state() private rejections: readonly { name: string; reason: AttachmentRejection }[] = [];
  @state() private dragging = false;
  /** The box's selection, for the style buttons' pressed state. */
  @state() private selection = { start: 0, end: 0 };

  @query('textarea') private area?: HTMLTextAreaElement;
  @query('.mirror') private mirror?: HTMLElement;
  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  #previews = new AttachmentPreviews(this);
  #view = this.select<ComposerView>((s, store) => ({
    config: store.config,
    tasks: s.tasks,
    drafts: s.drafts,
    selectedTaskId: s.selectedTaskId,
    connection: s.connection,
    catalogue: s.catalogue,
  }));
  /** The task the local state (open panels, notices) belongs to. */
  #shownTask?: string;
  /** Escape closed the `/` search: it stays closed until the box is emptied. */
  #slashDismissed = false;
  #dragDepth = 0;
  readonly #apple = isApple();

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
    if (!target || !this.#sendable(target)) return undefined;
    const { draft, media, taskId } = target;
    const event = new DcBeforeSendEvent({
      taskId,
      media: media.id,
      text: draftText(draft, media),
      attachments: draft.attachments,
    });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return undefined;
    const text = event.detail.text;
    const block = sendBlock(text, draft.attachments.length, media.maxChars);
    if (block === 'over-limit') {
      this.notice = { kind: 'host-too-long', over: overLimit(text, media.maxChars) };
      return undefined;
    }
    if (block) return undefined;
    const clientId = this.activeStore!.send(taskId, { text, attachments: draft.attachments });
    if (!clientId) return undefined;
    this.notice = undefined;
    this.rejections = [];
    this.#slashDismissed = false;
    this.dispatchEvent(new DcSendEvent({ taskId, clientId, text }));
    this.area?.focus();
    return clientId;
  }

  // -------------------------------------------------------------------------------------------------
  // Reading the store

  #target(): Target | undefined {
    const view = this.#view.value;
    if (!view) return undefined;
    const taskId = this.taskId ?? view.selectedTaskId;
    const task = taskId ? view.tasks[taskId] : undefined;
    const media = task ? view.config.media.find((m) => m.id === task.media) : undefined;
    const draft = (taskId && view.drafts[taskId]) || EMPTY_DRAFT;
    const block = writeBlock(task, media);
    const disabledReason =
      block === 'no-task'
        ? msg('Select a task to write a message.', { id: 'composer.no-task' })
        : block === 'not-held'
          ? msg('Accept the task to write a message.', { id: 'composer.not-held' })
          : undefined;
    return { view, taskId, task, media, draft, disabledReason };
  }

  /** The target when the agent may write in it now. */
  #writable(): Writable | undefined {
    const target = this.#target();
    if (!target || target.disabledReason || !target.taskId || !target.task || !target.media) return undefined;
    return target as Writable;
  }

  #has(media: MediaConfig | undefined, option: MediaConfig['options'][number]): boolean {
    return media?.options.includes(option) ?? false;
  }

  #sendable(target: Writable): boolean {
    return !draftSendBlock(target.draft, target.media);
  }

  #setDraft(target: Writable, draft: Draft): void {
    this.activeStore!.setDraft(target.taskId, isBlankDraft(draft) ? undefined : draft);
  }

  /** A toolbar button that opens a pop-up (emoji, templates, workflows); `expanded` when it tracks one. */
  #popupButton(
    action: string,
    name: IconName,
    label: string,
    title: string | undefined,
    expanded: boolean | undefined,
    onClick: () => void,
  ): TemplateResult {
    return html`<button
      class="icon-button"
      data-action=${action}
      aria-label=${label}
      title=${title ?? label}
      aria-haspopup="dialog"
      aria-expanded=${ifDefined(expanded === undefined ? undefined : expanded ? 'true' : 'false')}
      @click=${onClick}
    >
      ${icon(name)}
    </button>`;
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const target = this.#target();
    const shown = target?.taskId;
    if (shown !== this.#shownTask) {
      this.#shownTask = shown;
      this.picker = 'closed';
      this.emojiOpen = false;
      this.workflowsOpen = false;
      this.confirming = undefined;
      this.notice = undefined;
      this.rejections = [];
      this.#slashDismissed = false;
    }
    this.#previews.keep(new Set(target?.draft.attachments.map((a) => a.id)));
  }

  protected override render() {
    const target = this.#target();
    if (target?.media?.kind === 'email') {
      this.setStates(STATES, []);
      return nothing;
    }
    const writable = target && !target.disabledReason ? (target as Writable) : undefined;
    const draft = target?.draft ?? EMPTY_DRAFT;
    const media = writable?.media;
    const disabled = !writable;
    const sent = media ? draftText(draft, media) : draft.text;
    const over = media ? overLimit(sent, media.maxChars) : 0;
    const offline = target?.view.connection === 'offline';
    const locked = draft.template?.locked ?? false;
    const empty = sendBlock(sent, draft.attachments.length, Infinity) === 'empty';
    this.setStates(STATES, [
      disabled ? 'disabled' : undefined,
      empty ? 'empty' : undefined,
      over > 0 ? 'over-limit' : undefined,
      offline ? 'offline' : undefined,
      locked ? 'locked' : undefined,
      this.dragging ? 'dragging' : undefined,
    ]);
    const reason = target ? target.disabledReason : msg('The compose area is not connected to a contact centre.', { id: 'composer.unavailable' });

    return html`<div
      class="composer"
      part="composer"
      @dragenter=${this.#onDragEnter}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      ${reason ? html`<p class="note" part="note" id="reason">${icon('info')}<span>${reason}</span></p>` : nothing}
      ${offline && writable
        ? html`<p class="note offline" part="note">${icon('wifi-off')}<span
              >${msg('Offline — messages are sent when the connection returns', { id: 'composer.offline' })}</span
            ></p>`
        : nothing}
      ${writable ? this.#templateBar(writable) : nothing} ${writable && this.confirming ? this.#confirmBar(this.confirming) : nothing}
      ${this.#box(draft, disabled, over)} ${writable ? this.#below(writable, sent, over) : nothing}
      ${writable ? this.#alerts(writable) : nothing}
      ${writable ? this.#chips(writable) : nothing} ${this.#toolbar(writable)}
      ${writable ? this.#popovers(writable) : nothing}
      ${this.dragging && this.#has(media, 'attachments')
        ? html`<div class="dropzone" part="dropzone">${icon('upload')}<span
              >${msg('Drop files here to attach them', { id: 'composer.drop' })}</span
            ></div>`
        : nothing}
    </div>`;
  }

  #box(draft: Draft, disabled: boolean, over: number): TemplateResult {
    const fields = draft.template?.fields ?? [];
    return html`<div class="box" part="box">
      <div class="mirror" aria-hidden="true">${mirrorContent(draft.text, draft.spans, fields)}</div>
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
        @beforeinput=${this.#onBeforeInput}
        @input=${this.#onInput}
        @paste=${this.#onGuardedEdit}
        @cut=${this.#onGuardedEdit}
        @scroll=${this.#syncScroll}
        @select=${this.#readSelection}
        @selectionchange=${this.#readSelection}
        @keyup=${this.#readSelection}
        @pointerup=${this.#readSelection}
        @focus=${this.#readSelection}
        @blur=${this.#onBlur}
      ></textarea>
    </div>`;
  }

  /** The preview line, the counter and the standing problems (over the limit, unfilled fields). */
  #below(target: Writable, sent: string, over: number): TemplateResult {
    const { draft, media } = target;
    const length = messageLength(sent);
    const unfilled = draft.template ? unfilledFields(draft.template) : [];
    const preview = this.#has(media, 'formatting') ? previewContent(draft.text, draft.spans) : nothing;
    return html`${preview === nothing
        ? nothing
        : html`<p class="preview" part="preview"
            ><span class="preview-label">${msg('Preview:', { id: 'composer.preview' })}</span> ${preview}</p
          >`}
      <p class="status-line">
        <span id="counter" class=${over > 0 ? 'counter over' : 'counter'} part="counter"
          ><span aria-hidden="true">${counterText(length, media.maxChars)}</span
          ><span class="visually-hidden">${counterLabel(length, media.maxChars)}</span>${media.kind === 'sms'
            ? html`<span class="segments"> · ${segmentsText(smsSegments(sent))}</span>`
            : nothing}</span
        >
      </p>
      <div id="problems" class="problems" aria-live="polite">
        ${over > 0 ? html`<p class="error" part="error">${icon('circle-alert')}<span>${overLimitText(over)}</span></p>` : nothing}
        ${unfilled.length
          ? html`<p class="warning">${icon('triangle-alert')}<span>${unfilledText(unfilled.map((f) => f.label))}</span></p>`
          : nothing}
      </div>`;
  }

  /** What the agent just tried and could not do: told once, as an alert. */
  #alerts(target: Writable): TemplateResult {
    const notice = this.notice;
    const limits = target.media.attachments;
    return html`<div role="alert" class="alerts">
      ${notice?.kind === 'locked'
        ? html`<p class="error">${icon('lock')}<span
              >${msg('This template is locked: it cannot be changed. Send it as it is, or remove it.', {
                id: 'composer.locked-refused',
              })}</span
            ></p>`
        : nothing}
      ${notice?.kind === 'host-too-long'
        ? html`<p class="error">${icon('circle-alert')}<span>${hostTooLongText(notice.over)}</span></p>`
        : nothing}
      ${this.rejections.length
        ? html`<div class="rejections error">
            ${icon('circle-alert')}
            <ul>
              ${this.rejections.map((r) => html`<li>${rejectionText(r.name, r.reason, limits)}</li>`)}
            </ul>
            <button
              class="icon-button"
              aria-label=${msg('Dismiss', { id: 'composer.dismiss' })}
              title=${msg('Dismiss', { id: 'composer.dismiss' })}
              @click=${() => (this.rejections = [])}
            >
              ${icon('x')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  /** The loaded template: its name, its lock (COMP-6), unknown parameters (COMP-8), and Remove. */
  #templateBar(target: Writable): TemplateResult | typeof nothing {
    const loaded = target.draft.template;
    if (!loaded) return nothing;
    const template = target.view.catalogue.value.templates.find((t) => t.id === loaded.templateId);
    const name = template ? pickText(template.name, getLocale()) : undefined;
    return html`<div class="template" part="template">
      <p class="template-name">
        ${loaded.locked
          ? html`${icon('lock')}<strong>${msg('Locked template', { id: 'composer.locked' })}</strong>`
          : html`${icon('file-text')}<strong>${msg('Template', { id: 'composer.template' })}</strong>`}
        ${name ? html`<span>${name}</span>` : nothing}
        <button class="link" @click=${this.#removeTemplate}>${msg('Remove template', { id: 'composer.remove-template' })}</button>
      </p>
      ${loaded.unknown.length ? html`<p class="template-note">${icon('info')}<span>${unknownText(loaded.unknown)}</span></p>` : nothing}
      ${loaded.error ? html`<p class="template-note">${icon('triangle-alert')}<span>${templateErrorText(loaded.error.index)}</span></p>` : nothing}
    </div>`;
  }

  #confirmBar(template: Template): TemplateResult {
    const name = pickText(template.name, getLocale());
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text" @keydown=${this.#onConfirmKeydown}>
      <p id="confirm-text">${msg(str`Replace the text in the box with the template “${name}”?`, { id: 'composer.confirm-replace' })}</p>
      <button class="primary" data-confirm="replace" @click=${this.#confirmReplace}>${msg('Replace', { id: 'composer.replace' })}</button>
      <button @click=${this.#cancelReplace}>${msg('Keep my text', { id: 'composer.keep-text' })}</button>
    </div>`;
  }

  #chips(target: Writable): TemplateResult | typeof nothing {
    const attachments = target.draft.attachments;
    if (attachments.length === 0) return nothing;
    const store = this.activeStore!;
    const locale = getLocale();
    return html`<ul class="chips" aria-label=${msg('Attachments', { id: 'composer.attachments' })}>
      ${repeat(
        attachments,
        (a) => a.id,
        (a) => {
          const url = a.type.startsWith('image/') ? this.#previews.url(store, a.id) : undefined;
          return html`<li class="chip" part="attachment">
            ${url ? html`<img class="thumb" src=${url} alt="" />` : icon(a.type.startsWith('image/') ? 'image' : 'file')}
            <span class="chip-name">${a.name}</span>
            <span class="chip-size">${formatBytes(a.size, locale)}</span>
            <button
              class="icon-button"
              aria-label=${msg(str`Remove ${a.name}`, { id: 'composer.remove-attachment' })}
              title=${msg(str`Remove ${a.name}`, { id: 'composer.remove-attachment' })}
              @click=${() => this.#detach(target, a.id)}
            >
              ${icon('x')}
            </button>
          </li>`;
        },
      )}
    </ul>`;
  }

  #toolbar(target: Writable | undefined): TemplateResult {
    const media = target?.media;
    const draft = target?.draft ?? EMPTY_DRAFT;
    const disabled = !target;
    const canSend = target ? this.#sendable(target) : false;
    const keys = media?.sendKey === 'mod+enter' ? (this.#apple ? 'Meta+Enter' : 'Control+Enter') : 'Enter';
    const keysText = media?.sendKey === 'mod+enter' ? (this.#apple ? '⌘+Enter' : 'Ctrl+Enter') : 'Enter';
    const pressed = selectionStyle(draft.spans, this.selection.start, this.selection.end);
    return html`<div class="toolbar" part="toolbar">
      ${this.#has(media, 'formatting')
        ? html`<div class="group" role="group" aria-label=${msg('Formatting', { id: 'composer.formatting' })}>
            ${STYLES.map(
              (style) =>
                html`<button
                  class="icon-button style ${style}"
                  aria-pressed=${pressed === style ? 'true' : 'false'}
                  aria-label=${styleLabel(style)}
                  title=${`${styleLabel(style)} (${this.#styleKeys(style)})`}
                  aria-keyshortcuts=${this.#styleKeys(style, true)}
                  data-style=${style}
                  @pointerdown=${this.#keepFocus}
                  @click=${() => this.#applyStyle(style)}
                >
                  <span aria-hidden="true">${styleGlyph(style)}</span>
                </button>`,
            )}
          </div>`
        : nothing}
      <div class="group">
        ${this.#has(media, 'attachments')
          ? html`<button
                class="icon-button"
                data-action="attach"
                aria-label=${msg('Attach files', { id: 'composer.attach' })}
                title=${msg('Attach files', { id: 'composer.attach' })}
                @click=${() => this.fileInput?.click()}
              >
                ${icon('paperclip')}
              </button>
              <input
                type="file"
                multiple
                hidden
                tabindex="-1"
                accept=${media!.attachments.accept.join(',')}
                aria-label=${msg('Attach files', { id: 'composer.attach' })}
                @change=${this.#onFiles}
              />`
          : nothing}
        ${this.#has(media, 'emoji')
          ? this.#popupButton('emoji', 'face-slightly-smiling', msg('Emoji', { id: 'composer.emoji' }), undefined, this.emojiOpen, this.#toggleEmoji)
          : nothing}
        ${this.#has(media, 'templates')
          ? this.#popupButton(
              'templates',
              'file-text',
              msg('Templates', { id: 'composer.templates' }),
              msg('Templates (or type / in an empty box)', { id: 'composer.templates-hint' }),
              this.picker === 'menu',
              this.#toggleTemplates,
            )
          : nothing}
        ${this.#has(media, 'workflows')
          ? this.#popupButton('workflows', 'workflow', msg('Workflows', { id: 'composer.workflows' }), undefined, undefined, this.#openWorkflows)
          : nothing}
      </div>
      <div class="group end">
        ${target && !isBlankDraft(draft)
          ? html`<button class="secondary" data-action="clear" @click=${this.#clear}>
              ${icon('trash')}<span>${msg('Clear', { id: 'composer.clear' })}</span>
            </button>`
          : nothing}
        <button
          class="primary"
          part="send"
          ?disabled=${disabled || !canSend}
          aria-keyshortcuts=${ifDefined(media ? keys : undefined)}
          title=${ifDefined(media ? msg(str`Send (${keysText})`, { id: 'composer.send-title' }) : undefined)}
          @click=${() => this.send()}
        >
          ${icon('send-horizontal')}<span>${msg('Send', { id: 'composer.send' })}</span>
        </button>
      </div>
    </div>`;
  }

  #popovers(target: Writable): TemplateResult {
    const { view, media, draft } = target;
    const catalogue = view.catalogue;
    const workflows = this.#has(media, 'workflows') ? workflowsFor(catalogue.value.workflows, media.kind) : [];
    return html`${this.picker !== 'closed'
        ? html`<div class="popover picker" @keydown=${this.#onPopoverKeydown}>
            <dc-template-picker
              .templates=${catalogue.value.templates}
              .groups=${catalogue.value.templateGroups}
              .media=${media.kind}
              .status=${catalogue.status}
              .reason=${catalogue.reason ?? ''}
              .query=${this.picker === 'inline' ? draft.text.slice(1) : ''}
              .inline=${this.picker === 'inline'}
              @dc-template-pick=${this.#onTemplatePick}
              @dc-close=${this.#closePicker}
              @dc-catalogue-retry=${() => this.activeStore?.loadCatalogue()}
            ></dc-template-picker>
          </div>`
        : nothing}
      ${this.emojiOpen
        ? html`<div class="popover emoji" @keydown=${this.#onPopoverKeydown}>
            <dc-emoji-panel .open=${true} @dc-emoji-pick=${this.#onEmojiPick} @dc-close=${this.#closeEmoji}></dc-emoji-panel>
          </div>`
        : nothing}
      ${this.#has(media, 'workflows')
        ? html`<dc-workflow-dialog
            .workflows=${workflows}
            .open=${this.workflowsOpen}
            .run=${this.#runWorkflow}
            @dc-workflow-done=${this.#closeWorkflows}
            @dc-close=${this.#closeWorkflows}
          ></dc-workflow-dialog>`
        : nothing}`;
  }

  #styleKeys(style: TextStyle, aria = false): string {
    const mod = aria ? (this.#apple ? 'Meta' : 'Control') : this.#apple ? '⌘' : 'Ctrl';
    const key = style === 'bold' ? 'B' : style === 'italic' ? 'I' : 'Shift+X';
    return `${mod}+${key}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#syncScroll();
    const outside = this.picker !== 'closed' || this.emojiOpen;
    if (outside) document.addEventListener('pointerdown', this.#onOutside, true);
    else document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  // -------------------------------------------------------------------------------------------------
  // Editing

  #readSelection = () => {
    const area = this.area;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    if (start !== this.selection.start || end !== this.selection.end) this.selection = { start, end };
  };

  /** The `/` search belongs to the box: it closes when the focus leaves (a click in its list keeps the focus). */
  #onBlur = () => {
    if (this.picker === 'inline') this.picker = 'closed';
  };

  #syncScroll = () => {
    if (this.area && this.mirror) this.mirror.scrollTop = this.area.scrollTop;
  };

  /** A click on a style button keeps the focus (and the selection) in the box. */
  #keepFocus = (event: PointerEvent) => {
    if (this.area && this.shadowRoot?.activeElement === this.area) event.preventDefault();
  };

  #refuseLocked(): void {
    this.notice = { kind: 'locked' };
  }

  /** COMP-6: any edit of a locked template is refused before it happens. */
  #onBeforeInput = (event: InputEvent) => {
    if (!this.#target()?.draft.template?.locked) return;
    event.preventDefault();
    this.#refuseLocked();
  };

  #onGuardedEdit = (event: Event) => {
    if (!this.#target()?.draft.template?.locked) return;
    event.preventDefault();
    this.#refuseLocked();
  };

  #onInput = () => {
    const target = this.#writable();
    const area = this.area;
    if (!target || !area) return;
    const before = target.draft;
    const text = area.value;
    if (before.template && !isEditAllowed(before.template, text)) {
      // An edit that could not be stopped beforehand (an IME composition): undone.
      const { selectionStart, selectionEnd } = area;
      area.value = before.text;
      area.setSelectionRange(Math.min(selectionStart, before.text.length), Math.min(selectionEnd, before.text.length));
      this.#refuseLocked();
      return;
    }
    this.#edit(target, text, area.selectionEnd);
    this.activeStore!.agentTyping(target.taskId);
    this.#followSlash(target, before.text, text);
    this.#readSelection();
  };

  /**
   * Puts a new text in the draft, fields and styles moved along (COMP-7, COMP-9); `caret`, where the
   * caret is after the edit, tells where an edit was made when the texts alone leave it open.
   */
  #edit(target: Writable, text: string, caret: number): void {
    const before = target.draft;
    const template = before.template && text !== '' ? applyEdit(before.template, text, caret) : undefined;
    const { template: _old, ...rest } = before;
    const spans = moveSpans(before.spans, before.text, text, caret);
    this.#setDraft(target, { ...rest, text, spans, ...(template ? { template } : {}) });
    if (this.notice) this.notice = undefined;
  }

  /** `/` typed in an empty box opens the template search; the rest of the line is its query. */
  #followSlash(target: Writable, before: string, after: string): void {
    if (after === '') {
      this.#slashDismissed = false;
      if (this.picker === 'inline') this.picker = 'closed';
      return;
    }
    const slash = after.startsWith('/') && !after.includes('\n');
    if (this.picker === 'inline') {
      if (!slash) this.picker = 'closed';
      return;
    }
    if (slash && before === '' && !this.#slashDismissed && this.picker === 'closed' && this.#has(target.media, 'templates')) {
      this.#ensureCatalogue();
      this.emojiOpen = false;
      this.picker = 'inline';
    }
  }

  #onKeydown = (event: KeyboardEvent) => {
    const target = this.#writable();
    if (!target || event.isComposing) return;
    if (this.picker === 'inline' && this.#inlineKey(event)) return;
    if (event.key === 'Tab' && this.#tabToField(target, event)) return;
    if (event.key === 'Enter' && this.#isSendKey(target, event)) {
      event.preventDefault();
      this.send();
      return;
    }
    const style = this.#shortcutStyle(target, event);
    if (style) {
      event.preventDefault();
      this.#applyStyle(style);
    }
  };

  /** Keys the `/` search takes from the box: Up, Down, Enter and Escape. */
  #inlineKey(event: KeyboardEvent): boolean {
    const picker = this.renderRoot.querySelector('dc-template-picker');
    if (!picker || event.altKey || event.ctrlKey || event.metaKey) return false;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        picker.moveActive(event.key === 'ArrowDown' ? 1 : -1);
        return true;
      case 'Enter':
        event.preventDefault();
        picker.pickActive();
        return true;
      case 'Escape':
        event.preventDefault();
        this.#slashDismissed = true;
        this.picker = 'closed';
        return true;
      default:
        return false;
    }
  }

  /** COMP-7: Tab and Shift+Tab select the next or previous field; without one, Tab leaves the box. */
  #tabToField(target: Writable, event: KeyboardEvent): boolean {
    const loaded = target.draft.template;
    const area = this.area;
    if (!loaded || !area || event.altKey || event.ctrlKey || event.metaKey) return false;
    const field = adjacentField(loaded, { start: area.selectionStart, end: area.selectionEnd }, event.shiftKey);
    if (!field) return false;
    event.preventDefault();
    area.setSelectionRange(field.start, field.end);
    this.#readSelection();
    return true;
  }

  /** COMP-1: Enter, or Ctrl+Enter (Cmd+Enter on a Mac), as the media says; Shift+Enter is a new line. */
  #isSendKey(target: Writable, event: KeyboardEvent): boolean {
    if (event.shiftKey || event.altKey) return false;
    const mod = this.#apple ? event.metaKey : event.ctrlKey;
    const other = this.#apple ? event.ctrlKey : event.metaKey;
    if (other) return false;
    return target.media.sendKey === 'enter' ? !mod : mod;
  }

  /** COMP-9: Ctrl+B, Ctrl+I, Ctrl+Shift+X (Cmd on a Mac). */
  #shortcutStyle(target: Writable, event: KeyboardEvent): TextStyle | undefined {
    if (!this.#has(target.media, 'formatting') || event.altKey) return undefined;
    if (!(this.#apple ? event.metaKey : event.ctrlKey)) return undefined;
    const key = event.key.toLowerCase();
    if (!event.shiftKey && key === 'b') return 'bold';
    if (!event.shiftKey && key === 'i') return 'italic';
    if (event.shiftKey && key === 'x') return 'strike';
    return undefined;
  }

  /** COMP-9: one style per selection; a new style replaces the old, the same one again removes it. */
  #applyStyle(style: TextStyle): void {
    const target = this.#writable();
    const area = this.area;
    if (!target || !area) return;
    const { draft } = target;
    if (draft.template?.locked) {
      this.#refuseLocked();
      return;
    }
    const { selectionStart: start, selectionEnd: end } = area;
    this.#setDraft(target, { ...draft, spans: applyStyle(draft.spans, start, end, style) });
    area.focus();
    area.setSelectionRange(start, end);
  }

  /** Puts text at the caret (an emoji), as typing would: refused in a locked template. */
  async #insertAtCaret(text: string): Promise<void> {
    const target = this.#writable();
    const area = this.area;
    if (!target || !area) return;
    const { draft } = target;
    if (draft.template?.locked) {
      this.#refuseLocked();
      area.focus();
      return;
    }
    const start = Math.min(area.selectionStart, draft.text.length);
    const end = Math.min(area.selectionEnd, draft.text.length);
    this.#edit(target, draft.text.slice(0, start) + text + draft.text.slice(end), start + text.length);
    await this.updateComplete;
    area.focus();
    area.setSelectionRange(start + text.length, start + text.length);
    this.#readSelection();
  }

  #clear = () => {
    const target = this.#writable();
    if (!target) return;
    this.activeStore!.setDraft(target.taskId, undefined);
    this.notice = undefined;
    this.rejections = [];
    this.picker = 'closed';
    this.area?.focus();
  };

  #removeTemplate = () => {
    const target = this.#writable();
    if (!target) return;
    const { template: _t, ...rest } = target.draft;
    this.#setDraft(target, { ...rest, text: '', spans: [] });
    this.notice = undefined;
    this.area?.focus();
  };

  // -------------------------------------------------------------------------------------------------
  // Templates (COMP-5..8)

  #ensureCatalogue(): void {
    const store = this.activeStore;
    const status = store?.state.catalogue.status;
    if (store && (status === 'idle' || status === 'failed')) store.loadCatalogue();
  }

  #toggleTemplates = async () => {
    if (this.picker === 'menu') {
      this.#closePicker();
      return;
    }
    this.#ensureCatalogue();
    this.emojiOpen = false;
    this.picker = 'menu';
    await this.updateComplete;
    this.renderRoot.querySelector('dc-template-picker')?.focus();
  };

  #closePicker = () => {
    const was = this.picker;
    this.picker = 'closed';
    if (was === 'inline') {
      this.#slashDismissed = true;
      this.area?.focus();
    } else {
      this.#focusButton('templates');
    }
  };

  #onTemplatePick = (event: Event) => {
    const template = (event as CustomEvent<{ template: Template }>).detail.template;
    const inline = this.picker === 'inline';
    this.picker = 'closed';
    const target = this.#writable();
    if (!target) return;
    if (!inline && replaceNeedsConfirmation(target.draft.text)) {
      this.confirming = template;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm="replace"]')?.focus());
      return;
    }
    void this.#load(target, template);
  };

  #confirmReplace = () => {
    const template = this.confirming;
    const target = this.#writable();
    this.confirming = undefined;
    if (template && target) void this.#load(target, template);
  };

  #cancelReplace = () => {
    this.confirming = undefined;
    this.area?.focus();
  };

  #onConfirmKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#cancelReplace();
  };

  /** COMP-5, COMP-8: the template in the box, system parameters filled; COMP-7: its first unfilled field selected. */
  async #load(target: Writable, template: Template): Promise<void> {
    const { task, view, draft } = target;
    const loaded = loadTemplate(template, {
      customer: task.customer,
      agent: { name: view.config.agent.name },
      queue: task.queue,
      media: mediaLabel(view.config, task.media),
    });
    this.notice = undefined;
    this.#setDraft(target, { text: loaded.text, spans: [], template: loaded, attachments: draft.attachments });
    await this.updateComplete;
    const area = this.area;
    if (!area) return;
    area.focus();
    const first = unfilledFields(loaded)[0];
    if (first) area.setSelectionRange(first.start, first.end);
    else area.setSelectionRange(loaded.text.length, loaded.text.length);
    this.#readSelection();
  }

  // -------------------------------------------------------------------------------------------------
  // Emoji (COMP-11) and workflows (COMP-10)

  #toggleEmoji = () => {
    if (this.emojiOpen) {
      this.#closeEmoji();
      return;
    }
    this.picker = 'closed';
    this.emojiOpen = true;
  };

  #closeEmoji = () => {
    this.emojiOpen = false;
    this.#focusButton('emoji');
  };

  #onEmojiPick = (event: Event) => {
    const { unicode } = (event as CustomEvent<{ unicode: string }>).detail;
    this.emojiOpen = false;
    void this.#insertAtCaret(unicode);
  };

  #openWorkflows = () => {
    this.#ensureCatalogue();
    this.picker = 'closed';
    this.emojiOpen = false;
    this.workflowsOpen = true;
  };

  #closeWorkflows = () => {
    this.workflowsOpen = false;
    this.#focusButton('workflows');
  };

  /** COMP-10: asks the host (`dc-before-workflow`, which may add parameters), then runs the workflow. */
  #runWorkflow = (workflowId: string, params: Record<string, string>): Promise<void> => {
    const target = this.#writable();
    const store = this.activeStore;
    if (!target || !store) {
      return Promise.reject(new Error(this.inOwnLocale(() => msg('Select a task to write a message.', { id: 'composer.no-task' }))));
    }
    let run: Promise<void> | undefined;
    const event = new DcBeforeWorkflowEvent({ taskId: target.taskId, workflowId, params: { ...params } });
    this.intend(event, (d) => (run = store.triggerWorkflow(d.taskId, d.workflowId, d.params)));
    return run ?? Promise.reject(new Error(this.inOwnLocale(() => msg('The workflow was not run.', { id: 'composer.workflow-vetoed' }))));
  };

  /** Escape in a popover closes it (when the popover itself did not). */
  #onPopoverKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (this.emojiOpen) this.#closeEmoji();
    else this.#closePicker();
  };

  #onOutside = (event: Event) => {
    if (event.composedPath().includes(this)) return;
    if (this.picker !== 'closed') this.picker = 'closed';
    if (this.emojiOpen) this.emojiOpen = false;
  };

  async #focusButton(action: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
  }

  // -------------------------------------------------------------------------------------------------
  // Attachments (COMP-4)

  async #attach(files: readonly File[]): Promise<void> {
    const target = this.#writable();
    if (!target || files.length === 0 || !this.#has(target.media, 'attachments')) return;
    this.rejections = [];
    const check = await this.activeStore!.attach(target.taskId, files);
    this.rejections = check.rejected.map((r) => ({ name: r.file.name, reason: r.reason }));
  }

  #detach(target: Writable, id: string): void {
    const index = target.draft.attachments.findIndex((a) => a.id === id);
    this.activeStore!.detach(target.taskId, id);
    // The focus goes to the next chip's X, else the previous one's, else the box.
    void this.updateComplete.then(() => {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.chip button')];
      (buttons[index] ?? buttons[index - 1] ?? this.area)?.focus();
    });
  }

  #onFiles = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.#attach(files);
  };

  #carriesFiles(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes('Files') ?? false;
  }

  #onDragEnter = (event: DragEvent) => {
    if (!this.#carriesFiles(event)) return;
    event.preventDefault();
    this.#dragDepth++;
    const target = this.#writable();
    this.dragging = !!target && this.#has(target.media, 'attachments');
  };

  #onDragOver = (event: DragEvent) => {
    if (!this.#carriesFiles(event)) return;
    event.preventDefault();
    const target = this.#writable();
    if (event.dataTransfer) event.dataTransfer.dropEffect = target && this.#has(target.media, 'attachments') ? 'copy' : 'none';
  };

  #onDragLeave = (event: DragEvent) => {
    if (!this.#carriesFiles(event)) return;
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.dragging = false;
  };

  #onDrop = (event: DragEvent) => {
    this.#dragDepth = 0;
    this.dragging = false;
    if (this.#carriesFiles(event)) {
      // Files never open in the page, whether the media takes attachments or not.
      event.preventDefault();
      void this.#attach([...(event.dataTransfer?.files ?? [])]);
      return;
    }
    this.#onGuardedEdit(event);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-composer': DcComposer;
  }
}
