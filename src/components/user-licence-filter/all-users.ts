/**
 * Reading every user that matches a query, for *Select all N matching* and for the bulk dialog's check of who already
 * holds a licence. The same loop as `<so-system-events>`' CSV export: pages of 1,000 (`$top`), each row checked,
 * de-duplicated by key, stopped at the limit, at the last page or at a page without rows, with progress and an abort
 * signal. Only the columns a bulk change needs are asked for.
 */
import { getUsers, type UsersQuery } from '../../api/endpoints.js';
import type { ResolvedConfig } from '../../api/config.js';
import type { UserRow } from '../../api/schemas.js';

/** Rows per request when reading every match. */
export const ALL_USERS_PAGE = 1000;
/** The most users one bulk change takes (a selection of all matching stops there, and says so). */
export const BULK_LIMIT = 5000;
/** What a bulk change needs of a user: the key it writes to and the names its summary shows. */
export const BULK_COLUMNS = ['associateDbId', 'assocName', 'fullName'] as const;

/** How far a read of every match got: rows kept so far, and the server's count of matches once known. */
export interface AllUsersProgress {
  done: number;
  total?: number;
}

export interface AllUsersOptions {
  signal: AbortSignal;
  /** Stop after this many rows are kept (default: read to the end). */
  limit?: number;
  /** Whether a row really matches (the server may ignore a filter); default: every row. */
  keep?: (row: UserRow) => boolean;
  onProgress?: (progress: AllUsersProgress) => void;
}

/** What a read of every match found: the rows kept (at most `limit`) and the server's count of matches, if given. */
export interface AllUsers {
  rows: UserRow[];
  total?: number;
}

/**
 * Every user of `list` matching `query` (licence holders, search, order), with the user columns `BULK_COLUMNS` (or
 * `query.userColumns`) and the licence `columns`, read `ALL_USERS_PAGE` at a time. Fresh from the server (never a shared answer); aborts with
 * `signal`; never retries.
 */
export async function fetchAllUsers(
  config: ResolvedConfig,
  list: 'internal' | 'other',
  columns: readonly string[],
  query: UsersQuery,
  o: AllUsersOptions,
): Promise<AllUsers> {
  const limit = o.limit ?? Infinity;
  const rows: UserRow[] = [];
  const seen = new Set<number>();
  let total: number | undefined;
  for (let skip = 0; rows.length < limit; ) {
    const top = Math.min(ALL_USERS_PAGE, limit - rows.length);
    const page = await getUsers(config, list, columns, { top, skip }, { userColumns: BULK_COLUMNS, ...query, signal: o.signal, fresh: true });
    total = page.count ?? total;
    for (const row of page.value) {
      if (seen.has(row.associateDbId) || (o.keep && !o.keep(row))) continue;
      seen.add(row.associateDbId);
      rows.push(row);
    }
    skip += page.value.length + page.skipped;
    o.onProgress?.({ done: Math.min(rows.length, limit), total });
    // The last page, or one without rows (whatever its link says): no endless requests.
    if (!page['odata.nextLink'] || !(page.value.length + page.skipped)) break;
  }
  return { rows: rows.slice(0, limit), total };
}
