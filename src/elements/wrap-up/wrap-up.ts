import { msg, str } from '../../i18n/localization.js';
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { TickerController } from '../../context/ticker.js';
import { DcBeforeWrapUpEvent } from '../../events/events.js';
import type { Task } from '../../model/tasks.js';
import { pickText } from '../../model/text.js';
import { formatDuration } from '../../model/time.js';
import {
  MAX_WRAP_UP_NOTE,
  closeBlock,
  closeOutcome,
  toggleReason,
  wrapUpRemaining,
  type WrapUpChoice,
  type WrapUpConfig,
} from '../../model/wrap-up.js';
import type { KitConnection, WrapUpSend } from '../../store/state.js';
import { icon } from '../../ui/icons.js';
import { DcElement } from '../internal/dc-element.js';
import { styles } from './wrap-up.styles.js';

/** The countdown turns urgent in its last seconds ("about to close by itself"). */
export const DUE_SECONDS = 10;

interface WrapUpView {
  task: Task | undefined;
  wrapUp: WrapUpConfig | undefined;
  choice: WrapUpChoice | undefined;
  send: WrapUpSend | undefined;
  connection: KitConnection;
}

/**
 * A task's wrap-up (END-2): the wrap-up reasons (one, or several when the media allows it; a chosen
 * one is green), the countdown beside Close, which stays disabled until a reason is chosen, and a
 * free-text note. At zero the task closes by itself with the chosen reasons (else the configured
 * default): the store sends them, so the choice counts even if the agent never presses Close. The
 * choice and the countdown survive a reload and a failover (they are kept in the store and derived
 * from the server's deadline).
 *
 * Shows nothing unless the task is in wrap-up. Without `task-id` it follows the selected task.
 *
 * @summary Wrap-up reasons, countdown, note and Close for a task in wrap-up.
 *
 * @fires dc-before-wrap-up - Cancelable, before Close sends the reasons and note (a host may change them).
 *
 * @csspart wrap-up - The whole section.
 * @csspart countdown - The time left before the task closes by itself.
 * @csspart close - The Close button.
 * @csspart reasons - The list of reasons.
 * @csspart reason - One reason's button (`aria-pressed` when chosen).
 * @csspart note - The note's text box.
 * @csspart error - Why the last Close was refused.
 *
 * @cssstate counting - A forced wrap-up's countdown is running.
 * @cssstate chosen - A reason is chosen: Close is enabled.
 * @cssstate due - The last ten seconds: the task is about to close by itself.
 * @cssstate closing - Close is on its way to the server.
 * @cssstate failed - The server refused the last Close.
 */
@customElement('dc-wrap-up')
export class DcWrapUp extends DcElement {
  static override styles = [...DcElement.styles, ...styles];

  /** The task to wrap up; the selected task when left out. */
  @property({ attribute: 'task-id' }) taskId?: string;

