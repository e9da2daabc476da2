// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**', 'dist-demo/**', '.cache/**', 'storybook-static/**', 'coverage/**',
      'public/mockServiceWorker.js', 'src/generated/**', 'custom-elements.json', 'integrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  wcConfigs['flat/best-practice'],
  litConfigs['flat/recommended'],
  // eslint-plugin-wc only treats HTMLElement subclasses as elements unless told about LitElement
  { settings: { wc: { elementBaseClasses: ['LitElement', 'KitElement'] } } },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // LitElement implements every lifecycle callback, so the guard is noise for the kit's elements.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@lit/localize',
              message:
                "The kit has its own localization runtime: import msg/str/localized from src/localization.ts, so a host's @lit/localize never collides with it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    // @open-wc/testing's chai typings make expect(...).to.equal() look thenable
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
