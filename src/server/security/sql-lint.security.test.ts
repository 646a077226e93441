// The lint rule against SQL built from strings (QUALITY R1) catches each planted form and lets the safe forms pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function findings(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/server/planted.ts' });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const HEADER = `import { sql } from 'drizzle-orm';\nimport { sqlText } from './db/sql-text.js';\ndeclare const pool: { query(text: unknown, values?: unknown[]): Promise<unknown> };\ndeclare const db: { execute(q: unknown): Promise<unknown> };\ndeclare const name: string;\n`;

describe('the no-SQL-from-strings lint rule', () => {
  it.each([
    ['a template string with a value', 'void pool.query(`SELECT * FROM users WHERE email = \'${name}\'`);'],
    ['a concatenated string', "void pool.query('SELECT * FROM users WHERE email = ' + name);"],
    ['query text in a config object', 'void pool.query({ text: `DELETE FROM ${name}` });'],
    ['sql.raw of a variable', 'void db.execute(sql.raw(name));'],
    ['sql.raw of a built string', 'void db.execute(sql`SELECT 1 WHERE x IN (${sql.raw(`${name}`)})`);'],
  ])('refuses %s', async (_label, line) => {
    expect(await findings(HEADER + line)).toHaveLength(1);
  });

  it('accepts parameters, the drizzle tag, quoted identifiers and literal raw SQL', async () => {
    const safe = [
      "void pool.query('SELECT * FROM users WHERE email = $1', [name]);",
      'void db.execute(sql`SELECT * FROM users WHERE email = ${name}`);',
      'void pool.query(sqlText`DROP DATABASE IF EXISTS ${name}`);',
      "void db.execute(sql.raw('SELECT 1'));",
      'void pool.query(`SELECT 1`);',
    ];
    expect(await findings(HEADER + safe.join('\n'))).toEqual([]);
  });
});
