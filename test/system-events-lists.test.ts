// <so-system-events> as a list an administrator works with: sort by any column, filter by status and type, search
// event and message, export what is shown — all asked of the server (E6 `$orderBy`, `$filter`), so it holds for
// 10,000 events. And the mock backend answers those queries as SuperOffice does.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import '../src/components/system-events/define.js';
import { EXPORT_LIMIT, SEARCH_MAX, type SoSystemEvents } from '../src/components/system-events/system-events.js';
import { buildUrl } from '../src/api/client.js';
import { archiveString, SYSTEM_EVENT_COLUMNS, systemEventFilter, systemEventOrder } from '../src/api/endpoints.js';
import { csvFileName } from '../src/core/csv.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { countRequests, part, shadow, text, useMockBackend, worker } from './support/mocks.js';
import { captureDownloads, csvLines, downloadCsvOf } from './support/csv.js';

const grid = (el: Element) => shadow(el).querySelector<HTMLElement>('[role=grid]')!;
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const cell = (row: Element, cls: string) => row.querySelector(`.${cls}`)!.textContent!.replace(/[\u2068\u2069]/g, '').trim();
const header = (el: Element, label: string) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[role=columnheader]')].find((h) => h.textContent!.trim() === label)!;
const sortButton = (el: Element, label: string) => header(el, label).querySelector('button')!;
const sorted = (el: Element) =>
  [...shadow(el).querySelectorAll('[role=columnheader][aria-sort]')].map((h) => `${h.textContent!.trim()} ${h.getAttribute('aria-sort')}`);
const searchField = (el: Element) => shadow(el).querySelector<HTMLInputElement>('#search')!;
const count = (el: Element) => part(el, 'count')!.textContent!.replace(/\s+/g, ' ').trim();
const param = (r: Request, name: string) => new URL(r.url).searchParams.get(name);
const last = <T>(xs: T[]) => xs[xs.length - 1];

async function mount(scenario?: Parameters<typeof setScenario>[0]): Promise<SoSystemEvents> {
  if (scenario) setScenario(scenario);
  const el = await fixture<SoSystemEvents>(html`<so-system-events></so-system-events>`);
  await waitUntil(() => rows(el).length && count(el), 'first rows and the count shown', { timeout: 6000 });
  return el;
}

/** Waits until a changed query has been answered and rendered. */
async function settled(el: SoSystemEvents) {
  await el.updateComplete;
  await waitUntil(() => grid(el)?.getAttribute('aria-busy') !== 'true' && !/…/.test(count(el)), 'query answered', { timeout: 6000 });
  await el.updateComplete;
}

async function choose(el: SoSystemEvents, id: 'status-filter' | 'type-filter', value: string) {
  const select = shadow(el).querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await settled(el);
}

/** Types into the search field as a person does, then waits out the debounce and the answer. */
async function search(el: SoSystemEvents, value: string) {
  const asked = countRequests('/SystemEvent');
  const field = searchField(el);
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  const wanted = value.trim() ? archiveString(value.trim()) : undefined;
  await waitUntil(
    () => asked.requests.some((r) => (wanted ? (param(r, '$filter') ?? '').includes(wanted) : !(param(r, '$filter') ?? '').includes('contains'))),
    'search asked',
    { timeout: 3000 },
  );
  asked.stop();
  await settled(el);
}

