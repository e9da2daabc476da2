/** One typed function per contract endpoint (E1–E9, W1–W10). Only this module knows the paths. */
import { invalidate, request, send, sendForText } from './client.js';
import type { ResolvedConfig } from './config.js';
import { ApiError } from './errors.js';
import {
  BatchTasksSchema,
  CheckLicenseStatusResultSchema,
  DatabaseInfoSchema,
  ExtendedLicenseInfoSchema,
  LicenseResultSchema,
  ModuleLicenseLinksSchema,
  ShopUrlSchema,
  StopBatchJobSchema,
  UserSchema,
  type ExtendedLicenseInfo,
  type LicenseResult,
  type User,
  LicensesSchema,
  MeteredServicesReportSchema,
  ModuleLicenseSchema,
  PrincipalSchema,
  SystemEventPageSchema,
  UserLicensesSchema,
  UserPageSchema,
} from './schemas.js';

/** What every endpoint call takes besides its own arguments. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Bypass the shared answer. */
  fresh?: boolean;
}

/** A page of an OData archive. */
export interface Page {
  top: number;
  skip: number;
}

const seg = encodeURIComponent;

/** A record id for a path: only a non-negative safe integer ever goes into a URL. */
export function idSegment(id: unknown): string {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    throw new ApiError('invalid-response', 'An id that is not a whole number was not sent.');
  }
  return String(id);
}

/** E1: every licence owner with its module licences and usage. */
export const getLicenses = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/License', { ...o, schema: LicensesSchema });

/** E2: one module licence in detail. */
export const getModuleLicense = (config: ResolvedConfig, ownerName: string, moduleName: string, o: CallOptions = {}) =>
  request(config, `/License/${seg(ownerName)}/${seg(moduleName)}`, { ...o, schema: ModuleLicenseSchema });

/** E3: the signed-in user. */
export const getCurrentPrincipal = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/User/currentPrincipal', { ...o, schema: PrincipalSchema });

/** E4 (PROPOSED; 404 where the backend does not offer it). */
export const getDatabaseInfo = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/SystemInfo/Database', { ...o, schema: DatabaseInfoSchema });

/** E5 (PROPOSED): monthly use of metered services, months as `YYYY-MM`. */
export const getMeteredServices = (config: ResolvedConfig, from: string, to: string, o: CallOptions = {}) =>
  request(config, '/MeteredServices', { ...o, query: { from, to }, schema: MeteredServicesReportSchema });

/** The archive columns E6 selects. */
export const SYSTEM_EVENT_COLUMNS = [
  'eventname',
  'status',
  'eventmess',
  'registered',
  'registered_associate_id/assocName',
  'registered_associate_id/fullName',
  'registered_associate_id/portraitThumbnail',
  'eta',
  'type',
] as const;

/** E6 columns the list can be sorted by (`$orderBy`). */
export type SystemEventSortColumn = 'eventname' | 'status' | 'eventmess' | 'registered' | 'registered_associate_id/assocName' | 'eta' | 'type';

/** What E6 is narrowed and ordered by: all of it goes to the server, so it works over any number of events. */
export interface SystemEventQuery {
  /** Default `registered desc` (newest first). */
  sort?: { column: SystemEventSortColumn; desc: boolean };
  /** Only events with this `status` value (as the contract spells it: `Failed`, …). */
  status?: string;
  /** Only events with this `type` value (`Database`, …). */
  type?: string;
  /** Text searched for in the event's name and message. */
  search?: string;
}

/**
 * A text as a string literal of SuperOffice's archive restriction syntax: in single quotes, with a single quote
 * escaped by a backslash (SuperOffice: "Use backslash to escape single quotes in strings"), and so a backslash too.
 */
