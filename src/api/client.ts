import * as v from 'valibot';
import { getLocale } from '../localization.js';
import { onConfigChange, type AuthConfig, type ResolvedConfig } from './config.js';
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
}

/** Answers shared by URL until refresh(), a configuration change or a locale change (the key holds the locale). */
const shared = new Map<string, Entry>();
onConfigChange(() => clearSharedAnswers());

/** Drops every shared answer; requests in flight finish for those already waiting on them. */
export function clearSharedAnswers(): void {
  shared.clear();
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
  const key = `${credentialKey(config)}|${getLocale()}|${url}`;
  let entry = options.fresh ? undefined : shared.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, waiters: 0, settled: false, promise: Promise.resolve() };
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

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function tokenOf(auth: Extract<AuthConfig, { mode: 'bearer' }>, renew: boolean): Promise<string> {
  if (auth.getToken && (renew || !auth.token)) {
    try {
      return await auth.getToken();
    } catch {
      throw new ApiError('unauthorized', 'The host could not provide an access token.');
    }
  }
  if (auth.token) return auth.token;
  throw new ApiError('unauthorized', 'Bearer authentication is configured without a token.');
}

/** Only these headers leave the kit (what a tenant's CORS settings allow). */
async function headersFor(auth: AuthConfig, renew: boolean): Promise<Headers> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': getLocale() });
  if (auth.mode === 'bearer') headers.set('Authorization', `Bearer ${await tokenOf(auth, renew)}`);
  if (auth.mode === 'session') {
    const xsrf = readCookie('XSRF-TOKEN');
    if (xsrf) headers.set('X-XSRF-TOKEN', xsrf);
  }
  return headers;
}

const credentialsFor = (auth: AuthConfig): RequestCredentials =>
  auth.mode === 'session' ? 'include' : auth.mode === 'bearer' ? 'omit' : 'same-origin';

async function perform<T>(
  config: ResolvedConfig,
  url: string,
  path: string,
  schema: v.GenericSchema<unknown, T>,
  abort: AbortSignal,
): Promise<T> {
  const timeout = AbortSignal.timeout(config.timeout);
  const signal = AbortSignal.any([abort, timeout]);
  const what = `GET ${path}`;
  const send = async (renew: boolean): Promise<Response> => {
    const init: RequestInit = {
      method: 'GET',
      headers: await headersFor(config.auth, renew),
      credentials: credentialsFor(config.auth),
      signal,
    };
    return config.fetch ? config.fetch(url, init) : fetch(url, init);
  };
  try {
    let response = await send(false);
    if (response.status === 401 && config.auth.mode === 'bearer' && config.auth.getToken) {
      response = await send(true);
    }
    const text = await response.text();
    if (!response.ok) throw httpError(response.status, what);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError('invalid-response', `${what}: the answer is not JSON.`);
    }
    const result = v.safeParse(schema, body);
    if (!result.success) {
      const issue = result.issues[0];
      const where = v.getDotPath(issue) ?? '(root)';
      throw new ApiError('invalid-response', `${what}: unexpected answer at ${where}: ${issue.expected ?? ''} expected.`);
    }
    return result.output;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (timeout.aborted) throw new ApiError('timeout', `${what}: no answer within ${config.timeout} ms.`);
    if (abort.aborted || isAbort(error)) throw new DOMException('The request was aborted.', 'AbortError');
    throw new ApiError('network', `${what}: the server could not be reached.`);
  }
}

function httpError(status: number, what: string): ApiError {
  if (status === 401) return new ApiError('unauthorized', `${what}: not signed in (401).`, status);
  if (status === 403) return new ApiError('forbidden', `${what}: access denied (403).`, status);
  return new ApiError('http', `${what}: the server answered ${status}.`, status);
}
