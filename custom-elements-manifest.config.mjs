// custom-elements.json from the JSDoc of the public elements (not the core, loader or formats).
export default {
  globs: ['src/posthog-replay.ts', 'src/controls/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/controls/icons.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events are documented with @event; the analyzer also picks up `new Event(type)` in the
      // generic fire() helper as an event named "type", which is not one.
      name: 'documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.description);
          }
        }
      },
    },
  ],
};