export const archiveString = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The E6 `$filter` of a query, or `undefined` for none. SuperOffice's archive restriction syntax, as documented for
 * `GET /api/v1/Archive/{provider}` and the Archive agent (docs.superoffice.com, "REST WebAPI search" / "Using
 * filters"): `column eq 'value'` for an exact match of a string, `column contains 'text'` for a search, terms joined
 * by `and` / `or` where `and` binds tighter and brackets group. So the search is bracketed:
 * `status eq 'Failed' and type eq 'Database' and (eventname contains 'x' or eventmess contains 'x')`.
 */
export function systemEventFilter(query: SystemEventQuery = {}): string | undefined {
  const terms: string[] = [];
  if (query.status) terms.push(`status eq ${archiveString(query.status)}`);
  if (query.type) terms.push(`type eq ${archiveString(query.type)}`);
  const search = query.search?.trim();
  if (search) {
    const text = archiveString(search);
    terms.push(`(eventname contains ${text} or eventmess contains ${text})`);
  }
  return terms.length ? terms.join(' and ') : undefined;
}

/**
 * E6's `$orderBy` of a query: `<column> asc|desc`, default `registered desc`. Another column is followed by
 * `registered desc`, so rows with equal values keep one order from page to page (none skipped or repeated).
 */
export const systemEventOrder = (query: SystemEventQuery = {}): string =>
  query.sort && query.sort.column !== 'registered'
    ? `${query.sort.column} ${query.sort.desc ? 'desc' : 'asc'},registered desc`
    : `registered ${query.sort && !query.sort.desc ? 'asc' : 'desc'}`;

/** E6: one page of system events, newest first unless `query` sorts otherwise; narrowed by `query` on the server. */
export const getSystemEvents = (config: ResolvedConfig, page: Page, o: CallOptions & { query?: SystemEventQuery } = {}) => {
  const filter = systemEventFilter(o.query);
  return request(config, '/SystemEvent', {
    signal: o.signal,
    fresh: o.fresh,
    schema: SystemEventPageSchema,
    query: {
      $select: SYSTEM_EVENT_COLUMNS.join(','),
      ...(filter ? { $filter: filter } : {}),
      $orderBy: systemEventOrder(o.query),
      $top: page.top,
      $skip: page.skip,
      $jsonSafe: 'true',
      $inlineCount: 'allpages',
    },
  });
};

/** E7: running batch tasks. */
export const getStartedBatchTasks = (config: ResolvedConfig, o: CallOptions = {}) =>
  request(config, '/BatchTask/Started', { ...o, schema: BatchTasksSchema });

/** The user columns E8 selects, before the licence columns. */
export const USER_COLUMNS = [
  'associateDbId',
  'assocName',
  'fullName',
  'usergroup',
  'role',
  'userplan',
  'isActive',
  'portraitThumbnail',
] as const;

/** The archive column of a licence: `{owner}_{module}` in lower case (the answer may spell it `$jsonSafe`: `cellOf`). */
export const licenceColumn = (ownerName: string, moduleName: string) => `${ownerName}_${moduleName}`.toLowerCase();

/** The user columns E8's text search looks in: name, user id, group, role and plan. */
export const USER_SEARCH_COLUMNS = ['fullName', 'assocName', 'usergroup', 'role', 'userplan'] as const;

/** The user columns E8 can be sorted by (`$orderBy`). */
export type UserSortColumn = 'fullName' | 'usergroup' | 'role' | 'userplan';


/**
 * E8's `$filter`: the holders of a licence (`<column> eq 1`) and a text search (`contains`, SuperOffice's string
 * operator, over name, user id, group, role and plan), joined by `and`. `undefined` when there is neither.
 */
export function usersFilter(holders?: string, search?: string): string | undefined {
  const terms: string[] = [];
  if (holders) terms.push(`${holders} eq 1`);
  const text = search?.trim();
  if (text) terms.push(`(${USER_SEARCH_COLUMNS.map((c) => `${c} contains ${archiveString(text)}`).join(' or ')})`);
  return terms.length ? terms.join(' and ') : undefined;
}

/** What narrows and orders E8 on the server. */
export interface UsersQuery {
  /** Only users who hold this licence column. */
  holders?: string;
  /** Only users whose name, user id, group, role or plan contains this text. */
  search?: string;
  /** The order (the server's own when left out); ties are broken by name. */
  sort?: { column: UserSortColumn; desc: boolean };
  /** The user columns to select instead of all of `USER_COLUMNS` (e.g. only the key and names a bulk change needs). */
  userColumns?: readonly string[];
}

/**
 * E8: one page of internal users (*Associates*) or other users (system and anonymous users). `$select` holds the
 * user columns and only the licence columns the view needs (never one per licence: a tenant with 200 licences would
 * pass IIS's 2,048-character query limit). `holders` and `search` narrow the archive on the server (`$filter`,
 * `usersFilter`) and `sort` orders it (`$orderBy`), so both work over thousands of users; the caller still checks
 * each row, in case a server ignores the filter.
 */
export const getUsers = (
  config: ResolvedConfig,
  list: 'internal' | 'other',
  licenceColumns: readonly string[],
  page: Page,
  o: CallOptions & UsersQuery = {},
) => {
  const filter = usersFilter(o.holders, o.search);
  const sort = o.sort;
  return request(config, list === 'internal' ? '/Archive/InternalUsers' : '/Archive/OtherUsers', {
    ...o,
    schema: UserPageSchema,
    query: {
      $select: [...(o.userColumns ?? USER_COLUMNS), ...licenceColumns].join(','),
      ...(filter ? { $filter: filter } : {}),
      ...(sort ? { $orderBy: `${sort.column} ${sort.desc ? 'desc' : 'asc'}${sort.column === 'fullName' ? '' : ',fullName asc'}` } : {}),
      $top: page.top,
      $skip: page.skip,
      $jsonSafe: 'true',
      $inlineCount: 'allpages',
    },
  });
};

/** E9: one user's licence assignments, per owner. */
export const getUserLicenses = async (config: ResolvedConfig, associateId: number, o: CallOptions = {}) =>
  request(config, `/License/User/${idSegment(associateId)}`, { ...o, schema: UserLicensesSchema });

/* ---------------------------------------------------------------- writes (W1–W10) */

/** What every write takes besides its own arguments. */
export interface WriteOptions {
  /** Stops waiting for the answer (the server may still have done the work). */
  signal?: AbortSignal;
}

/** Every licence answer, every user row and the pages that show licences: what an activation makes stale. */
const AFTER_ACTIVATION = ['licences', 'users', 'principal', 'database'] as const;

/** A licence downloaded (W2) or read from a file (W5): what it changes, and the signed package exactly as received. */
export interface PendingLicence {
  /** Validated, for display. */
  info: ExtendedLicenseInfo;
  /** The JSON text as it arrived; W3 and W4 send it back unchanged (the licence is signed). */
  signed: string;
}

/** Throws `rejected` with the server's `Reason` when a business call answered `Succeeded: false`. */
export function ensureSucceeded(result: LicenseResult, operation: string): LicenseResult {
  if (!result.Succeeded) {
    throw new ApiError('rejected', `${operation}: the server refused (Succeeded: false).`, undefined, result.Reason);
  }
  return result;
}

/** W1: asks the licence server whether a new licence exists for `ownerName`. */
export const checkLicenseStatus = (config: ResolvedConfig, ownerName: string, o: WriteOptions = {}) =>
  send(config, 'POST', '/Agents/License/GetLicenseStatusFromLicenseServer', {
    ...o,
    body: { OwnerName: ownerName },
    schema: CheckLicenseStatusResultSchema,
  });

/** W2: downloads the new licence for `ownerName` (nothing changes until W4). */
export async function fetchNewLicence(config: ResolvedConfig, ownerName: string, o: WriteOptions = {}): Promise<PendingLicence> {
  const { value, text } = await sendForText(config, 'POST', '/Agents/License/GetLicenseFromLicenseServer', {
    ...o,
    body: { OwnerName: ownerName },
    schema: ExtendedLicenseInfoSchema,
  });
  return { info: value, signed: text };
}

/** W5: reads a licence file's text on the server (onsite installations); nothing changes until W4. */
export async function licenceFromFile(config: ResolvedConfig, fileContent: string, o: WriteOptions = {}): Promise<PendingLicence> {
  const { value, text } = await sendForText(config, 'POST', '/Agents/License/GetLicenseFromFile', {
    ...o,
    body: { FileContent: fileContent },
    schema: ExtendedLicenseInfoSchema,
  });
  return { info: value, signed: text };
}

/** W3: validates a pending licence, sent exactly as received. `Succeeded: false` throws `rejected` with its reason. */
export const validateLicence = async (config: ResolvedConfig, licence: PendingLicence, o: WriteOptions = {}) =>
  ensureSucceeded(
    await send(config, 'POST', '/Agents/License/ValidateLicenseInfo', {
      ...o,
      body: { text: `{"LicenseInfo":${licence.signed}}` },
      schema: LicenseResultSchema,
    }),
    'Validate licence',
  );

/**
 * W4: activates a pending licence, sent exactly as received. On success every licence answer on the page is stale
 * and reloads; `Succeeded: false` throws `rejected` with its reason.
 */
export const activateLicence = async (config: ResolvedConfig, licence: PendingLicence, o: WriteOptions = {}) =>
  ensureSucceeded(
    await send(config, 'POST', '/Agents/License/ActivateLicenseInfo', {
      ...o,
      body: { text: `{"NewLicense":${licence.signed}}` },
      schema: LicenseResultSchema,
      invalidates: (r) => (r.Succeeded ? AFTER_ACTIVATION : []),
    }),
    'Activate licence',
  );

/** W6: the owner's web shop URL. Open it only when it is `https:` (see `safeHttpsUrl`). */
export const getShopUrl = (config: ResolvedConfig, ownerName: string, o: CallOptions = {}) =>
  request(config, `/License/${seg(ownerName)}/ShopUrl`, { ...o, schema: ShopUrlSchema });

/** An `https:` URL as given, or `undefined` for anything else (`javascript:`, `http:`, relative, unreadable). */
export function safeHttpsUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** W7: changes the company name and serial number (demo installations). */
export const changeSerialNumber = async (
  config: ResolvedConfig,
  newCompanyName: string,
  newSerialNumber: string,
  o: WriteOptions = {},
) =>
  ensureSucceeded(
    await send(config, 'POST', '/License/ChangeSerialNumber', {
      ...o,
      query: { newCompanyName, newSerialNumber },
      schema: LicenseResultSchema,
      invalidates: (r) => (r.Succeeded ? AFTER_ACTIVATION : []),
    }),
    'Change serial number',
  );

/** W8: a user with its licence owners and links, as the PATCH paths index them. */
export const getUser = async (config: ResolvedConfig, associateId: number, o: CallOptions = {}) =>
  request(config, `/User/${idSegment(associateId)}`, { ...o, schema: UserSchema });

/** One assignment to change: the SuperOffice-owned licence `moduleName` of owner `ownerName`. */
export interface AssignmentChange {
  ownerName: string;
  moduleName: string;
  assigned: boolean;
}

/** One operation of a JSON Patch (RFC 6902) as W8 uses it. */
export type PatchOperation = { op: 'test' | 'replace'; path: string; value: unknown };

/**
 * The JSON Patch of W8 for `changes` against `user` as it was read: for each change it first tests the owner's and
 * the licence's names and the current `Assigned` value, then replaces it. If anyone changed the user meanwhile, a
 * test fails and the server answers 409 without changing anything. A plan change is two changes (old off, new on) in
 * one patch. Throws when a licence is not in the user (the view is out of date: reload).
 */
export function assignmentPatch(user: User, changes: readonly AssignmentChange[]): PatchOperation[] {
  const ops: PatchOperation[] = [];
  for (const change of changes) {
    const o = user.LicenseOwners.findIndex((owner) => owner.Name.toLowerCase() === change.ownerName.toLowerCase());
    const owner = user.LicenseOwners[o];
    const where = owner && locateLink(owner, change.moduleName);
    if (!owner || !where) {
      throw new ApiError('conflict', `The licence ${change.ownerName}/${change.moduleName} is not offered to this user.`, 409);
    }
    const base = `/LicenseOwners/${o}/${where.list}/${where.index}`;
    ops.push(
      { op: 'test', path: `/LicenseOwners/${o}/Name`, value: owner.Name },
      { op: 'test', path: `${base}/Name`, value: where.link.Name },
      { op: 'test', path: `${base}/Assigned`, value: where.link.Assigned },
      { op: 'replace', path: `${base}/Assigned`, value: change.assigned },
    );
  }
  return ops;
}

function locateLink(owner: User['LicenseOwners'][number], moduleName: string) {
  for (const list of ['RestrictedModuleLicenses', 'UnrestrictedModuleLicenses'] as const) {
    const index = owner[list].findIndex((l) => l.Name.toLowerCase() === moduleName.toLowerCase());
    if (index >= 0) return { list, index, link: owner[list][index] };
  }
  return undefined;
}

/** What a change of one user's assignments makes stale: counts everywhere, the user rows, and that user. */
const afterAssignment = (associateId: number) => ['licences', 'users', `user:${associateId}`];

/** Reloads what a conflict showed to be out of date, then rethrows. */
async function reloadOnConflict<T>(associateId: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'conflict') invalidate(afterAssignment(associateId));
    throw error;
  }
}

