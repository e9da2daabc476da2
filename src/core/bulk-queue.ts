import type { ReactiveController } from 'lit';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../localization.js';
import { isAbort, toApiError, type ApiError } from '../api/errors.js';
import { formatNumber } from './format.js';
import { heading } from './heading.js';
import type { KitElement } from './kit-element.js';
import { writeFailureText } from './write-action.js';

/**
 * Where one item of a bulk change stands. `unchanged`: it already was as the change would make it, so nothing was
 * written for it (known before the run, or found when its request read it fresh).
 */
export type BulkState = 'waiting' | 'running' | 'done' | 'failed' | 'unchanged' | 'not-started';

export interface BulkItem<T> {
  item: T;
  state: BulkState;
  error?: ApiError;
}

export interface BulkQueueOptions<T> {
  /**
   * One request per item: sent once, never retried automatically. Answers `'unchanged'` when the item already was as
   * the change would make it and nothing was written.
   */
  work: (item: T, signal: AbortSignal) => Promise<void | 'unchanged'>;
  /** Requests at a time (design.md: at most 2). */
  concurrency?: number;
  /** After each saved item (e.g. its `so-assignment-change`). */
  onDone?: (item: T) => void;
  /** After each failed item (e.g. its `so-write-error`). */
  onFailed?: (item: T, error: ApiError) => void;
  /** When the queue has nothing left to start and nothing in flight. */
  onFinished?: () => void;
}

/**
 * A small queue for bulk changes: at most 2 requests at a time, progress, cancel (the requests in flight finish —
 * what was done stays done — and the rest is marked *not started*), and *Retry failed* that re-queues only the
 * failures. Never retries by itself.
 */
export class BulkQueue<T> implements ReactiveController {
  /** Every item of the current run, in order. */
  items: readonly BulkItem<T>[] = [];
  /** Cancel was pressed for the current run. */
  cancelled = false;

  /** @internal */
  private readonly controller = new AbortController();

  constructor(
    private readonly host: KitElement,
    private readonly options: BulkQueueOptions<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // Stop waiting: nothing new starts; requests in flight may still be saved by the server.
    this.cancel();
  }

  /**
   * Starts a new run over `items`. `unchanged` are the items known to be as the change would make them already: they
   * are part of the run (its summary counts them) but no request is sent for them.
   */
  start(items: readonly T[], unchanged: readonly T[] = []): void {
    this.cancelled = false;
    this.items = [...items.map((item): BulkItem<T> => ({ item, state: 'waiting' })), ...unchanged.map((item): BulkItem<T> => ({ item, state: 'unchanged' }))];
    this.pump();
  }

  /** Starts nothing more; what runs finishes, the rest is *not started*. */
  cancel(): void {
    if (!this.running) return;
    this.cancelled = true;
    this.items = this.items.map((i) => (i.state === 'waiting' ? { ...i, state: 'not-started' } : i));
    this.host.requestUpdate();
    this.checkFinished();
  }

  /** Re-queues only the failed items. */
  retryFailed(): void {
    if (this.running) return;
    this.cancelled = false;
    this.items = this.items.map((i) => (i.state === 'failed' ? { item: i.item, state: 'waiting' } : i));
    this.pump();
  }

  /** Items are waiting or in flight. */
  get running(): boolean {
    return this.items.some((i) => i.state === 'waiting' || i.state === 'running');
  }

  /** Counts per state. */
  count(state: BulkState): number {
    return this.items.filter((i) => i.state === state).length;
  }

  /** @internal */
  private pump(): void {
    const limit = this.options.concurrency ?? 2;
    while (this.count('running') < limit) {
      const index = this.items.findIndex((i) => i.state === 'waiting');
      if (index < 0) break;
      this.set(index, { ...this.items[index], state: 'running' });
      void this.runOne(this.items[index]);
    }
    this.host.requestUpdate();
    this.checkFinished();
  }

  /** @internal */
  private async runOne(entry: BulkItem<T>): Promise<void> {
    let next: BulkItem<T>;
    try {
      const outcome = await this.options.work(entry.item, this.controller.signal);
      next = { item: entry.item, state: outcome === 'unchanged' ? 'unchanged' : 'done' };
      if (next.state === 'done') this.options.onDone?.(entry.item);
    } catch (e) {
      const error = isAbort(e) ? undefined : toApiError(e);
      next = { item: entry.item, state: 'failed', error };
      if (error) this.options.onFailed?.(entry.item, error);
    }
    const index = this.items.findIndex((i) => i.item === entry.item);
    if (index >= 0) this.set(index, next);
    if (this.cancelled) {
      this.host.requestUpdate();
      this.checkFinished();
    } else this.pump();
  }

  /** @internal */
  private set(index: number, entry: BulkItem<T>): void {
    const items = [...this.items];
    items[index] = entry;
    this.items = items;
  }

