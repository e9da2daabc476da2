/** The CSV file of a user list (`<so-user-licence-filter>`'s lists, `<so-licence-holders>`): the columns shown. */
import type { CsvCell } from '../../core/csv.js';
import { msg } from '../../localization.js';
import type { UserEntry } from './users.js';

/** The file name's word for a list, in English like the rest of the name: `associates`, `other-users`. */
export const listFileWord = (list: 'internal' | 'other') => (list === 'internal' ? 'associates' : 'other-users');

/**
 * Name, user id, group, role (where the list shows it), user plan, and *Active* as the words *Yes* / *No* of the
 * locale — what a spreadsheet user filters by and reads without a legend (1/0 would need one). Read when the export
 * starts, so the header is in the locale of the moment.
 */
export function userCsvColumns(withRole: boolean): { header: string[]; cells: (e: UserEntry) => CsvCell[] } {
  const [yes, no] = [msg('Yes', { id: 'list.yes' }), msg('No', { id: 'csv-lists.no' })];
  const header = [
    msg('Name', { id: 'users.name' }),
    msg('User ID', { id: 'csv-lists.user-id' }),
    msg('Group', { id: 'users.group' }),
    ...(withRole ? [msg('Role', { id: 'users.role' })] : []),
    msg('User plan', { id: 'users.plan' }),
    msg('Active', { id: 'csv-lists.active' }),
  ];
  const cells = ({ row: r, active }: UserEntry): CsvCell[] => [
    r.fullName || r.assocName,
    r.assocName,
    r.usergroup,
    ...(withRole ? [r.role] : []),
    r.userplan,
    active ? yes : no,
  ];
  return { header, cells };
}
