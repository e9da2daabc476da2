/** What `<so-user-licence-filter>` computes from its data: the picker's licences, and users ready to filter. */
import { getUsers, licenceColumn, type CallOptions, type Page, type UsersQuery } from '../../api/endpoints.js';
import type { ResolvedConfig } from '../../api/config.js';
import { holdsLicence, isTruthyCell, type ExtendedLicenseInfo, type LicenseOwner, type ModuleLicenseLink, type UserRow } from '../../api/schemas.js';

/** A user licence the picker offers (E1: `UserLicense`, not hidden). */
export interface UserLicence {
  /** The archive column `{owner}_{module}` in lower case: the element's `value` when picked. */
  column: string;
  ownerName: string;
  moduleName: string;
  /** `ModuleDescription`, or the module name when it has none. */
  name: string;
  /** A user plan (`ExtraFlags === 1`). */
  plan: boolean;
  inUse: number;
  total: number;
  unrestricted: boolean;
  /** `PrerequisiteModuleName`: a licence of the same owner the user must hold first (`''` for none). */
  prerequisite: string;
}

/** Every user licence of every owner that is not hidden: plans first, then by owner (E1's order) and `SortOrder`. */
export function userLicences(owners: readonly ExtendedLicenseInfo[]): UserLicence[] {
  const seen = new Set<string>();
  return owners
    .flatMap((owner, ownerIndex) =>
      owner.ExtendedModuleLicenses.filter((m) => m.Current.LicenseType === 'UserLicense' && !m.Current.IsHidden).map(
        (m) => {
          const c = m.Current;
          const plan = c.ExtraFlags === 1;
          return {
            sort: [plan ? 0 : 1, ownerIndex, c.SortOrder],
            licence: {
              column: licenceColumn(c.OwnerName, c.ModuleName),
              ownerName: c.OwnerName,
              moduleName: c.ModuleName,
              name: c.ModuleDescription || c.ModuleName,
              plan,
              inUse: m.NumberOfLicensesInUse,
              total: m.NumberOfLicensesTotal,
              unrestricted: c.Unrestricted,
              prerequisite: c.PrerequisiteModuleName ?? '',
            },
          };
        },
      ),
    )
    .sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1] || a.sort[2] - b.sort[2])
    .map((x) => x.licence)
    .filter((l) => !seen.has(l.column) && !!seen.add(l.column));
}

/** A user row with what filtering needs, computed once when its page arrives. */
export interface UserEntry {
  row: UserRow;
  /** The licence columns the user holds, among `known`. */
  held: ReadonlySet<string>;
  /** The licence columns the row was read with (`$select` is narrow: a user's other licences are not known here). */
  known: ReadonlySet<string>;
  /** Full name, user id, group, role and plan, folded for the text search (the columns the server searches). */
  text: string;
  active: boolean;
}

/** Lower case without diacritics: "Linnéa" is found by "linnea", "Ødegaard" by "odegaard". */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae');

export function toEntry(row: UserRow, columns: readonly string[]): UserEntry {
  return {
    row,
    held: new Set(columns.filter((c) => holdsLicence(row, c))),
    known: new Set(columns),
    text: fold([row.fullName, row.assocName, row.usergroup, row.role, row.userplan].join('\u0000')),
    active: isTruthyCell(row.isActive),
  };
}

/**
 * One page of a user list (E8) as entries: the user columns and the licence `columns`, each row made ready to filter
 * (what the lists, their CSV export and the holders read).
 */
export async function getUserEntries(
  config: ResolvedConfig,
  list: 'internal' | 'other',
  columns: readonly string[],
  page: Page,
  o: CallOptions & UsersQuery,
) {
  const answer = await getUsers(config, list, columns, page, o);
  return { ...answer, value: answer.value.map((row) => toEntry(row, columns)) };
}

/** The users who hold `column` (all when empty) and whose name, user id, group, role or plan contains `query`. */
export function filterUsers(entries: readonly UserEntry[], column: string, query: string): readonly UserEntry[] {
  const q = fold(query.trim());
  if (!column && !q) return entries;
  return entries.filter((e) => (!column || e.held.has(column)) && (!q || e.text.includes(q)));
}

/** One owner's licences for the details panel: hidden ones left out, in `SortOrder`. */
export interface OwnerAssignments {
  name: string;
  description: string;
  licences: ModuleLicenseLink[];
  /** Every link of the owner, hidden ones too (a prerequisite may be hidden). */
  all: ModuleLicenseLink[];
}

/** E9 per owner, without hidden licences and without owners left with none. */
export function assignmentsOf(owners: readonly LicenseOwner[]): OwnerAssignments[] {
  return owners
    .map((o) => ({
      name: o.Name,
      description: o.Description || o.Name,
      licences: [...o.RestrictedModuleLicenses, ...o.UnrestrictedModuleLicenses]
        .filter((l) => !l.IsHidden)
        .sort((a, b) => a.SortOrder - b.SortOrder),
      all: [...o.RestrictedModuleLicenses, ...o.UnrestrictedModuleLicenses],
    }))
    .filter((o) => o.licences.length > 0);
}

/** Every module of E1, keyed `{owner}/{module}` in lower case: its localized name and its prerequisite's name. */
export type ModuleIndex = ReadonlyMap<string, { description: string; prerequisite: string }>;

const moduleKey = (ownerName: string, moduleName: string) => `${ownerName}/${moduleName}`.toLowerCase();

export function moduleIndex(owners: readonly ExtendedLicenseInfo[]): ModuleIndex {
  const index = new Map<string, { description: string; prerequisite: string }>();
  for (const owner of owners) {
    for (const m of owner.ExtendedModuleLicenses) {
      const c = m.Current;
      index.set(moduleKey(c.OwnerName, c.ModuleName), { description: c.ModuleDescription || c.ModuleName, prerequisite: c.PrerequisiteModuleName });
    }
  }
  return index;
}

/** The localized name of the licence `moduleName` of `ownerName` requires, or `''` when it requires none. */
export function prerequisiteOf(index: ModuleIndex, ownerName: string, moduleName: string): string {
  const prerequisite = index.get(moduleKey(ownerName, moduleName))?.prerequisite.trim();
  if (!prerequisite) return '';
  return index.get(moduleKey(ownerName, prerequisite))?.description ?? prerequisite;
}
