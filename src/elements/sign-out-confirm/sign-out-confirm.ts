import { msg, str } from '../../i18n/localization.js';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DcBeforeSignOutEvent } from '../../events/events.js';
import { mediaLabel } from '../../i18n/labels.js';
import type { DcConfig } from '../../model/config.js';
import { customerDisplayName, type Task } from '../../model/tasks.js';
import { shownText } from '../../model/text.js';
import type { SignOutRequest } from '../../store/state.js';
import { buttonStyles } from '../../styles/controls.js';
import { dialogStyles } from '../../styles/dialog.js';
import { icon, MEDIA_ICONS } from '../../ui/icons.js';
import { DcElement } from '../internal/dc-element.js';

interface ConfirmView {
  config: DcConfig;
  request: SignOutRequest | undefined;
  tasks: Readonly<Record<string, Task>>;
}

/**
 * STATE-8: the confirmation before signing out with held tasks. When the host asks the kit to sign out
 * (`store.signOut()`) while the agent holds tasks, this modal dialog lists them and says what happens
 * to them (`config.onSignOut`: transferred back to their queue, or closed; a task in wrap-up closes
 * with the reasons chosen, else the default). "Sign out" goes on; "Go back" (or Escape) keeps
 * everything as it is. Drawn in the top layer, so no container of the host's clips it.
 *
 * Put one in the page beside the kit's other elements (the desktop holds one).
 *
 * @summary "Sign out with these tasks?" confirmation.
 *
 * @fires dc-before-sign-out - Cancelable, before the sign-out goes on.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart task - One held task in the list.
 * @csspart confirm - The Sign out button.
 * @csspart cancel - The Go back button.
 *
 * @cssstate open - The confirmation is on show.
 */
@customElement('dc-sign-out-confirm')
export class DcSignOutConfirm extends DcElement {
  static override styles = [
    ...DcElement.styles,
    buttonStyles('button'),
    dialogStyles,
    css`
      :host {
        display: contents;
      }
      h2 {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin: 0 0 0.5rem;
        font-size: 1.1em;
      }
      p {
        margin: 0 0 0.5rem;
      }
      ul {
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.25rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.2rem 0.4rem;
        min-width: 0;
      }
      .media {
        color: var(--_dc-text-muted);
        white-space: nowrap;
      }
      bdi {
        min-width: 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .status {
        color: var(--_dc-text-muted);
        font-size: 0.9em;
      }
      .icon {
        flex: none;
        width: 1.1em;
        height: 1.1em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.5rem;
      }
      button:focus-visible {
        outline: 2px solid var(--_dc-focus);
        outline-offset: 1px;
      }
    `,
  ];

  #view = this.select<ConfirmView>((s, store) => ({ config: store.config, request: s.signOutRequest, tasks: s.tasks }));

  protected override render() {
    const view = this.#view.value;
    const request = view?.request;
    this.setStates(['open'], [request && 'open']);
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="what" @cancel=${this.#onCancel}>
      ${view && request ? this.#renderRequest(view, request) : nothing}
    </dialog>`;
  }

  #renderRequest(view: ConfirmView, request: SignOutRequest) {
    const tasks = request.taskIds.flatMap((id) => (Object.hasOwn(view.tasks, id) ? [view.tasks[id]!] : []));
    const count = tasks.length;
    return html`<h2 id="title">${icon('log-out')}<span>${msg('Sign out with tasks in progress?', { id: 'sign-out.title' })}</span></h2>
      <p id="what">
        ${request.disposition === 'transfer'
          ? msg(str`These ${count} tasks will be transferred back to their queue:`, { id: 'sign-out.transfer' })
          : msg(str`These ${count} tasks will be closed:`, { id: 'sign-out.close' })}
      </p>
      <ul>
        ${repeat(
          tasks,
          (t) => t.id,
          (t) => {
            const kind = view.config.media.find((m) => m.id === t.media)?.kind ?? 'chat';
            return html`<li part="task">
              ${icon(MEDIA_ICONS[kind])}<span class="media">${mediaLabel(view.config, t.media)}</span>
              <bdi>${shownText(customerDisplayName(view.config, t))}</bdi>
              ${t.status === 'wrap-up'
                ? html`<span class="status">${msg('(in wrap-up: closed with its reason)', { id: 'sign-out.in-wrap-up' })}</span>`
                : nothing}
            </li>`;
          },
        )}
      </ul>
      <div class="actions">
        <button part="cancel" @click=${this.#goBack}>${msg('Go back', { id: 'sign-out.cancel' })}</button>
        <button class="primary" part="confirm" @click=${this.#confirm}>${msg('Sign out', { id: 'sign-out.confirm' })}</button>
      </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    const request = this.#view.value?.request;
    if (!dialog) return;
    if (request && !dialog.open && this.isConnected) {
      dialog.showModal();
      // "Go back" first: nothing is lost by a stray Enter.
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="cancel"]')?.focus();
    } else if (!request && dialog.open) dialog.close();
  }

  #onCancel = (event: Event) => {
    event.preventDefault(); // the store's request decides whether it shows
    this.#goBack();
  };

  #goBack = () => this.activeStore?.confirmSignOut(false);

  #confirm = () => {
    const request = this.#view.value?.request;
    const store = this.activeStore;
    if (!request || !store) return;
    this.intend(new DcBeforeSignOutEvent({ taskIds: request.taskIds, disposition: request.disposition }), () => store.confirmSignOut(true));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-sign-out-confirm': DcSignOutConfirm;
  }
}
