import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import { getLocale, inLocale } from '../../i18n/localization.js';
import type { DcConfig } from '../../model/config.js';
import type { Draft } from '../../model/draft.js';
import { DEFAULT_EMAIL_CONFIG, type EmailConfig } from '../../model/email.js';
import { arrivedEmails, ccDraft, emailRows, newestEmail, replyDraft, type EmailRow } from '../../model/email-thread.js';
import type { ReplyMode } from '../../model/reply-mode.js';
import { customerDisplayName, type Message, type Task } from '../../model/tasks.js';
import { shownText } from '../../model/text.js';
import { buttonStyles } from '../../styles/controls.js';
import { DcElement } from '../internal/dc-element.js';
import { virtualList } from '../internal/virtual-list.js';
import './email-frame.js';
import type { DcEmailImagesEvent, DcEmailQuotedEvent } from './email-frame.js';
import { styles } from './email-thread.styles.js';
import { emailIcon } from './icons.js';
import { GONE, renderEmailRow, type EmailRowContext } from './rows.js';
import { allowedSenders, rememberSender } from './senders.js';
import * as words from './words.js';

interface EmailThreadView {
  readonly config: DcConfig;
  readonly task: Task | undefined;
  readonly messages: readonly Message[] | undefined;
  readonly draft: Draft | undefined;
}

const STATES = ['empty', 'new-email', 'pci'] as const;

/**
 * The emails of a task (MAIL-1..4, MAIL-8), newest first: each with its sender, recipients, Cc, time
 * and state (Sent, Received, DR, Sending…, Failed), announcements between them. Older emails are
 * collapsed to one line (sender and the start of the text), the newest is open; a click, Enter or
 * Space opens or closes one. An email's quoted history is folded behind an ellipsis button. HTML
 * emails show in a sandboxed frame (`dc-email-frame`: no script, no form, the email's CSS kept inside,
 * remote images held back until the agent loads them, for this email or always for its sender);
 * plain-text emails show as text, links made safe. Attachments are listed under their email, each to
 * view (a new tab) or download; inline images are not listed again; files the PCI check refused are
 * greyed, and selecting one says why in a banner at the thread's bottom edge (above the compose box).
 *
 * Reply, Reply all, Forward and Cc on an email start the reply (or switch the one under way) through
 * the task's draft: the email composer shows it. A customer email that arrives while the agent is
 * replying shows a banner at the bottom ("New email: show all messages to act") and is highlighted at
 * the top; new customer emails are read out politely by screen readers.
 *
 * The list is virtualised: a thread of many emails keeps only those near the view in the DOM.
 *
 * @summary A task's emails: headers, state, HTML in a sandboxed frame, attachments, Reply / Reply all / Forward.
 *
 * @csspart header - The bar with the subject and the customer.
 * @csspart subject - The thread's subject.
 * @csspart log - The scrolling list of emails.
 * @csspart email - An email (also `fresh` for one that just arrived).
 * @csspart toggle - The button that opens or closes an email.
 * @csspart headers - An open email's From, To, Cc and state.
 * @csspart state - An email's state.
 * @csspart body - An open email's text or frame.
 * @csspart quoted - The ellipsis button of a quoted history.
 * @csspart attachments - The list of an email's attachments.
 * @csspart attachment - One attachment (also `pci-blocked`).
 * @csspart actions - Reply, Reply all, Forward and Cc.
 * @csspart announcement - An announcement between the emails.
 * @csspart banner - A banner at the bottom edge (also `new-email-banner`, `pci-banner`).
 * @csspart empty - Shown when there is no task to show.
 *
 * @cssstate empty - No task to show.
 * @cssstate new-email - The new-email banner shows.
 * @cssstate pci - The PCI reason banner shows.
 *
 * @cssprop --dc-email-fresh-bg - A newly arrived email's background (the info surface by default).
 * @cssprop --dc-email-fresh-border - Its border (the accent colour by default).
 */
@customElement('dc-email-thread')
export class DcEmailThread extends DcElement {
  static override styles = [...DcElement.styles, buttonStyles('button'), buttonStyles('.button'), styles];

  /** The task to show; the selected task when left out. */
  @property({ attribute: 'task-id' }) taskId?: string;

