import { msg, str, getLocale } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { pickText } from '../../model/text.js';
import {
  prefillParams,
  validateField,
  validateWorkflowParams,
  type FieldError,
  type ParamType,
  type Workflow,
  type WorkflowParam,
} from '../../model/workflows.js';
import { dialogStyles } from '../../styles/dialog.js';
import { icon } from '../../ui/conversation-icons.js';
import { DcCloseEvent, DcPresentationalElement } from './presentational.js';
import { styles } from './workflow-dialog.styles.js';

export { DcCloseEvent };

/** COMP-10: a workflow ran; the dialog has closed. The server adds its audit announcement to the thread. */
export class DcWorkflowDoneEvent extends Event {
  static readonly type = 'dc-workflow-done';
  readonly detail: { readonly workflowId: string };
  constructor(workflowId: string) {
    super(DcWorkflowDoneEvent.type, { bubbles: true, composed: true });
    this.detail = { workflowId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dc-workflow-done': DcWorkflowDoneEvent;
  }
}

/** Runs a workflow: resolves when the server has run it, rejects with the reason it did not. */
export type WorkflowRunner = (workflowId: string, params: Record<string, string>) => Promise<void>;

const INPUT_TYPES: Readonly<Record<ParamType, 'text' | 'email' | 'tel' | 'number' | 'date'>> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  number: 'number',
  date: 'date',
};

/** What a refused value needs, in words (COMP-10). */
function errorText(error: FieldError, param: WorkflowParam): string {
  switch (error) {
    case 'required':
      return msg('Enter a value.', { id: 'workflows.error-required' });
    case 'email':
      return msg('Enter an email address, such as name@example.com.', { id: 'workflows.error-email' });
    case 'phone':
      return msg('Enter a phone number: 6 to 15 digits, with + in front if needed.', { id: 'workflows.error-phone' });
    case 'number':
      return msg('Enter a number.', { id: 'workflows.error-number' });
    case 'date':
      return msg('Enter a valid date.', { id: 'workflows.error-date' });
    case 'too-long': {
      const max = param.maxLength ?? 0;
      return msg(str`Use ${max} characters at most.`, { id: 'workflows.error-too-long' });
    }
  }
}

/**
 * The workflow dialog of the compose area (COMP-10): a modal `<dialog>` that lists the workflows (name
 * and description) to choose from. Choosing one (a click, Space, the arrows) shows its parameters at
 * once, under the list (HOSTILE-29): a field of the right type per parameter, required ones marked,
 * those the workflow fills from the customer (`fromCustomer`) filled from `customer`. What the agent
 * types is kept per workflow while the dialog is open. A field is checked when the agent leaves it
 * edited and again on Trigger, which runs the chosen workflow (the first refused field takes the
 * focus, each says what it needs). While the workflow runs, Trigger reads "Running…" and does nothing;
 * when it is done the dialog closes and fires `dc-workflow-done`; when it fails, the server's reason
 * shows and everything typed stays.
 *
 * The browser keeps the focus inside while it is open and gives it back to where it was when it closes.
 * Escape, Close and Cancel close it (`open` turns false) and fire `dc-close`.
 *
 * Presentational: properties in, events out; `run` does the work.
 *
 * @summary Choose a workflow, fill in its parameters, and trigger it.
 *
 * @fires dc-workflow-done - The workflow ran; `detail.workflowId`. The dialog has closed.
 * @fires dc-close - The agent closed the dialog (Escape, Close or Cancel).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart workflow - Each workflow in the list.
 * @csspart form - The chosen workflow's parameters.
 * @csspart error - A field's message, or the failure of a run.
 * @csspart trigger - The Trigger button.
 *
 * @cssstate running - A workflow is running.
 * @cssstate form - The chosen workflow has parameters, on show.
 * @cssstate failed - The last run failed.
 */
@customElement('dc-workflow-dialog')
export class DcWorkflowDialog extends DcPresentationalElement {
  static override styles = [...DcPresentationalElement.styles, dialogStyles, styles];

