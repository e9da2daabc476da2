import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { worker } from '../../src/mocks/browser.js';
import { setScenario } from '../../src/mocks/scenarios.js';
import { clearSharedAnswers } from '../../src/api/client.js';
import { configure } from '../../src/api/config.js';
import { setLocale } from '../../src/localization.js';

export { worker };

/** Starts the msw worker for this test file and resets handlers, scenario, shared answers and config after each test. */
export function useMockBackend(): void {
  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' });
  });
  afterEach(async () => {
    // Remove the test's elements first, so the reset below cannot make them reload into the next test.
    fixtureCleanup();
    worker.resetHandlers();
    setScenario('default');
    configure({ apiBase: undefined, auth: undefined, fetch: undefined, timeout: undefined, trustedOrigins: undefined });
    clearSharedAnswers();
    await setLocale('en');
  });
  // Not awaited: msw's stop() waits for requests in flight, and the loading-state tests leave one pending forever.
  after(() => void worker.stop());
}

/** The element's shadow root. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** `[part~=…]` inside the shadow root. */
export const part = (el: Element, name: string): HTMLElement | null =>
  shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);

/** The visible text of the shadow root, whitespace folded. */
export const text = (el: Element): string => (shadow(el).textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

export type UiState = 'loading' | 'error' | 'forbidden' | 'empty';

/** Waits until the element shows one of the shared states. */
export async function waitForState(el: Element, state: UiState, timeout = 4000): Promise<HTMLElement> {
  await waitUntil(() => shadow(el).querySelector(`.state.${state}`), `state ${state} shown`, { timeout });
  return shadow(el).querySelector<HTMLElement>(`.state.${state}`)!;
}

/** Counts requests whose URL matches `pattern` (a substring of the path). */
export function countRequests(pattern: string): { count: number; requests: Request[]; stop: () => void } {
  const result = { count: 0, requests: [] as Request[], stop: () => {} };
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.includes(pattern)) {
      result.count++;
      result.requests.push(request.clone());
    }
  };
  worker.events.on('request:start', listener);
  result.stop = () => worker.events.removeListener('request:start', listener);
  return result;
}

/** Failure answers every data element must survive. */
export const failures = {
  serverError: (path: string) =>
    http.get(path, () =>
      HttpResponse.json({ Error: true, ErrorType: 'Exception', ErrorMessage: 'Boom' }, { status: 500 }),
    ),
  forbidden: (path: string) =>
    http.get(path, () =>
      HttpResponse.json({ Error: true, ErrorType: 'Forbidden', ErrorMessage: 'No access' }, { status: 403 }),
    ),
  malformed: (path: string) =>
    http.get(path, () => new HttpResponse('<html><body>Proxy error</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
  wrongShape: (path: string) => http.get(path, () => HttpResponse.json({ unexpected: true, value: 'nope' })),
  network: (path: string) => http.get(path, () => HttpResponse.error()),
  slow: (path: string, ms = 2000) =>
    http.get(path, async () => {
      await delay(ms);
      return HttpResponse.json([]);
    }),
  pending: (path: string) =>
    http.get(path, async () => {
      await delay('infinite');
      return HttpResponse.json([]);
    }),
};

/** Records events of `types` dispatched through `el`. */
export function recordEvents(el: EventTarget, ...types: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const type of types) el.addEventListener(type, (e) => seen.push(e as CustomEvent));
  return seen;
}

/** Asserts nothing the user sees or hears leaks a token or a stack trace. */
export function expectNoLeak(el: Element, secret = 'secret-token'): void {
  const t = text(el);
  expect(t).not.to.contain(secret);
  expect(t).not.to.match(/\bat \w+ \(|Error: /);
}
