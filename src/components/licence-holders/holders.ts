/** What `<so-licence-holders>` computes: the licence it shows (the writes are `saveAssignments` of src/api/assignments.ts). */
import { licenceColumn } from '../../api/endpoints.js';
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
