import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, files, subjects, websiteDomains, websites } from '@/db/schema';
import { saveDraft } from '@/lib/drafts/service';
import { makeApplicant, seedUnits } from '@/lib/test/fixtures';
import { attachFileToSubject, blobPath, storeUpload, uploadsDir } from './service';
import { fileIdsInJson, sweepOrphanFiles } from './orphans';
import type { AssessmentPayload } from '@/lib/assessments/types';
import type { StoredSubject } from '@/lib/subjects/types';
import type { WebsiteRecordData } from '@/lib/websites/types';

const HOUR = 60 * 60_000;
let colour = 0;

/** A PNG no other test file has (its own blob). */
async function distinctPng(): Promise<Buffer> {
  colour++;
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: colour % 256, g: (colour * 7) % 256, b: 99 } } })
    .png()
    .toBuffer();
}

function rowOf(id: number) {
  return getDb().select().from(files).where(eq(files.id, id)).get();
}

let unitId: number;
beforeAll(() => {
  unitId = seedUnits().chaoyang.id;
});

function subjectOf(ownerId: number): number {
  const now = Date.now();
  return getDb()
    .insert(subjects)
    .values({
      ownerId,
      nature: '个人',
      name: '张伟',
      principalName: '张伟',
      principalIdType: '居民身份证',
      principalIdEnc: 'enc',
      principalIdHmac: `hmac-${crypto.randomUUID()}`,
      principalIdMasked: '110*****34',
      principalPhoneEnc: 'enc',
      principalPhoneHmac: 'hmac',
      principalPhoneMasked: '139****0001',
      jurisdictionCode: '110105',
      unitId,
      status: '有效',
      data: {} as StoredSubject,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: subjects.id })
    .get().id;
}

describe('fileIdsInJson', () => {
  it('collects ids under every *FileId / fileId / fileIds key, at any depth, numbers or digit strings', () => {
    const data = {
      step: 2,
      basic: { certificates: [{ registrable: 'a.cn', fileId: 11 }], permits: [{ item: '新闻', fileId: '12' }], controlledItems: [] },
      contacts: { securityOwner: { frontFileId: 13, backFileId: null, handheldFileId: 0 } },
      files: { sealedReportFileId: 14, thirdPartyReportFileId: undefined },
      attachmentFileId: 15,
      fileIds: [16, 17],
      subjectId: 99,
      note: 'fileId 18',
    };
    expect([...fileIdsInJson(data)].sort((a, b) => a - b)).toEqual([11, 12, 13, 14, 15, 16, 17]);
  });
});

describe('sweepOrphanFiles', () => {
  it('deletes unattached files older than 24 hours from the database and the disk, keeping attached, referenced and young ones', async () => {
    const now = Date.now();
    const old = () => now - 25 * HOUR;
    const { id: owner } = await makeApplicant();
    const up = async (at: () => number, bytes?: Buffer) => storeUpload({ ownerId: owner, kind: 'image', originalName: 'x.png', bytes: bytes ?? (await distinctPng()) }, at);

    const orphan = await up(old);
    const young = await up(() => now - 23 * HOUR);
    const attached = await up(old);
    const inDraft = await up(old);
    const inDraftContact = await up(old);
    const inDomain = await up(old);
    const inPayload = await up(old);
    const sharedBytes = await distinctPng();
    const sharedKept = await up(() => now - 1 * HOUR, sharedBytes);
    const sharedOrphan = await up(old, sharedBytes);

    const subjectId = subjectOf(owner);
    attachFileToSubject([attached.id], subjectId, owner);
    saveDraft(owner, '新办网站', { step: 1, basic: { certificates: [{ registrable: 'example.cn', fileId: inDraft.id }] }, contacts: { emergencyContact: { frontFileId: String(inDraftContact.id) } } });
    const site = getDb()
      .insert(websites)
      .values({ subjectId, name: '示例网站', status: '待审核', data: {} as WebsiteRecordData, createdAt: now, updatedAt: now })
      .returning({ id: websites.id })
      .get();
    getDb().insert(websiteDomains).values({ websiteId: site.id, unicode: 'www.example.cn', ascii: 'www.example.cn', registrable: 'example.cn', isPrimary: true, certificateFileId: inDomain.id }).run();
    getDb()
      .insert(applications)
      .values({ code: `SQ${now}`, type: '安全评估', status: '待审核', applicantId: owner, subjectId, payload: { files: { sealedReportFileId: inPayload.id } } as AssessmentPayload, submittedAt: now })
      .run();

    const orphanRow = rowOf(orphan.id)!;
    const orphanBlobs = [blobPath(orphanRow.sha256), blobPath(orphanRow.thumbSha256!)];
    orphanBlobs.forEach((b) => expect(fs.existsSync(b)).toBe(true));
    const sharedBlob = blobPath(rowOf(sharedOrphan.id)!.sha256);

    // A blob no row knows (an upload interrupted before its insert), a day old, and a fresh one.
    const strayOld = path.join(uploadsDir(), 'ab', 'ab'.padEnd(64, '0'));
    const strayNew = path.join(uploadsDir(), 'ab', 'ab'.padEnd(64, '1'));
    fs.mkdirSync(path.dirname(strayOld), { recursive: true });
    fs.writeFileSync(strayOld, 'x');
    fs.writeFileSync(strayNew, 'y');
    fs.utimesSync(strayOld, new Date(old()), new Date(old()));

    const r = sweepOrphanFiles(now);

    expect(rowOf(orphan.id)).toBeUndefined();
    orphanBlobs.forEach((b) => expect(fs.existsSync(b)).toBe(false));
    expect(rowOf(sharedOrphan.id)).toBeUndefined();
    expect(fs.existsSync(sharedBlob)).toBe(true); // still the blob of sharedKept
    for (const kept of [young, attached, inDraft, inDraftContact, inDomain, inPayload, sharedKept]) {
      const row = rowOf(kept.id);
      expect(row, `file ${kept.id}`).toBeDefined();
      expect(fs.existsSync(blobPath(row!.sha256))).toBe(true);
    }
    expect(fs.existsSync(strayOld)).toBe(false);
    expect(fs.existsSync(strayNew)).toBe(true);
    expect(r.files).toBe(2);

    // Nothing left to do the second time; the young file goes once it is a day old.
    expect(sweepOrphanFiles(now).files).toBe(0);
    expect(sweepOrphanFiles(now + 2 * HOUR).files).toBe(1);
    expect(rowOf(young.id)).toBeUndefined();
  });
});
