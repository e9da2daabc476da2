import * as v from 'valibot';
import { getLocale } from '../localization.js';
import { onConfigChange, originOf, type BearerAuth, type ResolvedConfig } from './config.js';
import { ApiError, isAbort } from './errors.js';

/** Options of one GET. */
export interface RequestOptions<T> {
  /** Validates the answer before anyone sees it. */
  schema: v.GenericSchema<unknown, T>;
  /** Aborts this caller's interest; the shared request is aborted when no caller is left. */
  signal?: AbortSignal;
  /** Bypass the shared answer (what `refresh()` and *Try again* do). */
  fresh?: boolean;
  /** Query parameters, appended in order. */
  query?: Record<string, string | number>;
}

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  tags: readonly string[];
}

/** Answers shared by URL until refresh(), a configuration change or a locale change (the key holds the locale). */
const shared = new Map<string, Entry>();
onConfigChange(() => clearSharedAnswers());
/**
 * The locale of the shared answers. Another locale drops them all: answers kept for the old locale would be served
 * again, hours old, when the user switches back (and are memory no one uses meanwhile).
 */
let sharedLocale: string | undefined;

/** Drops every shared answer; requests in flight finish for those already waiting on them. */
export function clearSharedAnswers(): void {
  shared.clear();
}

/**
 * What a shared answer is about, so a write can drop exactly the answers it makes stale:
 * `licences` (E1, E2, E9 and the shop URL: counts and assignments), `users` (E8 archive rows), `user:{id}` (W8's
 * user and E9 of that user), `principal` (E3), `database` (E4), `jobs` (E7).
 */
export function tagsOf(path: string): string[] {
  const user = /^\/(?:License\/User|User)\/(\d+)$/.exec(path);
  if (user) return path.startsWith('/License') ? ['licences', `user:${user[1]}`] : [`user:${user[1]}`];
  if (path === '/User/currentPrincipal') return ['principal'];
  if (path.startsWith('/License')) return ['licences'];
  if (path.startsWith('/Archive/')) return ['users'];
  if (path.startsWith('/SystemInfo/')) return ['database'];
  if (path.startsWith('/BatchTask/')) return ['jobs'];
  return [];
}

const invalidationListeners = new Set<(tags: ReadonlySet<string>) => void>();

/** Registers a listener for `invalidate()`; returns its removal. */
export function onInvalidate(listener: (tags: ReadonlySet<string>) => void): () => void {
  invalidationListeners.add(listener);
  return () => invalidationListeners.delete(listener);
}

/**
 * Drops the shared answers that carry any of `tags` and tells their readers (resources reload quietly, without a
 * loading state). Called by `send()` after a successful write.
 */
export function invalidate(tags: readonly string[]): void {
  if (!tags.length) return;
  const set = new Set(tags);
  for (const [key, entry] of shared) if (entry.tags.some((t) => set.has(t))) shared.delete(key);
  for (const listener of [...invalidationListeners]) listener(set);
}

/** Tags of the requests made under one signal (a resource's run), so the run knows which writes concern it. */
const tracked = new WeakMap<AbortSignal, Set<string>>();

/** The tags of every request made with `signal` so far. */
export function tagsRequestedWith(signal: AbortSignal): ReadonlySet<string> {
  return tracked.get(signal) ?? new Set();
}

function track(signal: AbortSignal | undefined, tags: readonly string[]): void {
  if (!signal || !tags.length) return;
  let set = tracked.get(signal);
  if (!set) tracked.set(signal, (set = new Set()));
  for (const t of tags) set.add(t);
}

const authIds = new WeakMap<object, number>();
let nextAuthId = 0;
/** Different credentials must never share an answer. */
function credentialKey(config: ResolvedConfig): string {
  const id = (o: object | undefined) => {
    if (!o) return 0;
    if (!authIds.has(o)) authIds.set(o, ++nextAuthId);
    return authIds.get(o);
  };
  return `${config.auth.mode}:${id(config.auth)}:${id(config.fetch)}`;
}

