import type { StorybookConfig } from '@storybook/web-components-vite';
// The same build-time modules as rollup and the test server: `virtual:decode-worker` and
// `virtual:rrweb-css`. Vite runs rollup plugins as they are; snappyjs (CommonJS) is left to
// Vite's own dependency pre-bundling.
import { virtualModulesRollup } from '../build/virtual-modules.mjs';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // Recordings come from the test fixtures, served locally: stories never touch the network.
  staticDirs: [{ from: '../test/fixtures', to: '/fixtures' }],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [virtualModulesRollup()],
      // Storybook's renderer imports lit/directive-helpers.js, which the dev server would
      // otherwise serve unbundled next to the pre-bundled lit: two lit-html copies on the page.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    });
  },
};

export default config;
