import { createContext } from '@lit/context';
import { setLocale, type LocaleInput } from '../localization.js';

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
}

/** The configuration one request is made with, after the resolution order was applied. */
export interface ResolvedConfig {
  apiBase: string;
  auth: AuthConfig;
  fetch?: typeof fetch;
  timeout: number;
}

export const DEFAULT_API_BASE = '/api/v1';
export const DEFAULT_TIMEOUT = 15000;
const DEFAULT_AUTH: AuthConfig = Object.freeze({ mode: 'session' });

/** Context that `<so-provider>` provides to the elements inside it. */
export const configContext = createContext<KitConfig | undefined>(Symbol.for('so-licence-kit/config'));

let globalConfig: KitConfig = {};
let generation = 0;
const listeners = new Set<() => void>();

/** Settings applied to every element without an own attribute or an enclosing `<so-provider>`. */
export function getGlobalConfig(): Readonly<KitConfig> {
  return globalConfig;
}

/** Bumped whenever the configuration changes anywhere; part of every resource's arguments. */
export function configGeneration(): number {
  return generation;
}

/** Registers a listener for configuration changes; returns its removal. */
export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every element that settings changed: cached answers are dropped and elements reload. */
export function notifyConfigChange(): void {
  generation++;
  for (const listener of [...listeners]) listener();
}

/** Replaces the page-wide settings field by field (a field set to `undefined` returns to its default). */
export function setGlobalConfig(config: KitConfig): void {
  globalConfig = { ...globalConfig, ...config };
  notifyConfigChange();
}

/** Applies the resolution order: element → nearest provider → configure() → default. */
export function resolveConfig(elementApiBase: string | undefined, provided: KitConfig | undefined): ResolvedConfig {
  return {
    apiBase: elementApiBase || provided?.apiBase || globalConfig.apiBase || DEFAULT_API_BASE,
    auth: provided?.auth ?? globalConfig.auth ?? DEFAULT_AUTH,
    fetch: provided?.fetch ?? globalConfig.fetch,
    timeout: provided?.timeout ?? globalConfig.timeout ?? DEFAULT_TIMEOUT,
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
  const { locale, ...rest } = config;
  setGlobalConfig(rest);
  if (locale) void setLocale(locale);
}
