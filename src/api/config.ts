import { createContext } from '@lit/context';
import { setLocale, type LocaleInput } from '../localization.js';
import { registry } from '../registry.js';

/** Returns an access token for the `Authorization: Bearer` header; asked again once after a 401. */
export type TokenProvider = () => string | Promise<string>;

/**
 * Bearer authentication: a fixed `token`, a `getToken()` the kit asks before the first request and again once after
 * a 401, or both (the token is used first). At least one of them is required.
 */
export type BearerAuth =
  | { mode: 'bearer'; token: string; getToken?: TokenProvider }
  | { mode: 'bearer'; token?: string; getToken: TokenProvider };

/** How requests authenticate. Secrets live here, never in attributes. */
export type AuthConfig = { mode: 'session' } | { mode: 'none' } | BearerAuth;

/** Everything a host can configure; every field optional. */
export interface KitConfig {
  /** Web API root including `/api/v1`. Default `/api/v1` on the page's origin. */
  apiBase?: string;
  /** Authentication mode. Default `{ mode: 'session' }`. */
  auth?: AuthConfig;
  /** A `fetch`-compatible transport owned by the host. */
  fetch?: typeof fetch;
  /** Milliseconds per request. Default 15000. */
  timeout?: number;
  /** UI locale (da, de, en, nl, nb, sv; `no`/`nn` = nb). Otherwise follows `<html lang>`. */
  locale?: LocaleInput;
  /**
   * Origins (`https://host[:port]`) that may receive the bearer token besides those set in code as `apiBase`. An
   * origin named only by an element's `api-base` attribute gets no credentials unless it is listed here.
   */
  trustedOrigins?: readonly string[];
}

/** The configuration one request is made with, after the resolution order was applied. */
export interface ResolvedConfig {
  apiBase: string;
  auth: AuthConfig;
  fetch?: typeof fetch;
  timeout: number;
  /** Origins that may receive a bearer token: the page's, those of `apiBase`s set in code, and `trustedOrigins`. */
  trustedOrigins: readonly string[];
}

export const DEFAULT_API_BASE = '/api/v1';
export const DEFAULT_TIMEOUT = 15000;
const DEFAULT_AUTH: AuthConfig = Object.freeze({ mode: 'session' });

/** Context that `<so-provider>` provides to the elements inside it. */
export const configContext = createContext<KitConfig | undefined>(Symbol.for('so-licence-kit/config'));

/** Page-wide settings, shared with other copies of this version (see registry.ts). */
const shared = registry('config', () => ({ config: {} as KitConfig, generation: 0, listeners: new Set<() => void>() }));

/** Settings applied to every element without an own attribute or an enclosing `<so-provider>`. */
export function getGlobalConfig(): Readonly<KitConfig> {
  return shared.config;
}

/** Bumped whenever the configuration changes anywhere; part of every resource's arguments. */
export function configGeneration(): number {
  return shared.generation;
}

/** Registers a listener for configuration changes; returns its removal. */
export function onConfigChange(listener: () => void): () => void {
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}

/** Tells every element that settings changed: cached answers are dropped and elements reload. */
export function notifyConfigChange(): void {
  shared.generation++;
  for (const listener of [...shared.listeners]) listener();
}

/** Replaces the page-wide settings field by field (a field set to `undefined` returns to its default). */
export function setGlobalConfig(config: KitConfig): void {
  shared.config = { ...shared.config, ...config };
  notifyConfigChange();
}

/** The origin of a URL relative to the page; `undefined` when it is not a URL. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).origin;
  } catch {
    return undefined;
  }
}

/**
 * Applies the resolution order: element → nearest provider → configure() → default. Only origins set in code
 * (`configure()`'s `apiBase` and `trustedOrigins`, a provider's `apiBase` property) are trusted with a bearer token;
 * `provided.trustedOrigins` is what the provider derived from its properties.
 */
