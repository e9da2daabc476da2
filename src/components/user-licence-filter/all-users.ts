/**
 * Reading every user that matches a query, for *Select all N matching* and for the bulk dialog's check of who already
 * holds a licence, through the kit's one paged reader (`readPages`, also behind *Download CSV*). Only the columns a
 * bulk change needs are asked for.
 */
import { getUsers, type UsersQuery } from '../../api/endpoints.js';
import type { ResolvedConfig } from '../../api/config.js';
import type { UserRow } from '../../api/schemas.js';
import { readPages } from '../../core/read-pages.js';

/**
 * The most users read to learn who holds a licence (the bulk dialog's check): every scan is bounded. A holder beyond
 * it is not known to hold the licence, so at worst an assignment is sent that changes nothing.
 */
export const HOLDERS_LIMIT = 50_000;
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
  /** Stop after this many rows are read (default `HOLDERS_LIMIT`). */
  limit?: number;
  /** Whether a row really matches (the server may ignore a filter); default: every row. */
  keep?: (row: UserRow) => boolean;
  onProgress?: (progress: AllUsersProgress) => void;
}

/**
 * What a read of every match found: the rows kept (at most `limit`), how many were read (a read that reached `limit`
 * may have left matches unread), and the server's count of matches, if given.
 */
export interface AllUsers {
  rows: UserRow[];
  read: number;
  total?: number;
}

/**
 * Every user of `list` matching `query` (licence holders, search, order), with the user columns `BULK_COLUMNS` (or
 * `query.userColumns`) and the licence `columns`, read with `readPages` (1,000 a request, fresh, never retried, at most
 * `limit` rows read — `HOLDERS_LIMIT` unless given). Aborts with `signal`.
 */
export async function fetchAllUsers(
  config: ResolvedConfig,
  list: 'internal' | 'other',
  columns: readonly string[],
  query: UsersQuery,
  o: AllUsersOptions,
): Promise<AllUsers> {
  const limit = o.limit ?? HOLDERS_LIMIT;
  const found = await readPages<UserRow>(
    (page, signal) => getUsers(config, list, columns, page, { userColumns: BULK_COLUMNS, ...query, signal, fresh: true }),
    {
      signal: o.signal,
      limit,
      key: (row) => row.associateDbId,
      keep: o.keep && ((rows) => rows.filter(o.keep!)),
      onProgress: (done, total) => o.onProgress?.({ done, total }),
    },
  );
  return { rows: found.rows.slice(0, limit), read: Math.min(found.read, limit), total: found.total };
}
