/**
 * The write side of the mock backend (backend-contract.md W8, W9): `GET /User/{id}`, `PATCH /User/{id}` with a JSON
 * Patch (RFC 6902 `test` and `replace`), and the third-party assignments `PUT`/`DELETE /License/{owner}/{id}` (plus
 * their agent form). Writes change `state.ts`, so E1, E8, E9 and `GET /User/{id}` answer consistently afterwards.
 *
 * The server's rules, checked on the state *after* the whole request (so a plan change in one patch is fine):
 * a restricted licence needs a free seat; a licence whose prerequisite user licence is not held cannot be held; at
 * most one user plan (`ExtraFlags == 1`); a link with `CanAssign: false` (hidden, wrong user type, no seat) cannot
 * change. A refusal answers **400** with SuperOffice's error body (`ErrorType: "LicenseException"`) and changes
 * nothing; a failed `test` answers **409** (`ErrorType: "PatchTestFailed"`) and changes nothing.
 *
 * Write scenarios: `read-only` (403 on writes, reads work), `conflict` (the next PATCH meets someone else's change:
 * the licence it tests is changed first, so the test really fails and a reload shows the difference), `write-fails`
 * (500 on writes), `slow-writes` (writes answer after 1.5 s). The read scenarios `forbidden`, `server-error` and
 * `slow` apply to writes too.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import {
  findPerson,
  heldColumns,
  holderCounts,
  licenceColumn,
  licenceRule,
  localeFrom,
  userLicenceNames,
  userLicenses,
  describeColumn,
  type LicenseOwner,
  type Locale,
  type ModuleLicenseLink,
  type Person,
} from './data.js';
import type { Scenario } from './scenarios.js';
import { followScenario, setHeld, takeConflict } from './state.js';

/** How long `slow-writes` takes per write. */
export const SLOW_WRITE_MS = 1500;

type ErrorResponse = (status: number, type: string, message: string) => Response;

/** W8's user: its id, user id and licence owners with links exactly as E9 answers them. */
export interface MockUser {
  AssociateId: number;
  Name: string;
  FullName: string;
  LicenseOwners: LicenseOwner[];
}

function userOf(p: Person, scenario: Scenario, locale: Locale): MockUser {
  return { AssociateId: p.id, Name: p.assocName, FullName: p.fullName, LicenseOwners: userLicenses(p.id, scenario, locale) ?? [] };
}

/** One change of one user's assignments, by archive column. */
interface Change {
  column: string;
  assigned: boolean;
}

/** Why the server refuses `changes` for `p` (English, as SuperOffice's messages are), or undefined when it accepts. */
export function refusal(
  p: Person,
  changes: readonly Change[],
  links: readonly (ModuleLicenseLink & { owner: string })[],
  scenario: Scenario = 'default',
): string | undefined {
  const before = heldColumns(p);
  const after = new Set(before);
  for (const c of changes) {
    if (c.assigned) after.add(c.column);
    else after.delete(c.column);
  }
  const counts = holderCounts(scenario);
  for (const c of changes) {
    if (c.assigned === before.has(c.column)) continue;
    const link = links.find((l) => licenceColumn(l.owner, l.Name) === c.column);
    const rule = link && licenceRule(link.owner, link.Name, scenario);
    const name = describeColumn(c.column);
    if (!link || !rule || rule.hidden || rule.userType !== p.userType) return `${name} cannot be assigned to ${p.fullName}.`;
    if (c.assigned && !rule.unrestricted && (counts.get(c.column) ?? 0) >= rule.total) return `There is no free ${name} licence.`;
    if (!link.CanAssign) return `${name} cannot be assigned to ${p.fullName}.`;
  }
  for (const column of after) {
    const rule = ruleOfColumn(column, links, scenario);
    if (rule?.prerequisite && !after.has(rule.prerequisite)) {
      return `${describeColumn(column)} requires ${describeColumn(rule.prerequisite)}.`;
    }
  }
  const plans = [...after].filter((c) => ruleOfColumn(c, links, scenario)?.plan);
  if (plans.length > 1) return `${p.fullName} can hold only one user plan (${plans.map(describeColumn).join(', ')}).`;
  return undefined;
}

const ruleOfColumn = (column: string, links: readonly (ModuleLicenseLink & { owner: string })[], scenario: Scenario) => {
  const link = links.find((l) => licenceColumn(l.owner, l.Name) === column);
  return link && licenceRule(link.owner, link.Name, scenario);
};

