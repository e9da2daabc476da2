/** Portraits and their fallback, shared by every element that shows users. */
import { resolveAgainstBase } from '../api/config.js';

/**
 * The portrait URL an `<img>` may load: `http(s)`, relative (resolved against the API base) or a `data:image/` URL.
 * Anything else (`javascript:`, `data:text/html`, …) gives `''`: show initials instead.
 */
export function portraitUrl(url: string, apiBase: string): string {
  const trimmed = url.trim();
  if (!trimmed) return '';
  if (/^data:image\//i.test(trimmed)) return trimmed;
  let resolved: string;
  try {
    resolved = resolveAgainstBase(trimmed, apiBase);
  } catch {
    return '';
  }
  return /^https?:\/\//i.test(resolved) ? resolved : '';
}

/** Up to two initials for an avatar: of the full name's first and last word, else of the user id. */
export function initials(fullName: string, userId: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? userId];
  return letters
    .map((w) => [...w].slice(0, words.length > 1 ? 1 : 2).join(''))
    .join('')
    .toLocaleUpperCase();
}
