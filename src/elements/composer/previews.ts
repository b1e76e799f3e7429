import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DcStoreApi } from '../../store/api.js';

/**
 * Thumbnails of attached images (COMP-4): an object URL per attachment, made from the store's copy of
 * the file the first time it is asked for, and revoked as soon as the attachment leaves the draft or
 * the element leaves the page.
 */
export class AttachmentPreviews implements ReactiveController {
  #host: ReactiveControllerHost;
  #urls = new Map<string, string>();
  #loading = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The thumbnail URL of an attachment, once its bytes are read (the host renders again then). */
  url(store: DcStoreApi, id: string): string | undefined {
    const url = this.#urls.get(id);
    if (url || this.#loading.has(id)) return url;
    this.#loading.add(id);
    void store.attachmentData(id).then((blob) => {
      if (!this.#loading.delete(id) || !blob) return; // let go meanwhile, or gone
      this.#urls.set(id, URL.createObjectURL(blob));
      this.#host.requestUpdate();
    });
    return undefined;
  }

  /** Revokes every URL but those of `ids` (the attachments still on show). */
  keep(ids: ReadonlySet<string>): void {
    for (const [id, url] of this.#urls) {
      if (ids.has(id)) continue;
      URL.revokeObjectURL(url);
      this.#urls.delete(id);
    }
    for (const id of this.#loading) if (!ids.has(id)) this.#loading.delete(id);
  }

  hostDisconnected(): void {
    this.keep(new Set());
  }
}
