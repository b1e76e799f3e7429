import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { useMemo } from 'storybook/preview-api';
import { DcProvider } from '../src/elements/provider/provider.js';
import '../src/index.js';
import { SimulatedBackend } from '../src/simulator/index.js';

type Locale = 'en' | 'fr';
type Theme = 'light' | 'dark';

/** The canvas behind the elements follows the theme, so that dark elements stay legible. */
const canvasStyle = document.createElement('style');
canvasStyle.textContent = `
  html[data-dc-theme='light'] body { background: #ffffff; color: #1d2127; color-scheme: light; }
  html[data-dc-theme='dark'] body { background: #0f1216; color: #e6e9ed; color-scheme: dark; }
  .dc-story { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
`;
document.head.append(canvasStyle);

function applyGlobals(node: Node, locale: Locale, theme: Theme): boolean {
  const providers =
    node instanceof DcProvider
      ? [node]
      : node instanceof Element || node instanceof DocumentFragment
        ? [...node.querySelectorAll('dc-provider')]
        : [];
  for (const provider of providers) {
    provider.lang = locale;
    provider.theme = theme;
  }
  return providers.length > 0;
}

/**
 * Every story runs inside a `<dc-provider>` with the toolbar's language and theme. A story that builds
 * its own kit (stories/support/scenario.ts) gets them set on its providers; anything else is wrapped in
 * a provider that keeps nothing in storage, on the simulated contact centre.
 *
 * The story's kit is kept while only the language or the theme changes: the switch then reaches the
 * live elements (the provider's `lang` calls the kit's setLocale) instead of replaying the scenario.
 * New args, or Storybook's Remount, build it again.
 */
const withKit: Decorator = (story, context) => {
  const locale: Locale = context.globals['locale'] === 'fr' ? 'fr' : 'en';
  const theme: Theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const argsKey = JSON.stringify(context.args);
  const content = useMemo(() => story(), [context.id, argsKey]);
  // The wrapper's backend, made once per story like its content (a new one would rebuild the store).
  const backend = useMemo(
    () =>
      new SimulatedBackend({
        latencyMs: [150, 450],
        offersPerMinute: 2,
        messagesPerMinute: 3,
        replyRate: 0.8,
        botHistory: true,
      }),
    [context.id, argsKey],
  );

  document.documentElement.lang = locale;
  document.documentElement.dataset['dcTheme'] = theme;

  const hasKit = content instanceof Node && applyGlobals(content, locale, theme);
  return html`<div class="dc-story">
    ${hasKit
      ? content
      : html`<dc-provider .backend=${backend} .storage=${null} lang=${locale} theme=${theme}>${content}</dc-provider>`}
  </div>`;
};

const preview: Preview = {
  decorators: [withKit],
  globalTypes: {
    locale: {
      description: 'Language of the elements (EMBED-5)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'EN' },
          { value: 'fr', title: 'Français', right: 'FR' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme of the elements (EMBED-4)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    layout: 'padded',
    // The theme toolbar sets the canvas colour; a second background switch would only contradict it.
    backgrounds: { disable: true },
    controls: { expanded: true },
    options: {
      storySort: { order: ['Agent state', ['State picker', 'Notifications', 'Connection banner', 'Provider']] },
    },
  },
};

export default preview;
