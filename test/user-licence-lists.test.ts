/**
 * `<so-user-licence-filter>` as a list an administrator expects (issue 12): columns sorted on the server, a search
 * over name, user id, group, role and plan on the server, counts from the server, headings at the page's level; and
 * the panel, `<so-licence-holders>` and `<so-licence-list>` on one page following each other's writes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/user-licence-filter/define.js';
import '../src/components/licence-holders/define.js';
import '../src/components/licence-list/define.js';
import type { SoUserLicenceFilter } from '../src/components/user-licence-filter/user-licence-filter.js';
import { archiveString, usersFilter } from '../src/api/endpoints.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { part, shadow, useMockBackend, worker } from './support/mocks.js';

const squash = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const rowAt = (el: Element, rowIndex: number) => shadow(el).querySelector<HTMLElement>(`.body > [aria-rowindex="${rowIndex}"]`);
const names = (el: Element) => rows(el).map((r) => squash(r.querySelector('.name')));
const cellsOf = (el: Element, cls: string) => rows(el).map((r) => squash(r.querySelector(`.${cls}`)));
const count = (el: Element) => squash(part(el, 'count'));
const header = (el: Element, label: string) =>
  [...shadow(el).querySelectorAll<HTMLElement>('[role=columnheader]')].find((h) => squash(h) === label)!;
const sortButton = (el: Element, label: string) => header(el, label).querySelector<HTMLButtonElement>('button')!;
const details = (el: Element) => part(el, 'details');

/** Every E8 request's query, from here on. */
function recordUserQueries() {
  const queries: URLSearchParams[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/Archive/InternalUsers')) queries.push(url.searchParams);
  };
  worker.events.on('request:start', listener);
  return { queries, stop: () => worker.events.removeListener('request:start', listener) };
}

/** Whether a loading state ever showed in `el` (its shadow root) while watched. */
function watchLoading(el: Element) {
  const seen = { loading: false };
  const observer = new MutationObserver(() => {
    if (el.shadowRoot?.querySelector('.state.loading')) seen.loading = true;
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true });
  return { seen, stop: () => observer.disconnect() };
}

async function mount(markup = html`<so-user-licence-filter></so-user-licence-filter>`): Promise<SoUserLicenceFilter> {
  const el = await fixture<SoUserLicenceFilter>(markup);
  await waitUntil(() => rowAt(el, 2), 'first user row shown', { timeout: 4000 });
  return el;
}

/** Types a search and waits until the server answered it (the list is no longer busy). */
async function search(el: SoUserLicenceFilter, query: string, requests?: { queries: URLSearchParams[] }) {
  const box = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
  const before = requests?.queries.length ?? 0;
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  if (requests) await waitUntil(() => requests.queries.length > before, 'the server asked', { timeout: 4000 });
  await idle(el);
}

/** Waits until the list shows what the server answered last. */
async function idle(el: SoUserLicenceFilter) {
  await el.updateComplete;
  await waitUntil(() => shadow(el).querySelector('.list')?.getAttribute('aria-busy') === 'false' && !shadow(el).querySelector('.state.loading'), 'answered', {
    timeout: 4000,
  });
}

