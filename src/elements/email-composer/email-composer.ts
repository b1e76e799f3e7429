import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DcBeforeSendEvent, DcBeforeWorkflowEvent, DcEmailMaximiseEvent, DcSendEvent } from '../../events/events.js';
import { mediaLabel } from '../../i18n/labels.js';
import { isReadableText, pciCheck } from '../../model/attachments.js';
import type { DcConfig } from '../../model/config.js';
import type { Draft } from '../../model/draft.js';
import { signatureFor, type EmailDraft, type OutgoingEmail } from '../../model/email.js';
import type { MediaConfig } from '../../model/media.js';
import { outsideDomains, parseAddresses, startReply, switchReply, type RepliedEmail, type ReplyMode } from '../../model/reply-mode.js';
import type { Message, Task } from '../../model/tasks.js';
import { loadTemplate, type Template } from '../../model/templates.js';
import { workflowsFor } from '../../model/workflows.js';
import type { CatalogueState } from '../../store/state.js';
import { buttonStyles } from '../../styles/controls.js';
import { icon } from '../../ui/conversation-icons.js';
import { DcElement } from '../internal/dc-element.js';
import type { Editor, Quill, QuillClass } from './editor.js';
import { quillStyles, styles } from './email-composer.styles.js';
import { toolbarIcon } from './icons.js';
import type { DroppedFeature } from './outbound.js';

/** The modules of the editor, loaded the first time a reply shows (Quill, DOMPurify and the kit's glue). */
interface EditorModules {
  readonly Quill: QuillClass;
  readonly editor: typeof import('./editor.js');
  readonly outbound: typeof import('./outbound.js');
}

let editorModules: Promise<EditorModules> | undefined;
/** Loads the editor once per page; a failed load is forgotten, so Retry fetches it again. */
function loadEditorModules(): Promise<EditorModules> {
  editorModules ??= Promise.all([import('quill'), import('dompurify'), import('./editor.js'), import('./outbound.js')]).then(
    ([quill, purify, editor, outbound]) => {
      outbound.useOutboundPurifier(purify.default);
      return { Quill: quill.default, editor, outbound };
    },
    (error: unknown) => {
      editorModules = undefined;
      throw error;
    },
  );
  return editorModules;
}

/** The signatures appended (and the forwarded emails loaded), by store, task and email answered: once per page. */
const started = new WeakMap<object, Set<string>>();

type AddressField = 'to' | 'cc' | 'bcc';
type Dialog =
  | { readonly kind: 'outside'; readonly field: AddressField; readonly addresses: readonly string[] }
  | { readonly kind: 'template'; readonly template: Template }
  | { readonly kind: 'delete' }
  | { readonly kind: 'link'; readonly index: number; readonly length: number; readonly error?: boolean };
type Panel = 'colour' | 'emoji' | 'templates' | 'workflows' | undefined;

interface View {
  readonly config: DcConfig;
  readonly tasks: Readonly<Record<string, Task>>;
  readonly drafts: Readonly<Record<string, Draft>>;
  readonly messages: Readonly<Record<string, readonly Message[]>>;
  readonly selectedTaskId: string | undefined;
  readonly catalogue: CatalogueState;
}

interface Target {
  readonly view: View;
  readonly taskId: string;
  readonly task: Task;
  readonly media: MediaConfig;
  readonly draft: Draft | undefined;
  readonly email: EmailDraft | undefined;
}

const COLOURS: readonly { readonly value: string; readonly name: () => string }[] = [
  { value: '#000000', name: () => msg('Black', { id: 'email-composer.colour-black' }) },
  { value: '#c0392b', name: () => msg('Red', { id: 'email-composer.colour-red' }) },
  { value: '#1f5fbf', name: () => msg('Blue', { id: 'email-composer.colour-blue' }) },
  { value: '#1e7d32', name: () => msg('Green', { id: 'email-composer.colour-green' }) },
  { value: '#b35900', name: () => msg('Orange', { id: 'email-composer.colour-orange' }) },
];

const LINK_OK = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/i;
const STATES = ['empty', 'minimised', 'maximised', 'loading', 'failed'] as const;
/** How long typing waits before the body's HTML is written to the draft (flushed on blur, send, disconnect). */
const DRAFT_DELAY = 150;

/**
 * The email reply (MAIL-5..11): the mode (Reply, Reply all, Forward), To, Cc, Bcc and Subject, a rich
 * body (Quill 2, loaded the first time a reply shows) with its own accessible toolbar, attachments,
 * templates, emoji, the workflow button above the box, Send, and Minimise, Maximise and Delete.
 *
 * It shows while the task's draft has `email` set (the email thread's Reply, Reply all and Forward
 * write it; so does its own Reply button). Every change is the task's draft in the store (COMP-13): the
 * fields at once, the body's HTML 150 ms after the last key (and at once on blur, send and
 * disconnect), so a reload shows the same mode, fields and body.
 *
 * Send sanitises the body with a strict outbound profile, fires `dc-before-send` (cancelable) and
 * `dc-send` as the chat composer does (with `detail.email`), and puts `{text, attachments, email}` in
 * the outbox. Below the body, a warning (never blocking) names what Gmail or Outlook for Windows would
 * drop, from caniemail's data.
 *
 * @summary The email reply: mode, addresses, subject, rich body, attachments, templates, Send.
 *
 * @fires dc-before-send - Cancelable, before the email enters the outbox (`detail.email`, `detail.text`).
 * @fires dc-send - The email entered the outbox.
 * @fires dc-before-workflow - Cancelable, before a workflow runs.
 * @fires dc-email-maximise - The reply was maximised or restored (`detail.maximised`): a desktop gives it the pane's height.
 *
 * @slot workflows - Replaces the workflow button above the box.
 *
 * @csspart reply - The whole reply.
 * @csspart bar - The top line (mode, Minimise, Maximise, Delete).
 * @csspart toolbar - The formatting toolbar.
 * @csspart editor - The body.
 * @csspart send - The Send button.
 * @csspart warning - The caniemail warning.
 *
 * @cssstate empty - No reply in progress.
 * @cssstate minimised - Collapsed to one line.
 * @cssstate maximised - Takes the interaction pane's height.
 * @cssstate loading - The editor is loading.
 * @cssstate failed - The editor could not load.
 *
 * @cssprop --dc-email-composer-min-height - The body's smallest height (8rem).
 * @cssprop --dc-email-composer-max-height - The body's largest height before it scrolls (22rem).
 */
