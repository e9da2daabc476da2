/** The mock backend in the browser (tests, Storybook, the demo page), through msw's service worker. */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.js';
import { scenarioFromUrl, setScenario, type Scenario } from './scenarios.js';

export const worker = setupWorker(...handlers);

/**
 * Sets the scenario (default: `?scenario=` of the page URL) and starts the worker from `/mockServiceWorker.js`.
 * Requests without a handler go to the network; msw's console logging is off unless `quiet: false`.
 */
export async function startMockWorker(options: { scenario?: Scenario; quiet?: boolean } = {}): Promise<void> {
  setScenario(options.scenario ?? scenarioFromUrl());
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledFrame: 'bypass',
    quiet: options.quiet ?? true,
  });
}
