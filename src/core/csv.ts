/**
 * CSV export as spreadsheets read it: RFC 4180 quoting and CRLF line ends, the separator of the viewer's locale (`;`
 * where the decimal comma is used, as Excel expects there), a byte order mark so Excel reads UTF-8, numbers as numbers
 * (an empty cell where there is none), and text that a spreadsheet would run as a formula neutralized.
 */
import { getLocale } from '../localization.js';

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/** `;` for locales that write a decimal comma (da, de, nl, nb, sv), `,` otherwise (en). */
export function csvSeparator(locale: string = getLocale()): ',' | ';' {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

/**
 * RFC 4180 text of `rows`: fields with the separator, a quote or a line break in quotes; text starting with `=`, `+`,
 * `-`, `@`, tab or CR prefixed with `'`; numbers without grouping, with a decimal comma where `;` separates.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator: ',' | ';' = ','): string {
  const field = (value: CsvCell) => {
    if (value === null) return '';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return '';
      const text = String(value);
      return separator === ';' ? text.replace('.', ',') : text;
    }
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(separator)).join('\r\n') + '\r\n';
}

/** A file name from its parts and the export date: `licences-superoffice-2394857611-2026-12-01.csv`. */
export function csvFileName(parts: readonly string[], now = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const safe = parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[æøœß]/g, (c) => ({ æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss' })[c] ?? c)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean);
  return `${[...safe, day].join('-')}.csv`;
}

/** Saves `rows` as a CSV file named `fileName` (through a temporary link inside `root`), in the locale's dialect. */
export function downloadCsv(root: Node, fileName: string, rows: readonly (readonly CsvCell[])[]): void {
  const csv = toCsv(rows, csvSeparator());
  // The byte order mark makes Excel read the file as UTF-8 (æ, ø, å, ä, ö, ü).
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
