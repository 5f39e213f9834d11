/**
 * Test helper run as a separate process (npx tsx): an applicant office at work. Against its
 * DATA_DIR it creates applicants and submits 新增主体 applications with three freshly uploaded
 * images each, through the real services, until stdin closes or `count` are done. After each
 * commit it prints one JSON line: {"app": <application id>, "files": [<file ids>]} — acknowledged.
 */
import sharp from 'sharp';
import { getDb, closeDb } from '@/db/client';
import { policeUnits } from '@/db/schema';
import { storeUpload } from '@/lib/files/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { makeApplicant, personSubjectInput, seedUnits } from './fixtures';

const count = Number(process.argv[2] ?? 50);
let stop = false;
process.stdin.on('end', () => (stop = true));
process.stdin.on('close', () => (stop = true));
process.stdin.resume();

async function image(ownerId: number, n: number) {
  const noise = Buffer.from(Array.from({ length: 48 * 32 * 3 }, () => Math.floor(Math.random() * 256)));
  const bytes = await sharp(noise, { raw: { width: 48, height: 32, channels: 3 } }).png().toBuffer();
  return storeUpload({ ownerId, kind: 'image', originalName: `证件${n}.png`, bytes });
}

async function main() {
  if (getDb().select().from(policeUnits).all().length === 0) seedUnits();
  for (let i = 0; i < count && !stop; i++) {
    const u = await makeApplicant();
    const [a, b, c] = [await image(u.id, 1), await image(u.id, 2), await image(u.id, 3)];
    const data = await personSubjectInput(u.id, { idFrontFileId: a.id, idBackFileId: b.id, idHandheldFileId: c.id });
    const s = submitNewSubject(u.id, { data });
    process.stdout.write(JSON.stringify({ app: s.applicationId, files: [a.id, b.id, c.id] }) + '\n');
  }
  closeDb();
  process.exit(0);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
