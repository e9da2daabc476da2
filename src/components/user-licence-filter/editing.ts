/**
 * The editable user panel of `<so-user-licence-filter>`: a switch per assignable licence, the user plan as one choice
 * among the plans, each disabled control saying why. Loaded on first use (dynamic import) with its styles.
 *
 * Every write is pessimistic: the control is busy (`aria-busy`, clicks ignored) until the server answered and the
 * user's assignments were read again; the state shown always comes from the server. A single change offers *Undo*
 * for 10 s. 409 → that user is reloaded and the panel says someone else changed it; 403 → the element turns
 * read-only and reading goes on.
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg, str } from '../../localization.js';
import type { AssignmentChange } from '../../api/endpoints.js';
import type { KitElement } from '../../core/kit-element.js';
import { confirmChange } from '../../core/confirm-dialog.js';
import { WriteAction, writeNoticeTemplate, type WriteJob } from '../../core/write-action.js';
import type { ModuleLicenseLink } from '../../api/schemas.js';
import { isolate } from '../../core/bidi.js';
import { heading } from '../../core/heading.js';
import { isSuperOffice, saveAssignments } from '../../api/assignments.js';
import type { OwnerAssignments, UserEntry, UserLicence } from './users.js';

/** What the panel needs from its element. */
export interface EditorHost extends KitElement {
  /** E1's user licences (names, plans, prerequisites). */
  readonly userLicences: readonly UserLicence[];
  /** Resolves when the shown user's assignments were read again after a write. */
  assignmentsSettled(): Promise<void>;
  /** A write answered 403: the element shows a read-only sentence and keeps reading. */
  readonly writesForbidden: boolean;
  /** The level of the owners' headings in the panel (`heading-level`). */
  readonly ownerLevel: number;
  /** The level of a dialog's heading (`heading-level`). */
  readonly dialogLevel: number;
  /** The localized name of the licence `moduleName` of `ownerName` requires (E1), or `''`. */
  prerequisiteName(ownerName: string, moduleName: string): string;
}

/** Why a licence cannot be switched on, if it cannot. */
type Blocked = { reason: 'no-free' } | { reason: 'prerequisite'; name: string } | { reason: 'cannot' };

/** A licence name for a message. */
const nameOf = (l: ModuleLicenseLink) => l.Description || l.Name;

