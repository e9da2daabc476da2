/**
 * Reading a paged archive query (E6, E8) to its end or to a bound — the one loop behind *Download CSV*, *Select all N
 * matching* and the bulk dialog's check of who holds a licence. Pages of `pageSize` rows (`$top`/`$skip`), each asked
 * fresh; a row that moved between two pages is kept once (by `key`); it stops at the bound, at the last page, or at a
 * page that brings no new rows whatever its link says, so a server that repeats itself cannot make it loop. Aborts
 * with `signal`; never retries.
 */
import type { Page } from '../api/endpoints.js';
import type { ArchivePage } from '../api/schemas.js';

/** Rows per request when a query is read to its end (SuperOffice advises at most 1,000 archive rows at a time). */
export const READ_PAGE = 1000;

export interface ReadPagesOptions<Row> {
  signal: AbortSignal;
  /** The most rows read (every scan is bounded); a server that sends more than asked is cut to it. */
  limit: number;
  /** A row's identity. */
  key: (row: Row) => unknown;
  /** The rows of a page to keep (checked here too, in case a server ignores a filter); default: all. */
  keep?: (rows: readonly Row[]) => readonly Row[];
  /** After each page: rows read so far (at most `limit`) and the server's count (`odata.count`) when it gave one. */
  onProgress?: (read: number, total: number | undefined) => void;
  /** Rows per request (default `READ_PAGE`). */
  pageSize?: number;
}

/** What a read found: the rows kept, how many were read (before `keep`), and the server's count if it gave one. */
export interface PagesRead<Row> {
  rows: Row[];
  read: number;
  total?: number;
}

/** Reads the pages of one query through `fetchPage` (which must ask the server, not a shared answer). */
export async function readPages<Row>(
  fetchPage: (page: Page, signal: AbortSignal) => Promise<ArchivePage<Row>>,
  o: ReadPagesOptions<Row>,
): Promise<PagesRead<Row>> {
  const size = o.pageSize ?? READ_PAGE;
  const rows: Row[] = [];
  const seen = new Set<unknown>();
  let read = 0;
  let total: number | undefined;
  for (let skip = 0; read < o.limit; ) {
    const page = await fetchPage({ top: Math.min(size, o.limit - read), skip }, o.signal);
    total = page.count ?? total;
    const fresh = page.value.filter((row) => {
      const key = o.key(row);
      return !seen.has(key) && !!seen.add(key);
    });
    read += fresh.length;
    rows.push(...(o.keep ? o.keep(fresh) : fresh));
    skip += page.value.length + page.skipped;
    o.onProgress?.(Math.min(read, o.limit), total);
    // The last page, or one without new rows (whatever its link says): no endless requests.
    if (!page['odata.nextLink'] || !(fresh.length + page.skipped)) break;
  }
  return { rows, read, total };
}
