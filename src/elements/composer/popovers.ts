/**
 * The composer's panels (COMP-5 templates, COMP-10 workflows, COMP-11 emoji): their toolbar buttons,
 * opening and closing (Escape, a click outside, the button again), where the focus goes, the `/` search
 * typed in an empty box, and their modules, which load on first use: while one loads its place shows
 * "Loading…", and when it fails, why, with Retry.
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import type { MediaKind } from '../../model/media.js';
import { opensSlashSearch, slashQuery, type Template } from '../../model/templates.js';
import { workflowsFor, type Workflow } from '../../model/workflows.js';
import { icon, type IconName } from '../../ui/conversation-icons.js';
import { TopLayer } from '../internal/top-layer.js';
import type { WorkflowRunner } from '../internal/workflow-dialog.js';
import { PanelModules, type Panel } from './lazy.js';
import { offers, focusButton, type ComposerParts, type Writable } from './parts.js';
import { panelFailedText, panelLoadingText } from './words.js';

/** The template list: closed, opened with the Templates button, or the `/` search under the box's text. */
type PickerMode = 'closed' | 'menu' | 'inline';

/** What the panels hand back to the composer. */
export interface PanelActions {
  pickTemplate(template: Template, inline: boolean): void;
  pickEmoji(unicode: string): void;
  readonly runWorkflow: WorkflowRunner;
}

export class Popovers implements ReactiveController {
  #parts: ComposerParts;
  #actions: PanelActions;
  #modules: PanelModules;
  #picker: PickerMode = 'closed';
  #emoji = false;
  #workflows = false;
  /** Escape closed the `/` search: it stays closed until the box is emptied. */
  #slashDismissed = false;
  #listening = false;
  /** The workflows for the media, kept while the catalogue and the media stay (a closed dialog then never renders again). */
  #workflowList: { source: readonly Workflow[]; kind: MediaKind; value: readonly Workflow[] } | undefined;

  constructor(parts: ComposerParts, actions: PanelActions) {
    this.#parts = parts;
    this.#actions = actions;
    this.#modules = new PanelModules(parts.host);
    parts.host.addController(this);
    // Each panel opens in the top layer, above the box (HOSTILE-23); the workflow dialog is a modal <dialog>.
    const root = () => parts.host.renderRoot;
    for (const panel of ['picker', 'emoji', 'workflows']) {
      new TopLayer(parts.host, {
        popover: () => root().querySelector<HTMLElement>(`.popover.${panel}`),
        anchor: () => root().querySelector('.box'),
        placement: 'top-start',
      });
    }
  }

  /** Resolves when the panel modules on their way have arrived (or failed); undefined when none is. */
  get settled(): Promise<void> | undefined {
    return this.#modules.settled;
  }

  /** What the toolbar's buttons show of the panels (which one is open): they render again when it changes. */
  get buttonsKey(): string {
    return `${this.#picker} ${this.#emoji}`;
  }

