import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/components/licence-list/define.js';
import type { SoLicenceList } from '../src/components/licence-list/licence-list.js';
import { planIncludes } from '../src/components/licence-list/licence-list.js';
import { csvFileName, csvSeparator, toCsv } from '../src/core/csv.js';
import { setLocale } from '../src/localization.js';
import { configure } from '../src/api/config.js';
import { licenseInfo, localeFrom, moduleLicenseOf, withPendingLicence, type ExtendedLicenseInfo } from '../src/mocks/data.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, part, recordEvents, text, useMockBackend, waitForState, worker } from './support/mocks.js';

const E1 = '*/api/v1/License';
const E2 = '*/api/v1/License/:owner/:module';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const squash = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** The licence rows, each as its name and cell texts. */
const licenceRows = (el: SoLicenceList) => $$(el, 'tbody tr[part~=row]');
const names = (el: SoLicenceList) => licenceRows(el).map((tr) => squash(tr.querySelector('button.name')));
const row = (el: SoLicenceList, name: string) => licenceRows(el).find((tr) => squash(tr.querySelector('button.name')) === name)!;
const cells = (tr: Element) => [...tr.querySelectorAll('td')].map(squash);
const header = (el: SoLicenceList, label: string) => $$(el, 'thead th').find((th) => squash(th) === label)!;

async function mount(markup = html`<so-licence-list></so-licence-list>`) {
  const el = await fixture<SoLicenceList>(markup);
  await waitUntil(() => names(el).length > 0, 'licences shown', { timeout: 4000 });
  return el;
}

/** E1 from the mock data, changed by `change`, in the request's language. */
const serveLicences = (change: (owners: ExtendedLicenseInfo[]) => ExtendedLicenseInfo[]) =>
  worker.use(
    http.get(E1, ({ request }) => HttpResponse.json(change(licenseInfo('default', localeFrom(request.headers.get('Accept-Language')))))),
  );