const linksOf = (owners: readonly LicenseOwner[]) =>
  owners.flatMap((o) => [...o.RestrictedModuleLicenses, ...o.UnrestrictedModuleLicenses].map((l) => ({ ...l, owner: o.Name })));

function apply(p: Person, changes: readonly Change[]): void {
  const held = heldColumns(p);
  for (const c of changes) if (held.has(c.column) !== c.assigned) setHeld(p.id, c.column, c.assigned);
}

/** A JSON Pointer (RFC 6901) into `doc`: the parent and the key, or undefined when the parent does not exist. */
function pointer(doc: unknown, path: string): { parent: Record<string, unknown>; key: string } | undefined {
  if (!path.startsWith('/')) return undefined;
  const keys = path.slice(1).split('/').map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = doc;
  for (const k of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !(k in node)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return typeof node === 'object' && node !== null ? { parent: node as Record<string, unknown>, key: keys[keys.length - 1] } : undefined;
}

const ASSIGNED_PATH = /^\/LicenseOwners\/(\d+)\/(RestrictedModuleLicenses|UnrestrictedModuleLicenses)\/(\d+)\/Assigned$/;

/** The column a `…/Assigned` path of `user` points at. */
function columnAt(user: MockUser, path: string): string | undefined {
  const m = ASSIGNED_PATH.exec(path);
  const owner = m && user.LicenseOwners[Number(m[1])];
  const link = owner && owner[m[2] as 'RestrictedModuleLicenses'][Number(m[3])];
  return owner && link ? licenceColumn(owner.Name, link.Name) : undefined;
}

type PatchOp = { op: string; path: string; value?: unknown };
const isPatch = (x: unknown): x is PatchOp[] =>
  Array.isArray(x) && x.every((o) => typeof o === 'object' && o !== null && typeof o.op === 'string' && typeof o.path === 'string');

/**
 * The handlers of W8 and W9. `scenario` is asked on every request; `readFailure` is the scenario's answer instead
 * of data for reads (shared with the read handlers); `errorResponse` builds SuperOffice's error body.
 */
export function writeHandlers(
  scenario: () => Scenario,
  readFailure: (s: Scenario) => Promise<Response | undefined>,
  errorResponse: ErrorResponse,
): HttpHandler[] {
  const context = (request: Request) => {
    const s = scenario();
    followScenario(s);
    return { s, locale: localeFrom(request.headers.get('Accept-Language')) };
  };

  /** The scenario's answer instead of doing a write, if any. */
  const writeFailure = async (s: Scenario): Promise<Response | undefined> => {
    switch (s) {
      case 'read-only':
      case 'forbidden':
        return errorResponse(403, 'Forbidden', 'The current principal may not change licence assignments.');
      case 'write-fails':
      case 'server-error':
        return errorResponse(500, 'Exception', 'An unexpected error occurred while saving. Reference: 5c1e0b77.');
      case 'slow-writes':
        await delay(SLOW_WRITE_MS);
        return undefined;
      case 'slow':
        await delay(3000);
        return undefined;
      default:
        return undefined;
    }
  };

  const person = (id: string | readonly string[] | undefined, s: Scenario) => {
    const n = Number(id);
    return Number.isSafeInteger(n) ? findPerson(n, s) : undefined;
  };
  const noUser = (id: unknown) => errorResponse(404, 'NotFound', `Associate ${String(id)} was not found.`);
  const badRequest = (message: string) => errorResponse(400, 'ArgumentException', message);
  const refused = (message: string) => errorResponse(400, 'LicenseException', message);

  /** W9 in either form: assign or unassign `names` of `owner` for person `id`. */
  const thirdParty = async (request: Request, owner: string, id: unknown, names: unknown, assigned: boolean) => {
    const { s, locale } = context(request);
    const failure = await writeFailure(s);
    if (failure) return failure;
    const p = person(String(id), s);
    if (!p) return noUser(id);
    const known = userLicenceNames(owner).map((n) => n.toLowerCase());
    if (!known.length) return errorResponse(404, 'NotFound', `There is no licence owner ${owner}.`);
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && known.includes(n.toLowerCase()))) {
      return badRequest(`Expected the names of ${owner}'s user licences, e.g. ["${known[0]}"].`);
    }
    const links = linksOf(userLicenses(p.id, s, locale) ?? []);
    const changes = (names as string[]).map((n) => ({ column: licenceColumn(owner, n), assigned }));
    const why = refusal(p, changes, links, s);
    if (why) return refused(why);
    apply(p, changes);
    const after = (userLicenses(p.id, s, locale) ?? []).find((o) => o.Name.toLowerCase() === owner.toLowerCase());
    return HttpResponse.json(after ? [...after.RestrictedModuleLicenses, ...after.UnrestrictedModuleLicenses] : []);
  };

  const body = async (request: Request): Promise<{ value: unknown } | undefined> => {
    try {
      return { value: JSON.parse(await request.text()) };
    } catch {
      return undefined;
    }
  };

  return [
    http.get('*/api/v1/User/:associateId', async ({ request, params }) => {
      const { s, locale } = context(request);
      if (params.associateId === 'currentPrincipal') return undefined; // answered by the read handlers
      const failure = await readFailure(s);
      if (failure) return failure;
      const p = person(params.associateId, s);
      return p ? HttpResponse.json(userOf(p, s, locale)) : noUser(params.associateId);
    }),

    http.patch('*/api/v1/User/:associateId', async ({ request, params }) => {
      const { s, locale } = context(request);
      const failure = await writeFailure(s);
      if (failure) return failure;
      const p = person(params.associateId, s);
      if (!p) return noUser(params.associateId);
      const parsed = await body(request);
      if (!parsed || !isPatch(parsed.value)) return badRequest('Expected a JSON Patch: an array of { op, path, value }.');
      const ops = parsed.value;
      if (takeConflict()) {
        // Someone else saves first: the licence this patch changes is changed by them, so its test fails.
        const first = ops.find((o) => o.op === 'replace');
        const column = first && columnAt(userOf(p, s, locale), first.path);
        if (column && typeof first.value === 'boolean') setHeld(p.id, column, first.value);
      }
      const before = userOf(p, s, locale);
      const doc = structuredClone(before);
      for (const o of ops) {
        const at = pointer(doc, o.path);
        if (o.op === 'test') {
          if (!at || JSON.stringify(at.parent[at.key]) !== JSON.stringify(o.value)) {
            return errorResponse(409, 'PatchTestFailed', `Test failed at ${o.path}: the user was changed by someone else.`);
          }
        } else if (o.op === 'replace') {
          if (!at || !ASSIGNED_PATH.test(o.path) || typeof o.value !== 'boolean') {
            return badRequest(`Only the Assigned value of a licence can be replaced (at ${o.path}).`);
          }
          at.parent[at.key] = o.value;
        } else {
          return badRequest(`The operation "${o.op}" is not supported here; use test and replace.`);
        }
      }
      const changes: Change[] = [];
      for (const [o, owner] of doc.LicenseOwners.entries()) {
        for (const list of ['RestrictedModuleLicenses', 'UnrestrictedModuleLicenses'] as const) {
          for (const [i, link] of owner[list].entries()) {
            if (link.Assigned !== before.LicenseOwners[o][list][i].Assigned) {
              changes.push({ column: licenceColumn(owner.Name, link.Name), assigned: link.Assigned });
            }
          }
        }
      }
      const why = refusal(p, changes, linksOf(before.LicenseOwners), s);
      if (why) return refused(why);
      apply(p, changes);
      return HttpResponse.json(userOf(p, s, locale));
    }),

    http.put('*/api/v1/License/:ownerName/:associateId', async ({ request, params }) =>
      thirdParty(request, String(params.ownerName), params.associateId, (await body(request))?.value, true),
    ),
    http.delete('*/api/v1/License/:ownerName/:associateId', async ({ request, params }) =>
      thirdParty(request, String(params.ownerName), params.associateId, (await body(request))?.value, false),
    ),
    http.post('*/api/v1/Agents/License/:method', async ({ request, params }) => {
      const method = String(params.method);
      if (method !== 'AssignThirdPartyLicenses' && method !== 'UnassignThirdPartyLicenses') return undefined;
      const b = (await body(request))?.value as { AssociateId?: unknown; ModuleOwner?: unknown; ModuleLicenseNames?: unknown } | undefined;
      return thirdParty(request, String(b?.ModuleOwner ?? ''), b?.AssociateId, b?.ModuleLicenseNames, method === 'AssignThirdPartyLicenses');
    }),
  ];
}