/** Loads the panel's styles into the element's shadow root once. */
function adopt(host: KitElement): void {
  const root = host.shadowRoot;
  const sheet = editingStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The editable assignments of the user shown in the panel. */
export class AssignmentEditor implements ReactiveController {
  /**
   * The element's writes (shared with the bulk run): one click one request, busy keys, events, the notice with
   * *Undo*, read-only after a 403.
   */
  readonly action: WriteAction;
  /** @internal The plan picked in the radio group but not saved yet, per user. */
  private planChoice = new Map<number, string>();

  constructor(private readonly host: EditorHost) {
    host.addController(this);
    this.action = new WriteAction(host);
    adopt(host);
  }

  hostConnected(): void {
    adopt(this.host);
  }

  /** @internal The key of the write in flight, if any: every control waits while one runs. */
  private get busy(): string | undefined {
    return [...this.action.busy][0];
  }

  /** The panel's content for `user` with their assignments `owners` (E9). */
  render(user: UserEntry, owners: OwnerAssignments[]): TemplateResult {
    const readOnly = this.host.writesForbidden;
    return html`<div class="editor" aria-busy=${this.busy ? 'true' : 'false'}>
      ${readOnly
        ? html`<p class="notice read-only" role="status">
            ${msg('You can view these assignments, but your user may not change them.', { id: 'edit.read-only' })}
          </p>`
        : nothing}
      ${owners.map((o, oi) => this.renderOwner(user, o, oi, readOnly))} ${writeNoticeTemplate(this.action)}
    </div>`;
  }

  /** @internal */
  private renderOwner(user: UserEntry, o: OwnerAssignments, oi: number, readOnly: boolean) {
    const so = isSuperOffice(o.name);
    const plans = so ? o.licences.filter((l) => l.ExtraFlags === 1) : [];
    const others = o.licences.filter((l) => !plans.includes(l));
    return html`${heading(this.host.ownerLevel, o.description, { class: 'owner', id: `owner-${oi}` })}
      ${plans.length ? this.renderPlans(user, o, plans, oi, readOnly) : nothing}
      <ul class="assignments" aria-labelledby="owner-${oi}">
        ${others.map((l, li) => this.renderSwitch(user, o, l, `${oi}-${li}`, readOnly))}
      </ul>`;
  }

  /** @internal Why `link` cannot be switched on for this user, if it cannot. */
  private blocked(o: OwnerAssignments, link: ModuleLicenseLink): Blocked | undefined {
    if (link.Assigned) return link.CanAssign ? undefined : { reason: 'cannot' };
    if (!link.Unrestricted && link.Free <= 0) return { reason: 'no-free' };
    const meta = this.host.userLicences.find(
      (l) => l.ownerName.toLowerCase() === o.name.toLowerCase() && l.moduleName.toLowerCase() === link.Name.toLowerCase(),
    );
    const prerequisite = meta?.prerequisite && o.all.find((l) => l.Name.toLowerCase() === meta.prerequisite.toLowerCase());
    if (prerequisite && !prerequisite.Assigned) return { reason: 'prerequisite', name: nameOf(prerequisite) };
    return link.CanAssign ? undefined : { reason: 'cannot' };
  }

  /** @internal */
  private whyText(b: Blocked, assigned: boolean): string {
    if (b.reason === 'no-free') return msg('No free licences', { id: 'edit.no-free' });
    if (b.reason === 'prerequisite') {
      const name = isolate(b.name);
      return msg(str`Requires ${name}`, { id: 'edit.requires' });
    }
    return assigned
      ? msg('Cannot be changed for this user', { id: 'edit.cannot-change' })
      : msg('Cannot be assigned to this user', { id: 'edit.cannot-assign' });
  }

  /** @internal One licence: name, a switch, and why it is disabled. */
  private renderSwitch(user: UserEntry, o: OwnerAssignments, l: ModuleLicenseLink, key: string, readOnly: boolean) {
    const blocked = readOnly ? undefined : this.blocked(o, l);
    const busy = this.busy === `${o.name}/${l.Name}`;
    const disabled = readOnly || !!blocked || (!!this.busy && !busy);
    return html`<li class=${l.Assigned ? 'assigned' : 'unassigned'}>
      <span class="licence" id="lic-${key}"><span class="licence-name">${nameOf(l)}</span>${this.renderRequires(o.name, l.Name)}</span>
      <button
        type="button"
        class="switch"
        part="switch"
        role="switch"
        aria-checked=${l.Assigned ? 'true' : 'false'}
        aria-labelledby="lic-${key}"
        aria-describedby=${blocked ? `why-${key}` : nothing}
        aria-disabled=${disabled || busy ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        @click=${() => this.onSwitch(user, o, l, disabled)}
      >
        <span class="track" aria-hidden="true"><span class="thumb"></span></span>
        <span class="status">${l.Assigned ? msg('Assigned', { id: 'users.assigned' }) : msg('Not assigned', { id: 'users.not-assigned' })}</span>
      </button>
      ${blocked ? html`<span class="why" id="why-${key}">${this.whyText(blocked, l.Assigned)}</span>` : nothing}
    </li>`;
  }

  /** @internal "requires Sales user": the prerequisite licence (E1 `PrerequisiteModuleName`) by its localized name. */
  private renderRequires(ownerName: string, moduleName: string) {
    const prerequisite = this.host.prerequisiteName(ownerName, moduleName);
    return prerequisite ? html` <span class="requires">${msg(str`requires ${prerequisite}`, { id: 'formats.requires' })}</span>` : nothing;
  }

  /** @internal The user plan: one choice among the plans, saved with *Change plan*. */
  private renderPlans(user: UserEntry, o: OwnerAssignments, plans: ModuleLicenseLink[], oi: number, readOnly: boolean) {
    const id = user.row.associateDbId;
    const current = plans.find((p) => p.Assigned)?.Name;
    const choice = this.planChoice.get(id) ?? current;
    const busy = this.busy === 'plan';
    const changed = !!choice && choice !== current;
    return html`<fieldset class="plans" part="plans" aria-describedby="plan-note-${oi}">
      <legend>${msg('User plan', { id: 'users.plan' })}</legend>
      ${plans.map((p, pi) => {
        const blocked = p.Name === current || readOnly ? undefined : this.blocked(o, p);
        const key = `${oi}-p${pi}`;
        return html`<label class="plan ${p.Name === current ? 'current' : ''}">
          <input
            type="radio"
            name="plan-${id}"
            .value=${p.Name}
            .checked=${p.Name === choice}
            ?disabled=${readOnly || !!blocked || (!!this.busy && !busy)}
            aria-describedby=${blocked ? `why-${key}` : nothing}
            @change=${() => {
              this.planChoice.set(id, p.Name);
              this.host.requestUpdate();
            }}
          />
          <span class="licence">${nameOf(p)}</span>
          ${blocked ? html`<span class="why" id="why-${key}">${this.whyText(blocked, false)}</span>` : nothing}
        </label>`;
      })}
      <p class="note" id="plan-note-${oi}">${msg('A plan change takes effect the next time the user signs in.', { id: 'edit.plan-note' })}</p>
      ${readOnly
        ? nothing
        : html`<button
            type="button"
            class="button"
            part="change-plan"
            aria-disabled=${!changed || busy || !!this.busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
            @click=${() => changed && this.onPlan(user, o, plans, current, choice)}
          >
            ${msg('Change plan', { id: 'edit.change-plan' })}
          </button>`}
    </fieldset>`;
  }

  /** @internal "Sales Premium assigned to Karin Holm." */
  private savedText(user: string, changes: AssignmentChange[]): string {
    const on = changes.find((c) => c.assigned);
    const off = changes.find((c) => !c.assigned);
    const name = (c: AssignmentChange) => isolate(this.licenceName(c));
    if (on && off) {
      const [from, to] = [name(off), name(on)];
      return msg(str`${user} now has ${to} instead of ${from}.`, { id: 'edit.saved-plan' });
    }
    const licence = name((on ?? off)!);
    return on
      ? msg(str`${licence} assigned to ${user}.`, { id: 'edit.saved-on' })
      : msg(str`${licence} removed from ${user}.`, { id: 'edit.saved-off' });
  }

  /** @internal */
  private licenceName(c: AssignmentChange): string {
    return (
      this.host.userLicences.find(
        (l) => l.ownerName.toLowerCase() === c.ownerName.toLowerCase() && l.moduleName.toLowerCase() === c.moduleName.toLowerCase(),
      )?.name ?? c.moduleName
    );
  }

  /** @internal */
  private async onSwitch(user: UserEntry, o: OwnerAssignments, l: ModuleLicenseLink, disabled: boolean): Promise<void> {
    if (disabled || this.busy) return;
    const change = { ownerName: o.name, moduleName: l.Name, assigned: !l.Assigned };
    if (!change.assigned) {
      const who = isolate(user.row.fullName || user.row.assocName);
      const licence = isolate(nameOf(l));
      const ok = await confirmChange(this.host, {
        heading: msg(str`Remove ${licence} from ${who}?`, { id: 'edit.remove-text' }),
        message: msg('The licence is free for someone else at once. Undo is offered for 10 seconds.', { id: 'edit.remove-message' }),
        confirmLabel: msg('Remove', { id: 'edit.remove' }),
        destructive: true,
      });
      if (!ok) return;
    }
    await this.write(user, `${o.name}/${l.Name}`, [change], change.assigned ? 'assign' : 'unassign', true);
  }

  /** @internal One PATCH: the old plan off and the new one on, both tested. */
  private async onPlan(user: UserEntry, o: OwnerAssignments, plans: ModuleLicenseLink[], current: string | undefined, choice: string) {
    if (this.busy) return;
    const changes: AssignmentChange[] = [{ ownerName: o.name, moduleName: choice, assigned: true }];
    if (current) changes.unshift({ ownerName: o.name, moduleName: current, assigned: false });
    if (current) {
      const who = isolate(user.row.fullName || user.row.assocName);
      const [from, to] = [isolate(nameOf(plans.find((p) => p.Name === current)!)), isolate(nameOf(plans.find((p) => p.Name === choice)!))];
      const ok = await confirmChange(this.host, {
        heading: msg(str`Change the plan of ${who} to ${to}?`, { id: 'edit.plan-title' }),
        message: msg(str`${who} loses ${from} and gets ${to}. The change takes effect at the next sign-in.`, { id: 'edit.plan-text' }),
        confirmLabel: msg('Change plan', { id: 'edit.change-plan' }),
        destructive: true,
      });
      if (!ok) return;
    }
    await this.write(user, 'plan', changes, current ? 'reassign' : 'assign', true);
    this.planChoice.delete(user.row.associateDbId);
  }

  /** @internal */
  private write(user: UserEntry, key: string, changes: AssignmentChange[], operation: string, undoable: boolean) {
    return this.action.run(this.job(user.row.associateDbId, isolate(user.row.fullName || user.row.assocName), key, changes, operation, undoable));
  }

  /** @internal One write: busy until the server answered and the user was read again; never retried. */
  private job(associateId: number, who: string, key: string, changes: AssignmentChange[], operation: string, undoable: boolean): WriteJob {
    const plans = new Set(this.host.userLicences.filter((l) => l.plan).map((l) => l.moduleName.toLowerCase()));
    const inverse = changes.map((c) => ({ ...c, assigned: !c.assigned })).reverse();
    return {
      key,
      operation,
      changes: changes.map((c) => ({ associateId, ...c })),
      run: async (signal) => {
        try {
          await saveAssignments(this.host.config, associateId, changes, { plans, signal });
        } finally {
          // The state shown comes from the server: wait for the user's assignments read again (after a 409 too).
          await this.host.assignmentsSettled();
        }
      },
      done: () => this.savedText(who, changes),
      undo: undoable ? () => this.job(associateId, who, key, inverse, 'undo', false) : undefined,
    };
  }
}

/** The panel's styles, adopted into the element's shadow root when the editing code loads. */
export const editingStyles = css`
  .editor .assignments li {
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-areas: 'name switch' 'why why';
    row-gap: 0.15rem;
  }
  .editor .licence {
    grid-area: name;
  }
  .switch {
    grid-area: switch;
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    padding: 0.15rem 0.25rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .switch[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .switch[aria-disabled='true']:not([aria-busy='true']) .track {
    opacity: 0.45;
  }
  .track {
    position: relative;
    flex: none;
    width: 2.25rem;
    height: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_track);
  }
  .thumb {
    position: absolute;
    top: 1px;
    left: 1px;
    width: calc(1.25rem - 4px);
    height: calc(1.25rem - 4px);
    border-radius: 50%;
    background: var(--_surface);
    box-shadow: 0 0 0 1px var(--_border);
    transition: transform 0.15s;
  }
  .switch[aria-checked='true'] .track {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  .switch[aria-checked='true'] .thumb {
    transform: translateX(1rem);
  }
  .switch[aria-busy='true'] .thumb {
    animation: so-pulse 0.8s ease-in-out infinite alternate;
  }
  @keyframes so-pulse {
    to {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .thumb {
      transition: none;
    }
    .switch[aria-busy='true'] .thumb {
      animation: none;
    }
  }
  .switch .status {
    min-width: 6.5em;
    font-size: 0.85em;
  }
  .why {
    grid-area: why;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .plans {
    display: grid;
    gap: 0.3rem;
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_track);
    border-radius: var(--_radius);
  }
  .plans legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }
  .plan {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.5rem;
    align-items: center;
    font-weight: normal;
  }
  .plan .why {
    flex-basis: 100%;
    padding-left: 1.6rem;
  }
  .plans .note {
    margin: 0.25rem 0;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .plans .button {
    justify-self: start;
  }
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .write-status:empty {
    display: none;
  }
  .editor .notice {
    margin: var(--_space) 0 0;
  }
  .notice.saved {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .button.link {
    padding: 0 0.25rem;
    border: none;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
    margin-top: calc(var(--_space) * 2);
  }
  .button.danger {
    border-color: var(--_danger-text);
    background: var(--_danger-text);
    color: var(--_surface);
  }
`;
