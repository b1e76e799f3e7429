/**
 * The email reply's body editor (MAIL-7): Quill 2, loaded on first use (the email composer imports
 * `quill` and this module with `import()` the first time it shows a reply, so a chat-only page never
 * loads Quill).
 *
 * The editor's `formats` are the ones the reply offers: heading 1, bold, italic, underline,
 * strikethrough, font colour (as `style="color"`), ordered and bullet lists, blockquote, link, indent,
 * table and image (pasted or dropped inline images). Quill 2 builds the instance's registry from that
 * list alone, so formula, video and code blocks are not in it and no paste can bring them in (DESIGN:
 * CVE-2025-15056 is unpatched in 2.0.3).
 *
 * Quill expects to live in the document: inside a shadow root it reads the selection from
 * `document.getSelection()` (which stops at the host), its focus from `document.activeElement`, and
 * finds its editors for the document's selection and mouse events with
 * `document.querySelectorAll('.ql-container')`. `createEditor` patches the instance for the shadow root
 * it sits in (see `shadowPatch`), and its `destroy` removes the listeners again.
 */
import type QuillType from 'quill';

type Quill = QuillType;
type QuillClass = typeof QuillType;
export type { Quill, QuillClass };

/** Links: only https, http and mailto (Quill's default list also takes ftp, tel and sms). Once per page. */
function restrictLinks(Quill: QuillClass): void {
  const link = Quill.import('formats/link') as { PROTOCOL_WHITELIST: string[] };
  link.PROTOCOL_WHITELIST = ['http', 'https', 'mailto'];
}

/** The formats an email body may hold (MAIL-7); everything else is dropped by Quill on paste. */
export const EMAIL_FORMATS = ['header', 'bold', 'italic', 'underline', 'strike', 'color', 'list', 'blockquote', 'link', 'indent', 'table', 'image'];

/** The image types a paste or a drop makes an inline image of. */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export interface EditorOptions {
  readonly label: string;
  readonly placeholder: string;
}

export interface Editor {
  readonly quill: Quill;
  destroy(): void;
}

type SelectionInternals = {
  getNativeRange(): unknown;
  hasFocus(): boolean;
  normalizeNative(range: AbstractRange): unknown;
  root: HTMLElement;
};

type ComposedSelection = Selection & { getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[] };

/**
 * Makes a Quill instance work inside `root` (a shadow root):
 * - its native range is read with `getComposedRanges({shadowRoots: [root]})` (the document's
 *   selection alone stops at the host), or `root.getSelection()` where that is missing;
 * - its focus is `root.activeElement`;
 * - the document's `selectionchange`, `mousedown`, `mouseup` and `click` reach its emitter (Quill's own
 *   page-wide dispatcher does not see editors inside shadow roots).
 * Returns the function that removes those listeners.
 */
function shadowPatch(quill: Quill, root: ShadowRoot): () => void {
  const selection = (quill as unknown as { selection: SelectionInternals }).selection;
  const editorRoot = selection.root;
  selection.getNativeRange = () => {
    const native = document.getSelection() as ComposedSelection | null;
    let range: AbstractRange | undefined;
    if (native && typeof native.getComposedRanges === 'function') {
      if (native.rangeCount === 0) return null;
      range = native.getComposedRanges({ shadowRoots: [root] })[0];
    } else {
      const own = (root as ShadowRoot & { getSelection?(): Selection | null }).getSelection?.();
      if (own && own.rangeCount > 0) range = own.getRangeAt(0);
    }
    return range ? selection.normalizeNative(range) : null;
  };
  selection.hasFocus = () => {
    const active = root.activeElement;
    return active === editorRoot || (active !== null && editorRoot.contains(active));
  };
  const emitter = (quill as unknown as { emitter: { handleDOM(event: Event): void } }).emitter;
  const forward = (event: Event) => emitter.handleDOM(event);
  const events = ['selectionchange', 'mousedown', 'mouseup', 'click'];
  for (const type of events) document.addEventListener(type, forward);
  return () => {
    for (const type of events) document.removeEventListener(type, forward);
  };
}

/** A Quill editor in `container`, which sits in the shadow root `root` (`Quill`: the `quill` package's default export). */
export function createEditor(Quill: QuillClass, container: HTMLElement, root: ShadowRoot, options: EditorOptions): Editor {
  restrictLinks(Quill);
  const quill = new Quill(container, {
    formats: EMAIL_FORMATS,
    placeholder: options.placeholder,
    modules: {
      table: true,
      uploader: { mimetypes: IMAGE_TYPES },
      // The editor's own Tab indents lists; Tab elsewhere leaves the editor (keyboard users must get out).
      keyboard: { bindings: { tab: { key: 'Tab', handler: () => true }, 'shift tab': { key: 'Tab', shiftKey: true, handler: () => true } } },
    },
  });
  const unpatch = shadowPatch(quill, root);
  const editable = quill.root;
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('aria-multiline', 'true');
  editable.setAttribute('aria-label', options.label);
  return {
    quill,
    destroy: () => {
      unpatch();
      quill.off('editor-change');
    },
  };
}
