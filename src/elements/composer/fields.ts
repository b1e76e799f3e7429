/**
 * Templates in the box (COMP-5..8): loading a picked template (after the agent confirms, when it would
 * replace their text), its bar (name, lock, parameters it could not fill, Remove), and Tab and
 * Shift+Tab between its replaceable fields. Parsing, substitution and the fields' ranges are the model's
 * (`src/model/templates.ts`); the draft rules are `draftWithTemplate` and `draftWithoutTemplate`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { getLocale, msg, str } from '../../i18n/localization.js';
import { mediaLabel } from '../../i18n/labels.js';
import { draftWithTemplate, draftWithoutTemplate } from '../../model/draft.js';
import { adjacentField, loadTemplate, replaceNeedsConfirmation, unfilledFields, type Template } from '../../model/templates.js';
import { pickText } from '../../model/text.js';
import { icon } from '../../ui/conversation-icons.js';
import type { ComposerParts, Writable } from './parts.js';
import { templateErrorText, unknownText } from './words.js';

export class TemplateFields {
  #parts: ComposerParts;
  /** A template picked while the box holds text: the agent is asked before it replaces the text. */
  #confirming: Template | undefined;

  constructor(parts: ComposerParts) {
    this.#parts = parts;
  }

  /** Forgets a pending confirmation (another task). */
  reset(): void {
    this.#confirming = undefined;
  }

  /**
   * The agent picked a template: from the Templates list it asks first when the box holds text; from
   * the `/` search (`inline`) the box only holds the search, which the template replaces.
   */
  pick(template: Template, inline: boolean): void {
    const target = this.#parts.writable();
    if (!target) return;
    if (!inline && replaceNeedsConfirmation(target.draft.text)) {
      this.#confirming = template;
      this.#parts.host.requestUpdate();
      void this.#parts.host.updateComplete.then(() =>
        this.#parts.host.renderRoot.querySelector<HTMLElement>('[data-confirm="replace"]')?.focus(),
      );
      return;
    }
    void this.#load(target, template);
  }

  /** COMP-7: Tab and Shift+Tab select the next or previous field; without one, Tab leaves the box. */
  tab(target: Writable, event: KeyboardEvent): boolean {
    const loaded = target.draft.template;
    const area = this.#parts.area();
    if (!loaded || !area || event.altKey || event.ctrlKey || event.metaKey) return false;
    const field = adjacentField(loaded, { start: area.selectionStart, end: area.selectionEnd }, event.shiftKey);
    if (!field) return false;
    event.preventDefault();
    area.setSelectionRange(field.start, field.end);
    this.#parts.readSelection();
    return true;
  }

  /** The loaded template: its name, its lock (COMP-6), unknown parameters (COMP-8), and Remove. */
  renderBar(target: Writable): TemplateResult | typeof nothing {
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
        <button class="link" @click=${this.#remove}>${msg('Remove template', { id: 'composer.remove-template' })}</button>
      </p>
      ${loaded.unknown.length ? html`<p class="template-note">${icon('info')}<span>${unknownText(loaded.unknown)}</span></p>` : nothing}
      ${loaded.error ? html`<p class="template-note">${icon('triangle-alert')}<span>${templateErrorText(loaded.error.index)}</span></p>` : nothing}
    </div>`;
  }

  /** "Replace the text in the box with the template …?", while the agent decides. */
  renderConfirm(): TemplateResult | typeof nothing {
    const template = this.#confirming;
    if (!template) return nothing;
    const name = pickText(template.name, getLocale());
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text" @keydown=${this.#onConfirmKeydown}>
      <p id="confirm-text">${msg(str`Replace the text in the box with the template “${name}”?`, { id: 'composer.confirm-replace' })}</p>
      <button class="primary" data-confirm="replace" @click=${this.#confirmReplace}>${msg('Replace', { id: 'composer.replace' })}</button>
      <button @click=${this.#cancelReplace}>${msg('Keep my text', { id: 'composer.keep-text' })}</button>
    </div>`;
  }

  #confirmReplace = () => {
    const template = this.#confirming;
    const target = this.#parts.writable();
    this.#confirming = undefined;
    this.#parts.host.requestUpdate();
    if (template && target) void this.#load(target, template);
  };

  #cancelReplace = () => {
    this.#confirming = undefined;
    this.#parts.host.requestUpdate();
    this.#parts.area()?.focus();
  };

  #onConfirmKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#cancelReplace();
  };

  #remove = () => {
    const target = this.#parts.writable();
    if (!target) return;
    this.#parts.setDraft(target, draftWithoutTemplate(target.draft));
    this.#parts.clearNotice();
    this.#parts.area()?.focus();
  };

  /** COMP-5, COMP-8: the template in the box, system parameters filled; COMP-7: its first unfilled field selected. */
  async #load(target: Writable, template: Template): Promise<void> {
    const { task, view } = target;
    const loaded = loadTemplate(template, {
      customer: task.customer,
      agent: { name: view.config.agent.name },
      queue: task.queue,
      media: this.#parts.inOwnLocale(() => mediaLabel(view.config, task.media)),
    });
    this.#parts.clearNotice();
    this.#parts.setDraft(target, draftWithTemplate(target.draft, loaded));
    await this.#parts.host.updateComplete;
    const area = this.#parts.area();
    if (!area) return;
    area.focus();
    const first = unfilledFields(loaded)[0];
    if (first) area.setSelectionRange(first.start, first.end);
    else area.setSelectionRange(loaded.text.length, loaded.text.length);
    this.#parts.readSelection();
  }
}
