import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import pencil from 'lucide/dist/esm/icons/pencil.mjs';
import { ShortcutController } from '../../context/shortcuts.js';
import { TickerController } from '../../context/ticker.js';
import { DcBeforeEndEvent, DcBeforeSaveEvent } from '../../events/events.js';
import { fieldLabel, keyNames } from '../../i18n/labels.js';
import { getLocale, msg, str } from '../../i18n/localization.js';
import type { CustomerFieldConfig, DcConfig } from '../../model/config.js';
import {
  changedFields,
  detailFields,
  MAX_VISIBLE_FIELDS,
  validateCustomerField,
  type CustomerFieldError,
  type DetailField,
} from '../../model/customer.js';
import { formatKeyCombo } from '../../model/shortcuts.js';
import { customerDisplayName, isHeld, taskDuration, type Task, type TaskPause } from '../../model/tasks.js';
import { pickText, shownText } from '../../model/text.js';
import { formatDuration } from '../../model/time.js';
import { own } from '../../store/records.js';
import type { CustomerSave } from '../../store/state.js';
import { icon, renderIcon } from '../../ui/icons.js';
import { DcElement } from '../internal/dc-element.js';
import { styles } from './customer-details.styles.js';
// The header's Transfer and, during a wrap-up, the reasons in End's place (CUST-1, END-2).
import '../transfer/transfer.js';
import '../wrap-up/wrap-up.js';
import { fieldErrorText, saveText } from './words.js';

interface DetailsView {
  readonly config: DcConfig;
  readonly task: Task | undefined;
  readonly edits: Readonly<Record<string, string>> | undefined;
  readonly save: CustomerSave | undefined;
  readonly pause: TaskPause | undefined;
  readonly online: boolean;
}

/** What the agent was doing when the "Unsaved changes" dialog asked (CUST-4). */
type Pending = { readonly kind: 'end'; readonly task: Task } | { readonly kind: 'transfer'; readonly menu: Element | null };

const INPUT_TYPES: Readonly<Record<Exclude<CustomerFieldConfig['type'], 'choice'>, 'text' | 'email' | 'tel' | 'date'>> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  number: 'text',
  date: 'date',
};

/** Whether an element is the transfer menu (`<dc-transfer-menu>`, with its public `show()`). */
const isTransferMenu = (node: EventTarget): node is Element & { show?: () => void } =>
  node instanceof Element && node.localName === 'dc-transfer-menu';

/**
 * The customer details of a task (CUST-1…4): the customer's name (or the media's display field), the
 * task timer, Transfer and End at the top; then the fields, at most ten on show before they scroll.
 * Editable fields (per configuration) show a shade and an edit icon under the pointer; what the agent
 * types is checked as they type, against the field's type (text, email, phone, number, date, choice),
 * `required` and `maxLength`, with the reason under the field. Edits are kept in the store per task and
 * field (they survive a task switch, a reload and a failover: FAIL-3) until Save sends them through
 * the backend (a message at the bottom left says how it went) or Cancel restores the saved values.
 *
 * With unsaved edits, End, or a `dc-transfer-open` from inside (the transfer menu about to open), opens
 * the "Unsaved changes" dialog: Continue without saving goes on (End runs through `dc-before-end`, the
 * transfer menu opens), Go back returns to the fields. Continuing keeps the edits: they leave with the
 * task, or stay to be saved when the task stays (a wrap-up).
 *
 * The details collapse to their header and expand again with the header's button or the
 * `details.toggle` shortcut (Ctrl+Alt+8). A host's own content (a CRM record) goes in the default slot,
 * under the fields. While the task is in wrap-up, `<dc-wrap-up>` shows under the header in End's place.
 *
 * @summary A task's customer: name, timer, Transfer and End, the fields, editable per configuration.
 *
 * @fires dc-before-save - Cancelable: Save was clicked; `detail.fields` holds what will be sent. `preventDefault()` refuses it, `detail.reason` says why.
 * @fires dc-before-end - Cancelable: End was clicked (after the Unsaved changes dialog, if any).
 *
 * @slot - Host content under the fields (a CRM record).
 *
 * @csspart header - The top: toggle, name, timer, Transfer and End.
 * @csspart toggle - The collapse/expand button.
 * @csspart name - The customer's name.
 * @csspart timer - The task timer.
 * @csspart end - The End button.
 * @csspart fields - The list of fields (it scrolls beyond ten).
 * @csspart field - One field; `field editable` when the agent may edit it.
 * @csspart error - Why a value is refused.
 * @csspart footer - The message and Save/Cancel, at the bottom.
 * @csspart message - The outcome of the last Save, bottom left.
 * @csspart save - The Save button.
 * @csspart cancel - The Cancel button.
 * @csspart dialog - The "Unsaved changes" dialog.
 *
 * @cssprop --dc-details-field-hover - The shade of an editable field under the pointer.
 *
 * @cssstate empty - No task to show.
 * @cssstate collapsed - Collapsed to the header.
 * @cssstate unsaved - The task has edits that change something.
 * @cssstate invalid - An edited value is refused.
 * @cssstate saving - A Save is on its way.
 * @cssstate failed - The last Save failed (or the host refused it).
 * @cssstate saved - The last Save went through.
 * @cssstate scrolls - More than ten fields: the list scrolls.
 */
