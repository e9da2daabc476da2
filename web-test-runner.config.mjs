// @ts-check
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumPath } from './scripts/chromium-path.mjs';

const executablePath = chromiumPath();
// root needs --no-sandbox; the rest stops Chromium from phoning home on a closed network.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  // window.gc(): the long-session tests check that removed elements can be collected.
  '--js-flags=--expose-gc',
];

const browser =
  process.env.WTR_LAUNCHER === 'chrome'
    ? chromeLauncher({ launchOptions: { executablePath, headless: true, args } })
    : playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args } });

/** Ends the run with the plain line CI reads: "tests: N passed, N failed". */
function closingLine() {
  const count = (suite, acc) => {
    for (const t of suite?.tests ?? []) acc[t.passed ? 'passed' : t.skipped ? 'skipped' : 'failed']++;
    for (const s of suite?.suites ?? []) count(s, acc);
    return acc;
  };
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, acc);
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) acc.failed++;
      }
      console.log(`tests: ${acc.passed} passed, ${acc.failed} failed${acc.skipped ? `, ${acc.skipped} skipped` : ''}`);
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['test/**/*.test.ts'],
  // msw needs the "browser" export condition; WTR's default is only ['development']
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  browsers: [browser],
  concurrency: 1,
  reporters: [defaultReporter(), closingLine()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  middleware: [
    // MSW's worker must be served from "/" so its scope covers the test pages.
    function mswWorkerAtRoot(ctx, next) {
      if (ctx.url === '/mockServiceWorker.js') ctx.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/mocks/**', 'src/generated/**'],
    threshold: { lines: 90, statements: 90, functions: 0, branches: 0 },
    reportDir: 'coverage',
  },
  testFramework: { config: { timeout: 10000 } },
};
