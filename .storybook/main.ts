import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the kit's elements: one story per visual state the SPEC names, with the language and
 * the theme switchable from the toolbar (see preview.ts). Builds and runs offline.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // The sources use TypeScript's legacy decorators with `useDefineForClassFields: false` (see
      // tsconfig.json); Vite transforms TypeScript with Oxc, so Oxc is told the same explicitly.
      // Without it Chromium stops at the first `@customElement` ("Invalid or unexpected token") or Lit
      // rejects the field decorators ("Unsupported decorator location: field").
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      // The preview's main chunk carries Storybook's own runtime (about 1 MB); that is expected here.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
