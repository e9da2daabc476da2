import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { configure, resolveAgainstBase, resolveConfig } from '../src/api/config.js';
import { buildUrl, clearSharedAnswers, request } from '../src/api/client.js';
import * as api from '../src/api/endpoints.js';
import { isTruthyCell, LicensesSchema, toWallDate } from '../src/api/schemas.js';
import { setLocale } from '../src/localization.js';
import '../src/components/owner-info/define.js';
import '../src/components/provider/define.js';
import type { SoOwnerInfo } from '../src/components/owner-info/owner-info.js';
import type { SoProvider } from '../src/components/provider/provider.js';
import { countRequests, part, useMockBackend, worker } from './support/mocks.js';
import { cfg, failWith } from './support/api.js';

const headersOf = () => {
  const seen: Headers[] = [];
  worker.use(
    http.get('*/api/v1/User/currentPrincipal', ({ request: r }) => {
      seen.push(r.headers);
      return HttpResponse.json({ AssociateId: 5, Associate: 'KARI', FullName: 'Kari Nordmann' });
    }),
  );
  return seen;
};

describe('api: endpoints E1–E9 against the mock backend', () => {
  useMockBackend();
  const c = () => cfg();

  it('E1 /License: owners with module licences', async () => {
    const owners = await api.getLicenses(c());
    expect(owners.map((o) => o.Current.OwnerName)).to.include('SUPEROFFICE');
    expect(owners[0].ExtendedModuleLicenses.length).to.be.greaterThan(10);
  });
  it('E2 /License/{owner}/{module}: one module, path segments encoded', async () => {
    const seen: string[] = [];
    worker.events.on('request:start', ({ request: r }) => void seen.push(r.url));
    const owners = await api.getLicenses(c());
    const m = owners[0].ExtendedModuleLicenses[0].Current;
    const detail = await api.getModuleLicense(c(), m.OwnerName, m.ModuleName);
    expect(detail.ModuleName).to.equal(m.ModuleName);
    await api.getModuleLicense(c(), 'A B', 'x/y').catch(() => undefined);
    expect(seen.some((u) => u.endsWith('/License/A%20B/x%2Fy'))).to.equal(true);
    worker.events.removeAllListeners();
  });
  it('E3 /User/currentPrincipal', async () => {
    const me = await api.getCurrentPrincipal(c());
    expect(me.AssociateId).to.be.a('number');
    expect(me.Licenses).to.be.an('array');
  });
  it('E4 /SystemInfo/Database, and 404 where the backend does not offer it', async () => {
    const db = await api.getDatabaseInfo(c());
    expect(db.DatabaseType).to.be.a('string');
    worker.use(http.get('*/api/v1/SystemInfo/Database', () => HttpResponse.json({}, { status: 404 })));
    clearSharedAnswers();
    expect((await failWith(api.getDatabaseInfo(c()))).status).to.equal(404);
  });
  it('E5 /MeteredServices?from&to', async () => {
    const r = await api.getMeteredServices(c(), '2026-01', '2026-12');
    expect(r.Services.length).to.be.greaterThan(0);
    expect(r.Services[0].Months[0].Month).to.match(/^\d{4}-\d{2}$/);
  });
  it('E6 /SystemEvent: the contract query, one page', async () => {
    const log = countRequests('/SystemEvent');
    const page = await api.getSystemEvents(c(), { top: 5, skip: 0 });
    log.stop();
    const q = new URL(log.requests[0].url).searchParams;
    expect(q.get('$select')).to.equal(api.SYSTEM_EVENT_COLUMNS.join(','));
    expect(q.get('$orderBy')).to.equal('registered desc');
    expect(q.get('$top')).to.equal('5');
    expect(q.get('$skip')).to.equal('0');
    expect(q.get('$jsonSafe')).to.equal('true');
    expect(page.value.length).to.equal(5);
    expect(page.value[0]).to.have.property('registered_associate_id_assocName');
  });
  it('E7 /BatchTask/Started', async () => {
    const tasks = await api.getStartedBatchTasks(c());
    expect(tasks.length).to.be.greaterThan(0);
    expect(tasks[0].ProgressPercent).to.be.a('number');
  });
  it('E8 /Archive/InternalUsers and OtherUsers with licence columns', async () => {
    const col = api.licenceColumn('SUPEROFFICE', 'ten-sales');
    expect(col).to.equal('superoffice_ten-sales');
    const internal = await api.getUsers(c(), 'internal', [col], { top: 10, skip: 0 });
    expect(internal.value.length).to.equal(10);
    // The mock answers $jsonSafe=true as SuperOffice does: the row carries superoffice_ten_sales, read in both spellings.
    expect(internal.value[0].cells).to.have.property('superoffice_ten_sales');
    expect(internal.count).to.equal(40);
    expect(typeof internal.value[0].PrimaryKey).to.equal('number');
    const other = await api.getUsers(c(), 'other', [col], { top: 50, skip: 0 });
    expect(other.value.length).to.be.greaterThan(0);
  });
  it('E9 /License/User/{id}', async () => {
    const owners = await api.getUserLicenses(c(), 1);
    expect(owners[0].RestrictedModuleLicenses).to.be.an('array');
  });
});

