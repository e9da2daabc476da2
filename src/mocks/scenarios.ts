/**
 * Named states of the mock backend. The handlers ask for the current scenario on every request, so tests,
 * stories and the demo page can switch it at run time (`setScenario`) or by URL (`?scenario=expiring`).
 */
import { resetMockState } from './state.js';

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
  // writes (writes.ts): 403 on writes; the next PATCH meets someone else's change (409); 500 on writes; 1.5 s writes
  'read-only',
  'conflict',
  'write-fails',
  'slow-writes',
  // the licence update (licence-writes.ts): a new licence ready to activate; one whose Service Premium seats are two
  // below its holders; the server activated it itself; the licence server cannot be reached; W4 refuses it; the shop
  // URL is not https
  'pending',
  'pending-blocked',
  'auto-activated',
  'licence-server-down',
  'activation-rejected',
  'shop-not-https',
] as const;

export type Scenario = (typeof scenarios)[number];

let current: Scenario = 'default';

export const isScenario = (x: unknown): x is Scenario => (scenarios as readonly unknown[]).includes(x);

/** The scenario the handlers answer with. */
export const getScenario = (): Scenario => current;

/** Switches the scenario for all following requests, and forgets what writes changed (see `state.ts`). */
export function setScenario(s: Scenario): void {
  current = s;
  resetMockState(s);
}

/** The scenario named by `?scenario=` in `url` (default: the page URL), or `'default'`. */
export function scenarioFromUrl(url: string | URL = globalThis.location?.href ?? 'http://localhost/'): Scenario {
  const name = new URL(url, 'http://localhost/').searchParams.get('scenario');
  return isScenario(name) ? name : 'default';
}
