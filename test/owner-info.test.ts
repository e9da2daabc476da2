import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/components/owner-info/define.js';
import type { SoOwnerInfo } from '../src/components/owner-info/owner-info.js';
import { expiryStatus } from '../src/components/owner-info/owner-info.js';
import type { LicenseInfo } from '../src/api/schemas.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { SHOP_URL } from '../src/mocks/licence-writes.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { part, recordEvents, text, useMockBackend, waitForState, worker } from './support/mocks.js';
import { stubWindowOpen } from './support/api.js';

const company = (el: SoOwnerInfo) => part(el, 'company')?.textContent?.trim();
const loaded = async (el: SoOwnerInfo) => {
  await waitUntil(() => company(el), 'owner shown', { timeout: 4000 });
  return el;
};

/** A wall-clock date `days` from today. */
function wall(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T00:00:00`;
}

function owner(current: Partial<Record<string, unknown>>, ownerName = 'SUPEROFFICE') {
  return {
    Current: {
      CompanyName: 'Fjordkraft Testing AS',
      SerialNr: '1234567890',
      OwnerName: ownerName,
      OwnerDescription: 'SuperOffice',
      ExpiryDate: '0001-01-01T00:00:00',
      GraceDate: '0001-01-01T00:00:00',
      AdminWarningDate: '0001-01-01T00:00:00',
      ...current,
    },
    New: null,
    CanBeActivated: false,
    Reason: '',
    ExtendedModuleLicenses: [],
  };
}
const serve = (...owners: unknown[]) => worker.use(http.get('*/api/v1/License', () => HttpResponse.json(owners)));

describe('<so-owner-info>', () => {
  useMockBackend();

  runDataElementSuite('so-owner-info', {
    render: () => html`<so-owner-info></so-owner-info>`,
    endpoints: ['*/api/v1/License'],
    source: 'License',
    isLoaded: (el) => !!part(el, 'company'),
  });

  it('shows company name and serial number, and no expiry date when not time-limited', async () => {
    serve(owner({}));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    expect(company(el)).to.equal('Fjordkraft Testing AS');
    expect(text(el)).to.contain('Serial number').and.contain('1234567890');
    expect(text(el)).not.to.contain('Expiry date');
    expect(el.shadowRoot!.querySelector('[role=status], [role=alert]')).to.equal(null);
  });

  it('shows the expiry date of a time-limited licence without a warning while far away', async () => {
    serve(owner({ ExpiryDate: wall(200) }));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    const time = el.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(wall(200));
    expect(part(el, 'warning')).to.equal(null);
  });

  it('warns from AdminWarningDate on, as a status line', async () => {
    serve(owner({ ExpiryDate: wall(60), AdminWarningDate: wall(-1) }));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    const warning = part(el, 'warning')!;
    expect(warning.getAttribute('role')).to.equal('status');
    expect(warning.textContent).to.contain('expires on').and.contain('in 60 days');
    await expect(el).to.be.accessible();
  });

  it('warns 30 days before expiry when AdminWarningDate is empty', async () => {
    serve(owner({ ExpiryDate: wall(20) }));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    expect(part(el, 'warning')!.textContent).to.contain('in 20 days');
  });

  it('shows an alert once the licence has expired, with the grace date', async () => {
    serve(owner({ ExpiryDate: wall(-3), GraceDate: wall(11) }));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    const expired = part(el, 'expired')!;
    expect(expired.getAttribute('role')).to.equal('alert');
    expect(expired.textContent).to.contain('expired on').and.contain('keeps working until');
    await expect(el).to.be.accessible();
  });

  it('shows an alert without a grace date when there is none', async () => {
    serve(owner({ ExpiryDate: wall(-3) }));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    expect(part(el, 'expired')!.textContent).to.contain('Renew it to continue');
  });

  it('picks the owner named by the owner attribute', async () => {
    serve(owner({}), owner({ CompanyName: 'Acme Archive GmbH', OwnerDescription: 'Acme' }, 'ACMEADDON'));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info owner="ACMEADDON"></so-owner-info>`));
    expect(company(el)).to.equal('Acme Archive GmbH');
    el.owner = 'SUPEROFFICE';
    await waitUntil(() => company(el) === 'Fjordkraft Testing AS', 'switched owner');
  });

  it('says so when the owner has no licence information', async () => {
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info owner="NOBODY"></so-owner-info>`);
    const state = await waitForState(el, 'empty');
    expect(state.textContent!.trim()).to.equal('There is no licence information.');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state for the empty scenario', async () => {
    setScenario('empty');
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
    const state = await waitForState(el, 'empty');
    expect(state.textContent).to.contain('There is no licence information.').and.not.contain('SUPEROFFICE');
  });

  it('shows the mock backend expiring and expired scenarios', async () => {
    setScenario('expiring');
    const a = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    expect(part(a, 'warning')).not.to.equal(null);
    setScenario('expired');
    const b = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    expect(part(b, 'warning'), 'the answer is shared until refresh()').not.to.equal(null);
    await b.refresh();
    await waitUntil(() => part(b, 'expired'), 'expired alert');
  });

  it('the expiry warning and the expired alert offer Purchase new licences: https shop only, with noopener', async () => {
    const { opened, restore } = stubWindowOpen();
    try {
      serve(owner({ ExpiryDate: wall(10) }));
      const soon = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
      part(soon, 'shop')!.click();
      part(soon, 'shop')!.click();
      await waitUntil(() => opened.length === 1, 'shop opened');
      expect(opened[0]).to.deep.equal([SHOP_URL, '_blank', 'noopener,noreferrer']);
      await expect(soon).to.be.accessible();
      setScenario('shop-not-https');
      part(soon, 'shop')!.click();
      await waitUntil(() => part(soon, 'shop-error'), 'refused');
      expect(part(soon, 'shop-error')!.getAttribute('role')).to.equal('alert');
      expect(text(soon)).to.contain('not a secure (https) address');
      expect(opened).to.have.length(1);
      worker.resetHandlers();
      setScenario('default');
      serve(owner({ ExpiryDate: wall(-2) }));
      await soon.refresh();
      await waitUntil(() => part(soon, 'expired'), 'expired alert');
      expect(part(soon, 'shop')).not.to.equal(null);
      serve(owner({ ExpiryDate: wall(200) }));
      await soon.refresh();
      await waitUntil(() => !part(soon, 'expired'), 'far away');
      expect(part(soon, 'shop'), 'no shop without a warning').to.equal(null);
    } finally {
      restore();
    }
  });

  it('switches language at run time, dates included', async () => {
    serve(owner({ ExpiryDate: '2027-03-27T00:00:00', AdminWarningDate: wall(-1) }));
    const el = await loaded(await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`));
    expect(text(el)).to.contain('Serial number').and.contain('March 27, 2027');
    await setLocale('de');
    await waitUntil(() => text(el).includes('Seriennummer'), 'German labels');
    expect(text(el)).to.contain('27. März 2027').and.contain('Die Lizenz läuft am');
    await setLocale('nb');
    await waitUntil(() => text(el).includes('Utløpsdato'), 'Norwegian labels');
    expect(text(el)).to.contain('27. mars 2027');
  });

  it('emits so-error once with the kind and status', async () => {
    worker.use(http.get('*/api/v1/License', () => HttpResponse.json({}, { status: 502 })));
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
    const errors = recordEvents(el, 'so-error');
    await waitForState(el, 'error');
    await waitUntil(() => errors.length === 1);
    expect(errors[0].detail).to.deep.include({ kind: 'http', status: 502 });
    expect(text(el)).to.contain('Could not load the licence information.').and.contain('HTTP 502');
  });
});

