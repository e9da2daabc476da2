/**
 * *Assign licence…* / *Remove licence…* for the users selected in `<so-user-licence-filter>`: pick the licence,
 * confirm (naming how many users gain or lose what), then a small queue runs the writes at most 2 at a time with
 * progress and *Cancel* (what was done stays done), and ends with a summary listing each failure with its reason and
 * *Retry failed*. Loaded on first use.
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { msg, str } from '@lit/localize';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import { formatNumber } from '../../core/format.js';
import { reasonOf } from '../../core/states.js';
import { saveAssignments } from './assign.js';
import type { EditorHost } from './editing.js';
import type { UserEntry, UserLicence } from './users.js';

/** Writes running at once. */
export const BULK_CONCURRENCY = 2;

type JobState = 'waiting' | 'running' | 'done' | 'failed';
interface Job {
  entry: UserEntry;
  state: JobState;
  error?: ApiError;
}

const who = (e: UserEntry) => e.row.fullName || e.row.assocName;

/** Adopts the dialog's styles once. */
function adopt(host: EditorHost): void {
  const root = host.shadowRoot;
  const sheet = bulkStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** One bulk change at a time, in a modal dialog. Render `dialog()` in the host. */
export class BulkRun implements ReactiveController {
  /** @internal */
  private mode?: 'assign' | 'remove';
  /** @internal */
  private step: 'pick' | 'running' | 'summary' = 'pick';
  /** @internal The selected users when the dialog opened. */
  private users: UserEntry[] = [];
  /** @internal */
  private column = '';
  /** @internal */
  private jobs: Job[] = [];
  /** @internal Cancel pressed: no further write starts. */
  private cancelled = false;
  /** @internal */
  private opener: HTMLElement | null = null;

  constructor(private readonly host: EditorHost) {
    host.addController(this);
    adopt(host);
  }

  hostConnected(): void {
    adopt(this.host);
  }

  hostDisconnected(): void {
    this.cancelled = true;
  }

  /** Opens the dialog for `users`. */
  async open(mode: 'assign' | 'remove', users: readonly UserEntry[], column = ''): Promise<void> {
    if (this.step === 'running') return;
    this.opener = (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this.mode = mode;
    this.users = [...users];
    this.column = column || this.choices()[0]?.column || '';
    this.step = 'pick';
    this.jobs = [];
    this.cancelled = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialogElement();
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('select')?.focus();
  }

  /** @internal */
  private dialogElement() {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.bulk') ?? null;
  }

  /** @internal The licences one can assign or remove: every user licence the picker offers. */
  private choices(): readonly UserLicence[] {
    return this.host.userLicences;
  }

  /** @internal */
  private get licence(): UserLicence | undefined {
    return this.choices().find((l) => l.column === this.column);
  }

  /** @internal The selected users the change concerns: those who lack the licence (assign) or hold it (remove). */
  private affected(): UserEntry[] {
    const assign = this.mode === 'assign';
    return this.users.filter((u) => u.held.has(this.column) !== assign);
  }

  /** @internal */
  private close(): void {
    if (this.step === 'running') return;
    this.dialogElement()?.close();
    this.mode = undefined;
    this.host.requestUpdate();
    if (this.opener?.isConnected) this.opener.focus();
  }

  /** @internal Starts the queue over `entries`. */
  private async run(entries: readonly UserEntry[]): Promise<void> {
    const licence = this.licence;
    if (!licence || !entries.length) return;
    this.jobs = entries.map((entry) => ({ entry, state: 'waiting' }));
    this.cancelled = false;
    this.step = 'running';
    this.host.requestUpdate();
    const assigned = this.mode === 'assign';
    const plans = new Set(this.host.userLicences.filter((l) => l.plan).map((l) => l.moduleName.toLowerCase()));
    const operation = assigned ? 'bulk-assign' : 'bulk-remove';
    const next = async (): Promise<void> => {
      for (;;) {
        if (this.cancelled) return;
        const job = this.jobs.find((j) => j.state === 'waiting');
        if (!job) return;
        job.state = 'running';
        this.host.requestUpdate();
        const associateId = job.entry.row.associateDbId;
        try {
          const saved = await saveAssignments(
            this.host.config,
            associateId,
            [{ ownerName: licence.ownerName, moduleName: licence.moduleName, assigned }],
            plans,
          );
          for (const c of saved) this.host.emit('so-assignment-change', { associateId, ...c });
          job.state = 'done';
        } catch (error) {
          if (isAbort(error)) return;
          const e = toApiError(error);
          job.state = 'failed';
          job.error = e;
          this.host.emit('so-write-error', {
            kind: e.kind,
            ...(e.status === undefined ? {} : { status: e.status }),
            message: e.reason || e.message,
            operation,
          });
          if (e.kind === 'forbidden') {
            this.cancelled = true;
            this.host.forbidWrites();
          }
        }
        this.host.requestUpdate();
      }
    };
    await Promise.all(Array.from({ length: BULK_CONCURRENCY }, next));
    this.step = 'summary';
    this.host.requestUpdate();
    await this.host.updateComplete;
    // Escape while running stops the queue and closes the dialog: the summary opens it again.
    const dialog = this.dialogElement();
    if (dialog && !dialog.open) dialog.showModal();
    this.dialogElement()?.querySelector<HTMLElement>('.summary-actions .button')?.focus();
  }

  /** @internal */
  private readonly onCancel = () => {
    this.cancelled = true;
    this.host.requestUpdate();
  };

  /** The dialog while a bulk change is open. */
  dialog() {
    if (!this.mode) return nothing;
    const assign = this.mode === 'assign';
    const title = assign ? msg('Assign licence', { id: 'users-bulk.assign-title' }) : msg('Remove licence', { id: 'users-bulk.remove-title' });
    return html`<dialog
      class="bulk"
      part="dialog bulk-dialog"
      aria-labelledby="bulk-title"
      @close=${() => (this.step === 'running' ? this.onCancel() : this.close())}
    >
      <h3 id="bulk-title">${title}</h3>
      ${this.step === 'pick' ? this.renderPick(assign) : this.renderProgress(assign)}
    </dialog>`;
  }

  /** @internal Licence picker and the confirmation sentence. */
  private renderPick(assign: boolean) {
    const licence = this.licence;
    const affected = this.affected();
    const n = affected.length;
    const count = formatNumber(n);
    const name = licence?.name ?? '';
    const skipped = formatNumber(this.users.length - n);
    const sentence = assign
      ? n === 1
        ? msg(str`1 user will get ${name}.`, { id: 'users-bulk.will-gain-one' })
        : msg(str`${count} users will get ${name}.`, { id: 'users-bulk.will-gain' })
      : n === 1
        ? msg(str`1 user will lose ${name}.`, { id: 'users-bulk.will-lose-one' })
        : msg(str`${count} users will lose ${name}.`, { id: 'users-bulk.will-lose' });
    const already = assign
      ? msg(str`${skipped} of the selected users already have it.`, { id: 'users-bulk.already-have' })
      : msg(str`${skipped} of the selected users do not have it.`, { id: 'users-bulk.do-not-have' });
    return html`<div class="field">
        <label for="bulk-licence">${msg('Licence', { id: 'users-bulk.licence' })}</label>
        <select id="bulk-licence" @change=${(e: Event) => {
          this.column = (e.target as HTMLSelectElement).value;
          this.host.requestUpdate();
        }}>
          ${this.choices().map((l) => html`<option value=${l.column} .selected=${l.column === this.column}>${l.name}</option>`)}
        </select>
      </div>
      <p class="confirm-text" role="status">${sentence} ${this.users.length > n ? already : nothing}</p>
      ${assign && licence && !licence.unrestricted && licence.total - licence.inUse < n
        ? html`<p class="notice warning">${this.seatsText(licence.total - licence.inUse)}</p>`
        : nothing}
      ${assign && licence?.plan ? html`<p class="note">${msg('A plan replaces the plan a user has now, from their next sign-in.', { id: 'users-bulk.plan-note' })}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button" @click=${() => this.close()}>${msg('Cancel', { id: 'edit.cancel' })}</button>
        <button
          type="button"
          class="button ${assign ? 'primary' : 'danger'}"
          part="confirm"
          aria-disabled=${n ? 'false' : 'true'}
          @click=${() => n && this.run(affected)}
        >
          ${assign ? msg(str`Assign to ${count}`, { id: 'users-bulk.assign-n' }) : msg(str`Remove from ${count}`, { id: 'users-bulk.remove-n' })}
        </button>
      </div>`;
  }

  /** @internal The server refuses assignments beyond the free seats: say so before anyone tries. */
  private seatsText(free: number): string {
    const n = formatNumber(Math.max(0, free));
    return msg(str`Only ${n} free: the assignments beyond that will fail.`, { id: 'users-bulk.seats' });
  }

  /** @internal Progress while running; the summary at the end. */
  private renderProgress(assign: boolean) {
    const jobs = this.jobs;
    const done = jobs.filter((j) => j.state === 'done');
    const failed = jobs.filter((j) => j.state === 'failed');
    const waiting = jobs.filter((j) => j.state === 'waiting');
    const finished = formatNumber(done.length + failed.length);
    const total = formatNumber(jobs.length);
    const running = this.step === 'running';
    const name = this.licence?.name ?? '';
    const doneN = formatNumber(done.length);
    const failedN = formatNumber(failed.length);
    const notStarted = formatNumber(waiting.length);
    return html`<progress part="progress" max=${jobs.length} .value=${done.length + failed.length} aria-labelledby="bulk-progress"></progress>
      <div class="bulk-status" role="status">
        <p id="bulk-progress">
          ${running
            ? this.cancelled
              ? msg(str`Stopping… ${finished} of ${total} done.`, { id: 'users-bulk.stopping' })
              : msg(str`${finished} of ${total} done.`, { id: 'users-bulk.progress' })
            : assign
              ? msg(str`${name} assigned to ${doneN} of ${total} users.`, { id: 'users-bulk.summary-assigned' })
              : msg(str`${name} removed from ${doneN} of ${total} users.`, { id: 'users-bulk.summary-removed' })}
        </p>
        ${!running && failed.length
          ? html`<p class="failed-title">${msg(str`${failedN} failed:`, { id: 'users-bulk.failed' })}</p>
              <ul class="failures" part="failures">
                ${failed.map(
                  (j) => html`<li><strong>${who(j.entry)}</strong> — ${j.error?.reason ? j.error.reason : j.error?.kind === 'conflict' ? msg('Someone else changed this user meanwhile.', { id: 'users-bulk.conflict' }) : reasonOf(j.error)}</li>`,
                )}
              </ul>`
          : nothing}
        ${!running && waiting.length ? html`<p>${msg(str`Cancelled: ${notStarted} not started.`, { id: 'users-bulk.not-started' })}</p>` : nothing}
        ${!running && done.length ? html`<details class="done"><summary>${msg(str`Done (${doneN})`, { id: 'users-bulk.done-list' })}</summary><ul>${done.map((j) => html`<li>${who(j.entry)}</li>`)}</ul></details>` : nothing}
      </div>
      <div class="actions summary-actions">
        ${running
          ? html`<button type="button" class="button" part="cancel" aria-disabled=${this.cancelled ? 'true' : 'false'} @click=${this.onCancel}>
              ${msg('Cancel', { id: 'edit.cancel' })}
            </button>`
          : html`${failed.length && !this.host.writesForbidden
                ? html`<button type="button" class="button" part="retry-failed" @click=${() => this.run(failed.map((j) => j.entry))}>
                    ${msg('Retry failed', { id: 'users-bulk.retry' })}
                  </button>`
                : nothing}
              <button type="button" class="button primary" @click=${() => this.close()}>${msg('Close', { id: 'users.close' })}</button>`}
      </div>`;
  }
}

export const bulkStyles = css`
  dialog.bulk {
    width: min(30rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog.bulk h3 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  dialog.bulk::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog.bulk .field {
    max-width: none;
  }
  dialog.bulk progress {
    width: 100%;
    accent-color: var(--_accent);
  }
  .bulk-status p {
    margin: var(--_space) 0;
  }
  .failures {
    margin: 0;
    padding-left: 1.2rem;
    color: var(--_danger-text);
  }
  dialog.bulk .note {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  dialog.bulk .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
    margin-top: calc(var(--_space) * 2);
  }
  dialog.bulk .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  dialog.bulk .button.danger {
    border-color: var(--_danger-text);
    background: var(--_danger-text);
    color: var(--_surface);
  }
`;
