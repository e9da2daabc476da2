/** The mocks read E8's `$filter` and `$orderBy` as SuperOffice documents them for archives (src/mocks/odata.ts). */
import { expect } from '@open-wc/testing';
import { usersFilter } from '../src/api/endpoints.js';
import { FilterSyntaxError, parseFilter, parseOrderBy, sortRows } from '../src/mocks/odata.js';
import type { ArchiveRow } from '../src/mocks/data.js';

const row = (PrimaryKey: number, cells: Record<string, string | number | boolean>): ArchiveRow => ({ PrimaryKey, EntityName: 'associate', ...cells });
const rows = [
  row(1, { fullName: 'Ingrid Solberg', assocName: 'INGRID', usergroup: 'Management', role: 'Administrator', userplan: 'Sales Premium', sales: '1' }),
  row(2, { fullName: "Sean O'Brien", assocName: 'SEAN', usergroup: 'Sales', role: 'Sales rep', userplan: '', sales: '0' }),
  row(3, { fullName: 'Åse Berg', assocName: 'ASE', usergroup: 'Support', role: 'Support agent', userplan: 'Service Premium', sales: true }),
  row(4, { fullName: 'anders lie', assocName: 'ANDERS', usergroup: 'sales', role: 'User', userplan: 'Sales Essentials', sales: '[I:1]' }),
];
const keys = (filter: string) => rows.filter(parseFilter(filter)).map((r) => r.PrimaryKey);

describe('mock archive restrictions for E8', () => {
  it('answers the user search: contains over name, user id, group, role and plan, ignoring case', () => {
    expect(keys(usersFilter(undefined, 'SALES')!)).to.deep.equal([1, 2, 4]);
    expect(keys(usersFilter(undefined, 'agent')!)).to.deep.equal([3]);
    expect(keys(usersFilter(undefined, 'essentials')!)).to.deep.equal([4]);
    expect(keys(usersFilter(undefined, "o'brien")!), 'a quote, escaped').to.deep.equal([2]);
  });

  it('joins the holders of a licence (eq 1 on yes/no cells) to the search; AND binds tighter than OR', () => {
    expect(keys(usersFilter('sales')!)).to.deep.equal([1, 3, 4]);
    expect(keys(usersFilter('sales', 'sales')!)).to.deep.equal([1, 4]);
    expect(keys("usergroup contains 'sales' or usergroup contains 'support' and sales eq 1")).to.deep.equal([2, 3, 4]);
    expect(keys("(usergroup contains 'sales' or usergroup contains 'support') and sales eq 1")).to.deep.equal([3, 4]);
  });

  it('refuses what SuperOffice would refuse', () => {
    for (const bad of ["fullName frobnicates 'x'", "fullName contains 'open", "(fullName contains 'x'", 'sales eq', "fullName contains 'x' sales"]) {
      expect(() => parseFilter(bad), bad).to.throw(FilterSyntaxError);
    }
    expect(() => parseOrderBy('fullName sideways')).to.throw(FilterSyntaxError);
  });

  it('orders users by a column with ties by name, either way; stable', () => {
    expect(sortRows(rows, parseOrderBy('usergroup asc,fullName asc')).map((r) => r.PrimaryKey)).to.deep.equal([1, 4, 2, 3]);
    expect(sortRows(rows, parseOrderBy('usergroup desc,fullName asc')).map((r) => r.PrimaryKey)).to.deep.equal([3, 4, 2, 1]);
    expect(sortRows(rows, parseOrderBy('role asc')).map((r) => r.PrimaryKey)).to.deep.equal([1, 2, 3, 4]);
    expect(sortRows(rows, parseOrderBy('userplan asc')).map((r) => r.PrimaryKey), 'empty first, as SQL Server sorts NULL').to.deep.equal([2, 4, 1, 3]);
  });
});
