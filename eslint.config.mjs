import litPlugin from 'eslint-plugin-lit';
import wcPlugin from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'storybook-static/', 'src/i18n/locales/', 'src/i18n/locale-codes.ts', 'custom-elements.json'],
  },
  ...tseslint.configs.recommended,
  wcPlugin.configs['flat/recommended'],
  wcPlugin.configs['flat/best-practice'],
  litPlugin.configs['flat/recommended'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Elements are defined with @customElement, which the wc rules cannot see through.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', 'scripts/**/*.mjs', 'demo/**/*.ts', '.storybook/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
