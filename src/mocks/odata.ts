/**
 * The parts of SuperOffice's archive query language the mock answers: `$filter` restrictions and `$orderBy`, as
 * docs.superoffice.com documents them for `GET /api/v1/Archive/{provider}` and the Archive agent ("Archive
 * Restriction strings are OData or SQL-ish"). Terms are `column operator value`; `and` binds tighter than `or`;
 * brackets group; strings are in single quotes with `\'` (and `\\`) escaped by a backslash. Comparisons ignore case,
 * as SQL Server's default collation does.
 */
import { isTruthyCell } from '../api/schemas.js';
import type { ArchiveRow, ArchiveValue } from './data.js';

export type RowTest = (row: ArchiveRow) => boolean;

/** A `$filter` the mock cannot read; answered with 400, as SuperOffice answers a restriction it cannot parse. */
export class FilterSyntaxError extends Error {}

type Literal = string | number;
type Token = { kind: 'word' | 'string' | 'number' | '(' | ')' | ','; text: string; value?: Literal };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('A string is not closed.');
        const d = text[i++];
        if (d === '\\' && i < text.length) value += text[i++];
        else if (d === "'") break;
        else value += d;
      }
      tokens.push({ kind: 'string', text: value, value });
    } else if (/[-\d]/.test(c) && /^-?\d+(\.\d+)?/.test(text.slice(i))) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], value: Number(m[0]) });
      i += m[0].length;
    } else {
      const m = /^[^\s(),']+/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

const lower = (value: ArchiveValue): string => (value === null || value === undefined ? '' : String(value)).toLowerCase();

/** `cell = literal`: strings ignoring case; `1`/`0` against a yes/no cell (E8's licence columns) by truthiness. */
function equals(cell: ArchiveValue, literal: Literal): boolean {
  if (typeof literal === 'number') {
    if ((literal === 1 || literal === 0) && (typeof cell === 'boolean' || typeof cell === 'string')) {
      return isTruthyCell(cell) === (literal === 1);
    }
    return Number(cell) === literal;
  }
  return lower(cell) === literal.toLowerCase();
}

const OPERATORS: Record<string, (cell: ArchiveValue, value: Literal) => boolean> = {
  eq: equals,
  '=': equals,
  is: equals,
  equals,
  ne: (c, v) => !equals(c, v),
  isnot: (c, v) => !equals(c, v),
  unequals: (c, v) => !equals(c, v),
  contains: (c, v) => lower(c).includes(String(v).toLowerCase()),
  notcontains: (c, v) => !lower(c).includes(String(v).toLowerCase()),
  begins: (c, v) => lower(c).startsWith(String(v).toLowerCase()),
  notbegins: (c, v) => !lower(c).startsWith(String(v).toLowerCase()),
};

/** Parses a `$filter` into a row test. Throws `FilterSyntaxError` for anything it does not know. */
export function parseFilter(text: string): RowTest {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (word: string) => peek()?.kind === 'word' && peek().text.toLowerCase() === word;

  const or = (): RowTest => {
    const parts = [and()];
    while (isWord('or')) {
      at++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : (row) => parts.some((p) => p(row));
  };
  const and = (): RowTest => {
    const parts = [term()];
    while (isWord('and')) {
      at++;
      parts.push(term());
    }
    return parts.length === 1 ? parts[0] : (row) => parts.every((p) => p(row));
  };
  const literal = (): Literal => {
    const t = tokens[at++];
    if (t?.kind !== 'string' && t?.kind !== 'number') throw new FilterSyntaxError(`Expected a value at "${t?.text ?? 'the end'}".`);
    return t.value!;
  };
  const term = (): RowTest => {
    const t = tokens[at++];
    if (t?.kind === '(') {
      const inner = or();
      if (tokens[at++]?.kind !== ')') throw new FilterSyntaxError('A bracket is not closed.');
      return inner;
    }
    if (t?.kind !== 'word') throw new FilterSyntaxError(`Expected a column at "${t?.text ?? 'the end'}".`);
    const column = t.text;
    const op = tokens[at++];
    const name = op?.text.toLowerCase() ?? '';
    if (name === 'in' || name === 'oneof') {
      if (tokens[at++]?.kind !== '(') throw new FilterSyntaxError(`Expected a list after ${op!.text}.`);
      const values = [literal()];
      while (peek()?.kind === ',') {
        at++;
        values.push(literal());
      }
      if (tokens[at++]?.kind !== ')') throw new FilterSyntaxError('A list is not closed.');
      return (row) => values.some((v) => equals(row[column], v));
    }
    const test = op?.kind === 'word' ? OPERATORS[name] : undefined;
    if (!test) throw new FilterSyntaxError(`Unknown operator "${op?.text ?? ''}".`);
    const value = literal();
    return (row) => test(row[column], value);
  };

  const result = or();
  if (at < tokens.length) throw new FilterSyntaxError(`Unexpected "${tokens[at].text}".`);
  return result;
}

export type OrderBy = { column: string; desc: boolean }[];

/** `$orderBy=col1 asc,col2 desc` (direction optional, ascending by default). */
export function parseOrderBy(text: string | null): OrderBy {
  if (!text?.trim()) return [];
  return text.split(',').map((part) => {
    const [column, direction = 'asc', ...rest] = part.trim().split(/\s+/);
    if (!column || rest.length || !/^(asc|desc)$/i.test(direction)) throw new FilterSyntaxError(`Cannot order by "${part.trim()}".`);
    return { column, desc: direction.toLowerCase() === 'desc' };
  });
}

/**
 * Sorts `rows` by `order` (stable: equal rows keep their order). Text compares ignoring case, as SQL Server's default
 * collation does; empty values come first ascending, as SQL Server sorts NULL. Each row's sort keys are computed once,
 * so 10,000 rows sort in a few milliseconds.
 */
export function sortRows(rows: readonly ArchiveRow[], order: OrderBy): ArchiveRow[] {
  const keyOf = (value: ArchiveValue) => (typeof value === 'number' ? value : value == null ? '' : String(value).toLowerCase());
  const keyed = rows.map((row, i) => ({ row, i, keys: order.map(({ column }) => keyOf(row[column])) }));
  keyed.sort((a, b) => {
    for (let j = 0; j < order.length; j++) {
      const [x, y] = [a.keys[j], b.keys[j]];
      if (x === y) continue;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
      return order[j].desc ? -c : c;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.row);
}