/**
 * W8: changes SuperOffice-owned assignments of one user with a tested JSON Patch built from `user` as it was read
 * (`assignmentPatch`). Answers the saved user; a 409 (someone changed it meanwhile) throws `conflict` and reloads
 * that user — nothing is overwritten.
 */
export const patchUserAssignments = (
  config: ResolvedConfig,
  user: User,
  changes: readonly AssignmentChange[],
  o: WriteOptions = {},
) =>
  reloadOnConflict(
    user.AssociateId,
    () => send(config, 'PATCH', `/User/${idSegment(user.AssociateId)}`, {
      ...o,
      body: assignmentPatch(user, changes),
      schema: UserSchema,
      invalidates: afterAssignment(user.AssociateId),
    }),
  );

/** W9: assigns third-party licences (`moduleNames` of `ownerName`) to one user; answers that owner's links after it. */
export const assignThirdPartyLicences = (
  config: ResolvedConfig,
  ownerName: string,
  associateId: number,
  moduleNames: readonly string[],
  o: WriteOptions = {},
) =>
  reloadOnConflict(
    associateId,
    () => send(config, 'PUT', `/License/${seg(ownerName)}/${idSegment(associateId)}`, {
      ...o,
      body: moduleNames,
      schema: ModuleLicenseLinksSchema,
      invalidates: afterAssignment(associateId),
    }),
  );

/** W9: takes third-party licences (`moduleNames` of `ownerName`) from one user; answers that owner's links after it. */
export const unassignThirdPartyLicences = (
  config: ResolvedConfig,
  ownerName: string,
  associateId: number,
  moduleNames: readonly string[],
  o: WriteOptions = {},
) =>
  reloadOnConflict(
    associateId,
    () => send(config, 'DELETE', `/License/${seg(ownerName)}/${idSegment(associateId)}`, {
      ...o,
      body: moduleNames,
      schema: ModuleLicenseLinksSchema,
      invalidates: afterAssignment(associateId),
    }),
  );

/** W10: asks a running job to stop (only where its `CancellationBehaviour` allows it); `true` = stopping. */
export const stopBatchJob = async (config: ResolvedConfig, id: number, o: WriteOptions = {}) =>
  send(config, 'POST', '/Agents/Batch/StopBatchJob', {
    ...o,
    body: { Id: Number(idSegment(id)) },
    schema: StopBatchJobSchema,
    invalidates: ['jobs'],
  });
