/**
 * Saving one user's licence assignments: W8 (a tested JSON Patch of `GET /User/{id}`) for SuperOffice-owned licences,
 * W9 (`PUT`/`DELETE /License/{owner}/{id}`) for third-party owners. Loaded with the editing code, on first use.
 */
import {
  assignThirdPartyLicences,
  getUser,
  patchUserAssignments,
  unassignThirdPartyLicences,
  type AssignmentChange,
} from '../../api/endpoints.js';
import type { ResolvedConfig } from '../../api/config.js';
import { invalidate } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { User } from '../../api/schemas.js';

/** The owner whose licences W8 changes; every other owner is third-party (W9). */
export const isSuperOffice = (ownerName: string) => ownerName.toUpperCase() === 'SUPEROFFICE';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The user plan a W8 user holds now (SuperOffice, `ExtraFlags === 1`, assigned), if any. */
export function assignedPlan(user: User): string | undefined {
  const owner = user.LicenseOwners.find((o) => isSuperOffice(o.Name));
  return [...(owner?.RestrictedModuleLicenses ?? []), ...(owner?.UnrestrictedModuleLicenses ?? [])].find(
    (l) => l.ExtraFlags === 1 && l.Assigned,
  )?.Name;
}

/**
 * `changes` as they apply to `user` now: a plan assigned replaces the plan the user holds (one PATCH, old off and new
 * on). Throws `conflict` (and reloads that user) when the user already is as asked: someone changed it meanwhile.
 */
export function changesFor(user: User, changes: readonly AssignmentChange[], plans: ReadonlySet<string>): AssignmentChange[] {
  const out: AssignmentChange[] = [];
  for (const change of changes) {
    const owner = user.LicenseOwners.find((o) => same(o.Name, change.ownerName));
    const link = [...(owner?.RestrictedModuleLicenses ?? []), ...(owner?.UnrestrictedModuleLicenses ?? [])].find((l) =>
      same(l.Name, change.moduleName),
    );
    if (link && link.Assigned === change.assigned) {
      invalidate(['licences', 'users', `user:${user.AssociateId}`]);
      throw new ApiError('conflict', `${change.moduleName} was changed by someone else meanwhile.`, 409);
    }
    if (change.assigned && plans.has(change.moduleName.toLowerCase())) {
      const old = assignedPlan(user);
      if (old && !changes.some((c) => same(c.moduleName, old))) {
        out.push({ ownerName: change.ownerName, moduleName: old, assigned: false });
      }
    }
    out.push(change);
  }
  return out;
}

/**
 * Saves `changes` (all of one owner) for one user. SuperOffice: the user as last read (`GET /User/{id}`, shared) is
 * tested before it is replaced, so a change made meanwhile answers 409 and nothing is overwritten. A plan assigned
 * replaces the user's plan in the same PATCH. Third-party: one `PUT` or `DELETE` with the module names.
 */
export async function saveAssignments(
  config: ResolvedConfig,
  associateId: number,
  changes: readonly AssignmentChange[],
  plans: ReadonlySet<string> = new Set(),
  signal?: AbortSignal,
): Promise<AssignmentChange[]> {
  const ownerName = changes[0]?.ownerName;
  if (!ownerName) return [];
  if (isSuperOffice(ownerName)) {
    const user = await getUser(config, associateId, { signal });
    const all = changesFor(user, changes, plans);
    await patchUserAssignments(config, user, all, { signal });
    return all;
  }
  const on = changes.filter((c) => c.assigned).map((c) => c.moduleName);
  const off = changes.filter((c) => !c.assigned).map((c) => c.moduleName);
  if (off.length) await unassignThirdPartyLicences(config, ownerName, associateId, off, { signal });
  if (on.length) await assignThirdPartyLicences(config, ownerName, associateId, on, { signal });
  return [...changes];
}
