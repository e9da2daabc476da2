import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/components/status-database/define.js';
import type { SoStatusDatabase } from '../src/components/status-database/status-database.js';
import { composeStatus } from '../src/components/status-database/status-database.js';
import type { ExtendedLicenseInfo, Principal } from '../src/api/schemas.js';
import { CURRENT_USER, CUSTOMER } from '../src/mocks/data.js';
import { setLocale } from '../src/localization.js';
import { setScenario } from '../src/mocks/scenarios.js';
import { SHOP_URL } from '../src/mocks/licence-writes.js';
import { clearSharedAnswers } from '../src/api/client.js';
import { runDataElementSuite } from './support/data-element-suite.js';
import { countRequests, failures, part, recordEvents, text, useMockBackend, waitForState, worker } from './support/mocks.js';
import { stubWindowOpen } from './support/api.js';

const E4 = '*/api/v1/SystemInfo/Database';

/** A wall-clock date `days` from today. */
function wall(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T00:00:00`;
}

const info = (o: Record<string, unknown> = {}) => ({
  CompanyName: 'Fjordkraft Testing AS',
  SerialNr: '1234567890',
  DatabaseType: 'PostgreSQL',
  DatabaseVariant: 'Central',
  NextExpiryDate: wall(20),
  NextCheckDate: wall(1),
  CurrentUser: { AssociateId: 7, Associate: 'KARI', FullName: 'Kari Nordmann' },
  ContextIdentifier: 'Cust1',
  ...o,
});
const serve = (body: object) => worker.use(http.get(E4, () => HttpResponse.json(body)));

/** The facts as label → value. */
function facts(el: SoStatusDatabase): Record<string, string> {
  const fold = (n: Element) => (n.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
  return Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll('dl > div')].map((d) => [fold(d.querySelector('dt')!), fold(d.querySelector('dd')!)]),
  );
}
const loaded = async (markup = html`<so-status-database></so-status-database>`) => {
  const el = await fixture<SoStatusDatabase>(markup);
  await waitUntil(() => part(el, 'company'), 'database shown', { timeout: 4000 });
  return el;
};

describe('<so-status-database>', () => {
  useMockBackend();

  runDataElementSuite('so-status-database', {
    render: () => html`<so-status-database></so-status-database>`,
    endpoints: [E4],
    source: 'SystemInfo/Database',
    isLoaded: (el) => !!part(el, 'company'),
  });

  it('warns within 30 days of the next expiry date and alerts once it has passed, as the owner card does', async () => {
    serve(info({ NextExpiryDate: wall(20) }));
    const soon = await loaded();
    const fold = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(part(soon, 'warning')!.getAttribute('role')).to.equal('status');
    expect(fold(part(soon, 'warning'))).to.match(/^A licence expires on .+ \(in 20 days\)\.$/);
    expect(part(soon, 'expired')).to.equal(null);
    await expect(soon).to.be.accessible();
    clearSharedAnswers();
    serve(info({ NextExpiryDate: wall(-3) }));
    const past = await loaded();
    expect(part(past, 'expired')!.getAttribute('role')).to.equal('alert');
    expect(fold(part(past, 'expired'))).to.match(/^A licence expired on .+\. Renew it to continue\.$/);
    clearSharedAnswers();
    serve(info({ NextExpiryDate: wall(90) }));
    const far = await loaded();
    expect(part(far, 'warning')).to.equal(null);
    expect(part(far, 'expired')).to.equal(null);
  });

  it('the expiry warning offers Purchase new licences (SuperOffice’s https shop, noopener); none while far away', async () => {
    const { opened, restore } = stubWindowOpen();
    try {
      const shops = countRequests('/ShopUrl');
      serve(info({ NextExpiryDate: wall(20) }));
      const soon = await loaded();
      part(soon, 'shop')!.click();
      await waitUntil(() => opened.length === 1, 'shop opened');
      shops.stop();
      expect(new URL(shops.requests[0].url).pathname).to.equal('/api/v1/License/SUPEROFFICE/ShopUrl');
      expect(opened[0]).to.deep.equal([SHOP_URL, '_blank', 'noopener,noreferrer']);
      await expect(soon).to.be.accessible();
      clearSharedAnswers();
      serve(info({ NextExpiryDate: wall(-3) }));
      const past = await loaded();
      setScenario('shop-not-https');
      part(past, 'shop')!.click();
      await waitUntil(() => part(past, 'shop-error'), 'refused');
      expect(text(past)).to.contain('not a secure (https) address');
      expect(opened).to.have.length(1);
      clearSharedAnswers();
      serve(info({ NextExpiryDate: wall(90) }));
      expect(part(await loaded(), 'shop')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('shows owner, serial number, type, variant, next expiry and check, and the signed-in user', async () => {
    serve(info());
    const el = await loaded();
    expect(facts(el)).to.deep.equal({
      'Database owner': 'Fjordkraft Testing AS',
      'Serial number': '1234567890',
      'Database type': 'PostgreSQL',
      'Central or satellite': 'Central database',
      'Next expiry date': `${el.shadowRoot!.querySelector('time')!.textContent} (in 20 days)`,
      'Next licence check': `${el.shadowRoot!.querySelectorAll('time')[1].textContent} (tomorrow)`,
      'Signed in as': 'Kari Nordmann (KARI)',
    });
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal(wall(20));
    expect(part(el, 'note'), 'E4 reports everything').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says how long ago a past expiry date was, and when nothing is time-limited', async () => {
    serve(info({ NextExpiryDate: wall(-3), NextCheckDate: null }));
    const el = await loaded();
    expect(facts(el)['Next expiry date']).to.match(/\(3 days ago\)$/);
    expect(facts(el)['Next licence check']).to.equal('Not scheduled');
    serve(info({ NextExpiryDate: '0001-01-01T00:00:00' }));
    await el.refresh();
    await waitUntil(() => facts(el)['Next expiry date'] === 'Not time-limited', 'no expiry date');
  });

  for (const [variant, label] of [
    ['Satellite', 'Satellite database'],
    ['Travel', 'Travel database'],
    ['Prototype', 'Satellite prototype'],
    ['UpdatedPrototype', 'Updated satellite prototype'],
  ]) {
    it(`names the ${variant} variant`, async () => {
      serve(info({ DatabaseVariant: variant }));
      const el = await loaded();
      expect(facts(el)['Central or satellite']).to.equal(label);
    });
  }

  it('says which fact a backend leaves out', async () => {
    serve(info({ DatabaseVariant: 'Mainframe' }));
    const el = await loaded();
    expect(facts(el)['Central or satellite']).to.equal('Not reported');
    expect(part(el, 'note')!.textContent).to.contain('does not report whether the database is central or satellite');
    serve(info({ DatabaseType: '' }));
    await el.refresh();
    await waitUntil(() => part(el, 'note')?.textContent?.includes('does not report the database type.'), 'type note');
    expect(facts(el)['Central or satellite']).to.equal('Central database');
  });

  it('composes what it can from the licences and the current user where the backend has no database endpoint', async () => {
    setScenario('onsite');
    await aTimeout(100); // the previous test's element reloads on the config reset before it is removed: let that pass
    const [e4, e1, e3] = ['/SystemInfo/Database', '/License', '/User/currentPrincipal'].map(countRequests);
    const el = await fixture<SoStatusDatabase>(html`<so-status-database></so-status-database>`);
    const loads = recordEvents(el, 'so-load', 'so-error');
    await waitUntil(() => part(el, 'company'), 'composed status shown', { timeout: 4000 });
    const f = facts(el);
    expect(f['Database owner']).to.equal(CUSTOMER.CompanyName);
    expect(f['Serial number']).to.equal(CUSTOMER.SerialNr);
    expect(f['Database type']).to.equal('Not reported');
    expect(f['Central or satellite']).to.equal('Not reported');
    expect(f['Next expiry date']).to.match(/\(in 365 days\)$/);
    expect(f['Next licence check']).to.match(/\(tomorrow\)$/);
    expect(f['Signed in as']).to.equal(`${CURRENT_USER.fullName} (${CURRENT_USER.assocName})`);
    expect(part(el, 'note')!.textContent!.trim()).to.equal(
      'This installation does not report the database type or whether it is central or satellite.',
    );
    expect(el.shadowRoot!.querySelector('[role=alert]'), 'a 404 is no error').to.equal(null);
    await waitUntil(() => loads.length > 0);
    expect(loads.map((e) => e.type)).to.deep.equal(['so-load']);
    expect([e4.count, e1.count, e3.count]).to.deep.equal([1, 1, 1]);
    [e4, e1, e3].forEach((c) => c.stop());
    await expect(el).to.be.accessible();
  });

  it('does not fall back on other errors of the database endpoint', async () => {
    worker.use(failures.serverError(E4));
    const licences = countRequests('/License');
    const el = await fixture<SoStatusDatabase>(html`<so-status-database></so-status-database>`);
    await waitForState(el, 'error');
    expect(text(el)).to.contain('Could not load the database information.');
    expect(licences.count).to.equal(0);
    licences.stop();
  });

  it('shows the forbidden state when the fallback may not read the licences', async () => {
    setScenario('onsite');
    worker.use(failures.forbidden('*/api/v1/License'));
    const el = await fixture<SoStatusDatabase>(html`<so-status-database></so-status-database>`);
    await waitForState(el, 'forbidden');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when the backend knows nothing about the database', async () => {
    serve(info({ CompanyName: '', SerialNr: '', CurrentUser: null }));
    const el = await fixture<SoStatusDatabase>(html`<so-status-database></so-status-database>`);
    const state = await waitForState(el, 'empty');
    expect(state.textContent).to.contain('There is no information about the database.');
    await expect(el).to.be.accessible();
  });

  it('speaks Danish, relative phrase included', async () => {
    await setLocale('da');
    serve(info({ DatabaseVariant: 'Satellite' }));
    const el = await loaded();
    const f = facts(el);
    expect(f.Databaseejer).to.equal('Fjordkraft Testing AS');
    expect(f['Central eller satellit']).to.equal('Satellitdatabase');
    expect(f['Næste udløbsdato']).to.match(/\(om 20 dage\)$/);
    expect(f['Logget på som']).to.equal('Kari Nordmann (KARI)');
  });
});

describe('composeStatus()', () => {
  const owner = (name: string, o: Record<string, unknown> = {}, extended: Record<string, unknown> = {}) =>
    ({
      Current: { OwnerName: name, CompanyName: `${name} AS`, SerialNr: `${name}-1`, ExpiryDate: null, NextCheckDate: null, ...o },
      AccumulatedNextCheckDate: null,
      ...extended,
    }) as unknown as ExtendedLicenseInfo;
  const principal = { Associate: 'KARI', FullName: 'Kari Nordmann' } as Principal;

  it('takes owner and serial number from SUPEROFFICE and the earliest expiry over all owners', () => {
    const s = composeStatus(
      [
        owner('ACMEADDON', { ExpiryDate: '2027-02-01T00:00:00' }),
        owner('SUPEROFFICE', { ExpiryDate: '2027-06-01T00:00:00', NextCheckDate: '2027-01-10T00:00:00' }, {
          AccumulatedNextCheckDate: '2027-01-05T00:00:00',
        }),
        owner('OTHER'),
      ],
      principal,
    );
    expect(s).to.deep.equal({
      companyName: 'SUPEROFFICE AS',
      serialNr: 'SUPEROFFICE-1',
      databaseType: '',
      variant: null,
      nextExpiryDate: '2027-02-01T00:00:00',
      nextCheckDate: '2027-01-05T00:00:00',
      user: { associate: 'KARI', fullName: 'Kari Nordmann' },
      role: null,
      composed: true,
    });
  });

  it("falls back to the owner's NextCheckDate, and leaves out what is not there", () => {
    const s = composeStatus([owner('SUPEROFFICE', { NextCheckDate: '2027-01-10T00:00:00' })], principal);
    expect(s.nextCheckDate).to.equal('2027-01-10T00:00:00');
    expect(s.nextExpiryDate).to.equal(null);
    const none = composeStatus([owner('ACMEADDON')], principal);
    expect([none.companyName, none.serialNr, none.nextCheckDate]).to.deep.equal(['', '', null]);
  });
});
