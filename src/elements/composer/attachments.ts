/**
 * Attachments in the composer (COMP-4, option `attachments`): the paperclip and its file chooser, files
 * dropped on the composer (with a drop zone while they are dragged over it), the chips with name, size,
 * thumbnail and X, and the refusals: a few named one by one with their reasons, more summarised by
 * reason (HOSTILE-19), in an area of bounded height so that a thousand files dropped at once never push
 * Send out of sight (their words and view are refusals.ts, loaded with the first refusal). The checks
 * against the media's limits are the store's (`attach`, over `checkAttachments` in the model).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { getLocale, msg, str } from '../../i18n/localization.js';
import { formatBytes } from '../../model/attachments.js';
import { icon } from '../../ui/conversation-icons.js';
import { offers, type ComposerParts, type Writable } from './parts.js';
import { AttachmentPreviews } from './previews.js';
import type { Refusal } from './refusals.js';

/** The refusals' words and view (refusals.ts), loaded with the first refusal; page-wide, like the panels. */
let refusalView: Promise<typeof import('./refusals.js')> | undefined;
function loadRefusalView(): Promise<typeof import('./refusals.js')> {
  refusalView ??= import('./refusals.js').catch((error: unknown) => {
    refusalView = undefined;
    throw error;
  });
  return refusalView;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export class Attachments implements ReactiveController {
  #parts: ComposerParts;
  #previews: AttachmentPreviews;
  #rejections: readonly Refusal[] = [];
  #dragging = false;
  #dragDepth = 0;
  /** The refusals changed: whether their area scrolls is read once they are drawn. */
  #measure = false;
  /** The refusals' view, once loaded. */
  #view: typeof import('./refusals.js') | undefined;

  constructor(parts: ComposerParts) {
    this.#parts = parts;
    this.#previews = new AttachmentPreviews(parts.host);
    parts.host.addController(this);
  }

  /** Whether files are dragged over the composer (its `dragging` state). */
  get dragging(): boolean {
    return this.#dragging;
  }

  /** Forgets the refusals and the drag (another task, a sent message). */
  reset(): void {
    this.#set({ rejections: [], dragging: false });
    this.#dragDepth = 0;
  }

  /** Forgets the refusals the agent was shown. */
  clearRejections(): void {
    if (this.#rejections.length) this.#set({ rejections: [] });
  }

  hostUpdate(): void {
    const target = this.#parts.writable();
    this.#previews.keep(new Set(target?.draft.attachments.map((a) => a.id)));
  }

  /** A refusal area that scrolls takes the focus, so that the keyboard can scroll it. */
  hostUpdated(): void {
    if (!this.#measure) return;
    this.#measure = false;
    const list = this.#parts.host.renderRoot.querySelector<HTMLElement>('.refusal-list');
    if (list) list.tabIndex = list.scrollHeight > list.clientHeight ? 0 : -1;
  }

  // -------------------------------------------------------------------------------------------------
  // What the composer's container listens to

  readonly onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.#dragDepth++;
    this.#set({ dragging: offers(this.#parts.writable()?.media, 'attachments') });
  };

  readonly onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = offers(this.#parts.writable()?.media, 'attachments') ? 'copy' : 'none';
  };

  readonly onDragLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    this.#dragDepth = Math.max(0, this.#dragDepth - 1);
    if (this.#dragDepth === 0) this.#set({ dragging: false });
  };

  /** Takes dropped files; returns false when the drop carries no files (text: the box decides). */
  drop(event: DragEvent): boolean {
    this.#dragDepth = 0;
    this.#set({ dragging: false });
    if (!carriesFiles(event)) return false;
    // Files never open in the page, whether the media takes attachments or not.
    event.preventDefault();
    void this.#attach([...(event.dataTransfer?.files ?? [])]);
    return true;
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  /** The paperclip and its hidden file chooser. */
  renderButton(target: Writable | undefined): TemplateResult | typeof nothing {
    const media = target?.media;
    if (!media || !offers(media, 'attachments')) return nothing;
    const label = msg('Attach files', { id: 'composer.attach' });
    return html`<button class="icon-button" data-action="attach" data-label="wide" aria-label=${label} title=${label} @click=${this.#browse}>
        ${icon('paperclip')}<span class="label">${msg('Attach', { id: 'composer.attach-short' })}</span>
      </button>
      <input type="file" multiple hidden tabindex="-1" accept=${media.attachments.accept.join(',')} aria-label=${label} @change=${this.#onFiles} />`;
  }

  /** The chips of the draft's files. */
  renderChips(target: Writable): TemplateResult | typeof nothing {
    const attachments = target.draft.attachments;
    const store = this.#parts.store();
    if (attachments.length === 0 || !store) return nothing;
    const locale = getLocale();
    return html`<ul class="chips" aria-label=${msg('Attachments', { id: 'composer.attachments' })}>
      ${repeat(
        attachments,
        (a) => a.id,
        (a) => {
          const image = a.type.startsWith('image/');
          const url = image ? this.#previews.url(store, a.id) : undefined;
          const remove = msg(str`Remove ${a.name}`, { id: 'composer.remove-attachment' });
          return html`<li class="chip" part="attachment">
            ${url ? html`<img class="thumb" src=${url} alt="" />` : icon(image ? 'image' : 'file')}
            <span class="chip-name">${a.name}</span>
            <span class="chip-size">${formatBytes(a.size, locale)}</span>
            <button class="icon-button" aria-label=${remove} title=${remove} @click=${() => this.#detach(target, a.id)}>${icon('x')}</button>
          </li>`;
        },
      )}
    </ul>`;
  }

  /** The files just refused (inside the composer's alert region), once their words have loaded. */
  renderRejections(target: Writable): TemplateResult | typeof nothing {
    if (this.#rejections.length === 0) return nothing;
    const view = this.#view;
    if (view) return view.renderRefusals(this.#rejections, target.media.attachments, () => this.clearRejections());
    // Their words could not be loaded (the network failed): the agent still learns that files were left out.
    const count = this.#rejections.length;
    return html`<p class="error">${icon('circle-alert')}<span>${msg(str`${count} files were not added.`, { id: 'composer.refusals-plain' })}</span></p>`;
  }

  /** The drop zone, while files are dragged over a composer whose media takes them. */
  renderDropzone(target: Writable | undefined): TemplateResult | typeof nothing {
    if (!this.#dragging || !offers(target?.media, 'attachments')) return nothing;
    return html`<div class="dropzone" part="dropzone">
      ${icon('upload')}<span>${msg('Drop files here to attach them', { id: 'composer.drop' })}</span>
    </div>`;
  }

  // -------------------------------------------------------------------------------------------------

  #set(change: { rejections?: readonly Refusal[]; dragging?: boolean }): void {
    if (change.rejections) {
      this.#rejections = change.rejections;
      this.#measure = true;
    }
    if (change.dragging !== undefined) this.#dragging = change.dragging;
    this.#parts.host.requestUpdate();
  }

  #browse = () => {
    this.#parts.host.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  #onFiles = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.#attach(files);
  };

  async #attach(files: readonly File[]): Promise<void> {
    const target = this.#parts.writable();
    const store = this.#parts.store();
    if (!target || !store || files.length === 0 || !offers(target.media, 'attachments')) return;
    this.#set({ rejections: [] });
    const check = await store.attach(target.taskId, files);
    if (check.rejected.length > 0 && !this.#view) this.#view = await loadRefusalView().catch(() => undefined);
    this.#set({ rejections: check.rejected.map((r) => ({ name: r.file.name, reason: r.reason, claimed: r.claimed, found: r.found })) });
  }

  #detach(target: Writable, id: string): void {
    const index = target.draft.attachments.findIndex((a) => a.id === id);
    this.#parts.store()?.detach(target.taskId, id);
    // The focus goes to the next chip's X, else the previous one's, else the box.
    void this.#parts.host.updateComplete.then(() => {
      const buttons = [...this.#parts.host.renderRoot.querySelectorAll<HTMLElement>('.chip button')];
      (buttons[index] ?? buttons[index - 1] ?? this.#parts.area())?.focus();
    });
  }
}
