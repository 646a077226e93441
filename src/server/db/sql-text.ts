// The only ways SQL text is assembled from names (the lint rule in eslint.config.js forbids every other): identifiers
// quoted by a tag, and lists of constant words for check constraints. Values always travel as parameters.
import { sql, type SQL } from 'drizzle-orm';

const WORD = /^[a-z][a-z0-9_]*$/;

/** Quotes one SQL identifier (a database, table or column name) the way PostgreSQL reads it back unchanged. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.length > 63 || name.includes('\0')) throw new Error(`not an SQL identifier: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A tag for statements that need names where parameters cannot go (CREATE DATABASE, COPY …): every interpolated
 * value is quoted as an identifier, so no value can ever become SQL. `schema.table` parts are quoted one by one. */
export function sqlText(strings: TemplateStringsArray, ...names: string[]): string {
  let text = strings[0] ?? '';
  names.forEach((name, i) => {
    text += name.split('.').map(quoteIdentifier).join('.') + (strings[i + 1] ?? '');
  });
  return text;
}

/** `'a', 'b'` for a check constraint over constant words (DDL takes no parameters); refuses anything but plain words. */
export function sqlWordList(words: readonly string[]): SQL {
  for (const w of words) if (!WORD.test(w)) throw new Error(`not a plain word for a check constraint: ${JSON.stringify(w)}`);
  // eslint-disable-next-line no-restricted-syntax -- the one place constant words become SQL; each was checked above
  return sql.raw(words.map((w) => `'${w}'`).join(', '));
}