describe('api: client', () => {
  useMockBackend();

  it('shares one request between concurrent and later callers of a URL, until refresh', async () => {
    const log = countRequests('/License');
    const els = await Promise.all(
      Array.from({ length: 10 }, () => fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`)),
    );
    await waitUntil(() => els.every((el) => part(el, 'company')), 'all ten rendered', { timeout: 4000 });
    expect(log.count).to.equal(1);
    const later = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => part(later, 'company'));
    expect(log.count).to.equal(1);
    await later.refresh();
    expect(log.count).to.equal(2);
    log.stop();
  });

  it('keeps a shared request alive while another caller still waits', async () => {
    worker.use(
      http.get('*/api/v1/License', async () => {
        await delay(150);
        return HttpResponse.json([]);
      }),
    );
    const a = new AbortController();
    const first = request(cfg(), '/License', { schema: LicensesSchema, signal: a.signal });
    const second = request(cfg(), '/License', { schema: LicensesSchema });
    a.abort();
    const aborted = await first.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(aborted?.name).to.equal('AbortError');
    expect(await second).to.deep.equal([]);
  });

  it('sends Accept and the current locale as Accept-Language', async () => {
    const seen = headersOf();
    await setLocale('sv');
    await api.getCurrentPrincipal(cfg());
    expect(seen[0].get('accept')).to.equal('application/json');
    expect(seen[0].get('accept-language')).to.equal('sv');
  });

  it('session mode sends credentials and X-XSRF-TOKEN from the cookie, no Authorization', async () => {
    const inits: RequestInit[] = [];
    document.cookie = 'XSRF-TOKEN=xsrf%20value; path=/';
    const spy: typeof fetch = (url, init) => {
      inits.push(init!);
      return fetch(url, init);
    };
    await api.getCurrentPrincipal(cfg({ auth: { mode: 'session' }, fetch: spy }));
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    const h = new Headers(inits[0].headers);
    expect(inits[0].credentials).to.equal('include');
    expect(h.get('x-xsrf-token')).to.equal('xsrf value');
    expect(h.has('authorization')).to.equal(false);
  });

  it('bearer mode sends the token, omits cookies, and sends nothing else', async () => {
    const inits: RequestInit[] = [];
    const spy: typeof fetch = (url, init) => {
      inits.push(init!);
      return fetch(url, init);
    };
    await api.getCurrentPrincipal(cfg({ auth: { mode: 'bearer', token: 'secret-token' }, fetch: spy }));
    const h = new Headers(inits[0].headers);
    expect(inits[0].credentials).to.equal('omit');
    expect(h.get('authorization')).to.equal('Bearer secret-token');
    expect([...h.keys()].sort()).to.deep.equal(['accept', 'accept-language', 'authorization']);
  });

  it('none mode sends no credentials headers', async () => {
    const seen = headersOf();
    await api.getCurrentPrincipal(cfg({ auth: { mode: 'none' } }));
    expect(seen[0].has('authorization')).to.equal(false);
    expect(seen[0].has('x-xsrf-token')).to.equal(false);
  });

  it('asks getToken() for a fresh token once after a 401 and retries once', async () => {
    let calls = 0;
    worker.use(
      http.get('*/api/v1/User/currentPrincipal', ({ request: r }) =>
        r.headers.get('authorization') === 'Bearer fresh'
          ? HttpResponse.json({ AssociateId: 1 })
          : HttpResponse.json({}, { status: 401 }),
      ),
    );
    const me = await api.getCurrentPrincipal(
      cfg({ auth: { mode: 'bearer', getToken: async () => (++calls === 1 ? 'stale' : 'fresh') } }),
    );
    expect(me.AssociateId).to.equal(1);
    expect(calls).to.equal(2);
  });

  it('a 401 with a fixed token is final, and no error text holds the token', async () => {
    const log = countRequests('/User/currentPrincipal');
    worker.use(http.get('*/api/v1/User/currentPrincipal', () => HttpResponse.json({}, { status: 401 })));
    const e = await failWith(api.getCurrentPrincipal(cfg({ auth: { mode: 'bearer', token: 'secret-token' } })));
    log.stop();
    expect(e.kind).to.equal('unauthorized');
    expect(log.count).to.equal(1);
    expect(JSON.stringify(e.toDetail()) + e.stack).not.to.contain('secret-token');
  });

  it('a getToken() that fails is unauthorized', async () => {
    const e = await failWith(
      api.getCurrentPrincipal(cfg({ auth: { mode: 'bearer', getToken: () => Promise.reject(new Error('no')) } })),
    );
    expect(e.kind).to.equal('unauthorized');
  });

  it('maps statuses, bad bodies, network failure and timeout to error kinds', async () => {
    const cases: [number | 'network' | 'text', string][] = [
      [403, 'forbidden'],
      [500, 'http'],
      [404, 'http'],
      ['text', 'invalid-response'],
      ['network', 'network'],
    ];
    for (const [status, kind] of cases) {
      worker.use(
        http.get('*/api/v1/BatchTask/Started', () =>
          status === 'network'
            ? HttpResponse.error()
            : status === 'text'
              ? HttpResponse.text('{not json')
              : HttpResponse.json({ Error: true }, { status }),
        ),
      );
      expect((await failWith(api.getStartedBatchTasks(cfg()))).kind, String(status)).to.equal(kind);
    }
    worker.use(
      http.get('*/api/v1/BatchTask/Started', async () => {
        await delay(1000);
        return HttpResponse.json([]);
      }),
    );
    expect((await failWith(api.getStartedBatchTasks(cfg({ timeout: 50 })))).kind).to.equal('timeout');
  });

  it('names where the answer had the wrong shape', async () => {
    worker.use(http.get('*/api/v1/License', () => HttpResponse.json([{ Current: { OwnerName: 7 } }])));
    const e = await failWith(api.getLicenses(cfg()));
    expect(e.kind).to.equal('invalid-response');
    expect(e.message).to.contain('GET /License');
  });

  it('builds URLs from absolute and relative bases and keeps OData syntax readable', () => {
    expect(buildUrl('https://x.example/Cust1/api/v1/', '/License')).to.equal('https://x.example/Cust1/api/v1/License');
    expect(buildUrl('/api/v1', '/SystemEvent', { $select: 'a,b/c', $top: 5 })).to.equal(
      '/api/v1/SystemEvent?$select=a,b/c&$top=5',
    );
  });
});

describe('api: configuration', () => {
  useMockBackend();

  it('resolves element → provider → configure() → default', () => {
    expect(resolveConfig(undefined, undefined)).to.deep.include({ apiBase: '/api/v1', timeout: 15000 });
    expect(resolveConfig(undefined, undefined).auth).to.deep.equal({ mode: 'session' });
    configure({ apiBase: '/global/api/v1', timeout: 1000 });
    expect(resolveConfig(undefined, undefined).apiBase).to.equal('/global/api/v1');
    expect(resolveConfig(undefined, { apiBase: '/provider/api/v1' }).apiBase).to.equal('/provider/api/v1');
    expect(resolveConfig('/element/api/v1', { apiBase: '/provider/api/v1' }).apiBase).to.equal('/element/api/v1');
    expect(resolveConfig(undefined, { timeout: 5 }).timeout).to.equal(5);
  });

  it('a configure() right after the elements stand in the page is used for their first request', async () => {
    const urls: string[] = [];
    const el = document.createElement('so-owner-info');
    document.body.append(el);
    configure({
      apiBase: 'https://crm.example/SuperOffice/api/v1',
      fetch: (u, i) => {
        urls.push(String(u));
        return fetch(String(u).replace('https://crm.example/SuperOffice/api/v1', '/api/v1'), i);
      },
    });
    await waitUntil(() => part(el, 'company'), 'loaded', { timeout: 4000 });
    expect(urls).to.deep.equal(['https://crm.example/SuperOffice/api/v1/License']);
    el.remove();
  });

  it('a later configure() reloads elements already on the page', async () => {
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => part(el, 'company'));
    worker.use(http.get('*/other/api/v1/License', () => HttpResponse.json([])));
    configure({ apiBase: '/other/api/v1' });
    await waitUntil(() => el.shadowRoot!.querySelector('.state.empty'), 'reloaded from the new base');
  });

  it('<so-provider> configures the elements inside it, also when it upgrades after them', async () => {
    worker.use(http.get('*/provided/api/v1/License', () => HttpResponse.json([])));
    const wrapper = await fixture(html`<div><so-provider api-base="/provided/api/v1"><so-owner-info></so-owner-info></so-provider></div>`);
    const inner = wrapper.querySelector('so-owner-info')!;
    await waitUntil(() => inner.shadowRoot!.querySelector('.state.empty'), 'used the provider base');

    // An element whose provider is defined later: an unknown tag upgraded after the child asked.
    class LateProvider extends (customElements.get('so-provider') as typeof SoProvider) {}
    const late = await fixture(html`<late-provider api-base="/provided/api/v1"><so-owner-info></so-owner-info></late-provider>`);
    const child = late.querySelector('so-owner-info')!;
    customElements.define('late-provider', LateProvider);
    await waitUntil(() => child.shadowRoot!.querySelector('.state.empty'), 'late provider applied', { timeout: 4000 });
  });

  it('resolves relative URLs from answers against the API base', () => {
    expect(resolveAgainstBase('../blobby/p.png', 'https://x.example/Cust1/api/v1')).to.equal(
      'https://x.example/Cust1/api/blobby/p.png',
    );
    expect(resolveAgainstBase('', '/api/v1')).to.equal('');
    expect(resolveAgainstBase('img/a.png', '/api/v1')).to.equal(`${location.origin}/api/v1/img/a.png`);
  });
});

describe('api: schemas', () => {
  it('applies the "no date" rule and keeps wall-clock dates as written', () => {
    expect(toWallDate('0001-01-01T00:00:00')).to.equal(null);
    expect(toWallDate('1900-12-31T00:00:00')).to.equal(null);
    expect(toWallDate('')).to.equal(null);
    expect(toWallDate(null)).to.equal(null);
    expect(toWallDate('2027-03-27T23:30:00')).to.equal('2027-03-27T23:30:00');
    expect(toWallDate('2027-03-27')).to.equal('2027-03-27T00:00:00');
  });
  it('reads archive truthy values', () => {
    for (const yes of [true, 1, '1', 'True', 'yes', '[I:1]']) expect(isTruthyCell(yes), String(yes)).to.equal(true);
    for (const no of [false, 0, '0', '', 'False', null, undefined, '[I:0]']) expect(isTruthyCell(no), String(no)).to.equal(false);
  });
});
