import { msg } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type Picker from 'emoji-picker-element/picker.js';
import type { EmojiClickEvent } from 'emoji-picker-element/shared.js';
import { emojiLanguage, loadEmojiSource, type EmojiLanguage, type EmojiSource } from '../../ui/emoji-data.js';
import { icon } from '../../ui/conversation-icons.js';
import { DcCloseEvent, DcPresentationalElement } from './presentational.js';
import { styles } from './emoji-panel.styles.js';

export { DcCloseEvent };

/** COMP-11: the agent chose an emoji; `unicode` is the character(s) to insert, skin tone applied. */
export class DcEmojiPickEvent extends Event {
  static readonly type = 'dc-emoji-pick';
  readonly detail: { readonly unicode: string };
  constructor(unicode: string) {
    super(DcEmojiPickEvent.type, { bubbles: true, composed: true });
    this.detail = { unicode };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dc-emoji-pick': DcEmojiPickEvent;
  }
}

/**
 * HOSTILE-31: fetches the picker and the data of `locale` ahead of the panel's first opening (the
 * composer does when the browser is idle after sign-in), so that the opening only draws. Loaded once per
 * page and language; a failure is forgotten, and the opening then loads them as it always did.
 */
export async function preloadEmoji(locale: string): Promise<void> {
  await Promise.all([import('emoji-picker-element/picker.js'), loadEmojiSource(locale)]);
}

type Status = 'idle' | 'loading' | 'ready' | 'failed';

let sheet: CSSStyleSheet | undefined;
/** What the kit adds to the picker's own styles, one sheet for every picker. */
function pickerSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(':host { color-scheme: inherit; } button { color: inherit; }');
  }
  return sheet;
}
const STATES: readonly Status[] = ['idle', 'loading', 'ready', 'failed'];

/**
 * The emoji picker of the compose area (COMP-11): emoji-picker-element with its data shipped in the kit
 * (see `src/ui/emoji-data.ts`), in French or English after the kit's language, in the kit's light or
 * dark colours. Nothing loads until the panel first opens; then the picker and the data of the current
 * language load on demand (a French page gets French names, search words and labels) and stay for the
 * page's life. Opening moves the focus to the picker's search field.
 *
 * Presentational: `open` in, events out. The element around it hides it when it fires `dc-close`.
 *
 * @summary An emoji picker whose data ships with the kit.
 *
 * @fires dc-emoji-pick - An emoji was chosen (click, or Enter in the search results); `detail.unicode`.
 * @fires dc-close - Escape was pressed in the panel.
 *
 * @csspart panel - The panel around the picker.
 * @csspart picker - The emoji-picker-element itself (its own CSS custom properties can be set on it).
 * @csspart status - The loading message.
 * @csspart error - The failure message, with Retry.
 *
 * @cssstate idle - Never opened: nothing loaded.
 * @cssstate loading - The picker or its data is loading.
 * @cssstate ready - The picker is on show.
 * @cssstate failed - The picker or its data could not load.
 *
 * @cssprop --dc-emoji-panel-height - The picker's height (22rem by default).
 * @cssprop --dc-emoji-panel-columns - Emoji per row (8 by default).
 */
@customElement('dc-emoji-panel')
export class DcEmojiPanel extends DcPresentationalElement {
  static override styles = [...DcPresentationalElement.styles, styles];

  /** Whether the panel is on show; the first opening loads the picker and its data. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private status: Status = 'idle';
  @state() private failure = '';

  #picker?: Picker;
  #language?: EmojiLanguage;
  /** Counts loads, so that a late answer for an older one is ignored. */
  #load = 0;
  #focusOnReady = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('open') && this.open) this.#focusOnReady = true;
    if (this.open && this.status !== 'loading' && this.status !== 'failed' && this.#language !== emojiLanguage(this.renderLocale)) {
      void this.#start();
    }
  }

  protected override render() {
    this.setStates(STATES, [this.status]);
    return html`<div class="panel" part="panel" @keydown=${this.#onKeydown}>
      ${this.status === 'loading'
        ? html`<p class="status" part="status" role="status">
            ${icon('loader-circle', 'icon spin')}<span>${msg('Loading emoji…', { id: 'emoji.loading' })}</span>
          </p>`
        : nothing}
      ${this.status === 'failed'
        ? html`<div class="alert" part="error" role="alert">
            ${icon('circle-alert')}
            <div>
              <p>${msg('The emoji could not be loaded.', { id: 'emoji.failed' })}</p>
              ${this.failure ? html`<p class="reason">${this.failure}</p>` : nothing}
              <button class="button" @click=${this.#retry}>${icon('refresh-cw')}<span>${msg('Retry', { id: 'emoji.retry' })}</span></button>
            </div>
          </div>`
        : nothing}
      ${this.#picker ?? nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.open && this.status === 'ready' && this.#focusOnReady) {
      this.#focusOnReady = false;
      this.#picker?.shadowRoot?.querySelector<HTMLInputElement>('input')?.focus();
    }
  }

  /** Loads the picker and the data of the current language, and puts the picker on show. */
  async #start(): Promise<void> {
    const load = ++this.#load;
    const language = emojiLanguage(this.renderLocale);
    this.#language = language;
    this.status = 'loading';
    try {
      const [{ default: PickerClass }, source] = await Promise.all([import('emoji-picker-element/picker.js'), loadEmojiSource(language)]);
      if (load !== this.#load) return;
      this.#picker = this.#create(PickerClass, source);
      this.status = 'ready';
    } catch (error) {
      if (load !== this.#load) return;
      this.#language = undefined;
      this.failure = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    }
  }

  #create(PickerClass: typeof Picker, source: EmojiSource): Picker {
    // Everything the picker fetches is given to its constructor: it never sees its CDN default.
    const picker = new PickerClass({
      dataSource: source.dataSource,
      locale: source.locale,
      ...(source.i18n ? { i18n: source.i18n } : {}),
    });
    picker.setAttribute('part', 'picker');
    // The page's colour scheme rather than the operating system's, and the kit's text colour on the
    // picker's buttons (emoji drawn as text glyphs stay legible in the dark theme). A constructed
    // style sheet, which a Content-Security-Policy without 'unsafe-inline' styles lets through.
    const root = picker.shadowRoot;
    if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, pickerSheet()];
    picker.addEventListener('emoji-click', this.#onEmojiClick);
    return picker;
  }

  #retry = () => {
    this.failure = '';
    this.#focusOnReady = true;
    void this.#start();
  };

  #onEmojiClick = (event: EmojiClickEvent) => {
    const unicode = event.detail.unicode;
    if (unicode) this.dispatchEvent(new DcEmojiPickEvent(unicode));
  };

  #onKeydown = (event: KeyboardEvent) => {
    // The picker handles Escape itself while its skin-tone list is open.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.dispatchEvent(new DcCloseEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-emoji-panel': DcEmojiPanel;
  }
}
