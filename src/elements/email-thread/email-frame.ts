import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buttonStyles } from '../../styles/controls.js';
import { DcBaseElement } from '../internal/base.js';
import { frameCsp, frameDocument, prepareEmail, type PreparedEmail } from './prepare.js';
import { emailIcon } from './icons.js';
import * as words from './words.js';

/** The agent asked for the email's remote images (`always`: from this sender from now on). */
export class DcEmailImagesEvent extends Event {
  constructor(readonly always: boolean) {
    super('dc-email-images', { bubbles: true, composed: true });
  }
}

/** The agent showed or hid the email's quoted history. */
export class DcEmailQuotedEvent extends Event {
  constructor(readonly shown: boolean) {
    super('dc-email-quoted', { bubbles: true, composed: true });
  }
}

/** The sandbox of the email's frame (MAIL-3): never allow-scripts, never allow-forms (written as is in the template below). */
export const FRAME_SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Prepared emails, by their HTML and the options they were prepared with (rows come and go as the thread scrolls). */
const prepared = new WeakMap<object, Map<string, Promise<PreparedEmail>>>();

function preparedFor(owner: object, raw: string, loadImages: boolean, inline: ReadonlyMap<string, string>): Promise<PreparedEmail> {
  let byOptions = prepared.get(owner);
  if (!byOptions) prepared.set(owner, (byOptions = new Map()));
  const key = `${loadImages}|${[...inline].map(([k, v]) => `${k}=${v}`).join(',')}`;
  let found = byOptions.get(key);
  if (!found) byOptions.set(key, (found = prepareEmail(raw, { loadImages, inline })));
  return found;
}

/** A promise of the frame's load, and whether it came. */
function readiness() {
  let resolve!: (frame: HTMLIFrameElement) => void;
  const promise = new Promise<HTMLIFrameElement>((r) => (resolve = r));
  const ready = {
    done: false,
    promise,
    resolve(frame: HTMLIFrameElement) {
      ready.done = true;
      resolve(frame);
    },
  };
  return ready;
}

/** The tallest a frame grows (CSS of `min-height: 100vh` and a margin would otherwise grow it forever). */
const MAX_HEIGHT = 20_000;

/**
 * One email's HTML (MAIL-3), sanitised (src/elements/internal/email-sanitise.ts) and shown in an
 * `<iframe srcdoc>` sandboxed without `allow-scripts` or `allow-forms`, with a CSP first in its head
 * (`default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:`, and `http: https:` once the
 * agent loads images). `allow-same-origin` only lets this element measure the frame's content: the frame
 * is as tall as its email (no inner scrollbar; a wide table scrolls sideways inside the frame). The
 * email's CSS lives in the frame's own document and reaches nothing outside it.
 *
 * Remote images are held back: a bar says how many, with "Load images" and "Always for this sender".
 * A quoted history (HTML_QUOTE_SELECTORS) is folded behind an ellipsis button. The thread keeps both
 * choices (the frame's rows come and go as the thread scrolls) and passes them back as properties.
 *
 * @summary An inbound email's HTML in a sandboxed frame (internal).
 * @fires dc-email-images - The agent asked for the remote images (`always` for the sender).
 * @fires dc-email-quoted - The agent showed or hid the quoted history.
 * @csspart frame - The iframe.
 * @csspart images - The bar about held-back images.
 * @csspart quoted - The ellipsis button of the quoted history.
 */
@customElement('dc-email-frame')
export class DcEmailFrame extends DcBaseElement {
  static override styles = [
    ...DcBaseElement.styles,
    buttonStyles('button'),
    css`
      :host {
        display: block;
        min-width: 0;
        --_dc-button-height: 1.8rem;
        --_dc-button-padding: 0.15rem 0.6rem;
      }
      iframe {
        display: block;
        width: 100%;
        height: 2rem;
        border: 0;
        border-radius: var(--_dc-radius);
        background: #fff;
      }
      .images {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
        margin: 0 0 0.4rem;
        padding: 0.3rem 0.5rem;
        border-radius: var(--_dc-radius);
        background: var(--_dc-info-surface);
        font-size: 0.9em;
      }
      .images .text {
        display: inline-flex;
        align-items: center;
        gap: 0.3em;
        flex: 1 1 12rem;
        min-width: 0;
      }
      .icon {
        width: 1.1em;
        height: 1.1em;
        flex: none;
      }
      .quoted {
        margin-top: 0.3rem;
      }
      .preparing {
        color: var(--_dc-text-muted);
        font-size: 0.9em;
      }
    `,
  ];

  /** The email's HTML as received (hostile: shown only sanitised). */
  @property({ attribute: false }) html = '';
  /** Whether remote images may load. */
  @property({ type: Boolean, attribute: 'load-images' }) loadImages = false;
  /** `cid:` content ids (lower case) to the attachment URLs of the email's inline images. */
  @property({ attribute: false }) inline: ReadonlyMap<string, string> = new Map();
  /** Whether the quoted history shows. */
  @property({ type: Boolean, attribute: 'show-quoted' }) showQuoted = false;
  /** The frame's accessible name (the email's subject and sender). */
  @property() label = '';
  /** What prepared emails are cached by (the message's email object); the HTML string itself when left out. */
  @property({ attribute: false }) owner?: object;

