/**
 * The desktop below 30rem of its own width (a CRM side panel): a list and a conversation, one at a
 * time, as mobile inboxes are. This controller knows whether the desktop is that narrow (a
 * ResizeObserver, so that the desktop's own width decides, not the window's) and which of the two is
 * in front; the desktop renders them and says when a task was opened or went away.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NARROW_REM } from './desktop.styles.js';

export class NarrowLayout implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #resize?: ResizeObserver;
  /** Below 30rem of the desktop's width. */
  #narrow = false;
  /** The agent went back to the list (Back, Escape, Ctrl+Alt+B), or the task on show went away. */
  #showList = false;
  /** The list takes the focus at the next update (Back, or the task on show ended with the focus in it). */
  #focusList = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get narrow(): boolean {
    return this.#narrow;
  }

  /** Whether the list is in front: narrow, and no task on show or the agent went back to the list. */
  listView(taskOnShow: boolean): boolean {
    return this.#narrow && (!taskOnShow || this.#showList);
  }

  /** Whether the list stands in front of the task on show, so that the agent does not see its messages. */
  hidesTask(taskOnShow: boolean): boolean {
    return this.#narrow && this.#showList && taskOnShow;
  }

  /** Back to the list; the selected task's row takes the focus once it is on show. */
  back(): void {
    this.#showList = true;
    this.#focusList = true;
    this.#host.requestUpdate();
  }

  /** The agent opened a task (the one on show, too): its conversation comes to the front. */
  opened = (): void => {
    if (!this.#showList) return;
    this.#showList = false;
    this.#host.requestUpdate();
  };

  /** The task on show went away (it ended): narrow, the list comes back, with the focus if it was in the window. */
  wentAway(focusWasInWindow: boolean): void {
    if (!this.#narrow || this.#showList) return;
    this.#showList = true;
    this.#focusList = focusWasInWindow;
  }

  /** Whether the list should take the focus now (asked once per update). */
  takeFocus(): boolean {
    const take = this.#focusList;
    this.#focusList = false;
    return take;
  }

  /** Escape in the conversation goes back to the list (narrow), unless a dialog or a pop-up takes it. */
  onConversationKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    if (!this.#narrow || this.#showList) return;
    const inOverlay = event
      .composedPath()
      .some((n) => n instanceof HTMLElement && (n.localName === 'dialog' || n.hasAttribute('popover')));
    if (inOverlay) return;
    event.preventDefault();
    this.back();
  };

  hostConnected(): void {
    if (typeof ResizeObserver !== 'function') return;
    this.#resize = new ResizeObserver(([entry]) => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const width = entry?.contentRect.width ?? 0;
      const narrow = width > 0 && width < NARROW_REM * rem;
      if (narrow === this.#narrow) return;
      this.#narrow = narrow;
      this.#host.requestUpdate();
    });
    this.#resize.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#resize = undefined;
  }
}