@customElement('dc-email-composer')
export class DcEmailComposer extends DcElement {
  static override styles = [...DcElement.styles, quillStyles, buttonStyles('button'), styles];

  /** The task to reply in; the task on show when absent. */
  @property({ attribute: 'task-id' }) taskId?: string;

  /** Takes the interaction pane's height (reflected; also set by the Maximise button). */
  @property({ type: Boolean, reflect: true }) maximised = false;

  #view = this.select<View>((s, store) => ({
    config: store.config,
    tasks: s.tasks,
    drafts: s.drafts,
    messages: s.messages,
    selectedTaskId: s.selectedTaskId,
    catalogue: s.catalogue,
  }));

  #status: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  #modules: EditorModules | undefined;
  #editor: Editor | undefined;
  #editorTask: string | undefined;
  /** The body's HTML as last written to (or read from) the draft. */
  #lastHtml: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #minimised = false;
  #typed: Partial<Record<AddressField, string>> = {};
  #invalid: Partial<Record<AddressField, readonly string[]>> = {};
  #dialog: Dialog | undefined;
  #panel: Panel;
  #formats: Record<string, unknown> = {};
  #inTable = false;
  #dropped: readonly DroppedFeature[] = [];
  #notices: readonly string[] = [];
  #sendError: string | undefined;
  #panelModules = new Map<string, 'loading' | 'ready' | 'failed'>();
  #toolbarIndex = 0;
  /** How long the editor's modules took to arrive (ms), the last time they loaded here. */
  loadMs: number | undefined;

  /** Sends the reply as the Send button does; returns the client id, or undefined when refused. */
  send(): string | undefined {
    return this.#send();
  }

  /** The editor, once loaded (for tests and hosts that need Quill's API). */
  get quill(): Quill | undefined {
    return this.#editor?.quill;
  }

  override disconnectedCallback(): void {
    this.#flush();
    this.#destroyEditor();
    super.disconnectedCallback();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#status === 'loading' && editorModules) {
      await editorModules.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------------
  // Reading the store

  #target(): Target | undefined {
    const view = this.#view.value;
    if (!view) return undefined;
    const taskId = this.taskId ?? view.selectedTaskId;
    const task = taskId ? view.tasks[taskId] : undefined;
    const media = task ? view.config.media.find((m) => m.id === task.media) : undefined;
    if (!taskId || !task || !media || media.kind !== 'email') return undefined;
    const draft = Object.hasOwn(view.drafts, taskId) ? view.drafts[taskId] : undefined;
    return { view, taskId, task, media, draft, email: draft?.email };
  }

  /** The email a draft answers (or forwards): its message, else the newest customer email. */
  #replied(target: Target, id?: string): { message?: Message; email: RepliedEmail } {
    const messages = target.view.messages[target.taskId] ?? [];
    const message =
      (id ? messages.find((m) => m.id === id) : undefined) ??
      [...messages].reverse().find((m) => m.from === 'customer');
    const customer = target.task.customer;
    const email: RepliedEmail = message?.email ?? {
      from: customer['email'] ?? '',
      to: [],
      cc: [],
      subject: customer['subject'] ?? '',
    };
    return { message, email };
  }

  #self(target: Target): readonly string[] {
    return target.media.email.selfAddresses;
  }

  #writeEmail(target: Target, email: EmailDraft, text?: string): void {
    const draft = target.draft ?? { text: '', spans: [], attachments: [] };
    this.activeStore?.setDraft(target.taskId, { ...draft, text: text ?? draft.text, email });
  }

  // -------------------------------------------------------------------------------------------------
  // Starting, switching, deleting

  /** Starts a reply to the newest customer email (the hint's Reply button). */
  #startReply(target: Target, mode: ReplyMode): void {
    const { message, email } = this.#replied(target);
    const fields = startReply(mode, email, this.#self(target));
    this.#writeEmail(target, {
      mode,
      repliedId: message?.id ?? '',
      to: fields.to,
      cc: fields.cc,
      bcc: [],
      subject: fields.subject,
      ccShown: fields.ccShown,
      bccShown: false,
      html: '',
    });
  }

  /** MAIL-6: the mode switch keeps the body and sets the fields. */
  #switch(target: Target, mode: ReplyMode): void {
    const email = target.email;
    if (!email || email.mode === mode) return;
    this.#flush();
    const current = this.#target() ?? target;
    const now = current.email ?? email;
    const { email: replied } = this.#replied(current, now.repliedId);
    const next = switchReply({ ...now, toEditable: now.mode === 'forward' }, mode, replied, this.#self(current));
    this.#typed = {};
    this.#invalid = {};
    this.#writeEmail(current, { ...now, mode: next.mode, to: next.to, cc: next.cc, subject: next.subject, ccShown: next.ccShown });
  }

  // -------------------------------------------------------------------------------------------------
  // The editor

  /** Starts loading the editor the first time a reply shows; after a failure only Retry starts again. */
  #ensureEditor(target: Target): void {
    if (this.#status !== 'idle') return;
    this.#status = 'loading';
    const t0 = performance.now();
    loadEditorModules().then(
      (modules) => {
        this.loadMs = performance.now() - t0;
        this.#modules = modules;
        this.#status = 'ready';
        this.requestUpdate();
      },
      (error: unknown) => {
        console.warn('[dc-widgets] The email editor could not be loaded', error);
        this.#status = 'failed';
        this.requestUpdate();
      },
    );
    void target;
    this.requestUpdate();
  }

  #destroyEditor(): void {
    this.#editor?.destroy();
    this.#editor = undefined;
    this.#editorTask = undefined;
    this.#lastHtml = undefined;
  }

  /** Creates the editor in its place, or loads the draft's body into it when the draft changed elsewhere. */
  #syncEditor(target: Target): void {
    const modules = this.#modules;
    const email = target.email;
    if (!modules || !email) return;
    const container = this.renderRoot.querySelector<HTMLElement>('.editor');
    if (!container) return;
    if (this.#editor && (this.#editorTask !== target.taskId || !container.contains(this.#editor.quill.root))) this.#destroyEditor();
    if (!this.#editor) {
      container.replaceChildren();
      this.#editor = modules.editor.createEditor(modules.Quill, container, this.renderRoot as ShadowRoot, {
        label: msg('Email body', { id: 'email-composer.body' }),
        placeholder: msg('Write your reply', { id: 'email-composer.placeholder' }),
      });
      this.#editorTask = target.taskId;
      const quill = this.#editor.quill;
      quill.on('text-change', this.#onTextChange);
      quill.on('editor-change', this.#readFormats);
      quill.root.addEventListener('blur', this.#onBlur);
    }
    if (this.#timer === undefined && email.html !== this.#lastHtml) this.#load(target, email);
  }

  /** Puts the draft's body in the editor (sanitised: a stored draft is input like any other). */
  #load(target: Target, email: EmailDraft): void {
    const quill = this.#editor!.quill;
    const outbound = this.#modules!.outbound;
    let body = email.html;
    const key = `${target.taskId}\n${email.repliedId}`;
    const store = this.activeStore;
    let done = store ? started.get(store) : undefined;
    if (store && !done) started.set(store, (done = new Set()));
    if (done && body === '' && (target.draft?.text ?? '') === '' && !done.has(key)) {
      done.add(key);
      body = this.#initialBody(target, email);
    }
    const clean = body === '' ? '' : outbound.outboundHtml(body);
    quill.setContents(quill.clipboard.convert({ html: clean }), 'silent');
    this.#markImages();
    this.#lastHtml = email.html;
    this.#dropped = outbound.droppedFeatures(clean);
    if (body !== email.html) this.#scheduleDraft(0);
  }

  /** A reply starts with the queue's signature; a forward also carries the forwarded email. */
  #initialBody(target: Target, email: EmailDraft): string {
    const signature = signatureFor(target.media.email, target.task.queue);
    let body = signature ? `<p><br></p>${signature}` : '';
    if (email.mode === 'forward') {
      const { message, email: replied } = this.#replied(target, email.repliedId);
      const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      const header = msg('Forwarded message', { id: 'email-composer.forwarded' });
      const text = (message?.text ?? '').split('\n').map((l) => `<p>${esc(l) || '<br>'}</p>`).join('');
      body += `<p><br></p><p>---------- ${esc(header)} ----------</p><p>${esc(msg('From:', { id: 'email-composer.from' }))} ${esc(replied.from)}</p><p>${esc(msg('Subject:', { id: 'email-composer.subject-label' }))} ${esc(replied.subject)}</p><blockquote>${text}</blockquote>`;
    }
    return body;
  }

  /** Inline images carry no words of their own: marked decorative (alt="") rather than left unnamed. */
  #markImages(): void {
    for (const img of this.#editor?.quill.root.querySelectorAll('img:not([alt])') ?? []) img.setAttribute('alt', '');
  }

  #onTextChange = (_delta: unknown, _old: unknown, source: string) => {
    this.#markImages();
    if (source === 'silent') return;
    this.#scheduleDraft(DRAFT_DELAY);
  };

  #onBlur = () => this.#flush();

  #scheduleDraft(delay: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), delay);
  }

  /** Writes the body to the draft now (if a write is pending). */
  #flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const target = this.#target();
    const quill = this.#editor?.quill;
    if (!target?.email || !quill || this.#editorTask !== target.taskId) return;
    const html = quill.getLength() <= 1 ? '' : quill.getSemanticHTML();
    const text = quill.getText().replace(/\n$/, '');
    this.#lastHtml = html;
    this.#dropped = this.#modules ? this.#modules.outbound.droppedFeatures(this.#modules.outbound.outboundHtml(html)) : [];
    this.#writeEmail(target, { ...target.email, html }, text);
    this.requestUpdate();
  }

  /** Set while the editor is made or loaded in `updated()`: what Quill reports then needs no second render. */
  #syncing = false;

  #readFormats = () => {
    const quill = this.#editor?.quill;
    if (!quill || this.#syncing) return;
    const range = quill.getSelection();
    const formats = range ? quill.getFormat(range) : {};
    const inTable = 'table' in formats;
    const key = JSON.stringify(formats);
    if (key === JSON.stringify(this.#formats) && inTable === this.#inTable) return;
    this.#formats = formats;
    this.#inTable = inTable;
    this.requestUpdate();
  };

  // -------------------------------------------------------------------------------------------------
  // Rendering

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const target = this.#target();
    if (target?.taskId !== this.#editorTask && this.#editor) {
      this.#flush();
      this.#destroyEditor();
      this.#typed = {};
      this.#invalid = {};
      this.#dialog = undefined;
      this.#panel = undefined;
    }
    if (target?.email) this.#ensureEditor(target);
    else if (this.#editor) this.#destroyEditor();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#target();
    if (target?.email) {
      this.#syncing = true;
      try {
        this.#syncEditor(target);
      } finally {
        this.#syncing = false;
      }
    }
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
    }
  }

  protected override render() {
    const target = this.#target();
    const email = target?.email;
    this.setStates(STATES, [
      !email && 'empty',
      this.#minimised && 'minimised',
      this.maximised && 'maximised',
      this.#status === 'loading' && 'loading',
      this.#status === 'failed' && 'failed',
    ]);
    if (!target) return nothing;
    if (!email) return this.#renderHint(target);
    const modeName = this.#modeName(email.mode);
    if (this.#minimised) {
      return html`<div class="reply minimised" part="reply">
        <div class="bar" part="bar">
          <span class="summary">${modeName} — ${email.subject}</span>
          <button data-action="restore" aria-label=${msg('Restore the reply', { id: 'email-composer.restore' })} @click=${this.#toggleMinimise}>
            ${icon('maximize-2')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="reply ${this.maximised ? 'maximised' : ''}" part="reply" @dragover=${this.#onDragOver} @drop=${this.#onDrop}>
      <slot name="workflows">${this.#renderWorkflowButton(target)}</slot>
      ${this.#renderBar(target, email)} ${this.#renderFields(target, email)} ${this.#renderToolbar(target)}
      <div class="editor-frame">
        ${this.#status === 'failed'
          ? html`<div class="status" role="alert">
              <p>${msg('The editor could not be loaded.', { id: 'email-composer.load-failed' })}</p>
              <button data-action="retry" @click=${this.#retry}>${icon('refresh-cw')}<span>${msg('Retry', { id: 'composer.retry' })}</span></button>
            </div>`
          : this.#status !== 'ready'
            ? html`<p class="status" role="status">${icon('loader-circle')} ${msg('Loading the editor…', { id: 'email-composer.loading' })}</p>`
            : nothing}
        <div class="editor" part="editor" ?hidden=${this.#status !== 'ready'} @keydown=${this.#onEditorKey}></div>
        ${this.#renderPanel(target)}
      </div>
      ${this.#renderChips(target)} ${this.#renderWarnings()}
      <div class="actions">
        <button data-action="attach" @click=${this.#browse}>${icon('paperclip')}<span>${msg('Attach', { id: 'composer.attach-short' })}</span></button>
        <input type="file" multiple hidden tabindex="-1" aria-label=${msg('Attach files', { id: 'composer.attach' })} @change=${this.#onFiles} />
        <button class="primary" part="send" ?disabled=${this.#status !== 'ready'} @click=${() => this.#send()}>
          ${icon('send-horizontal')}<span>${msg('Send', { id: 'composer.send' })}</span>
        </button>
      </div>
      ${this.#renderDialog(target)}
    </div>`;
  }

  #modeName(mode: ReplyMode): string {
    return mode === 'reply'
      ? msg('Reply', { id: 'email-composer.reply' })
      : mode === 'reply-all'
        ? msg('Reply all', { id: 'email-composer.reply-all' })
        : msg('Forward', { id: 'email-composer.forward' });
  }

  #renderHint(target: Target): TemplateResult {
    const hasEmail = (target.view.messages[target.taskId] ?? []).some((m) => m.from === 'customer');
    return html`<p class="hint">
      ${msg('Choose Reply, Reply all or Forward on an email to write an answer.', { id: 'email-composer.hint' })}
      ${hasEmail
        ? html`<button data-action="start-reply" @click=${() => this.#startReply(target, 'reply')}>
            ${icon('mail')}<span>${msg('Reply', { id: 'email-composer.reply' })}</span>
          </button>`
        : nothing}
    </p>`;
  }

  #renderBar(target: Target, email: EmailDraft): TemplateResult {
    const modes: ReplyMode[] = ['reply', 'reply-all', 'forward'];
    return html`<div class="bar" part="bar">
      <div class="modes" role="group" aria-label=${msg('Reply mode', { id: 'email-composer.mode' })}>
        ${modes.map(
          (m) =>
            html`<button data-mode=${m} aria-pressed=${email.mode === m ? 'true' : 'false'} @click=${() => this.#switch(target, m)}>
              ${this.#modeName(m)}
            </button>`,
        )}
      </div>
      <div class="modes">
        <button data-action="minimise" aria-label=${msg('Minimise', { id: 'email-composer.minimise' })} title=${msg('Minimise', { id: 'email-composer.minimise' })} @click=${this.#toggleMinimise}>
          ${icon('minimize-2')}
        </button>
        <button
          data-action="maximise"
          aria-pressed=${this.maximised ? 'true' : 'false'}
          aria-label=${msg('Maximise', { id: 'email-composer.maximise' })}
          title=${msg('Maximise', { id: 'email-composer.maximise' })}
          @click=${this.#toggleMaximise}
        >
          ${icon('maximize-2')}
        </button>
        <button data-action="delete" aria-label=${msg('Delete the reply', { id: 'email-composer.delete' })} title=${msg('Delete the reply', { id: 'email-composer.delete' })} @click=${() => this.#askDelete(target)}>
          ${icon('trash')}
        </button>
      </div>
    </div>`;
  }

  #renderFields(target: Target, email: EmailDraft): TemplateResult {
    const forward = email.mode === 'forward';
    return html`${this.#addressField(target, email, 'to', msg('To', { id: 'email-composer.to' }), !forward)}
      ${email.ccShown ? this.#addressField(target, email, 'cc', msg('Cc', { id: 'email-composer.cc' }), false) : nothing}
      ${email.bccShown ? this.#addressField(target, email, 'bcc', msg('Bcc', { id: 'email-composer.bcc' }), false) : nothing}
      <div class="field">
        <label for="subject">${msg('Subject', { id: 'email-composer.subject' })}</label>
        <input id="subject" .value=${live(email.subject)} ?readonly=${!forward} @input=${(e: Event) => this.#onSubject(target, e)} />
      </div>
      <div class="row">
        <button data-action="toggle-cc" aria-pressed=${email.ccShown ? 'true' : 'false'} @click=${() => this.#toggleShown(target, 'ccShown')}>
          ${msg('Cc', { id: 'email-composer.cc' })}
        </button>
        <button data-action="toggle-bcc" aria-pressed=${email.bccShown ? 'true' : 'false'} @click=${() => this.#toggleShown(target, 'bccShown')}>
          ${msg('Bcc', { id: 'email-composer.bcc' })}
        </button>
      </div>`;
  }

  #addressField(target: Target, email: EmailDraft, field: AddressField, label: string, readonly: boolean): TemplateResult {
    const invalid = this.#invalid[field] ?? [];
    const value = this.#typed[field] ?? email[field].join(', ');
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <input
        id=${field}
        data-field=${field}
        type="text"
        autocomplete="off"
        .value=${live(value)}
        ?readonly=${readonly}
        aria-invalid=${invalid.length ? 'true' : 'false'}
        aria-describedby=${invalid.length ? `${field}-error` : nothing}
        @input=${(e: Event) => this.#onAddresses(target, field, e)}
        @change=${(e: Event) => this.#commitAddresses(field, e)}
      />
      ${invalid.length
        ? html`<p class="error" id="${field}-error">
            ${msg(str`Not an email address: ${invalid.join(', ')}`, { id: 'email-composer.invalid-address' })}
          </p>`
        : nothing}
    </div>`;
  }

  #toolbarButtons(): { key: string; label: string; content: TemplateResult; pressed?: boolean; run: () => void }[] {
    const f = this.#formats;
    const q = () => this.#editor?.quill;
    const toggle = (name: string, value: unknown = true) => () => {
      const quill = q();
      if (!quill) return;
      quill.focus();
      const current = quill.getFormat()[name];
      quill.format(name, current === value ? false : value, 'user');
      this.#readFormats();
    };
    const glyph = (t: string, style: string) => html`<span class="glyph" style=${style} aria-hidden="true">${t}</span>`;
    return [
      { key: 'header', label: msg('Heading 1', { id: 'email-composer.h1' }), content: toolbarIcon('heading-1'), pressed: f['header'] === 1, run: toggle('header', 1) },
      { key: 'bold', label: msg('Bold', { id: 'email-composer.bold' }), content: glyph('B', 'font-weight:700'), pressed: f['bold'] === true, run: toggle('bold') },
      { key: 'italic', label: msg('Italic', { id: 'email-composer.italic' }), content: glyph('I', 'font-style:italic'), pressed: f['italic'] === true, run: toggle('italic') },
      { key: 'underline', label: msg('Underline', { id: 'email-composer.underline' }), content: glyph('U', 'text-decoration:underline'), pressed: f['underline'] === true, run: toggle('underline') },
      { key: 'strike', label: msg('Strikethrough', { id: 'email-composer.strike' }), content: glyph('S', 'text-decoration:line-through'), pressed: f['strike'] === true, run: toggle('strike') },
      { key: 'colour', label: msg('Font colour', { id: 'email-composer.colour' }), content: toolbarIcon('baseline'), run: () => this.#togglePanel('colour') },
      { key: 'ordered', label: msg('Ordered list', { id: 'email-composer.ordered' }), content: toolbarIcon('list-ordered'), pressed: f['list'] === 'ordered', run: toggle('list', 'ordered') },
      { key: 'bullet', label: msg('Bullet list', { id: 'email-composer.bullet' }), content: toolbarIcon('list'), pressed: f['list'] === 'bullet', run: toggle('list', 'bullet') },
      { key: 'blockquote', label: msg('Blockquote', { id: 'email-composer.blockquote' }), content: toolbarIcon('text-quote'), pressed: f['blockquote'] === true, run: toggle('blockquote') },
      { key: 'emoji', label: msg('Emoticon', { id: 'email-composer.emoji' }), content: icon('face-slightly-smiling'), run: () => this.#togglePanel('emoji') },
      { key: 'link', label: msg('Link', { id: 'email-composer.link' }), content: toolbarIcon('link'), pressed: typeof f['link'] === 'string', run: this.#askLink },
      { key: 'outdent', label: msg('Decrease indent', { id: 'email-composer.outdent' }), content: toolbarIcon('indent-decrease'), run: () => this.#indent('-1') },
      { key: 'indent', label: msg('Increase indent', { id: 'email-composer.indent' }), content: toolbarIcon('indent-increase'), run: () => this.#indent('+1') },
      { key: 'table', label: msg('Table', { id: 'email-composer.table' }), content: toolbarIcon('table'), run: this.#insertTable },
      ...(this.#inTable
        ? [
            { key: 'row', label: msg('Add a row', { id: 'email-composer.add-row' }), content: toolbarIcon('rows-3'), run: () => this.#tableModule()?.insertRowBelow() },
            { key: 'column', label: msg('Add a column', { id: 'email-composer.add-column' }), content: toolbarIcon('columns-3'), run: () => this.#tableModule()?.insertColumnRight() },
          ]
        : []),
      { key: 'templates', label: msg('Templates', { id: 'composer.templates' }), content: icon('file-text'), run: () => this.#togglePanel('templates') },
    ];
  }

  #renderToolbar(target: Target): TemplateResult {
    void target;
    const buttons = this.#toolbarButtons();
    const active = Math.min(this.#toolbarIndex, buttons.length - 1);
    return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${msg('Formatting', { id: 'email-composer.formatting' })} @keydown=${this.#onToolbarKey}>
      ${buttons.map(
        (b, i) =>
          html`<button
            data-format=${b.key}
            tabindex=${i === active ? 0 : -1}
            aria-label=${b.label}
            title=${b.label}
            aria-pressed=${ifDefined(b.pressed === undefined ? undefined : b.pressed ? 'true' : 'false')}
            ?disabled=${this.#status !== 'ready'}
            @pointerdown=${(e: PointerEvent) => e.preventDefault()}
            @click=${() => {
              this.#toolbarIndex = i;
              b.run();
            }}
          >
            ${b.content}
          </button>`,
      )}
    </div>`;
  }

  #onToolbarKey = (event: KeyboardEvent) => {
    const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    event.preventDefault();
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.toolbar button')];
    const now = buttons.indexOf(event.target as HTMLButtonElement);
    const last = buttons.length - 1;
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowRight' ? (now >= last ? 0 : now + 1) : now <= 0 ? last : now - 1;
    this.#toolbarIndex = next;
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    buttons[next]?.focus();
  };

  #renderWorkflowButton(target: Target): TemplateResult | typeof nothing {
    if (!target.media.options.includes('workflows')) return nothing;
    return html`<div class="row">
      <button data-action="workflows" aria-haspopup="dialog" @click=${() => this.#togglePanel('workflows')}>
        ${icon('workflow')}<span>${msg('Workflows', { id: 'composer.workflows' })}</span>
      </button>
    </div>`;
  }

  #renderPanel(target: Target): TemplateResult | typeof nothing {
    const panel = this.#panel;
    if (!panel) return nothing;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.#closePanel();
      }
    };
    if (panel === 'colour') {
      return html`<div class="panel swatches" role="group" aria-label=${msg('Font colour', { id: 'email-composer.colour' })} @keydown=${onKey}>
        ${COLOURS.map(
          (c) => html`<button class="swatch" data-colour=${c.value} aria-label=${c.name()} title=${c.name()} @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.#colour(c.value)}>
            <span style="background:${c.value}"></span>
          </button>`,
        )}
        <button data-colour="" @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.#colour(false)}>${msg('Default', { id: 'email-composer.colour-default' })}</button>
      </div>`;
    }
    const status = this.#panelModules.get(panel);
    if (status !== 'ready') {
      return html`<div class="panel" @keydown=${onKey}>
        ${status === 'failed'
          ? html`<p class="error" role="alert">${msg('This panel could not be loaded.', { id: 'email-composer.panel-failed' })}</p>
              <button @click=${() => this.#togglePanel(panel, true)}>${msg('Retry', { id: 'composer.retry' })}</button>`
          : html`<p class="status" role="status">${msg('Loading…', { id: 'email-composer.panel-loading' })}</p>`}
      </div>`;
    }
    if (panel === 'emoji') {
      return html`<div class="panel" @keydown=${onKey}>
        <dc-emoji-panel .open=${true} @dc-emoji-pick=${this.#onEmoji} @dc-close=${this.#closePanel}></dc-emoji-panel>
      </div>`;
    }
    const catalogue = target.view.catalogue;
    if (panel === 'templates') {
      return html`<div class="panel" @keydown=${onKey}>
        <dc-template-picker
          .templates=${catalogue.value.templates}
          .groups=${catalogue.value.templateGroups}
          .media=${'email'}
          .status=${catalogue.status}
          .reason=${catalogue.reason ?? ''}
          .query=${''}
          .inline=${false}
          @dc-template-pick=${(e: CustomEvent<{ template: Template }>) => this.#onTemplate(e.detail.template)}
          @dc-close=${this.#closePanel}
          @dc-catalogue-retry=${() => this.activeStore?.loadCatalogue()}
        ></dc-template-picker>
      </div>`;
    }
    return html`<dc-workflow-dialog
      .workflows=${workflowsFor(catalogue.value.workflows, 'email')}
      .customer=${target.task.customer}
      .open=${true}
      .run=${(id: string, params: Record<string, string>) => this.#runWorkflow(target, id, params)}
      @dc-workflow-done=${this.#closePanel}
      @dc-close=${this.#closePanel}
    ></dc-workflow-dialog>`;
  }

  #renderChips(target: Target): TemplateResult | typeof nothing {
    const files = target.draft?.attachments ?? [];
    if (!files.length) return nothing;
    return html`<ul class="chips" aria-label=${msg('Attachments', { id: 'composer.attachments' })}>
      ${files.map(
        (a) => html`<li class="chip" part="attachment">
          <span>${a.name}</span>
          <button class="icon-button" aria-label=${msg(str`Remove ${a.name}`, { id: 'composer.remove-attachment' })} @click=${() => this.activeStore?.detach(target.taskId, a.id)}>
            ${icon('x')}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  #renderWarnings(): TemplateResult {
    const dropped = this.#dropped;
    return html`<div role="alert">
      ${this.#sendError ? html`<p class="error">${this.#sendError}</p>` : nothing}
      ${this.#notices.map((n) => html`<p class="error">${n}</p>`)}
    </div>
    ${dropped.length
      ? html`<div class="warning" part="warning" role="status">
          ${msg('Some mail programs will not show all of this email:', { id: 'email-composer.dropped' })}
          <ul>
            ${dropped.map((d) => html`<li>${this.#featureName(d.feature.slug, d.feature.title)} — ${this.#clients(d)}</li>`)}
          </ul>
        </div>`
      : nothing}`;
  }

  #featureName(slug: string, title: string): string {
    switch (slug) {
      case 'image-base64':
        return msg('Images pasted into the body (kept inside the email as data)', { id: 'email-composer.feature-base64' });
      case 'image-webp':
        return msg('WebP images', { id: 'email-composer.feature-webp' });
      case 'image-avif':
        return msg('AVIF images', { id: 'email-composer.feature-avif' });
      case 'image-svg':
        return msg('SVG images', { id: 'email-composer.feature-svg' });
      default:
        return title;
    }
  }

  #clients(d: DroppedFeature): string {
    if (d.gmail && d.outlook) return msg('not shown by Gmail nor Outlook (Windows)', { id: 'email-composer.dropped-both' });
    if (d.gmail) return msg('not shown by Gmail', { id: 'email-composer.dropped-gmail' });
    return msg('not shown by Outlook (Windows)', { id: 'email-composer.dropped-outlook' });
  }

  #renderDialog(target: Target): TemplateResult | typeof nothing {
    const d = this.#dialog;
    if (!d) return nothing;
    const cancel = (e: Event) => {
      e.preventDefault();
      this.#answer(target, false);
    };
    let title: string;
    let body: TemplateResult | string;
    let yes: string;
    let no: string;
    if (d.kind === 'outside') {
      title = msg('Outside the customer’s domain', { id: 'email-composer.outside-title' });
      body = msg(str`${d.addresses.join(', ')} is outside the customer’s domain. Send to it anyway?`, { id: 'email-composer.outside-body' });
      yes = msg('Keep the address', { id: 'email-composer.outside-keep' });
      no = msg('Remove it', { id: 'email-composer.outside-remove' });
    } else if (d.kind === 'template') {
      title = msg('Replace the body?', { id: 'email-composer.template-title' });
      body = msg('The template replaces what the body holds now.', { id: 'email-composer.template-body' });
      yes = msg('Replace', { id: 'email-composer.template-replace' });
      no = msg('Cancel', { id: 'email-composer.cancel' });
    } else if (d.kind === 'delete') {
      title = msg('Delete the reply?', { id: 'email-composer.delete-title' });
      body = msg('The reply and its draft are discarded.', { id: 'email-composer.delete-body' });
      yes = msg('Delete', { id: 'email-composer.delete-yes' });
      no = msg('Cancel', { id: 'email-composer.cancel' });
    } else {
      title = msg('Link', { id: 'email-composer.link' });
      body = html`<label for="link-url">${msg('Address (https://, http:// or mailto:)', { id: 'email-composer.link-url' })}</label>
        <input id="link-url" type="url" autofocus aria-invalid=${d.error ? 'true' : 'false'} aria-describedby=${d.error ? 'link-error' : nothing} />
        ${d.error ? html`<p class="error" id="link-error">${msg('Use an https, http or mailto address.', { id: 'email-composer.link-invalid' })}</p>` : nothing}`;
      yes = msg('Add the link', { id: 'email-composer.link-add' });
      no = msg('Cancel', { id: 'email-composer.cancel' });
    }
    return html`<dialog aria-labelledby="dialog-title" data-dialog=${d.kind} @cancel=${cancel}>
      <form
        method="dialog"
        @submit=${(e: Event) => {
          e.preventDefault();
          this.#answer(target, true);
        }}
      >
        <h2 id="dialog-title">${title}</h2>
        <div>${body}</div>
        <div class="actions">
          <button type="button" data-answer="no" @click=${cancel}>${no}</button>
          <button type="submit" class="primary" data-answer="yes" ?autofocus=${d.kind !== 'link'}>${yes}</button>
        </div>
      </form>
    </dialog>`;
  }

  // -------------------------------------------------------------------------------------------------
  // Fields

  #onSubject(target: Target, event: Event): void {
    if (!target.email || target.email.mode !== 'forward') return;
    this.#writeEmail(target, { ...target.email, subject: (event.target as HTMLInputElement).value });
  }

  #toggleShown(target: Target, which: 'ccShown' | 'bccShown'): void {
    if (!target.email) return;
    this.#writeEmail(target, { ...target.email, [which]: !target.email[which] });
  }

  /** MAIL-6: addresses are checked as typed; the valid ones are the draft's at once. */
  #onAddresses(target: Target, field: AddressField, event: Event): void {
    const email = target.email;
    if (!email) return;
    const text = (event.target as HTMLInputElement).value;
    const { valid, invalid } = parseAddresses(text);
    // A part still being typed (after the last comma) is not marked until the field is left.
    const last = text.split(/[,;\n]/).pop()?.trim() ?? '';
    const marked = invalid.filter((a) => a !== last);
    this.#typed = { ...this.#typed, [field]: text };
    this.#invalid = { ...this.#invalid, [field]: marked };
    this.#writeEmail(target, { ...email, [field]: valid });
    this.requestUpdate();
  }

  /** Leaving the field: every invalid part is marked, and new addresses outside the customer's domain are confirmed. */
  #commitAddresses(field: AddressField, event: Event): void {
    const target = this.#target();
    const email = target?.email;
    if (!target || !email) return;
    const text = (event.target as HTMLInputElement).value;
    const { valid, invalid } = parseAddresses(text);
    this.#invalid = { ...this.#invalid, [field]: invalid };
    if (invalid.length === 0) this.#typed = { ...this.#typed, [field]: undefined };
    this.requestUpdate();
    const config = target.media.email;
    if (!config.confirmOutsideDomain) return;
    const domains = [...config.trustedDomains, ...this.#customerDomains(target, email)];
    const outside = outsideDomains(valid, domains).filter((a) => !this.#confirmed.has(a.toLowerCase()));
    if (outside.length) this.#dialog = { kind: 'outside', field, addresses: outside };
  }

  /** Addresses confirmed once stay confirmed while the element lives. */
  #confirmed = new Set<string>();

  #customerDomains(target: Target, email: EmailDraft): string[] {
    const { email: replied } = this.#replied(target, email.repliedId);
    return [target.task.customer['email'] ?? '', replied.from]
      .map((a) => /@([^\s>]+)>?\s*$/.exec(a)?.[1] ?? '')
      .filter((d) => d !== '');
  }

  // -------------------------------------------------------------------------------------------------
  // Dialogs

  #answer(target: Target, yes: boolean): void {
    const d = this.#dialog;
    if (!d) return;
    const dialogEl = this.renderRoot.querySelector('dialog');
    if (d.kind === 'link' && yes) {
      const url = (this.renderRoot.querySelector<HTMLInputElement>('#link-url')?.value ?? '').trim();
      if (!LINK_OK.test(url)) {
        this.#dialog = { ...d, error: true };
        this.requestUpdate();
        return;
      }
      const quill = this.#editor?.quill;
      if (quill) {
        if (d.length > 0) quill.formatText(d.index, d.length, 'link', url, 'user');
        else quill.insertText(d.index, url, 'link', url, 'user');
      }
    }
    this.#dialog = undefined;
    dialogEl?.close();
    const email = target.email;
    if (d.kind === 'outside' && email) {
      if (yes) for (const a of d.addresses) this.#confirmed.add(a.toLowerCase());
      else {
        const drop = new Set(d.addresses.map((a) => a.toLowerCase()));
        this.#typed = { ...this.#typed, [d.field]: undefined };
        this.#writeEmail(target, { ...email, [d.field]: email[d.field].filter((a) => !drop.has(a.toLowerCase())) });
      }
    } else if (d.kind === 'template' && yes) this.#applyTemplate(target, d.template);
    else if (d.kind === 'delete' && yes) this.#discard(target);
    this.requestUpdate();
    if (d.kind !== 'outside' && d.kind !== 'delete') this.#editor?.quill.focus();
  }

  #askDelete(target: Target): void {
    const quill = this.#editor?.quill;
    const empty = (!quill || quill.getText().trim() === '') && (target.draft?.attachments.length ?? 0) === 0;
    if (empty) this.#discard(target);
    else {
      this.#dialog = { kind: 'delete' };
      this.requestUpdate();
    }
  }

  /** MAIL-10: Delete discards the reply (the draft goes). */
  #discard(target: Target): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#destroyEditor();
    this.#minimised = false;
    if (this.maximised) this.#toggleMaximise();
    this.activeStore?.setDraft(target.taskId, undefined);
  }

  #askLink = () => {
    const quill = this.#editor?.quill;
    if (!quill) return;
    const range = quill.getSelection(true);
    this.#dialog = { kind: 'link', index: range.index, length: range.length };
    this.requestUpdate();
  };

  // -------------------------------------------------------------------------------------------------
  // Toolbar actions

  #indent(by: '+1' | '-1'): void {
    const quill = this.#editor?.quill;
    if (!quill) return;
    quill.focus();
    quill.format('indent', by, 'user');
    this.#readFormats();
  }

  #tableModule(): { insertTable(r: number, c: number): void; insertRowBelow(): void; insertColumnRight(): void } | undefined {
    return this.#editor?.quill.getModule('table') as never;
  }

  #insertTable = () => {
    const quill = this.#editor?.quill;
    if (!quill) return;
    quill.focus();
    this.#tableModule()?.insertTable(3, 3);
    this.#readFormats();
  };

  #colour(value: string | false): void {
    const quill = this.#editor?.quill;
    this.#panel = undefined;
    if (quill) {
      quill.focus();
      quill.format('color', value, 'user');
    }
    this.#readFormats();
    this.requestUpdate();
  }

  #togglePanel(panel: Exclude<Panel, undefined>, retry = false): void {
    if (this.#panel === panel && !retry) {
      this.#closePanel();
      return;
    }
    this.#panel = panel;
    if (panel === 'templates') {
      const store = this.activeStore;
      const status = store?.state.catalogue.status;
      if (store && (status === 'idle' || status === 'failed')) store.loadCatalogue();
    }
    if (panel !== 'colour' && this.#panelModules.get(panel) !== 'ready') {
      this.#panelModules.set(panel, 'loading');
      const load =
        panel === 'emoji'
          ? import('../internal/emoji-panel.js')
          : panel === 'templates'
            ? import('../internal/template-picker.js')
            : import('../internal/workflow-dialog.js');
      load.then(
        () => this.#panelModules.set(panel, 'ready'),
        () => this.#panelModules.set(panel, 'failed'),
      ).finally(() => this.requestUpdate());
    }
    this.requestUpdate();
  }

  #closePanel = () => {
    const panel = this.#panel;
    this.#panel = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (panel === 'workflows') this.renderRoot.querySelector<HTMLElement>('[data-action="workflows"]')?.focus();
      else this.#editor?.quill.focus();
    });
  };

  #onEmoji = (event: CustomEvent<{ unicode: string }>) => {
    const quill = this.#editor?.quill;
    this.#panel = undefined;
    if (quill) {
      const range = quill.getSelection(true);
      quill.insertText(range.index, event.detail.unicode, 'user');
      quill.setSelection(range.index + event.detail.unicode.length, 0, 'silent');
    }
    this.requestUpdate();
  };

  /** MAIL-9: a template replaces the body, after confirmation when the body is not empty. */
  #onTemplate(template: Template): void {
    const target = this.#target();
    this.#panel = undefined;
    if (!target) return;
    const quill = this.#editor?.quill;
    if (quill && quill.getText().trim() !== '') this.#dialog = { kind: 'template', template };
    else this.#applyTemplate(target, template);
    this.requestUpdate();
  }

  #applyTemplate(target: Target, template: Template): void {
    const quill = this.#editor?.quill;
    if (!quill) return;
    const loaded = loadTemplate(template, {
      customer: target.task.customer,
      agent: { name: target.view.config.agent.name },
      queue: target.task.queue,
      media: this.inOwnLocale(() => mediaLabel(target.view.config, target.task.media)),
    });
    quill.setText(loaded.text, 'user');
    quill.setSelection(loaded.text.length, 0, 'silent');
    this.#flush();
  }

  #runWorkflow(target: Target, workflowId: string, params: Record<string, string>): Promise<void> {
    const store = this.activeStore;
    let run: Promise<void> | undefined;
    const event = new DcBeforeWorkflowEvent({ taskId: target.taskId, workflowId, params: { ...params } });
    this.intend(event, (d) => (run = store?.triggerWorkflow(d.taskId, d.workflowId, d.params)));
    return run ?? Promise.reject(new Error(this.inOwnLocale(() => msg('The workflow was not run.', { id: 'composer.workflow-vetoed' }))));
  }

  #toggleMinimise = () => {
    this.#flush();
    this.#minimised = !this.#minimised;
    if (this.#minimised) this.#destroyEditor();
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(this.#minimised ? '[data-action="restore"]' : '[data-action="minimise"]')?.focus(),
    );
  };

  #toggleMaximise = () => {
    this.maximised = !this.maximised;
    this.dispatchEvent(new DcEmailMaximiseEvent(this.maximised));
  };

  // -------------------------------------------------------------------------------------------------
  // Attachments and images

  #browse = () => this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();

  #onFiles = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.attach(files);
  };

  #onDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  };

  /** Files dropped outside the body are attachments; images dropped in the body are Quill's (inline). */
  #onDrop = (event: DragEvent) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length) return;
    if (event.composedPath().some((n) => n instanceof HTMLElement && n.classList.contains('ql-editor'))) return;
    event.preventDefault();
    void this.attach(files);
  };

  /** Ctrl+Enter (Cmd+Enter on Apple systems) in the body sends, as the email media's `sendKey` says. */
  #onEditorKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    this.#send();
  };

  /**
   * Attaches files (MAIL-8): the PCI rule first (a file whose name or text holds a card number is
   * refused and named), then the media's limits (the store's check).
   */
  async attach(files: readonly File[]): Promise<void> {
    const target = this.#target();
    const store = this.activeStore;
    if (!target || !store || !files.length) return;
    const notices: string[] = [];
    const passed: File[] = [];
    for (const file of files) {
      const text = isReadableText(file) && file.size < 1_000_000 ? await file.text().catch(() => undefined) : undefined;
      const violation = pciCheck({ name: file.name, text });
      if (violation) {
        const name = file.name;
        const last4 = violation.last4;
        notices.push(this.inOwnLocale(() => msg(str`${name} was removed: it holds a card number (ending ${last4}).`, { id: 'email-composer.pci' })));
      } else passed.push(file);
    }
    const check = passed.length ? await store.attach(target.taskId, passed) : { rejected: [] };
    for (const r of check.rejected) {
      const name = r.file.name;
      const reason = r.reason;
      notices.push(this.inOwnLocale(() => msg(str`${name} was not added (${reason}).`, { id: 'email-composer.refused' })));
    }
    this.#notices = notices;
    this.requestUpdate();
  }

  #retry = () => {
    this.#status = 'idle';
    const target = this.#target();
    if (target) this.#ensureEditor(target);
  };

  // -------------------------------------------------------------------------------------------------
  // Send

  #send(): string | undefined {
    this.#flush();
    const target = this.#target();
    const store = this.activeStore;
    const quill = this.#editor?.quill;
    const email = target?.email;
    if (!target || !store || !quill || !email || !this.#modules) return undefined;
    const invalid = Object.values(this.#invalid).some((list) => list && list.length > 0);
    const fail = (text: string) => {
      this.#sendError = text;
      this.requestUpdate();
      return undefined;
    };
    if (invalid) return fail(this.inOwnLocale(() => msg('Correct the addresses marked in red first.', { id: 'email-composer.fix-addresses' })));
    if (email.to.length === 0) return fail(this.inOwnLocale(() => msg('Add at least one address in To.', { id: 'email-composer.no-recipient' })));
    const text = quill.getText().replace(/\n$/, '');
    if (text.trim() === '' && !quill.root.querySelector('img, table')) {
      return fail(this.inOwnLocale(() => msg('The email is empty.', { id: 'email-composer.empty' })));
    }
    const { message } = this.#replied(target, email.repliedId);
    const outgoing: OutgoingEmail = {
      mode: email.mode,
      to: email.to,
      cc: email.ccShown ? email.cc : [],
      bcc: email.bccShown ? email.bcc : [],
      subject: email.subject,
      html: this.#modules.outbound.outboundHtml(quill.getSemanticHTML()),
      ...(message?.email?.messageId ? { inReplyTo: message.email.messageId } : {}),
    };
    const attachments = target.draft?.attachments ?? [];
    const before = new DcBeforeSendEvent({ taskId: target.taskId, media: target.media.id, text, attachments, email: outgoing });
    this.dispatchEvent(before);
    if (before.defaultPrevented) return undefined;
    const sent = { ...outgoing, html: this.#modules.outbound.outboundHtml(before.detail.email?.html ?? outgoing.html) };
    const clientId = store.send(target.taskId, { text: before.detail.text, attachments, email: sent });
    if (!clientId) return fail(this.inOwnLocale(() => msg('The email could not be sent.', { id: 'email-composer.not-sent' })));
    this.#sendError = undefined;
    this.#notices = [];
    this.#dropped = [];
    this.#destroyEditor();
    // The store clears the draft once the message is in the outbox.
    store.setDraft(target.taskId, undefined);
    this.dispatchEvent(new DcSendEvent({ taskId: target.taskId, clientId, text: before.detail.text, email: sent }));
    return clientId;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-email-composer': DcEmailComposer;
  }
}
