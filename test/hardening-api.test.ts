/** Issue 9, items 1–4 and 17: credentials stay home, every wait is bounded, configuration is checked. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure, resolveConfig, type AuthConfig, type KitConfig, type ResolvedConfig } from '../src/api/config.js';
import { readCookie, request, send } from '../src/api/client.js';
import { PrincipalSchema } from '../src/api/schemas.js';
import '../src/components/owner-info/define.js';
import '../src/components/provider/define.js';
import type { SoOwnerInfo } from '../src/components/owner-info/owner-info.js';
import type { SoProvider } from '../src/components/provider/provider.js';
import { part, text, useMockBackend, waitForState } from './support/mocks.js';
import { failWith } from './support/api.js';

const PRINCIPAL = { AssociateId: 5, Associate: 'KARI', FullName: 'Kari Nordmann' };
const OWNER_E1 = [
  {
    Current: { OwnerName: 'SUPEROFFICE', Description: 'SuperOffice', CompanyName: 'Test AS', SerialNr: '1', ExpiryDate: '0001-01-01T00:00:00' },
    ExtendedModuleLicenses: [],
  },
];

/** A transport that records what would be sent and answers with `answer(url, init)`. */
function recorder(answer: (url: string, init: RequestInit) => Response | Promise<Response> = () => Response.json(PRINCIPAL)) {
  const sent: { url: string; headers: Headers; credentials?: RequestCredentials }[] = [];
  const transport = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    sent.push({ url, headers: new Headers(init.headers), credentials: init.credentials });
    return answer(url, init);
  }) as typeof fetch;
  return { sent, transport };
}


const get = (config: ResolvedConfig, fresh = true) => request(config, '/User/currentPrincipal', { schema: PrincipalSchema, fresh });