describe('<so-system-events> sort, filter, search and export', () => {
  useMockBackend();

  describe('sorting', () => {
    it('is newest first by default, and each column header sorts on the server, ascending then descending', async function () {
      this.timeout(20000);
      const requests = countRequests('/SystemEvent');
      const el = await mount();
      expect(param(requests.requests[0], '$orderBy')).to.equal('registered desc');
      expect(param(requests.requests[0], '$filter')).to.equal(null);
      expect(sorted(el)).to.deep.equal(['Activated descending']);

      sortButton(el, 'Event').click();
      await settled(el);
      expect(param(last(requests.requests), '$orderBy')).to.equal('eventname asc,registered desc');
      expect(sorted(el)).to.deep.equal(['Event ascending']);
      const names = rows(el).map((r) => cell(r, 'c-event'));
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b)));
      expect(names[0]).to.not.equal(names[names.length - 1]);

      sortButton(el, 'Event').click();
      await settled(el);
      expect(param(last(requests.requests), '$orderBy')).to.equal('eventname desc,registered desc');
      expect(sorted(el)).to.deep.equal(['Event descending']);
      expect(cell(rows(el)[0], 'c-event').localeCompare(names[names.length - 1]), 'the last name first').to.be.at.least(0);

      for (const [label, column] of [
        ['Status', 'status'],
        ['Message', 'eventmess'],
        ['Activated', 'registered'],
        ['Activated by', 'registered_associate_id/assocName'],
        ['Finished', 'eta'],
        ['Type', 'type'],
      ]) {
        sortButton(el, label).click();
        await settled(el);
        // Another column than the date keeps equal values in one order across pages: the date breaks ties.
        const tie = column === 'registered' ? '' : ',registered desc';
        expect(param(last(requests.requests), '$orderBy'), label).to.equal(`${column} asc${tie}`);
        expect(sorted(el)).to.deep.equal([`${label} ascending`]);
      }
      expect(count(el)).to.equal('30 notifications');
      await expect(el).to.be.accessible();
      requests.stop();
    });

    it('sorts by keyboard: Tab to a header button, Enter and Space toggle it; the row keys stay with the rows', async () => {
      const requests = countRequests('/SystemEvent');
      const el = await mount();
      sortButton(el, 'Status').focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(sorted(el)).to.deep.equal(['Status ascending']);
      await sendKeys({ press: 'Space' });
      await settled(el);
      expect(sorted(el)).to.deep.equal(['Status descending']);
      expect(param(last(requests.requests), '$orderBy')).to.equal('status desc,registered desc');
      expect(shadow(el).activeElement).to.equal(sortButton(el, 'Status'), 'focus stays on the button');
      expect(rows(el).some((r) => r.getAttribute('aria-selected') === 'true'), 'no row was selected by those keys').to.equal(false);
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Message');
      requests.stop();
    });

    it('keeps paging with the sort and the filter: the next page asks $skip=50 with the same $orderBy and $filter', async function () {
      this.timeout(20000);
      const requests = countRequests('/SystemEvent');
      const el = await mount('large');
      expect(count(el)).to.equal('10,000 notifications');
      await choose(el, 'status-filter', 'Finished');
      sortButton(el, 'Event').click();
      await settled(el);
      const first = last(requests.requests);
      expect(param(first, '$skip')).to.equal('0');
      const total = Number(grid(el).getAttribute('aria-rowcount')) - 1;
      expect(total).to.be.within(8000, 9999);
      expect(count(el)).to.equal(`${total.toLocaleString('en')} of 10,000 notifications`);
      grid(el).scrollTop = rows(el)[0].offsetHeight * 40;
      await nextFrame();
      await waitUntil(() => requests.requests.some((r) => Number(param(r, '$skip')) >= 50), 'next page asked', { timeout: 4000 });
      const next = requests.requests.find((r) => Number(param(r, '$skip')) >= 50)!;
      expect(param(next, '$orderBy')).to.equal('eventname asc,registered desc');
      expect(param(next, '$filter')).to.equal("status eq 'Finished'");
      await waitUntil(() => rows(el).length && !part(el, 'footer')!.textContent!.trim(), 'page arrived', { timeout: 4000 });
      const shown = rows(el);
      expect(shown.every((r) => cell(r, 'c-status') === 'Finished')).to.equal(true);
      const names = shown.map((r) => cell(r, 'c-event'));
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b)));
      requests.stop();
    });
  });

  describe('filters and search', () => {
    it('narrows by status and type and searches event and message on the server, all combined', async function () {
      this.timeout(20000);
      const requests = countRequests('/SystemEvent');
      const el = await mount();
      expect(count(el)).to.equal('30 notifications');

      await choose(el, 'status-filter', 'Failed');
      expect(param(last(requests.requests), '$filter')).to.equal("status eq 'Failed'");
      expect(rows(el).length).to.be.greaterThan(0);
      expect(rows(el).every((r) => cell(r, 'c-status') === 'Failed')).to.equal(true);
      expect(count(el)).to.match(/^\d+ of 30 notifications$/);

      await choose(el, 'type-filter', 'User');
      expect(param(last(requests.requests), '$filter')).to.equal("status eq 'Failed' and type eq 'User'");

      const before = requests.count;
      await search(el, 'key acc');
      expect(requests.count - before, 'one request for the whole typed word (debounced)').to.equal(1);
      expect(param(last(requests.requests), '$filter')).to.equal(
        "status eq 'Failed' and type eq 'User' and (eventname contains 'key acc' or eventmess contains 'key acc')",
      );
      expect(param(last(requests.requests), '$orderBy')).to.equal('registered desc');
      for (const r of rows(el)) expect(cell(r, 'c-message').toLowerCase()).to.contain('key acc');
      expect(count(el)).to.match(/^\d+ of 30 notifications$/);
      await expect(el).to.be.accessible();
      requests.stop();
    });

    it('finds a word in the event name as well as in the message, ignoring case', async () => {
      const el = await mount();
      await search(el, 'MAINTENANCE');
      const shown = rows(el);
      expect(shown.length).to.be.greaterThan(0);
      for (const r of shown) expect(`${cell(r, 'c-event')} ${cell(r, 'c-message')}`.toLowerCase()).to.contain('maintenance');
      expect(shown.some((r) => cell(r, 'c-event') === 'Maintenance window')).to.equal(true);
    });

    it('says when nothing matches and offers to clear search and filters; clearing brings every notification back', async () => {
      const el = await mount();
      await choose(el, 'type-filter', 'Group');
      await search(el, "Bob's \\ nothing");
      expect(rows(el)).to.have.length(0);
      expect(text(el)).to.contain('No notifications match the search and filters.');
      expect(count(el)).to.equal('0 of 30 notifications');
      expect(part(el, 'download')!.hasAttribute('disabled')).to.equal(true);
      await expect(el).to.be.accessible();
      const clear = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Clear search and filters')!;
      clear.click();
      await settled(el);
      await waitUntil(() => rows(el).length, 'rows back');
      expect(count(el)).to.equal('30 notifications');
      expect(searchField(el).value).to.equal('');
      expect(shadow(el).querySelector<HTMLSelectElement>('#type-filter')!.value).to.equal('');
      expect(shadow(el).activeElement).to.equal(searchField(el));
    });

    it("escapes quotes and backslashes as SuperOffice's restriction strings want them", () => {
      expect(archiveString("Bob's")).to.equal("'Bob\\'s'");
      expect(archiveString('a\\b')).to.equal("'a\\\\b'");
      expect(systemEventFilter({ search: "  it's  " })).to.equal("(eventname contains 'it\\'s' or eventmess contains 'it\\'s')");
      expect(systemEventFilter({})).to.equal(undefined);
      expect(systemEventOrder({})).to.equal('registered desc');
      expect(systemEventOrder({ sort: { column: 'eta', desc: false } })).to.equal('eta asc,registered desc');
    });

    it(`stays within IIS's 2,048-character query limit with the longest search (${SEARCH_MAX} characters) and both filters`, async () => {
      const el = await mount();
      expect(searchField(el).maxLength).to.equal(SEARCH_MAX);
      // The widest characters when URL-encoded: 3-byte UTF-8 (9 characters each), quotes and backslashes (escaped).
      for (const worst of ['€'.repeat(SEARCH_MAX), '\\'.repeat(SEARCH_MAX), "'".repeat(SEARCH_MAX)]) {
        const query = {
          $select: SYSTEM_EVENT_COLUMNS.join(','),
          $filter: systemEventFilter({ status: 'Scheduled', type: 'System-wide', search: worst })!,
          $orderBy: systemEventOrder({ sort: { column: 'registered_associate_id/assocName', desc: true } }),
          $top: 1000,
          $skip: 9000,
          $jsonSafe: 'true',
          $inlineCount: 'allpages',
        };
        const url = buildUrl('https://online.superoffice.com/Cust12345/api/v1', '/SystemEvent', query);
        expect(new URL(url).search.length, worst[0]).to.be.below(2048);
      }
    });

    it('a search applied while the list reloads is asked by that reload, not lost', async () => {
      const el = await mount();
      // The reload without the search is slow: the search is applied while it is on its way.
      worker.use(
        http.get('*/api/v1/SystemEvent', async ({ request }) => {
          if (!new URL(request.url).searchParams.get('$filter')) await delay(800);
          return undefined;
        }),
      );
      const requests = countRequests('/SystemEvent');
      const field = searchField(el);
      field.value = 'licence';
      field.dispatchEvent(new Event('input'));
      void el.refresh();
      await waitUntil(() => requests.requests.some((r) => (param(r, '$filter') ?? '').includes("'licence'")), 'asked with the search', { timeout: 3000 });
      await waitUntil(() => rows(el).length && /notifications/.test(count(el)), 'matches shown', { timeout: 4000 });
      expect(rows(el).length).to.be.below(30);
      for (const r of rows(el)) expect(`${cell(r, 'c-event')} ${cell(r, 'c-message')}`.toLowerCase()).to.contain('licence');
      requests.stop();
    });

    it('says when a changed query fails, with Try again that works', async () => {
      const el = await mount();
      let fail = true;
      worker.use(
        http.get('*/api/v1/SystemEvent', ({ request }) =>
          fail && new URL(request.url).searchParams.get('$filter')
            ? HttpResponse.json({ Error: true, ErrorMessage: 'boom' }, { status: 500 })
            : undefined,
        ),
      );
      await choose(el, 'status-filter', 'Scheduled');
      await waitUntil(() => shadow(el).querySelector('[role=alert]'), 'alert shown');
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('Could not load the notifications that match.');
      expect(shadow(el).querySelector('[role=grid]')).to.equal(null, 'rows of another query are not shown as matches');
      await expect(el).to.be.accessible();
      fail = false;
      shadow(el).querySelector<HTMLButtonElement>('[role=alert] [part=retry]')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('[role=grid]')).to.equal(null, 'while trying again, the older rows stay hidden');
      await waitUntil(() => rows(el).length, 'rows after retry');
      expect(rows(el).every((r) => cell(r, 'c-status') === 'Scheduled')).to.equal(true);
    });

    it('speaks German: labels, choices and the count', async () => {
      await setLocale('de');
      const el = await mount();
      await choose(el, 'status-filter', 'Failed');
      expect(count(el)).to.match(/^\d+ von 30 Benachrichtigungen$/);
      const options = [...shadow(el).querySelectorAll('#status-filter option')].map((o) => o.textContent!.trim());
      expect(options).to.deep.equal(['Alle Status', 'Beendet', 'Geplant', 'Fehlgeschlagen', 'Abgebrochen']);
      expect(text(el)).to.contain('Benachrichtigungen durchsuchen');
      expect(rows(el).every((r) => cell(r, 'c-status') === 'Fehlgeschlagen')).to.equal(true);
    });
  });

  describe('CSV export', () => {
    it('saves what is shown — sort, filter, search — with translated values, dates a spreadsheet reads, and a named file', async () => {
      const el = await mount();
      sortButton(el, 'Event').click();
      await settled(el);
      await choose(el, 'type-filter', 'User');
      const capture = await downloadCsvOf(el);
      const [{ name, blob }] = capture.files;
      expect(name).to.equal(csvFileName(['system-notifications', 'superoffice', '2394857611']));
      expect(name).to.match(/^system-notifications-superoffice-2394857611-\d{4}-\d{2}-\d{2}\.csv$/);
      expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const lines = await csvLines(blob);
      expect(lines[0]).to.equal('Event,Status,Message,Activated,Activated by,Finished,Type');
      const shown = rows(el);
      expect(lines).to.have.length(shown.length + 2, 'header, the rows, final line end');
      for (const [i, r] of shown.entries()) expect(lines[i + 1].startsWith(`${cell(r, 'c-event')},`), lines[i + 1]).to.equal(true);
      expect(lines[1]).to.match(/^[^,]+,(Finished|Failed|Cancelled|Scheduled),.*,\d{4}-\d{2}-\d{2} \d{2}:\d{2},[^,]+,\d{4}-\d{2}-\d{2} \d{2}:\d{2},User$/);
      await waitUntil(() => part(el, 'export')?.textContent?.includes('Saved'), 'outcome said');
      expect(part(el, 'export')!.textContent).to.contain(`Saved ${shown.length} notifications as a CSV file.`);
    });

    it('writes semicolons and German labels in German', async () => {
      await setLocale('de');
      const el = await mount();
      await choose(el, 'status-filter', 'Failed');
      const capture = await downloadCsvOf(el);
      const lines = await csvLines(capture.files[0].blob);
      expect(lines[0]).to.equal('Ereignis;Status;Nachricht;Aktiviert;Aktiviert von;Fertiggestellt;Typ');
      expect(lines[1].split(';')[1]).to.equal('Fehlgeschlagen');
    });

    it(`over thousands of rows fetches the matching pages itself, 1,000 at a time, and stops at ${EXPORT_LIMIT.toLocaleString('en')}, saying so`, async function () {
      this.timeout(20000);
      const el = await mount('large');
      sortButton(el, 'Type').click();
      await settled(el);
      const requests = countRequests('/SystemEvent');
      const capture = captureDownloads();
      try {
        part(el, 'download')!.click();
        await waitUntil(() => part(el, 'export')?.querySelector('progress'), 'progress shown');
        expect(part(el, 'export')!.textContent).to.match(/Exporting… [\d,]+ of 5,000 notifications/);
        await expect(el).to.be.accessible();
        await waitUntil(() => capture.files.length, 'file saved', { timeout: 15000 });
      } finally {
        capture.restore();
        requests.stop();
      }
      const exportRequests = requests.requests.filter((r) => param(r, '$top') === '1000');
      expect(exportRequests.map((r) => param(r, '$skip'))).to.deep.equal(['0', '1000', '2000', '3000', '4000']);
      for (const r of exportRequests) expect(param(r, '$orderBy')).to.equal('type asc,registered desc');
      const lines = await csvLines(capture.files[0].blob);
      expect(lines).to.have.length(EXPORT_LIMIT + 2);
      await waitUntil(() => part(el, 'export')?.getAttribute('role') === 'status');
      expect(part(el, 'export')!.textContent!.replace(/\s+/g, ' ')).to.contain(
        'The file holds the first 5,000 of 10,000 notifications: an export stops at 5,000.',
      );
    });

    it('can be cancelled: nothing is saved and it says so', async () => {
      const el = await mount('large');
      worker.use(
        http.get('*/api/v1/SystemEvent', async ({ request }) => {
          if (new URL(request.url).searchParams.get('$top') === '1000') await delay(5000);
          return undefined;
        }),
      );
      const capture = captureDownloads();
      try {
        part(el, 'download')!.click();
        await waitUntil(() => part(el, 'export')?.querySelector('button'), 'cancel offered');
        part(el, 'export')!.querySelector('button')!.click();
        await waitUntil(() => part(el, 'export')?.textContent?.includes('cancelled'), 'cancelled said');
        await delay(50);
      } finally {
        capture.restore();
      }
      expect(capture.files).to.have.length(0);
      expect(part(el, 'export')!.textContent).to.contain('The export was cancelled; no file was saved.');
      expect(part(el, 'download')!.hasAttribute('disabled')).to.equal(false);
    });

    it('says when the export fails, and saves nothing', async () => {
      const el = await mount('large');
      worker.use(
        http.get('*/api/v1/SystemEvent', ({ request }) =>
          new URL(request.url).searchParams.get('$skip') === '1000'
            ? HttpResponse.json({ Error: true, ErrorMessage: 'boom' }, { status: 500 })
            : undefined,
        ),
      );
      const capture = captureDownloads();
      try {
        part(el, 'download')!.click();
        await waitUntil(() => part(el, 'export')?.getAttribute('role') === 'alert', 'failure said', { timeout: 6000 });
      } finally {
        capture.restore();
      }
      expect(capture.files).to.have.length(0);
      expect(part(el, 'export')!.textContent).to.contain('The export failed; no file was saved.');
    });

    it('shows how many rows it has when the server sends no total, and saves them all', async () => {
      const events = Array.from({ length: 120 }, (_, i) => ({
        PrimaryKey: String(1000 - i),
        EntityName: 'systemevent',
        eventname: `Event ${i}`,
        status: 'Finished',
        eventmess: `Message ${i}`,
        registered: '2026-03-01T12:00:00',
        registered_associate_id_assocName: 'SYSTEM',
        registered_associate_id_fullName: '',
        registered_associate_id_portraitThumbnail: '',
        eta: '',
        type: 'Database',
      }));
      worker.use(
        http.get('*/api/v1/SystemEvent', async ({ request }) => {
          const q = new URL(request.url).searchParams;
          const [top, skip] = [Number(q.get('$top')), Number(q.get('$skip'))];
          if (top === 1000) await delay(400);
          const next = skip + top < events.length ? `${request.url.replace(/\$skip=\d+/, `$skip=${skip + top}`)}` : null;
          return HttpResponse.json({ 'odata.metadata': '', 'odata.nextLink': next, value: events.slice(skip, skip + top) });
        }),
      );
      const el = await fixture<SoSystemEvents>(html`<so-system-events></so-system-events>`);
      await waitUntil(() => rows(el).length, 'rows shown');
      expect(count(el)).to.equal('', 'no total to tell');
      const capture = captureDownloads();
      try {
        part(el, 'download')!.click();
        await waitUntil(() => part(el, 'export')?.querySelector('progress'), 'progress shown');
        expect(part(el, 'export')!.textContent!.replace(/\s+/g, ' ')).to.contain('Exporting… 0 notifications');
        await waitUntil(() => capture.files.length, 'file saved', { timeout: 4000 });
      } finally {
        capture.restore();
      }
      expect(await csvLines(capture.files[0].blob)).to.have.length(122);
      await waitUntil(() => part(el, 'export')?.textContent?.includes('Saved 120 notifications'), 'outcome said');
    });

    it('names the file without a serial number when the licence is not readable', async () => {
      const el = await mount();
      worker.use(http.get('*/api/v1/License', () => HttpResponse.json({ Error: true }, { status: 403 })));
      const capture = await downloadCsvOf(el);
      expect(capture.files[0].name).to.equal(csvFileName(['system-notifications', 'superoffice']));
    });
  });
});

