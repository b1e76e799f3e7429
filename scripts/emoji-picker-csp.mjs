/**
 * A rollup plugin that makes emoji-picker-element (1.29) work under a strict Content-Security-Policy
 * (`style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html dc-widgets-emoji`),
 * for the copy the script-tag bundle loads beside itself (`dc-widgets-emoji/picker.js`). The picker,
 * as published, builds its templates with `innerHTML` from plain strings (refused where Trusted Types
 * are required), styles itself with a `<style>` element, and sets `style` attributes (both refused
 * without `'unsafe-inline'` styles). Three changes, each checked so that a new version of the picker
 * that no longer matches fails the build instead of shipping unchanged:
 *
 * - its templates (its own markup: the values are bound afterwards, never written into it) go through
 *   a Trusted Types policy named `dc-widgets-emoji`, created the first time one is parsed;
 * - its style sheet is a constructed one, adopted by its shadow root;
 * - its `style` bindings are written through the CSSOM (`style.cssText`).
 */
export const EMOJI_POLICY = 'dc-widgets-emoji';

const CHANGES = [
  {
    what: 'templates through a Trusted Types policy',
    from: `  template.innerHTML = htmlString;`,
    to: `  template.innerHTML = dcTrustedHTML(htmlString);`,
  },
  {
    what: 'a constructed style sheet',
    from: `    const style = document.createElement('style');
    style.textContent = baseStyles + EXTRA_STYLES;
    this.shadowRoot.appendChild(style);`,
    to: `    const sheet = new CSSStyleSheet();
    sheet.replaceSync(baseStyles + EXTRA_STYLES);
    this.shadowRoot.adoptedStyleSheets = [sheet];`,
  },
  {
    what: 'style bindings through the CSSOM',
    from: `        targetNode.setAttribute(attributeName, newValue);`,
    to: `        if (attributeName === 'style') targetNode.style.cssText = newValue;
        else targetNode.setAttribute(attributeName, newValue);`,
  },
];

const POLICY = `
let dcPolicy;
function dcTrustedHTML (html) {
  if (dcPolicy === undefined) {
    dcPolicy = null;
    try {
      if (typeof trustedTypes !== 'undefined') dcPolicy = trustedTypes.createPolicy(${JSON.stringify(EMOJI_POLICY)}, { createHTML: (s) => s });
    } catch (error) {
      // The page's trusted-types directive does not name the policy: plain strings, as published.
    }
  }
  return dcPolicy ? dcPolicy.createHTML(html) : html;
}
`;

/** The picker's code with the changes made; throws when one of them finds nothing to change. */
export function cspSafeEmojiPicker(code) {
  let out = code;
  for (const change of CHANGES) {
    const at = out.indexOf(change.from);
    if (at < 0 || out.indexOf(change.from, at + 1) >= 0) {
      throw new Error(`emoji-picker-element changed: cannot make "${change.what}" (scripts/emoji-picker-csp.mjs)`);
    }
    out = out.replace(change.from, change.to);
  }
  return out + POLICY;
}

export function emojiPickerCsp() {
  return {
    name: 'dc-emoji-picker-csp',
    transform(code, id) {
      if (!/[\\/]emoji-picker-element[\\/]picker\.js$/.test(id)) return null;
      return { code: cspSafeEmojiPicker(code), map: null };
    },
  };
}
