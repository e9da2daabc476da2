/**
 * *Assign licence…* / *Remove licence…* for the users selected in `<so-user-licence-filter>`: pick the licence; where
 * the rows were read without that licence's column, who already holds it is read from the server first (its holders'
 * keys, 1,000 a request, with progress); then confirm, naming exactly how many users gain or lose what. With no free
 * seat at all, assigning is not offered (and says why). A small queue runs the writes at most 2 at a time with
 * progress and *Cancel* (what was done stays done); users who already are as the change would make them get no
 * request. The summary lists each failure with its reason and *Retry failed*, what was done, who already had it (or
 * did not have it), and what was not started — its numbers add up to the selection. Loaded on first use.
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { msg, str } from '../../localization.js';
import type { AssignmentChange } from '../../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import { holdsLicence } from '../../api/schemas.js';
import { reasonOf } from '../../core/states.js';
import { BULK_LIMIT, fetchAllUsers, HOLDERS_LIMIT } from './all-users.js';
import { BulkQueue, bulkTemplate } from '../../core/bulk-queue.js';
import { formatNumber } from '../../core/format.js';
import type { WriteAction } from '../../core/write-action.js';
import { saveAssignments } from '../../api/assignments.js';
import { isolate } from '../../core/bidi.js';
import { heading } from '../../core/heading.js';
import type { EditorHost } from './editing.js';
import type { UserEntry, UserLicence } from './users.js';

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
  private opener: HTMLElement | null = null;
  /** @internal What each saved user's write changed (a plan assigned also took the old plan away). */
  private readonly saved = new Map<UserEntry, AssignmentChange[]>();
  /** @internal At most 2 writes at a time, progress, cancel, summary, *Retry failed*. */
  private readonly queue: BulkQueue<UserEntry>;
  /** @internal Per licence column read from the server in this dialog: the associate ids of its holders. */
  private readonly holders = new Map<string, { ids: ReadonlySet<number>; complete: boolean }>();
  /** @internal The read of a licence's holders under way: how many were read of how many. */
  private checking?: { column: string; done: number; total?: number; controller: AbortController };
  /** @internal Why the last read of a licence's holders failed. */
  private checkFailed?: { column: string; error: ApiError };

  constructor(
    private readonly host: EditorHost,
    /** The element's writes: failures go through it (events, read-only after a 403). */
    private readonly action: WriteAction,
  ) {
    host.addController(this);
    adopt(host);
    this.queue = new BulkQueue<UserEntry>(host, {
      work: async (entry, signal) => {
        const licence = this.licence!;
        const change = { ownerName: licence.ownerName, moduleName: licence.moduleName, assigned: this.mode === 'assign' };
        const saved = await saveAssignments(this.host.config, entry.row.associateDbId, [change], { plans: this.plans(), already: 'skip', signal });
        // Read fresh, the user already was so (someone changed it meanwhile): nothing was written.
        if (!saved.length) return 'unchanged';
        this.saved.set(entry, saved);
      },
      onDone: (entry) => {
        for (const c of this.saved.get(entry) ?? []) this.host.emit('so-assignment-change', { associateId: entry.row.associateDbId, ...c });
      },
      onFailed: (_entry, error) => {
        this.action.fail(error, this.mode === 'assign' ? 'bulk-assign' : 'bulk-remove', false);
        // 403: the signed-in user may not change assignments; nothing more is tried.
        if (error.kind === 'forbidden') this.queue.cancel();
      },
      onFinished: () => void this.finished(),
    });
  }

  hostConnected(): void {
    adopt(this.host);
  }

  /** @internal */
  private plans(): ReadonlySet<string> {
    return new Set(this.host.userLicences.filter((l) => l.plan).map((l) => l.moduleName.toLowerCase()));
  }

  /** Opens the dialog for `users`. */
  async open(mode: 'assign' | 'remove', users: readonly UserEntry[], column = ''): Promise<void> {
    if (this.queue.running) return;
    this.opener = (this.host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this.mode = mode;
    this.users = [...users];
    this.column = column || this.choices()[0]?.column || '';
    this.holders.clear();
    this.checkFailed = undefined;
    void this.check();
    await this.show('pick', 'select');
  }

  /** @internal Whether `user` holds the picked licence: from their row, else from its holders read here. */
  private holds(user: UserEntry): boolean | undefined {
    if (user.known.has(this.column)) return user.held.has(this.column);
    const holders = this.holders.get(this.column);
    if (!holders) return undefined;
    // Not among holders read to the bound: not known either way, so the request is sent.
    return holders.ids.has(user.row.associateDbId) || (holders.complete ? false : undefined);
  }

  /**
   * @internal Some selected users were read without the picked licence's column: reads the keys of its holders in
   * both lists (`$filter=<column> eq 1`, 1,000 a request), so the confirmation can say exactly who changes.
   */
  private async check(): Promise<void> {
    const column = this.column;
    const licence = this.licence;
    if (!licence || this.holders.has(column) || this.checking?.column === column) return;
    if (this.users.every((u) => u.known.has(column))) return;
    this.checking?.controller.abort();
    const controller = new AbortController();
    const progress = (done: number) => {
      this.checking = { column, done, total: licence.inUse, controller };
      this.host.requestUpdate();
    };
    progress(0);
    this.checkFailed = undefined;
    try {
      const ids = new Set<number>();
      let complete = true;
      for (const list of ['internal', 'other'] as const) {
        const before = ids.size;
        const { rows, read } = await fetchAllUsers(this.host.config, list, [column], { holders: column }, {
          signal: controller.signal,
          keep: (row) => holdsLicence(row, column),
          onProgress: (p) => progress(before + p.done),
        });
        for (const row of rows) ids.add(row.associateDbId);
        if (read >= HOLDERS_LIMIT) complete = false;
      }
      this.holders.set(column, { ids, complete });
    } catch (error) {
      if (!isAbort(error)) this.checkFailed = { column, error: toApiError(error) };
    } finally {
      if (this.checking?.controller === controller) this.checking = undefined;
      this.host.requestUpdate();
    }
  }

  /** @internal Shows `step` in the modal dialog (opened again if Escape closed it) and focuses `focus` in it. */
  private async show(step: 'pick' | 'summary', focus: string): Promise<void> {
    this.step = step;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialogElement();
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>(focus)?.focus();
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
    return this.users.filter((u) => this.holds(u) !== assign);
  }

  /** @internal The selected users who already are as the change would make them: no request is sent for them. */
  private unchanged(): UserEntry[] {
    const assign = this.mode === 'assign';
    return this.users.filter((u) => this.holds(u) === assign);
  }

  /** @internal */
  private close(): void {
    if (this.queue.running) return;
    this.checking?.controller.abort();
    this.dialogElement()?.close();
    this.mode = undefined;
    this.host.requestUpdate();
    if (this.opener?.isConnected) this.opener.focus();
  }

  /** @internal Starts the queue over `entries`; `unchanged` are counted in its summary, without a request. */
  private run(entries: readonly UserEntry[], unchanged: readonly UserEntry[]): void {
    if (!this.licence || !entries.length) return;
    this.step = 'running';
    this.saved.clear();
    this.action.dismiss();
    this.queue.start(entries, unchanged);
  }

  /** @internal The summary is up: focus moves into it (Escape while running closed the dialog: it opens again). */
  private finished(): Promise<void> {
    return this.show('summary', '[part=retry-failed], [part=close-bulk]');
  }

  /** The dialog while a bulk change is open. */
  dialog() {
    if (!this.mode) return nothing;
    const assign = this.mode === 'assign';
    const title = assign ? msg('Assign licence', { id: 'users-bulk.assign-title' }) : msg('Remove licence', { id: 'users-bulk.remove-title' });
    return html`<dialog
      class="bulk"
      part="dialog bulk-dialog"
      aria-labelledby="bulk-title"
      @close=${() => (this.queue.running ? this.queue.cancel() : this.close())}
    >
      ${this.step === 'pick'
        ? html`${heading(this.host.dialogLevel, title, { id: 'bulk-title' })}
            ${this.renderPick(assign)}`
        : bulkTemplate(
            this.queue,
            { title: this.runTitle(assign), name: (e) => who(e as UserEntry), level: this.host.dialogLevel, unchanged: this.unchangedTexts(assign) },
            () => this.close(),
          )}
    </dialog>`;
  }

  /** @internal Licence picker and the confirmation sentence: exactly how many users change, and who does not. */
  private renderPick(assign: boolean) {
    const licence = this.licence;
    const waiting = this.checking?.column === this.column || (this.checkFailed?.column === this.column) || !licence;
    const affected = waiting ? [] : this.affected();
    const unchanged = waiting ? [] : this.unchanged();
    const n = affected.length;
    const count = formatNumber(n);
    const free = licence && assign && !licence.unrestricted ? Math.max(0, licence.total - licence.inUse) : undefined;
    // Nobody can get a licence that has no free seat: the server would refuse every assignment.
    const noSeat = free === 0 && n > 0;
    // Selections of all matching over several searches can add up beyond what one bulk change takes.
    const tooMany = this.users.length > BULK_LIMIT;
    const ready = !waiting && n > 0 && !noSeat && !tooMany;
    return html`<div class="field">
        <label for="bulk-licence">${msg('Licence', { id: 'users-bulk.licence' })}</label>
        <select id="bulk-licence" @change=${(e: Event) => {
          this.column = (e.target as HTMLSelectElement).value;
          void this.check();
          this.host.requestUpdate();
        }}>
          ${this.choices().map((l) => html`<option value=${l.column} .selected=${l.column === this.column}>${l.name}</option>`)}
        </select>
      </div>
      ${waiting ? this.renderCheck() : html`<p class="confirm-text" role="status">${this.sentence(assign, n, unchanged.length)}</p>`}
      ${tooMany
        ? html`<p class="notice error" id="bulk-too-many" part="bulk-too-many">
            ${msg(str`A bulk change takes at most ${formatNumber(BULK_LIMIT)} users; ${formatNumber(this.users.length)} are selected. Clear the selection and select fewer.`, { id: 'bulk-select.too-many' })}
          </p>`
        : nothing}
      ${!waiting && free !== undefined && free < n
        ? html`<p class="notice ${noSeat ? 'error' : 'warning'}" id="bulk-seats" part="bulk-seats">${this.seatsText(free)}</p>`
        : nothing}
      ${assign && licence?.plan ? html`<p class="note">${msg('A plan replaces the plan a user has now, from their next sign-in.', { id: 'users-bulk.plan-note' })}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button" @click=${() => this.close()}>${msg('Cancel', { id: 'edit.cancel' })}</button>
        <button
          type="button"
          class="button ${assign ? 'primary' : 'danger'}"
          part="confirm"
          aria-disabled=${ready ? 'false' : 'true'}
          aria-describedby=${tooMany ? 'bulk-too-many' : noSeat ? 'bulk-seats' : nothing}
          @click=${() => ready && this.run(affected, unchanged)}
        >
          ${assign ? msg(str`Assign to ${count}`, { id: 'users-bulk.assign-n' }) : msg(str`Remove from ${count}`, { id: 'users-bulk.remove-n' })}
        </button>
      </div>`;
  }

  /** @internal While the picked licence's holders are read: progress; if that failed: why, and *Try again*. */
  private renderCheck() {
    const name = isolate(this.licence?.name);
    const failed = this.checkFailed?.column === this.column ? this.checkFailed : undefined;
    if (failed) {
      return html`<div class="notice error" role="alert">
        <p>${msg(str`Could not read who already has ${name}.`, { id: 'bulk-select.check-failed' })} ${reasonOf(failed.error)}</p>
        <button type="button" class="button" part="check-again" @click=${() => {
          this.checkFailed = undefined;
          void this.check();
        }}>${msg('Try again', { id: 'state.retry' })}</button>
      </div>`;
    }
    const c = this.checking;
    return html`<div class="bulk-check">
      <p id="bulk-check" role="status">${msg(str`Checking who has ${name}…`, { id: 'bulk-select.checking' })}</p>
      <progress aria-labelledby="bulk-check" max=${c?.total || 1} .value=${Math.min(c?.done ?? 0, c?.total || 1)}></progress>
    </div>`;
  }

  /** @internal "3 users will get Archive user. 2 of the selected users already have it." */
  private sentence(assign: boolean, n: number, unchanged: number): string {
    const name = isolate(this.licence?.name);
    if (!n) {
      return assign
        ? msg(str`Every selected user already has ${name}: there is nothing to change.`, { id: 'bulk-select.none-to-gain' })
        : msg(str`None of the selected users has ${name}: there is nothing to change.`, { id: 'bulk-select.none-to-lose' });
    }
    const count = formatNumber(n);
    const sentence = assign
      ? n === 1
        ? msg(str`1 user will get ${name}.`, { id: 'users-bulk.will-gain-one' })
        : msg(str`${count} users will get ${name}.`, { id: 'users-bulk.will-gain' })
      : n === 1
        ? msg(str`1 user will lose ${name}.`, { id: 'users-bulk.will-lose-one' })
        : msg(str`${count} users will lose ${name}.`, { id: 'users-bulk.will-lose' });
    if (!unchanged) return sentence;
    const skipped = formatNumber(unchanged);
    const rest = assign
      ? unchanged === 1
        ? msg('1 of the selected users already has it and is left as is.', { id: 'bulk-select.already-has-one' })
        : msg(str`${skipped} of the selected users already have it and are left as they are.`, { id: 'bulk-select.already-have' })
      : unchanged === 1
        ? msg('1 of the selected users does not have it and is left as is.', { id: 'bulk-select.lacks-one' })
        : msg(str`${skipped} of the selected users do not have it and are left as they are.`, { id: 'bulk-select.lack' });
    return `${sentence} ${rest}`;
  }

  /**
   * @internal The server refuses assignments beyond the free seats: say so before anyone tries. With none free,
   * assigning is not offered.
   */
  private seatsText(free: number): string {
    const name = isolate(this.licence?.name);
    if (free === 0) return msg(str`No free licences: nobody can be given ${name}. Free some first, or buy more.`, { id: 'bulk-select.no-free' });
    const n = formatNumber(free);
    return free === 1
      ? msg('Only 1 licence is free: the assignments after the first will fail.', { id: 'bulk-select.one-free' })
      : msg(str`Only ${n} licences are free: the assignments after the first ${n} will fail.`, { id: 'bulk-select.few-free' });
  }

  /** @internal The summary's list and count of users left as they were. */
  private unchangedTexts(assign: boolean) {
    return assign
      ? {
          label: msg('Already had it', { id: 'bulk-select.had-it' }),
          count: (n: number) =>
            n === 1
              ? msg('1 user already had it (nothing sent).', { id: 'bulk-select.had-it-one' })
              : msg(str`${formatNumber(n)} users already had it (nothing sent).`, { id: 'bulk-select.had-it-count' }),
        }
      : {
          label: msg('Did not have it', { id: 'bulk-select.lacked-it' }),
          count: (n: number) =>
            n === 1
              ? msg('1 user did not have it (nothing sent).', { id: 'bulk-select.lacked-it-one' })
              : msg(str`${formatNumber(n)} users did not have it (nothing sent).`, { id: 'bulk-select.lacked-it-count' }),
        };
  }

  /** @internal "Assigning Sales Premium" */
  private runTitle(assign: boolean): string {
    const name = isolate(this.licence?.name);
    return assign ? msg(str`Assigning ${name}`, { id: 'users-bulk.assigning' }) : msg(str`Removing ${name}`, { id: 'users-bulk.removing' });
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
  dialog.bulk #bulk-title {
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
  .bulk-check p {
    margin: var(--_space) 0 0.25rem;
  }
  dialog.bulk .notice p {
    margin: 0;
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
  dialog.bulk :is(h2, h3, h4, h5, h6):not(#bulk-title) {
    margin: var(--_space) 0 0.25rem;
    font-size: 1em;
  }
  .bulk-progress {
    display: grid;
    gap: var(--_space);
  }
  .bulk-list {
    margin: 0;
    padding-left: 1.2rem;
  }
  .bulk-list.failed {
    color: var(--_danger-text);
  }
  .bulk-more {
    margin: var(--_space) 0 0;
  }
  .bulk-more summary {
    cursor: pointer;
    font-weight: 600;
  }
  .bulk-reason::before {
    content: ' — ';
  }
  .bulk-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
    margin-top: calc(var(--_space) * 2);
  }
  dialog.bulk .button.danger {
    border-color: var(--_danger-text);
    background: var(--_danger-text);
    color: var(--_surface);
  }
`;
