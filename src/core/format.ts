/**
 * Every date and number the kit shows goes through here, formatted for the current locale with `Intl`.
 * Dates are wall-clock values (the server's `YYYY-MM-DDTHH:mm:ss` without offset): they are formatted in UTC from
 * their own fields, so a viewer's time zone never shifts them.
 */
import { getLocale, msg, str } from '../localization.js';
import { isUnreadableDate, unreadableValue, type WallDate } from '../api/schemas.js';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: (locale: string) => T,
): T {
  const locale = getLocale();
  const k = `${locale}|${key}`;
  let f = cache.get(k) as T | undefined;
  if (!f) cache.set(k, (f = make(locale)));
  return f;
}

/** A wall-clock date as epoch milliseconds of the same fields in UTC. */
export function wallTime(date: WallDate): number {
  const [d, t = '00:00:00'] = date.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi, s] = t.split(':').map(Number);
  return Date.UTC(y, mo - 1, da, h, mi, s || 0);
}

/** The viewer's current wall-clock time on the same scale as `wallTime()`. */
export function wallNow(now = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
}

const DAY = 86_400_000;

/** Whole calendar days from today to `date` (negative when past). */
export function daysFromToday(date: WallDate, now = new Date()): number {
  const startOf = (ms: number) => Math.floor(ms / DAY);
  return startOf(wallTime(date)) - startOf(wallNow(now));
}

/** Shown instead of a date the server sent but the kit could not read, e.g. "Unreadable date “2027-02-30”". */
export function unreadableDateText(date: WallDate): string {
  const value = unreadableValue(date);
  return msg(str`Unreadable date “${value}”`, { id: 'format.unreadable-date' });
}

/** Shown instead of a number that cannot be true (negative where it cannot be, infinite, not a number). */
export const unreadableNumberText = (): string => msg('unreadable', { id: 'format.unreadable-number' });

/** `12 March 2027` style; `''` for no date; a visible "Unreadable date …" for a date that could not be read. */
export function formatDate(date: WallDate | null | undefined): string {
  if (!date) return '';
  if (isUnreadableDate(date)) return unreadableDateText(date);
  return cached('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' })).format(wallTime(date));
}

/** Date and time, short; `''` for no date; a visible "Unreadable date …" for a date that could not be read. */
export function formatDateTime(date: WallDate | null | undefined): string {
  if (!date) return '';
  if (isUnreadableDate(date)) return unreadableDateText(date);
  return cached(
    'datetime',
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  ).format(wallTime(date));
}

/** Machine-readable value for `<time datetime>`. */
export const isoDate = (date: WallDate): string => date;

/** A month `YYYY-MM` as "Mar 2027" (or "March 2027" with `long`). */
export function formatMonth(month: string, long = false): string {
  const [y, m] = month.split('-').map(Number);
  return cached(long ? 'month-long' : 'month', (l) =>
    new Intl.DateTimeFormat(l, { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(Date.UTC(y, m - 1, 1));
}

/** A month `YYYY-MM` by its short name alone ("Mar"), for chart axes that show the year apart. */
export function formatMonthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return cached('month-name', (l) => new Intl.DateTimeFormat(l, { month: 'short', timeZone: 'UTC' })).format(
    Date.UTC(y, m - 1, 1),
  );
}

/** "in 20 days", "3 days ago", "today", "tomorrow"; `''` for a date that could not be read. */
export function formatRelativeDays(date: WallDate, now = new Date()): string {
  if (isUnreadableDate(date)) return '';
  const days = daysFromToday(date, now);
  const text = cached('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(days, 'day');
  // Norwegian CLDR counts "døgn" (24-hour periods): "om 365 døgn". Norwegians write "om 365 dager" for dates.
  return getLocale() === 'nb' ? text.replace('døgn', Math.abs(days) === 1 ? 'dag' : 'dager') : text;
}

/** A grouped integer or decimal; "unreadable" for `NaN` and infinities (never "∞" or "NaN"). */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  if (!Number.isFinite(value)) return unreadableNumberText();
  return cached(`number-${maximumFractionDigits}`, (l) => new Intl.NumberFormat(l, { maximumFractionDigits })).format(
    value,
  );
}

/** A share 0…1 as a percentage; "unreadable" for a negative or non-finite share (never "−125 %", "∞", "NaN %"). */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share) || share < 0) return unreadableNumberText();
  return cached('percent', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(
    share,
  );
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/** Bytes in the largest fitting unit (1024-based), e.g. "4.2 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return unreadableNumberText();
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return cached(
    `bytes-${unit}-${digits}`,
    (l) =>
      new Intl.NumberFormat(l, {
        style: 'unit',
        unit: BYTE_UNITS[unit],
        unitDisplay: 'short',
        maximumFractionDigits: digits,
      }),
  ).format(Math.sign(bytes) * value);
}

/** A number safe for an SVG attribute: finite and within `[min, max]` (`min` for `NaN`). */
export function svgNumber(value: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : value === Infinity ? max : min;
}
