/**
 * Saving one user's licence assignments, shared by every element that writes them (`<so-user-licence-filter>`'s
 * panel and bulk changes, `<so-licence-holders>`): W8 (a tested JSON Patch of `GET /User/{id}`, built by
 * `assignmentPatch`) for SuperOffice-owned licences, W9 (`PUT`/`DELETE /License/{owner}/{id}`) for third-party owners.
 * Loaded with the editing code, on first use.
 */
import type { ResolvedConfig } from './config.js';
import {
  assignThirdPartyLicences,
  getUser,
  patchUserAssignments,
  unassignThirdPartyLicences,
  type AssignmentChange,
} from './endpoints.js';
import { invalidate } from './client.js';
import { ApiError } from './errors.js';
import type { User } from './schemas.js';

/** The owner whose licences W8 changes; every other owner is third-party (W9). */
export const isSuperOffice = (ownerName: string) => ownerName.toUpperCase() === 'SUPEROFFICE';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The links of `ownerName` in `user`, restricted and unrestricted. */
function linksOf(user: User, ownerName: string) {
  const owner = user.LicenseOwners.find((o) => same(o.Name, ownerName));
  return owner ? [...owner.RestrictedModuleLicenses, ...owner.UnrestrictedModuleLicenses] : [];
}

/** The user plan a W8 user holds now (SuperOffice, `ExtraFlags === 1`, assigned), if any. */
export function assignedPlan(user: User): string | undefined {
  const owner = user.LicenseOwners.find((o) => isSuperOffice(o.Name));
  return owner ? linksOf(user, owner.Name).find((l) => l.ExtraFlags === 1 && l.Assigned)?.Name : undefined;
}

/** How a save treats a change the user already has. */
export interface SaveOptions {
  /** The module names (any case) of the user plans: assigning one replaces the user's plan in the same PATCH. */
  plans?: ReadonlySet<string>;
  /**
   * `'conflict'` (default): a change the user already has means someone else made it meanwhile — nothing is sent,
   * that user reloads, and the save throws `conflict`. `'skip'`: such a change is left out (a bulk change over users
   * whose state was not known); nothing is sent when none is left.
   */
  already?: 'conflict' | 'skip';
  signal?: AbortSignal;
}

/**
 * `changes` as they apply to `user` now: a plan assigned replaces the plan the user holds (old off and new on, in one
 * PATCH). A change the user already has throws `conflict` (and reloads that user), or is left out with `'skip'`.
 */
export function changesFor(user: User, changes: readonly AssignmentChange[], o: Omit<SaveOptions, 'signal'> = {}): AssignmentChange[] {
  const out: AssignmentChange[] = [];
  for (const change of changes) {
    const link = linksOf(user, change.ownerName).find((l) => same(l.Name, change.moduleName));
    if (link && link.Assigned === change.assigned) {
      if (o.already === 'skip') continue;
      invalidate(['licences', 'users', `user:${user.AssociateId}`]);
      throw new ApiError('conflict', `User ${user.AssociateId}: ${change.moduleName} was changed by someone else meanwhile.`, 409);
    }
    if (change.assigned && o.plans?.has(change.moduleName.toLowerCase())) {
      const old = assignedPlan(user);
      if (old && !changes.some((c) => same(c.moduleName, old))) out.push({ ownerName: change.ownerName, moduleName: old, assigned: false });
    }
    out.push(change);
  }
  return out;
}

/**
 * Saves `changes` (all of one owner) for user `associateId`, exactly once, and answers what was saved.
 * SuperOffice-owned licences: the user is read fresh (`GET /User/{id}`) and must still be as the view showed it
 * (`changesFor`), then one tested JSON Patch is sent — a change meanwhile answers 409 and nothing is overwritten.
 * Other owners: W9 (`DELETE` to unassign, `PUT` to assign).
 */
export async function saveAssignments(
  config: ResolvedConfig,
  associateId: number,
  changes: readonly AssignmentChange[],
  o: SaveOptions = {},
): Promise<AssignmentChange[]> {
  const ownerName = changes[0]?.ownerName;
  if (!ownerName) return [];
  const { signal } = o;
  if (isSuperOffice(ownerName)) {
    const user = await getUser(config, associateId, { signal, fresh: true });
    const all = changesFor(user, changes, o);
    if (all.length) await patchUserAssignments(config, user, all, { signal });
    return all;
  }
  const on = changes.filter((c) => c.assigned).map((c) => c.moduleName);
  const off = changes.filter((c) => !c.assigned).map((c) => c.moduleName);
  if (off.length) await unassignThirdPartyLicences(config, ownerName, associateId, off, { signal });
  if (on.length) await assignThirdPartyLicences(config, ownerName, associateId, on, { signal });
  return [...changes];
}
