import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import '../src/components/user-licence-filter/define.js';
import type { SoUserLicenceFilter } from '../src/components/user-licence-filter/user-licence-filter.js';
import { assignmentsOf, filterUsers, toEntry, userLicences } from '../src/components/user-licence-filter/users.js';
import { readUserRow, type ExtendedLicenseInfo, type LicenseOwner } from '../src/api/schemas.js';
import { setLocale } from '../src/localization.js';
import { internalUsers, licenseInfo, MALICIOUS_PORTRAIT } from '../src/mocks/data.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, failures, part, recordEvents, shadow, text, useMockBackend, waitForState, worker } from './support/mocks.js';

// ---- what a person sees ----------------------------------------------------------------------------------------

const picker = (el: Element) => shadow(el).querySelector('select')!;
const searchBox = (el: Element) => shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
const grid = (el: Element) => shadow(el).querySelector<HTMLElement>('[role=grid]');
const tabs = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[role=tab]')];
const panel = (el: Element) => shadow(el).querySelector<HTMLElement>('[role=tabpanel]:not([hidden])')!;
/** The rendered user rows (not the header row). */
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body > [role=row]')];
const rowAt = (el: Element, rowIndex: number) => shadow(el).querySelector<HTMLElement>(`.body > [aria-rowindex="${rowIndex}"]`);
const rowOf = (el: Element, userId: string) => rows(el).find((r) => r.querySelector('.id')!.textContent!.trim().startsWith(userId));
const cells = (row: Element) => [...row.querySelectorAll('[role=gridcell]:not(.c-pick)')].map((c) => c.textContent!.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim());
const names = (el: Element) => rows(el).map((r) => r.querySelector('.name')!.textContent!.trim());
const count = (el: Element) => part(el, 'count')?.textContent?.trim();
const details = (el: Element) => part(el, 'details');
const focused = (el: Element) => shadow(el).activeElement as HTMLElement | null;
const optionTexts = (el: Element) => [...picker(el).options].map((o) => o.textContent!.replace(/[\u2068\u2069]/g, '').trim());

async function mount(markup = html`<so-user-licence-filter></so-user-licence-filter>`): Promise<SoUserLicenceFilter> {
  const el = await fixture<SoUserLicenceFilter>(markup);
  await waitUntil(() => rowAt(el, 2), 'first user row shown', { timeout: 4000 });
  return el;
}

/** Picks a licence in the picker as a person does (the select fires `change`). */
/** Picks a licence as a person would, and waits for the list the server narrowed by it. */
async function pick(el: SoUserLicenceFilter, value: string) {
  picker(el).value = value;
  picker(el).dispatchEvent(new Event('change', { bubbles: true }));
  await settled(el);
}

/** Waits until the current list has loaded (a picked licence reloads it). */
async function settled(el: SoUserLicenceFilter) {
  await el.updateComplete;
  await waitUntil(() => !shadow(el).querySelector('.state.loading'), 'list loaded', { timeout: 4000 });
  await el.updateComplete;
}

