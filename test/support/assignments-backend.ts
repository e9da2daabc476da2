/**
 * A small stateful stand-in for the write side (W8, W9) over the mock data, for the editing tests: assignments
 * changed here change what E1, E9 and `GET /User/{id}` answer afterwards. A JSON Patch `test` that fails answers 409.
 */
import { http, HttpResponse } from 'msw';
import { licenceColumn, licenseInfo, userLicenses, type LicenseOwner } from '../../src/mocks/data.js';
import { worker } from './mocks.js';

export interface Backend {
  /** Every write request, as `METHOD path body`. */
  writes: { method: string; path: string; body: unknown }[];
  /** The answer of the next writes, instead of doing them (status). */
  failNext: (status: number, times?: number) => void;
  /** Changes a user behind the element's back (another administrator). */
  changeBehind: (associateId: number, owner: string, module: string, assigned: boolean) => void;
}

export function useAssignmentsBackend(): Backend {
  const overrides = new Map<number, Map<string, boolean>>();
  const delta = new Map<string, number>();
  let failures: number[] = [];
  const writes: Backend['writes'] = [];

  const set = (id: number, owner: string, module: string, assigned: boolean) => {
    const column = licenceColumn(owner, module);
    const current = owners(id).flatMap((o) => [...o.RestrictedModuleLicenses, ...o.UnrestrictedModuleLicenses].map((l) => [o.Name, l] as const));
    const link = current.find(([o, l]) => licenceColumn(o, l.Name) === column)?.[1];
    if (!link || link.Assigned === assigned) return;
    if (!overrides.has(id)) overrides.set(id, new Map());
    overrides.get(id)!.set(column, assigned);
    delta.set(column, (delta.get(column) ?? 0) + (assigned ? 1 : -1));
  };

  function owners(id: number): LicenseOwner[] {
    const base = userLicenses(id) ?? [];
    const mine = overrides.get(id);
    return base.map((o) => {
      const fix = (links: LicenseOwner['RestrictedModuleLicenses']) =>
        links.map((l) => {
          const column = licenceColumn(o.Name, l.Name);
          const d = delta.get(column) ?? 0;
          const assigned = mine?.get(column) ?? l.Assigned;
          const free = l.Free - d;
          return { ...l, Assigned: assigned, InUse: l.InUse + d, Free: free, CanAssign: assigned || l.Unrestricted || free > 0 };
        });
      return { ...o, RestrictedModuleLicenses: fix(o.RestrictedModuleLicenses), UnrestrictedModuleLicenses: fix(o.UnrestrictedModuleLicenses) };
    });
  }

  const user = (id: number) => ({ AssociateId: id, Name: `User ${id}`, LicenseOwners: owners(id) });
  const failure = () => {
    const status = failures.shift();
    return status ? HttpResponse.json({ Error: true, ErrorType: 'Test', ErrorMessage: 'Refused by the test.' }, { status }) : undefined;
  };

  worker.use(
    http.get('*/api/v1/License', () =>
      HttpResponse.json(
        licenseInfo().map((o) => ({
          ...o,
          ExtendedModuleLicenses: o.ExtendedModuleLicenses.map((m) => {
            const d = delta.get(licenceColumn(m.Current.OwnerName, m.Current.ModuleName)) ?? 0;
            return { ...m, NumberOfLicensesInUse: m.NumberOfLicensesInUse + d, NumberOfLicensesFree: m.NumberOfLicensesFree - d };
          }),
        })),
      ),
    ),
    http.get('*/api/v1/License/User/:id', ({ params }) => HttpResponse.json(owners(Number(params.id)))),
    http.get('*/api/v1/User/:id', ({ params }) => HttpResponse.json(user(Number(params.id)))),
    http.patch('*/api/v1/User/:id', async ({ request, params }) => {
      const id = Number(params.id);
      const ops = (await request.json()) as { op: string; path: string; value: unknown }[];
      writes.push({ method: 'PATCH', path: `/User/${id}`, body: ops });
      const failed = failure();
      if (failed) return failed;
      const doc = user(id) as unknown as Record<string, unknown>;
      const at = (path: string) => path.split('/').slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
      for (const op of ops) {
        if (op.op === 'test' && at(op.path) !== op.value) return HttpResponse.json({ Error: true, ErrorMessage: 'Test failed' }, { status: 409 });
      }
      for (const op of ops.filter((o) => o.op === 'replace')) {
        const [, , o, list, i] = op.path.split('/');
        const owner = user(id).LicenseOwners[Number(o)];
        const link = (owner as unknown as Record<string, { Name: string }[]>)[list][Number(i)];
        set(id, owner.Name, link.Name, op.value as boolean);
      }
      return HttpResponse.json(user(id));
    }),
    ...(['put', 'delete'] as const).map((method) =>
      http[method]('*/api/v1/License/:owner/:id', async ({ request, params }) => {
        const id = Number(params.id);
        const names = (await request.json()) as string[];
        writes.push({ method: method.toUpperCase(), path: `/License/${String(params.owner)}/${id}`, body: names });
        const failed = failure();
        if (failed) return failed;
        for (const n of names) set(id, String(params.owner), n, method === 'put');
        return HttpResponse.json(owners(id).find((o) => o.Name === params.owner)?.RestrictedModuleLicenses ?? []);
      }),
    ),
  );

  return {
    writes,
    failNext: (status, times = 1) => (failures = [...failures, ...Array<number>(times).fill(status)]),
    changeBehind: set,
  };
}
