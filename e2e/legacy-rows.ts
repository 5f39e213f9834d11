/**
 * Inserts legacy filings (SPEC §8.3) into the e2e server's database, sealed with its own secrets
 * (DATA_DIR/secrets.json): `tsx --conditions=react-server e2e/legacy-rows.ts '<json rows>'`.
 * Prints the inserted rows' ids and numbers as JSON.
 */
import { insertLegacyFiling, type LegacyOver } from '@/lib/test/legacy-fixture';

const rows = JSON.parse(process.argv[2] ?? '[]') as LegacyOver[];
const out = rows.map((r) => {
  const row = insertLegacyFiling(r);
  return { id: row.id, oldDigits: row.oldDigits, oldNumber: row.oldNumber };
});
process.stdout.write(JSON.stringify(out));
