/**
 * msw handlers for every endpoint of backend-contract.md (E1–E9), answering with the data of `data.ts` in the
 * current scenario. The same handlers serve the browser tests, Storybook, the demo page and `npm run mock-api`.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler, PathParams } from 'msw';
import {
  batchTasks,
  currentPrincipal,
  databaseInfo,
  internalUsers,
  licenseInfo,
  localeFrom,
  meteredServices,
  monthIndex,
  moduleLicenseOf,
  otherUsers,
  systemEvents,
  userLicenses,
  type ArchiveAnswerRow,
  type ArchiveRow,
  type Locale,
  type RowSource,
} from './data.js';
import { getScenario, type Scenario } from './scenarios.js';
import { sortRows, FilterSyntaxError, parseFilter, parseOrderBy, type OrderBy } from './odata.js';
import { followScenario } from './state.js';
import { licenceWriteHandlers } from './licence-writes.js';
import { writeHandlers } from './writes.js';

/** What a resolver gets: the request URL, path parameters, scenario, the request's language and the time. */
type Context = { url: URL; params: PathParams; scenario: Scenario; locale: Locale; now: Date };

/** A SuperOffice error answer: `{ Error, ErrorType, ErrorMessage, ErrorSource }`. */
export function errorResponse(status: number, type: string, message: string): Response {
  return HttpResponse.json({ Error: true, ErrorType: type, ErrorMessage: message, ErrorSource: 'so-licence-kit mock' }, { status });
}

/** What a proxy in front of the API might answer instead of JSON. */
const PROXY_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>' +
  '<p>The proxy server received an invalid response from an upstream server.</p></body></html>';

/**
 * The answer a scenario gives instead of data, if any. `slow` waits 3 s and then answers normally; `onsite` has no
 * PROPOSED endpoints.
 */
