import { expect } from '@open-wc/testing';
import { worker } from '../src/mocks/browser.js';
import type { ArchiveRow, ExtendedLicenseInfo } from '../src/mocks/data.js';
import { REJECTED_REASON, SHOP_URL, UNSAFE_SHOP_URL } from '../src/mocks/licence-writes.js';
import { setScenario } from '../src/mocks/scenarios.js';
import type { MockUser } from '../src/mocks/writes.js';

const headers = { Accept: 'application/json', 'Accept-Language': 'en', 'Content-Type': 'application/json' };
const call = (method: string, path: string, body?: unknown) =>
  fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
const json = async <T>(method: string, path: string, body?: unknown, status = 200): Promise<T> => {
  const res = await call(method, path, body);
  expect(res.status, `${method} ${path}`).to.equal(status);
  return (await res.json()) as T;
};
type Result = { Succeeded: boolean; Reason: string };
const so = async () => (await json<ExtendedLicenseInfo[]>('GET', '/License'))[0];
const moduleOf = (info: ExtendedLicenseInfo, name: string) => info.ExtendedModuleLicenses.find((m) => m.Current.ModuleName === name)!;
const fetchNew = async () => {
  const res = await call('POST', '/Agents/License/GetLicenseFromLicenseServer', { OwnerName: 'SUPEROFFICE' });
  expect(res.status).to.equal(200);
  return res.text();
};
const activate = (signed: string) => json<Result>('POST', '/Agents/License/ActivateLicenseInfo', `{"NewLicense":${signed}}`);
const validate = (signed: string) => json<Result>('POST', '/Agents/License/ValidateLicenseInfo', `{"LicenseInfo":${signed}}`);

/** Takes Service Premium from `n` of its holders with W8. */
async function removeServiceHolders(n: number) {
  const page = await json<{ value: ArchiveRow[] }>('GET', '/Archive/InternalUsers?$select=associateDbId,superoffice_ten-service&$top=200');
  const holders = page.value.filter((r) => r['superoffice_ten-service'] === 1 || r['superoffice_ten-service'] === true).slice(0, n);
  expect(holders).to.have.length(n);
  for (const h of holders) {
    const id = Number(h.associateDbId);
    const user = await json<MockUser>('GET', `/User/${id}`);
    const o = user.LicenseOwners.findIndex((x) => x.Name === 'SUPEROFFICE');
    const i = user.LicenseOwners[o].RestrictedModuleLicenses.findIndex((l) => l.Name === 'ten-service');
    const base = `/LicenseOwners/${o}/RestrictedModuleLicenses/${i}`;
    await json('PATCH', `/User/${id}`, [
      { op: 'test', path: `${base}/Assigned`, value: true },
      { op: 'replace', path: `${base}/Assigned`, value: false },
    ]);
  }
}

