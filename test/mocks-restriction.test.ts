/** The mocks read `$filter` and `$orderBy` as SuperOffice documents them for archives (src/mocks/restriction.ts). */
import { expect } from '@open-wc/testing';
import { parseFilter, parseOrderBy, RestrictionError, sortRows } from '../src/mocks/restriction.js';
import type { ArchiveRow } from '../src/mocks/data.js';

const row = (PrimaryKey: number, cells: Record<string, string | number | boolean>): ArchiveRow => ({ PrimaryKey, EntityName: 'associate', ...cells });
const rows = [
  row(1, { fullName: 'Ingrid Solberg', usergroup: 'Management', role: 'Administrator', sales: 1 }),
  row(2, { fullName: "Sean O'Brien", usergroup: 'Sales', role: 'Sales rep', sales: '0' }),
  row(3, { fullName: 'Åse Berg', usergroup: 'Support', role: 'Support agent', sales: true }),
  row(4, { fullName: 'anders lie', usergroup: 'sales', role: 'User', sales: '[I:1]' }),
];
const keys = (filter: string) => rows.filter(parseFilter(filter)).map((r) => r.PrimaryKey);

describe('mock archive restrictions', () => {
  it('reads the string operators, ignoring case', () => {
    expect(keys("usergroup contains 'SALES'")).to.deep.equal([2, 4]);
    expect(keys("fullName begins 'an'")).to.deep.equal([4]);
    expect(keys("usergroup is 'sales'")).to.deep.equal([2, 4]);
    expect(keys("usergroup isNot 'sales'")).to.deep.equal([1, 3]);
    expect(keys("role notContains 'a'")).to.deep.equal([4]);
    expect(keys("fullName notBegins 'a'")).to.deep.equal([1, 2, 3]);
    expect(keys("usergroup eq 'Support'")).to.deep.equal([3]);
  });

  it('reads numbers, yes/no cells and the functions', () => {
    expect(keys('sales eq 1')).to.deep.equal([1, 3, 4]);
    expect(keys('sales = 0')).to.deep.equal([2]);
    expect(keys('PrimaryKey gt 2')).to.deep.equal([3, 4]);
    expect(keys('PrimaryKey le 2')).to.deep.equal([1, 2]);
    expect(keys("startswith(fullName,'ing')")).to.deep.equal([1]);
    expect(keys("endswith(fullName, 'BERG')")).to.deep.equal([1, 3]);
    expect(keys("substringof('rep', role)")).to.deep.equal([2]);
  });

  it('AND binds tighter than OR; brackets group; a backslash escapes a quote', () => {
    expect(keys("usergroup contains 'sales' or usergroup contains 'support' and sales eq 1")).to.deep.equal([2, 3, 4]);
    expect(keys("(usergroup contains 'sales' or usergroup contains 'support') and sales eq 1")).to.deep.equal([3, 4]);
    expect(keys("fullName contains 'o\\'brien'")).to.deep.equal([2]);
    expect(keys("fullName contains 'a\\\\b'")).to.deep.equal([]);
  });

  it('refuses what SuperOffice would refuse', () => {
    for (const bad of ["fullName frobnicates 'x'", "fullName contains 'open", "(fullName contains 'x'", 'sales eq', "fullName contains 'x' sales", 'sales gt \'x\'']) {
      expect(() => parseFilter(bad), bad).to.throw(RestrictionError);
    }
  });

  it('orders by several columns, each either way, text by a collation and numbers as numbers; stable', () => {
    expect(parseOrderBy('usergroup desc, fullName')).to.deep.equal([
      { column: 'usergroup', desc: true },
      { column: 'fullName', desc: false },
    ]);
    expect(() => parseOrderBy('fullName sideways')).to.throw(RestrictionError);
    expect(sortRows(rows, parseOrderBy('usergroup asc,fullName desc')).map((r) => r.PrimaryKey)).to.deep.equal([1, 2, 4, 3]);
    expect(sortRows(rows, parseOrderBy('fullName')).map((r) => r.PrimaryKey), 'case and accents aside').to.deep.equal([4, 3, 1, 2]);
    expect(sortRows(rows, parseOrderBy('PrimaryKey desc')).map((r) => r.PrimaryKey)).to.deep.equal([4, 3, 2, 1]);
    expect(sortRows(rows, parseOrderBy('role asc')).map((r) => r.PrimaryKey), 'equal keys keep their order').to.deep.equal([1, 2, 3, 4]);
  });
});
