/** What `<so-licence-holders>` computes and sends: the licence it shows, and the write of one assignment. */
import type { ResolvedConfig } from '../../api/config.js';
import {
  assignThirdPartyLicences,
  getUser,
  licenceColumn,
  patchUserAssignments,
  unassignThirdPartyLicences,
  type AssignmentChange,
} from '../../api/endpoints.js';
import { invalidate } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { ExtendedLicenseInfo } from '../../api/schemas.js';

/** The owner whose licences are written with W8 (`PATCH /User/{id}`); every other owner uses W9. */
export const SUPEROFFICE = 'SUPEROFFICE';

/** One licence with its usage (E1). */
export interface HeldLicence {
  ownerName: string;
  moduleName: string;
  /** The archive column `{owner}_{module}` in lower case. */
  column: string;
  name: string;
  /** A user plan (`ExtraFlags === 1`). */
  plan: boolean;
  inUse: number;
  total: number;
  free: number;
  unrestricted: boolean;
}

function toHeld(m: ExtendedLicenseInfo['ExtendedModuleLicenses'][number]): HeldLicence {
  const c = m.Current;
  return {
    ownerName: c.OwnerName,
    moduleName: c.ModuleName,
    column: licenceColumn(c.OwnerName, c.ModuleName),
    name: c.ModuleDescription || c.ModuleName,
    plan: c.ExtraFlags === 1,
    inUse: m.NumberOfLicensesInUse,
    total: m.NumberOfLicensesTotal,
    free: Math.max(0, m.NumberOfLicensesFree),
    unrestricted: c.Unrestricted,
  };
}

/** The licence `ownerName`/`moduleName` (case-insensitive) and, for a plan, the other visible plans of its owner. */
export function findLicence(
  owners: readonly ExtendedLicenseInfo[],
  ownerName: string,
  moduleName: string,
): { licence: HeldLicence; otherPlans: HeldLicence[] } | undefined {
  const owner = owners.find((o) => o.Current.OwnerName.toLowerCase() === ownerName.toLowerCase());
  const m = owner?.ExtendedModuleLicenses.find((x) => x.Current.ModuleName.toLowerCase() === moduleName.toLowerCase());
  if (!owner || !m || m.Current.IsHidden) return undefined;
  const licence = toHeld(m);
  const otherPlans = licence.plan
    ? owner.ExtendedModuleLicenses.filter((x) => x !== m && x.Current.ExtraFlags === 1 && !x.Current.IsHidden)
        .sort((a, b) => a.Current.SortOrder - b.Current.SortOrder)
        .map(toHeld)
    : [];
  return { licence, otherPlans };
}

/** A licence can take one more holder. */
export const hasFreeSeat = (l: HeldLicence): boolean => l.unrestricted || l.free > 0;

/**
 * Saves `changes` (all of one owner) for user `associateId`, exactly once. SuperOffice-owned licences: W8 — the user
 * is read fresh and must still be as the list showed it (else `conflict`, and that user reloads), then a tested JSON
 * Patch is sent (a change meanwhile answers 409). Other owners: W9 (`DELETE` to unassign, `PUT` to assign).
 */
export async function saveAssignments(
  config: ResolvedConfig,
  associateId: number,
  changes: readonly AssignmentChange[],
  signal?: AbortSignal,
): Promise<void> {
  const ownerName = changes[0].ownerName;
  if (ownerName.toUpperCase() === SUPEROFFICE) {
    const user = await getUser(config, associateId, { signal, fresh: true });
    const owner = user.LicenseOwners.find((o) => o.Name.toUpperCase() === SUPEROFFICE);
    const links = owner ? [...owner.RestrictedModuleLicenses, ...owner.UnrestrictedModuleLicenses] : [];
    for (const change of changes) {
      const link = links.find((l) => l.Name.toLowerCase() === change.moduleName.toLowerCase());
      if (link && link.Assigned === change.assigned) {
        // Someone else made this change already: nothing is sent; the current state is shown.
        invalidate(['licences', 'users', `user:${associateId}`]);
        throw new ApiError('conflict', `User ${associateId}: ${change.moduleName} was changed by someone else meanwhile.`, 409);
      }
    }
    await patchUserAssignments(config, user, changes, { signal });
    return;
  }
  const [on, off] = [changes.filter((c) => c.assigned), changes.filter((c) => !c.assigned)];
  if (off.length) await unassignThirdPartyLicences(config, ownerName, associateId, off.map((c) => c.moduleName), { signal });
  if (on.length) await assignThirdPartyLicences(config, ownerName, associateId, on.map((c) => c.moduleName), { signal });
}
