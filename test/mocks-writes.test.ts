import { expect } from '@open-wc/testing';
import { worker } from '../src/mocks/browser.js';
import { internalUsers, type ArchiveRow, type ExtendedLicenseInfo, type LicenseOwner, type ModuleLicenseLink } from '../src/mocks/data.js';
import { setScenario } from '../src/mocks/scenarios.js';
import type { MockUser } from '../src/mocks/writes.js';

const headers = { Accept: 'application/json', 'Accept-Language': 'en', 'Content-Type': 'application/json' };
const call = (method: string, path: string, body?: unknown) =>
  fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
const json = async <T>(method: string, path: string, body?: unknown, status = 200): Promise<T> => {
  const res = await call(method, path, body);
  expect(res.status, `${method} ${path}`).to.equal(status);
  return (await res.json()) as T;
};

const KARIN = 3; // Sales Premium (full: 15 of 15), CRM user, Acme archive user
const GUNNAR = 39; // inactive, holds nothing
const usage = async (module: string) => {
  const owners = await json<ExtendedLicenseInfo[]>('GET', '/License');
  const m = owners.flatMap((o) => o.ExtendedModuleLicenses).find((x) => x.Current.ModuleName === module)!;
  return { inUse: m.NumberOfLicensesInUse, free: m.NumberOfLicensesFree };
};
const row = async (id: number, columns: string) => {
  const page = await json<{ value: ArchiveRow[] }>('GET', `/Archive/InternalUsers?$select=associateDbId,userplan,${columns}&$top=200`);
  return page.value.find((r) => r.associateDbId === id)!;
};
const linkOf = (owners: LicenseOwner[], owner: string, module: string): ModuleLicenseLink =>
  owners
    .find((o) => o.Name === owner)!
    .RestrictedModuleLicenses.concat(owners.find((o) => o.Name === owner)!.UnrestrictedModuleLicenses)
    .find((l) => l.Name === module)!;
/** The JSON Patch the kit sends: test owner, name and value, then replace. */
function patchFor(user: MockUser, changes: [module: string, assigned: boolean][]) {
  const o = user.LicenseOwners.findIndex((x) => x.Name === 'SUPEROFFICE');
  return changes.flatMap(([module, assigned]) => {
    const i = user.LicenseOwners[o].RestrictedModuleLicenses.findIndex((l) => l.Name === module);
    const base = `/LicenseOwners/${o}/RestrictedModuleLicenses/${i}`;
    return [
      { op: 'test', path: `/LicenseOwners/${o}/Name`, value: 'SUPEROFFICE' },
      { op: 'test', path: `${base}/Name`, value: module },
      { op: 'test', path: `${base}/Assigned`, value: !assigned },
      { op: 'replace', path: `${base}/Assigned`, value: assigned },
    ];
  });
}