describe('<so-user-licence-filter> lists', () => {
  useMockBackend();

  describe('sorting', () => {
    it('sorts by a column on the server: click for ascending, again for descending, aria-sort on that column only', async () => {
      const el = await mount();
      const requests = recordUserQueries();
      expect(shadow(el).querySelectorAll('[aria-sort]'), 'the server’s own order at first').to.have.length(0);

      sortButton(el, 'Name').click();
      await idle(el);
      await waitUntil(() => names(el)[0] === 'Aksel Brekke', 'sorted by name');
      expect(requests.queries.at(-1)!.get('$orderBy')).to.equal('fullName asc');
      expect(header(el, 'Name').getAttribute('aria-sort')).to.equal('ascending');
      expect(shadow(el).querySelectorAll('[aria-sort]')).to.have.length(1);
      expect(names(el).slice(0, 4)).to.deep.equal(['Aksel Brekke', 'Anders Berg', 'Aslaug Rønning', 'Astrid Bakke']);
      expect(count(el)).to.equal('40 users');
      await expect(el).to.be.accessible();

      sortButton(el, 'Name').click();
      await waitUntil(() => names(el)[0] === 'Vilde Sæther', 'sorted the other way');
      expect(requests.queries.at(-1)!.get('$orderBy')).to.equal('fullName desc');
      expect(header(el, 'Name').getAttribute('aria-sort')).to.equal('descending');
      requests.stop();
    });

    it('sorts with the keyboard (Enter on a header), ties broken by name, and keeps the picked licence', async () => {
      const el = await mount();
      const requests = recordUserQueries();
      sortButton(el, 'Group').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => header(el, 'Group').getAttribute('aria-sort') === 'ascending' && names(el)[0] === 'Erik Dahl', 'sorted by group');
      expect(requests.queries.at(-1)!.get('$orderBy')).to.equal('usergroup asc,fullName asc');
      expect(names(el).slice(0, 4)).to.deep.equal(['Erik Dahl', 'Ingrid Solberg', 'Johan Lindqvist', 'Karin Holm']);
      expect(cellsOf(el, 'c-group').slice(0, 5)).to.deep.equal(['Management', 'Management', 'Management', 'Management', 'Marketing']);
      expect(shadow(el).activeElement, 'focus stays on the header').to.equal(sortButton(el, 'Group'));

      const picker = shadow(el).querySelector('select')!;
      picker.value = 'superoffice_ten-service';
      picker.dispatchEvent(new Event('change'));
      await idle(el);
      expect(count(el)).to.match(/^\d+ of 40 users$/);
      expect(new Set(cellsOf(el, 'c-plan'))).to.deep.equal(new Set(['Service Premium']));
      expect(cellsOf(el, 'c-group')[0]).to.equal('Management');
      const last = requests.queries.at(-1)!;
      expect(last.get('$filter')).to.equal('superoffice_ten-service eq 1');
      expect(last.get('$orderBy')).to.equal('usergroup asc,fullName asc');
      requests.stop();
    });

    it('sorts the 10,000 associates of a large tenant on the server', async () => {
      setScenario('large');
      const el = await mount();
      sortButton(el, 'User plan').click();
      await idle(el);
      expect(header(el, 'User plan').getAttribute('aria-sort')).to.equal('ascending');
      expect(count(el)).to.equal('10,000 users');
      const plans = cellsOf(el, 'c-plan');
      expect(plans, 'in order').to.deep.equal([...plans].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('10001');
    });
  });

  describe('search', () => {
    it('searches group, role and plan as well as name on the server, and counts from the server', async () => {
      const el = await mount();
      const requests = recordUserQueries();
      await search(el, 'support agent', requests);
      expect(count(el)).to.equal('8 of 40 users');
      expect(requests.queries.at(-1)!.get('$filter')).to.equal(
        "(fullName contains 'support agent' or assocName contains 'support agent' or usergroup contains 'support agent' or role contains 'support agent' or userplan contains 'support agent')",
      );
      expect(new Set(cellsOf(el, 'c-role'))).to.deep.equal(new Set(['Support agent']));

      await search(el, 'essentials', requests);
      expect(count(el)).to.equal('11 of 40 users');
      expect(new Set(cellsOf(el, 'c-plan'))).to.deep.equal(new Set(['Sales Essentials', 'Service Essentials', 'Marketing Essentials']));

      await search(el, 'marketing', requests);
      expect(count(el)).to.equal('5 of 40 users');
      expect(squash(shadow(el).querySelector('#tab-internal'))).to.equal('Associates (5)');
      await expect(el).to.be.accessible();
      requests.stop();
    });

    it('joins the search to the picked licence, escapes quotes, and says when nobody matches', async () => {
      const el = await mount();
      const requests = recordUserQueries();
      const picker = shadow(el).querySelector('select')!;
      picker.value = 'superoffice_ten-sales';
      picker.dispatchEvent(new Event('change'));
      await idle(el);
      expect(count(el)).to.equal('15 of 40 users');
      await search(el, 'manager', requests);
      expect(count(el)).to.equal('1 of 40 users');
      expect(names(el)).to.deep.equal(['Karin Holm']);
      expect(requests.queries.at(-1)!.get('$filter')).to.match(/^superoffice_ten-sales eq 1 and \(fullName contains 'manager' or /);

      picker.value = '';
      picker.dispatchEvent(new Event('change'));
      await idle(el);
      await search(el, "O'Brien", requests);
      expect(squash(shadow(el).querySelector('.state.empty'))).to.equal('No users match “O\'Brien”.');
      expect(requests.queries.at(-1)!.get('$filter')).to.contain("fullName contains 'O\\'Brien'");
      await expect(el).to.be.accessible();
      requests.stop();
    });

    it('keeps the list on screen while the server searches: no flash of Loading', async () => {
      const el = await mount();
      const watch = watchLoading(el);
      const requests = recordUserQueries();
      await search(el, 'sales rep', requests);
      requests.stop();
      expect(count(el)).to.equal('12 of 40 users');
      watch.stop();
      expect(watch.seen.loading).to.equal(false);
    });

    it('says "N of T users" over a large tenant, from the server’s counts', async () => {
      setScenario('large');
      const el = await mount();
      expect(count(el)).to.equal('10,000 users');
      const requests = recordUserQueries();
      await search(el, 'Management', requests);
      requests.stop();
      expect(count(el)).to.equal('2,542 of 10,000 users');
      expect(new Set(cellsOf(el, 'c-group'))).to.deep.equal(new Set(['Management']));
    });

    it('builds the restriction SuperOffice documents', () => {
      expect(usersFilter()).to.equal(undefined);
      expect(usersFilter('superoffice_ten-sales', ' ')).to.equal('superoffice_ten-sales eq 1');
      expect(usersFilter(undefined, '  Bob ')).to.equal(
        "(fullName contains 'Bob' or assocName contains 'Bob' or usergroup contains 'Bob' or role contains 'Bob' or userplan contains 'Bob')",
      );
      expect(usersFilter(undefined, "Bob's")).to.contain(`fullName contains ${archiveString("Bob's")}`);
    });
  });

  describe('heading-level', () => {
    it('puts the user panel’s headings at the level the page asks for, h2 by default', async () => {
      const el = await mount(html`<so-user-licence-filter heading-level="4"></so-user-licence-filter>`);
      rowAt(el, 2)!.click();
      await waitUntil(() => details(el)?.querySelector('.owner'), 'panel shown', { timeout: 4000 });
      const tags = () => [...details(el)!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName);
      expect(tags().slice(0, 3)).to.deep.equal(['H4', 'H5', 'H6']);
      el.headingLevel = 2;
      await el.updateComplete;
      expect(tags().slice(0, 3)).to.deep.equal(['H2', 'H3', 'H4']);
      await expect(el).to.be.accessible();
    });
  });

  describe('on one page with <so-licence-holders> and <so-licence-list>', () => {
    it('a removal in the holders updates the open user panel and the picker; an assignment in the panel updates the holders — no Loading', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <so-licence-list owner="SUPEROFFICE"></so-licence-list>
        <so-user-licence-filter></so-user-licence-filter>
        <so-licence-holders owner="SUPEROFFICE" module="ten-sales"></so-licence-holders>
      </div>`);
      const filter = page.querySelector<SoUserLicenceFilter>('so-user-licence-filter')!;
      const holders = page.querySelector('so-licence-holders')!;
      const list = page.querySelector('so-licence-list')!;
      const holderRow = (name: string) => [...holders.shadowRoot!.querySelectorAll<HTMLElement>('.body > [role=row]')].find((r) => squash(r.querySelector('.name')) === name);
      await waitUntil(() => rowAt(filter, 2) && holderRow('Karin Holm') && list.shadowRoot?.textContent?.includes('Sales Premium'), 'all shown', {
        timeout: 4000,
      });
      const salesBar = () => shadow(list).querySelector('svg[aria-label$="in use"][aria-label*="of 15"]')?.getAttribute('aria-label');
      const option = () => [...shadow(filter).querySelectorAll('option')].map((o) => squash(o)).find((t) => t.startsWith('Sales Premium'));
      expect(option()).to.equal('Sales Premium (15 of 15 in use)');

      // Karin's panel is open in the filter.
      rows(filter).find((r) => squash(r.querySelector('.name')) === 'Karin Holm')!.click();
      await waitUntil(() => details(filter)?.querySelector('input[type=radio]:checked'), 'Karin’s plan shown', { timeout: 4000 });
      const checkedPlan = () => squash(details(filter)!.querySelector('input[type=radio]:checked')?.closest('label')?.querySelector('.licence'));
      expect(checkedPlan()).to.equal('Sales Premium');

      const watchFilter = watchLoading(filter);
      const watchHolders = watchLoading(holders);
      holderRow('Karin Holm')!.querySelector<HTMLButtonElement>('[part=remove]')!.click();
      await waitUntil(() => holders.shadowRoot!.querySelector('so-confirm-dialog')?.shadowRoot?.querySelector('dialog[open]'), 'asked');
      holders.shadowRoot!.querySelector('so-confirm-dialog')!.shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
      await waitUntil(() => option() === 'Sales Premium (14 of 15 in use)', 'the picker follows', { timeout: 4000 });
      await waitUntil(() => salesBar() === '14 of 15 in use', 'the licence list follows', { timeout: 4000 });
      await waitUntil(() => checkedPlan() === '', 'the open panel follows: no plan', { timeout: 4000 });
      await waitUntil(() => !holderRow('Karin Holm'), 'gone from the holders');
      watchFilter.stop();
      expect(watchFilter.seen.loading, 'no Loading in the filter').to.equal(false);

      // Gunnar (no plan) gets Sales Premium in the panel: the holders list it.
      await search(filter, 'gunnar', recordUserQueries());
      await waitUntil(() => rows(filter).length === 1 && squash(rows(filter)[0].querySelector('.name')) === 'Gunnar Iversen', 'Gunnar found');
      rows(filter)[0].click();
      await waitUntil(() => details(filter)?.querySelector('input[type=radio]') && squash(shadow(filter).getElementById('details-name')) === 'Gunnar Iversen', 'panel', {
        timeout: 4000,
      });
      const radio = [...details(filter)!.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
        (r) => squash(r.closest('label')!.querySelector('.licence')) === 'Sales Premium',
      )!;
      expect(radio.disabled, 'a free seat now').to.equal(false);
      radio.click();
      await filter.updateComplete;
      const watchPanel = watchLoading(filter);
      details(filter)!.querySelector<HTMLButtonElement>('[part=change-plan]')!.click();
      await waitUntil(() => holderRow('Gunnar Iversen'), 'the holders follow', { timeout: 4000 });
      await waitUntil(() => option() === 'Sales Premium (15 of 15 in use)', 'the picker follows');
      await waitUntil(() => salesBar() === '15 of 15 in use', 'the licence list follows');
      watchPanel.stop();
      watchHolders.stop();
      expect(watchPanel.seen.loading, 'no Loading in the filter').to.equal(false);
      expect(watchHolders.seen.loading, 'no Loading in the holders').to.equal(false);
    });
  });

  it('the mock answers 400 to a $filter SuperOffice would refuse', async () => {
    const answer = await fetch('/api/v1/Archive/InternalUsers?$filter=' + encodeURIComponent("fullName frobnicates 'x'"));
    expect(answer.status).to.equal(400);
  });
});

const grid = (el: Element) => shadow(el).querySelector<HTMLElement>('[role=grid]')!;
