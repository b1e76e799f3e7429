import { msg } from '../../i18n/localization.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { TemplateGroup } from '../../model/templates.js';
import { pickText } from '../../model/text.js';
import { icon } from '../../ui/conversation-icons.js';
import { rovingIndex } from '../../ui/roving.js';
import { TopLayer } from './top-layer.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The template picker's More button and its menu of every group (COMP-5): a menu button (Enter, Space,
 * Down opens on the checked or first group, Up on the last), the menu's items a radio group moved with
 * the arrow keys, Escape back to the button, Tab on from it. The menu opens in the top layer under its
 * button, so the picker's own box never clips it (HOSTILE-23). `pick` is told the group chosen.
 */
export class GroupsMenu implements ReactiveController {
  #open = false;
  #focus?: 'first' | 'last' | 'checked';

  constructor(
    private readonly host: Host,
    private readonly pick: (group: string) => void,
  ) {
    host.addController(this);
    new TopLayer(host, {
      popover: () => host.renderRoot.querySelector<HTMLElement>('#more-menu'),
      anchor: () => this.#button(),
      placement: 'bottom-end',
    });
  }

  get open(): boolean {
    return this.#open;
  }

  /** Closes the menu without a render of its own (the picker's `willUpdate` when the tabs go). */
  dismiss(): void {
    this.#open = false;
  }

  hostUpdated(): void {
    if (!this.#focus) return;
    const items = this.#items();
    const target =
      this.#focus === 'first'
        ? items[0]
        : this.#focus === 'last'
          ? items.at(-1)
          : (items.find((b) => b.getAttribute('aria-checked') === 'true') ?? items[0]);
    this.#focus = undefined;
    target?.focus();
  }

  hostDisconnected(): void {
    this.#open = false;
  }

  render(more: readonly TemplateGroup[], group: string, locale: string): TemplateResult {
    return html`<div class="more-wrap">
      <button
        class="more"
        part="more"
        aria-haspopup="menu"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="more-menu"
        @click=${() => this.#toggle('checked')}
        @keydown=${this.#onButtonKeydown}
      >
        <span>${msg('More', { id: 'templates.more' })}</span>${icon('chevron-down', 'icon chevron')}
      </button>
      ${this.#open
        ? html`<div
            class="menu"
            part="menu"
            id="more-menu"
            popover="manual"
            role="menu"
            aria-label=${msg('All template groups', { id: 'templates.all-groups' })}
            @keydown=${this.#onMenuKeydown}
            @focusout=${this.#onMenuFocusout}
          >
            ${more.map(
              (g) => html`<button
                role="menuitemradio"
                part="menu-item"
                class="menu-item"
                tabindex="-1"
                data-group=${g.id}
                aria-checked=${g.id === group ? 'true' : 'false'}
                @click=${() => this.#choose(g.id)}
              >
                ${icon('check', 'icon check')}<span>${pickText(g.name, locale)}</span>
              </button>`,
            )}
          </div>`
        : nothing}
    </div>`;
  }

  #button(): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector<HTMLButtonElement>('.more');
  }

  #items(): HTMLButtonElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]')];
  }

  #set(open: boolean): void {
    if (this.#open === open) return;
    this.#open = open;
    this.host.requestUpdate();
  }

  #toggle(focus: 'first' | 'last' | 'checked'): void {
    this.#set(!this.#open);
    if (this.#open) this.#focus = focus;
  }

  #close(focusButton: boolean): void {
    if (!this.#open) return;
    this.#set(false);
    if (focusButton) this.#button()?.focus();
  }

  #choose(group: string): void {
    this.#set(false);
    this.pick(group);
  }

  #onButtonKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.#open = false;
    this.#toggle(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  #onMenuKeydown = (event: KeyboardEvent) => {
    const items = this.#items();
    const index = items.indexOf(event.target as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#close(true);
      return;
    }
    if (event.key === 'Tab') {
      // Tab goes on from More, as from a menu button (the menu's items are not in the Tab order).
      this.#button()?.focus();
      this.#set(false);
      return;
    }
    const next = rovingIndex(event.key, index, items.length, true);
    if (next === undefined) return;
    event.preventDefault();
    items[next]!.focus();
  };

  #onMenuFocusout = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    const menu = event.currentTarget as HTMLElement;
    if (!next || (!menu.contains(next) && next !== this.#button())) this.#close(false);
  };
}
