import { expect } from '@open-wc/testing';
import { worker } from '../src/mocks/browser.js';
import {
  HTML_EVENT_MESSAGE,
  MALICIOUS_PORTRAIT,
  manyOwners,
  licenseInfo,
  wallDate,
  withPendingLicence,
  type ArchiveAnswerRow,
  type BatchTaskInfo,
  type DatabaseInfo,
  type ExtendedLicenseInfo,
  type LicenseOwner,
  type MeteredServicesReport,
  type ModuleLicense,
  type SoPrincipal,
} from '../src/mocks/data.js';
import { isScenario, scenarioFromUrl, scenarios, setScenario, type Scenario } from '../src/mocks/scenarios.js';

type Page = { 'odata.metadata': string; 'odata.count'?: string; 'odata.nextLink': string | null; value: ArchiveAnswerRow[] };

const get = (path: string, language = 'en') =>
  fetch(path.startsWith('http') ? path : `/api/v1${path}`, { headers: { Accept: 'application/json', 'Accept-Language': language } });
const json = async <T>(path: string, language?: string): Promise<T> => {
  const res = await get(path, language);
  expect(res.status, path).to.equal(200);
  return (await res.json()) as T;
};
const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const EVENT_COLUMNS =
  'eventname,status,eventmess,registered,registered_associate_id/assocName,registered_associate_id/fullName,registered_associate_id/portraitThumbnail,eta,type';
const superOffice = (owners: ExtendedLicenseInfo[]) => owners.find((o) => o.Current.OwnerName === 'SUPEROFFICE')!;

/** Every endpoint of the contract, as the kit calls it. */
const ENDPOINTS = [
  '/License',
  '/License/SUPEROFFICE/ten-sales',
  '/License/User/1',
  '/User/currentPrincipal',
  '/SystemInfo/Database',
  '/MeteredServices?from=2026-01&to=2026-06',
  `/SystemEvent?$select=${EVENT_COLUMNS}&$orderBy=registered desc&$top=5&$skip=0&$jsonSafe=true`,
  '/BatchTask/Started',
  '/Archive/InternalUsers?$top=5&$skip=0&$jsonSafe=true',
  '/Archive/OtherUsers?$top=5&$skip=0&$jsonSafe=true',
];

