/**
 * *Select all N matching* of `<so-user-licence-filter>`: selects every user that matches the list's licence and
 * search — not only the rows loaded so far. When the list is loaded to its end, those rows are selected at once;
 * otherwise the keys of the matching users are read from the server (`fetchAllUsers`: the same query, only the columns
 * a bulk change needs, 1,000 a request) with progress and *Cancel*, at most `BULK_LIMIT`. The button says exactly how
 * many it selects ("Select the first 5,000 of 10,000 matching" beyond the limit, with a note afterwards).
 */
import { html, nothing, type ReactiveController } from 'lit';
import { msg, str } from '../../localization.js';
import type { UserSortColumn } from '../../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import { formatNumber } from '../../core/format.js';
import type { KitElement } from '../../core/kit-element.js';
import { reasonOf } from '../../core/states.js';
import { BULK_COLUMNS, BULK_LIMIT, fetchAllUsers } from './all-users.js';
import type { Selection } from './selection.js';
import { filterUsers, toEntry, type UserEntry } from './users.js';

/** The user columns the text search looks in besides the names (read when a search must be checked here). */
const SEARCHED_COLUMNS = ['usergroup', 'role', 'userplan'] as const;

/** What the list shows: its query, the matching rows loaded so far, and the server's count of matches. */
export interface MatchingQuery {
  list: 'internal' | 'other';
  /** The picked licence's column, or `''`. */
  column: string;
  /** The search as the list applies it. */
  search: string;
  sort?: { column: UserSortColumn; desc: boolean };
  /** The loaded rows that match. */
  loaded: readonly UserEntry[];
  /** Every match is loaded. */
  complete: boolean;
  /** How many users match, when the server narrowed by exactly this query and said so (`odata.count`). */
  count?: number;
}

/** `cut`: the limit was reached; `total` is the server's count of matches when it narrowed by the query. */
type Outcome = { kind: 'cut'; count: number; total?: number } | { kind: 'cancelled' } | { kind: 'failed'; error: ApiError };

const keyOf = (q: MatchingQuery) => `${q.list}|${q.column}|${q.search}`;

export class SelectAllMatching implements ReactiveController {
  /** @internal The read under way. */
  private running?: { done: number; total?: number; controller: AbortController };
  /** @internal What the last read came to, when there is something to say. */
  private outcome?: Outcome;
  /** @internal The query whose matches were all selected, and the selection's version right after. */
  private selected?: { key: string; version: number };

  constructor(
    private readonly host: KitElement,
    private readonly selection: Selection<UserEntry>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.running?.controller.abort();
  }

  /** The select-all button (or the read's progress with *Cancel*) and what the last read came to. */
  render(q: MatchingQuery) {
    return html`${this.renderAction(q)}${this.renderOutcome()}`;
  }

  /** @internal */
  private renderAction(q: MatchingQuery) {
    const r = this.running;
    if (r) {
      const done = formatNumber(r.done);
      const total = r.total === undefined ? undefined : formatNumber(Math.min(r.total, BULK_LIMIT));
      return html`<span class="select-all-progress" part="select-all-progress">
        <span id="select-all-progress" role="status">
          ${total === undefined
            ? msg(str`Selecting… ${done} users`, { id: 'bulk-select.selecting-open' })
            : msg(str`Selecting… ${done} of ${total} users`, { id: 'bulk-select.selecting' })}
        </span>
        <progress aria-labelledby="select-all-progress" max=${r.total === undefined ? 1 : Math.min(r.total, BULK_LIMIT)} .value=${r.total === undefined ? 0 : r.done}></progress>
        <button type="button" class="button" part="select-all-cancel" @click=${() => r.controller.abort()}>${msg('Cancel', { id: 'write.cancel' })}</button>
      </span>`;
    }
    if (!q.loaded.length || this.coversAll(q)) return nothing;
    const count = q.complete ? q.loaded.length : q.count;
    let label: string;
    if (count === undefined) label = msg('Select all matching', { id: 'bulk-select.select-all-open' });
    else if (count > BULK_LIMIT) {
      const [first, all] = [formatNumber(BULK_LIMIT), formatNumber(count)];
      label = msg(str`Select the first ${first} of ${all} matching`, { id: 'bulk-select.select-first' });
    } else label = msg(str`Select all ${formatNumber(count)} matching`, { id: 'users.select-all' });
    return html`<button type="button" class="button" part="select-all" @click=${() => void this.selectAll(q)}>${label}</button>`;
  }

