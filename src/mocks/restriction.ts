/**
 * The archive's `$filter` and `$orderBy` as SuperOffice documents them (REST *Archive* reference, "Filter Operators"),
 * for the mocks: enough of the restriction language for what the kit sends, and a clear 400 for anything else.
 *
 * - Terms `column operator value`: ints `eq` `=` `ne` `lt` `le` `gt` `ge`; strings `contains` `begins` `is`
 *   `notContains` `notBegins` `isNot` (and `eq`/`=`, an exact match). Strings are in single quotes; a backslash
 *   escapes the next character (`'Bob\'s'`). String comparisons ignore case, as the database's collation does.
 * - Functions `startswith(column,'x')`, `endswith(column,'x')`, `substringof('x',column)`.
 * - `and`, `or` (AND binds tighter than OR) and brackets.
 * - `$orderBy`: comma-separated columns, each with an optional `asc`/`desc`.
 */
import type { ArchiveRow } from './data.js';
import { isTruthyCell } from '../api/schemas.js';

/** A parsed `$filter`: whether a row passes. */
export type RowTest = (row: ArchiveRow) => boolean;

/** A `$filter` or `$orderBy` the mock does not understand (SuperOffice answers 400). */
export class RestrictionError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      while (i < source.length && source[i] !== "'") {
        if (source[i] === '\\' && i + 1 < source.length) i++;
        text += source[i++];
      }
      if (source[i] !== "'") throw new RestrictionError(`Unterminated string in ${source}`);
      i++;
      tokens.push({ kind: 'string', text });
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '=') {
      tokens.push({ kind: 'word', text: '=' });
      i++;
    } else {
      const m = /^[^\s(),'=]+/.exec(source.slice(i))!;
      tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(m[0]) ? 'number' : 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

const fold = (v: unknown) => String(v ?? '').toLowerCase();
/** A cell as a number: booleans and yes/no cells (a licence column) as 1/0, as the database stores them. */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isNaN(n) ? (isTruthyCell(v) ? 1 : 0) : n;
}

const STRING_OPS: Record<string, (cell: string, value: string) => boolean> = {
  contains: (c, v) => c.includes(v),
  begins: (c, v) => c.startsWith(v),
  is: (c, v) => c === v,
  notcontains: (c, v) => !c.includes(v),
  notbegins: (c, v) => !c.startsWith(v),
  isnot: (c, v) => c !== v,
};
const INT_OPS: Record<string, (cell: number, value: number) => boolean> = {
  eq: (c, v) => c === v,
  '=': (c, v) => c === v,
  equals: (c, v) => c === v,
  ne: (c, v) => c !== v,
  unequals: (c, v) => c !== v,
  lt: (c, v) => c < v,
  less: (c, v) => c < v,
  le: (c, v) => c <= v,
  gt: (c, v) => c > v,
  greater: (c, v) => c > v,
  ge: (c, v) => c >= v,
};
const FUNCS: Record<string, (cell: string, value: string) => boolean> = {
  startswith: (c, v) => c.startsWith(v),
  endswith: (c, v) => c.endsWith(v),
  substringof: (c, v) => c.includes(v),
};

/** Parses a `$filter`; throws `RestrictionError` for what SuperOffice would refuse or the mock does not know. */
export function parseFilter(source: string): RowTest {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    const t = tokens[at++];
    if (!t) throw new RestrictionError(`Unexpected end of $filter: ${source}`);
    return t;
  };
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text) throw new RestrictionError(`Expected “${text}” in $filter, got “${t.text}”: ${source}`);
  };
  const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.text.toLowerCase() === word;

  /** `operand` (word `operand`)*, joined by `word` into one test that needs `some` or `every` of them. */
  function joined(word: string, operand: () => RowTest, all: boolean): RowTest {
    const terms = [operand()];
    while (isWord(peek(), word)) {
      at++;
      terms.push(operand());
    }
    if (terms.length === 1) return terms[0];
    return all ? (row) => terms.every((t) => t(row)) : (row) => terms.some((t) => t(row));
  }
  // AND binds tighter than OR.
  const or = (): RowTest => joined('or', and, false);
  const and = (): RowTest => joined('and', term, true);
  function term(): RowTest {
    const t = next();
    if (t.text === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (t.kind !== 'word') throw new RestrictionError(`Expected a column in $filter, got “${t.text}”: ${source}`);
    const func = FUNCS[t.text.toLowerCase()];
    if (func && peek()?.text === '(') {
      at++;
      const [a, b] = [next(), (expect(','), next())];
      expect(')');
      // substringof('x', column); startswith(column, 'x'), endswith(column, 'x')
      const [column, value] = t.text.toLowerCase() === 'substringof' ? [b, a] : [a, b];
      if (column.kind !== 'word' || value.kind !== 'string') throw new RestrictionError(`Bad arguments to ${t.text}: ${source}`);
      const v = fold(value.text);
      return (row) => func(fold(row[column.text]), v);
    }
    const column = t.text;
    const op = next().text.toLowerCase();
    const value = next();
    if (STRING_OPS[op]) {
      if (value.kind !== 'string') throw new RestrictionError(`${op} takes a string: ${source}`);
      const v = fold(value.text);
      return (row) => STRING_OPS[op](fold(row[column]), v);
    }
    if (INT_OPS[op]) {
      if (value.kind === 'string') {
        if (op !== 'eq' && op !== '=' && op !== 'ne') throw new RestrictionError(`${op} takes a number: ${source}`);
        const v = fold(value.text);
        return op === 'ne' ? (row) => fold(row[column]) !== v : (row) => fold(row[column]) === v;
      }
      const v = num(value.text);
      return (row) => INT_OPS[op](num(row[column]), v);
    }
    throw new RestrictionError(`Unknown operator “${op}” in $filter: ${source}`);
  }

  const test = or();
  if (at !== tokens.length) throw new RestrictionError(`Unexpected “${tokens[at].text}” in $filter: ${source}`);
  return test;
}

/** One `$orderBy` key. */
export interface OrderKey {
  column: string;
  desc: boolean;
}

/** Parses `$orderBy` ("fullName desc,assocName"); throws `RestrictionError` for a bad direction. */
export function parseOrderBy(source: string): OrderKey[] {
  return source
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [column, direction = 'asc', ...rest] = part.split(/\s+/);
      if (rest.length || !/^(asc|desc)$/i.test(direction)) throw new RestrictionError(`Bad $orderBy: ${source}`);
      return { column, desc: direction.toLowerCase() === 'desc' };
    });
}

/** A cell as a sort key: numbers as numbers; text without case and accents ("Åse" next to "Ase"), as a collation does. */
const sortKey = (v: unknown): number | string =>
  typeof v === 'number' ? v : String(v ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Sorts `rows` by `keys` (stable: equal rows keep their order), numbers as numbers and text by a collation. */
export function sortRows(rows: readonly ArchiveRow[], keys: readonly OrderKey[]): ArchiveRow[] {
  // Keys are computed once per row: 10,000 rows sort in a few milliseconds.
  const keyed = rows.map((row, index) => ({ row, index, keys: keys.map((k) => sortKey(row[k.column])) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const [a, b] = [x.keys[i], y.keys[i]];
      const d = typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;
      if (d) return keys[i].desc ? -d : d;
    }
    return x.index - y.index;
  });
  return keyed.map((x) => x.row);
}