/** Joins the API base, a path and a query; the base may be relative to the page. */
export function buildUrl(apiBase: string, path: string, query?: Record<string, string | number>): string {
  const base = apiBase.replace(/\/+$/, '');
  const qs = query
    ? Object.entries(query)
        .map(([k, val]) => `${encodeURIComponent(k).replace(/%24/g, '$')}=${encodeURIComponent(String(val)).replace(/%2C/gi, ',').replace(/%2F/gi, '/')}`)
        .join('&')
    : '';
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * GET `path` below the configured API base, validated by `schema`. Concurrent and later callers of the same URL
 * (with the same credentials and locale) share one request and its answer.
 */
export function request<T>(config: ResolvedConfig, path: string, options: RequestOptions<T>): Promise<T> {
  const url = buildUrl(config.apiBase, path, options.query);
  const locale = getLocale();
  if (locale !== sharedLocale) {
    clearSharedAnswers();
    sharedLocale = locale;
  }
  const key = `${credentialKey(config)}|${locale}|${url}`;
  const tags = tagsOf(path);
  track(options.signal, tags);
  let entry = options.fresh ? undefined : shared.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, waiters: 0, settled: false, promise: Promise.resolve(), tags };
    created.promise = perform(config, url, path, options.schema, controller.signal).then(
      (value) => {
        created.settled = true;
        return value;
      },
      (error: unknown) => {
        created.settled = true;
        if (shared.get(key) === created) shared.delete(key);
        throw error;
      },
    );
    shared.set(key, created);
    entry = created;
  }
  return join(entry, key, options.signal) as Promise<T>;
}

