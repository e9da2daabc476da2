import type { ReactiveController } from 'lit';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../localization.js';
import { isAbort, toApiError, type ApiError } from '../api/errors.js';
import { isolate } from './bidi.js';
import type { SoAssignmentChangeDetail } from '../events.js';
import type { KitElement } from './kit-element.js';

/** One write a person asked for with one click. */
export interface WriteJob<T = unknown> {
  /** The control(s) it belongs to: disabled and `aria-busy` while it runs (see `busy()`). */
  key: string;
  /** `detail.operation` of `so-write-error`: `assign`, `unassign`, `reassign`, … */
  operation: string;
  /** The request: sent once, never retried. */
  run: (signal: AbortSignal) => Promise<T>;
  /** The assignments it saves: one `so-assignment-change` each after success. */
  changes: readonly SoAssignmentChangeDetail[];
  /** What was done, for the `role=status` announcement (called in `render()`, so it may call `msg()`). */
  done: () => string;
  /** The opposite write, offered as *Undo* for 10 seconds (single changes only). */
  undo?: () => WriteJob;
}

/** The outcome of the last write, shown in the element's notice area. */
export type WriteNotice =
  | { kind: 'done'; text: () => string; undo?: () => WriteJob }
  | { kind: 'failed'; error: ApiError; operation: string };

/** How long *Undo* is offered. */
export const UNDO_MS = 10_000;

/**
 * The sentence for a failed write, in the user's language: 403 → read-only, 409 → someone else changed it (the
 * current state is shown), a refusal → the server's own reason, 5xx, network, timeout.
 */
export function writeFailureText(error: ApiError): string {
  switch (error.kind) {
    case 'forbidden':
      return msg('You do not have permission to change licence assignments. You can still see them.', { id: 'write.forbidden' });
    case 'conflict':
      return msg('Someone else changed this user’s licences meanwhile. Nothing was overwritten; the current state is shown.', {
        id: 'write.conflict',
      });
    case 'unauthorized':
      return msg('You are not signed in, or your session has expired. Nothing was changed.', { id: 'write.unauthorized' });
    case 'network':
      return msg('The change could not be sent: the server could not be reached.', { id: 'write.network' });
    case 'timeout':
      return msg('The server did not answer in time. The change may have been saved; the list shows the current state.', {
        id: 'write.timeout',
      });
    case 'invalid-response':
      return msg('The server’s answer could not be read. The list shows the current state.', { id: 'write.invalid' });
    default: {
      const reason = error.reason;
      if (reason) return msg(str`The server refused the change: ${isolate(reason)}`, { id: 'write.refused' });
      const status = error.status ?? '';
      return msg(str`The change could not be saved: the server reported an error (HTTP ${status}).`, { id: 'write.http' });
    }
  }
}

/**
 * Runs the writes of one element: one click = one request (a key that is busy ignores further clicks; its control
 * is disabled and `aria-busy`), never retried. Emits `so-assignment-change` per saved change and `so-write-error` per
 * failure, keeps the last outcome for the `role=status`/`role=alert` notice, offers *Undo* for a single change for
 * 10 seconds, and turns the element read-only after a 403.
 */
export class WriteAction implements ReactiveController {
  /** Keys of the writes in flight. */
  busy: ReadonlySet<string> = new Set();
  /** A write answered 403: the element shows its read-only sentence instead of write controls. */
  readOnly = false;
  /** The last outcome. */
  notice?: WriteNotice;

  /** @internal */
  private undoTimer?: ReturnType<typeof setTimeout>;
  /** @internal */
  private readonly controller = new AbortController();

  constructor(
    private readonly host: KitElement,
    /** How long *Undo* is offered (tests shorten it). */
    private readonly undoMs = UNDO_MS,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.undoTimer);
  }

  /** Whether the write of `key` is in flight. */
  isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  /** Sends `job` once (unless its key is busy); resolves `true` when it was saved. */
  async run(job: WriteJob): Promise<boolean> {
    if (this.busy.has(job.key)) return false;
    this.busy = new Set([...this.busy, job.key]);
    clearTimeout(this.undoTimer);
    this.host.requestUpdate();
    try {
      await job.run(this.controller.signal);
      for (const change of job.changes) this.host.emit('so-assignment-change', change);
      const undo = job.undo;
      this.notice = { kind: 'done', text: job.done, undo };
      if (undo) {
        this.undoTimer = setTimeout(() => {
          if (this.notice?.kind === 'done') this.notice = { ...this.notice, undo: undefined };
          this.host.requestUpdate();
        }, this.undoMs);
      }
      return true;
    } catch (e) {
      if (isAbort(e)) return false;
      this.fail(toApiError(e), job.operation);
      return false;
    } finally {
      const busy = new Set(this.busy);
      busy.delete(job.key);
      this.busy = busy;
      this.host.requestUpdate();
    }
  }

  /**
   * Records a failure: `so-write-error`, read-only after a 403, and the notice (unless `notice` is false: a bulk run
   * lists its failures in its own summary).
   */
  fail(error: ApiError, operation: string, notice = true): void {
    if (error.kind === 'forbidden') this.readOnly = true;
    if (notice) this.notice = { kind: 'failed', error, operation };
    this.host.emit('so-write-error', {
      kind: error.kind,
      ...(error.status === undefined ? {} : { status: error.status }),
      message: error.kind === 'rejected' || error.reason ? (error.reason ?? error.message) : error.message,
      operation,
    });
    this.host.requestUpdate();
  }

  /** Runs the *Undo* of the last single change. */
  undo(): void {
    const notice = this.notice;
    if (notice?.kind !== 'done' || !notice.undo) return;
    clearTimeout(this.undoTimer);
    void this.run(notice.undo());
  }

  /** Clears the notice (e.g. when the person moves on). */
  dismiss(): void {
    clearTimeout(this.undoTimer);
    this.notice = undefined;
    this.host.requestUpdate();
  }
}

/**
 * The notice area of a writing element: a `role=status` line that is always there (so outcomes are announced) with
 * the last success and its *Undo*, and a `role=alert` line for a failure. Call in `render()`.
 */
export function writeNoticeTemplate(action: WriteAction): TemplateResult {
  const n = action.notice;
  return html`<div class="write-status" part="write-status" role="status">
      ${n?.kind === 'done'
        ? html`<p class="notice success">
            <span>${n.text()}</span>
            ${n.undo
              ? html`<button class="button undo" part="undo" type="button" ?disabled=${action.busy.size > 0} @click=${() => action.undo()}>
                  ${msg('Undo', { id: 'write.undo' })}
                </button>`
              : nothing}
          </p>`
        : nothing}
    </div>
    ${n?.kind === 'failed' && !action.readOnly
      ? html`<div class="notice error" part="write-error" role="alert"><p>${writeFailureText(n.error)}</p></div>`
      : nothing}`;
}