describe('expiryStatus()', () => {
  const info = (o: Partial<LicenseInfo>) => ({ ExpiryDate: null, GraceDate: null, AdminWarningDate: null, ...o }) as LicenseInfo;
  const now = new Date(2027, 2, 1, 12, 0, 0);

  it('is unlimited without an expiry date', () => {
    expect(expiryStatus(info({}), now).kind).to.equal('unlimited');
  });
  it('is valid, expiring or expired by the dates', () => {
    expect(expiryStatus(info({ ExpiryDate: '2027-06-01T00:00:00' }), now).kind).to.equal('valid');
    expect(expiryStatus(info({ ExpiryDate: '2027-03-20T00:00:00' }), now).kind).to.equal('expiring');
    expect(expiryStatus(info({ ExpiryDate: '2027-03-01T00:00:00' }), now).kind).to.equal('expiring');
    expect(expiryStatus(info({ ExpiryDate: '2027-02-28T00:00:00' }), now)).to.deep.equal({
      kind: 'expired',
      expiry: '2027-02-28T00:00:00',
      grace: null,
    });
  });
  it('uses AdminWarningDate when there is one', () => {
    const s = expiryStatus(info({ ExpiryDate: '2027-12-01T00:00:00', AdminWarningDate: '2027-02-01T00:00:00' }), now);
    expect(s.kind).to.equal('expiring');
    expect(
      expiryStatus(info({ ExpiryDate: '2027-03-10T00:00:00', AdminWarningDate: '2027-03-05T00:00:00' }), now).kind,
    ).to.equal('valid');
  });
});
