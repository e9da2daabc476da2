import { VERSION } from './version.js';

/**
 * One registry per kit version on `globalThis`, under `Symbol.for('so-licence-kit@<version>/<name>')`. A second copy
 * of the same version (the kit loaded from another URL by another micro-frontend) finds the first copy's state here,
 * so `configure()` and `setLocale()` of either copy reach every element on the page. (A different version keeps
 * its own state; the guarded `define()` warns about it.)
 */
export function registry<T>(name: string, create: () => T): T {
  const key = Symbol.for(`so-licence-kit@${VERSION}/${name}`);
  const scope = globalThis as unknown as Record<symbol, T | undefined>;
  return (scope[key] ??= create());
}