  /**
   * What the panels' render depends on besides the target's catalogue and media: which are open, their
   * modules, and the `/` search's query (the box's text, only while the search is open).
   */
  renderKey(target: Writable): string {
    const query = this.#picker === 'inline' ? target.draft.text : '';
    const modules = (['templates', 'emoji', 'workflows'] as const).map((p) => this.#modules.status(p) ?? '-').join(' ');
    return `${this.#picker} ${this.#emoji} ${this.#workflows} ${modules} ${query}`;
  }

  /** Everything closed (another task). */
  reset(): void {
    this.#picker = 'closed';
    this.#emoji = false;
    this.#workflows = false;
    this.#slashDismissed = false;
  }

  /** A message went: the `/` search may open again. */
  sent(): void {
    this.#slashDismissed = false;
  }

  /** The box was cleared: the template list closes. */
  cleared(): void {
    this.#setPicker('closed');
  }

  /** The `/` search belongs to the box: it closes when the focus leaves (a click in its list keeps the focus). */
  blurred(): void {
    if (this.#picker === 'inline') this.#setPicker('closed');
  }

  /** Keys the `/` search takes from the box: Up, Down, Enter and Escape. Returns whether it took this one. */
  inlineKey(event: KeyboardEvent): boolean {
    if (this.#picker !== 'inline' || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (!['ArrowDown', 'ArrowUp', 'Enter', 'Escape'].includes(event.key)) return false;
    event.preventDefault();
    if (event.key === 'Escape') {
      this.#slashDismissed = true;
      this.#setPicker('closed');
      return true;
    }
    // While the list is still loading these keys do nothing (Enter must not send "/query").
    const picker = this.#parts.host.renderRoot.querySelector('dc-template-picker');
    if (event.key === 'Enter') picker?.pickActive();
    else picker?.moveActive(event.key === 'ArrowDown' ? 1 : -1);
    return true;
  }

  /** COMP-5: `/` typed in an empty box opens the template search; the rest of the line is its query. */
  followSlash(target: Writable, before: string, after: string): void {
    if (after === '') {
      this.#slashDismissed = false;
      if (this.#picker === 'inline') this.#setPicker('closed');
      return;
    }
    if (this.#picker === 'inline') {
      if (slashQuery(after) === undefined) this.#setPicker('closed');
      return;
    }
    if (opensSlashSearch(before, after) && !this.#slashDismissed && this.#picker === 'closed' && offers(target.media, 'templates')) {
      this.#ensureCatalogue();
      this.#emoji = false;
      this.#setPicker('inline');
      this.#modules.ensure('templates');
    }
  }

  hostUpdated(): void {
    const listen = this.#picker !== 'closed' || this.#emoji || (this.#workflows && this.#modules.status('workflows') !== 'ready');
    if (listen === this.#listening) return;
    this.#listening = listen;
    if (listen) document.addEventListener('pointerdown', this.#onOutside, true);
    else document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  hostDisconnected(): void {
    this.#listening = false;
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  /** The Emoji, Templates and Workflows buttons, as the media offers them (COMP-2). */
  renderButtons(target: Writable | undefined): TemplateResult {
    const media = target?.media;
    // Templates and Workflows name themselves first, as soon as there is room; Emoji with the rest (HOSTILE-30).
    return html`${offers(media, 'emoji')
      ? this.#button('emoji', 'face-slightly-smiling', msg('Emoji', { id: 'composer.emoji' }), undefined, this.#emoji, this.#toggleEmoji, 'wide')
      : nothing}
    ${offers(media, 'templates')
      ? this.#button(
          'templates',
          'file-text',
          msg('Templates', { id: 'composer.templates' }),
          msg('Templates (or type / in an empty box)', { id: 'composer.templates-hint' }),
          this.#picker === 'menu',
          this.#toggleTemplates,
          'first',
        )
      : nothing}
    ${offers(media, 'workflows')
      ? this.#button('workflows', 'workflow', msg('Workflows', { id: 'composer.workflows' }), undefined, undefined, this.#openWorkflows, 'first')
      : nothing}`;
  }

  /** The open panels, or in their place their loading state or failure. */
  render(target: Writable): TemplateResult {
    const { view, media, draft } = target;
    const catalogue = view.catalogue;
    const inline = this.#picker === 'inline';
    const picker =
      this.#picker === 'closed'
        ? nothing
        : html`<div class="popover picker" popover="manual" @keydown=${this.#onPopoverKeydown}>
            ${this.#modules.status('templates') === 'ready'
              ? html`<dc-template-picker
                  .templates=${catalogue.value.templates}
                  .groups=${catalogue.value.templateGroups}
                  .media=${media.kind}
                  .status=${catalogue.status}
                  .reason=${catalogue.reason ?? ''}
                  .query=${inline ? (slashQuery(draft.text) ?? '') : ''}
                  .inline=${inline}
                  @dc-template-pick=${this.#onTemplatePick}
                  @dc-close=${this.#closePicker}
                  @dc-catalogue-retry=${() => this.#parts.store()?.loadCatalogue()}
                ></dc-template-picker>`
              : this.#renderModule('templates', inline)}
          </div>`;
    const emoji = this.#emoji
      ? html`<div class="popover emoji" popover="manual" @keydown=${this.#onPopoverKeydown}>
          ${this.#modules.status('emoji') === 'ready'
            ? html`<dc-emoji-panel .open=${true} @dc-emoji-pick=${this.#onEmojiPick} @dc-close=${this.#closeEmoji}></dc-emoji-panel>`
            : html`<div class="panel">${this.#renderModule('emoji', false)}</div>`}
        </div>`
      : nothing;
    // The dialog is modal; it stays in the page once it has loaded, closed, its properties unchanged
    // (the list is kept while the catalogue and the media stay), so typing never renders it.
    const ready = this.#modules.status('workflows') === 'ready';
    const workflows = !offers(media, 'workflows')
      ? nothing
      : ready
        ? html`<dc-workflow-dialog
            .workflows=${this.#workflowsFor(catalogue.value.workflows, media.kind)}
            .customer=${target.task.customer}
            .open=${this.#workflows}
            .run=${this.#actions.runWorkflow}
            @dc-workflow-done=${this.#closeWorkflows}
            @dc-close=${this.#closeWorkflows}
          ></dc-workflow-dialog>`
        : this.#workflows
          ? html`<div class="popover workflows" popover="manual" @keydown=${this.#onPopoverKeydown}>
              <div class="panel">${this.#renderModule('workflows', false)}</div>
            </div>`
          : nothing;
    return html`${picker}${emoji}${workflows}`;
  }

  /** A panel whose module is on its way, or failed (with Retry). */
  #renderModule(panel: Panel, inline: boolean): TemplateResult {
    if (this.#modules.status(panel) === 'failed') {
      return html`<div class="panel-status failed" part="panel-status" role="alert">
        <p>${icon('circle-alert')}<span>${panelFailedText(panel)}</span></p>
        <button class="secondary" data-retry=${panel} @pointerdown=${inline ? this.#keepFocus : nothing} @click=${() => this.#retry(panel)}>
          ${icon('refresh-cw')}<span>${msg('Retry', { id: 'composer.retry' })}</span>
        </button>
      </div>`;
    }
    return html`<p class="panel-status" part="panel-status" role="status" tabindex="-1" data-panel=${panel}>
      ${icon('loader-circle')}<span>${panelLoadingText(panel)}</span>
    </p>`;
  }

  /**
   * A toolbar button that opens a panel; `expanded` when it tracks one. Its name shows beside its icon
   * where the composer has room (`labelled`: `first` from a middling width, `wide` from a wide one).
   */
  #button(
    action: string,
    name: IconName,
    label: string,
    title: string | undefined,
    expanded: boolean | undefined,
    onClick: () => void,
    labelled: 'first' | 'wide',
  ): TemplateResult {
    return html`<button
      class="icon-button"
      data-action=${action}
      data-label=${labelled}
      aria-label=${label}
      title=${title ?? label}
      aria-haspopup="dialog"
      aria-expanded=${ifDefined(expanded === undefined ? undefined : expanded ? 'true' : 'false')}
      @click=${onClick}
    >
      ${icon(name)}<span class="label">${label}</span>
    </button>`;
  }

  #workflowsFor(source: readonly Workflow[], kind: MediaKind): readonly Workflow[] {
    const kept = this.#workflowList;
    if (kept && kept.source === source && kept.kind === kind) return kept.value;
    const value = workflowsFor(source, kind);
    this.#workflowList = { source, kind, value };
    return value;
  }

  // -------------------------------------------------------------------------------------------------
  // Opening and closing

  #update(): void {
    this.#parts.host.requestUpdate();
  }

  #setPicker(mode: PickerMode): void {
    if (mode === this.#picker) return;
    this.#picker = mode;
    this.#update();
  }

  #ensureCatalogue(): void {
    const store = this.#parts.store();
    const status = store?.state.catalogue.status;
    if (store && (status === 'idle' || status === 'failed')) store.loadCatalogue();
  }

  /** Whether the panel is open (a load may settle after the agent closed it). */
  #isOpen(panel: Panel): boolean {
    return panel === 'templates' ? this.#picker !== 'closed' : panel === 'emoji' ? this.#emoji : this.#workflows;
  }

  /**
   * Where the focus goes while the panel's module loads and once it has: to the panel's place while it
   * loads (so Escape there closes it; the `/` search keeps it in the box), then into the panel, or to
   * Retry when the load failed.
   */
  async #follow(panel: Panel, focusPanel: () => void): Promise<void> {
    const inline = panel === 'templates' && this.#picker === 'inline';
    if (this.#modules.status(panel) === 'loading' && !inline) {
      await this.#parts.rendered();
      if (this.#isOpen(panel)) this.#parts.host.renderRoot.querySelector<HTMLElement>(`[data-panel="${panel}"]`)?.focus();
    }
    await this.#parts.host.updateComplete;
    if (!this.#isOpen(panel)) return;
    const status = this.#modules.status(panel);
    if (status === 'ready') focusPanel();
    else if (status === 'failed') this.#parts.host.renderRoot.querySelector<HTMLElement>(`[data-retry="${panel}"]`)?.focus();
  }

  #focusPicker = () => {
    if (this.#picker === 'inline') this.#parts.area()?.focus();
    else this.#parts.host.renderRoot.querySelector('dc-template-picker')?.focus();
  };

  #retry(panel: Panel): void {
    this.#modules.ensure(panel);
    // The emoji panel and the (modal) workflow dialog take the focus themselves when they open.
    void this.#follow(panel, panel === 'templates' ? this.#focusPicker : () => undefined);
  }

  #toggleTemplates = () => {
    if (this.#picker === 'menu') {
      this.#closePicker();
      return;
    }
    this.#ensureCatalogue();
    this.#emoji = false;
    this.#setPicker('menu');
    this.#modules.ensure('templates');
    void this.#follow('templates', this.#focusPicker);
  };

  #closePicker = () => {
    const was = this.#picker;
    this.#setPicker('closed');
    if (was === 'inline') {
      this.#slashDismissed = true;
      this.#parts.area()?.focus();
    } else {
      void focusButton(this.#parts, 'templates');
    }
  };

  #onTemplatePick = (event: Event) => {
    const template = (event as CustomEvent<{ template: Template }>).detail.template;
    const inline = this.#picker === 'inline';
    this.#setPicker('closed');
    this.#actions.pickTemplate(template, inline);
  };

  #toggleEmoji = () => {
    if (this.#emoji) {
      this.#closeEmoji();
      return;
    }
    this.#setPicker('closed');
    this.#emoji = true;
    this.#update();
    this.#modules.ensure('emoji');
    void this.#follow('emoji', () => undefined);
  };

  #closeEmoji = () => {
    this.#emoji = false;
    this.#update();
    void focusButton(this.#parts, 'emoji');
  };

  #onEmojiPick = (event: Event) => {
    const { unicode } = (event as CustomEvent<{ unicode: string }>).detail;
    this.#emoji = false;
    this.#update();
    this.#actions.pickEmoji(unicode);
  };

  #openWorkflows = () => {
    this.#ensureCatalogue();
    this.#setPicker('closed');
    this.#emoji = false;
    this.#workflows = true;
    this.#update();
    this.#modules.ensure('workflows');
    void this.#follow('workflows', () => undefined);
  };

  #closeWorkflows = () => {
    this.#workflows = false;
    this.#update();
    void focusButton(this.#parts, 'workflows');
  };

  /** Escape in a panel closes it (when the panel itself did not). */
  #onPopoverKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (this.#emoji) this.#closeEmoji();
    else if (this.#picker !== 'closed') this.#closePicker();
    else if (this.#workflows) this.#closeWorkflows();
  };

  #onOutside = (event: Event) => {
    if (event.composedPath().includes(this.#parts.host)) return;
    if (this.#picker !== 'closed') this.#setPicker('closed');
    if (this.#emoji) this.#emoji = false;
    if (this.#workflows && this.#modules.status('workflows') !== 'ready') this.#workflows = false;
    this.#update();
  };

  /** A click on Retry under the `/` search keeps the focus (and the search) in the box. */
  #keepFocus = (event: PointerEvent) => event.preventDefault();
}
