export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/mocks/**', 'src/generated/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // KitElement.emit(type, detail) dispatches whatever `type` it is given; the analyzer reads that as an event
      // named "type". The real events are documented with @fires on each element.
      name: 'so-drop-generic-emit',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name !== 'type');
          }
        }
      },
    },
  ],
};
