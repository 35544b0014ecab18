// custom-elements.json from the JSDoc of the public elements (not the core, loader or formats).
export default {
  globs: ['src/posthog-replay.ts', 'src/controls/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/controls/icons.ts'],
  outdir: '.',
  litelement: true,
};
