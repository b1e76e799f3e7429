/**
 * Social formatting in the composer (COMP-9, option `formatting`): the Bold, Italic and Strikethrough
 * buttons with their pressed state, their keys (the shortcut registry's `composer.bold`, `.italic`,
 * `.strike`), and the preview line. One style per character: the rule is `styleDraft` in the model.
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import { selectionStyle, type TextStyle } from '../../model/compose.js';
import { isDraftEditable, styleDraft, type Draft } from '../../model/draft.js';
import { STYLE_SHORTCUTS } from '../../model/shortcuts.js';
import type { ComposerKeys } from './keys.js';
import { previewContent } from './mirror.js';
import { offers, type ComposerParts, type Writable } from './parts.js';
import { styleGlyph, styleLabel } from './words.js';

const STYLES: readonly TextStyle[] = ['bold', 'italic', 'strike'];

export class Formatting {
  #parts: ComposerParts;
  #keys: ComposerKeys;
  /** The box's selection, for the style buttons' pressed state. */
  #selection = { start: 0, end: 0 };

  constructor(parts: ComposerParts, keys: ComposerKeys) {
    this.#parts = parts;
    this.#keys = keys;
  }

  /** Reads the box's selection; renders again only when it moved (typing moves it with the text). */
  readSelection(): void {
    const area = this.#parts.area();
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    if (start === this.#selection.start && end === this.#selection.end) return;
    this.#selection = { start, end };
    this.#parts.host.requestUpdate();
  }

  /** COMP-9: one style per selection; a new style replaces the old, the same one again removes it. */
  apply(style: TextStyle): void {
    const target = this.#parts.writable();
    const area = this.#parts.area();
    if (!target || !area) return;
    if (!isDraftEditable(target.draft)) {
      this.#parts.refuseLocked();
      return;
    }
    const { selectionStart: start, selectionEnd: end } = area;
    this.#parts.setDraft(target, styleDraft(target.draft, start, end, style));
    area.focus();
    area.setSelectionRange(start, end);
  }

  /** The style the selection has, which its button shows pressed. */
  pressed(target: Writable | undefined): TextStyle | undefined {
    return target ? selectionStyle(target.draft.spans, this.#selection.start, this.#selection.end) : undefined;
  }

  /** The style buttons, when the media offers formatting. */
  renderButtons(target: Writable | undefined): TemplateResult | typeof nothing {
    if (!offers(target?.media, 'formatting')) return nothing;
    const pressed = this.pressed(target);
    return html`<div class="group" role="group" aria-label=${msg('Formatting', { id: 'composer.formatting' })}>
      ${STYLES.map((style) => {
        const keys = this.#keys.keys(STYLE_SHORTCUTS[style]);
        const label = styleLabel(style);
        return html`<button
          class="icon-button style ${style}"
          aria-pressed=${pressed === style ? 'true' : 'false'}
          aria-label=${label}
          title=${keys.shown ? `${label} (${keys.shown})` : label}
          aria-keyshortcuts=${ifDefined(keys.aria ?? undefined)}
          data-style=${style}
          @pointerdown=${this.#keepFocus}
          @click=${() => this.apply(style)}
        >
          <span aria-hidden="true">${styleGlyph(style)}</span>
        </button>`;
      })}
    </div>`;
  }

  /** The formatted preview line, when the media offers formatting and some text is styled. */
  renderPreview(target: Writable): TemplateResult | typeof nothing {
    if (!offers(target.media, 'formatting')) return nothing;
    const draft: Draft = target.draft;
    const preview = previewContent(draft.text, draft.spans);
    if (preview === nothing) return nothing;
    return html`<p class="preview" part="preview"
      ><span class="preview-label">${msg('Preview:', { id: 'composer.preview' })}</span> ${preview}</p
    >`;
  }

  /** A click on a style button keeps the focus (and the selection) in the box. */
  #keepFocus = (event: PointerEvent) => {
    const area = this.#parts.area();
    if (area && this.#parts.host.shadowRoot?.activeElement === area) event.preventDefault();
  };
}