function join(entry: Entry, key: string, signal: AbortSignal | undefined): Promise<unknown> {
  entry.waiters++;
  if (!signal) return entry.promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      entry.waiters--;
      if (!entry.settled && entry.waiters === 0) {
        entry.controller.abort();
        if (shared.get(key) === entry) shared.delete(key);
      }
      reject(new DOMException('The request was aborted.', 'AbortError'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The value of a cookie; a value that is not valid percent-encoding is used as it is (never throws). */
export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k !== name) continue;
    const raw = rest.join('=');
    try {
      const decoded = decodeURIComponent(raw);
      // A header value must be Latin-1 without controls, or Headers throws.
      return /^[\x20-\x7e\x80-\xff]*$/.test(decoded) ? decoded : raw;
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Per bearer configuration: the `getToken()` call in flight, and how many renewals after a 401 there were. */
interface TokenState {
  pending?: Promise<string>;
  renewals: number;
  renewed?: string;
}
const tokenStates = new WeakMap<BearerAuth, TokenState>();

const stateOf = (auth: BearerAuth): TokenState => {
  let state = tokenStates.get(auth);
  if (!state) tokenStates.set(auth, (state = { renewals: 0 }));
  return state;
};

/** Calls the host's `getToken()`, at most once at a time per configuration; no token is an `unauthorized` error. */
function askHost(auth: BearerAuth, state: TokenState): Promise<string> {
  state.pending ??= (async () => {
    let token: unknown;
    try {
      token = await auth.getToken!();
    } catch {
      throw new ApiError('unauthorized', 'The host could not provide an access token (getToken failed).');
    } finally {
      state.pending = undefined;
    }
    if (typeof token !== 'string' || !token.trim()) {
      throw new ApiError('unauthorized', 'The host provided no access token (getToken returned none).');
    }
    return token;
  })();
  return state.pending;
}

/** A token for a first attempt; `renewal` says which renewal it belongs to. */
async function tokenOf(auth: BearerAuth): Promise<{ token: string; renewal: number }> {
  const state = stateOf(auth);
  const renewal = state.renewals;
  // A fixed token that met a 401 is superseded by the renewed one.
  if (state.renewed && auth.token) return { token: state.renewed, renewal };
  if (auth.token) return { token: auth.token, renewal };
  if (auth.getToken) return { token: await askHost(auth, state), renewal };
  throw new ApiError('unauthorized', 'Bearer authentication is configured without a token.');
}

/**
 * A fresh token after a 401: the first request to see a 401 asks the host; the others that were sent with the same
 * token wait for that one answer (concurrent 401s call `getToken()` once).
 */
async function renewedToken(auth: BearerAuth, sentWith: number): Promise<string> {
  const state = stateOf(auth);
  if (state.renewals === sentWith) {
    state.renewals++;
    state.renewed = undefined;
    const token = await askHost(auth, state);
    if (state.renewals === sentWith + 1) state.renewed = token;
    return token;
  }
  return state.renewed ?? (await askHost(auth, state));
}

/** Rejects when `signal` aborts, so a host's `getToken()` that never settles is bounded by the timeout. */
function bounded<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Why no credentials go with a request to `url`: session credentials only go to the page's own origin, a bearer
 * token only to an origin set in code (`configure()`, a `<so-provider>` property, `trustedOrigins`). `undefined`
 * when they may go.
 */
export function withheldFrom(config: ResolvedConfig, url: string): string | undefined {
  const origin = originOf(url) ?? url;
  if (config.auth.mode === 'session') return origin === location.origin ? undefined : origin;
  if (config.auth.mode === 'bearer') return config.trustedOrigins.includes(origin) ? undefined : origin;
  return undefined;
}

/** What one attempt sends besides method and body: headers (only these leave the kit) and the credentials mode. */
interface Authorized {
  headers: Headers;
  credentials: RequestCredentials;
  /** The renewal the bearer token belongs to. */
  renewal: number;
}

/**
 * The one place where credentials are attached, for reads and writes alike. `renewAfter` is the renewal of the
 * token that just met a 401.
 */
async function authorize(config: ResolvedConfig, url: string, signal: AbortSignal, renewAfter?: number): Promise<Authorized> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': getLocale() });
  const { auth } = config;
  if (withheldFrom(config, url)) return { headers, credentials: 'omit', renewal: 0 };
  if (auth.mode === 'bearer') {
    const { token, renewal } =
      renewAfter === undefined
        ? await bounded(tokenOf(auth), signal)
        : { token: await bounded(renewedToken(auth, renewAfter), signal), renewal: renewAfter + 1 };
    headers.set('Authorization', `Bearer ${token}`);
    return { headers, credentials: 'omit', renewal };
  }
  if (auth.mode === 'session') {
    const xsrf = readCookie('XSRF-TOKEN');
    if (xsrf) headers.set('X-XSRF-TOKEN', xsrf);
    return { headers, credentials: 'include', renewal: 0 };
  }
  return { headers, credentials: 'same-origin', renewal: 0 };
}

/** Origins already warned about in the console. */
const warnedOrigins = new Set<string>();

/** A read's or a write's answer: validated, plus the JSON text exactly as it arrived (a signed licence is sent back as is). */
interface Answer<T> {
  value: T;
  text: string;
}

async function perform<T>(
  config: ResolvedConfig,
  url: string,
  path: string,
  schema: v.GenericSchema<unknown, T>,
  abort: AbortSignal,
): Promise<T> {
  return (await exchange(config, 'GET', url, path, schema, abort)).value;
}

async function exchange<T>(
  config: ResolvedConfig,
  method: WriteMethod | 'GET',
  url: string,
  path: string,
  schema: v.GenericSchema<unknown, T>,
  abort: AbortSignal,
  body?: string,
): Promise<Answer<T>> {
  const timeout = AbortSignal.timeout(config.timeout);
  const signal = AbortSignal.any([abort, timeout]);
  const what = `${method} ${path}`;
  const withheld = withheldFrom(config, url);
  if (withheld && !warnedOrigins.has(withheld)) {
    warnedOrigins.add(withheld);
    console.warn(
      `so-licence-kit: no credentials are sent to ${withheld}. Session credentials only go to the page's own origin; ` +
        'a bearer token only to an origin set in code (configure(), <so-provider> properties) or listed in configure({ trustedOrigins }).',
    );
  }
  const attempt = async (renewAfter?: number): Promise<{ response: Response; renewal: number }> => {
    const { headers, credentials, renewal } = await authorize(config, url, signal, renewAfter);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const init: RequestInit = { method, headers, credentials, signal };
    if (body !== undefined) init.body = body;
    return { response: await (config.fetch ? config.fetch(url, init) : fetch(url, init)), renewal };
  };
  try {
    const first = await attempt();
    let response = first.response;
    // A 401 never reached the server's logic: with getToken, one resend with a fresh token (reads and writes alike).
    if (response.status === 401 && !withheld && config.auth.mode === 'bearer' && config.auth.getToken) {
      ({ response } = await attempt(first.renewal));
    }
    const text = await response.text();
    // A write's refusal keeps the server's own sentence (`ErrorMessage`), shown to the administrator as text.
    if (!response.ok) {
      throw httpError(response.status, what, response.headers, method === 'GET' ? undefined : serverMessage(text));
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError('invalid-response', `${what}: the answer is not JSON.`);
    }
    const result = v.safeParse(schema, json);
    if (!result.success) {
      const issue = result.issues[0];
      const where = v.getDotPath(issue) ?? '(root)';
      throw new ApiError('invalid-response', `${what}: unexpected answer at ${where}: ${issue.expected ?? ''} expected.`);
    }
    return { value: result.output, text };
  } catch (error) {
    const failure = toFailure(error, what, config, timeout, abort);
    if (withheld && failure instanceof ApiError) failure.withheldFrom = withheld;
    throw failure;
  }
}

function toFailure(error: unknown, what: string, config: ResolvedConfig, timeout: AbortSignal, abort: AbortSignal): unknown {
  if (error instanceof ApiError) return error;
  if (timeout.aborted) return new ApiError('timeout', `${what}: no answer within ${config.timeout} ms.`);
  if (abort.aborted || isAbort(error)) return new DOMException('The request was aborted.', 'AbortError');
  return new ApiError('network', `${what}: the server could not be reached.`);
}

function httpError(status: number, what: string, headers: Headers, reason?: string): ApiError {
  if (status === 401) return new ApiError('unauthorized', `${what}: not signed in (401).`, status);
  if (status === 403) return new ApiError('forbidden', `${what}: access denied (403).`, status);
  if (status === 409) return new ApiError('conflict', `${what}: someone else changed the data meanwhile (409).`, status);
  // Only a refusal's sentence (4xx) is kept: a 5xx message may carry a server's stack trace.
  const error = new ApiError('http', `${what}: the server answered ${status}.`, status, status < 500 ? reason : undefined);
  error.retryAfter = retryAfterMs(headers.get('Retry-After'));
  return error;
}

/** The `ErrorMessage` of SuperOffice's error body, if the text is one (plain text, at most 500 characters). */
function serverMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { ErrorMessage?: unknown };
    return typeof body?.ErrorMessage === 'string' && body.ErrorMessage.trim() ? body.ErrorMessage.trim().slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds from now; `undefined` when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The methods of a write. */
export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Options of one write. */
export interface SendOptions<T> {
  /** Validates the answer. */
  schema: v.GenericSchema<unknown, T>;
  /** The JSON body: a value to serialize, or `{ text }` sent exactly as given (a signed licence). */
  body?: unknown;
  /** Query parameters, appended in order. */
  query?: Record<string, string | number>;
  /** Aborts the wait for the answer (the server may still have done the work). */
  signal?: AbortSignal;
  /**
   * Tags of the shared answers this write makes stale (see `tagsOf`); dropped and reloaded after a successful
   * answer. A function decides from the answer (e.g. only when `Succeeded` is true).
   */
  invalidates?: readonly string[] | ((value: T) => readonly string[]);
}

/** A JSON body given as text, sent exactly as it is. */
export interface RawJson {
  text: string;
}

const isRawJson = (body: unknown): body is RawJson =>
  typeof body === 'object' && body !== null && Object.keys(body).length === 1 && typeof (body as RawJson).text === 'string';

/**
 * One write (POST, PATCH, PUT, DELETE) below the configured API base, with the same auth, headers and timeout as
 * reads, plus `Content-Type: application/json`. Never shared, never retried (only a 401 with `getToken` is resent
 * once, with a fresh token: that request never reached the server's logic). After a successful answer the shared
 * answers it makes stale are dropped and their readers reload quietly.
 */
export async function send<T>(config: ResolvedConfig, method: WriteMethod, path: string, options: SendOptions<T>): Promise<T> {
  return (await sendForText(config, method, path, options)).value;
}

/** `send()`, also giving the answer's JSON text exactly as it arrived (for a signed licence that must go back unchanged). */
export async function sendForText<T>(
  config: ResolvedConfig,
  method: WriteMethod,
  path: string,
  options: SendOptions<T>,
): Promise<{ value: T; text: string }> {
  const url = buildUrl(config.apiBase, path, options.query);
  const body =
    options.body === undefined ? undefined : isRawJson(options.body) ? options.body.text : JSON.stringify(options.body);
  const answer = await exchange(config, method, url, path, options.schema, options.signal ?? new AbortController().signal, body);
  const tags = typeof options.invalidates === 'function' ? options.invalidates(answer.value) : options.invalidates;
  if (tags?.length) invalidate(tags);
  return answer;
}