  @state() private prepared?: PreparedEmail;

  #observer?: ResizeObserver;
  #frame?: HTMLIFrameElement;
  #job = 0;

  /** Resolves once the frame's document is written and loaded (tests, stories, measurements). */
  get frameReady(): Promise<HTMLIFrameElement> {
    return this.#ready.promise;
  }
  #ready = readiness();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('html') || changed.has('loadImages') || changed.has('inline') || changed.has('owner')) this.#prepare();
  }

  #prepare(): void {
    const job = ++this.#job;
    // A new email (or its images loaded): frameReady waits for its document.
    if (this.#ready.done) this.#ready = readiness();
    const owner = this.owner ?? { html: this.html };
    void preparedFor(owner, this.html, this.loadImages, this.inline).then(
      (p) => {
        if (job === this.#job) this.prepared = p;
      },
      () => {
        if (job === this.#job) this.prepared = { body: '', full: '', quoted: false, blocked: 0 };
      },
    );
  }

  protected override render() {
    const p = this.prepared;
    if (!p) return html`<p class="preparing" role="status">${words.preparingWords()}</p>`;
    const blocked = !this.loadImages && p.blocked > 0;
    const bar = blocked
      ? html`<div class="images" part="images"><span class="text">${emailIcon('image-off')}${words.blockedWords(p.blocked)}</span><button type="button" data-images="once" @click=${this.#onImages}>${words.loadImagesWords()}</button><button type="button" data-images="always" @click=${this.#onImages}>${words.alwaysImagesWords()}</button></div>`
      : nothing;
    const quoted = p.quoted
      ? html`<button type="button" class="quoted" part="quoted" aria-expanded=${this.showQuoted ? 'true' : 'false'} @click=${this.#onQuoted}>${emailIcon('ellipsis')}${this.showQuoted ? words.hideQuotedWords() : words.showQuotedWords()}</button>`
      : nothing;
    const frame = this.#frameElement();
    frame.title = this.label || words.frameLabel();
    const srcdoc = this.#srcdoc(p);
    // Written only when it changes: a new srcdoc loads the frame again.
    if (frame.srcdoc !== srcdoc) frame.srcdoc = srcdoc;
    return html`${bar}${frame}${quoted}`;
  }

  /**
   * The frame, made once with its sandbox before it is ever in a document (the sandbox never changes
   * afterwards; a sandbox changed on a live frame would only apply from its next navigation).
   */
  #frameElement(): HTMLIFrameElement {
    if (this.#frame) return this.#frame;
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', FRAME_SANDBOX);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.setAttribute('part', 'frame');
    frame.addEventListener('load', this.#onLoad);
    this.#frame = frame;
    return frame;
  }

  #srcdoc(p: PreparedEmail): string {
    return frameDocument(this.showQuoted ? p.full : p.body, frameCsp(this.loadImages, this.inline));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #onLoad = () => {
    const frame = this.#frame!;
    this.#observer?.disconnect();
    const doc = frame.contentDocument;
    // The first load of a frame without srcdoc yet (about:blank) is not the email.
    if (!doc || frame.srcdoc === '') return;
    this.#fit();
    if (typeof ResizeObserver === 'function') {
      this.#observer = new ResizeObserver(() => this.#fit());
      this.#observer.observe(doc.documentElement);
      if (doc.body) this.#observer.observe(doc.body);
    }
    this.#ready.resolve(frame);
  };

  /** The frame as tall as its content (no inner scrollbar), plus a sideways scrollbar when it has one. */
  #fit(): void {
    const frame = this.#frame;
    const doc = frame?.contentDocument;
    const win = frame?.contentWindow;
    if (!frame || !doc || !win) return;
    const root = doc.documentElement;
    const body = doc.body;
    // The content's own height, not the frame's viewport (which scrollHeight never goes under).
    let content = root.getBoundingClientRect().height;
    if (body) {
      const style = win.getComputedStyle(body);
      content = Math.max(content, body.scrollHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    }
    const bar = Math.max(0, win.innerHeight - root.clientHeight);
    const height = Math.min(MAX_HEIGHT, Math.ceil(content) + bar);
    if (Math.abs(frame.offsetHeight - height) > 1) frame.style.height = `${height}px`;
  }

  #onImages = (event: Event) => {
    const always = (event.currentTarget as HTMLElement).dataset['images'] === 'always';
    this.dispatchEvent(new DcEmailImagesEvent(always));
  };

  #onQuoted = () => {
    this.dispatchEvent(new DcEmailQuotedEvent(!this.showQuoted));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dc-email-frame': DcEmailFrame;
  }
  interface HTMLElementEventMap {
    'dc-email-images': DcEmailImagesEvent;
    'dc-email-quoted': DcEmailQuotedEvent;
  }
}