  #ticker = new TickerController(this);
  #view = this.select<WrapUpView>((s, store) => {
    const id = this.taskId ?? s.selectedTaskId;
    const task = id === undefined || !Object.hasOwn(s.tasks, id) ? undefined : s.tasks[id];
    return {
      task,
      wrapUp: task ? store.config.media.find((m) => m.id === task.media)?.wrapUp : undefined,
      choice: id !== undefined && Object.hasOwn(s.wrapUps, id) ? s.wrapUps[id] : undefined,
      send: id !== undefined && Object.hasOwn(s.wrapUpSends, id) ? s.wrapUpSends[id] : undefined,
      connection: s.connection,
    };
  });

  protected override render() {
    const view = this.#view.value;
    const task = view?.task;
    const wrapUp = view?.wrapUp;
    if (!view || !task || !wrapUp || task.status !== 'wrap-up') {
      this.setStates(['counting', 'chosen', 'due', 'closing', 'failed'], []);
      this.#ticker.active = false;
      return nothing;
    }
    const now = this.activeStore?.now() ?? Date.now();
    const left = wrapUpRemaining(task, now);
    const seconds = left === undefined ? undefined : Math.ceil(left / 1000);
    const blocked = closeBlock(wrapUp, view.choice);
    const closing = view.send?.status === 'sending';
    const online = view.connection === 'online';
    this.#ticker.active = left !== undefined && left > 0;
    this.setStates(
      ['counting', 'chosen', 'due', 'closing', 'failed'],
      [
        left !== undefined && 'counting',
        !blocked && 'chosen',
        seconds !== undefined && seconds <= DUE_SECONDS && 'due',
        closing && 'closing',
        view.send?.status === 'failed' && 'failed',
      ],
    );
    const chosen = view.choice?.reasons ?? [];
    const locale = this.renderLocale;
    const time = left === undefined ? '' : formatDuration(Math.ceil(left / 1000) * 1000);
    return html`<section class="wrap-up" part="wrap-up" aria-labelledby="title">
      <div class="head">
        <h3 id="title">${msg('Wrap-up reasons', { id: 'wrap-up.title' })}</h3>
        ${left === undefined
          ? nothing
          : html`<span class="countdown" part="countdown" role="timer" aria-label=${msg(str`Closes by itself in ${time}`, { id: 'wrap-up.countdown' })}
              >${icon('timer')}<span aria-hidden="true">${time}</span></span
            >`}
        <button
          class="primary"
          part="close"
          ?disabled=${!!blocked || closing || !online}
          aria-describedby=${blocked ? 'hint' : nothing}
          @click=${this.#close}
        >
          ${closing ? icon('loader-circle') : nothing}${msg('Close', { id: 'wrap-up.close' })}
        </button>
      </div>
      ${blocked
        ? html`<p class="hint" id="hint">
            ${wrapUp.multiple
              ? msg('Choose one or more reasons to close.', { id: 'wrap-up.hint-multiple' })
              : msg('Choose a reason to close.', { id: 'wrap-up.hint' })}
          </p>`
        : nothing}
      <ul class="reasons" part="reasons" aria-labelledby="title">
        ${repeat(
          wrapUp.reasons,
          (r) => r.id,
          (r) => {
            const on = chosen.includes(r.id);
            return html`<li>
              <button
                class="reason"
                part="reason"
                data-reason=${r.id}
                aria-pressed=${on ? 'true' : 'false'}
                ?disabled=${closing}
                @click=${() => this.#toggle(task.id, wrapUp, r.id)}
              >
                ${on ? icon('check') : nothing}<span>${pickText(r.label, locale)}</span>
              </button>
            </li>`;
          },
        )}
      </ul>
      ${wrapUp.note
        ? html`<label for="note">${msg('Note', { id: 'wrap-up.note' })}</label>
            <textarea
              id="note"
              part="note"
              maxlength=${MAX_WRAP_UP_NOTE}
              .value=${view.choice?.note ?? ''}
              ?disabled=${closing}
              @input=${(e: Event) => this.activeStore?.chooseWrapUp(task.id, { note: (e.target as HTMLTextAreaElement).value })}
            ></textarea>`
        : nothing}
      <p class="visually-hidden" aria-live="polite">
        ${seconds !== undefined && seconds <= DUE_SECONDS && seconds > 0
          ? msg(str`This task closes by itself in less than ${DUE_SECONDS} seconds.`, { id: 'wrap-up.due' })
          : nothing}
      </p>
      ${view.send?.status === 'failed'
        ? html`<p class="alert" part="error" role="alert">
            ${icon('circle-alert')}<span>${msg(str`The task could not be closed: ${view.send.reason}`, { id: 'wrap-up.failed' })}</span>
          </p>`
        : nothing}
    </section>`;
  }

  /** END-2: picks or unpicks a reason, from what the store holds now (two clicks before a render both count). */
  #toggle(taskId: string, wrapUp: WrapUpConfig, id: string): void {
    const store = this.activeStore;
    if (!store) return;
    const chosen = Object.hasOwn(store.state.wrapUps, taskId) ? store.state.wrapUps[taskId]!.reasons : [];
    store.chooseWrapUp(taskId, { reasons: toggleReason(wrapUp, chosen, id) });
  }

  /** END-2: Close: asks the host (`dc-before-wrap-up`), then sends the reasons and the note. */
  #close(): void {
    const view = this.#view.value;
    const store = this.activeStore;
    if (!view?.task || !view.wrapUp || !store) return;
    const { task, wrapUp } = view;
    const outcome = closeOutcome(wrapUp, view.choice);
    this.intend(
      new DcBeforeWrapUpEvent({ taskId: task.id, media: task.media, reasons: [...outcome.reasons], note: outcome.note ?? '' }),
      (detail) => {
        store.closeWrapUp(task.id, { reasons: [...detail.reasons], ...(detail.note ? { note: detail.note } : {}) });
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-wrap-up': DcWrapUp;
  }
}