export function resolveConfig(elementApiBase: string | undefined, provided: KitConfig | undefined): ResolvedConfig {
  const globalConfig = shared.config;
  const trusted = new Set<string>([location.origin]);
  for (const url of [globalConfig.apiBase, ...(globalConfig.trustedOrigins ?? []), ...(provided?.trustedOrigins ?? [])]) {
    const origin = url ? originOf(url) : undefined;
    if (origin) trusted.add(origin);
  }
  return {
    apiBase: elementApiBase || provided?.apiBase || globalConfig.apiBase || DEFAULT_API_BASE,
    auth: provided?.auth ?? globalConfig.auth ?? DEFAULT_AUTH,
    fetch: provided?.fetch ?? globalConfig.fetch,
    timeout: provided?.timeout ?? globalConfig.timeout ?? DEFAULT_TIMEOUT,
    trustedOrigins: [...trusted],
  };
}

/** Resolves a URL from an answer (a portrait) against the API base; `''` when there is none. */
export function resolveAgainstBase(url: string, apiBase: string): string {
  if (!url) return '';
  const base = new URL(apiBase.endsWith('/') ? apiBase : `${apiBase}/`, document.baseURI);
  return new URL(url, base).href;
}

/**
 * Sets the page-wide configuration; may run at any moment (elements already on the page reload). Fields given
 * replace earlier ones; `locale` switches the UI language like `setLocale()`.
 */
export function configure(config: KitConfig): void {
  validateConfig(config, 'configure()');
  const { locale, ...rest } = config;
  setGlobalConfig(rest);
  if (locale) void setLocale(locale);
}

const AUTH_MODES = ['session', 'bearer', 'none'];

/** One field of a configuration that cannot work, and why. */
export interface ConfigProblem {
  field: keyof KitConfig | 'config';
  message: string;
}

/**
 * What cannot work in `config`: a timeout that is not a positive finite number (Infinity, NaN, 0 or less would send
 * nothing), an `apiBase` that is not a string or URL, an unknown auth mode, bearer auth without `token` or
 * `getToken`, a `fetch` that is not a function, `trustedOrigins` that are not http(s) origins. `undefined` fields
 * are fine (they return to the default).
 */
export function configProblems(config: KitConfig): ConfigProblem[] {
  if (config === null || typeof config !== 'object') return [{ field: 'config', message: 'expects an object.' }];
  const problems: ConfigProblem[] = [];
  const add = (field: ConfigProblem['field'], message: string) => problems.push({ field, message });
  const { apiBase, auth, fetch: transport, timeout, locale, trustedOrigins } = config;
  if (apiBase !== undefined && typeof apiBase !== 'string') add('apiBase', `apiBase must be a string, not ${typeof apiBase}.`);
  else if (apiBase && !originOf(apiBase)) add('apiBase', `apiBase "${apiBase}" is not a URL.`);
  if (timeout !== undefined && !(typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0)) {
    add('timeout', `timeout must be a positive, finite number of milliseconds, not ${String(timeout)}.`);
  }
  if (transport !== undefined && typeof transport !== 'function') add('fetch', 'fetch must be a function.');
  if (locale !== undefined && typeof locale !== 'string') add('locale', 'locale must be a string.');
  if (auth !== undefined) {
    const mode = (auth as { mode?: unknown } | null)?.mode;
    if (typeof auth !== 'object' || auth === null || !AUTH_MODES.includes(mode as string)) {
      add('auth', `auth must be { mode: 'session' }, { mode: 'none' } or { mode: 'bearer', token or getToken }.`);
    } else if (auth.mode === 'bearer') {
      const { token, getToken } = auth;
      if (token !== undefined && typeof token !== 'string') add('auth', 'auth.token must be a string.');
      else if (getToken !== undefined && typeof getToken !== 'function') add('auth', 'auth.getToken must be a function.');
      else if (!token && !getToken) add('auth', 'bearer auth needs a token or a getToken function.');
    }
  }
  if (trustedOrigins !== undefined) {
    if (!Array.isArray(trustedOrigins)) add('trustedOrigins', 'trustedOrigins must be an array of origins.');
    else {
      for (const o of trustedOrigins as unknown[]) {
        if (typeof o !== 'string' || !/^https?:\/\//i.test(o) || !originOf(o)) {
          add('trustedOrigins', `trustedOrigins entry ${JSON.stringify(o)} is not an http(s) origin.`);
        }
      }
    }
  }
  return problems;
}

/** Throws a `TypeError` that names the first field of `config` that cannot work. */
export function validateConfig(config: KitConfig, where: string): void {
  const [problem] = configProblems(config);
  if (problem) throw new TypeError(`so-licence-kit ${where}: ${problem.message}`);
}