describe('<so-licence-list>', () => {
  useMockBackend();

  runDataElementSuite('so-licence-list', {
    render: () => html`<so-licence-list></so-licence-list>`,
    endpoints: [E1],
    source: 'License',
    isLoaded: (el) => !!el.shadowRoot?.querySelector('button.name'),
  });

  describe('groups and rows', () => {
    it('puts its group headings at the level the page asks for (heading-level), h2 by default', async () => {
      const el = await fixture<SoLicenceList>(html`<so-licence-list heading-level="4"></so-licence-list>`);
      await waitUntil(() => el.shadowRoot!.querySelector('button.name'), 'rows shown', { timeout: 4000 });
      expect($$(el, 'h4').map(squash)).to.deep.equal(['System licences', 'User licences']);
      expect($$(el, 'h2')).to.have.length(0);
      el.headingLevel = 9;
      await el.updateComplete;
      expect($$(el, 'h6'), 'clamped to 6').to.have.length(2);
    });

    it('shows system and user licences under their headings, in SortOrder, without hidden licences', async () => {
      const el = await mount();
      expect($$(el, 'h2').map(squash)).to.deep.equal(['System licences', 'User licences']);
      const [system, user] = $$(el, 'tbody[part~=group]');
      const namesIn = (tbody: Element) => [...tbody.querySelectorAll('button.name')].map(squash);
      expect(namesIn(system)).to.deep.equal([
        'SuperOffice Server',
        'SuperOffice Web',
        'SuperOffice Mobile CRM',
        'Web services (read only)',
        'Email archiving by forwarding',
        'Sales Intelligence (SAINT)',
        'Satellite database',
      ]);
      expect(namesIn(user)).to.deep.equal([
        'Sales Essentials',
        'Sales Premium',
        'Service Essentials',
        'Service Premium',
        'Marketing Essentials',
        'Marketing Premium',
        'CRM user',
        'Customer Service external user',
        'Anonymous user',
      ]);
      for (const hidden of ['Sales Essentials marker', 'Mobile CRM user', 'Sales user', 'Stakeholders']) {
        expect(text(el)).not.to.contain(hidden);
      }
      await expect(el).to.be.accessible();
    });

    it('marks user plans as plans', async () => {
      const el = await mount();
      expect(squash(row(el, 'Sales Premium').querySelector('[part=plan]'))).to.equal('Plan');
      expect(row(el, 'CRM user').querySelector('[part=plan]')).to.equal(null);
      expect(row(el, 'SuperOffice Server').querySelector('[part=plan]')).to.equal(null);
    });

    it('shows in use, available, total and a usage bar named "x of y in use"', async () => {
      const el = await mount();
      expect(cells(row(el, 'CRM user')).slice(0, 4)).to.deep.equal(['38', '12', '50', '76%']);
      const bar = row(el, 'CRM user').querySelector('svg[part=bar]')!;
      expect(bar.getAttribute('role')).to.equal('img');
      expect(bar.getAttribute('aria-label')).to.equal('38 of 50 in use');
      expect(bar.querySelector('.fill')!.getAttribute('width')).to.equal('76');
    });

    it('says "Unlimited" for unrestricted licences instead of counts', async () => {
      const el = await mount();
      const tr = row(el, 'Customer Service external user');
      expect(cells(tr).slice(0, 3)).to.deep.equal(['5', 'Unlimited', 'Unlimited']);
      expect(tr.querySelector('svg')).to.equal(null);
    });

    it('marks nearly used up (≥ 90 %) and used up licences with a word and an icon, not colour alone', async () => {
      const el = await mount();
      const full = row(el, 'Sales Premium');
      expect(full.getAttribute('part')).to.equal('row full');
      expect(squash(full.querySelector('[part=badge]'))).to.equal('Used up');
      expect(full.querySelector('[part=badge] svg')).not.to.equal(null);
      const nearly = row(el, 'Service Premium');
      expect(nearly.getAttribute('part')).to.equal('row nearly');
      expect(squash(nearly.querySelector('[part=badge]'))).to.equal('Nearly used up');
      expect(row(el, 'CRM user').querySelector('[part=badge]')).to.equal(null, '76 % is fine');
    });

    it('limits the groups with kind', async () => {
      const el = await mount(html`<so-licence-list kind="system"></so-licence-list>`);
      expect($$(el, 'h2').map(squash)).to.deep.equal(['System licences']);
      expect(names(el)).to.have.length(7);
      el.kind = 'user';
      await el.updateComplete;
      expect($$(el, 'h2').map(squash)).to.deep.equal(['User licences']);
      expect(names(el)).to.include('Sales Premium').and.not.include('SuperOffice Server');
    });

    it("shows a third-party owner's licences", async () => {
      const el = await mount(html`<so-licence-list owner="ACMEADDON"></so-licence-list>`);
      expect(names(el)).to.deep.equal(['Archive server', 'Archive user', 'OCR scanning']);
    });

    it('says so when the owner has no licences to show', async () => {
      const el = await fixture<SoLicenceList>(html`<so-licence-list owner="NOBODY"></so-licence-list>`);
      const state = await waitForState(el, 'empty');
      // An owner the server does not know has no name to show: never its raw code.
      expect(squash(state)).to.equal('There are no licences to show.');
      await expect(el).to.be.accessible();
    });

    it('shows the empty state when the server has no licences at all', async () => {
      setScenario('empty');
      const el = await fixture<SoLicenceList>(html`<so-licence-list></so-licence-list>`);
      expect(squash(await waitForState(el, 'empty'))).to.equal('There are no licences to show.');
    });

    it('shows the empty state when the kind has no licences', async () => {
      serveLicences((owners) => owners.map((o) => ({ ...o, ExtendedModuleLicenses: o.ExtendedModuleLicenses.filter((m) => m.Current.LicenseType !== 'UserLicense') })));
      const el = await fixture<SoLicenceList>(html`<so-licence-list kind="user"></so-licence-list>`);
      // A known owner is named by its description, not by its code.
      expect(squash(await waitForState(el, 'empty'))).to.equal('There are no licences to show for SuperOffice.');
      el.kind = 'all';
      await waitUntil(() => names(el).length === 7, 'the system licences');
    });

    it('switches language at run time, server texts included', async () => {
      const el = await mount();
      await setLocale('de');
      await waitUntil(() => names(el).includes('CRM-Benutzer'), 'German licence names from the server');
      expect($$(el, 'thead th').map(squash)).to.deep.equal(['Lizenz', 'Belegt', 'Verfügbar', 'Gesamt', 'Auslastung']);
      expect(cells(row(el, 'Externer Benutzer im Kundenservice')).slice(1, 3)).to.deep.equal(['Unbegrenzt', 'Unbegrenzt']);
      expect(row(el, 'Sales Premium').querySelector('svg')!.getAttribute('aria-label')).to.equal('15 von 15 belegt');
      expect(squash(row(el, 'Sales Premium').querySelector('[part=badge]'))).to.equal('Aufgebraucht');
      expect(squash(row(el, 'CRM-Benutzer').querySelector('.percent'))).to.equal('76 %');
      await expect(el).to.be.accessible();
    });
  });

  describe('sorting', () => {
    it('sorts by a column on click, then the other way round, with aria-sort on that header only', async () => {
      const el = await mount(html`<so-licence-list kind="user"></so-licence-list>`);
      expect($$(el, 'th[aria-sort]')).to.have.length(0);
      header(el, 'In use').querySelector('button')!.click();
      await el.updateComplete;
      expect(header(el, 'In use').getAttribute('aria-sort')).to.equal('ascending');
      expect(names(el).slice(0, 3)).to.deep.equal(['Marketing Essentials', 'Service Essentials', 'Marketing Premium']);
      header(el, 'In use').querySelector('button')!.click();
      await el.updateComplete;
      expect(header(el, 'In use').getAttribute('aria-sort')).to.equal('descending');
      expect(names(el).slice(0, 2)).to.deep.equal(['CRM user', 'Sales Premium']);
      header(el, 'Available').querySelector('button')!.click();
      await el.updateComplete;
      expect(header(el, 'In use').hasAttribute('aria-sort')).to.equal(false);
      expect(header(el, 'Available').getAttribute('aria-sort')).to.equal('ascending');
      expect(names(el)[0]).to.equal('Sales Premium');
      expect(names(el).at(-1)).to.equal('Customer Service external user', 'unlimited sorts after every number');
      await expect(el).to.be.accessible();
    });

    it('sorts with Enter on a header, names in the language’s order', async () => {
      const el = await mount(html`<so-licence-list kind="user"></so-licence-list>`);
      header(el, 'Licence').querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(header(el, 'Licence').getAttribute('aria-sort')).to.equal('ascending');
      expect(names(el)).to.deep.equal([...names(el)].sort((a, b) => a.localeCompare(b, 'en')));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(header(el, 'Licence').getAttribute('aria-sort')).to.equal('descending');
      expect(names(el)[0]).to.equal('Service Premium');
    });

    it('sorts by usage within each group', async () => {
      const el = await mount();
      header(el, 'Usage').querySelector('button')!.click();
      header(el, 'Usage').querySelector('button')!.click();
      await el.updateComplete;
      const [, user] = $$(el, 'tbody[part~=group]');
      expect(squash(user.querySelector('button.name'))).to.equal('Sales Premium');
    });
  });

  describe('search and CSV', () => {
    const search = async (el: SoLicenceList, value: string) => {
      const input = $<HTMLInputElement>(el, 'input[type=search]')!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };

    it('filters by name as the user types, and says how many are shown', async () => {
      const el = await mount();
      const input = $<HTMLInputElement>(el, 'input[type=search]')!;
      expect(squash($(el, `label[for=${input.id}]`))).to.equal('Search licences');
      await search(el, 'premium');
      expect(names(el)).to.deep.equal(['Sales Premium', 'Service Premium', 'Marketing Premium']);
      expect($$(el, 'h2').map(squash)).to.deep.equal(['User licences'], 'the group without matches is left out');
      expect(squash(part(el, 'count'))).to.equal('3 of 16 licences');
      expect(part(el, 'count')!.getAttribute('role')).to.equal('status');
      await search(el, 'SAINT');
      expect(names(el)).to.deep.equal(['Sales Intelligence (SAINT)']);
      await search(el, 'nothing like this');
      expect(squash($(el, '.state.empty'))).to.equal('No licences match “nothing like this”.');
      expect($<HTMLButtonElement>(el, '[part=download]')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      await search(el, '');
      expect(names(el)).to.have.length(16);
      expect(squash(part(el, 'count'))).to.equal('');
    });

    it('downloads the rows shown as a CSV file with a byte order mark', async () => {
      const el = await mount();
      await search(el, 'premium');
      const blobs: Blob[] = [];
      const downloads: { name: string; href: string }[] = [];
      const { createObjectURL } = URL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:licences');
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push({ name: this.download, href: this.href });
      };
      try {
        $<HTMLButtonElement>(el, '[part=download]')!.click();
        await search(el, '');
        $<HTMLButtonElement>(el, '[part=download]')!.click();
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(downloads).to.have.length(2);
      expect(downloads[0]).to.deep.equal({ name: csvFileName(['licences', 'superoffice', '2394857611']), href: 'blob:licences' });
      expect(downloads[0].name).to.match(/^licences-superoffice-2394857611-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(blobs[0].type).to.equal('text/csv;charset=utf-8');
      const bytes = new Uint8Array(await blobs[0].arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(await blobs[0].text()).to.equal(
        'Licence,Type,In use,Available,Total,Unlimited\r\n' +
          'Sales Premium,User plan,15,0,15,\r\n' +
          'Service Premium,User plan,9,1,10,\r\n' +
          'Marketing Premium,User plan,3,2,5,\r\n',
      );
      const all = (await blobs[1].text()).split('\r\n');
      expect(all).to.have.length(18, 'header, 16 licences, final line end');
      expect(all).to.include.members([
        'SuperOffice Server,System licence,0,1,1,',
        'Satellite database,Satellite licence,0,2,2,',
        'CRM user,User licence,38,12,50,',
        'Customer Service external user,User licence,5,,,Yes',
      ]);
      expect(all.indexOf('SuperOffice Server,System licence,0,1,1,'), 'screen order: system licences first').to.equal(1);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null, 'the temporary link is gone');
    });
  });

  it('writes the CSV in the dialect of the locale: semicolons where the decimal comma is used', async () => {
    await setLocale('de');
    const el = await mount();
    const blobs: Blob[] = [];
    const { createObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:licences');
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      $<HTMLButtonElement>(el, '[part=download]')!.click();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    const lines = (await blobs[0].text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal('Lizenz;Typ;Belegt;Verfügbar;Gesamt;Unbegrenzt');
    expect(lines).to.include('SuperOffice Server;Systemlizenz;0;1;1;');
  });

  describe('toCsv()', () => {
    it('separates with the locale: comma in English, semicolon where the decimal comma is used', () => {
      expect(csvSeparator('en')).to.equal(',');
      for (const l of ['da', 'de', 'nl', 'nb', 'sv']) expect(csvSeparator(l), l).to.equal(';');
      expect(toCsv([['a;b', 1.5, null, 7]], ';')).to.equal('"a;b";1,5;;7\r\n');
      expect(toCsv([['a;b', 1.5, null, NaN]], ',')).to.equal('a;b,1.5,,\r\n');
    });

    it('names files after their parts and the day, in safe characters', () => {
      expect(csvFileName(['Licences', 'Ærø Økonomi AS', '12/34', 'Straße'], new Date(2027, 2, 5))).to.equal(
        'licences-aero-okonomi-as-12-34-strasse-2027-03-05.csv',
      );
    });

    it('quotes fields with commas, quotes and line breaks, and keeps numbers as numbers', () => {
      expect(toCsv([['Name', 'Total'], ['Sales, Premium', 15], ['The "best" plan', -2], ['Two\nlines', 0]])).to.equal(
        'Name,Total\r\n"Sales, Premium",15\r\n"The ""best"" plan",-2\r\n"Two\nlines",0\r\n',
      );
    });

    it('keeps Scandinavian characters and neutralizes text a spreadsheet would run as a formula', () => {
      expect(toCsv([['Ærø Økonomi – Å', '=HYPERLINK("x")', '+1', '@SUM', ' padded ']])).to.equal(
        'Ærø Økonomi – Å,"\'=HYPERLINK(""x"")",\'+1,\'@SUM," padded "\r\n',
      );
    });
  });

  describe('details', () => {
    const openDetails = async (el: SoLicenceList, name: string) => {
      const button = row(el, name).querySelector<HTMLButtonElement>('button.name')!;
      button.click();
      // This licence's details, loaded: its button says so (another licence's may still be open until the update).
      await waitUntil(
        () => button.getAttribute('aria-expanded') === 'true' && $(el, '.details'),
        'details shown',
        { timeout: 4000 },
      );
      return part(el, 'details')!;
    };

    it('opens a licence’s details from E2 under its row, emits so-licence-select, and loads each licence once', async () => {
      const requests = countRequests('/License/SUPEROFFICE/');
      const el = await mount();
      const selects = recordEvents(el, 'so-licence-select');
      const button = row(el, 'Sales Premium').querySelector<HTMLButtonElement>('button.name')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const details = await openDetails(el, 'Sales Premium');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.getAttribute('aria-controls')).to.equal(details.id);
      expect(selects.map((e) => e.detail)).to.deep.equal([{ ownerName: 'SUPEROFFICE', moduleName: 'ten-sales' }]);
      expect(selects[0].bubbles && selects[0].composed).to.equal(true);
      expect(squash(details)).to.contain('Everything in Sales Essentials, plus sales guides');
      const facts = Object.fromEntries([...details.querySelectorAll('dl > div')].map((d) => [squash(d.querySelector('dt')), squash(d.querySelector('dd'))]));
      expect(facts).to.deep.equal({
        Type: 'User plan',
        Version: '11.12',
        'Allowed user type': 'Internal user',
        Includes: 'Mobile CRM userSales userStakeholders',
      });
      expect([...details.querySelectorAll('dd li')].map(squash)).to.deep.equal(['Mobile CRM user', 'Sales user', 'Stakeholders']);
      await expect(el).to.be.accessible();

      button.click(); // closes
      await el.updateComplete;
      expect(part(el, 'details')).to.equal(null);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await openDetails(el, 'SuperOffice Mobile CRM');
      expect(squash(part(el, 'details')!.querySelector('dl > div:last-child'))).to.equal('RequiresSuperOffice Web');
      await openDetails(el, 'Sales Premium');
      expect(squash(part(el, 'details'))).to.contain('User plan');
      expect(requests.count).to.equal(2, 'Sales Premium was loaded once');
      expect(requests.requests.map((r) => new URL(r.url).pathname)).to.deep.equal([
        '/api/v1/License/SUPEROFFICE/ten-sales',
        '/api/v1/License/SUPEROFFICE/mobile',
      ]);
      requests.stop();
    });

    it('opens with Enter and closes with Escape, returning focus to the name', async () => {
      const el = await mount();
      const button = row(el, 'CRM user').querySelector<HTMLButtonElement>('button.name')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.details'), 'details shown');
      expect(squash(part(el, 'details'))).to.contain('Lets a person log in to SuperOffice CRM.');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(el, 'details'), 'details closed');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });

    it('shows a failure inside the details, not over the list, and recovers with Try again', async () => {
      worker.use(http.get(E2, () => HttpResponse.json({ Error: true, ErrorMessage: 'Boom' }, { status: 500 })));
      const el = await mount();
      const errors = recordEvents(el, 'so-error');
      row(el, 'CRM user').querySelector<HTMLButtonElement>('button.name')!.click();
      await waitUntil(() => part(el, 'details')?.querySelector('.state.error'), 'error in details', { timeout: 4000 });
      const alert = part(el, 'details')!.querySelector('[role=alert]')!;
      expect(squash(alert)).to.contain('Could not load the details of CRM user.').and.contain('HTTP 500');
      expect(names(el)).to.have.length(16, 'the list stays');
      await waitUntil(() => errors.length === 1);
      expect(errors[0].detail).to.include({ kind: 'http', status: 500 });
      await expect(el).to.be.accessible();
      worker.resetHandlers();
      alert.querySelector('button')!.click();
      await waitUntil(() => $(el, '.details'), 'details after Try again', { timeout: 4000 });
      expect(squash(part(el, 'details'))).to.contain('Lets a person log in');
    });

    it('details loaded before a configure() to another backend are not shown again', async () => {
      const el = await mount();
      await openDetails(el, 'CRM user');
      expect(squash(part(el, 'details'))).to.contain('Lets a person log in');
      row(el, 'CRM user').querySelector<HTMLButtonElement>('button.name')!.click(); // closes
      worker.use(
        http.get('*/tenant2/api/v1/License/:owner/:module', ({ params }) =>
          HttpResponse.json({
            ...moduleLicenseOf(String(params.owner), String(params.module))!,
            ModuleTooltip: 'Tenant two’s CRM user',
          }),
        ),
      );
      const requests = countRequests('/tenant2/api/v1/License/SUPEROFFICE/');
      const lists = countRequests('/tenant2/api/v1/License');
      configure({ apiBase: '/tenant2/api/v1' });
      await waitUntil(() => lists.count > 0 && names(el).length > 0, 'list from the other backend', { timeout: 4000 });
      row(el, 'CRM user').querySelector<HTMLButtonElement>('button.name')!.click();
      await waitUntil(() => squash(part(el, 'details')).includes('Tenant two'), 'details from the other backend', { timeout: 4000 });
      expect(squash(part(el, 'details'))).not.to.contain('Lets a person log in');
      expect(requests.count).to.equal(1);
      requests.stop();
      lists.stop();
    });

    it('loads the details again on refresh()', async () => {
      const requests = countRequests('/License/SUPEROFFICE/');
      const el = await mount();
      await openDetails(el, 'CRM user');
      await el.refresh();
      await waitUntil(() => requests.count === 2, 'details reloaded');
      requests.stop();
    });
  });

  describe('a pending licence', () => {
    it('shows what activation changes and flags a negative new available as an error to fix', async () => {
      serveLicences(withPendingLicence);
      const el = await mount(html`<so-licence-list kind="user"></so-licence-list>`);
      await waitUntil(() => $$(el, 'thead th').length === 8, 'pending columns');
      expect($$(el, 'thead th').map(squash).slice(5)).to.deep.equal(['Added', 'New total', 'New available']);
      expect(cells(row(el, 'Sales Premium')).slice(4)).to.deep.equal(['+5', '20', '5']);
      expect(cells(row(el, 'Sales Essentials')).slice(4)).to.deep.equal(['0', '10', '4']);
      expect(cells(row(el, 'Customer Service external user')).slice(4)).to.deep.equal(['0', 'Unlimited', 'Unlimited']);
      const short = row(el, 'Service Premium');
      expect(cells(short).slice(4)).to.deep.equal(['-2', '8', '-1(too few)']);
      expect(short.querySelector('.short svg')).not.to.equal(null);
      expect(part(el, 'pending')!.getAttribute('role')).to.equal('status');
      expect(squash(part(el, 'pending'))).to.contain('A new licence is ready to be activated.');
      const blocker = part(el, 'blocker')!;
      expect(blocker.getAttribute('role')).to.equal('alert');
      expect([...blocker.querySelectorAll('li')].map(squash)).to.deep.equal(['Service Premium: 1 too many in use Remove superfluous licences']);
      header(el, 'New available').querySelector('button')!.click();
      await el.updateComplete;
      expect(names(el)[0]).to.equal('Service Premium');
      await expect(el).to.be.accessible();
    });

    it('shows no blocker when the pending licence covers what is in use', async () => {
      serveLicences((owners) =>
        withPendingLicence(owners).map((o) => ({
          ...o,
          ExtendedModuleLicenses: o.ExtendedModuleLicenses.map((m) => ({ ...m, NumberOfLicensesNewFree: Math.max(0, m.NumberOfLicensesNewFree) })),
        })),
      );
      const el = await mount();
      await waitUntil(() => part(el, 'pending'));
      expect(part(el, 'blocker')).to.equal(null);
    });

    it('says why a pending licence cannot be activated, without the extra columns', async () => {
      serveLicences((owners) => withPendingLicence(owners).map((o, i) => (i ? o : { ...o, CanBeActivated: false, Reason: 'The licence file is for another serial number.' })));
      const el = await mount();
      await waitUntil(() => part(el, 'pending'));
      expect(squash(part(el, 'pending'))).to.equal('A new licence is waiting but cannot be activated: The licence file is for another serial number.');
      expect($$(el, 'thead th')).to.have.length(5);
      serveLicences((owners) => withPendingLicence(owners).map((o, i) => (i ? o : { ...o, CanBeActivated: false, Reason: '' })));
      await el.refresh();
      await waitUntil(() => squash(part(el, 'pending')) === 'A new licence is waiting but cannot be activated.');
      await expect(el).to.be.accessible();
    });
  });

  describe('narrow containers', () => {
    it('stacks each licence as a card at 480 px and below, by the container’s width', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><so-licence-list></so-licence-list></div>`);
      const el = wrapper.querySelector('so-licence-list')!;
      await waitUntil(() => names(el).length > 0, 'licences shown', { timeout: 4000 });
      const display = () => getComputedStyle(row(el, 'CRM user')).display;
      expect(display()).to.equal('table-row');
      const narrow = document.createElement('style');
      narrow.textContent = '.narrow { width: 360px }';
      document.head.append(narrow);
      try {
        wrapper.className = 'narrow';
        await new Promise(requestAnimationFrame);
        expect(display()).to.equal('grid');
        const label = getComputedStyle(row(el, 'CRM user').querySelector('td.inUse')!, '::before').content;
        expect(label).to.contain('In use');
        await expect(el).to.be.accessible();
      } finally {
        narrow.remove();
      }
    });
  });

  describe('planIncludes()', () => {
    it('reads the licences of a plan from ExtraInfo', () => {
      expect(planIncludes('set=pocket-crm-cal,sale-cal')).to.deep.equal(['pocket-crm-cal', 'sale-cal']);
      expect(planIncludes(' a; b ,')).to.deep.equal(['a', 'b']);
      expect(planIncludes('')).to.deep.equal([]);
    });
  });
});