describe('mock backend: E6 queries as SuperOffice answers them', () => {
  useMockBackend();
  const select = SYSTEM_EVENT_COLUMNS.join(',');
  const get = async (query: string, scenario: Parameters<typeof setScenario>[0] = 'default') => {
    setScenario(scenario);
    const res = await fetch(`/api/v1/SystemEvent?$select=${select}&$jsonSafe=true&$inlineCount=allpages&${query}`);
    return { status: res.status, body: await res.json() };
  };

  it('sorts by any selected column, either direction, with string PrimaryKeys and $jsonSafe names', async () => {
    const { body } = await get(`$orderBy=registered_associate_id/assocName asc&$top=30`);
    const names = body.value.map((r: Record<string, string>) => r.registered_associate_id_assocName);
    expect(names).to.deep.equal([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(body['odata.count']).to.equal('30');
    expect(typeof body.value[0].PrimaryKey).to.equal('string');
    expect(Object.keys(body.value[0])).to.include('registered_associate_id_fullName');
    const desc = (await get('$orderBy=eventname desc&$top=30')).body.value.map((r: Record<string, string>) => r.eventname);
    expect(desc).to.deep.equal([...desc].sort((a: string, b: string) => b.localeCompare(a)));
  });

  it('filters with eq, contains, begins, in, and/or with brackets; counts and pages the matches', async () => {
    const all = (await get('$top=1000')).body.value as Record<string, string>[];
    const failed = (await get(`$filter=status eq 'Failed'&$top=1000`)).body;
    expect(failed['odata.count']).to.equal(String(all.filter((r) => r.status === 'Failed').length));
    const mixed = (await get(`$filter=type eq 'database' or (status eq 'Failed' and eventmess contains 'KEY')&$top=1000`)).body;
    expect(mixed.value.map((r: Record<string, string>) => r.PrimaryKey)).to.deep.equal(
      all.filter((r) => r.type === 'Database' || (r.status === 'Failed' && r.eventmess.toLowerCase().includes('key'))).map((r) => r.PrimaryKey),
    );
    const begins = (await get(`$filter=eventname begins 'Import'&$top=1000`)).body.value as Record<string, string>[];
    expect(begins.length).to.be.greaterThan(0);
    expect(begins.every((r) => r.eventname.startsWith('Import'))).to.equal(true);
    const inList = (await get(`$filter=status in ('Scheduled','Cancelled')&$top=1000`)).body.value as Record<string, string>[];
    expect(new Set(inList.map((r) => r.status))).to.deep.equal(new Set(all.filter((r) => /Scheduled|Cancelled/.test(r.status)).map((r) => r.status)));
    const quoted = (await get(`$filter=eventmess contains '"Autumn newsletter\\'s'`)).body;
    expect(quoted['odata.count']).to.equal('0');
    const paged = (await get(`$filter=type eq 'Database'&$top=3&$skip=3`)).body;
    expect(paged.value).to.have.length(3);
    expect(paged['odata.nextLink']).to.contain('$skip=6');
  });

  it('answers 400 to a $filter or $orderBy it cannot read', async () => {
    for (const q of [`$filter=status eq 'Failed`, `$filter=status like 'x'`, `$filter=(status eq 'x'`, '$orderBy=eventname sideways']) {
      const { status, body } = await get(q);
      expect(status, q).to.equal(400);
      expect(body.ErrorType).to.equal('ArgumentException');
    }
  });

  it('keeps the large scenario fast: a sorted, filtered first page of 10,000 events and the next ones', async () => {
    const t0 = performance.now();
    const first = (await get(`$filter=status eq 'Finished' and (eventname contains 'a' or eventmess contains 'a')&$orderBy=eventname asc&$top=50`, 'large')).body;
    const firstMs = performance.now() - t0;
    expect(Number(first['odata.count'])).to.be.within(5000, 10000);
    const t1 = performance.now();
    for (let skip = 50; skip < 500; skip += 50) {
      await get(`$filter=status eq 'Finished' and (eventname contains 'a' or eventmess contains 'a')&$orderBy=eventname asc&$top=50&$skip=${skip}`, 'large');
    }
    const nextMs = (performance.now() - t1) / 9;
    expect(firstMs, 'first page').to.be.below(1500);
    expect(nextMs, 'next pages (kept from the first)').to.be.below(150);
  });

});
