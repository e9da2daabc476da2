import type { ReactiveController } from 'lit';
import type { Page } from '../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../api/errors.js';
import type { ArchivePage } from '../api/schemas.js';
import type { KitElement } from './kit-element.js';
import type { LoadContext } from './resource.js';

export type { ArchivePage };

/** The most rows one request asks for (SuperOffice advises at most 1,000 archive rows at a time). */
const MAX_PAGE = 1000;

export interface PagedListOptions<Row> {
  /** Rows per request (`$top`). Default 50. */
  pageSize?: number;
  /** Fetches one page (`$top`/`$skip`). */
  fetchPage: (page: Page, context: LoadContext) => Promise<ArchivePage<Row>>;
  /** A row's identity: rows that shift between requests (new rows on top) are not shown twice. */
  key: (row: Row) => unknown;
}

/**
 * An OData archive read page by page (E6 system events, E8 users). The first page is loaded by the element's
 * `Resource` (which owns the five states) through `first()`; the next pages come on demand through `more()`, e.g.
 * when a virtualized list nears its end. The total is the server's `odata.count` when it sends one (`$inlineCount`),
 * else unknown until the last page (no `odata.nextLink`) arrived. Rows a page could not read are counted in `skipped`.
 * A next page in flight is aborted on disconnect and when the list is replaced; its failure is kept in `moreError`
 * (the rows already shown stay) until `retry()`.
 */
export class PagedList<Row> implements ReactiveController {
  /** The rows loaded so far, in the server's order. A new array on every change. */
  rows: readonly Row[] = [];
  /** The last page arrived: `rows.length` is the total. */
  complete = false;
  /** A next page is on its way. */
  loadingMore = false;
  /** Why the last next page failed; `more()` waits for `retry()`. */
  moreError?: ApiError;
  /** Rows the server sent that could not be read (left out), over the pages loaded. */
  skipped = 0;

  /** @internal The server's row count (`odata.count`) of the latest page, if it sent one. */
  private count: number | null = null;

  /** @internal */
  private controller?: AbortController;
  /** @internal Bumped when the list is replaced: answers for an older list are dropped. */
  private generation = 0;
  /** @internal Once a first page was loaded fresh, next pages bypass shared answers too. */
  private fresh = false;
  /** @internal */
  private loaded = false;

  constructor(
    private readonly host: KitElement,
    private readonly options: PagedListOptions<Row>,
  ) {
    host.addController(this);
  }

  /** Rows per request. */
  get pageSize(): number {
    return this.options.pageSize ?? 50;
  }

  /** How many rows the server says the list has (`odata.count`), rows it sent that could not be read included. */
  get reported(): number | undefined {
    return this.complete ? this.rows.length + this.skipped : (this.count ?? undefined);
  }

  /**
   * How many rows the list has: once the last page arrived, the rows loaded; before that the server's count (less
   * the rows that could not be read); `undefined` when the server sends no count and pages remain.
   */
  get total(): number | undefined {
    if (this.complete) return this.rows.length;
    return this.count === null ? undefined : Math.max(this.rows.length, this.count - this.skipped);
  }

  /**
   * Loads the first page. Without `keep` it replaces the list (first load, `refresh()`). With `keep` (polling) the
   * fresh first page goes on top of the rows already loaded, duplicates dropped, and the result is how many rows
   * arrived above the previous first row.
   */
  async first(context: LoadContext, keep = false): Promise<number> {
    const page = await this.options.fetchPage({ top: this.pageSize, skip: 0 }, context);
    context.signal.throwIfAborted();
    this.fresh ||= context.fresh;
    const rows = page.value;
    const last = !page['odata.nextLink'];
    const previous = this.rows;
    this.count = page.count;
    if (!keep || !this.loaded) {
      this.abortMore();
      this.loaded = true;
      this.skipped = page.skipped;
      this.set(rows, last);
      return 0;
    }
    const key = this.options.key;
    const fresh = new Set(rows.map(key));
    const above = previous.length ? rows.findIndex((r) => key(r) === key(previous[0])) : 0;
    if (last) this.set(rows, true);
    else this.set([...rows, ...previous.filter((r) => !fresh.has(key(r)))], this.complete);
    return above < 0 ? rows.length : above;
  }

  /**
   * Loads the next page unless one is on its way, the list is complete, or the last attempt failed. With `wanted`
   * (rows a view needs, e.g. after a jump to the end of a list sized from the server's total) the request asks for
   * up to `MAX_PAGE` rows at once, so a jump costs a few requests instead of one per page.
   */
  more(wanted = 0): void {
    if (!this.loaded || this.complete || this.loadingMore || this.moreError) return;
    const have = this.rows.length + this.skipped;
    const top = Math.min(MAX_PAGE, Math.max(this.pageSize, Math.ceil((wanted - have) / this.pageSize) * this.pageSize));
    const controller = (this.controller = new AbortController());
    const generation = this.generation;
    const context = { config: this.host.config, signal: controller.signal, fresh: this.fresh };
    this.loadingMore = true;
    this.host.requestUpdate();
    this.options.fetchPage({ top, skip: have }, context).then(
      (page) => {
        if (generation !== this.generation) return;
        const key = this.options.key;
        const known = new Set(this.rows.map(key));
        const added = page.value.filter((r) => !known.has(key(r)));
        // A page without new rows ends the list, whatever its link says: no endless requests.
        this.settle(() => {
          this.count = page.count ?? this.count;
          this.skipped += page.skipped;
          this.set([...this.rows, ...added], !page['odata.nextLink'] || !(added.length + page.skipped));
        });
      },
      (error: unknown) => {
        if (generation !== this.generation || isAbort(error)) return;
        this.settle(() => (this.moreError = toApiError(error)));
      },
    );
  }

  /** Tries the failed next page again. */
  retry(): void {
    this.moreError = undefined;
    this.more();
  }

  /** Drops the next page in flight and its failure, e.g. when the list is about to be asked for again differently. */
  cancelMore(): void {
    this.abortMore();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abortMore();
  }

  /** @internal The next page in flight has an outcome. */
  private settle(apply: () => void): void {
    apply();
    this.loadingMore = false;
    this.controller = undefined;
    this.host.requestUpdate();
  }

  /** @internal */
  private set(rows: readonly Row[], complete: boolean): void {
    this.rows = rows;
    this.complete = complete;
    this.host.requestUpdate();
  }

  /** @internal */
  private abortMore(): void {
    this.controller?.abort(new DOMException('The list was replaced or disconnected.', 'AbortError'));
    this.controller = undefined;
    this.loadingMore = false;
    this.moreError = undefined;
    this.generation++;
  }
}