async function scenarioFailure(scenario: Scenario, proposed: boolean): Promise<Response | undefined> {
  switch (scenario) {
    case 'forbidden':
      return errorResponse(403, 'Forbidden', 'The current principal does not have access to this information.');
    case 'server-error':
      return errorResponse(500, 'Exception', 'An unexpected error occurred on the server. Reference: 7f3a9c21.');
    case 'malformed':
      return new HttpResponse(PROXY_ERROR_PAGE, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    case 'slow':
      await delay(3000);
      return undefined;
    case 'onsite':
      return proposed ? errorResponse(404, 'NotFound', 'This endpoint is not available on this server.') : undefined;
    default:
      return undefined;
  }
}

const DEFAULT_TOP = 200;
const MAX_TOP = 1000;
const int = (value: string | null, fallback: number) => {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** Rows of a source after a `$filter` and `$orderBy`, kept for the next pages of the same query (small LRU). */
const queried = new Map<string, readonly ArchiveRow[]>();
const QUERY_CACHE = 8;

/**
 * Every row of a source, made once per `key` (the last few kept, so the user lists and the events do not push each
 * other out): each new query of the same rows only filters and sorts.
 */
const made = new Map<string, readonly ArchiveRow[]>();
const MADE_KEPT = 4;
function materialized(source: RowSource): ArchiveRow[] {
  const hit = source.key ? made.get(source.key) : undefined;
  if (hit) return [...hit];
  const rows = Array.from({ length: source.count }, (_, i) => source.at(i));
  if (source.key) {
    made.set(source.key, rows);
    if (made.size > MADE_KEPT) made.delete(made.keys().next().value!);
  }
  return [...rows];
}

function query(source: RowSource, filter: string, order: OrderBy | 'reverse' | 'none', orderText: string): readonly ArchiveRow[] {
  const key = source.key && `${source.key}|${filter}|${orderText}`;
  const hit = key ? queried.get(key) : undefined;
  if (hit) {
    queried.delete(key!);
    queried.set(key!, hit);
    return hit;
  }
  const test = filter ? parseFilter(filter) : undefined;
  let rows = materialized(source);
  if (test) rows = rows.filter(test);
  // Rows equal by `order` keep the source's own order (newest first for events).
  if (order === 'reverse') rows.reverse();
  else if (order !== 'none') rows = sortRows(rows, order);
  if (key) {
    queried.set(key, rows);
    if (queried.size > QUERY_CACHE) queried.delete(queried.keys().next().value!);
  }
  return rows;
}

/**
 * One page of an OData archive, as SuperOffice's "slim" answer. Honours `$top`, `$skip`, `$select` (plus
 * `PrimaryKey` and `EntityName`), `$jsonSafe=true` (every character of a column name other than a letter, digit or
 * `_` becomes `_`: `registered_associate_id/assocName` → `registered_associate_id_assocName`, `superoffice_ten-sales`
 * → `superoffice_ten_sales`), `$inlineCount=allpages` (`odata.count`, the total, as a string like OData v3),
 * `$filter` in SuperOffice's restriction syntax (`odata.ts`: `eq`/`is`/`ne`, `contains`, `begins`, `in`/`oneOf`,
 * `and`/`or`, brackets; 400 for what it cannot read) and `$orderBy` on any selected column, either direction, several
 * columns comma-separated. The source's own order needs no sorting; other orders and filters are computed once per
 * query and kept for its next pages. `PrimaryKey` is a string, as in every real archive answer. `odata.nextLink` is
 * the absolute URL of the next page, or null.
 */
function odataPage(url: URL, source: RowSource): Response {
  const q = url.searchParams;
  const top = Math.min(int(q.get('$top'), DEFAULT_TOP), MAX_TOP);
  const skip = int(q.get('$skip'), 0);
  const jsonSafe = q.get('$jsonSafe')?.toLowerCase() === 'true';
  const inlineCount = [...q].some(([k, v]) => k.toLowerCase() === '$inlinecount' && v.toLowerCase() === 'allpages');
  const select = q.get('$select')?.split(',').map((c) => c.trim()).filter(Boolean);
  const orderText = (q.get('$orderBy') ?? q.get('$orderby') ?? '').trim();
  const filter = (q.get('$filter') ?? '').trim();

  let rows: readonly ArchiveRow[] | undefined;
  let reversed = false;
  try {
    const order = parseOrderBy(orderText);
    const natural = !order.length || (order.length === 1 && order[0].column === source.order?.column);
    reversed = natural && !!order.length && order[0].desc !== source.order?.desc;
    if (filter || !natural) rows = query(source, filter, natural ? (reversed ? 'reverse' : 'none') : order, orderText);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    return errorResponse(400, 'ArgumentException', `The query could not be read: ${error.message}`);
  }
  const at = (i: number) => (rows ? rows[i] : source.at(reversed ? source.count - 1 - i : i));
  const count = rows ? rows.length : source.count;
  const end = Math.min(skip + top, count);
  const value: Record<string, unknown>[] = [];
  for (let i = skip; i < end; i++) value.push(project(at(i), select, jsonSafe));
  const next = new URL(url);
  next.searchParams.set('$skip', String(end));
  next.searchParams.set('$top', String(top));
  next.search = next.search.replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%2F/gi, '/'); // as SuperOffice writes it
  return HttpResponse.json({
    'odata.metadata': `${url.origin}${url.pathname.replace(/\/api\/v1\/.*$/i, '/api/v1')}/$metadata`,
    ...(inlineCount ? { 'odata.count': String(count) } : {}),
    'odata.nextLink': top > 0 && end < count ? next.href : null,
    value,
  });
}

function project(row: ArchiveRow, select: string[] | undefined, jsonSafe: boolean): ArchiveAnswerRow {
  const out: ArchiveAnswerRow = { PrimaryKey: String(row.PrimaryKey), EntityName: row.EntityName };
  for (const column of select ?? Object.keys(row)) {
    if (column in row && column !== 'PrimaryKey' && column !== 'EntityName') {
      out[jsonSafe ? column.replace(/[^A-Za-z0-9_]/g, '_') : column] = row[column];
    }
  }
  return out;
}

/** E5: `from`/`to` as `YYYY-MM`; the last twelve months when left out. */
function meteredAnswer({ url, scenario, locale, now }: Context): Response {
  const [from, to] = [url.searchParams.get('from') ?? undefined, url.searchParams.get('to') ?? undefined];
  const [a, b] = [from === undefined ? 0 : monthIndex(from), to === undefined ? Infinity : monthIndex(to)];
  if (a === undefined || b === undefined || a > b) {
    return errorResponse(400, 'ArgumentException', `Expected from <= to, both as YYYY-MM; got from=${from ?? ''}, to=${to ?? ''}.`);
  }
  return HttpResponse.json(meteredServices(from, to, scenario, locale, now));
}

/** 200 with `body`, or 404 with an error body when there is none. */
const found = (body: object | undefined, what: string) => (body ? HttpResponse.json(body) : errorResponse(404, 'NotFound', `${what} was not found.`));

/**
 * The mock API. `scenario` is a fixed scenario or a function asked on every request (default: the module-wide
 * scenario of `scenarios.ts`, switched with `setScenario`).
 */
export function createHandlers(scenario: Scenario | (() => Scenario) = getScenario): HttpHandler[] {
  const current = typeof scenario === 'function' ? scenario : () => scenario;

  const get = (path: string, resolve: (ctx: Context) => Response, { proposed = false } = {}) =>
    http.get(`*/api/v1${path}`, async ({ request, params }) => {
      const s = current();
      followScenario(s);
      const failure = await scenarioFailure(s, proposed);
      if (failure) return failure;
      const locale = localeFrom(request.headers.get('Accept-Language'));
      return resolve({ url: new URL(request.url), params, scenario: s, locale, now: new Date() });
    });

  return [
    // W1–W7 (licence-writes.ts); W6 before /License/:ownerName/:moduleName, which would match it too.
    ...licenceWriteHandlers(current, (s) => scenarioFailure(s, false), errorResponse),
    get('/License', ({ scenario, locale, now }) => HttpResponse.json(licenseInfo(scenario, locale, now))),
    // Before /License/:ownerName/:moduleName, which would match it too.
    get('/License/User/:associateId', ({ params, scenario, locale }) => {
      const id = Number(params.associateId);
      if (!Number.isInteger(id)) return errorResponse(400, 'ArgumentException', 'AssociateId must be a number.');
      return found(userLicenses(id, scenario, locale), `Associate ${id}`);
    }),
    get('/License/:ownerName/:moduleName', ({ params, scenario, locale }) => {
      const [owner, module] = [String(params.ownerName), String(params.moduleName)];
      return found(moduleLicenseOf(owner, module, scenario, locale), `Module licence ${owner}/${module}`);
    }),
    get('/User/currentPrincipal', ({ scenario, locale, now }) => HttpResponse.json(currentPrincipal(scenario, locale, now))),
    get('/SystemInfo/Database', ({ scenario, now }) => HttpResponse.json(databaseInfo(scenario, now)), { proposed: true }),
    get('/MeteredServices', meteredAnswer, { proposed: true }),
    get('/SystemEvent', ({ url, scenario, now }) => odataPage(url, systemEvents(scenario, now))),
    get('/BatchTask/Started', ({ scenario, locale, now }) => HttpResponse.json(batchTasks(scenario, now, locale))),
    get('/Archive/InternalUsers', ({ url, scenario }) => odataPage(url, internalUsers(scenario))),
    get('/Archive/OtherUsers', ({ url, scenario }) => odataPage(url, otherUsers(scenario))),
    // W10: `true` when the job runs and its CancellationBehaviour allows stopping it, else `false`.
    http.post('*/api/v1/Agents/Batch/StopBatchJob', async ({ request }) => {
      const s = current();
      const failure = await scenarioFailure(s, false);
      if (failure) return failure;
      const body = (await request.json().catch(() => null)) as { Id?: unknown } | null;
      if (typeof body?.Id !== 'number') return errorResponse(400, 'ArgumentException', 'Expected { "Id": number }.');
      const job = batchTasks(s).find((t) => t.Id === body.Id);
      return HttpResponse.json(!!job && job.CancellationBehaviour !== 'CannotCancel');
    }),
    // W8, W9 and GET /User/{id}: stateful (writes.ts, state.ts)
    ...writeHandlers(current, (s) => scenarioFailure(s, false), errorResponse),
  ];
}

/** The handlers, following `setScenario()`. */
export const handlers = createHandlers();
