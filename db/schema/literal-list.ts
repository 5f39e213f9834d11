import { sql, type SQL } from 'drizzle-orm';

/**
 * Constant values written into the SQL as a literal list (`'a', 'b'`), not bound: SQLite uses a
 * partial index only when the query's condition is written the same way as the index's.
 */
export function literalList(values: readonly string[]): SQL {
  for (const v of values) if (v.includes("'")) throw new Error(`literalList: ${v} holds a quote`);
  return sql.raw(values.map((v) => `'${v}'`).join(', '));
}