async function search(el: SoUserLicenceFilter, query: string) {
  searchBox(el).value = query;
  searchBox(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

// ---- a backend of our own for paging -----------------------------------------------------------------------------

/** Serves the first `total` users of the `large` scenario as OData pages honouring $top/$skip. */
function serveUsers(total: number, { wait = 0, failSkip }: { wait?: number; failSkip?: () => boolean } = {}) {
  const source = internalUsers('large');
  const requests: URLSearchParams[] = [];
  worker.use(
    http.get('*/api/v1/Archive/InternalUsers', async ({ request }) => {
      const q = new URL(request.url).searchParams;
      requests.push(q);
      const [top, skip] = [Number(q.get('$top')), Number(q.get('$skip'))];
      if (skip > 0 && failSkip?.()) return HttpResponse.json({ Error: true }, { status: 503 });
      if (wait) await delay(wait);
      const value = [];
      for (let i = skip; i < Math.min(skip + top, total); i++) value.push(source.at(i));
      const next = skip + top < total ? request.url.replace(/\$skip=\d+/, `$skip=${skip + top}`) : null;
      return HttpResponse.json({ 'odata.metadata': '', 'odata.nextLink': next, value });
    }),
  );
  return requests;
}

async function scrollToEnd(el: Element) {
  const g = grid(el)!;
  g.scrollTop = g.scrollHeight;
  await nextFrame();
}

describe('<so-user-licence-filter>', () => {
  useMockBackend();

  runDataElementSuite('so-user-licence-filter', {
    render: () => html`<so-user-licence-filter></so-user-licence-filter>`,
    endpoints: ['*/api/v1/License'],
    source: 'License',
    isLoaded: (el) => !!rowAt(el, 2),
  });

  it('offers every visible user licence, plans first, with in use and total, after All users', async () => {
    const el = await mount();
    const select = picker(el);
    expect(select.labels![0].textContent!.trim()).to.equal('Licence type');
    expect(select.value).to.equal('');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).to.deep.equal(['Plans', 'Other user licences']);
    expect(optionTexts(el)).to.deep.equal([
      'All users',
      'Sales Essentials (6 of 10 in use)',
      'Sales Premium (15 of 15 in use)',
      'Service Essentials (3 of 5 in use)',
      'Service Premium (9 of 10 in use)',
      'Marketing Essentials (2 of 5 in use)',
      'Marketing Premium (3 of 5 in use)',
      'CRM user (38 of 50 in use)',
      'Customer Service external user (5 in use, unlimited)',
      'Anonymous user (3 of 5 in use)',
      'Archive user (15 of 20 in use)',
      'OCR scanning (4 of 5 in use)',
    ]);
    expect([...select.options].map((o) => o.value).slice(0, 3)).to.deep.equal([
      '',
      'superoffice_ten-sales-essentials',
      'superoffice_ten-sales',
    ]);
  });

  it('lists the associates with portrait, user id, name, group, role and plan', async () => {
    const el = await mount();
    expect(count(el)).to.equal('40 users');
    await waitUntil(() => tabs(el)[1].textContent!.trim() === 'Other users (11)', 'Other users counted');
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Associates (40)', 'Other users (11)', 'User licences (11)']);
    expect(grid(el)!.getAttribute('aria-labelledby')).to.equal('tab-internal');
    expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('41');
    const headers = [...shadow(el).querySelectorAll('[role=columnheader]')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Selected', 'Name', 'Group', 'Role', 'User plan']);
    const ingrid = rowAt(el, 2)!;
    expect(cells(ingrid).slice(0, 4)).to.deep.equal(['Ingrid Solberg INGRID', 'Management', 'Administrator', 'Sales Premium']);
    expect(ingrid.querySelector('img')!.getAttribute('src')).to.match(/^data:image\/svg\+xml,/);
    expect(rowOf(el, 'JOHAN')!.querySelector('img'), 'no portrait: initials').to.equal(null);
    expect(rowOf(el, 'JOHAN')!.querySelector('.initials')!.textContent!.trim()).to.equal('JL');
  });

  it('marks users who have left as inactive, in words', async () => {
    const el = await mount();
    await search(el, 'gunnar');
    const gunnar = rows(el)[0];
    expect(gunnar.classList.contains('inactive')).to.equal(true);
    expect(cells(gunnar)[0]).to.equal('GI Gunnar Iversen GUNNAR Inactive');
    await expect(el).to.be.accessible();
  });

  it('filters by licence and by name or user id together, and counts what it shows', async () => {
    const el = await mount();
    await pick(el, 'superoffice_ten-sales');
    expect(el.value).to.equal('superoffice_ten-sales');
    expect(count(el)).to.equal('15 of 40 users');

    await search(el, 'lind');
    expect(names(el)).to.deep.equal(['Johan Lindqvist']);
    expect(count(el)).to.equal('1 of 15 users');

    await pick(el, '');
    expect(names(el)).to.deep.equal(['Johan Lindqvist', 'Stina Lindgren']);
    await search(el, 'LINNEA');
    expect(names(el), 'case and accents do not matter').to.deep.equal(['Linnéa Johansson']);
    await search(el, 'tobias');
    expect(names(el), 'the user id is searched too').to.deep.equal(['Tobias Rasmussen']);
    await expect(el).to.be.accessible();
  });

  it('says so in a sentence when nobody matches', async () => {
    const el = await mount();
    await pick(el, 'superoffice_ten-marketing');
    expect(names(el)).to.deep.equal(['Liv Halvorsen', 'Mats Ekström', 'Nora Jensen']);
    await search(el, 'ingrid');
    await waitForState(el, 'empty');
    expect(panel(el).querySelector('.state.empty')!.textContent!.replace(/[\u2068\u2069]/g, '').trim()).to.equal(
      'No users who hold Marketing Premium match “ingrid”.',
    );
    expect(grid(el)).to.equal(null);
    expect(count(el)).to.equal('0 of 3 users');
    await expect(el).to.be.accessible();
    await pick(el, '');
    expect(names(el)).to.deep.equal(['Ingrid Solberg']);
    await search(el, 'zzz');
    expect(shadow(el).querySelector('.state.empty')!.textContent!.replace(/[\u2068\u2069]/g, '').trim()).to.equal('No users match “zzz”.');
    await search(el, '');
    await pick(el, 'acmeaddon_archive-ocr');
    expect(names(el)).to.have.length(4);
    tabs(el)[1].click();
    await waitForState(el, 'empty');
    expect(shadow(el).querySelector('.state.empty')!.textContent!.replace(/[\u2068\u2069]/g, '').trim()).to.equal('No users hold OCR scanning.');
  });

  describe('value and change', () => {
    it('fires a plain change event when a person picks, never when value is set by script', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'change');
      await pick(el, 'superoffice_crm-user');
      expect(changes).to.have.length(1);
      expect(changes[0]).to.be.instanceOf(Event);
      expect(changes[0].bubbles && changes[0].composed).to.equal(true);
      expect(el.getAttribute('value'), 'value is reflected').to.equal('superoffice_crm-user');

      el.value = 'superoffice_ten-service';
      await settled(el);
      expect(changes).to.have.length(1);
      expect(picker(el).value).to.equal('superoffice_ten-service');
      expect(count(el)).to.equal('9 of 40 users');

      el.setAttribute('value', 'acmeaddon_archive-user');
      await el.updateComplete;
      expect(el.value).to.equal('acmeaddon_archive-user');
      expect(picker(el).value).to.equal('acmeaddon_archive-user');
      expect(changes).to.have.length(1);
    });

    it('starts with the licence named by the value attribute', async () => {
      const el = await mount(html`<so-user-licence-filter value="superoffice_ten-sales-essentials"></so-user-licence-filter>`);
      expect(picker(el).value).to.equal('superoffice_ten-sales-essentials');
      expect(names(el)).to.deep.equal(['Oskar Hansen', 'Maja Svensson', 'Tobias Rasmussen', 'Hilde Moen', 'Jonas Strand', 'Elin Nyberg']);
    });

    it('shows all users for a value that is not one of the picker licences', async () => {
      const el = await mount(html`<so-user-licence-filter value="superoffice_sale-cal"></so-user-licence-filter>`);
      expect(picker(el).value).to.equal('');
      expect(count(el)).to.equal('40 users');
      expect(el.value, 'the value is kept as given').to.equal('superoffice_sale-cal');
    });

    it('can be used with the keyboard', async () => {
      const el = await mount();
      const changes = recordEvents(el, 'change');
      picker(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => changes.length === 1, 'change fired');
      expect(el.value).to.equal('superoffice_ten-sales-essentials');
      await settled(el);
      expect(count(el)).to.equal('6 of 40 users');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(searchBox(el));
      await sendKeys({ type: 'hilde' });
      await waitUntil(() => count(el) === '1 of 6 users', 'search applied');
    });
  });

  describe('tabs', () => {
    it('follow the WAI-ARIA tabs pattern; Other users load at once, for their count', async () => {
      const others = countRequests('/Archive/OtherUsers');
      const el = await mount();
      const [associates, other] = tabs(el);
      expect(associates.getAttribute('aria-selected')).to.equal('true');
      expect(associates.getAttribute('aria-controls')).to.equal('panel-internal');
      expect(other.tabIndex).to.equal(-1);
      await waitUntil(() => others.count === 1, 'Other users loaded for the count');

      associates.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focused(el) === other, 'focus moved to Other users');
      expect(other.getAttribute('aria-selected')).to.equal('true');
      expect(panel(el).id).to.equal('panel-other');
      await waitUntil(() => rowAt(el, 2), 'other users shown');
      expect(names(el)).to.include('SuperOffice System').and.include('Håkon Vestby');
      expect(count(el)).to.equal('11 users');

      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focused(el) === associates, 'wraps around');
      await sendKeys({ press: 'End' });
      await waitUntil(() => focused(el) === tabs(el)[2]);
      await sendKeys({ press: 'Home' });
      await waitUntil(() => focused(el) === associates);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focused(el) === other);
      other.click();
      expect(others.count, 'loaded once').to.equal(1);
      others.stop();
      await expect(el).to.be.accessible();
    });

    it('keeps the filter across tabs', async () => {
      const el = await mount();
      await pick(el, 'superoffice_anonymous-user');
      tabs(el)[1].click();
      await waitUntil(() => rowAt(el, 2), 'other users shown');
      expect(names(el)).to.deep.equal(['Web forms', 'Chat bot', 'Customer Center visitor']);
      expect(count(el)).to.equal('3 of 11 users');
    });
  });

  describe('a user’s licence assignments', () => {
    it('opens from the list by keyboard, next to it, labelled by the user’s name', async () => {
      const el = await mount();
      rowAt(el, 2)!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused(el) === rowAt(el, 3), 'second row focused');
      expect(details(el)).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => details(el)?.querySelector('[role=switch]'), 'editable assignments shown');
      const region = details(el)!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(shadow(el).getElementById(region.getAttribute('aria-labelledby')!)!.textContent).to.equal('Johan Lindqvist');
      expect(rowAt(el, 3)!.getAttribute('aria-selected')).to.equal('true');
      expect(focused(el), 'focus stays in the list').to.equal(rowAt(el, 3));

      const owners = [...region.querySelectorAll('.owner')].map((h) => h.textContent!.trim());
      expect(owners).to.deep.equal(['SuperOffice', 'Acme Document Archive']);
      const items = [...region.querySelectorAll('.assignments li')].map((li) => li.textContent!.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim());
      const plan = region.querySelector<HTMLInputElement>('input[type=radio]:checked')!;
      expect(plan.closest('label')!.textContent!.trim()).to.equal('Sales Premium');
      // PrerequisiteModuleName (E1) by the prerequisite's localized name.
      expect(items).to.include('CRM user Assigned').and.include('Archive user requires Archive server Assigned');
      expect(items.find((i) => i.startsWith('OCR scanning requires Archive user Not assigned'))).not.to.equal(undefined);
      expect(region.querySelectorAll('.assignments [role=switch]')).to.have.length(items.length);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).getElementById('details-name')!.textContent === 'Karin Holm', 'next user shown');

      region.querySelector<HTMLButtonElement>('[part=close]')!.focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !details(el), 'panel closed');
      await waitUntil(() => focused(el) === rowAt(el, 4), 'focus back on the row');
    });

    it('opens by click, loads each user once, and closes with its button', async () => {
      const el = await mount();
      // Counted from here: the previous test's element may still have had a request starting.
      const requests = countRequests('/License/User/');
      const loads = recordEvents(el, 'so-load');
      rowOf(el, 'KARIN')!.click();
      await waitUntil(() => details(el)?.querySelector('.assignments'), 'Karin shown');
      rowOf(el, 'ERIK')!.click();
      await waitUntil(() => shadow(el).getElementById('details-name')!.textContent === 'Erik Dahl' && details(el)!.querySelector('.assignments'));
      rowOf(el, 'KARIN')!.click();
      await el.updateComplete;
      expect(shadow(el).getElementById('details-name')!.textContent).to.equal('Karin Holm');
      expect(details(el)!.querySelector('.assignments'), 'shown at once, from what was loaded').not.to.equal(null);
      expect(requests.requests.map((r) => new URL(r.url).pathname.split('/').pop())).to.deep.equal(['3', '4']);
      expect(loads.map((e) => e.detail.source)).to.include('License/User');
      requests.stop();

      details(el)!.querySelector<HTMLButtonElement>('[part=close]')!.click();
      await waitUntil(() => !details(el), 'panel closed');
      expect(rows(el).some((r) => r.getAttribute('aria-selected') === 'true')).to.equal(false);
    });

    it('shows a failure inside the panel with Try again, and the list stays usable', async () => {
      worker.use(failures.serverError('*/api/v1/License/User/:id'));
      const el = await mount();
      rowAt(el, 2)!.click();
      await waitUntil(() => details(el)?.querySelector('.state.error'), 'error in the panel');
      const error = details(el)!.querySelector('.state.error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Could not load the licence assignments.').and.contain('HTTP 500');
      expect(rows(el).length).to.be.above(5);
      await expect(el).to.be.accessible();
      worker.resetHandlers();
      error.querySelector('button')!.click();
      await waitUntil(() => details(el)?.querySelector('.assignments'), 'loaded after Try again');
    });

    it('says so when the user has no licences to show', async () => {
      worker.use(http.get('*/api/v1/License/User/:id', () => HttpResponse.json([])));
      const el = await mount();
      rowAt(el, 2)!.click();
      await waitUntil(() => details(el)?.querySelector('.state.empty'), 'empty panel');
      expect(details(el)!.textContent).to.contain('This user has no user licences to assign.');
    });
  });

  describe('user lists the server refuses or fails', () => {
    it('shows the forbidden state for the list on 403, with the picker still usable', async () => {
      worker.use(failures.forbidden('*/api/v1/Archive/InternalUsers'));
      const el = await fixture<SoUserLicenceFilter>(html`<so-user-licence-filter></so-user-licence-filter>`);
      const errors = recordEvents(el, 'so-error');
      const state = await waitForState(el, 'forbidden');
      expect(state.textContent!.trim()).to.equal('You do not have access to the user lists.');
      expect(panel(el).contains(state)).to.equal(true);
      await waitUntil(() => errors.length === 1);
      expect(errors[0].detail).to.include({ kind: 'forbidden', status: 403 });
      await expect(el).to.be.accessible();

      const changes = recordEvents(el, 'change');
      expect(optionTexts(el)).to.have.length(12);
      await pick(el, 'superoffice_ten-sales');
      expect(changes).to.have.length(1);
      expect(el.value).to.equal('superoffice_ten-sales');
      expect(shadow(el).querySelector('.state.forbidden')).not.to.equal(null);
    });

    it('shows an error with Try again inside the tab, and recovers', async () => {
      worker.use(failures.serverError('*/api/v1/Archive/InternalUsers'));
      const el = await fixture<SoUserLicenceFilter>(html`<so-user-licence-filter></so-user-licence-filter>`);
      const state = await waitForState(el, 'error');
      expect(state.textContent).to.contain('Could not load the users.').and.contain('HTTP 500');
      expect(picker(el)).not.to.equal(null);
      await expect(el).to.be.accessible();
      worker.resetHandlers();
      state.querySelector('button')!.click();
      await waitUntil(() => rowAt(el, 2), 'recovered');
    });

    it('says when there are no users at all', async () => {
      setScenario('empty');
      const el = await fixture<SoUserLicenceFilter>(html`<so-user-licence-filter></so-user-licence-filter>`);
      const state = await waitForState(el, 'empty');
      expect(state.textContent!.trim()).to.equal('There are no associates.');
      expect(optionTexts(el)).to.deep.equal(['All users']);
      await expect(el).to.be.accessible();
      tabs(el)[1].click();
      await waitUntil(() => shadow(el).querySelector('.state.empty')?.textContent?.includes('There are no other users.'));
    });
  });

  describe('paging and virtualization', () => {
    it('reads the archive 200 at a time as the list scrolls; aria-rowcount is -1 until the last page', async () => {
      const requests = serveUsers(450);
      const el = await mount();
      const g = grid(el)!;
      expect(g.getAttribute('aria-rowcount')).to.equal('-1');
      expect(requests.map((q) => [q.get('$top'), q.get('$skip')])).to.deep.equal([['200', '0']]);
      expect(count(el)).to.equal('200 users loaded so far');
      expect(rows(el).length, 'only the rows in view are rendered').to.be.below(40);

      await scrollToEnd(el);
      await waitUntil(() => requests.length === 2, 'second page requested');
      expect(requests[1].get('$skip')).to.equal('200');
      await waitUntil(() => count(el) === '400 users loaded so far', 'second page appended');
      expect(g.getAttribute('aria-rowcount')).to.equal('-1');

      await scrollToEnd(el);
      await waitUntil(() => count(el) === '450 users', 'last page appended');
      await scrollToEnd(el);
      await waitUntil(() => rowAt(el, 451), 'last row rendered');
      expect(g.getAttribute('aria-rowcount')).to.equal('451');
      const indexes = rows(el).map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(indexes).to.deep.equal(indexes.map((_, i) => indexes[0] + i), 'consecutive row indexes');
      expect(rows(el).length).to.be.below(40);
      expect(requests).to.have.length(3);
    });

    it('asks only for the columns the view needs, and narrows by the picked licence on the server', async () => {
      const requests = serveUsers(10);
      const el = await mount();
      const userColumns = ['associateDbId', 'assocName', 'fullName', 'usergroup', 'role', 'userplan', 'isActive', 'portraitThumbnail'];
      expect(requests[0].get('$select')!.split(',')).to.deep.equal(userColumns);
      expect(requests[0].has('$filter')).to.equal(false);
      expect(requests[0].get('$jsonSafe')).to.equal('true');
      await pick(el, 'superoffice_ten-sales');
      await waitUntil(() => requests.length === 2, 'the list asked again');
      expect(requests[1].get('$select')!.split(',')).to.deep.equal([...userColumns, 'superoffice_ten-sales']);
      expect(requests[1].get('$filter')).to.equal('superoffice_ten-sales eq 1');
      // Whatever the number of licences, the query stays short.
      expect(requests[1].toString().length).to.be.below(400);
    });

    it('a search that finds nobody reads at most 5 pages per user action, then asks before going on', async () => {
      const requests = serveUsers(1_000_000);
      const el = await mount();
      await search(el, 'nobody at all');
      await waitUntil(() => part(el, 'scan-further'), 'asks to go on', { timeout: 6000 });
      // This server ignores $filter: the search's own first page, then 5 pages read on.
      expect(requests[1].get('$filter')).to.contain("fullName contains 'nobody at all'");
      expect(requests.length).to.equal(7);
      await new Promise((r) => setTimeout(r, 300));
      expect(requests.length, 'nothing more without asking').to.equal(7);
      expect(text(el)).to.contain('No match among the first 1,200 users');
      await expect(el).to.be.accessible();
      part(el, 'scan-further')!.click();
      await waitUntil(() => requests.length === 12 && part(el, 'scan-further'), 'five more pages, then asks again', { timeout: 6000 });
      await search(el, 'nobody either');
      await waitUntil(() => requests.length === 18 && part(el, 'scan-further'), 'a new search reads five more', { timeout: 6000 });
    });

    it('filters pages as they arrive, reading on while the filter finds nobody yet', async () => {
      const requests = serveUsers(450);
      const el = await mount();
      await search(el, 'nobody at all');
      // This server ignores $filter: the search's own first page, then the two pages after it.
      await waitUntil(() => requests.length === 4, 'all pages read', { timeout: 4000 });
      expect(requests.slice(1).map((q) => q.get('$skip'))).to.deep.equal(['0', '200', '400']);
      await waitForState(el, 'empty');
      expect(count(el)).to.equal('0 of 450 users');
    });

    it('counts while pages remain, with the filter', async () => {
      serveUsers(450);
      const el = await mount(html`<so-user-licence-filter value="superoffice_ten-sales"></so-user-licence-filter>`);
      expect(count(el)).to.match(/^\d+ of 200 users loaded so far$/);
    });

    it('moves through the rows with Home, End, PageUp and PageDown and loads more at the end', async () => {
      serveUsers(260);
      const el = await mount();
      rowAt(el, 2)!.focus();
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => Number(focused(el)?.getAttribute('aria-rowindex')) > 3, 'a page down');
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => focused(el) === rowAt(el, 2), 'a page up');
      await sendKeys({ press: 'End' });
      await waitUntil(() => focused(el) === rowAt(el, 201), 'last loaded row');
      await waitUntil(() => grid(el)!.getAttribute('aria-rowcount') === '261', 'next page loaded');
      await sendKeys({ press: 'End' });
      await waitUntil(() => focused(el) === rowAt(el, 261), 'the very last row');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => focused(el) === rowAt(el, 2), 'the first row');
    });

    it('says when the next page fails, keeps the rows and retries on request', async () => {
      let fail = true;
      serveUsers(260, { failSkip: () => fail });
      const el = await mount();
      await scrollToEnd(el);
      await waitUntil(() => part(el, 'footer')!.getAttribute('role') === 'alert', 'failure shown');
      expect(part(el, 'footer')!.textContent).to.contain('Could not load more users.').and.contain('HTTP 503');
      expect(rows(el).length).to.be.above(5);
      fail = false;
      part(el, 'footer')!.querySelector('button')!.click();
      await waitUntil(() => count(el) === '260 users', 'loaded after Try again');
    });

    it('renders a small window of the 10,000 associates of a large tenant', async () => {
      setScenario('large');
      const el = await mount();
      // odata.count ($inlineCount=allpages) gives the real total from the first page on.
      expect(grid(el)!.getAttribute('aria-rowcount')).to.equal('10001');
      expect(count(el)).to.equal('10,000 users');
      expect(shadow(el).querySelectorAll('*').length).to.be.below(1500);
      const requests = countRequests('/Archive/InternalUsers');
      await pick(el, 'superoffice_ten-marketing');
      await waitUntil(() => requests.count === 1 && rowAt(el, 2), 'holders from the server', { timeout: 4000 });
      expect(new URL(requests.requests[0].url).searchParams.get('$filter')).to.equal('superoffice_ten-marketing eq 1');
      requests.stop();
    });
  });

  it('never shows hidden licences, even when the archive says a user holds them', async () => {
    worker.use(
      http.get('*/api/v1/Archive/InternalUsers', () =>
        HttpResponse.json({
          'odata.nextLink': null,
          value: [{ ...internalUsers().at(0), 'superoffice_pocket-crm-cal': true, 'superoffice_sale-cal': 1 }],
        }),
      ),
    );
    const el = await mount();
    const hidden = /Mobile CRM user|Sales user|Stakeholders|Sales Essentials marker/;
    expect(optionTexts(el).join('|')).not.to.match(hidden);
    rowAt(el, 2)!.click();
    await waitUntil(() => details(el)?.querySelector('.assignments'), 'assignments shown');
    expect(details(el)!.textContent).not.to.match(hidden);
  });

  it('shows portraits only from safe URLs, initials otherwise', async () => {
    setScenario('xss');
    const el = await mount();
    const henrik = rowOf(el, 'HENRIK')!;
    expect(henrik, 'the user with a javascript: portrait').not.to.equal(undefined);
    expect(henrik.querySelector('img')).to.equal(null);
    expect(henrik.querySelector('.initials')!.textContent!.trim()).to.equal('HM');
    expect(MALICIOUS_PORTRAIT.startsWith('javascript:')).to.equal(true);
    await waitUntil(() => rowOf(el, 'ASTRID')?.querySelector('.initials'), 'a portrait that fails to load gives initials');
    const srcs = [...shadow(el).querySelectorAll('img')].map((i) => i.getAttribute('src')!);
    expect(srcs.length).to.be.above(0);
    expect(srcs.every((s) => /^(data:image\/|https?:)/.test(s))).to.equal(true);
  });

  it('speaks Norwegian', async () => {
    await setLocale('nb');
    const el = await mount();
    await waitUntil(() => tabs(el)[1].textContent!.trim() === 'Andre brukere (11)', 'Other users counted');
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Medarbeidere (40)', 'Andre brukere (11)', 'Brukerlisenser (11)']);
    expect(count(el)).to.equal('40 brukere');
    expect(optionTexts(el)[0]).to.equal('Alle brukere');
    expect(optionTexts(el)).to.include('Sales Premium (15 av 15 i bruk)');
    await pick(el, 'superoffice_ten-marketing');
    expect(count(el)).to.equal('3 av 40 brukere');
    rowAt(el, 2)!.click();
    await waitUntil(() => details(el)?.querySelector('.assignments'), 'assignments shown');
    expect(details(el)!.textContent).to.contain('Tildelt').and.contain('Ikke tildelt');
    await search(el, 'zzz');
    expect(text(el)).to.contain('Ingen brukere med Marketing Premium samsvarer med «zzz».');
  });

  it('refresh() reloads the licences and the users, bypassing shared answers', async () => {
    const el = await mount();
    const licences = countRequests('/License');
    const users = countRequests('/Archive/InternalUsers');
    await el.refresh();
    await waitUntil(() => rowAt(el, 2), 'rows shown again');
    expect(licences.count).to.equal(1);
    expect(users.count).to.equal(1);
    licences.stop();
    users.stop();
  });
});

