import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { invalidate, send, tagsOf } from '../src/api/client.js';
import { ApiError } from '../src/api/errors.js';
import * as api from '../src/api/endpoints.js';
import { LicenseResultSchema, type User } from '../src/api/schemas.js';
import '../src/components/owner-info/define.js';
import type { SoOwnerInfo } from '../src/components/owner-info/owner-info.js';
import { countRequests, part, useMockBackend, worker } from './support/mocks.js';
import { cfg, failWith } from './support/api.js';


const link = (Name: string, Assigned: boolean) => ({
  ModuleLicenseId: 1,
  Name,
  Description: Name,
  Tooltip: '',
  Unrestricted: false,
  Total: 10,
  Free: 2,
  InUse: 8,
  Assigned,
  CanAssign: true,
  IsHidden: false,
  SortOrder: 0,
  ExtraFlags: 0,
});
const user: User = {
  AssociateId: 7,
  Name: 'Karin Holm',
  LicenseOwners: [
    { Name: 'ACME', Description: 'Acme', RestrictedModuleLicenses: [link('acme-a', false)], UnrestrictedModuleLicenses: [] },
    {
      Name: 'SUPEROFFICE',
      Description: 'SuperOffice',
      RestrictedModuleLicenses: [link('web', true), link('ten-sales', false), link('ten-service', true)],
      UnrestrictedModuleLicenses: [link('mobile', false)],
    },
  ],
};

