import { css, unsafeCSS } from 'lit';

/**
 * Design tokens. Every kit element adopts `base`, which reads the public `--dc-*` custom properties
 * (set by a host, or by `<dc-provider theme="dark">`) with the light theme as fallback, into private
 * `--_dc-*` properties. Nothing here reaches outside a shadow root.
 */
export const base = css`
  :host {
    --_dc-font: var(--dc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_dc-font-size: var(--dc-font-size, 14px);
    --_dc-text: var(--dc-color-text, #1d2127);
    --_dc-text-muted: var(--dc-color-text-muted, #545c66);
    --_dc-surface: var(--dc-color-surface, #ffffff);
    --_dc-surface-raised: var(--dc-color-surface-raised, #f4f6f8);
    --_dc-border: var(--dc-color-border, #c9d0d8);
    --_dc-accent: var(--dc-color-accent, #0a5cc2);
    --_dc-accent-text: var(--dc-color-accent-text, #ffffff);
    --_dc-ready: var(--dc-color-ready, #1a7f37);
    --_dc-not-ready: var(--dc-color-not-ready, #c4291c);
    --_dc-partial: var(--dc-color-partial, #9a6700);
    --_dc-neutral: var(--dc-color-neutral, #6b7480);
    --_dc-danger: var(--dc-color-danger, #b42318);
    --_dc-danger-surface: var(--dc-color-danger-surface, #fdecea);
    --_dc-warning-surface: var(--dc-color-warning-surface, #fff4d6);
    --_dc-success-surface: var(--dc-color-success-surface, #e7f5ec);
    --_dc-info-surface: var(--dc-color-info-surface, #e8f1fc);
    --_dc-focus: var(--dc-color-focus, #0a5cc2);
    --_dc-radius: var(--dc-radius, 6px);
    --_dc-shadow: var(--dc-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
    --_dc-z-overlay: var(--dc-z-overlay, 1000);
    font-family: var(--_dc-font);
    font-size: var(--_dc-font-size);
    color: var(--_dc-text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_dc-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The dark theme's values, as declarations: `<dc-provider theme="dark">` sets them for everything inside
 * it. A host without a provider can copy them onto any ancestor of the kit's elements.
 */
const DARK = `
  --dc-color-text: #e6e9ed;
  --dc-color-text-muted: #a9b1bb;
  --dc-color-surface: #1b1f24;
  --dc-color-surface-raised: #262b31;
  --dc-color-border: #4a525c;
  --dc-color-accent: #5aa2ff;
  --dc-color-accent-text: #0b1320;
  --dc-color-ready: #4ac26b;
  --dc-color-not-ready: #ff7b72;
  --dc-color-partial: #e3b341;
  --dc-color-neutral: #9aa4b0;
  --dc-color-danger: #ff7b72;
  --dc-color-danger-surface: #3d1d1b;
  --dc-color-warning-surface: #3a2f12;
  --dc-color-success-surface: #15301f;
  --dc-color-info-surface: #17273d;
  --dc-color-focus: #5aa2ff;
  --dc-color-badge-glyph: #0b1320;
`;
export const darkTokens = unsafeCSS(DARK);

/** A provider's `theme` attribute: dark, or auto (following the operating system). */
export const themeSwitch = unsafeCSS(`
  :host([theme='dark']) {${DARK}}
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {${DARK}}
  }
`);
