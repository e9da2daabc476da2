/**
 * *Download CSV* of a list that pages from the server (E6 system events, E8 users): what is shown — that order, those
 * filters — fetched again page by page with the list's own query when the list has not loaded every match yet,
 * bounded, with progress, *Cancel* and what the export came to (done, cut by the bound, cancelled, failed).
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { getLicenses, type Page } from '../api/endpoints.js';
import type { ResolvedConfig } from '../api/config.js';
import { isAbort, toApiError, type ApiError } from '../api/errors.js';
import type { ArchivePage } from '../api/schemas.js';
import { msg } from '../localization.js';
import { downloadCsv, type CsvCell } from './csv.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatNumber } from './format.js';
import { downloadIcon } from './icons.js';
import type { KitElement } from './kit-element.js';
import { readPages } from './read-pages.js';
import { reasonOf } from './states.js';

/** The most rows one export reads (the hardening rule: every scan is bounded); the element says when it cut the file. */
export const EXPORT_LIMIT = 5000;

/** The export's line: progress, the bar taking the room left, *Cancel*. */
export const exportStyles = css`
  .export {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .export progress {
    flex: 1 1 8rem;
  }
`;

/** What the last export came to. */
export type ExportOutcome =
  | { kind: 'done'; count: number }
  | { kind: 'cut'; count: number; total: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: ApiError };

/** One export: where its rows come from, and how they become a file. */
export interface ExportRun<Row> {
  /** Every row shown, when the list has loaded all of them: saved as they are, nothing is fetched. */
  loaded?: readonly Row[];
  /** How many rows match, when known before the first page (for the progress). */
  total?: number;
  /** One page of the list's query (`$top`/`$skip`), fresh. */
  fetchPage: (page: Page, signal: AbortSignal) => Promise<ArchivePage<Row>>;
  /** A row's identity: a row that moved between two pages is saved once. */
  key: (row: Row) => unknown;
  /** The rows of a page the list would show (checked here too, in case a server ignores a filter). */
  filter?: (rows: readonly Row[]) => readonly Row[];
  /** The file's name (may ask the server, e.g. for the serial number). */
  fileName: (signal: AbortSignal) => Promise<string>;
  /** The header row, in the columns' screen order. */
  header: readonly string[];
  /** One row's cells, in the header's order. */
  cells: (row: Row) => CsvCell[];
}

/** The element's words for its rows; numbers arrive formatted for the locale. */
export interface ExportTexts {
  /** "Exporting… 1,000 of 5,000 users"; `total` is undefined while the server has not said. */
  progress: (done: string, total: string | undefined) => string;
  /** "Saved 51 users as a CSV file." */
  done: (count: number, n: string) => string;
  /** "5,000 of 12,345 users saved: an export stops at 5,000. …" */
  cut: (n: string, total: string, limit: string) => string;
}

/**
 * The export of one element: `run()` on *Download CSV* (a second click while one runs does nothing), `render()` for
 * the progress with *Cancel* (`part="export"`) and the outcome (`role=status`; `role=alert` when it failed). A
 * disconnect cancels it. After *Cancel* the focus goes back to the element's `[part~=download]` button.
 */
export class CsvExport implements ReactiveController {
  /** The export under way: rows collected, and how many the file will hold when known. */
  progress?: { done: number; total?: number };
  /** What the last export came to. */
  outcome?: ExportOutcome;

  /** @internal */
  private controller?: AbortController;
  /** @internal The export under way, settled when its outcome is known. */
  private current?: Promise<void>;

  constructor(private readonly host: KitElement) {
    host.addController(this);
  }

  /** An export is under way. */
  get running(): boolean {
    return this.progress !== undefined;
  }

  hostDisconnected(): void {
    this.controller?.abort(new DOMException('The element was removed.', 'AbortError'));
  }

  /** Forgets the last outcome (e.g. when the list shown changed). */
  clear(): void {
    if (!this.outcome) return;
    this.outcome = undefined;
    this.host.requestUpdate();
  }