describe('mock backend: licence update (W1–W7)', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' }));
  afterEach(() => {
    worker.resetHandlers();
    setScenario('default');
  });
  after(() => void worker.stop());

  it('default: W1 says Ok, W2 has no new licence', async () => {
    expect(await json('POST', '/Agents/License/GetLicenseStatusFromLicenseServer', { OwnerName: 'SUPEROFFICE' })).to.deep.equal({
      LicenseStatus: 'Ok',
      Message: '',
      Url: '',
    });
    const info = JSON.parse(await fetchNew()) as ExtendedLicenseInfo;
    expect(info.New).to.equal(null);
    expect(info.CanBeActivated).to.equal(false);
  });

  it('pending: E1 carries the new licence; W2 → W3 → W4 activates it and E1 shows it as current', async () => {
    setScenario('pending');
    const before = await so();
    expect(before.New).to.not.equal(null);
    const status = await json<{ LicenseStatus: string }>('POST', '/Agents/License/GetLicenseStatusFromLicenseServer', { OwnerName: 'SUPEROFFICE' });
    expect(status.LicenseStatus).to.equal('NewLicenseAvailable');
    const signed = await fetchNew();
    const info = JSON.parse(signed) as ExtendedLicenseInfo;
    const sales = moduleOf(info, 'ten-sales');
    expect(sales.NumberOfLicensesAdded).to.equal(5);
    expect(sales.NumberOfLicensesNewTotal).to.equal(sales.NumberOfLicensesTotal + 5);
    expect(info.ExtendedModuleLicenses.every((m) => m.NumberOfLicensesNewFree >= 0)).to.equal(true);
    expect(await validate(signed)).to.deep.equal({ Succeeded: true, Reason: '' });
    expect(await activate(signed)).to.deep.equal({ Succeeded: true, Reason: '' });
    const after = await so();
    expect(after.New).to.equal(null);
    expect(moduleOf(after, 'ten-sales').NumberOfLicensesTotal).to.equal(sales.NumberOfLicensesNewTotal);
    expect(after.Current.ExpiryDate).to.equal(info.New!.ExpiryDate);
    const again = await json<{ LicenseStatus: string }>('POST', '/Agents/License/GetLicenseStatusFromLicenseServer', { OwnerName: 'SUPEROFFICE' });
    expect(again.LicenseStatus).to.equal('Ok');
  });

  it('a licence changed on its way back is refused (it is signed)', async () => {
    setScenario('pending');
    const signed = await fetchNew();
    const changed = signed.replace('"NumberOfLicensesNewTotal":20', '"NumberOfLicensesNewTotal":99');
    expect(changed).to.not.equal(signed);
    expect(await activate(changed)).to.deep.equal({ Succeeded: false, Reason: 'The licence signature is not valid.' });
  });

  it('pending-blocked: new available −2 until two holders lose it, then it activates', async () => {
    setScenario('pending-blocked');
    let info = JSON.parse(await fetchNew()) as ExtendedLicenseInfo;
    expect(moduleOf(info, 'ten-service').NumberOfLicensesNewFree).to.equal(-2);
    const refused = await validate(JSON.stringify(info));
    expect(refused.Succeeded).to.equal(false);
    expect(refused.Reason).to.contain('Service Premium: 2 more in use');
    await removeServiceHolders(1);
    info = JSON.parse(await fetchNew()) as ExtendedLicenseInfo;
    expect(moduleOf(info, 'ten-service').NumberOfLicensesNewFree).to.equal(-1);
    expect(moduleOf(await so(), 'ten-service').NumberOfLicensesNewFree).to.equal(-1);
    await removeServiceHolders(1);
    const signed = await fetchNew();
    expect(moduleOf(JSON.parse(signed) as ExtendedLicenseInfo, 'ten-service').NumberOfLicensesNewFree).to.equal(0);
    expect((await activate(signed)).Succeeded).to.equal(true);
    const service = moduleOf(await so(), 'ten-service');
    expect(service.NumberOfLicensesFree).to.equal(0);
  });

  it('auto-activated: E1 already has the new totals, W1 says Ok with a message', async () => {
    setScenario('auto-activated');
    const info = await so();
    expect(info.New).to.equal(null);
    expect(moduleOf(info, 'ten-sales').NumberOfLicensesTotal).to.equal(20);
    const status = await json<{ LicenseStatus: string; Message: string }>('POST', '/Agents/License/GetLicenseStatusFromLicenseServer', {
      OwnerName: 'SUPEROFFICE',
    });
    expect(status.LicenseStatus).to.equal('Ok');
    expect(status.Message).to.not.equal('');
  });

  it('licence-server-down: W1 and W2 answer 502, reading E1 still works', async () => {
    setScenario('licence-server-down');
    const body = await json<{ ErrorType: string }>('POST', '/Agents/License/GetLicenseStatusFromLicenseServer', { OwnerName: 'SUPEROFFICE' }, 502);
    expect(body.ErrorType).to.equal('LicenseServerUnavailable');
    expect((await call('POST', '/Agents/License/GetLicenseFromLicenseServer', { OwnerName: 'SUPEROFFICE' })).status).to.equal(502);
    expect((await so()).Current.OwnerName).to.equal('SUPEROFFICE');
  });

  it('activation-rejected: W3 passes, W4 answers Succeeded false with its reason and nothing changes', async () => {
    setScenario('activation-rejected');
    const signed = await fetchNew();
    expect((await validate(signed)).Succeeded).to.equal(true);
    expect(await activate(signed)).to.deep.equal({ Succeeded: false, Reason: REJECTED_REASON });
    expect((await so()).New).to.not.equal(null);
  });

  it('read-only: W1 and W2 work, W3/W4/W7 answer 403', async () => {
    setScenario('read-only');
    await json('POST', '/Agents/License/GetLicenseStatusFromLicenseServer', { OwnerName: 'SUPEROFFICE' });
    const signed = await fetchNew();
    expect((await call('POST', '/Agents/License/ActivateLicenseInfo', `{"NewLicense":${signed}}`)).status).to.equal(403);
    expect((await call('POST', '/License/ChangeSerialNumber?newCompanyName=X&newSerialNumber=1234567890')).status).to.equal(403);
  });

  it('W5 reads a licence file (the JSON of an ExtendedLicenseInfo) and refuses anything else', async () => {
    setScenario('pending');
    const file = await fetchNew();
    setScenario('default');
    const res = await call('POST', '/Agents/License/GetLicenseFromFile', { FileContent: file });
    expect(res.status).to.equal(200);
    const signed = await res.text();
    const info = JSON.parse(signed) as ExtendedLicenseInfo;
    expect(moduleOf(info, 'ten-sales').NumberOfLicensesAdded).to.equal(5);
    expect((await activate(signed)).Succeeded).to.equal(true);
    for (const bad of ['hello', '{"a":1}', '']) {
      const body = await json<{ ErrorType: string; ErrorMessage: string }>('POST', '/Agents/License/GetLicenseFromFile', { FileContent: bad }, 400);
      expect(body.ErrorType).to.equal('LicenseFileException');
    }
  });

  it('W6 answers the shop URL; shop-not-https answers an http one', async () => {
    expect(await json('GET', '/License/SUPEROFFICE/ShopUrl')).to.equal(SHOP_URL);
    setScenario('shop-not-https');
    expect(await json('GET', '/License/SUPEROFFICE/ShopUrl')).to.equal(UNSAFE_SHOP_URL);
  });

  it('W7 validates and changes the company name and serial number in E1', async () => {
    const bad = await json<Result>('POST', '/License/ChangeSerialNumber?newCompanyName=Demo%20AS&newSerialNumber=12');
    expect(bad).to.deep.equal({ Succeeded: false, Reason: 'The serial number must be ten digits.' });
    expect((await json<Result>('POST', '/License/ChangeSerialNumber?newCompanyName=&newSerialNumber=1234567890')).Succeeded).to.equal(false);
    expect((await json<Result>('POST', '/License/ChangeSerialNumber?newCompanyName=Demo%20AS&newSerialNumber=1234567890')).Succeeded).to.equal(true);
    expect((await so()).Current).to.include({ CompanyName: 'Demo AS', SerialNr: '1234567890' });
  });
});