describe('mock backend', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' }));
  afterEach(() => setScenario('default'));
  after(() => worker.stop());

  describe('scenarios', () => {
    it('are named, checked and read from ?scenario=', () => {
      expect(scenarios).to.include.members(['default', 'expiring', 'expired', 'empty', 'forbidden', 'server-error', 'malformed', 'slow', 'large', 'onsite', 'xss', 'read-only', 'conflict', 'write-fails', 'slow-writes', 'pending', 'pending-blocked', 'auto-activated', 'licence-server-down', 'activation-rejected', 'shop-not-https']);
      expect(isScenario('large')).to.equal(true);
      expect(isScenario('nope')).to.equal(false);
      expect(scenarioFromUrl('http://x/demo?scenario=expired')).to.equal('expired');
      expect(scenarioFromUrl('http://x/demo?scenario=bogus')).to.equal('default');
      expect(scenarioFromUrl()).to.equal('default');
    });

    const statusOf = async (s: Scenario) => {
      setScenario(s);
      return Promise.all(ENDPOINTS.map(async (p) => [p, (await get(p)).status] as const));
    };

    it('default answers every endpoint with 200', async () => {
      for (const [path, status] of await statusOf('default')) expect(status, path).to.equal(200);
    });

    it('forbidden and server-error answer every endpoint with a SuperOffice error body', async () => {
      for (const [s, status, type] of [['forbidden', 403, 'Forbidden'], ['server-error', 500, 'Exception']] as const) {
        setScenario(s);
        for (const path of ENDPOINTS) {
          const res = await get(path);
          expect(res.status, `${s} ${path}`).to.equal(status);
          const body = (await res.json()) as { Error: boolean; ErrorType: string; ErrorMessage: string };
          expect(body).to.include({ Error: true, ErrorType: type });
          expect(body.ErrorMessage.length).to.be.greaterThan(0);
        }
      }
    });

    it('malformed answers 200 with an HTML page', async () => {
      setScenario('malformed');
      const res = await get('/License');
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.contain('text/html');
      const text = await res.text();
      expect(() => JSON.parse(text) as unknown).to.throw();
    });

    it('onsite has no PROPOSED endpoints (E4, E5) and everything else', async () => {
      for (const [path, status] of await statusOf('onsite')) {
        const proposed = path.startsWith('/SystemInfo') || path.startsWith('/MeteredServices');
        expect(status, path).to.equal(proposed ? 404 : 200);
      }
      const body = (await (await get('/SystemInfo/Database')).json()) as { Error: boolean; ErrorType: string };
      expect(body).to.include({ Error: true, ErrorType: 'NotFound' });
    });

    it('empty answers empty lists', async () => {
      setScenario('empty');
      expect(await json<unknown[]>('/License')).to.deep.equal([]);
      expect(await json<unknown[]>('/BatchTask/Started')).to.deep.equal([]);
      expect((await json<Page>('/SystemEvent?$top=10')).value).to.deep.equal([]);
      expect((await json<Page>('/Archive/InternalUsers?$top=10')).value).to.deep.equal([]);
      expect((await json<MeteredServicesReport>('/MeteredServices?from=2026-01&to=2026-02')).Services).to.deep.equal([]);
    });

    it('expiring and expired move the SUPEROFFICE dates relative to today', async () => {
      const today = wallDate(new Date(new Date().setHours(0, 0, 0, 0)));
      setScenario('expiring');
      const expiring = superOffice(await json('/License')).Current;
      expect(expiring.ExpiryDate > today).to.equal(true);
      expect(expiring.AdminWarningDate < today).to.equal(true);
      setScenario('expired');
      const expired = superOffice(await json('/License')).Current;
      expect(expired.ExpiryDate < today).to.equal(true);
      expect(expired.GraceDate > today).to.equal(true);
    });

    it('slow delays the answer', async () => {
      setScenario('slow');
      const controller = new AbortController();
      const answer = fetch('/api/v1/License', { signal: controller.signal }).then(
        () => 'answered',
        () => 'aborted',
      );
      const first = await Promise.race([answer, new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      controller.abort();
      expect(first).to.equal('waiting');
    });
  });

  describe('default data', () => {
    it('E1: owners and module licences with usage', async () => {
      const owners = await json<ExtendedLicenseInfo[]>('/License');
      expect(owners.map((o) => o.Current.OwnerName)).to.deep.equal(['SUPEROFFICE', 'ACMEADDON']);
      const so = superOffice(owners);
      expect(so.Current).to.include({ CompanyName: 'Nordlys Consulting AS', SerialNr: '2394857611', OwnerDescription: 'SuperOffice' });
      expect(so.Current.ExpiryDate).to.match(WALL);
      expect(owners[1].Current.ExpiryDate).to.equal('0001-01-01T00:00:00');
      const modules = so.ExtendedModuleLicenses;
      const current = modules.map((m) => m.Current);
      expect(modules.length).to.be.at.least(15);
      expect(current.filter((m) => m.IsHidden).length).to.be.greaterThan(0);
      const plans = current.filter((m) => m.ExtraFlags === 1);
      expect(plans).to.have.length(6);
      for (const p of plans) expect(p.LicenseType).to.equal('UserLicense');
      for (const p of plans) expect(p.ExtraInfo).to.match(/^set=/);
      expect(current.filter((m) => m.Unrestricted)).to.have.length(1);
      expect(current.some((m) => m.LicenseType === 'SatelliteLicense')).to.equal(true);
      const visibleUser = modules.filter((m) => !m.Current.IsHidden && !m.Current.Unrestricted && m.Current.LicenseType === 'UserLicense');
      expect(visibleUser.some((m) => m.NumberOfLicensesFree === 0 && m.NumberOfLicensesTotal > 0), 'one used up').to.equal(true);
      expect(
        visibleUser.some((m) => m.NumberOfLicensesFree > 0 && m.NumberOfLicensesInUse / m.NumberOfLicensesTotal >= 0.9),
        'one nearly used up',
      ).to.equal(true);
      for (const m of modules.filter((x) => !x.Current.Unrestricted)) {
        expect(m.NumberOfLicensesInUse + m.NumberOfLicensesFree, m.Current.ModuleName).to.equal(m.NumberOfLicensesTotal);
      }
    });

    it('localizes ModuleDescription and service descriptions by Accept-Language', async () => {
      const crmUser = async (language: string) =>
        superOffice(await json<ExtendedLicenseInfo[]>('/License', language)).ExtendedModuleLicenses.find((m) => m.Current.ModuleName === 'crm-user')!
          .Current.ModuleDescription;
      expect(await crmUser('en')).to.equal('CRM user');
      expect(await crmUser('de-DE,de;q=0.9')).to.equal('CRM-Benutzer');
      expect(await crmUser('nb')).to.equal('CRM-bruker');
      expect(await crmUser('sv')).to.equal('CRM-användare');
      expect(await crmUser('fr')).to.equal('CRM user');
      const detail = await json<ModuleLicense>('/License/SUPEROFFICE/crm-user', 'da');
      expect(detail.ModuleDescription).to.equal('CRM-bruger');
      const report = await json<MeteredServicesReport>('/MeteredServices?from=2026-01&to=2026-02', 'de');
      expect(report.Services.find((s) => s.ServiceKey === 'StorageSpace')!.Description).to.equal('Speicherplatz');
    });

    it('E2: one licence, 404 for an unknown one', async () => {
      const m = await json<ModuleLicense>('/License/superoffice/TEN-SALES');
      expect(m).to.include({ OwnerName: 'SUPEROFFICE', ModuleName: 'ten-sales', ExtraFlags: 1 });
      expect((await get('/License/SUPEROFFICE/no-such-module')).status).to.equal(404);
    });

    it('E3, E4, E7: principal, database and running batch tasks', async () => {
      const me = await json<SoPrincipal>('/User/currentPrincipal');
      expect(me).to.include({ AssociateId: 1, Associate: 'INGRID', UserType: 'InternalAssociate', DatabaseContextIdentifier: 'Cust26759' });
      expect(me.Licenses.some((l) => l.Name === 'ten-sales' && l.ExtraFlags === 1)).to.equal(true);
      const db = await json<DatabaseInfo>('/SystemInfo/Database');
      expect(db).to.include({ DatabaseType: 'SQL Server', DatabaseVariant: 'Central', ContextIdentifier: 'Cust26759' });
      expect(db.CurrentUser.AssociateId).to.equal(1);
      expect(db.NextExpiryDate).to.match(WALL);
      const tasks = await json<BatchTaskInfo[]>('/BatchTask/Started');
      expect(tasks.map((t) => t.ProgressPercent)).to.deep.equal([45, 80, 0]);
      // BatchTaskState and CancellationBehaviour as SuperOffice spells them; LastStarted with offset and 7-digit fraction.
      expect(tasks.map((t) => t.State)).to.deep.equal(['Started', 'Started', 'Aquired']);
      expect(tasks.map((t) => t.CancellationBehaviour)).to.deep.equal(['CanCancel', 'CancelWithWarning', 'CannotCancel']);
      expect(tasks[0].FileName).to.equal('Trade fair leads 2026.xlsx');
      for (const t of tasks) expect(t.LastStarted).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}[+-]\d{2}:\d{2}$/);
    });

    it('E5: the asked months up to now, one service exceeded this month, an unknown ServiceKey', async () => {
      const now = new Date();
      const to = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
      const r = await json<MeteredServicesReport>(`/MeteredServices?from=${now.getFullYear() - 1}-01&to=${to}`);
      expect(r.NumberOfUsers).to.be.within(30, 45);
      expect(r.Services.map((s) => s.ServiceKey)).to.include.members([
        'StorageSpace',
        'MailingEmailsSent',
        'CustomerCenterLogins',
        'ChatSessionsStarted',
        'FormSubmissions',
        'SmsSent',
      ]);
      for (const s of r.Services) {
        expect(s.Months).to.have.length(13 + now.getMonth());
        expect(s.Months.at(-1)!.Month).to.equal(to);
      }
      const exceeded = r.Services.filter((s) => s.Months.at(-1)!.Exceeded);
      expect(exceeded).to.have.length(1);
      expect(exceeded[0].Months.at(-1)!.InvoicedExcess).to.be.greaterThan(0);
      expect(r.Services.find((s) => s.ServiceKey === 'StorageSpace')!.Unit).to.equal('Bytes');
      expect((await get('/MeteredServices?from=2026-05&to=2026-01')).status).to.equal(400);
    });

    it('E6: 30 events, newest first, $select, $jsonSafe and $inlineCount honoured, string keys; markup only in the xss scenario', async () => {
      const page = await json<Page>(
        `/SystemEvent?$select=${EVENT_COLUMNS}&$orderBy=registered desc&$top=50&$skip=0&$jsonSafe=true&$inlineCount=allpages`,
      );
      expect(page.value).to.have.length(30);
      expect(page['odata.nextLink']).to.equal(null);
      expect(page['odata.count']).to.equal('30');
      expect(page.value[0].PrimaryKey).to.equal('30');
      // registered is stored as UTC: sent without offset in UTC.
      expect(String(page.value[0].registered)).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(Object.keys(page.value[0]).sort()).to.deep.equal(
        ['PrimaryKey', 'EntityName', ...EVENT_COLUMNS.replaceAll('/', '_').split(',')].sort(),
      );
      const dates = page.value.map((e) => String(e.registered));
      expect([...dates].sort().reverse()).to.deep.equal(dates);
      expect(page.value.some((e) => e.eventmess === HTML_EVENT_MESSAGE), 'no hostile data by default').to.equal(false);
      expect(page.value.some((e) => String(e.eventmess).startsWith('Heads up: Planned maintenance'))).to.equal(true);
      setScenario('xss');
      const xss = await json<Page>('/SystemEvent?$top=50');
      setScenario('default');
      expect(xss.value.some((e) => e.eventmess === HTML_EVENT_MESSAGE), 'markup kept as text in the xss scenario').to.equal(true);
      expect(new Set(page.value.map((e) => e.type))).to.have.keys('System-wide', 'Database', 'Group', 'User');
      const narrow = await json<Page>('/SystemEvent?$select=eventname,registered_associate_id/assocName&$top=2');
      expect(Object.keys(narrow.value[0])).to.deep.equal(['PrimaryKey', 'EntityName', 'eventname', 'registered_associate_id/assocName']);
    });

    it('E8: 40 associates whose licence columns agree with E1 and E9', async () => {
      const users = await json<Page>('/Archive/InternalUsers?$top=100');
      expect(users.value).to.have.length(40);
      expect(users['odata.count'], 'only with $inlineCount=allpages').to.equal(undefined);
      const owners = await json<ExtendedLicenseInfo[]>('/License');
      const internal = superOffice(owners).ExtendedModuleLicenses.filter((x) => x.Current.AllowedUserType === 'InternalAssociate');
      expect(internal.length).to.be.at.least(10);
      for (const m of internal) {
        const column = `superoffice_${m.Current.ModuleName}`;
        expect(users.value.filter((u) => u[column] === true).length, column).to.equal(m.NumberOfLicensesInUse);
      }
      expect(users.value.filter((u) => u.portraitThumbnail === MALICIOUS_PORTRAIT), 'no hostile data by default').to.have.length(0);
      setScenario('xss');
      const xss = await json<Page>('/Archive/InternalUsers?$top=100');
      setScenario('default');
      expect(xss.value.filter((u) => u.portraitThumbnail === MALICIOUS_PORTRAIT), 'the xss scenario').to.have.length(1);
      expect(users.value.some((u) => String(u.portraitThumbnail).startsWith('data:image/svg+xml,'))).to.equal(true);
      const karin = users.value.find((u) => u.assocName === 'KARIN')!;
      expect(karin).to.include({ userplan: 'Sales Premium', usergroup: 'Management', isActive: true });

      const mine = (await json<LicenseOwner[]>(`/License/User/${karin.associateDbId}`))[0];
      expect(mine.Name).to.equal('SUPEROFFICE');
      for (const link of [...mine.RestrictedModuleLicenses, ...mine.UnrestrictedModuleLicenses]) {
        expect(link.Assigned, link.Name).to.equal(karin[`superoffice_${link.Name}`]);
      }
      expect(mine.UnrestrictedModuleLicenses.map((l) => l.Name)).to.deep.equal(['external-user']);
      expect((await get('/License/User/9999')).status).to.equal(404);

      const selected = await json<Page>('/Archive/InternalUsers?$select=assocName,superoffice_ten-sales&$top=3&$skip=0');
      expect(Object.keys(selected.value[0])).to.deep.equal(['PrimaryKey', 'EntityName', 'assocName', 'superoffice_ten-sales']);
      // $jsonSafe=true: every unsafe character (here '-') becomes '_'.
      const safe = await json<Page>('/Archive/InternalUsers?$select=assocName,superoffice_ten-sales&$top=3&$skip=0&$jsonSafe=true');
      expect(Object.keys(safe.value[0])).to.deep.equal(['PrimaryKey', 'EntityName', 'assocName', 'superoffice_ten_sales']);
      expect(typeof safe.value[0].PrimaryKey).to.equal('string');
      const others = await json<Page>('/Archive/OtherUsers?$top=50');
      expect(others.value.map((u) => u.role)).to.include.members(['System', 'Anonymous']);
    });
  });

  describe('large', () => {
    it('pages through 10,000 events and 10,000 associates quickly', async () => {
      setScenario('large');
      const started = performance.now();
      const first = await json<Page>('/SystemEvent?$orderBy=registered desc&$top=100&$skip=0&$jsonSafe=true');
      expect(first.value).to.have.length(100);
      expect(first.value[0].PrimaryKey).to.equal('10000');
      const next = new URL(first['odata.nextLink']!);
      expect(next.searchParams.get('$skip')).to.equal('100');
      expect(next.searchParams.get('$top')).to.equal('100');
      const second = await json<Page>(next.href);
      expect(second.value[0].PrimaryKey).to.equal('9900');
      expect(String(second.value[0].registered) < String(first.value[99].registered)).to.equal(true);
      const last = await json<Page>('/SystemEvent?$top=100&$skip=9950');
      expect(last.value).to.have.length(50);
      expect(last['odata.nextLink']).to.equal(null);

      const users = await json<Page>('/Archive/InternalUsers?$select=assocName,fullName&$top=500&$skip=9800&$jsonSafe=true');
      expect(users.value).to.have.length(200);
      expect(users['odata.nextLink']).to.equal(null);
      expect(new Set(users.value.map((u) => u.assocName)).size).to.equal(200);
      expect(performance.now() - started).to.be.below(1500);
    });
    it('counts its 10,000 users in E1: in use equals the archive’s holders, with room in the totals', async () => {
      setScenario('large');
      const e1 = await json<{ ExtendedModuleLicenses: { Current: { ModuleName: string }; NumberOfLicensesInUse: number; NumberOfLicensesTotal: number }[] }[]>(
        '/License',
      );
      const sales = e1[0].ExtendedModuleLicenses.find((m) => m.Current.ModuleName === 'ten-sales')!;
      const page = (list: string) =>
        json<Page & { 'odata.count': string }>(`/Archive/${list}?$select=associateDbId&$filter=superoffice_ten-sales eq 1&$top=1&$inlineCount=allpages&$jsonSafe=true`);
      const holders = Number((await page('InternalUsers'))['odata.count']) + Number((await page('OtherUsers'))['odata.count']);
      expect(holders).to.be.greaterThan(1000);
      expect(sales.NumberOfLicensesInUse).to.equal(holders);
      expect(sales.NumberOfLicensesTotal).to.be.at.least(holders);
    });
  });

  describe('builders', () => {
    it('withPendingLicence adds an activatable licence with one negative NewFree', () => {
      const so = withPendingLicence(licenseInfo())[0];
      expect(so.CanBeActivated).to.equal(true);
      expect(so.New!.ExpiryDate > so.Current.ExpiryDate).to.equal(true);
      expect(so.ExtendedModuleLicenses.some((m) => m.NumberOfLicensesAdded > 0)).to.equal(true);
      expect(so.ExtendedModuleLicenses.filter((m) => m.NumberOfLicensesNewFree < 0)).to.have.length(1);
    });

    it('manyOwners appends third-party owners', () => {
      const owners = manyOwners(12);
      expect(owners).to.have.length(14);
      expect(new Set(owners.map((o) => o.Current.OwnerName)).size).to.equal(14);
    });
  });
});