describe('api: writes (send)', () => {
  useMockBackend();

  it('POSTs JSON with Content-Type, the auth header and Accept-Language, once; a 500 is not retried', async () => {
    const seen: { method: string; type: string | null; auth: string | null; body: string }[] = [];
    worker.use(
      http.post('*/api/v1/Agents/Test/Thing', async ({ request }) => {
        seen.push({
          method: request.method,
          type: request.headers.get('content-type'),
          auth: request.headers.get('authorization'),
          body: await request.text(),
        });
        return HttpResponse.json({ Error: true }, { status: 500 });
      }),
    );
    const e = await failWith(
      send(cfg({ auth: { mode: 'bearer', token: 'T1' } }), 'POST', '/Agents/Test/Thing', {
        body: { OwnerName: 'SUPEROFFICE' },
        schema: LicenseResultSchema,
      }),
    );
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(500);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.equal({
      method: 'POST',
      type: 'application/json',
      auth: 'Bearer T1',
      body: '{"OwnerName":"SUPEROFFICE"}',
    });
  });

  it('a 401 with getToken is resent once with a fresh token, never more', async () => {
    const auths: (string | null)[] = [];
    worker.use(
      http.post('*/api/v1/Agents/Test/Thing', ({ request }) => {
        auths.push(request.headers.get('authorization'));
        return HttpResponse.json({}, { status: 401 });
      }),
    );
    let n = 0;
    const e = await failWith(
      send(cfg({ auth: { mode: 'bearer', getToken: () => `T${++n}` } }), 'POST', '/Agents/Test/Thing', {
        schema: LicenseResultSchema,
      }),
    );
    expect(e.kind).to.equal('unauthorized');
    expect(auths).to.deep.equal(['Bearer T1', 'Bearer T2']);
  });

  it('409 is a conflict; 403 is forbidden', async () => {
    worker.use(
      http.patch('*/api/v1/User/7', () => HttpResponse.json({ Error: true }, { status: 409 })),
      http.put('*/api/v1/License/ACME/7', () => HttpResponse.json({ Error: true }, { status: 403 })),
    );
    expect((await failWith(api.patchUserAssignments(cfg(), user, [{ ownerName: 'SUPEROFFICE', moduleName: 'web', assigned: false }]))).kind).to.equal('conflict');
    expect((await failWith(api.assignThirdPartyLicences(cfg(), 'ACME', 7, ['acme-a']))).kind).to.equal('forbidden');
  });

  it('W8: the patch tests owner, licence and current value before it replaces; a plan change is one patch', () => {
    const ops = api.assignmentPatch(user, [
      { ownerName: 'SUPEROFFICE', moduleName: 'ten-service', assigned: false },
      { ownerName: 'SUPEROFFICE', moduleName: 'ten-sales', assigned: true },
    ]);
    expect(ops).to.deep.equal([
      { op: 'test', path: '/LicenseOwners/1/Name', value: 'SUPEROFFICE' },
      { op: 'test', path: '/LicenseOwners/1/RestrictedModuleLicenses/2/Name', value: 'ten-service' },
      { op: 'test', path: '/LicenseOwners/1/RestrictedModuleLicenses/2/Assigned', value: true },
      { op: 'replace', path: '/LicenseOwners/1/RestrictedModuleLicenses/2/Assigned', value: false },
      { op: 'test', path: '/LicenseOwners/1/Name', value: 'SUPEROFFICE' },
      { op: 'test', path: '/LicenseOwners/1/RestrictedModuleLicenses/1/Name', value: 'ten-sales' },
      { op: 'test', path: '/LicenseOwners/1/RestrictedModuleLicenses/1/Assigned', value: false },
      { op: 'replace', path: '/LicenseOwners/1/RestrictedModuleLicenses/1/Assigned', value: true },
    ]);
    expect(api.assignmentPatch(user, [{ ownerName: 'superoffice', moduleName: 'mobile', assigned: true }])[1].path).to.equal(
      '/LicenseOwners/1/UnrestrictedModuleLicenses/0/Name',
    );
    expect(() => api.assignmentPatch(user, [{ ownerName: 'SUPEROFFICE', moduleName: 'nope', assigned: true }])).to.throw(ApiError);
  });

  it('W8: sends the tested patch to PATCH /User/{id} and reads the saved user', async () => {
    let body: unknown;
    worker.use(
      http.patch('*/api/v1/User/7', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ ...user, Name: 'Karin Holm' });
      }),
    );
    const saved = await api.patchUserAssignments(cfg(), user, [{ ownerName: 'SUPEROFFICE', moduleName: 'web', assigned: false }]);
    expect(saved.AssociateId).to.equal(7);
    expect((body as { op: string }[]).map((o) => o.op)).to.deep.equal(['test', 'test', 'test', 'replace']);
  });

  it('W3/W4 send the licence back exactly as it was received; Succeeded: false is rejected with its Reason', async () => {
    const signed = '{"Current":{"OwnerName":"SUPEROFFICE","Signature":"abc=="},"New":null,"ExtendedModuleLicenses":[],"Extra":1.50}';
    const bodies: string[] = [];
    worker.use(
      http.post('*/api/v1/Agents/License/GetLicenseFromLicenseServer', () => new HttpResponse(signed, { headers: { 'Content-Type': 'application/json' } })),
      http.post('*/api/v1/Agents/License/ValidateLicenseInfo', async ({ request }) => {
        bodies.push(await request.text());
        return HttpResponse.json({ Succeeded: true, Reason: '' });
      }),
      http.post('*/api/v1/Agents/License/ActivateLicenseInfo', async ({ request }) => {
        bodies.push(await request.text());
        return HttpResponse.json({ Succeeded: false, Reason: 'Lisensen er utløpt' });
      }),
    );
    const pending = await api.fetchNewLicence(cfg(), 'SUPEROFFICE');
    expect(pending.info.Current.OwnerName).to.equal('SUPEROFFICE');
    await api.validateLicence(cfg(), pending);
    const e = await failWith(api.activateLicence(cfg(), pending));
    expect(e.kind).to.equal('rejected');
    expect(e.reason).to.equal('Lisensen er utløpt');
    expect(bodies).to.deep.equal([`{"LicenseInfo":${signed}}`, `{"NewLicense":${signed}}`]);
  });

  it('never puts an id that is not a whole number into a path', async () => {
    const log = countRequests('/License/User/');
    for (const bad of [NaN, -1, 1.5, Infinity]) {
      expect((await failWith(api.getUserLicenses(cfg(), bad))).kind).to.equal('invalid-response');
    }
    log.stop();
    expect(log.count).to.equal(0);
  });

  it('W6: only https shop URLs are usable', () => {
    expect(api.safeHttpsUrl('https://shop.superoffice.com/x')).to.equal('https://shop.superoffice.com/x');
    for (const bad of ['http://shop.example', 'javascript:alert(1)', '/relative', 'not a url', '', null]) {
      expect(api.safeHttpsUrl(bad)).to.equal(undefined);
    }
  });

  it('tags: what each read is about', () => {
    expect(tagsOf('/License')).to.deep.equal(['licences']);
    expect(tagsOf('/License/SUPEROFFICE/web')).to.deep.equal(['licences']);
    expect(tagsOf('/License/User/12')).to.deep.equal(['licences', 'user:12']);
    expect(tagsOf('/User/12')).to.deep.equal(['user:12']);
    expect(tagsOf('/Archive/InternalUsers')).to.deep.equal(['users']);
    expect(tagsOf('/User/currentPrincipal')).to.deep.equal(['principal']);
  });

  it('a successful write reloads the elements that read what it changed, quietly (no loading state)', async () => {
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => part(el, 'company'), 'owner shown');
    let company = 'Nordlys Regnskap AS';
    worker.use(
      http.get('*/api/v1/License', () =>
        HttpResponse.json([
          {
            Current: { OwnerName: 'SUPEROFFICE', CompanyName: company, SerialNr: '1' },
            New: null,
            ExtendedModuleLicenses: [],
          },
        ]),
      ),
      http.post('*/api/v1/Agents/License/ActivateLicenseInfo', () => HttpResponse.json({ Succeeded: true, Reason: '' })),
    );
    const states: boolean[] = [];
    const observer = new MutationObserver(() => states.push(!!el.shadowRoot!.querySelector('.state.loading')));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true });
    company = 'Fjordkraft Regnskap AS';
    await api.activateLicence(cfg(), { info: undefined as never, signed: '{}' });
    await waitUntil(() => part(el, 'company')?.textContent?.includes('Fjordkraft'), 'new company shown');
    observer.disconnect();
    expect(states).to.not.include(true);
  });

  it('a rejected write and an unrelated write reload nothing', async () => {
    const el = await fixture<SoOwnerInfo>(html`<so-owner-info></so-owner-info>`);
    await waitUntil(() => part(el, 'company'), 'owner shown');
    const log = countRequests('/License');
    invalidate(['jobs']);
    worker.use(http.post('*/api/v1/Agents/License/ActivateLicenseInfo', () => HttpResponse.json({ Succeeded: false, Reason: 'no' })));
    await failWith(api.activateLicence(cfg(), { info: undefined as never, signed: '{}' }));
    await new Promise((r) => setTimeout(r, 50));
    log.stop();
    expect(log.requests.filter((r) => r.method === 'GET')).to.have.length(0);
  });
});

describe('api: a refused write keeps the server’s sentence', () => {
  useMockBackend();

  it('4xx: ErrorMessage becomes the reason; 5xx: never (it may hold a stack trace)', async () => {
    worker.use(
      http.put('*/api/v1/License/ACME/1', () =>
        HttpResponse.json({ Error: true, ErrorType: 'LicenseException', ErrorMessage: 'There is no free OCR licence.' }, { status: 400 }),
      ),
      http.delete('*/api/v1/License/ACME/1', () =>
        HttpResponse.json({ Error: true, ErrorType: 'Exception', ErrorMessage: 'NullReference at Foo.Bar()' }, { status: 500 }),
      ),
    );
    const refused = await failWith(api.assignThirdPartyLicences(cfg(), 'ACME', 1, ['ocr']));
    expect(refused).to.include({ kind: 'http', status: 400, reason: 'There is no free OCR licence.' });
    const crashed = await failWith(api.unassignThirdPartyLicences(cfg(), 'ACME', 1, ['ocr']));
    expect(crashed.reason).to.equal(undefined);
  });
});
