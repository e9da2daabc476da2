import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { HttpHandler } from 'msw';
import { configure } from '../../src/api/config.js';
import type { KitElement } from '../../src/core/kit-element.js';
import { expectNoLeak, failures, recordEvents, shadow, waitForState, worker } from './mocks.js';

export interface DataElementSuiteOptions {
  /** The element's markup. */
  render: () => TemplateResult;
  /** msw paths the element loads from; the suite breaks them. */
  endpoints: string[];
  /** `detail.source` of its `so-load`. */
  source: string;
  /** True once loaded data is on screen. */
  isLoaded: (el: HTMLElement) => boolean;
  /** Prepares the element when it loads lazily (e.g. opens a dialog); returns where the states render. */
  activate?: (el: HTMLElement) => Promise<Element> | Element;
}

type Refreshable = KitElement & { refresh(): Promise<void> };

const use = (o: DataElementSuiteOptions, make: (path: string) => HttpHandler) => worker.use(...o.endpoints.map(make));

/**
 * What every data element does the same way (design.md "States every data element renders"): loading, loaded,
 * error + Try again for every kind of bad answer, timeout, forbidden, events, refresh, abort, api-base, axe.
 */
export function runDataElementSuite(tag: string, o: DataElementSuiteOptions): void {
  const mount = async () => {
    const el = await fixture<Refreshable>(o.render());
    const root = o.activate ? await o.activate(el) : el;
    return { el, root };
  };

  describe(`<${tag}> as a data element`, () => {
    it('shows an accessible loading state while waiting', async () => {
      use(o, failures.pending);
      const { root } = await mount();
      const state = await waitForState(root, 'loading');
      expect(state.getAttribute('aria-busy')).to.equal('true');
      expect(state.textContent).to.contain('Loading…');
      await expect(root).to.be.accessible();
    });

    it('renders its data, emits so-load once and passes axe', async () => {
      const events: CustomEvent[] = [];
      document.addEventListener('so-load', (e) => events.push(e), { once: true });
      const { el, root } = await mount();
      await waitUntil(() => o.isLoaded(el), 'data rendered', { timeout: 4000 });
      await waitUntil(() => events.length > 0, 'so-load emitted');
      expect(events[0].detail.source).to.equal(o.source);
      expect(events[0].composed).to.equal(true);
      await expect(root).to.be.accessible();
    });

    const bad: [string, (p: string) => HttpHandler, string, number?][] = [
      ['a 500', failures.serverError, 'http', 500],
      ['malformed JSON', failures.malformed, 'invalid-response'],
      ['JSON of the wrong shape', failures.wrongShape, 'invalid-response'],
      ['a network failure', failures.network, 'network'],
    ];
    for (const [name, handler, kind, status] of bad) {
      it(`shows a localized error with Try again on ${name}, and recovers`, async () => {
        use(o, handler);
        const el = await fixture<Refreshable>(o.render());
        const errors = recordEvents(el, 'so-error');
        const root = o.activate ? await o.activate(el) : el;
        const state = await waitForState(root, 'error');
        expect(state.getAttribute('role')).to.equal('alert');
        await waitUntil(() => errors.length > 0, 'so-error emitted');
        expect(errors[0].detail.kind).to.equal(kind);
        if (status) expect(errors[0].detail.status).to.equal(status);
        expect(errors[0].detail.message).to.be.a('string').and.not.match(/\n\s+at /);
        expectNoLeak(root);
        await expect(root).to.be.accessible();
        worker.resetHandlers();
        shadow(root).querySelector<HTMLButtonElement>('.state.error button')!.click();
        await waitUntil(() => o.isLoaded(el), 'recovered after Try again', { timeout: 4000 });
      });
    }

    it('gives up after the configured timeout', async () => {
      configure({ timeout: 150 });
      use(o, (p) => failures.slow(p, 3000));
      const el = await fixture<Refreshable>(o.render());
      const errors = recordEvents(el, 'so-error');
      const root = o.activate ? await o.activate(el) : el;
      await waitForState(root, 'error');
      await waitUntil(() => errors.length > 0);
      expect(errors[0].detail.kind).to.equal('timeout');
    });

    it('shows the forbidden state on 403, without retrying', async () => {
      use(o, failures.forbidden);
      const el = await fixture<Refreshable>(o.render());
      const errors = recordEvents(el, 'so-error');
      const root = o.activate ? await o.activate(el) : el;
      const state = await waitForState(root, 'forbidden');
      expect(state.textContent).to.match(/do not have access/);
      expect(state.querySelector('button')).to.equal(null);
      await waitUntil(() => errors.length > 0);
      expect(errors[0].detail).to.include({ kind: 'forbidden', status: 403 });
      await expect(root).to.be.accessible();
    });

    it('aborts its request when removed from the page', async () => {
      const signals: AbortSignal[] = [];
      configure({
        fetch: (_input, init) => {
          if (init?.signal) signals.push(init.signal);
          return new Promise<Response>(() => {});
        },
      });
      const { el } = await mount();
      await waitUntil(() => signals.length > 0, 'request started');
      el.remove();
      await waitUntil(() => signals.every((s) => s.aborted), 'request aborted');
    });

    it('sends its requests to its own api-base', async () => {
      const urls: string[] = [];
      configure({
        fetch: (input, init) => {
          urls.push(String(input));
          return fetch(String(input).replace('https://tenant.example/Cust1/api/v1', '/api/v1'), init);
        },
      });
      const el = await fixture<Refreshable>(o.render());
      el.apiBase = 'https://tenant.example/Cust1/api/v1';
      if (o.activate) await o.activate(el);
      await waitUntil(() => urls.length > 0 && o.isLoaded(el), 'loaded through the element api-base', { timeout: 4000 });
      expect(urls.every((u) => u.startsWith('https://tenant.example/Cust1/api/v1/'))).to.equal(true);
    });
  });
}