describe('user licence filter data', () => {
  const owners = licenseInfo() as unknown as ExtendedLicenseInfo[];

  it('picks visible user licences, plans first, by owner and sort order', () => {
    const acmePlan = structuredClone(owners[1]);
    acmePlan.ExtendedModuleLicenses[1].Current.ExtraFlags = 1;
    acmePlan.ExtendedModuleLicenses[1].Current.ModuleDescription = '';
    const list = userLicences([owners[0], acmePlan, owners[0]]);
    expect(list.map((l) => l.column).slice(0, 7)).to.deep.equal([
      'superoffice_ten-sales-essentials',
      'superoffice_ten-sales',
      'superoffice_ten-service-essentials',
      'superoffice_ten-service',
      'superoffice_ten-marketing-essentials',
      'superoffice_ten-marketing',
      'acmeaddon_archive-user',
    ]);
    expect(list[6].name, 'the module name when there is no description').to.equal('archive-user');
    expect(new Set(list.map((l) => l.column)).size, 'no duplicates').to.equal(list.length);
  });

  it('reads the licence columns a user holds from any truthy archive value', () => {
    const row = readUserRow({ PrimaryKey: '1', fullName: 'Åse Ødegaard', assocName: 'ASE', isActive: 0, a: '1', b: 'false', c: '[I:1]', d: true })!;
    const entry = toEntry(row, ['a', 'b', 'c', 'd', 'e']);
    expect([...entry.held]).to.deep.equal(['a', 'c', 'd']);
    expect(entry.active).to.equal(false);
    expect(filterUsers([entry], '', 'ase odeg')).to.deep.equal([entry]);
    expect(filterUsers([entry], 'b', '')).to.deep.equal([]);
  });

  it('orders a user’s assignments and leaves out hidden licences and empty owners', () => {
    const link = (Name: string, SortOrder: number, IsHidden = false) => ({ Name, Description: '', SortOrder, IsHidden }) as never;
    const result = assignmentsOf([
      { Name: 'A', Description: '', RestrictedModuleLicenses: [link('z', 3), link('h', 1, true)], UnrestrictedModuleLicenses: [link('y', 2)] },
      { Name: 'B', Description: 'Bee', RestrictedModuleLicenses: [link('x', 1, true)], UnrestrictedModuleLicenses: [] },
    ] as LicenseOwner[]);
    expect(result.map((o) => [o.description, o.licences.map((l) => l.Name)])).to.deep.equal([['A', ['y', 'z']]]);
  });
});
