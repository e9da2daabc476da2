import { expect } from '@open-wc/testing';
import { resolveConfig, type ResolvedConfig } from '../../src/api/config.js';
import { ApiError } from '../../src/api/errors.js';

/** The default configuration with some fields changed. */
export const cfg = (over: Partial<ResolvedConfig> = {}): ResolvedConfig => ({ ...resolveConfig(undefined, undefined), ...over });

/** The `ApiError` that `p` fails with; the test fails when `p` succeeds or throws something else. */
export async function failWith(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a failure');
}

/** Records `window.open` calls instead of opening windows, until `restore()`. */
export function stubWindowOpen(): { opened: unknown[][]; restore: () => void } {
  const opened: unknown[][] = [];
  const original = window.open;
  window.open = (...args: unknown[]) => {
    opened.push(args);
    return null;
  };
  return { opened, restore: () => (window.open = original) };
}
