import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import '../src/components/system-events/define.js';
import type { SoSystemEvents } from '../src/components/system-events/system-events.js';
import { initials, portraitUrl } from '../src/core/portrait.js';
import { Poller, pollFloor, type Clock } from '../src/core/poller.js';
import { HTML_EVENT_MESSAGE, MALICIOUS_PORTRAIT } from '../src/mocks/data.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, part, recordEvents, shadow, text, useMockBackend, waitForState, worker } from './support/mocks.js';

// ---- what a person sees ----------------------------------------------------------------------------------------

const grid = (el: Element) => shadow(el).querySelector<HTMLElement>('[role=grid]')!;
/** The rendered event rows (not the header row). */
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const rowAt = (el: Element, rowIndex: number) => shadow(el).querySelector<HTMLElement>(`.body > [aria-rowindex="${rowIndex}"]`);
const cells = (row: Element) => [...row.querySelectorAll('[role=gridcell]')].map((c) => c.textContent!.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim());
const details = (el: Element) => shadow(el).querySelector<HTMLElement>('[role=region][part=details]')!;
/** `aria-rowindex` of the focused row, or null. */
const focused = (el: Element) => shadow(el).activeElement?.getAttribute('aria-rowindex') ?? null;

/** A real mouse click in the middle of row `rowIndex`. */
async function clickRow(el: Element, rowIndex: number) {
  rowAt(el, rowIndex)!.scrollIntoView({ block: 'nearest' });
  const r = rowAt(el, rowIndex)!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
  await (el as SoSystemEvents).updateComplete;
}

async function mount(markup = html`<so-system-events></so-system-events>`): Promise<SoSystemEvents> {
  const el = await fixture<SoSystemEvents>(markup);
  await waitUntil(() => rowAt(el, 2), 'first event row shown', { timeout: 4000 });
  return el;
}

/** Scrolls the grid to its end, once. */
async function scrollToEnd(el: Element) {
  const g = grid(el);
  g.scrollTop = g.scrollHeight;
  await nextFrame();
}

/** Scrolls so that row `index` (0-based, loaded) is at the top of the grid. */
async function scrollToRow(el: Element, index: number) {
  const g = grid(el);
  g.scrollTop = index * rows(el)[0].offsetHeight;
  await nextFrame();
}

/** Scrolls to the end until the last page has arrived (at most `pages` times), then to the very end. */
async function scrollThroughAll(el: Element, pages: number) {
  for (let i = 0; i < pages && grid(el).getAttribute('aria-rowcount') === '-1'; i++) {
    await scrollToEnd(el);
    await waitUntil(() => !part(el, 'footer')!.textContent!.trim(), 'page loaded', { timeout: 4000, interval: 5 });
  }
  await scrollToEnd(el);
}

// ---- a backend of our own for paging and polling -----------------------------------------------------------------

type Row = Record<string, unknown> & { PrimaryKey: number };

/** Event `i` of a list, newest first: an hour apart, counting back from 1 March 2026. */
function event(i: number, o: Partial<Row> = {}): Row {
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  const registered = Date.UTC(2026, 2, 1, 12) - i * 3_600_000;
  return {
    PrimaryKey: 5000 - i,
    EntityName: 'systemevent',
    eventname: `Event ${i}`,
    status: 'Finished',
    eventmess: `Message of event ${i}`,
    registered: at(registered),
    registered_associate_id_assocName: 'SYSTEM',
    registered_associate_id_fullName: 'SuperOffice System',
    registered_associate_id_portraitThumbnail: '',
    eta: at(registered + 600_000),
    type: 'Database',
    ...o,
  };
}
const events = (n: number) => Array.from({ length: n }, (_, i) => event(i));

/** Serves `source()` as OData pages honouring $top/$skip; `wait` delays each answer. */
function serveEvents(source: () => Row[], wait = 0) {
  const seen = { requests: 0, inFlight: 0, maxInFlight: 0 };
  worker.use(
    http.get('*/api/v1/SystemEvent', async ({ request }) => {
      seen.requests++;
      seen.maxInFlight = Math.max(seen.maxInFlight, ++seen.inFlight);
      try {
        if (wait) await delay(wait);
        const q = new URL(request.url).searchParams;
        const [top, skip] = [Number(q.get('$top')), Number(q.get('$skip'))];
        const all = source();
        const next = skip + top < all.length ? `${request.url.replace(/\$skip=\d+/, `$skip=${skip + top}`)}` : null;
        return HttpResponse.json({ 'odata.metadata': '', 'odata.nextLink': next, value: all.slice(skip, skip + top) });
      } finally {
        seen.inFlight--;
      }
    }),
  );
  return seen;
}