  /** @internal */
  private finishedReported = false;
  /** @internal */
  private checkFinished(): void {
    if (this.running) {
      this.finishedReported = false;
      return;
    }
    if (this.finishedReported || !this.items.length) return;
    this.finishedReported = true;
    this.options.onFinished?.();
  }
}

/** Lists of the summary longer than this (except the failures) are folded into a `<details>`. */
const OPEN_LIST = 10;

/** Texts of a bulk view (already localized). */
export interface BulkTexts {
  /** What the run does, e.g. "Assigning Sales Premium". */
  title: string;
  /** An item's name, e.g. a user's full name. */
  name: (item: unknown) => string;
  /** Level of the view's heading (its lists' headings are one below). Default 3. */
  level?: number;
  /**
   * The heading of the items left unchanged ("Already had it") and the sentence that counts them ("2 users already
   * had it; nothing was sent for them."). Needed when the run may have such items.
   */
  unchanged?: { label: string; count: (n: number) => string };
}

/**
 * The bulk view: while running, a labelled progress bar with *Cancel*; afterwards a summary that lists each failure
 * with its reason (and *Retry failed*), what was done, what was left unchanged (nothing sent) and what was not
 * started — its numbers add up to the items of the run. Call in `render()`.
 */
export function bulkTemplate<T>(queue: BulkQueue<T>, texts: BulkTexts, close: () => void): TemplateResult {
  const total = queue.items.length;
  const finished = queue.count('done') + queue.count('failed') + queue.count('unchanged');
  const [done, failed, unchanged, skipped] = ['done', 'failed', 'unchanged', 'not-started'].map((s) => queue.items.filter((i) => i.state === s));
  const n = (x: number) => formatNumber(x);
  const level = texts.level ?? 3;
  const list = (label: string, items: readonly BulkItem<T>[], cls: string) => {
    if (!items.length) return nothing;
    const ul = html`<ul class="bulk-list ${cls}">
            ${items.map(
              (i) => html`<li>
                <span class="bulk-name">${texts.name(i.item)}</span>
                ${i.state === 'failed'
                  ? html`<span class="bulk-reason">${i.error ? writeFailureText(i.error) : msg('Stopped before an answer arrived.', { id: 'bulk.aborted' })}</span>`
                  : nothing}
              </li>`,
            )}
          </ul>`;
    // A long list of users who are fine (done, left as they were, not started) is folded, so the counts and the
    // failures stay in view; failures are always listed open.
    return cls !== 'failed' && items.length > OPEN_LIST
      ? html`<details class="bulk-more"><summary>${msg(str`${label} (${n(items.length)})`, { id: 'bulk-select.list-count' })}</summary>${ul}</details>`
      : html`${heading(level + 1, label)}${ul}`;
  };
  return html`<section class="bulk" part="bulk" aria-labelledby="bulk-title">
    ${heading(level, texts.title, { id: 'bulk-title' })}
    ${queue.running
      ? html`<div class="bulk-progress">
          <label for="bulk-bar">${msg(str`${n(finished)} of ${n(total)} done`, { id: 'bulk.progress' })}</label>
          <progress id="bulk-bar" part="progress" max=${total} .value=${finished}></progress>
          <button class="button" part="cancel" type="button" ?disabled=${queue.cancelled} @click=${() => queue.cancel()}>
            ${queue.cancelled ? msg('Stopping…', { id: 'bulk.stopping' }) : msg('Cancel', { id: 'write.cancel' })}
          </button>
        </div>`
      : html`<div class="bulk-summary" part="summary">
          <p role="status">
            ${failed.length
              ? msg(str`${n(done.length)} done, ${n(failed.length)} failed.`, { id: 'bulk.summary-failed' })
              : msg(str`${n(done.length)} done.`, { id: 'bulk.summary' })}
            ${unchanged.length && texts.unchanged ? texts.unchanged.count(unchanged.length) : nothing}
            ${skipped.length ? msg(str`${n(skipped.length)} not started (cancelled).`, { id: 'bulk.summary-skipped' }) : nothing}
          </p>
          ${list(msg('Failed', { id: 'bulk.failed' }), failed, 'failed')}
          ${list(msg('Done', { id: 'bulk.done' }), done, 'done')}
          ${texts.unchanged ? list(texts.unchanged.label, unchanged, 'unchanged') : nothing}
          ${list(msg('Not started', { id: 'bulk.not-started' }), skipped, 'skipped')}
          <div class="bulk-actions">
            ${failed.length
              ? html`<button class="button primary" part="retry-failed" type="button" @click=${() => queue.retryFailed()}>
                  ${msg('Retry failed', { id: 'bulk.retry' })}
                </button>`
              : nothing}
            <button class="button" part="close-bulk" type="button" @click=${close}>${msg('Close', { id: 'bulk.close' })}</button>
          </div>
        </div>`}
  </section>`;
}