describe('mock backend: writes (W8, W9) are stateful', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' }));
  afterEach(() => {
    worker.resetHandlers();
    setScenario('default');
  });
  after(() => void worker.stop());

  it('GET /User/{id} answers the user with the links of E9', async () => {
    const user = await json<MockUser>('GET', `/User/${KARIN}`);
    const e9 = await json<LicenseOwner[]>('GET', `/License/User/${KARIN}`);
    expect(user).to.include({ AssociateId: KARIN, Name: 'KARIN', FullName: 'Karin Holm' });
    expect(user.LicenseOwners).to.deep.equal(e9);
    await json('GET', '/User/9999', undefined, 404);
  });

  it('a PATCH that removes a plan changes E1, E8, E9 and the user consistently', async () => {
    expect(await usage('ten-sales')).to.deep.equal({ inUse: 15, free: 0 });
    const saved = await json<MockUser>('PATCH', `/User/${KARIN}`, patchFor(await json('GET', `/User/${KARIN}`), [['ten-sales', false]]));
    expect(linkOf(saved.LicenseOwners, 'SUPEROFFICE', 'ten-sales')).to.include({ Assigned: false, InUse: 14, Free: 1 });
    expect(await usage('ten-sales')).to.deep.equal({ inUse: 14, free: 1 });
    const r = await row(KARIN, 'superoffice_ten-sales,superoffice_stakeholder-cal');
    expect(r).to.include({ 'superoffice_ten-sales': false, 'superoffice_stakeholder-cal': false, userplan: '' });
    expect(linkOf(await json('GET', `/License/User/${KARIN}`), 'SUPEROFFICE', 'ten-sales').Assigned).to.equal(false);
    // Removing what is gone already is refused by the test: 409, nothing changed.
    const again = await call('PATCH', `/User/${KARIN}`, patchFor(await json('GET', `/User/${KARIN}`), [['ten-sales', true]]).map((o) => (o.op === 'test' && o.path.endsWith('Assigned') ? { ...o, value: true } : o)));
    expect(again.status).to.equal(409);
    expect(await again.json()).to.include({ Error: true, ErrorType: 'PatchTestFailed' });
    expect(await usage('ten-sales')).to.deep.equal({ inUse: 14, free: 1 });
  });

  it('refuses a restricted licence without a free seat, a second plan and a missing prerequisite (400, nothing changed)', async () => {
    const gunnar = await json<MockUser>('GET', `/User/${GUNNAR}`);
    const full = await call('PATCH', `/User/${GUNNAR}`, patchFor(gunnar, [['ten-sales', true]]));
    expect(full.status).to.equal(400);
    expect(await full.json()).to.include({ Error: true, ErrorType: 'LicenseException', ErrorMessage: 'There is no free Sales Premium licence.' });
    const two = await call('PATCH', `/User/${GUNNAR}`, patchFor(gunnar, [['ten-sales-essentials', true], ['ten-marketing-essentials', true]]));
    expect(two.status).to.equal(400);
    expect((await two.json()).ErrorMessage).to.match(/only one user plan/);
    const ocr = await call('PUT', `/License/ACMEADDON/${GUNNAR}`, ['archive-ocr']);
    expect(ocr.status).to.equal(400);
    expect((await ocr.json()).ErrorMessage).to.equal('OCR scanning requires Archive user.');
    expect(await usage('ten-sales-essentials')).to.deep.equal({ inUse: 6, free: 4 });
    expect(await usage('archive-ocr')).to.deep.equal({ inUse: 4, free: 1 });
  });

  it('replaces a plan in one patch (old off, new on) and refuses CanAssign: false links', async () => {
    const karin = await json<MockUser>('GET', `/User/${KARIN}`);
    const saved = await json<MockUser>('PATCH', `/User/${KARIN}`, patchFor(karin, [['ten-sales', false], ['ten-sales-essentials', true]]));
    expect(linkOf(saved.LicenseOwners, 'SUPEROFFICE', 'ten-sales-essentials').Assigned).to.equal(true);
    expect((await row(KARIN, 'superoffice_ten-sales')).userplan).to.equal('Sales Essentials');
    // A plan on top of a plan is refused
    const second = await call('PATCH', `/User/${KARIN}`, patchFor(saved, [['ten-service', true]]));
    expect(second.status).to.equal(400);
    // A hidden licence cannot be changed
    const hidden = await call('PATCH', `/User/${KARIN}`, patchFor(saved, [['sale-cal', false]]));
    expect(hidden.status).to.equal(400);
    expect((await hidden.json()).ErrorMessage).to.equal('Sales user cannot be assigned to Karin Holm.');
  });

  it('W9 assigns and unassigns third-party licences and answers that owner’s links; bad bodies are 400', async () => {
    const links = await json<ModuleLicenseLink[]>('PUT', `/License/ACMEADDON/1`, ['archive-ocr']);
    expect(links.find((l) => l.Name === 'archive-ocr')).to.include({ Assigned: true, InUse: 5, Free: 0 });
    expect(await usage('archive-ocr')).to.deep.equal({ inUse: 5, free: 0 });
    const after = await json<ModuleLicenseLink[]>('DELETE', `/License/ACMEADDON/1`, ['archive-ocr']);
    expect(after.find((l) => l.Name === 'archive-ocr')!.Assigned).to.equal(false);
    const agent = await call('POST', '/Agents/License/AssignThirdPartyLicenses', { AssociateId: 1, ModuleOwner: 'ACMEADDON', ModuleLicenseNames: ['archive-ocr'] });
    expect(agent.status).to.equal(200);
    expect((await call('PUT', '/License/ACMEADDON/1', ['nope'])).status).to.equal(400);
    expect((await call('PUT', '/License/NOBODY/1', ['x'])).status).to.equal(404);
    expect((await call('PATCH', `/User/${KARIN}`, { op: 'replace' })).status).to.equal(400);
    expect((await call('PATCH', `/User/${KARIN}`, [{ op: 'replace', path: '/Name', value: 'X' }])).status).to.equal(400);
    expect((await call('PATCH', `/User/${KARIN}`, [{ op: 'remove', path: '/Name' }])).status).to.equal(400);
  });

  it('resets its state with the scenario', async () => {
    await json('DELETE', `/License/ACMEADDON/${KARIN}`, ['archive-user']);
    expect(await usage('archive-user')).to.deep.equal({ inUse: 14, free: 6 });
    setScenario('default');
    expect(await usage('archive-user')).to.deep.equal({ inUse: 15, free: 5 });
  });

  it('scenarios: read-only answers 403, write-fails 500 (reads work); conflict applies someone else’s change first', async () => {
    setScenario('read-only');
    expect((await call('DELETE', `/License/ACMEADDON/${KARIN}`, ['archive-user'])).status).to.equal(403);
    expect((await call('GET', '/License')).status).to.equal(200);
    setScenario('write-fails');
    const failed = await call('PATCH', `/User/${KARIN}`, []);
    expect(failed.status).to.equal(500);
    expect(await failed.json()).to.include({ Error: true });
    setScenario('conflict');
    const karin = await json<MockUser>('GET', `/User/${KARIN}`);
    const conflict = await call('PATCH', `/User/${KARIN}`, patchFor(karin, [['ten-sales', false]]));
    expect(conflict.status).to.equal(409);
    // Someone else removed it meanwhile: the reload shows it.
    expect(linkOf((await json<MockUser>('GET', `/User/${KARIN}`)).LicenseOwners, 'SUPEROFFICE', 'ten-sales').Assigned).to.equal(false);
    // Only the next PATCH conflicts.
    const next = await call('PATCH', `/User/${KARIN}`, patchFor(await json('GET', `/User/${KARIN}`), [['ten-sales', true]]));
    expect(next.status).to.equal(200);
  });

  it('builds the 10,000 user rows of large once, and again only for a user a write changed', async () => {
    setScenario('large');
    // The same row object on every query: sorting or filtering no longer rebuilds every row (about 0.3 s a request).
    const [a, b] = [internalUsers('large'), internalUsers('large')];
    expect(b.at(5040)).to.equal(a.at(5040));
    expect(b.at(7)).to.equal(a.at(7));
    expect(b.key, 'answers to a query are kept').to.equal(a.key);
    const [row, neighbour] = [a.at(5040), a.at(5039)];
    const sorted = `/Archive/InternalUsers?$select=associateDbId,acmeaddon_archive-user&$filter=associateDbId eq 5100&$orderBy=role desc&$top=5`;
    const held = async () => (await json<{ value: ArchiveRow[] }>('GET', sorted)).value[0]['acmeaddon_archive-user'];
    expect(await held()).to.equal(false);
    await json('PUT', '/License/ACMEADDON/5100', ['archive-user']);
    // The write shows in the same query at once, in that user's row only.
    expect(await held()).to.equal(true);
    const c = internalUsers('large');
    expect(c.key, 'a write makes new query answers').to.not.equal(a.key);
    expect(c.at(5040), 'the written user (id 5100) is built again').to.not.equal(row);
    expect(c.at(5040)['acmeaddon_archive-user']).to.equal(true);
    expect(c.at(5039), 'the others are kept').to.equal(neighbour);
    setScenario('default');
    expect(internalUsers('large').at(5040)['acmeaddon_archive-user'], 'a reset forgets the write').to.equal(false);
  });

  it('slow-writes takes about 1.5 s per write', async () => {
    setScenario('slow-writes');
    const t = performance.now();
    await json('PUT', `/License/ACMEADDON/1`, ['archive-ocr']);
    expect(performance.now() - t).to.be.greaterThan(1400);
  });
});
