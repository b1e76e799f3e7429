import { msg, str, getLocale } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { MediaKind } from '../../model/media.js';
import {
  ALL_TEMPLATES,
  filterTemplates,
  parseTemplate,
  templateGroups,
  type Template,
  type TemplateGroup,
} from '../../model/templates.js';
import { pickText } from '../../model/text.js';
import { icon } from '../../ui/conversation-icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { DcCloseEvent, DcPresentationalElement } from './presentational.js';
import { styles } from './template-picker.styles.js';
import { GroupsMenu } from './template-groups-menu.js';
import { topLayerStyles } from './top-layer.js';
import { scrollToIndex, virtualList, virtualizerOf } from './virtual-list.js';

export { DcCloseEvent };

const init = { bubbles: true, composed: true } as const;

/** COMP-5: the agent picked a template (click, Enter, or `pickActive()`); the composer loads it. */
export class DcTemplatePickEvent extends Event {
  static readonly type = 'dc-template-pick';
  readonly detail: { readonly template: Template };
  constructor(template: Template) {
    super(DcTemplatePickEvent.type, init);
    this.detail = { template };
  }
}

/** COMP-5: the catalogue failed to load and the agent pressed Retry. */
export class DcCatalogueRetryEvent extends Event {
  static readonly type = 'dc-catalogue-retry';
  constructor() {
    super(DcCatalogueRetryEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dc-template-pick': DcTemplatePickEvent;
    'dc-catalogue-retry': DcCatalogueRetryEvent;
  }
}

/** Where the templates come from: not asked yet, on the way, in, or refused. */
export type CatalogueStatus = 'idle' | 'loading' | 'loaded' | 'failed';

const STATES = ['loading', 'failed', 'empty'] as const;
const PREVIEW_LENGTH = 140;

/**
 * From this many templates listed on, the list is virtualised (HOSTILE-16): only the options near the
 * view are in the DOM, each with its place in the whole list (`aria-posinset`, `aria-setsize`). Below
 * it every option is rendered: a short list costs less than the virtualizer's measuring.
 */
export const VIRTUAL_FROM = 100;
/** An option's usual height (name and preview lines): the virtualizer's first estimate. */
const OPTION_HEIGHT = 52;
const GONE = html`<div class="option gone" aria-hidden="true"></div>`;

/** What the picker shows for its current properties. */
interface PickerView {
  /** The tabs after "All templates": the first groups, plus the one picked under More. */
  readonly tabs: readonly TemplateGroup[];
  /** Every group, behind More (empty when each has a tab). */
  readonly more: readonly TemplateGroup[];
  /** The selected group, or ALL_TEMPLATES. */
  readonly group: string;
  /** Whether templates can be listed (not loading, not failed). */
  readonly ready: boolean;
  readonly results: readonly Template[];
}

const optionId = (index: number) => `option-${index}`;

/** The tabs' element ids: "All templates" is `tab-0`, the groups follow. */
const tabId = (view: PickerView, group: string): string =>
  `tab-${group === ALL_TEMPLATES ? 0 : view.tabs.findIndex((g) => g.id === group) + 1}`;

/** Left, Right, Home and End move along the tabs (ARIA tabs pattern), as Up, Down, Home, End in a list. */
const TAB_KEYS: Readonly<Record<string, string>> = { ArrowLeft: 'ArrowUp', ArrowRight: 'ArrowDown', Home: 'Home', End: 'End' };

/**
 * A template body as a short line of text: parameters as the agent will see them once loaded (a
 * replaceable field shows its default or `[Label]`, a system parameter its name), white space folded.
 */
const previews = new WeakMap<Template, string>();
function preview(template: Template): string {
  let line = previews.get(template);
  if (line === undefined) previews.set(template, (line = previewOf(template.body)));
  return line;
}

function previewOf(body: string): string {
  const parsed = parseTemplate(body);
  const text = parsed.ok
    ? parsed.value.map((s) => (s.kind === 'text' ? s.text : s.kind === 'system' ? s.source : (s.default ?? `[${s.label}]`))).join('')
    : body;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}

/**
 * The template picker of the compose area (COMP-5, COMP-6). Tabs: "All templates" and the first
 * `maxTabs` groups that hold templates for the media; "More" opens a menu of every group, and a group
 * picked there gets a tab of its own. A search field filters the current tab by name, ignoring case and
 * accents. The templates are a listbox: Up and Down (from the search field too), Home and End move the
 * active template, Enter or a click picks it. Each shows its name, its group, the start of its text, and
 * a lock when it is locked (COMP-6). Escape fires `dc-close`.
 *
 * In `inline` mode (the composer's `/` search) there is no search field and no tab: the list shows every
 * template whose name matches `query`, and the composer's text box keeps the focus and forwards Up, Down
 * and Enter to `moveActive()` and `pickActive()`.
 *
 * Presentational: properties in, events out, no store.
 *
 * @summary Pick a message template: tabs of groups, More, search, and a keyboard-driven list.
 *
 * @fires dc-template-pick - A template was picked; `detail.template`.
 * @fires dc-close - Escape was pressed in the picker.
 * @fires dc-catalogue-retry - Retry was pressed after the catalogue failed to load.
 *
 * @csspart search - The search field.
 * @csspart tab - Each tab ("All templates" and the groups).
 * @csspart more - The More button.
 * @csspart menu - The menu of every group, under More.
 * @csspart menu-item - Each group in that menu.
 * @csspart list - The list of templates.
 * @csspart option - Each template.
 * @csspart lock - The lock of a locked template.
 * @csspart status - The loading message.
 * @csspart error - The failure message, with Retry.
 * @csspart retry - The Retry button.
 * @csspart empty - The message shown when no template matches.
 *
 * @cssstate loading - The catalogue is loading.
 * @cssstate failed - The catalogue failed to load.
 * @cssstate empty - No template to show.
 *
 * @cssprop --dc-template-picker-max-height - The list's height before it scrolls (18rem by default).
 */
@customElement('dc-template-picker')
export class DcTemplatePicker extends DcPresentationalElement {
  static override styles = [...DcPresentationalElement.styles, topLayerStyles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...DcPresentationalElement.shadowRootOptions, delegatesFocus: true };

