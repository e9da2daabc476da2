export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/mocks/**', 'src/generated/**'],
  outdir: '.',
  litelement: true,
};
