import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // serves public/mockServiceWorker.js at /mockServiceWorker.js (dev and storybook-static/)
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No "Guide" onboarding checklist in the sidebar or menu: the Storybook is the kit's documentation.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // dev only: pre-bundle lit and lit/directive-helpers.js, or the preview loads two lit-html copies.
  viteFinal: async (config) => {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