  /** More and its menu of every group; a group picked there gets a tab and the focus. */
  #menu = new GroupsMenu(this, (group) => {
    this.group = group;
    this.#focusTab = true;
  });

  /** Every configured template; those for `media` are offered. */
  @property({ attribute: false }) templates: readonly Template[] = [];
  /** The configured groups, in order. */
  @property({ attribute: false }) groups: readonly TemplateGroup[] = [];
  /** The composer's kind of media: templates for other media are left out. */
  @property() media?: MediaKind;
  /** Where the catalogue is: `loading` and `failed` show as such. */
  @property() status: CatalogueStatus = 'loaded';
  /** Why the catalogue failed, when known (shown with Retry). */
  @property() reason = '';
  /** The search: what the search field holds, or in `inline` mode what follows the `/`. */
  @property() query = '';
  /** The composer's `/` search: no search field, no tab; the composer's text box keeps the focus. */
  @property({ type: Boolean, reflect: true }) inline = false;
  /** How many groups get a tab of their own before "More". */
  @property({ type: Number, attribute: 'max-tabs' }) maxTabs = 3;

  @state() private group = ALL_TEMPLATES;
  @state() private activeId?: string;

  @query('#list') private listEl?: HTMLElement;

  #revealActive = false;
  /** The active option is not rendered yet: reveal it again when the virtualizer renders its range. */
  #revealPending = false;
  #placedVirtualizer?: object;
  #memo?: { readonly inputs: readonly unknown[]; readonly view: PickerView };
  #focusTab = false;

  /**
   * Moves the active template one step down (1) or up (-1), stopping at the ends (Up and Down forwarded
   * from the composer's text box in `inline` mode).
   */
  moveActive(step: 1 | -1): void {
    const { results } = this.#view();
    if (results.length === 0) return;
    const index = results.indexOf(this.#activeOf(results)!);
    this.#setActive(results[Math.max(0, Math.min(results.length - 1, index + step))]!);
  }

  /** Picks the active template, as Enter does; false when there is none to pick. */
  pickActive(): boolean {
    const template = this.#activeOf(this.#view().results);
    if (!template) return false;
    this.dispatchEvent(new DcTemplatePickEvent(template));
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query') || changed.has('group' as keyof DcTemplatePicker)) this.activeId = undefined;
    // The More menu goes with the tabs (while loading, after a failure, in inline mode).
    if (this.inline || (this.status !== 'loaded' && this.status !== 'idle')) this.#menu.dismiss();
  }

  /**
   * The groups, the selected one and the templates on show, from the current properties: computed once
   * for each set of them (a render, a key and a click read the same view).
   */
  #view(): PickerView {
    const inputs = [this.templates, this.groups, this.media, this.status, this.query, this.group, this.inline, this.maxTabs, getLocale()];
    const memo = this.#memo;
    if (memo && memo.inputs.every((value, i) => value === inputs[i])) return memo.view;
    const view = this.#computeView();
    this.#memo = { inputs, view };
    return view;
  }

  #computeView(): PickerView {
    const media = this.#mediaFilter();
    const { tabs, more } = templateGroups(this.groups, this.templates, { ...media, max: this.maxTabs });
    const offered = more.length ? more : tabs;
    // A group that is gone (new catalogue, other media) gives way to "All templates".
    const group = !this.inline && offered.some((g) => g.id === this.group) ? this.group : ALL_TEMPLATES;
    const picked = tabs.some((g) => g.id === group) ? undefined : more.find((g) => g.id === group);
    const ready = this.status === 'loaded' || this.status === 'idle';
    const results = ready ? filterTemplates(this.templates, { query: this.query, group, locale: getLocale(), ...media }) : [];
    return { tabs: picked ? [...tabs, picked] : tabs, more, group, ready, results };
  }

  protected override render() {
    const locale = getLocale();
    const view = this.#view();
    this.setStates(STATES, [
      this.status === 'loading' ? 'loading' : undefined,
      this.status === 'failed' ? 'failed' : undefined,
      view.ready && view.results.length === 0 ? 'empty' : undefined,
    ]);
    const active = this.#activeOf(view.results);
    const activeOption = active ? optionId(view.results.indexOf(active)) : undefined;

    return html`<div class="picker" @keydown=${this.#onKeydown}>
      ${this.inline ? nothing : this.#renderSearch(activeOption, view.results.length > 0)}
      ${this.inline || !view.ready ? nothing : this.#renderGroups(view, locale)}
      ${this.status === 'loading' ? this.#renderLoading() : nothing}
      ${this.status === 'failed' ? this.#renderFailure() : nothing}
      ${view.ready ? this.#renderList(view, active, activeOption, locale) : nothing}
    </div>`;
  }

  #renderSearch(activeOption: string | undefined, expanded: boolean) {
    return html`<div class="search">
      ${icon('search')}
      <input
        class="field"
        part="search"
        type="search"
        role="combobox"
        aria-label=${msg('Search templates by name', { id: 'templates.search' })}
        aria-controls=${expanded ? 'list' : nothing}
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-autocomplete="list"
        aria-activedescendant=${activeOption ?? nothing}
        placeholder=${msg('Search templates', { id: 'templates.search-placeholder' })}
        autocomplete="off"
        spellcheck="false"
        .value=${live(this.query)}
        @input=${this.#onSearchInput}
        @keydown=${this.#onSearchKeydown}
      />
    </div>`;
  }

  #renderGroups(view: PickerView, locale: string) {
    const tab = (id: string, name: string) =>
      html`<button
        role="tab"
        part="tab"
        class="tab"
        id=${tabId(view, id)}
        data-group=${id}
        aria-selected=${id === view.group ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${id === view.group ? '0' : '-1'}
        @click=${() => this.#selectGroup(id)}
      >
        ${name}
      </button>`;
    return html`<div class="groups">
      <div class="tabs" role="tablist" aria-label=${msg('Template groups', { id: 'templates.groups' })} @keydown=${this.#onTabsKeydown}>
        ${tab(ALL_TEMPLATES, msg('All templates', { id: 'templates.all' }))}
        ${view.tabs.map((g) => tab(g.id, pickText(g.name, locale)))}
      </div>
      ${view.more.length ? this.#menu.render(view.more, view.group, locale) : nothing}
    </div>`;
  }

  #renderLoading() {
    return html`<p class="status" part="status" role="status">
      ${icon('loader-circle', 'icon spin')}<span>${msg('Loading templates…', { id: 'templates.loading' })}</span>
    </p>`;
  }

  #renderFailure() {
    return html`<div class="alert" part="error" role="alert">
      ${icon('circle-alert')}
      <div>
        <p>${msg('The templates could not be loaded.', { id: 'templates.failed' })}</p>
        ${this.reason ? html`<p class="reason">${this.reason}</p>` : nothing}
        <button class="button" part="retry" @click=${this.#retry}>
          ${icon('refresh-cw')}<span>${msg('Retry', { id: 'templates.retry' })}</span>
        </button>
      </div>
    </div>`;
  }

  #renderList(view: PickerView, active: Template | undefined, activeOption: string | undefined, locale: string) {
    const { results } = view;
    const names = new Map(this.groups.map((g) => [g.id, pickText(g.name, locale)]));
    const locked = msg('Locked', { id: 'templates.locked' });
    const virtual = results.length >= VIRTUAL_FROM;
    const option = (t: Template, i: number) => this.#renderOption(t, i, t === active, names.get(t.group), locked, locale, virtual ? results.length : 0);
    const list =
      results.length === 0
        ? html`<p class="empty" part="empty" role="status">${this.#emptyText()}</p>`
        : html`<div
            id="list"
            part="list"
            class="list"
            role="listbox"
            aria-label=${msg('Templates', { id: 'templates.list' })}
            tabindex="0"
            aria-activedescendant=${activeOption ?? nothing}
            @keydown=${this.#onListKeydown}
            @click=${this.#onListClick}
            @mousedown=${this.#onListMousedown}
          >
            ${virtual
              ? virtualList(results, { key: (t) => t.id, row: option, rowHeight: OPTION_HEIGHT, gone: GONE, onRange: this.#onRange })
              : results.map(option)}
          </div>`;
    // The tabs' panel: the list of the selected tab (a plain region in inline mode, where there is no tab).
    return this.inline
      ? list
      : html`<div id="panel" role="tabpanel" aria-labelledby=${tabId(view, view.group)}>${list}</div>`;
  }

  /** One template; `setSize` is the length of the whole list when it is virtualised, else 0. */
  #renderOption(
    t: Template,
    index: number,
    active: boolean,
    group: string | undefined,
    locked: string,
    locale: string,
    setSize: number,
  ): TemplateResult {
    const id = optionId(index);
    return html`<div
      role="option"
      part="option"
      class="option"
      id=${id}
      data-id=${t.id}
      aria-selected=${active ? 'true' : 'false'}
      aria-describedby=${`${id}-preview`}
      aria-setsize=${setSize || nothing}
      aria-posinset=${setSize ? index + 1 : nothing}
    >
      <span class="name"
        >${pickText(t.name, locale)}${t.locked
          ? html`<span class="lock" part="lock" title=${locked}>${icon('lock')}<span class="visually-hidden">, ${locked}</span></span>`
          : nothing}</span
      >
      ${group ? html`<span class="group"><span class="visually-hidden">, </span>${group}</span>` : nothing}
      <span class="preview" id=${`${id}-preview`}>${preview(t)}</span>
    </div>`;
  }

  #emptyText(): string {
    const query = this.query.trim();
    if (query) return msg(str`No template matches “${query}”.`, { id: 'templates.no-match' });
    return msg('No templates for this channel.', { id: 'templates.none' });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Lit fills a new template before it puts it in the page, so a virtualizer made for a new list looked
    // for the box that scrolls it while it had no parents: once it is in the page it looks again.
    const virtualizer = virtualizerOf(this.listEl?.querySelector<HTMLElement>('.rows'));
    if (virtualizer && virtualizer !== this.#placedVirtualizer) {
      this.#placedVirtualizer = virtualizer;
      virtualizer.disconnected();
      virtualizer.connected();
    }
    if (this.#focusTab) {
      this.#focusTab = false;
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    }
    if (this.#revealActive) {
      this.#revealActive = false;
      this.#reveal();
    }
  }

  #mediaFilter(): { media?: MediaKind } {
    return this.media ? { media: this.media } : {};
  }

  #activeOf(results: readonly Template[]): Template | undefined {
    return results.find((t) => t.id === this.activeId) ?? results[0];
  }

  #setActive(template: Template): void {
    this.activeId = template.id;
    this.#revealActive = true;
  }

  /**
   * Scrolls the list (and only the list) so that the active template is in view. In a virtualised list
   * the active option may not be rendered yet: the list scrolls to where it is, and once the
   * virtualizer has rendered that range (`rangeChanged`) the option is revealed exactly.
   */
  #reveal(): void {
    const list = this.listEl;
    if (!list) return;
    const option = list.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
    const rows = list.querySelector<HTMLElement>('.rows');
    if (!option) {
      const { results } = this.#view();
      const active = this.#activeOf(results);
      if (!rows || !active) return;
      this.#revealPending = true;
      scrollToIndex(list, rows, results.indexOf(active), results.length);
      return;
    }
    this.#revealPending = false;
    if (list.scrollHeight <= list.clientHeight) return;
    const box = list.getBoundingClientRect();
    const rect = option.getBoundingClientRect();
    const top = rect.top - box.top - list.clientTop + list.scrollTop;
    const bottom = top + rect.height;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  #onRange = () => {
    if (this.#revealPending) requestAnimationFrame(() => this.#revealPending && this.#reveal());
  };

  #selectGroup(id: string): void {
    this.group = id;
  }

  #retry = () => this.dispatchEvent(new DcCatalogueRetryEvent());

  #onSearchInput = (event: InputEvent) => {
    this.query = (event.target as HTMLInputElement).value;
  };

  /** Up, Down and Enter in the search field drive the list (the caret keeps Home and End). */
  #onSearchKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.moveActive(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.pickActive();
    }
  };

  #onListKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { results } = this.#view();
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.pickActive();
      return;
    }
    const active = this.#activeOf(results);
    const next = rovingIndex(event.key, active ? results.indexOf(active) : 0, results.length, false);
    if (next === undefined) return;
    event.preventDefault();
    this.#setActive(results[next]!);
  };

  #onListClick = (event: MouseEvent) => {
    const option = event
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.getAttribute('role') === 'option');
    const template = this.#view().results.find((t) => t.id === option?.dataset['id']);
    if (!template) return;
    this.activeId = template.id;
    this.dispatchEvent(new DcTemplatePickEvent(template));
  };

  /** In `inline` mode a click must not take the focus from the composer's text box. */
  #onListMousedown = (event: MouseEvent) => {
    if (this.inline) event.preventDefault();
  };

  /** Tabs follow the ARIA tabs pattern: Left and Right (and Home, End) move and select. */
  #onTabsKeydown = (event: KeyboardEvent) => {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const index = tabs.indexOf(event.target as HTMLElement);
    const key = TAB_KEYS[event.key];
    if (index < 0 || !key) return;
    const next = rovingIndex(key, index, tabs.length, true);
    if (next === undefined) return;
    event.preventDefault();
    this.#selectGroup(tabs[next]!.dataset['group']!);
    this.#focusTab = true;
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.inline) return;
    event.preventDefault();
    this.dispatchEvent(new DcCloseEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-template-picker': DcTemplatePicker;
  }
}