  #view = this.select<EmailThreadView>((s, store) => {
    const id = this.taskId ?? s.selectedTaskId;
    return {
      config: store.config,
      task: id === undefined ? undefined : s.tasks[id],
      messages: id === undefined ? undefined : s.messages[id],
      draft: id === undefined ? undefined : s.drafts[id],
    };
  });

  #shown?: string;
  #rows: { from?: readonly Message[] | undefined; rows: EmailRow[] } = { rows: [] };
  /** The agent's choices per email (ids), each a new set when it changes (the rows' context compares them). */
  #open = new Map<string, boolean>();
  #openVersion = 0;
  #quoted: ReadonlySet<string> = new Set();
  #images: ReadonlySet<string> = new Set();
  #senders: ReadonlySet<string> = new Set();
  #fresh: ReadonlySet<string> = new Set();
  #known = new Set<string>();
  #banner = false;
  #pci?: { name: string; reason: string };
  #live = '';
  #ctx?: EmailRowContext;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#senders = allowedSenders();
  }

  /** Goes back to the newest email (what the new-email banner's button does). */
  scrollToNewest(): void {
    const log = this.renderRoot.querySelector<HTMLElement>('[part~="log"]');
    if (log) log.scrollTop = 0;
  }

  protected override render() {
    const view = this.#view.value;
    if (!view) return html`<span class="empty">${words.unavailableWords()}</span>`;
    const task = view.task;
    if (!task) {
      this.#shown = undefined;
      this.setStates(STATES, ['empty']);
      return html`<div class="empty" part="empty">${emailIcon('mail')}<span>${words.emptyWords()}</span></div>`;
    }
    const rows = this.#rowsOf(view.messages);
    if (task.id !== this.#shown) this.#openTask(task.id, rows);
    const customer = shownText(customerDisplayName(view.config, task));
    this.#hear(rows, view, customer);
    this.setStates(STATES, [this.#banner ? 'new-email' : undefined, this.#pci ? 'pci' : undefined]);
    const media = view.config.media.find((m) => m.id === task.media);
    const emailConfig: EmailConfig = media?.email ?? DEFAULT_EMAIL_CONFIG;
    const newest = newestEmail(rows);
    const ctx = this.#contextFor({
      locale: getLocale(),
      today: new Date(this.activeStore!.now()).setHours(0, 0, 0, 0),
      customer,
      newest,
      open: this.#open,
      openVersion: this.#openVersion,
      quoted: this.#quoted,
      images: this.#images,
      senders: this.#senders,
      imagesAllowedFrom: emailConfig.imagesAllowedFrom,
      fresh: this.#fresh,
      agentName: view.config.agent.name,
    });
    const newestSubject = rows.find((r) => r.kind === 'email')?.message.email?.subject;
    const subject = newestSubject ? shownText(newestSubject) : words.noSubjectWords();
    const list = keyed(
      task.id,
      html`<div
        class="log"
        part="log"
        role="region"
        tabindex="0"
        aria-label=${words.logLabel(customer)}
        @click=${this.#onClick}
        @dc-email-images=${this.#onImages}
        @dc-email-quoted=${this.#onQuoted}
      >${guard([rows, ctx], () =>
        virtualList<EmailRow>(rows, {
          key: (row) => row.key,
          rowHeight: 96,
          gone: GONE,
          row: (row) => inLocale(ctx.locale, () => renderEmailRow(row, ctx)),
        }),
      )}</div>`,
    );
    return html`<div class="header" part="header"><h2 class="subject" part="subject"><bdi>${subject}</bdi></h2><span class="customer">${customer}</span></div>${list}${this.#banners()}<div class="visually-hidden" aria-live="polite">${this.#live}</div>`;
  }

  #banners(): TemplateResult {
    const pci = this.#pci
      ? html`<div class="banner pci" part="banner pci-banner" role="alert">${emailIcon('shield-alert')}<span class="message">${words.pciBannerWords(shownText(this.#pci.name), shownText(this.#pci.reason))}</span><button type="button" class="icon-button" aria-label=${words.dismissWords()} title=${words.dismissWords()} @click=${this.#onDismissPci}>${emailIcon('x')}</button></div>`
      : nothing;
    const fresh = this.#banner
      ? html`<div class="banner fresh" part="banner new-email-banner" role="status">${emailIcon('mail')}<span class="message">${words.newEmailBannerWords()}</span><button type="button" class="primary" @click=${this.#onShowAll}>${emailIcon('arrow-up')}${words.showAllWords()}</button></div>`
      : nothing;
    return html`<div class="banners">${pci}${fresh}</div>`;
  }

  /** The rows' context: the last one while nothing in it changed. */
  #contextFor(next: EmailRowContext): EmailRowContext {
    const last = this.#ctx;
    const same = last && (Object.keys(next) as (keyof EmailRowContext)[]).every((k) => last[k] === next[k]);
    if (!same) this.#ctx = next;
    return this.#ctx!;
  }

  #rowsOf(messages: readonly Message[] | undefined): EmailRow[] {
    if (this.#rows.from !== messages || this.#rows.rows.length === 0) this.#rows = { from: messages, rows: emailRows(messages) };
    return this.#rows.rows;
  }

  /** A task comes on show: its emails are known (none is new), the agent's choices start afresh. */
  #openTask(taskId: string, rows: readonly EmailRow[]): void {
    this.#shown = taskId;
    this.#open = new Map();
    this.#openVersion++;
    this.#quoted = new Set();
    this.#images = new Set();
    this.#fresh = new Set();
    this.#known = new Set(rows.map((r) => r.key));
    this.#banner = false;
    this.#pci = undefined;
    this.#live = '';
  }

  /** MAIL-4: customer emails that arrived since the last render: highlighted, read out, and the banner while replying. */
  #hear(rows: readonly EmailRow[], view: EmailThreadView, customer: string): void {
    const arrived = arrivedEmails(rows, this.#known);
    for (const r of rows) this.#known.add(r.key);
    if (arrived.length === 0) return;
    this.#fresh = new Set([...this.#fresh, ...arrived]);
    if (view.draft?.email) this.#banner = true;
    this.#live = rows
      .filter((r) => arrived.includes(r.key))
      .map((r) => words.liveWords(r.message.email?.from ? shownText(r.message.email.from) : customer, shownText(r.message.email?.subject ?? '')))
      .join('\n');
  }

  // -------------------------------------------------------------------------------------------------
  // Actions

  #email(id: string) {
    const row = this.#rows.rows.find((r) => r.key === id);
    return row?.kind === 'email' ? row.message : undefined;
  }

  #onClick = (event: MouseEvent) => {
    const target = event
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset['action'] !== undefined);
    const id = target?.dataset['id'];
    if (!target || id === undefined) return;
    const action = target.dataset['action'];
    if (action === 'toggle') {
      const open = target.getAttribute('aria-expanded') === 'true';
      this.#open.set(id, !open);
      this.#openVersion++;
      this.requestUpdate();
    } else if (action === 'quoted') {
      this.#toggleQuoted(id, !this.#quoted.has(id));
    } else if (action === 'pci') {
      event.preventDefault();
      const message = this.#email(id);
      const file = message?.attachments?.find((a) => a.id === target.dataset['file']);
      if (file?.pciBlocked) {
        this.#pci = { name: file.name, reason: file.pciBlocked };
        this.requestUpdate();
      }
    } else if (action === 'reply' || action === 'reply-all' || action === 'forward' || action === 'cc') {
      this.#reply(id, action);
    }
  };

  #reply(id: string, action: ReplyMode | 'cc'): void {
    const store = this.activeStore;
    const taskId = this.#shown;
    const message = this.#email(id);
    if (!store || !taskId || !message) return;
    const task = store.state.tasks[taskId];
    const media = task ? store.config.media.find((m) => m.id === task.media) : undefined;
    const self = media?.email.selfAddresses ?? [];
    const existing = store.state.drafts[taskId];
    const draft = action === 'cc' ? ccDraft(existing, message, self) : replyDraft(existing, message, action, self);
    store.setDraft(taskId, draft);
  }

  #toggleQuoted(id: string, shown: boolean): void {
    const next = new Set(this.#quoted);
    if (shown) next.add(id);
    else next.delete(id);
    this.#quoted = next;
    this.requestUpdate();
  }

  #onQuoted = (event: DcEmailQuotedEvent) => {
    const id = (event.target as HTMLElement).dataset['id'];
    if (id) this.#toggleQuoted(id, event.shown);
  };

  #onImages = (event: DcEmailImagesEvent) => {
    const id = (event.target as HTMLElement).dataset['id'];
    if (!id) return;
    this.#images = new Set([...this.#images, id]);
    const from = this.#email(id)?.email.from;
    if (event.always && from) this.#senders = rememberSender(from);
    this.requestUpdate();
  };

  #onDismissPci = () => {
    this.#pci = undefined;
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLElement>('[part~="log"]')?.focus({ preventScroll: true });
  };

  #onShowAll = () => {
    this.#banner = false;
    this.scrollToNewest();
    this.requestUpdate();
    // The focus goes to the newest email, the banner's button leaving.
    void this.updateComplete.then(() => {
      const first = this.renderRoot.querySelector<HTMLElement>('[part~="toggle"]');
      (first ?? this.renderRoot.querySelector<HTMLElement>('[part~="log"]'))?.focus({ preventScroll: true });
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-email-thread': DcEmailThread;
  }
}

