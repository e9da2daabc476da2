// *Download CSV* of the user lists (`<so-user-licence-filter>`) and of a licence's holders (`<so-licence-holders>`):
// what is shown — that licence, that search, that order — every match, not only the pages loaded, in the locale's
// dialect; bounded, with progress and Cancel, and saying what it came to. (Quoting and formula neutralising are
// core/csv.ts's, tested in core.test.ts.)
import { readPages } from '../src/core/read-pages.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import '../src/components/user-licence-filter/define.js';
import '../src/components/licence-holders/define.js';
import type { SoUserLicenceFilter } from '../src/components/user-licence-filter/user-licence-filter.js';
import type { SoLicenceHolders } from '../src/components/licence-holders/licence-holders.js';
import { csvFileName } from '../src/core/csv.js';
import { CsvExport, EXPORT_LIMIT, type ExportRun } from '../src/core/csv-export.js';
import { KitElement } from '../src/core/kit-element.js';
import type { ArchivePage } from '../src/api/schemas.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { countRequests, part, shadow, useMockBackend, worker } from './support/mocks.js';
import { captureDownloads, csvLines, downloadCsvOf, exportMeanwhile } from './support/csv.js';

const squash = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const names = (el: Element) => rows(el).map((r) => squash(r.querySelector('.name')));
const count = (el: Element) => squash(part(el, 'count'));
const exportText = (el: Element) => squash(part(el, 'export'));
const param = (r: Request, name: string) => new URL(r.url).searchParams.get(name);
/** The export's own requests (the lists page 200 at a time, an export 1,000). */
const exportRequests = (requests: Request[]) => requests.filter((r) => Number(param(r, '$top')) > 200);
const firstCells = (lines: string[], separator = ',') => lines.slice(1, -1).map((l) => l.split(separator)[0]);
const SERIAL = '2394857611';
/** Waits until the export says it failed (`role=alert`). */
const failureSaid = (el: Element) => waitUntil(() => part(el, 'export')?.getAttribute('role') === 'alert', 'failure said', { timeout: 6000 });

async function mountUsers(): Promise<SoUserLicenceFilter> {
  const el = await fixture<SoUserLicenceFilter>(html`<so-user-licence-filter></so-user-licence-filter>`);
  await waitUntil(() => rows(el).length && count(el), 'first users shown', { timeout: 6000 });
  return el;
}

/** Waits until the list shows what the server answered last. */
async function idle(el: SoUserLicenceFilter) {
  await el.updateComplete;
  await waitUntil(() => shadow(el).querySelector('.list')?.getAttribute('aria-busy') === 'false' && !shadow(el).querySelector('.state.loading'), 'answered', {
    timeout: 6000,
  });
  await el.updateComplete;
}

async function pick(el: SoUserLicenceFilter, column: string) {
  const picker = shadow(el).querySelector<HTMLSelectElement>('#licence')!;
  picker.value = column;
  picker.dispatchEvent(new Event('change'));
  await idle(el);
}

/** Types a search and waits until the server answered it. */
async function search(el: SoUserLicenceFilter, query: string) {
  const asked = countRequests('/Archive/');
  const box = shadow(el).querySelector<HTMLInputElement>('#search')!;
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await waitUntil(() => asked.requests.some((r) => (param(r, '$filter') ?? '').includes('contains')), 'the server asked', { timeout: 4000 });
  asked.stop();
  await idle(el);
}

async function sortBy(el: SoUserLicenceFilter, label: string) {
  const header = [...shadow(el).querySelectorAll<HTMLElement>('[role=columnheader]')].find((h) => squash(h) === label)!;
  header.querySelector('button')!.click();
  await idle(el);
}

async function mountHolders(module = 'ten-sales'): Promise<SoLicenceHolders> {
  const el = await fixture<SoLicenceHolders>(html`<so-licence-holders owner="SUPEROFFICE" module=${module}></so-licence-holders>`);
  await waitUntil(() => rows(el).length > 0, 'holders shown', { timeout: 6000 });
  return el;
}