describe('hardening: credentials', () => {
  useMockBackend();
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('session credentials and X-XSRF-TOKEN go to the page’s own origin only', async () => {
    document.cookie = 'XSRF-TOKEN=xsrf-123; path=/';
    const { sent, transport } = recorder();
    configure({ fetch: transport, apiBase: '/api/v1' });
    await get(resolveConfig(undefined, undefined));
    configure({ apiBase: 'https://other.example/api/v1' });
    await get(resolveConfig(undefined, undefined));
    expect(sent[0].credentials).to.equal('include');
    expect(sent[0].headers.get('X-XSRF-TOKEN')).to.equal('xsrf-123');
    expect(sent[1].url).to.match(/^https:\/\/other\.example\//);
    expect(sent[1].credentials).to.equal('omit');
    expect(sent[1].headers.has('X-XSRF-TOKEN')).to.equal(false);
  });

  it('a bearer token goes to origins set in code or trusted, never to one named only by an api-base attribute', async () => {
    const { sent, transport } = recorder();
    configure({ fetch: transport, auth: { mode: 'bearer', token: 'secret' }, apiBase: 'https://api.example/api/v1' });
    await get(resolveConfig(undefined, undefined));
    await get(resolveConfig('https://evil.example/api/v1', undefined));
    await get(resolveConfig('https://api.example/other/api/v1', undefined)); // same origin as configured
    configure({ trustedOrigins: ['https://evil.example'] });
    await get(resolveConfig('https://evil.example/api/v1', undefined));
    expect(sent.map((s) => s.headers.get('Authorization'))).to.deep.equal(['Bearer secret', null, 'Bearer secret', 'Bearer secret']);
    expect(sent.every((s) => s.credentials === 'omit')).to.equal(true);
  });

  it('an element whose api-base attribute names another origin gets no token and says why, visibly', async () => {
    const { sent, transport } = recorder(() => new Response('', { status: 401 }));
    const getToken = () => 'secret';
    configure({ fetch: transport, auth: { mode: 'bearer', getToken } });
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info api-base="https://evil.example/api/v1"></so-owner-info>`);
    const alert = await waitForState(el, 'error');
    expect(sent.length).to.be.greaterThan(0);
    expect(sent.every((s) => !s.headers.has('Authorization'))).to.equal(true);
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(part(el, 'withheld')?.textContent).to.contain('https://evil.example');
    expect(text(el)).to.contain('Sign-in details were not sent');
    await expect(el).to.be.accessible();
  });

  it('<so-provider>: an api-base property is trusted, the attribute alone is not', async () => {
    const { sent, transport } = recorder(() => Response.json(OWNER_E1));
    configure({ fetch: transport, auth: { mode: 'bearer', token: 'secret' } });
    const markup = await fixture<SoProvider>(
      html`<so-provider api-base="https://evil.example/api/v1"><so-owner-info></so-owner-info></so-provider>`,
    );
    await waitUntil(() => sent.length === 1);
    expect(sent[0].url).to.match(/^https:\/\/evil\.example\//);
    expect(sent[0].headers.has('Authorization')).to.equal(false);
    markup.remove();
    const coded = document.createElement('so-provider');
    coded.apiBase = 'https://api.example/api/v1';
    coded.append(document.createElement('so-owner-info'));
    document.body.append(coded);
    await waitUntil(() => sent.length === 2);
    expect(sent[1].url).to.match(/^https:\/\/api\.example\//);
    expect(sent[1].headers.get('Authorization')).to.equal('Bearer secret');
    coded.remove();
  });

  it('writes follow the same rules: send() gives no credentials to an untrusted origin, and renews once', async () => {
    document.cookie = 'XSRF-TOKEN=xsrf-123; path=/';
    const { sent, transport } = recorder((_url, init) =>
      new Headers(init.headers).get('Authorization') === 'Bearer expired' ? new Response('', { status: 401 }) : Response.json(PRINCIPAL),
    );
    configure({ fetch: transport });
    await send(resolveConfig('https://evil.example/api/v1', undefined), 'POST', '/x', { schema: PrincipalSchema, body: {} });
    await send(resolveConfig(undefined, undefined), 'POST', '/x', { schema: PrincipalSchema, body: {} });
    expect([sent[0].credentials, sent[0].headers.has('X-XSRF-TOKEN')]).to.deep.equal(['omit', false]);
    expect([sent[1].credentials, sent[1].headers.get('X-XSRF-TOKEN')]).to.deep.equal(['include', 'xsrf-123']);
    let calls = 0;
    configure({ auth: { mode: 'bearer', token: 'expired', getToken: () => (calls++, 'fresh') } });
    await Promise.all([1, 2, 3].map(() => send(resolveConfig(undefined, undefined), 'PATCH', '/x', { schema: PrincipalSchema, body: {} })));
    await send(resolveConfig('https://evil.example/api/v1', undefined), 'DELETE', '/x', { schema: PrincipalSchema });
    expect(calls).to.equal(1);
    expect(sent.at(-1)!.headers.has('Authorization')).to.equal(false);
  });

  it('a malformed XSRF-TOKEN cookie does not break requests', async () => {
    document.cookie = 'XSRF-TOKEN=%E0%A4%A; path=/';
    expect(readCookie('XSRF-TOKEN')).to.equal('%E0%A4%A');
    const { sent, transport } = recorder();
    configure({ fetch: transport });
    const me = await get(resolveConfig(undefined, undefined));
    expect(me.AssociateId).to.equal(5);
    expect(sent[0].headers.get('X-XSRF-TOKEN')).to.equal('%E0%A4%A');
  });

  it('a getToken() that never settles is bounded by the timeout', async () => {
    const { sent, transport } = recorder();
    configure({ fetch: transport, timeout: 200, auth: { mode: 'bearer', getToken: () => new Promise<string>(() => {}) } });
    const started = performance.now();
    const error = await failWith(get(resolveConfig(undefined, undefined)));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(2000);
    expect(sent.length).to.equal(0);
  });

  it('getToken() returning undefined or "" is unauthorized, never "Bearer undefined"', async () => {
    const { sent, transport } = recorder();
    for (const token of [undefined, '', '  ']) {
      const getToken = (() => token) as () => string;
      configure({ fetch: transport, auth: { mode: 'bearer', getToken } });
      const error = await failWith(get(resolveConfig(undefined, undefined)));
      expect(error.kind).to.equal('unauthorized');
      expect(error.message).to.contain('no access token');
    }
    expect(sent.length).to.equal(0);
  });

  it('concurrent 401s share one renewal: getToken() is called once', async () => {
    let calls = 0;
    const getToken = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return 'fresh';
    };
    const { sent, transport } = recorder((_url, init) =>
      new Headers(init.headers).get('Authorization') === 'Bearer fresh' ? Response.json(PRINCIPAL) : new Response('', { status: 401 }),
    );
    configure({ fetch: transport, auth: { mode: 'bearer', token: 'expired', getToken } });
    const config = resolveConfig(undefined, undefined);
    const paths = ['/a', '/b', '/c', '/d', '/e'];
    const results = await Promise.all(paths.map((p) => request(config, p, { schema: PrincipalSchema })));
    expect(results.every((r) => r.AssociateId === 5)).to.equal(true);
    expect(calls).to.equal(1);
    expect(sent.length).to.equal(10);
    // Later requests use the renewed token straight away.
    await request(config, '/f', { schema: PrincipalSchema });
    expect(sent.length).to.equal(11);
    expect(calls).to.equal(1);
  });
});

describe('hardening: Retry-After', () => {
  useMockBackend();
  it('a 429 or 503 carries the server’s Retry-After (seconds or a date) to whoever polls', async () => {
    const answers = [
      new Response('', { status: 429, headers: { 'Retry-After': '7' } }),
      new Response('', { status: 503, headers: { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() } }),
      new Response('', { status: 503, headers: { 'Retry-After': 'soon' } }),
    ];
    const { transport } = recorder(() => answers.shift()!);
    configure({ fetch: transport });
    const config = resolveConfig(undefined, undefined);
    expect((await failWith(get(config))).retryAfter).to.equal(7000);
    const dated = (await failWith(get(config))).retryAfter!;
    expect(dated).to.be.within(55_000, 60_000);
    expect((await failWith(get(config))).retryAfter).to.equal(undefined);
  });
});

describe('hardening: configure() checks its input', () => {
  useMockBackend();

  const bad: [string, KitConfig][] = [
    ['timeout', { timeout: Infinity }],
    ['timeout', { timeout: NaN }],
    ['timeout', { timeout: -1 }],
    ['timeout', { timeout: 0 }],
    ['apiBase', { apiBase: 42 as unknown as string }],
    ['auth', { auth: { mode: 'cookie' } as unknown as AuthConfig }],
    ['auth', { auth: { mode: 'bearer' } as unknown as AuthConfig }],
    ['auth', { auth: 'bearer' as unknown as AuthConfig }],
    ['fetch', { fetch: 'fetch' as unknown as typeof fetch }],
    ['trustedOrigins', { trustedOrigins: ['evil.example'] }],
  ];
  for (const [field, config] of bad) {
    it(`throws a TypeError naming ${field} for ${JSON.stringify(config) ?? String(config)}`, () => {
      expect(() => configure(config)).to.throw(TypeError, field);
    });
  }

  it('an invalid configure() changes nothing; valid input still works', () => {
    configure({ timeout: 5000 });
    expect(() => configure({ timeout: NaN, apiBase: '/x' })).to.throw(TypeError);
    const config = resolveConfig(undefined, undefined);
    expect(config.timeout).to.equal(5000);
    expect(config.apiBase).to.equal('/api/v1');
    expect(() => configure({ auth: { mode: 'bearer', getToken: () => 't' }, trustedOrigins: ['https://a.example:8443'] })).not.to.throw();
  });

  it('<so-provider> names a setting that cannot work in the console and leaves it out', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => void errors.push(m);
    try {
      const provider = await fixture<SoProvider>(html`<so-provider timeout="-1"><so-owner-info></so-owner-info></so-provider>`);
      await provider.updateComplete;
      const owner = provider.querySelector('so-owner-info')!;
      await owner.updateComplete;
      expect(owner.config.timeout).to.equal(15000);
    } finally {
      console.error = original;
    }
    expect(errors.some((e) => e.includes('timeout'))).to.equal(true);
  });
});