  /** The workflows to offer (the composer gives those for its media). */
  @property({ attribute: false }) workflows: readonly Workflow[] = [];
  /** The task's customer: parameters that name one of its fields start from its value (HOSTILE-29). */
  @property({ attribute: false }) customer: Readonly<Record<string, string>> = {};
  /** Whether the dialog is open (modal). The dialog sets it back to false when it closes. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Runs a workflow; its rejection's message is shown to the agent. */
  @property({ attribute: false }) run: WorkflowRunner = () =>
    Promise.reject(new Error(this.inOwnLocale(() => msg('Workflows cannot run here.', { id: 'workflows.no-runner' }))));

  @state() private selectedId?: string;
  /** What each workflow's fields hold, by workflow id then parameter name. */
  @state() private values: Readonly<Record<string, Readonly<Record<string, string>>>> = {};
  @state() private errors: Readonly<Record<string, FieldError>> = {};
  @state() private running = false;
  @state() private failure = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Fields the agent has typed in (workflow id and parameter name): leaving one checks it. */
  #edited = new Set<string>();
  /** Fields whose text the browser cannot read as a number or a date. */
  #unreadable = new Set<string>();
  #focusNext?: 'start' | 'invalid' | 'trigger';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('workflows') && this.selectedId && !this.#selected()) this.#reset();
  }

  protected override render() {
    const workflow = this.#selected();
    const form = workflow !== undefined && workflow.params.length > 0;
    this.setStates(['running', 'form', 'failed'], [
      this.running ? 'running' : undefined,
      form ? 'form' : undefined,
      this.failure ? 'failed' : undefined,
    ]);
    const locale = getLocale();
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <div class="header">
        <h2 id="title">${icon('workflow')}<span>${msg('Workflows', { id: 'workflows.title' })}</span></h2>
        <button class="close" aria-label=${msg('Close', { id: 'workflows.close' })} @click=${this.#dismiss}>${icon('x')}</button>
      </div>
      <form class="body" novalidate aria-labelledby="title" @submit=${this.#onSubmit}>
        ${this.#renderList(locale)} ${form ? this.#renderParams(workflow, locale) : nothing} ${this.#renderFailure()}
        <div class="actions">
          <button type="button" class="button" @click=${this.#dismiss}>${msg('Cancel', { id: 'workflows.cancel' })}</button>
          ${this.#renderTrigger(workflow === undefined)}
        </div>
      </form>
    </dialog>`;
  }

  #renderList(locale: string) {
    if (this.workflows.length === 0) {
      return html`<p class="empty">${msg('No workflow is configured for this channel.', { id: 'workflows.none' })}</p>`;
    }
    return html`<fieldset class="workflows">
      <legend class="visually-hidden">${msg('Choose a workflow', { id: 'workflows.choose' })}</legend>
      ${this.workflows.map((w, i) => {
        const description = pickText(w.description, locale);
        // A row, not a <label>: the parameters' labels are the form's only ones. A click anywhere on it chooses.
        return html`<div class="workflow" part="workflow" @click=${this.#onRowClick}>
          <input
            type="radio"
            name="workflow"
            .value=${w.id}
            .checked=${live(w.id === this.selectedId)}
            aria-labelledby=${`workflow-${i}`}
            aria-describedby=${description ? `description-${i}` : nothing}
            @change=${() => this.#choose(w.id)}
          />
          <span class="text">
            <span class="name" id=${`workflow-${i}`}>${pickText(w.name, locale)}</span>
            ${description ? html`<span class="description" id=${`description-${i}`}>${description}</span>` : nothing}
          </span>
        </div>`;
      })}
    </fieldset>`;
  }

  /** HOSTILE-29: the chosen workflow's parameters, under the list as soon as it is chosen. */
  #renderParams(workflow: Workflow, locale: string) {
    return html`<div class="params" part="form" role="group" aria-labelledby="form-title">
      <h3 id="form-title">${pickText(workflow.name, locale)}</h3>
      ${workflow.params.some((p) => p.required)
        ? html`<p class="hint">
            <span class="required" aria-hidden="true">*</span> ${msg('Required', { id: 'workflows.required' })}
          </p>`
        : nothing}
      ${workflow.params.map((p, i) => this.#renderField(workflow, p, i, locale))}
    </div>`;
  }

  #renderField(workflow: Workflow, param: WorkflowParam, index: number, locale: string) {
    const id = `param-${index}`;
    const error = this.errors[param.name];
    const value = this.values[workflow.id]?.[param.name] ?? '';
    return html`<div class="param">
      <label for=${id}
        >${pickText(param.label, locale)}${param.required
          ? html`<span class="required" aria-hidden="true"> *</span>`
          : nothing}</label
      >
      <input
        class="field"
        id=${id}
        name=${param.name}
        type=${INPUT_TYPES[param.type]}
        autocomplete="off"
        ?required=${param.required}
        maxlength=${ifDefined(param.maxLength)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${live(value)}
        @input=${this.#onInput}
        @blur=${this.#onBlur}
      />
      ${error
        ? html`<p class="error" part="error" id=${`${id}-error`}>${icon('circle-alert')}<span>${errorText(error, param)}</span></p>`
        : nothing}
    </div>`;
  }

  #renderTrigger(unavailable: boolean) {
    const busy = this.running || unavailable;
    return html`<button type="submit" class="button primary" part="trigger" aria-disabled=${busy ? 'true' : 'false'}>
      ${this.running
        ? html`${icon('loader-circle', 'icon spin')}<span>${msg('Running…', { id: 'workflows.running' })}</span>`
        : html`${icon('workflow')}<span>${msg('Trigger', { id: 'workflows.trigger' })}</span>`}
    </button>`;
  }

  #renderFailure() {
    return this.failure
      ? html`<div class="alert" part="error" role="alert">${icon('circle-alert')}<span>${this.failure}</span></div>`
      : nothing;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (this.open && !dialog.open && this.isConnected) {
      dialog.showModal();
      this.#focusNext = 'start';
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
    if (this.#focusNext && dialog.open) this.#moveFocus(this.#focusNext);
    this.#focusNext = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a document while `open`: the dialog opens again.
    if (this.hasUpdated && this.open) this.requestUpdate();
  }

  #moveFocus(where: 'start' | 'invalid' | 'trigger'): void {
    const root = this.renderRoot;
    const target =
      where === 'trigger'
        ? root.querySelector<HTMLElement>('[part~="trigger"]')
        : where === 'invalid'
          ? root.querySelector<HTMLElement>('[aria-invalid="true"]')
          : (root.querySelector<HTMLElement>('input[type="radio"]:checked') ??
            root.querySelector<HTMLElement>('input[type="radio"]') ??
            root.querySelector<HTMLElement>('.close'));
    target?.focus();
  }

  #selected(): Workflow | undefined {
    return this.workflows.find((w) => w.id === this.selectedId);
  }

  /** HOSTILE-29: the chosen workflow's fields show; the first time, filled from the customer where it says so. */
  #choose(id: string): void {
    if (this.running) {
      // The list follows the run's workflow until it is done.
      this.requestUpdate();
      return;
    }
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.failure = '';
    this.errors = {};
    const workflow = this.#selected();
    if (workflow && !Object.hasOwn(this.values, id)) this.values = { ...this.values, [id]: prefillParams(workflow, this.customer) };
  }

  /** A click on a workflow's row, its name or description, chooses it as a click on its radio does. */
  #onRowClick = (event: MouseEvent) => {
    const input = (event.currentTarget as HTMLElement).querySelector('input')!;
    if (event.target === input) return;
    input.click();
    input.focus();
  };

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const workflow = this.#selected();
    if (!workflow || this.running) return;
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('.params input')) this.#read(input);
    const errors = this.#validate(workflow);
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.#focusNext = 'invalid';
      return;
    }
    void this.#run(workflow, this.#params(workflow));
  };

  /** Every refused parameter (COMP-10). */
  #validate(workflow: Workflow): Record<string, FieldError> {
    const errors = validateWorkflowParams(workflow, this.values[workflow.id] ?? {});
    for (const p of workflow.params) {
      const unreadable = this.#unreadableError(p);
      if (unreadable) errors[p.name] = unreadable;
    }
    return errors;
  }

  /** A number or a date the browser cannot read (its value then reads as empty) is refused as such. */
  #unreadableError(param: WorkflowParam): FieldError | undefined {
    if (!this.#unreadable.has(this.#key(param.name))) return undefined;
    return param.type === 'date' ? 'date' : 'number';
  }

  /** The values to send: one per parameter, trimmed. */
  #params(workflow: Workflow): Record<string, string> {
    const values = this.values[workflow.id] ?? {};
    return Object.fromEntries(workflow.params.map((p) => [p.name, (values[p.name] ?? '').trim()]));
  }

  async #run(workflow: Workflow, params: Record<string, string>): Promise<void> {
    this.running = true;
    this.failure = '';
    try {
      await this.run(workflow.id, params);
    } catch (error) {
      this.running = false;
      this.failure =
        (error instanceof Error ? error.message : String(error)) ||
        this.inOwnLocale(() => msg('The workflow failed.', { id: 'workflows.failed' }));
      this.#focusNext = 'trigger';
      return;
    }
    this.running = false;
    this.open = false;
    this.#reset();
    this.dispatchEvent(new DcWorkflowDoneEvent(workflow.id));
  }

  #param(name: string): WorkflowParam | undefined {
    return this.#selected()?.params.find((p) => p.name === name);
  }

  /** A field's key among every workflow's fields: the chosen workflow's id and the parameter's name. */
  #key(name: string): string {
    return `${this.selectedId ?? ''}\n${name}`;
  }

  #onInput = (event: InputEvent) => {
    const input = event.target as HTMLInputElement;
    this.#edited.add(this.#key(input.name));
    this.#read(input);
    // A field that shows an error is checked again as the agent corrects it.
    if (this.errors[input.name]) this.#check(input.name);
  };

  #onBlur = (event: FocusEvent) => {
    const input = event.target as HTMLInputElement;
    // A field also blurs as it leaves the screen (another workflow, the dialog closing): nothing to check then.
    if (!this.open || !input.isConnected) return;
    this.#read(input);
    if (this.#edited.has(this.#key(input.name)) || this.errors[input.name]) this.#check(input.name);
  };

  #read(input: HTMLInputElement): void {
    const id = this.selectedId;
    if (id === undefined) return;
    const values = this.values[id] ?? {};
    if (values[input.name] !== input.value) this.values = { ...this.values, [id]: { ...values, [input.name]: input.value } };
    if (input.validity.badInput) this.#unreadable.add(this.#key(input.name));
    else this.#unreadable.delete(this.#key(input.name));
  }

  /** Checks one field (COMP-10) and shows or clears its message. */
  #check(name: string): void {
    const param = this.#param(name);
    if (!param) return;
    const error = this.#unreadableError(param) ?? validateField(this.values[this.selectedId ?? '']?.[name] ?? '', param.type, param);
    if (error === this.errors[name]) return;
    const { [name]: _, ...others } = this.errors;
    this.errors = error ? { ...others, [name]: error } : others;
  }

  /** Close and Cancel; they do nothing while a workflow runs: its result must still reach the agent. */
  #dismiss = () => {
    if (this.open && !this.running) this.#closedByAgent();
  };

  /** Escape, likewise, waits for the running workflow. */
  #onCancel = (event: Event) => {
    if (this.running) event.preventDefault();
  };

  /** The browser closed the dialog (Escape): `open` follows. */
  #onClose = () => {
    if (this.open) this.#closedByAgent();
  };

  #closedByAgent(): void {
    this.open = false;
    this.#reset();
    this.dispatchEvent(new DcCloseEvent());
  }

  #reset(): void {
    this.selectedId = undefined;
    this.values = {};
    this.errors = {};
    this.failure = '';
    this.#edited.clear();
    this.#unreadable.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-workflow-dialog': DcWorkflowDialog;
  }
}