describe('CSV export of the user lists', () => {
  useMockBackend();

  it('saves the list shown — licence, search, order — as the screen shows it, with a named file and a BOM', async () => {
    const el = await mountUsers();
    await pick(el, 'superoffice_ten-sales');
    await search(el, 'sales');
    await sortBy(el, 'Name');
    await sortBy(el, 'Name');
    expect(count(el)).to.match(/^\d+ of 40 users$/);
    const shown = Number(count(el).split(' ')[0]);
    const requests = countRequests('/Archive/InternalUsers');
    const capture = await downloadCsvOf(el);
    requests.stop();
    expect(exportRequests(requests.requests), 'every match is loaded: nothing is fetched').to.have.length(0);
    const [{ name, blob }] = capture.files;
    expect(name).to.equal(csvFileName(['associates', 'Sales Premium', 'SUPEROFFICE', SERIAL]));
    expect(name).to.match(/^associates-sales-premium-superoffice-2394857611-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = await csvLines(blob);
    expect(lines[0]).to.equal('Name,User ID,Group,Role,User plan,Active');
    expect(lines, 'header, every match, the final line end').to.have.length(shown + 2);
    expect(lines.at(-1)).to.equal('');
    const onScreen = names(el);
    expect(firstCells(lines).slice(0, onScreen.length), 'the screen’s order (names descending)').to.deep.equal(onScreen);
    expect(onScreen[0].localeCompare(onScreen[onScreen.length - 1])).to.be.greaterThan(0);
    // Every cell as the row shows it: name, user id, group, role, plan.
    const first = rows(el)[0];
    const [, id, group, role, plan, active] = lines[1].split(',');
    expect([id, group, role, plan]).to.deep.equal([
      squash(first.querySelector('.id')).replace(/ Inactive$/, ''),
      squash(first.querySelector('.c-group')),
      squash(first.querySelector('.c-role')),
      squash(first.querySelector('.c-plan')),
    ]);
    expect(active).to.equal(first.classList.contains('inactive') ? 'No' : 'Yes');
    await waitUntil(() => exportText(el).startsWith('Saved'), 'outcome said');
    expect(exportText(el)).to.equal(`Saved ${shown} users as a CSV file.`);
    expect(part(el, 'export')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('writes semicolons, German headers and Ja/Nein in German; an inactive user is Nein', async () => {
    await setLocale('de');
    const el = await mountUsers();
    expect(squash(part(el, 'download'))).to.equal('CSV herunterladen');
    const lines = await csvLines((await downloadCsvOf(el)).files[0].blob);
    expect(lines[0]).to.equal('Name;Benutzer-ID;Gruppe;Rolle;Benutzerplan;Aktiv');
    expect(lines).to.have.length(42);
    const active = lines.slice(1, -1).map((l) => l.split(';').at(-1));
    expect(new Set(active)).to.deep.equal(new Set(['Ja', 'Nein']));
    await waitUntil(() => exportText(el).includes('gespeichert'), 'outcome said');
    expect(exportText(el)).to.equal('40 Benutzer wurden als CSV-Datei gespeichert.');
  });

  it('fetches the matching pages itself with the list’s query, 1,000 at a time, in the screen’s order', async function () {
    this.timeout(20000);
    setScenario('large');
    const el = await mountUsers();
    await search(el, 'Management');
    await sortBy(el, 'Role');
    expect(count(el)).to.equal('2,542 of 10,000 users');
    const requests = countRequests('/Archive/InternalUsers');
    const capture = await downloadCsvOf(el, 15000);
    requests.stop();
    const pages = exportRequests(requests.requests);
    expect(pages.map((r) => `${param(r, '$top')}@${param(r, '$skip')}`)).to.deep.equal(['1000@0', '1000@1000', '1000@2000']);
    for (const r of pages) {
      expect(param(r, '$filter')).to.match(/^\(fullName contains 'Management' or .* or userplan contains 'Management'\)$/);
      expect(param(r, '$orderBy')).to.equal('role asc,fullName asc');
    }
    const lines = await csvLines(capture.files[0].blob);
    expect(lines).to.have.length(2542 + 2);
    expect(firstCells(lines).slice(0, rows(el).length)).to.deep.equal(names(el));
    expect(new Set(lines.slice(1, -1).map((l) => l.split(',')[2]))).to.deep.equal(new Set(['Management']));
    expect(capture.files[0].name).to.equal(csvFileName(['associates', 'SUPEROFFICE', SERIAL]));
    await waitUntil(() => exportText(el).startsWith('Saved'), 'outcome said');
    expect(exportText(el)).to.equal('Saved 2,542 users as a CSV file.');
  });

  it(`stops at ${EXPORT_LIMIT.toLocaleString('en')} users and says so; progress with Cancel is accessible meanwhile`, async function () {
    this.timeout(20000);
    setScenario('large');
    const el = await mountUsers();
    expect(count(el)).to.equal('10,000 users');
    worker.use(
      http.get('*/api/v1/Archive/InternalUsers', async ({ request }) => {
        if (new URL(request.url).searchParams.get('$skip') === '1000') await delay(300);
        return undefined;
      }),
    );
    const requests = countRequests('/Archive/InternalUsers');
    const capture = await exportMeanwhile(el, async () => {
      await waitUntil(() => part(el, 'export')?.querySelector('progress'), 'progress shown');
      expect(exportText(el)).to.match(/^Exporting… [\d,]+ of 5,000 users Cancel$/);
      expect(part(el, 'download')!.hasAttribute('disabled'), 'no second export meanwhile').to.equal(true);
      await expect(el).to.be.accessible();
      await waitUntil(() => exportText(el).includes('saved'), 'outcome said', { timeout: 15000 });
    });
    requests.stop();
    expect(exportRequests(requests.requests).map((r) => param(r, '$skip'))).to.deep.equal(['0', '1000', '2000', '3000', '4000']);
    expect(await csvLines(capture.files[0].blob)).to.have.length(EXPORT_LIMIT + 2);
    expect(exportText(el)).to.equal('5,000 of 10,000 users saved: an export stops at 5,000. Narrow the list with the licence type or the search to export the rest.');
    await expect(el).to.be.accessible();
  });

  it('one click, one export: a double click sends one sequence of requests and saves one file', async function () {
    this.timeout(20000);
    setScenario('large');
    const el = await mountUsers();
    await search(el, 'Support');
    const requests = countRequests('/Archive/InternalUsers');
    const capture = captureDownloads();
    try {
      const button = part(el, 'download')!;
      button.click();
      button.click();
      button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      await waitUntil(() => capture.files.length, 'file saved', { timeout: 15000 });
      await delay(300);
    } finally {
      capture.restore();
      requests.stop();
    }
    expect(capture.files).to.have.length(1);
    const skips = exportRequests(requests.requests).map((r) => param(r, '$skip'));
    expect(skips).to.deep.equal([...new Set(skips)]);
    expect(skips[0]).to.equal('0');
  });

  it('Cancel saves nothing, says so, and puts the focus back on Download CSV', async () => {
    setScenario('large');
    const el = await mountUsers();
    worker.use(
      http.get('*/api/v1/Archive/InternalUsers', async ({ request }) => {
        if (new URL(request.url).searchParams.get('$top') === '1000') await delay(5000);
        return undefined;
      }),
    );
    const capture = await exportMeanwhile(el, async () => {
      await waitUntil(() => part(el, 'export')?.querySelector('button'), 'Cancel offered');
      part(el, 'export')!.querySelector('button')!.click();
      await waitUntil(() => exportText(el).includes('cancelled'), 'cancelled said');
      await delay(50);
    });
    expect(capture.files).to.have.length(0);
    expect(exportText(el)).to.equal('The export was cancelled; no file was saved.');
    expect(part(el, 'download')!.hasAttribute('disabled')).to.equal(false);
    expect(shadow(el).activeElement === part(el, 'download'), 'focus on Download CSV').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a failed page: an alert says nothing was saved, and why', async () => {
    setScenario('large');
    const el = await mountUsers();
    worker.use(
      http.get('*/api/v1/Archive/InternalUsers', ({ request }) =>
        new URL(request.url).searchParams.get('$skip') === '1000' ? HttpResponse.json({ Error: true }, { status: 500 }) : undefined,
      ),
    );
    const capture = await exportMeanwhile(el, () => failureSaid(el));
    expect(capture.files).to.have.length(0);
    expect(exportText(el)).to.match(/^The export failed; no file was saved\. ./);
    await expect(el).to.be.accessible();
  });

  it('is offered on each user list tab for that list; on User licences the holders have their own', async () => {
    const el = await mountUsers();
    const download = () => part(el, 'download');
    expect(download()!.getAttribute('aria-describedby')).to.equal('tab-internal');
    shadow(el).querySelector<HTMLElement>('#tab-other')!.click();
    await el.updateComplete;
    await waitUntil(() => shadow(el).querySelector('#panel-other .body > [role=row]'), 'other users shown', { timeout: 4000 });
    await el.updateComplete;
    expect(download()!.getAttribute('aria-describedby')).to.equal('tab-other');
    const capture = await downloadCsvOf(el);
    expect(capture.files[0].name).to.equal(csvFileName(['other-users', 'SUPEROFFICE', SERIAL]));
    expect(await csvLines(capture.files[0].blob)).to.have.length(rows(el).length + 2);

    shadow(el).querySelector<HTMLElement>('#tab-licences')!.click();
    await el.updateComplete;
    expect(download(), 'not in the toolbar on the User licences tab').to.equal(null);
    shadow(el).querySelector<HTMLElement>('[part=licence]')!.click();
    await waitUntil(() => shadow(el).querySelector('so-licence-holders'), 'holders element', { timeout: 4000 });
    const holders = shadow(el).querySelector('so-licence-holders')!;
    await waitUntil(() => holders.shadowRoot?.querySelector('.body > [role=row]'), 'holders shown', { timeout: 4000 });
    expect(part(holders, 'download')).to.not.equal(null);
  });
});

describe('CSV export of a licence’s holders', () => {
  useMockBackend();

  it('saves the holders of the tab shown, as the screen shows them, in a file named after licence, list, owner and serial', async () => {
    const el = await mountHolders();
    const shown = names(el);
    const requests = countRequests('/Archive/InternalUsers');
    const capture = await downloadCsvOf(el);
    requests.stop();
    expect(exportRequests(requests.requests), 'every user is loaded: nothing is fetched').to.have.length(0);
    expect(capture.files[0].name).to.equal(csvFileName(['holders', 'Sales Premium', 'associates', 'SUPEROFFICE', SERIAL]));
    const lines = await csvLines(capture.files[0].blob);
    expect(lines[0]).to.equal('Name,User ID,Group,User plan,Active');
    expect(lines).to.have.length(15 + 2);
    expect(firstCells(lines).slice(0, shown.length)).to.deep.equal(shown);
    await waitUntil(() => exportText(el).startsWith('Saved'), 'outcome said');
    expect(exportText(el)).to.equal('Saved 15 holders as a CSV file.');
    await expect(el).to.be.accessible();
  });

  it('with a search, in German: the matching holders, semicolons, German words', async () => {
    await setLocale('de');
    const el = await mountHolders();
    const box = shadow(el).querySelector<HTMLInputElement>('#search')!;
    box.value = 'karin';
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Karin Holm']);
    const lines = await csvLines((await downloadCsvOf(el)).files[0].blob);
    expect(lines[0]).to.equal('Name;Benutzer-ID;Gruppe;Benutzerplan;Aktiv');
    expect(lines).to.have.length(3);
    expect(lines[1]).to.match(/^Karin Holm;[^;]+;[^;]+;[^;]*;Ja$/);
    await waitUntil(() => exportText(el).includes('gespeichert'), 'outcome said');
    expect(exportText(el)).to.equal('1 Inhaber wurde als CSV-Datei gespeichert.');
  });

  it('of a large tenant: asks the server for the holders only, 1,000 at a time, and saves every one', async function () {
    this.timeout(20000);
    setScenario('large');
    const el = await mountHolders();
    const requests = countRequests('/Archive/InternalUsers');
    const capture = await exportMeanwhile(el, async () => {
      await waitUntil(() => part(el, 'export')?.querySelector('progress'), 'progress shown');
      expect(exportText(el)).to.match(/^Exporting… [\d,]+ (of [\d,]+ )?holders Cancel$/);
      await expect(el).to.be.accessible();
      await waitUntil(() => exportText(el).startsWith('Saved'), 'outcome said', { timeout: 15000 });
    });
    requests.stop();
    const pages = exportRequests(requests.requests);
    expect(pages.length).to.be.greaterThan(1);
    for (const [i, r] of pages.entries()) {
      expect(param(r, '$filter')).to.equal('superoffice_ten-sales eq 1');
      expect(param(r, '$skip')).to.equal(String(i * 1000));
    }
    const total = Number((await (await fetch('/api/v1/Archive/InternalUsers?$select=associateDbId&$filter=superoffice_ten-sales eq 1&$top=1&$inlineCount=allpages')).json())['odata.count']);
    expect(total).to.be.greaterThan(1000);
    const lines = await csvLines(capture.files[0].blob);
    expect(lines).to.have.length(total + 2);
    expect(firstCells(lines).slice(0, rows(el).length)).to.deep.equal(names(el));
    expect(exportText(el)).to.equal(`Saved ${total.toLocaleString('en')} holders as a CSV file.`);
  });

  it('a failure is an alert and saves nothing', async () => {
    setScenario('large');
    const el = await mountHolders();
    worker.use(http.get('*/api/v1/Archive/InternalUsers', () => HttpResponse.json({ Error: true }, { status: 503 })));
    const capture = await exportMeanwhile(el, () => failureSaid(el));
    expect(capture.files).to.have.length(0);
    expect(exportText(el)).to.match(/^The export failed; no file was saved\./);
    await expect(el).to.be.accessible();
  });
});

/** A bare element with an export, to drive `CsvExport` with made-up pages. */
class ExportHost extends KitElement {
  readonly csv = new CsvExport(this);
  override render() {
    return html`${this.csv.button(() => undefined, { ready: true })}${this.csv.render({
      progress: (done, total) => `Exporting ${done} of ${total ?? '?'}`,
      done: (_count, n) => `Saved ${n}`,
      cut: (n, total, limit) => `${n} of ${total} (limit ${limit})`,
    })}`;
  }
}
customElements.define('x-export-host', ExportHost);

describe('CsvExport (core/csv-export.ts)', () => {
  type Row = { id: number };
  const page = (ids: number[], next: boolean, count: number | null = null): ArchivePage<Row> => ({
    'odata.nextLink': next ? 'next' : null,
    count,
    value: ids.map((id) => ({ id })),
    skipped: 0,
  });
  const run = (fetchPage: ExportRun<Row>['fetchPage']): ExportRun<Row> => ({
    fetchPage,
    key: (r) => r.id,
    fileName: async () => 'rows.csv',
    header: ['Id'],
    cells: (r) => [r.id],
  });

  it('saves a row that moved between two pages once, and stops at a page without new rows whatever its link says', async () => {
    const el = await fixture<ExportHost>(html`<x-export-host></x-export-host>`);
    const asked: number[] = [];
    const pages = [page([1, 2, 3], true), page([3, 4], true), page([4], true)];
    const capture = captureDownloads();
    try {
      await el.csv.run(run(async ({ skip }) => (asked.push(skip), pages[asked.length - 1] ?? page([], true))));
    } finally {
      capture.restore();
    }
    expect(asked).to.deep.equal([0, 3, 5]);
    expect(await csvLines(capture.files[0].blob)).to.deep.equal(['Id', '1', '2', '3', '4', '']);
    await el.updateComplete;
    expect(exportText(el)).to.equal('Saved 4');
  });

  it('keeps the file within the bound when a server sends more than asked for, and says it was cut', async () => {
    const el = await fixture<ExportHost>(html`<x-export-host></x-export-host>`);
    const capture = captureDownloads();
    try {
      const all = Array.from({ length: EXPORT_LIMIT + 500 }, (_, i) => i);
      await el.csv.run(run(async () => page(all, false)));
    } finally {
      capture.restore();
    }
    expect(await csvLines(capture.files[0].blob)).to.have.length(EXPORT_LIMIT + 2);
    await el.updateComplete;
    expect(exportText(el)).to.equal(`5,000 of ${(EXPORT_LIMIT + 500).toLocaleString('en')} (limit 5,000)`);
  });

  it('is cancelled when the element is removed: nothing is saved', async () => {
    const el = await fixture<ExportHost>(html`<x-export-host></x-export-host>`);
    const capture = captureDownloads();
    let done: Promise<void>;
    try {
      done = el.csv.run(
        run((_page, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)))),
      );
      await el.updateComplete;
      expect(exportText(el)).to.match(/^Exporting 0 of \? Cancel$/);
      el.remove();
      await done;
    } finally {
      capture.restore();
    }
    expect(capture.files).to.have.length(0);
    expect(el.csv.outcome).to.deep.equal({ kind: 'cancelled' });
  });
});

describe('readPages (core/read-pages.ts): the one paged reader of exports, Select all and the holders check', () => {
  type Row = { id: number };
  const signal = new AbortController().signal;

  it('ends when a server repeats a page with a next link (no endless requests), keeping each row once', async () => {
    let asked = 0;
    const found = await readPages<Row>(
      async () => (asked++, { 'odata.nextLink': 'next', count: null, value: [{ id: 1 }, { id: 2 }], skipped: 0 }),
      { signal, limit: 50_000, key: (r) => r.id },
    );
    expect(asked).to.equal(2);
    expect(found.rows.map((r) => r.id)).to.deep.equal([1, 2]);
  });

  it('asks for at most the bound, 1,000 at a time, and counts rows read apart from rows kept', async () => {
    const tops: number[] = [];
    const found = await readPages<Row>(
      async ({ top, skip }) => (
        tops.push(top),
        { 'odata.nextLink': 'next', count: 9000, value: Array.from({ length: top }, (_, i) => ({ id: skip + i })), skipped: 0 }
      ),
      { signal, limit: 2500, key: (r) => r.id, keep: (rows) => rows.filter((r) => r.id % 2 === 0) },
    );
    expect(tops).to.deep.equal([1000, 1000, 500]);
    expect(found.read).to.equal(2500);
    expect(found.rows).to.have.length(1250);
    expect(found.total).to.equal(9000);
  });
});
