/**
 * Named states of the mock backend. The handlers ask for the current scenario on every request, so tests,
 * stories and the demo page can switch it at run time (`setScenario`) or by URL (`?scenario=expiring`).
 */
export const scenarios = [
  'default',
  'expiring',
  'expired',
  'empty',
  'forbidden',
  'server-error',
  'malformed',
  'slow',
  'large',
  'onsite',
  // Hostile data from the server (markup in a message, a javascript: portrait URL), shown as text and dropped.
  'xss',
] as const;

export type Scenario = (typeof scenarios)[number];

let current: Scenario = 'default';

export const isScenario = (x: unknown): x is Scenario => (scenarios as readonly unknown[]).includes(x);

/** The scenario the handlers answer with. */
export const getScenario = (): Scenario => current;

/** Switches the scenario for all following requests. */
export function setScenario(s: Scenario): void {
  current = s;
}

/** The scenario named by `?scenario=` in `url` (default: the page URL), or `'default'`. */
export function scenarioFromUrl(url: string | URL = globalThis.location?.href ?? 'http://localhost/'): Scenario {
  const name = new URL(url, 'http://localhost/').searchParams.get('scenario');
  return isScenario(name) ? name : 'default';
}