@customElement('dc-customer-details')
export class DcCustomerDetails extends DcElement {
  static override styles = [...DcElement.styles, ...styles];

  /** The task to show; the selected task when absent. */
  @property({ attribute: 'task-id' }) taskId?: string;
  /** Collapsed to the header (CUST-2). */
  @property({ type: Boolean, reflect: true }) collapsed = false;

  /** What the host refused at `dc-before-save`, by task ('' without a reason). */
  @state() private vetoes: Readonly<Record<string, string>> = {};
  /** Fields whose text the browser cannot read as a date (a date typed in part), by task then field. */
  @state() private unreadable: ReadonlySet<string> = new Set();
  @state() private pending?: Pending;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.fields') private fieldsElement?: HTMLElement;
  @query('[part~="toggle"]') private toggleButton?: HTMLButtonElement;

  #ticker = new TickerController(this);
  #view = this.select<DetailsView>((s, store) => {
    const id = this.taskId ?? s.selectedTaskId;
    const task = id === undefined ? undefined : own(s.tasks, id);
    const held = task && isHeld(task) ? task : undefined;
    return {
      config: store.config,
      task: held,
      edits: held ? own(s.customerEdits, held.id) : undefined,
      save: held ? own(s.customerSaves, held.id) : undefined,
      pause: held ? own(s.pauses, held.id) : undefined,
      online: s.connection === 'online',
    };
  });
  /** While true, a `dc-transfer-open` goes through (the agent chose to continue without saving). */
  #letTransferOpen = false;
  #focusAfter?: 'first-field' | 'toggle';

  constructor() {
    super();
    new ShortcutController(this, 'details.toggle', () => this.toggle());
  }

  /** CUST-2: collapses or expands the details. */
  toggle(): void {
    this.collapsed = !this.collapsed;
  }

  protected override render(): TemplateResult {
    const view = this.#view.value;
    const task = view?.task;
    this.#ticker.active = task !== undefined;
    if (!view || !task) {
      this.setStates(STATES, ['empty']);
      return html`<p class="empty" part="empty">${msg('No task selected', { id: 'details.empty' })}</p>`;
    }
    const { config, edits, save } = view;
    const fields = detailFields(config, task);
    const changed = changedFields(task, edits);
    const unsaved = Object.keys(changed).length > 0;
    const errors = this.#errors(fields, task, edits);
    const invalid = Object.keys(errors).length > 0;
    const veto = Object.hasOwn(this.vetoes, task.id) ? this.vetoes[task.id] : undefined;
    const scrolls = fields.length > MAX_VISIBLE_FIELDS;
    this.setStates(STATES, [
      this.collapsed && 'collapsed',
      unsaved && 'unsaved',
      invalid && 'invalid',
      save?.status === 'saving' && 'saving',
      (save?.status === 'failed' || veto !== undefined) && 'failed',
      save?.status === 'saved' && veto === undefined && 'saved',
      scrolls && 'scrolls',
    ]);
    const message = saveText(save, veto);
    const saving = save?.status === 'saving';
    return html`<section class="root" aria-labelledby="name" @dc-transfer-open=${this.#onTransferOpen}>
      ${this.#renderHeader(view, task)}
      ${task.status === 'wrap-up' ? html`<dc-wrap-up task-id=${task.id}></dc-wrap-up>` : nothing}
      <div id="body" class="body" ?hidden=${this.collapsed}>
        <div
          class="fields"
          part="fields"
          role="group"
          aria-label=${msg('Customer fields', { id: 'details.fields' })}
          tabindex=${ifDefined(scrolls ? 0 : undefined)}
        >
          ${fields.map((f, i) => this.#renderField(config, task, f, i, edits, errors))}
        </div>
        <slot></slot>
        <div class="footer" part="footer">
          <p class="message ${save?.status === 'failed' || veto !== undefined ? 'failed' : ''}" part="message" role="status">
            ${message ? html`${icon(save?.status === 'saved' && veto === undefined ? 'circle-check' : save?.status === 'saving' ? 'loader-circle' : 'circle-alert')}<span>${message}</span>` : nothing}
          </p>
          ${unsaved || saving
            ? html`<div class="buttons">
                <button part="cancel" class="cancel" ?disabled=${saving} @click=${() => this.#cancel(task)}>
                  ${msg('Cancel', { id: 'details.cancel' })}
                </button>
                <button
                  part="save"
                  class="primary save"
                  ?disabled=${saving || invalid || !view.online}
                  title=${ifDefined(view.online ? undefined : msg('Not connected: save when the connection is back.', { id: 'details.save-offline' }))}
                  @click=${() => this.#save(task)}
                >
                  ${saving ? msg('Saving…', { id: 'details.saving' }) : msg('Save', { id: 'details.save' })}
                </button>
              </div>`
            : nothing}
        </div>
      </div>
      ${this.#renderDialog(config, changed)}
    </section>`;
  }

  #renderHeader(view: DetailsView, task: Task): TemplateResult {
    const keys = this.shortcuts?.keysFor('details.toggle');
    const title = this.collapsed
      ? msg('Expand customer details', { id: 'details.expand' })
      : msg('Collapse customer details', { id: 'details.collapse' });
    const duration = formatDuration(taskDuration(task, this.activeStore!.now(), view.pause));
    return html`<div class="header" part="header">
      <button
        class="toggle icon-button"
        part="toggle"
        aria-expanded=${this.collapsed ? 'false' : 'true'}
        aria-controls="body"
        aria-label=${title}
        title=${keys ? `${title} (${formatKeyCombo(keys, keyNames(), this.shortcuts?.apple)})` : title}
        aria-keyshortcuts=${keys ? keys.replace(/Ctrl/g, 'Control') : nothing}
        @click=${this.#onToggleClick}
      >
        ${icon(this.collapsed ? 'chevron-down' : 'chevron-up')}
      </button>
      <h2 id="name" class="name" part="name"><bdi>${shownText(customerDisplayName(view.config, task))}</bdi></h2>
      <span class="timer" part="timer"
        >${icon('timer')}<span class="visually-hidden">${msg('Task duration', { id: 'details.duration' })}</span
        ><span class="duration">${duration}</span>${view.pause?.since !== undefined
          ? html`<span class="paused">${msg('(paused)', { id: 'details.paused' })}</span>`
          : nothing}</span
      >
      <div class="actions">
        <dc-transfer-menu task-id=${task.id}></dc-transfer-menu>
        ${task.status === 'wrap-up'
          ? nothing
          : html`<button part="end" class="end" ?disabled=${!view.online} @click=${() => this.#onEnd(task)}>
              ${icon('circle-stop')}<span>${msg('End', { id: 'details.end' })}</span>
            </button>`}
      </div>
    </div>`;
  }

  #renderField(
    config: DcConfig,
    task: Task,
    field: DetailField,
    i: number,
    edits: Readonly<Record<string, string>> | undefined,
    errors: Readonly<Record<string, CustomerFieldError>>,
  ): TemplateResult {
    const label = fieldLabel(config, field.name);
    if (!field.editable || !field.config) {
      return html`<div class="field" part="field" data-field=${field.name}>
        <span class="label" id=${`l${i}`}>${label}</span>
        <span class="value" aria-labelledby=${`l${i}`}><bdi>${shownText(field.value)}</bdi></span>
      </div>`;
    }
    const value = edits && Object.hasOwn(edits, field.name) ? edits[field.name]! : field.value;
    const error = Object.hasOwn(errors, field.name) ? errors[field.name] : undefined;
    const edited = edits !== undefined && Object.hasOwn(edits, field.name);
    const describedBy = error ? `e${i}` : nothing;
    const control =
      field.config.type === 'choice'
        ? this.#renderChoice(field, field.config, value, i, error !== undefined, task)
        : html`<input
            id=${`f${i}`}
            type=${INPUT_TYPES[field.config.type]}
            inputmode=${field.config.type === 'number' ? 'decimal' : nothing}
            autocomplete="off"
            spellcheck="false"
            .value=${live(value)}
            ?required=${field.config.required === true}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => this.#onInput(task, field.name, e.target as HTMLInputElement)}
          />`;
    return html`<div class="field editable ${edited ? 'edited' : ''}" part="field editable" data-field=${field.name}>
      <label class="label" for=${`f${i}`}>${label}</label>
      <div class="control">${control}<span class="edit-icon">${renderIcon(pencil, 'pencil')}</span></div>
      ${error ? html`<p class="error" part="error" id=${`e${i}`}>${icon('circle-alert')}<span>${fieldErrorText(error, field.config)}</span></p>` : nothing}
    </div>`;
  }

  #renderChoice(field: DetailField, config: CustomerFieldConfig, value: string, i: number, invalid: boolean, task: Task): TemplateResult {
    const options = config.options ?? [];
    const locale = getLocale();
    // A value the server holds that is not among the options still shows, as it came (never lost).
    const foreign = value !== '' && !options.some((o) => o.value === value);
    return html`<select
      id=${`f${i}`}
      ?required=${config.required === true}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? `e${i}` : nothing}
      @change=${(e: Event) => this.#onInput(task, field.name, e.target as HTMLSelectElement)}
    >
      <option value="" ?selected=${value === ''}>${msg('(none)', { id: 'details.choice-none' })}</option>
      ${foreign ? html`<option .value=${value} selected>${shownText(value)}</option>` : nothing}
      ${options.map((o) => html`<option .value=${o.value} ?selected=${o.value === value}>${pickText(o.label, locale)}</option>`)}
    </select>`;
  }

  #renderDialog(config: DcConfig, changed: Readonly<Record<string, string>>): TemplateResult {
    const names = new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(
      Object.keys(changed).map((n) => fieldLabel(config, n)),
    );
    const transfer = this.pending?.kind === 'transfer';
    return html`<dialog part="dialog" aria-labelledby="unsaved-title" aria-describedby="unsaved-text" @close=${this.#onDialogClose}>
      <h2 id="unsaved-title">${icon('triangle-alert')}<span>${msg('Unsaved changes', { id: 'details.unsaved-title' })}</span></h2>
      <p id="unsaved-text">
        ${transfer
          ? msg(str`You changed ${names} and did not save. Transfer without saving?`, { id: 'details.unsaved-transfer' })
          : msg(str`You changed ${names} and did not save. End without saving?`, { id: 'details.unsaved-end' })}
      </p>
      <div class="dialog-buttons">
        <button class="back" autofocus @click=${() => this.dialog?.close('back')}>
          ${msg('Go back', { id: 'details.go-back' })}
        </button>
        <button class="primary continue" @click=${() => this.dialog?.close('continue')}>
          ${msg('Continue without saving', { id: 'details.continue' })}
        </button>
      </div>
    </dialog>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#fitFields();
    if (this.pending && this.dialog && !this.dialog.open) this.dialog.showModal();
    const focus = this.#focusAfter;
    this.#focusAfter = undefined;
    if (focus === 'toggle') this.toggleButton?.focus();
    else if (focus === 'first-field') this.renderRoot.querySelector<HTMLElement>('.field.editable input, .field.editable select')?.focus();
  }

  /** CUST-1: ten fields on show, the rest a scroll away (the eleventh starts where the list is cut). */
  #fitFields(): void {
    const list = this.fieldsElement;
    if (!list) return;
    const rows = list.querySelectorAll<HTMLElement>('[part~="field"]');
    if (rows.length <= MAX_VISIBLE_FIELDS) {
      list.style.removeProperty('max-height');
      return;
    }
    // Measured from the boxes (fractional), not offsetTop (rounded), so the tenth is never cut short.
    const style = getComputedStyle(list);
    const padding = style.boxSizing === 'border-box' ? parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) : 0;
    const height = rows[MAX_VISIBLE_FIELDS]!.getBoundingClientRect().top - rows[0]!.getBoundingClientRect().top;
    if (height > 0) list.style.maxHeight = `${Math.ceil(height + padding)}px`;
  }

  /** The refusals to show: a value the agent typed that does not check out (never a saved one). */
  #errors(fields: readonly DetailField[], task: Task, edits: Readonly<Record<string, string>> | undefined) {
    const errors: Record<string, CustomerFieldError> = Object.create(null) as Record<string, CustomerFieldError>;
    for (const f of fields) {
      if (!f.config || !f.editable) continue;
      if (this.unreadable.has(`${task.id}\n${f.name}`)) {
        errors[f.name] = 'date';
        continue;
      }
      if (!edits || !Object.hasOwn(edits, f.name)) continue;
      const error = validateCustomerField(edits[f.name]!, f.config);
      if (error) errors[f.name] = error;
    }
    return errors;
  }

  #onToggleClick = (): void => {
    this.toggle();
    this.#focusAfter = 'toggle';
  };

  #onInput(task: Task, name: string, control: HTMLInputElement | HTMLSelectElement): void {
    const key = `${task.id}\n${name}`;
    const unreadable = control instanceof HTMLInputElement && control.validity.badInput;
    if (unreadable !== this.unreadable.has(key)) {
      const next = new Set(this.unreadable);
      if (unreadable) next.add(key);
      else next.delete(key);
      this.unreadable = next;
    }
    this.#clearVeto(task.id);
    if (!unreadable) this.activeStore?.editCustomer(task.id, name, control.value);
  }

  #clearVeto(taskId: string): void {
    if (!Object.hasOwn(this.vetoes, taskId)) return;
    const { [taskId]: _gone, ...rest } = this.vetoes;
    this.vetoes = rest;
  }

  #cancel(task: Task): void {
    this.#clearVeto(task.id);
    const prefix = `${task.id}\n`;
    if ([...this.unreadable].some((k) => k.startsWith(prefix))) this.unreadable = new Set([...this.unreadable].filter((k) => !k.startsWith(prefix)));
    this.activeStore?.discardCustomerEdits(task.id);
    this.#focusAfter = 'first-field';
  }

  /** CUST-3: asks the host (`dc-before-save`), then saves; the message at the bottom left says how it went. */
  #save(task: Task): void {
    const store = this.activeStore;
    if (!store) return;
    const fields = changedFields(task, own(store.state.customerEdits, task.id));
    const detail: DcBeforeSaveEvent['detail'] = { taskId: task.id, media: task.media, fields: { ...fields } };
    this.#clearVeto(task.id);
    const saved = this.intend(new DcBeforeSaveEvent(detail), (d) => {
      store.saveCustomer(d.taskId).then(
        () => {
          this.#focusAfter = 'first-field';
          this.requestUpdate();
        },
        () => {}, // the store holds the reason; the message shows it
      );
    });
    if (!saved) this.vetoes = { ...this.vetoes, [task.id]: typeof detail.reason === 'string' ? detail.reason : '' };
  }

  #onEnd(task: Task): void {
    const edits = own(this.activeStore?.state.customerEdits ?? {}, task.id);
    if (Object.keys(changedFields(task, edits)).length) this.pending = { kind: 'end', task };
    else this.#end(task);
  }

  /** END-1: asks the host (`dc-before-end`), then ends the task. */
  #end(task: Task): void {
    const store = this.activeStore;
    if (store) this.intend(new DcBeforeEndEvent({ taskId: task.id, media: task.media }), (d) => store.end(d.taskId));
  }

  /** CUST-4: the transfer menu is about to open; with unsaved edits, the dialog asks first. */
  #onTransferOpen = (event: Event): void => {
    if (this.#letTransferOpen || event.defaultPrevented) return;
    const view = this.#view.value;
    const task = view?.task;
    if (!task || Object.keys(changedFields(task, view.edits)).length === 0) return;
    event.preventDefault();
    const menu = event.composedPath().find(isTransferMenu) ?? this.renderRoot.querySelector('dc-transfer-menu');
    this.pending = { kind: 'transfer', menu };
  };

  #onDialogClose = (): void => {
    const pending = this.pending;
    const choice = this.dialog?.returnValue;
    if (this.dialog) this.dialog.returnValue = '';
    this.pending = undefined;
    if (!pending || choice !== 'continue') return;
    if (pending.kind === 'end') {
      this.#end(pending.task);
      return;
    }
    const menu = pending.menu as (Element & { show?: () => void }) | null;
    this.#letTransferOpen = true;
    try {
      menu?.show?.();
    } finally {
      this.#letTransferOpen = false;
    }
  };
}

const STATES = ['empty', 'collapsed', 'unsaved', 'invalid', 'saving', 'failed', 'saved', 'scrolls'] as const;

declare global {
  interface HTMLElementTagNameMap {
    'dc-customer-details': DcCustomerDetails;
  }
}