const skips = (requests: Request[]) => requests.map((r) => new URL(r.url).searchParams.get('$skip'));

describe('<so-system-events>', () => {
  useMockBackend();

  runDataElementSuite('so-system-events', {
    render: () => html`<so-system-events></so-system-events>`,
    endpoints: ['*/api/v1/SystemEvent'],
    source: 'SystemEvent',
    isLoaded: (el) => !!rowAt(el, 2),
  });

  it('shows the seven columns, newest first, asking the server for pages of 50 in that order', async () => {
    const requests = countRequests('/SystemEvent');
    const el = await mount();
    const headers = [...grid(el).querySelectorAll('[role=columnheader]')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Event', 'Status', 'Message', 'Activated', 'Activated by', 'Finished', 'Type']);
    expect(grid(el).getAttribute('aria-colcount')).to.equal('7');
    expect(grid(el).getAttribute('aria-labelledby')).to.equal('title');
    expect(part(el, 'heading')!.textContent).to.equal('System notifications');

    const q = new URL(requests.requests[0].url).searchParams;
    expect(q.get('$orderBy')).to.equal('registered desc');
    expect([q.get('$top'), q.get('$skip')]).to.deep.equal(['50', '0']);
    requests.stop();

    const first = cells(rows(el)[0]);
    expect(first).to.have.length(7);
    expect(first[0]).to.equal('Maintenance window');
    expect(first[4]).to.equal('SS SYSTEM');
    const times = rows(el).map((r) => Date.parse(cells(r)[3]));
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]), 'newest first').to.equal(true);
  });

  it('renders a message with markup as plain characters, in the row and in the details', async () => {
    setScenario('xss');
    const el = await mount();
    const row = rows(el).find((r) => cells(r)[2] === HTML_EVENT_MESSAGE)!;
    expect(row, 'the message is shown verbatim').to.not.equal(undefined);
    expect(shadow(el).querySelector('b, img[src=x], img:not(.avatar)')).to.equal(null);
    await clickRow(el, Number(row.getAttribute('aria-rowindex')));
    await waitUntil(() => details(el).textContent!.includes('<b>Heads up</b>'), 'details show the message');
    expect(details(el).querySelector('.details-message')!.textContent).to.equal(HTML_EVENT_MESSAGE);
    expect(details(el).querySelector('b, img')).to.equal(null);
  });

  it('shows portraits only from safe URLs and initials otherwise', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    worker.use(
      http.get('https://tenant.example/Cust1/api/v1/portraits/7.png', () =>
        HttpResponse.arrayBuffer(Uint8Array.from(atob(png), (c) => c.charCodeAt(0)).buffer, { headers: { 'Content-Type': 'image/png' } }),
      ),
      http.get('https://tenant.example/Cust1/api/v1/portraits/gone.png', () => new HttpResponse(null, { status: 404 })),
    );
    const person = (portrait: string) => ({ registered_associate_id_portraitThumbnail: portrait, registered_associate_id_fullName: 'Henrik Madsen' });
    serveEvents(() => [
      event(0, person(MALICIOUS_PORTRAIT)),
      event(1, person('portraits/7.png')),
      event(2, person('data:text/html,<script>alert(1)</script>')),
      event(3, person(`data:image/png;base64,${png}`)),
      event(4, person('portraits/gone.png')),
    ]);
    const el = await mount(html`<so-system-events api-base="https://tenant.example/Cust1/api/v1"></so-system-events>`);
    const avatar = (i: number) => rows(el)[i].querySelector('.avatar')!;
    for (const i of [0, 2]) {
      expect(avatar(i).tagName).to.equal('SPAN');
      expect(avatar(i).textContent!.trim()).to.equal('HM');
      expect(avatar(i).getAttribute('aria-hidden')).to.equal('true');
    }
    expect(avatar(1).getAttribute('src')).to.equal('https://tenant.example/Cust1/api/v1/portraits/7.png');
    expect(avatar(1).getAttribute('alt')).to.equal('');
    expect(avatar(3).getAttribute('src')).to.equal(`data:image/png;base64,${png}`);
    // A portrait that fails to load falls back to initials too.
    await waitUntil(() => avatar(4).tagName === 'SPAN', 'broken portrait replaced by initials');
    expect((avatar(1) as HTMLImageElement).complete && (avatar(1) as HTMLImageElement).naturalWidth).to.equal(1);
    expect(cells(rows(el)[1])[4]).to.equal('SYSTEM');
  });

  it('selects rows by click and keyboard, emits so-event-select and fills the details panel', async () => {
    const el = await mount();
    const selects = recordEvents(el, 'so-event-select');
    const region = details(el);
    expect(region.getAttribute('aria-labelledby')).to.equal('details-title');
    expect(shadow(el).getElementById('details-title')!.textContent).to.equal('Details');
    expect(region.textContent).to.contain('Select a notification');

    // One tab stop: the first row.
    expect(rows(el).filter((r) => r.tabIndex === 0).map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(['2']);
    await clickRow(el, 3);
    expect(rowAt(el, 3)!.getAttribute('aria-selected')).to.equal('true');
    expect(selects.map((e) => e.detail)).to.deep.equal([{ id: 29 }]);
    expect(region.textContent).to.contain(cells(rowAt(el, 3)!)[0]);
    expect(focused(el)).to.equal('3');
    expect(rowAt(el, 3)!.tabIndex).to.equal(0);

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)).to.equal('5');
    expect(rowAt(el, 5)!.getAttribute('aria-selected'), 'arrows move, they do not select').to.equal('false');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rowAt(el, 5)!.getAttribute('aria-selected')).to.equal('true');
    expect(rowAt(el, 3)!.getAttribute('aria-selected')).to.equal('false');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(rowAt(el, 4)!.getAttribute('aria-selected')).to.equal('true');
    expect(selects.map((e) => e.detail.id)).to.deep.equal([29, 27, 28]);
    expect(selects[0].bubbles && selects[0].composed).to.equal(true);
    expect(details(el).querySelector('.details-name')!.textContent).to.equal(cells(rowAt(el, 4)!)[0]);
    expect(details(el).textContent).to.contain('Activated by').and.contain('Finished');

    await sendKeys({ press: 'Space' });
    expect(selects, 'selecting the selected row again says nothing').to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('moves with Home, End, PageUp and PageDown and scrolls the focused row into view', async () => {
    const el = await mount();
    rows(el)[0].focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => focused(el) === '31', 'last row focused');
    const g = grid(el).getBoundingClientRect();
    const r = rowAt(el, 31)!.getBoundingClientRect();
    expect(r.bottom).to.be.at.most(g.bottom + 1);
    expect(r.top).to.be.at.least(g.top);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    const after = Number(focused(el));
    expect(after).to.be.below(31).and.above(2);
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(focused(el)).to.equal('31');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focused(el) === '2', 'first row focused');
    expect(grid(el).scrollTop).to.equal(0);
  });

  it('keeps keyboard focus in the grid when the focused row is scrolled away', async () => {
    setScenario('large');
    const el = await mount();
    await clickRow(el, 3);
    grid(el).scrollTop = 1500;
    await waitUntil(() => !rowAt(el, 3), 'row scrolled out of the window');
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(grid(el));
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(el) === '4', 'the row after the active one is focused again');
    expect(grid(el).scrollTop).to.be.below(200);
  });

  it('reloads everything, fresh, on refresh()', async () => {
    let all = events(3);
    serveEvents(() => all);
    const el = await mount();
    all = [event(-1, { eventname: 'After refresh' }), ...all];
    await el.refresh();
    await waitUntil(() => rows(el).length === 4, 'reloaded');
    expect(cells(rows(el)[0])[0]).to.equal('After refresh');
  });

  it('is a table of seven columns on a wide screen and cards on a narrow one, accessible in both', async () => {
    const [width, height] = [window.innerWidth, window.innerHeight];
    await setViewport({ width: 1280, height: 900 });
    try {
      const el = await mount();
      await clickRow(el, 3);
      const header = part(el, 'header')!;
      expect(header.getBoundingClientRect().height).to.be.greaterThan(20);
      const [a, b] = rows(el);
      expect(a.getBoundingClientRect().height).to.equal(b.getBoundingClientRect().height);
      const wide = a.getBoundingClientRect().height;
      await expect(el).to.be.accessible();
      await setViewport({ width: 360, height: 800 });
      await waitUntil(() => rows(el)[0].getBoundingClientRect().height > wide * 1.5, 'rows became cards');
      // The header becomes a wrapping strip of the seven sort buttons: all visible, a small part of the grid.
      const sorts = [...header.querySelectorAll('button')];
      expect(sorts.length).to.equal(7);
      for (const button of sorts) expect(button.getBoundingClientRect().width, button.textContent!).to.be.greaterThan(20);
      expect(header.getBoundingClientRect().height, 'header strip').to.be.below(grid(el).clientHeight / 3);
      expect(grid(el).scrollWidth).to.be.at.most(grid(el).clientWidth);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width, height });
    }
  });

  it('shows the running jobs on top with labelled progress bars', async () => {
    const el = await mount();
    const jobs = part(el, 'jobs')!;
    expect(jobs.compareDocumentPosition(grid(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(jobs.querySelector('h3')!.textContent).to.equal('Running jobs');
    const bars = [...jobs.querySelectorAll('progress')];
    expect(bars.map((b) => [b.value, b.max])).to.deep.equal([
      [45, 100],
      [80, 100],
      [0, 100],
    ]);
    const label = shadow(el).getElementById(bars[0].getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Import');
    expect(shadow(el).getElementById(bars[0].getAttribute('aria-describedby')!)!.textContent).to.contain('Importing row 1,845 of 4,100');
    expect(jobs.textContent).to.contain('45%').and.contain('Import of "Trade fair leads 2026.xlsx"');
    await expect(el).to.be.accessible();
  });

  for (const status of [404, 403]) {
    it(`hides the running jobs silently when E7 answers ${status}`, async () => {
      worker.use(http.get('*/api/v1/BatchTask/Started', () => HttpResponse.json({ Error: true }, { status })));
      const errors = recordEvents(document, 'so-error');
      const el = await mount();
      expect(part(el, 'jobs')).to.equal(null);
      expect(shadow(el).querySelector('.notice, [role=alert]')).to.equal(null);
      expect(errors).to.have.length(0);
    });
  }

  it('says so when the running jobs fail otherwise, and still shows the events', async () => {
    worker.use(http.get('*/api/v1/BatchTask/Started', () => HttpResponse.json({ Error: true }, { status: 500 })));
    const el = await mount();
    expect(text(el)).to.contain('Running jobs could not be loaded.');
    expect(rows(el).length).to.be.greaterThan(5);
  });

  it('shows the empty sentence when there are no events and no jobs', async () => {
    setScenario('empty');
    const el = await fixture<SoSystemEvents>(html`<so-system-events></so-system-events>`);
    const state = await waitForState(el, 'empty');
    expect(state.textContent!.trim()).to.equal('There are no system notifications.');
    await expect(el).to.be.accessible();
  });

  it('shows the running jobs and the empty sentence when only jobs exist', async () => {
    serveEvents(() => []);
    const el = await fixture<SoSystemEvents>(html`<so-system-events></so-system-events>`);
    await waitUntil(() => part(el, 'jobs'), 'jobs shown');
    expect(shadow(el).querySelector('.state.empty')!.textContent).to.contain('There are no system notifications.');
    expect(shadow(el).querySelector('[role=grid]')).to.equal(null);
  });

  describe('paging', () => {
    it('asks for the next 50 with $skip=50 when scrolled near the end of the loaded rows; aria-rowcount is the server total', async () => {
      setScenario('large');
      const requests = countRequests('/SystemEvent');
      const el = await mount();
      // The mock answers $inlineCount=allpages with odata.count: the real total is known from the first page.
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('10001');
      expect(new Set(skips(requests.requests))).to.deep.equal(new Set(['0']));
      await scrollToRow(el, 42);
      await waitUntil(() => rowAt(el, 52), 'row 51 rendered');
      expect(new Set(skips(requests.requests))).to.deep.equal(new Set(['0', '50']));
      expect(requests.requests.map((r) => new URL(r.url).searchParams.get('$top'))).to.deep.equal(['50', '50']);
      requests.stop();
    });

    it('gives the real total in aria-rowcount once the last page arrived', async () => {
      serveEvents(() => events(120));
      const el = await mount();
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('-1');
      await scrollThroughAll(el, 10);
      await waitUntil(() => rowAt(el, 121), 'last row rendered');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('121');
      expect(cells(rowAt(el, 121)!)[0]).to.equal('Event 119');
      const indexes = rows(el).map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(indexes).to.deep.equal(indexes.map((_, i) => indexes[0] + i), 'consecutive row indexes');
      expect(rows(el).length).to.be.below(50);
    });

    it('loads the next page when the keyboard reaches the end', async () => {
      serveEvents(() => events(70));
      const el = await mount();
      rows(el)[0].focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => grid(el).getAttribute('aria-rowcount') === '71', 'second page loaded');
      await sendKeys({ press: 'End' });
      await waitUntil(() => focused(el) === '71', 'the very last row focused');
    });

    it('says when the next page fails, keeps the rows and retries on request', async () => {
      let fail = true;
      worker.use(
        http.get('*/api/v1/SystemEvent', ({ request }) => {
          if (fail && new URL(request.url).searchParams.get('$skip') !== '0') return HttpResponse.error();
          return undefined;
        }),
      );
      setScenario('large');
      const el = await mount();
      await scrollToRow(el, 42);
      const footer = part(el, 'footer')!;
      await waitUntil(() => footer.getAttribute('role') === 'alert', 'failure announced');
      expect(footer.textContent).to.contain('Could not load more notifications.').and.contain('could not be reached');
      expect(rows(el).length).to.be.greaterThan(10);
      fail = false;
      footer.querySelector('button')!.click();
      await waitUntil(() => rowAt(el, 52), 'next page (row 51) shown after Try again');
      expect(part(el, 'footer')!.getAttribute('role')).to.equal('status');
    });

    it('keeps the DOM small when scrolled to the end of 10,000 events', async function () {
      this.timeout(60_000);
      setScenario('large');
      const el = await mount();
      await scrollThroughAll(el, 250);
      // Sized from odata.count, the jump to the end loads the rows in between 1,000 at a time.
      await waitUntil(() => rowAt(el, 10_001), 'last event rendered', { timeout: 30_000 });
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('10001');
      const elements = shadow(el).querySelectorAll('*').length;
      expect(elements, `${elements} elements`).to.be.below(800);
      expect(rows(el).length).to.be.below(40);
    });
  });

  describe('polling', () => {
    // These stories poll every few milliseconds to stay short; the floor itself is tested below.
    beforeEach(() => (pollFloor.ms = 0));
    afterEach(() => {
      pollFloor.ms = 5000;
      Reflect.deleteProperty(document, 'visibilityState');
    });

    it('a failed first load is tried again by polling, quietly, and recovers when the server does', async () => {
      let down = true;
      let served = 0;
      worker.use(
        http.get('*/api/v1/SystemEvent', () => {
          served++;
          return down ? HttpResponse.json({}, { status: 502 }) : undefined;
        }),
      );
      const errors = recordEvents(document, 'so-error');
      const el = await fixture<SoSystemEvents>(html`<so-system-events refresh-interval="0.02"></so-system-events>`);
      await waitForState(el, 'error');
      await waitUntil(() => served >= 3, 'polls retry the load');
      expect(shadow(el).querySelector('.state.error'), 'the failure stays on screen meanwhile').to.not.equal(null);
      expect(errors.length, 'one so-error for one failure').to.equal(1);
      down = false;
      await waitUntil(() => rowAt(el, 2), 'rows once the server is back', { timeout: 4000 });
      expect(shadow(el).querySelector('.state.error')).to.equal(null);
    });

    it('refreshes the newest page and keeps the selection, never overlapping requests', async () => {
      let all = events(20);
      const seen = serveEvents(() => all, 60);
      const el = await mount(html`<so-system-events refresh-interval="0.03"></so-system-events>`);
      seen.maxInFlight = 0; // only this element's requests from here on
      await clickRow(el, 4);
      all = [event(-2, { eventname: 'Brand new' }), event(-1), ...all];
      await waitUntil(() => cells(rows(el)[0])[0] === 'Brand new', 'new event on top', { timeout: 3000 });
      const selected = shadow(el).querySelector('[aria-selected=true]')!;
      expect(selected.getAttribute('aria-rowindex')).to.equal('6');
      expect(cells(selected)[0]).to.equal('Event 2');
      expect(details(el).querySelector('.details-name')!.textContent).to.equal('Event 2');
      expect(shadow(el).querySelectorAll('[aria-selected=true]')).to.have.length(1);
      await waitUntil(() => seen.requests >= 4, 'several polls');
      expect(seen.maxInFlight).to.equal(1);
    });

    it('keeps the same rows in view when new events arrive above them', async () => {
      let all = events(120);
      serveEvents(() => all);
      const el = await mount(html`<so-system-events refresh-interval="0.03"></so-system-events>`);
      grid(el).scrollTop = 30 * rows(el)[0].offsetHeight;
      await waitUntil(() => rowAt(el, 40), 'scrolled down');
      const event30 = () => rows(el).find((r) => cells(r)[0] === 'Event 30');
      const y = () => event30()!.getBoundingClientRect().top;
      const before = y();
      all = [event(-3), event(-2), event(-1), ...all];
      await waitUntil(() => event30()?.getAttribute('aria-rowindex') === '35', 'three new rows above', { timeout: 3000 });
      await nextFrame();
      expect(Math.abs(y() - before), 'Event 30 stays where it was').to.be.below(2);
      const names = rows(el).map((r) => cells(r)[0]);
      expect(names.length, 'no row twice').to.equal(new Set(names).size);
    });

    it('pauses while the page is hidden and stops when removed', async () => {
      const seen = serveEvents(() => events(5));
      const el = await mount(html`<so-system-events refresh-interval="0.02"></so-system-events>`);
      await waitUntil(() => seen.requests >= 2, 'polling');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      await delay(60); // a poll in flight may finish
      const hidden = seen.requests;
      await delay(150);
      expect(seen.requests, 'no polls while hidden').to.equal(hidden);
      Reflect.deleteProperty(document, 'visibilityState');
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => seen.requests > hidden, 'polling again once visible');
      el.remove();
      await delay(60);
      const removed = seen.requests;
      await delay(150);
      expect(seen.requests, 'no polls once removed').to.equal(removed);
    });

    it('says when a poll fails and keeps showing the rows', async () => {
      let fail = false;
      worker.use(http.get('*/api/v1/SystemEvent', () => (fail ? HttpResponse.error() : undefined)));
      const el = await mount(html`<so-system-events refresh-interval="0.02"></so-system-events>`);
      fail = true;
      await waitUntil(() => text(el).includes('could not be refreshed'), 'failure shown', { timeout: 3000 });
      expect(rows(el).length).to.be.greaterThan(5);
      expect(shadow(el).querySelector('.state.error')).to.equal(null);
      fail = false;
      await waitUntil(() => !text(el).includes('could not be refreshed'), 'recovered', { timeout: 3000 });
    });
  });

  it('speaks Swedish, dates included', async () => {
    await setLocale('sv');
    serveEvents(() => [event(0)]);
    const el = await mount();
    expect(part(el, 'heading')!.textContent).to.equal('Systemmeddelanden');
    const headers = [...grid(el).querySelectorAll('[role=columnheader]')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Händelse', 'Status', 'Meddelande', 'Aktiverat', 'Aktiverad av', 'Avslutat', 'Typ']);
    expect(cells(rows(el)[0])[3]).to.equal('1 mars 2026 12:00');
    expect(text(el)).to.contain('Pågående jobb').and.contain('Välj ett meddelande');
    await expect(el).to.be.accessible();
  });

  it('shows running jobs as the server words them in German, German number format included', async () => {
    await setLocale('de');
    const el = await mount();
    const jobs = part(el, 'jobs')!;
    expect(jobs.querySelector('h3')!.textContent).to.equal('Laufende Aufträge');
    const bar = jobs.querySelector('progress')!;
    const status = shadow(el).getElementById(bar.getAttribute('aria-describedby')!)!.textContent!;
    expect(status).to.contain('Zeile 1.845 von 4.100 wird importiert').and.contain('Gestartet am');
    expect(jobs.textContent).to.contain('45\u00a0%').and.not.contain('1,845');
  });
});

describe('portraitUrl()', () => {
  const base = 'https://online.example/Cust1/api/v1';
  it('keeps http(s) and data:image URLs', () => {
    expect(portraitUrl('https://cdn.example/p/1.png', base)).to.equal('https://cdn.example/p/1.png');
    expect(portraitUrl('http://cdn.example/p/1.png', base)).to.equal('http://cdn.example/p/1.png');
    expect(portraitUrl(' data:image/svg+xml,%3Csvg%3E ', base)).to.equal('data:image/svg+xml,%3Csvg%3E');
    expect(portraitUrl('DATA:IMAGE/PNG;base64,AAAA', base)).to.equal('DATA:IMAGE/PNG;base64,AAAA');
  });
  it('resolves relative URLs against the API base', () => {
    expect(portraitUrl('blobby/7.png', base)).to.equal('https://online.example/Cust1/api/v1/blobby/7.png');
    expect(portraitUrl('../blobby/7.png', base)).to.equal('https://online.example/Cust1/api/blobby/7.png');
    expect(portraitUrl('/img/7.png', base)).to.equal('https://online.example/img/7.png');
    expect(portraitUrl('blobby/7.png', '/api/v1')).to.equal(new URL('/api/v1/blobby/7.png', document.baseURI).href);
  });
  it('refuses every other scheme, however it is disguised', () => {
    for (const bad of [
      MALICIOUS_PORTRAIT,
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://online.example/1',
      'http://[bad',
      '',
      '   ',
    ]) {
      expect(portraitUrl(bad, base), JSON.stringify(bad)).to.equal('');
    }
  });
});

describe('initials()', () => {
  it('takes the first letters of the first and last name, else the user id', () => {
    expect(initials('Ingrid Solberg', 'INGRID')).to.equal('IS');
    expect(initials('Linnéa Maria Johansson', 'LINNEA')).to.equal('LJ');
    expect(initials('Åse', 'ASE')).to.equal('ÅS');
    expect(initials('', 'erik')).to.equal('ER');
    expect(initials('', '')).to.equal('');
  });
});

// ---- the poller, on a fake clock ---------------------------------------------------------------------------------

class FakeClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private id = 0;
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    this.timers.set(++this.id, { at: this.time + ms, callback });
    return this.id;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  /** When the next timer fires, from now; undefined when none is set. */
  get next(): number | undefined {
    const ats = [...this.timers.values()].map((t) => t.at - this.time);
    return ats.length ? Math.min(...ats) : undefined;
  }
  /** Moves time on by `ms`, firing due timers in order and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

/** A poller on a fake host and clock; `runs` holds each run's signal and its deferred outcome. */
function poller(interval: number, maxBackoff?: number) {
  const clock = new FakeClock();
  const runs: { signal: AbortSignal; outcome: ReturnType<typeof deferred> }[] = [];
  let controller!: ReactiveController;
  const host = { addController: (c: ReactiveController) => (controller = c) } as unknown as ReactiveControllerHost;
  const state = { interval };
  const p = new Poller(host, {
    interval: () => state.interval,
    clock,
    maxBackoff,
    run: (signal) => {
      const outcome = deferred();
      runs.push({ signal, outcome });
      return outcome.promise;
    },
  });
  controller.hostConnected!();
  controller.hostUpdated!();
  return { p, clock, runs, state, controller };
}

describe('Poller', () => {
  // Intervals of 1 s keep these stories readable; the floor has its own test.
  beforeEach(() => (pollFloor.ms = 0));
  afterEach(() => {
    pollFloor.ms = 5000;
    Reflect.deleteProperty(document, 'visibilityState');
  });
  const setHidden = (hidden: boolean) => {
    if (hidden) Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    else Reflect.deleteProperty(document, 'visibilityState');
    document.dispatchEvent(new Event('visibilitychange'));
  };

  it('never runs more often than the floor of 5 s, whatever the interval asks', async () => {
    pollFloor.ms = 5000;
    const { clock, runs, state, controller } = poller(1);
    expect(clock.next).to.equal(5000);
    await clock.advance(4999);
    expect(runs).to.have.length(0);
    await clock.advance(1);
    expect(runs).to.have.length(1);
    runs[0].outcome.resolve();
    await settle();
    expect(clock.next).to.equal(5000);
    state.interval = 0;
    controller.hostUpdated!();
    expect(clock.next, '0 is still off').to.equal(undefined);
  });

  it('honours a Retry-After longer than its own wait, then returns to the interval', async () => {
    const { clock, runs } = poller(1000);
    await clock.advance(1000);
    runs[0].outcome.reject(Object.assign(new Error('429'), { retryAfter: 120_000 }));
    await settle();
    expect(clock.next).to.equal(120_000);
    await clock.advance(120_000);
    expect(runs).to.have.length(2);
    runs[1].outcome.resolve();
    await settle();
    expect(clock.next).to.equal(1000);
  });

  it('runs every interval, counted from the end of the previous run, never two at once', async () => {
    const { clock, runs } = poller(1000);
    await clock.advance(999);
    expect(runs).to.have.length(0);
    await clock.advance(1);
    expect(runs).to.have.length(1);
    await clock.advance(10_000);
    expect(runs, 'nothing starts while a run is in flight').to.have.length(1);
    expect(clock.next).to.equal(undefined);
    runs[0].outcome.resolve();
    await settle();
    expect(clock.next).to.equal(1000);
    await clock.advance(1000);
    expect(runs).to.have.length(2);
  });

  it('backs off after failures, doubling up to 8 × the interval, and recovers after a success', async () => {
    const { p, clock, runs } = poller(1000);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await clock.advance(clock.next!);
      runs[i].outcome.reject(new Error('boom'));
      await settle();
      waits.push(clock.next!);
    }
    expect(waits).to.deep.equal([2000, 4000, 8000, 8000, 8000]);
    await clock.advance(clock.next!);
    runs[5].outcome.resolve();
    await settle();
    expect(clock.next).to.equal(1000);
    expect(p.delay).to.equal(1000);
  });

  it('does not count an aborted run as a failure', async () => {
    const { clock, runs } = poller(1000);
    await clock.advance(1000);
    runs[0].outcome.reject(new DOMException('gone', 'AbortError'));
    await settle();
    expect(clock.next).to.equal(1000);
  });

  it('pauses while the page is hidden and runs at once on return when a run fell due', async () => {
    const { clock, runs } = poller(1000);
    await clock.advance(500);
    setHidden(true);
    expect(clock.next).to.equal(undefined);
    await clock.advance(5000);
    expect(runs).to.have.length(0);
    setHidden(false);
    expect(clock.next).to.equal(0);
    await clock.advance(0);
    expect(runs).to.have.length(1);
  });

  it('waits out the rest of the interval when the page returns early', async () => {
    const { clock } = poller(1000);
    await clock.advance(300);
    setHidden(true);
    await clock.advance(200);
    setHidden(false);
    expect(clock.next).to.equal(500);
  });

  it('stops and aborts the run in flight when disconnected', async () => {
    const { clock, runs, controller } = poller(1000);
    await clock.advance(1000);
    controller.hostDisconnected!();
    expect(runs[0].signal.aborted).to.equal(true);
    runs[0].outcome.reject(runs[0].signal.reason);
    await clock.advance(60_000);
    expect(runs).to.have.length(1);
    expect(clock.next).to.equal(undefined);
  });

  it('is off at 0 and follows interval changes', async () => {
    const { clock, runs, state, controller } = poller(0);
    await clock.advance(60_000);
    expect(runs).to.have.length(0);
    state.interval = Number.NaN;
    controller.hostUpdated!();
    expect(clock.next).to.equal(undefined);
    state.interval = 2000;
    controller.hostUpdated!();
    expect(clock.next).to.equal(2000);
    state.interval = 0;
    controller.hostUpdated!();
    expect(clock.next).to.equal(undefined);
  });

  it('caps the backoff at maxBackoff', async () => {
    const { clock, runs } = poller(100, 2);
    for (let i = 0; i < 3; i++) {
      await clock.advance(clock.next!);
      runs[i].outcome.reject(new Error('boom'));
      await settle();
    }
    expect(clock.next).to.equal(200);
  });
});
