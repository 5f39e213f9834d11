/**
 * Test helper run as a separate process (npx tsx): decides the given applications for one
 * reviewer against the shared DATA_DIR, starting at `startAt` so several processes race.
 * Prints one JSON line: the filing numbers (or error messages) in order.
 */
import { decideApplication } from '@/lib/review/service';
import type { Actor } from '@/lib/auth/policy';

const [actorJson, idsJson, startAt] = process.argv.slice(2);
const actor = JSON.parse(actorJson) as Actor;
const ids = JSON.parse(idsJson) as number[];

async function main() {
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 2));
  const out: string[] = [];
  for (const id of ids) {
    try {
      out.push(decideApplication(actor, id, { decision: '通过' }).filingNumber ?? 'none');
    } catch (e) {
      out.push(`error: ${(e as Error).message}`);
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
}
void main();