  /** *Cancel*: nothing is saved; the focus returns to *Download CSV*. */
  readonly cancel = async (): Promise<void> => {
    this.controller?.abort(new DOMException('The export was cancelled.', 'AbortError'));
    await this.current;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~=download]')?.focus();
  };

  /**
   * Saves the rows of `run` as a CSV file: the loaded rows when they are all, else the pages of the list's query,
   * 1,000 at a time, at most `EXPORT_LIMIT` rows. One file per call, never retried.
   */
  run<Row>(run: ExportRun<Row>): Promise<void> {
    if (this.current) return this.current;
    this.current = this.collect(run).finally(() => (this.current = undefined));
    return this.current;
  }

  /** @internal */
  private async collect<Row>(run: ExportRun<Row>): Promise<void> {
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    let total = run.loaded ? run.loaded.length : run.total;
    const bounded = () => (total === undefined ? undefined : Math.min(total, EXPORT_LIMIT));
    this.outcome = undefined;
    this.set({ done: 0, total: bounded() });
    try {
      let rows: Row[];
      let read: number;
      if (run.loaded) {
        rows = [...run.loaded];
        read = rows.length;
      } else {
        ({ rows, read } = await readPages(run.fetchPage, {
          signal,
          limit: EXPORT_LIMIT,
          key: run.key,
          keep: run.filter,
          onProgress: (done, count) => {
            total = count ?? total;
            this.set({ done, total: bounded() });
          },
        }));
      }
      // A server that sent more than was asked for does not make the file longer than the bound.
      const cut = !run.loaded && read > EXPORT_LIMIT;
      if (cut) rows = rows.slice(0, EXPORT_LIMIT);
      const name = await run.fileName(signal);
      downloadCsv(this.host.renderRoot, name, [run.header, ...rows.map(run.cells)]);
      const all = Math.max(total ?? read, read);
      this.outcome = cut || read < all ? { kind: 'cut', count: rows.length, total: all } : { kind: 'done', count: rows.length };
    } catch (error) {
      this.outcome = isAbort(error) ? { kind: 'cancelled' } : { kind: 'failed', error: toApiError(error) };
    } finally {
      this.controller = undefined;
      this.set(undefined);
    }
  }

  /**
   * *Download CSV* (`part="download"`, `iconStyles` in the element's styles): disabled while an export runs and unless
   * `ready` (something to save). `describedBy`: the id of what names the list saved (e.g. its tab).
   */
  button(onClick: () => unknown, { ready, describedBy }: { ready: boolean; describedBy?: string }) {
    return html`<button
      class="button download"
      part="download"
      type="button"
      aria-describedby=${ifDefined(describedBy)}
      ?disabled=${!ready || this.running}
      @click=${onClick}
    >
      ${downloadIcon} ${msg('Download CSV', { id: 'list.download' })}
    </button>`;
  }

  /** The progress with *Cancel* while an export runs, else what the last one came to (nothing before the first). */
  render(texts: ExportTexts) {
    const x = this.progress;
    if (x) {
      const total = x.total === undefined ? undefined : formatNumber(x.total);
      return html`<div class="export" part="export">
        <span id="export-progress" role="status">${texts.progress(formatNumber(x.done), total)}</span>
        <progress max=${x.total ?? 100} .value=${x.total === undefined ? 0 : x.done} aria-labelledby="export-progress"></progress>
        <button class="button" type="button" @click=${this.cancel}>${msg('Cancel', { id: 'write.cancel' })}</button>
      </div>`;
    }
    const o = this.outcome;
    if (!o) return nothing;
    switch (o.kind) {
      case 'done':
        return html`<p class="notice" part="export" role="status">${texts.done(o.count, formatNumber(o.count))}</p>`;
      case 'cut':
        return html`<p class="notice warning" part="export" role="status">
          ${texts.cut(formatNumber(o.count), formatNumber(o.total), formatNumber(EXPORT_LIMIT))}
        </p>`;
      case 'cancelled':
        return html`<p class="notice" part="export" role="status">${msg('The export was cancelled; no file was saved.', { id: 'csv.export-cancelled' })}</p>`;
      default:
        return html`<p class="notice error" part="export" role="alert">
          ${msg('The export failed; no file was saved.', { id: 'csv.export-failed' })} ${reasonOf(o.error)}
        </p>`;
    }
  }

  /** @internal */
  private set(progress: CsvExport['progress']): void {
    this.progress = progress;
    this.host.requestUpdate();
  }
}

/**
 * The serial number of licence owner `owner` (E1, its shared answer) for a file name; `''` when the user may not read
 * it or it failed. Cancelling the export cancels the wait.
 */
export async function ownerSerial(config: ResolvedConfig, owner: string, signal: AbortSignal): Promise<string> {
  try {
    const owners = await getLicenses(config, { signal });
    return owners.find((o) => o.Current.OwnerName.toUpperCase() === owner.toUpperCase())?.Current.SerialNr ?? '';
  } catch (error) {
    if (isAbort(error)) throw error;
    return '';
  }
}
