/**
 * *Assign licence…* / *Remove licence…* for the users selected in `<so-user-licence-filter>`: pick the licence,
 * confirm (naming how many users gain or lose what), then a small queue runs the writes at most 2 at a time with
 * progress and *Cancel* (what was done stays done), and ends with a summary listing each failure with its reason and
 * *Retry failed*. Loaded on first use.
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { msg, str } from '../../localization.js';
import type { AssignmentChange } from '../../api/endpoints.js';
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
        this.saved.set(entry, await saveAssignments(this.host.config, entry.row.associateDbId, [change], { plans: this.plans(), already: 'skip', signal }));
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
    await this.show('pick', 'select');
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

  /**
   * @internal The selected users the change concerns: those who lack the licence (assign) or hold it (remove), and
   * those whose rows were read without that licence's column (the save leaves them alone if they already are so).
   */
  private affected(): UserEntry[] {
    const assign = this.mode === 'assign';
    return this.users.filter((u) => !u.known.has(this.column) || u.held.has(this.column) !== assign);
  }

  /** @internal */
  private close(): void {
    if (this.queue.running) return;
    this.dialogElement()?.close();
    this.mode = undefined;
    this.host.requestUpdate();
    if (this.opener?.isConnected) this.opener.focus();
  }

  /** @internal Starts the queue over `entries`. */
  private run(entries: readonly UserEntry[]): void {
    if (!this.licence || !entries.length) return;
    this.step = 'running';
    this.saved.clear();
    this.action.dismiss();
    this.queue.start(entries);
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
        : bulkTemplate(this.queue, { title: this.runTitle(assign), name: (e) => who(e as UserEntry), level: this.host.dialogLevel }, () => this.close())}
    </dialog>`;
  }

  /** @internal Licence picker and the confirmation sentence. */
  private renderPick(assign: boolean) {
    const licence = this.licence;
    const affected = this.affected();
    const n = affected.length;
    const count = formatNumber(n);
    const name = isolate(licence?.name);
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
      <p class="confirm-text" role="status">${sentence} ${this.users.length > n ? already : nothing} ${this.unknown(affected) ? this.unknownText(assign) : nothing}</p>
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

  /** @internal Some of `users` were read without the picked licence's column: whether they have it is not known. */
  private unknown(users: readonly UserEntry[]): boolean {
    return users.some((u) => !u.known.has(this.column));
  }

  /** @internal */
  private unknownText(assign: boolean): string {
    return assign
      ? msg('Users who already have it are left as they are.', { id: 'users-bulk.unknown-have' })
      : msg('Users who do not have it are left as they are.', { id: 'users-bulk.unknown-lack' });
  }

  /** @internal The server refuses assignments beyond the free seats: say so before anyone tries. */
  private seatsText(free: number): string {
    const n = formatNumber(Math.max(0, free));
    return msg(str`Only ${n} free: the assignments beyond that will fail.`, { id: 'users-bulk.seats' });
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