  /** @internal */
  private renderOutcome() {
    const o = this.outcome;
    if (!o) return nothing;
    switch (o.kind) {
      case 'cut': {
        const n = formatNumber(o.count);
        return html`<p class="notice warning select-all-note" part="select-all-note" role="status">
          ${o.total === undefined
            ? msg(str`${n} matching users are selected, the most one bulk change takes; more may match. Narrow the list by licence or search to change the rest.`, { id: 'bulk-select.cut-open' })
            : msg(str`The first ${n} of ${formatNumber(o.total)} matching users are selected, the most one bulk change takes. Narrow the list by licence or search to change the rest.`, { id: 'bulk-select.cut' })}
        </p>`;
      }
      case 'cancelled':
        return html`<p class="notice select-all-note" part="select-all-note" role="status">
          ${msg('Selecting all matching users was cancelled; the selection is as it was.', { id: 'bulk-select.cancelled' })}
        </p>`;
      default:
        return html`<p class="notice error select-all-note" part="select-all-note" role="alert">
          ${msg('Could not select all matching users; the selection is as it was.', { id: 'bulk-select.failed' })} ${reasonOf(o.error)}
        </p>`;
    }
  }

  /** @internal Every match is selected: all loaded ones of a complete list, or all read for this query since. */
  private coversAll(q: MatchingQuery): boolean {
    if (!this.selection.covers(q.loaded)) return false;
    if (q.complete) return true;
    return this.selected?.key === keyOf(q) && this.selected.version === this.selection.version;
  }

  /** @internal Selects every match: the loaded rows when they are all, else every match read from the server. */
  private async selectAll(q: MatchingQuery): Promise<void> {
    this.outcome = undefined;
    if (q.complete) {
      this.selection.selectAll(q.loaded);
      return;
    }
    const controller = new AbortController();
    this.running = { done: 0, total: q.count, controller };
    this.host.requestUpdate();
    const licenceColumns = q.column ? [q.column] : [];
    try {
      const { rows, read, total } = await fetchAllUsers(
        this.host.config,
        q.list,
        licenceColumns,
        // Only what a bulk change needs: the key and names (and what the search looks in, to check each row here).
        { holders: q.column || undefined, search: q.search, sort: q.sort, userColumns: q.search ? [...BULK_COLUMNS, ...SEARCHED_COLUMNS] : BULK_COLUMNS },
        {
          signal: controller.signal,
          limit: BULK_LIMIT,
          // A server that ignores the filter: each row is checked here too.
          keep: (row) => filterUsers([toEntry(row, licenceColumns)], q.column, q.search).length > 0,
          onProgress: (p) => {
            // The server's count is the number of matches only when it narrowed by the query.
            this.running = { done: p.done, total: q.count === undefined ? undefined : p.total, controller };
            this.host.requestUpdate();
          },
        },
      );
      this.selection.selectAll(rows.map((row) => toEntry(row, licenceColumns)));
      this.selected = { key: keyOf(q), version: this.selection.version };
      if (read >= BULK_LIMIT) {
        const all = q.count === undefined || total === undefined ? undefined : Math.max(total, rows.length);
        if (all === undefined || all > rows.length) this.outcome = { kind: 'cut', count: rows.length, total: all };
      }
    } catch (error) {
      this.outcome = isAbort(error) ? { kind: 'cancelled' } : { kind: 'failed', error: toApiError(error) };
    } finally {
      this.running = undefined;
      this.host.requestUpdate();
    }
  }
}
