import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, newPage, login, uploadsFiles, adminCli, openForm, fileSubject, idWithCheck, dataDir } from './helpers';
import { ACTIVE_PDFS, junkPdf, plainPdf } from '@/lib/test/hostile-pdfs';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  await login(page, '13800000003', 'Demo@2026');
  await page.waitForURL(/\/my$/);
});
afterAll(async () => {
  await browser?.close();
});

/** Whether these exact bytes are stored (uploads/<2 hex>/<sha256>); other test files upload alongside. */
function stored(bytes: Uint8Array): boolean {
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  return fs.existsSync(path.join(dataDir(), 'uploads', sha.slice(0, 2), sha));
}

async function upload(kind: 'image' | 'pdf', name: string, mimeType: string, buffer: Buffer) {
  const res = await page.request.post('/api/files', { multipart: { kind, file: { name, mimeType, buffer } } });
  return { status: res.status(), body: (await res.json()) as { error?: string; id?: number } };
}

describe('upload checks through the real route', () => {
  it('refuses bad files with a Chinese error and stores nothing', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c00' } }).png().toBuffer();
    const cases = [
      { kind: 'pdf' as const, name: 'scan.pdf', mime: 'application/pdf', buf: png, error: '仅支持 PDF 格式的文件' },
      { kind: 'image' as const, name: 'big.png', mime: 'image/png', buf: Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)]), error: '文件大小不能超过 5MB', status: 413 },
      { kind: 'image' as const, name: 'notes.jpg', mime: 'image/jpeg', buf: Buffer.from('这不是图片，只是一段文字。\n'.repeat(20)), error: '仅支持 PNG 或 JPEG 格式的图片' },
      { kind: 'image' as const, name: 'half.png', mime: 'image/png', buf: png.subarray(0, Math.floor(png.length / 2)), error: '图片文件已损坏，无法读取' },
    ];
    const before = uploadsFiles();
    for (const c of cases) {
      const r = await upload(c.kind, c.name, c.mime, c.buf);
      expect(r.status, c.name).toBe('status' in c ? c.status : 400);
      expect(r.body.error, c.name).toBe(c.error);
    }
    expect(uploadsFiles()).toEqual(before);
  });

  it('stores a valid image and serves it to its owner only', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#036' } }).png().toBuffer();
    const r = await upload('image', '身份证人像面.png', 'image/png', png);
    expect(r.status).toBe(201);
    expect(uploadsFiles().length).toBeGreaterThan(0);
    const own = await page.request.get(`/api/files/${r.body.id}`);
    expect(own.status()).toBe(200);
    expect(own.headers()['x-content-type-options']).toBe('nosniff');

    const other = await newPage(browser);
    expect(adminCli(['create-user', '--role', 'applicant', '--name', '郑爽', '--phone', '13600003333', '--password', 'Other#2026']).status).toBe(0);
    await login(other, '13600003333', 'Other#2026');
    await other.waitForURL(/\/my$/);
    expect((await other.request.get(`/api/files/${r.body.id}`)).status()).toBe(403);
    const anon = await newPage(browser);
    expect((await anon.request.get(`/api/files/${r.body.id}`)).status()).toBe(401);
  });
});

describe('PDF checks in the built server (worker threads)', () => {
  it('the website wizard refuses a PDF with JavaScript on its field and accepts a plain PDF', async () => {
    // An applicant of its own, so no other test file's subject or drafts stand in the way.
    const applicant = { name: '陶然', phone: '13600008181', id: idWithCheck('11010519910203123') };
    expect(adminCli(['create-user', '--role', 'applicant', '--name', applicant.name, '--phone', applicant.phone, '--password', 'Pdf#Check2026']).status).toBe(0);
    const own = await newPage(browser);
    await login(own, applicant.phone, 'Pdf#Check2026');
    await own.waitForURL(/\/my$/);
    await fileSubject(own, applicant);
    await openForm(own, '/my/websites/new');
    await own.getByRole('button', { name: '下一步' }).click();
    await own.getByLabel('网站域名', { exact: true }).fill('www.pdf-check.cn');
    const field = own.getByLabel('域名证书（pdf-check.cn）');

    const active = await ACTIVE_PDFS['OpenAction 执行 JavaScript'].build();
    await field.setInputFiles({ name: '域名证书-脚本.pdf', mimeType: 'application/pdf', buffer: active });
    const error = own.getByText('PDF 含有脚本、启动命令或嵌入文件等活动内容，请另存为普通 PDF 后上传');
    await error.waitFor();
    expect(stored(active)).toBe(false);

    const plain = await plainPdf();
    await field.setInputFiles({ name: '域名证书.pdf', mimeType: 'application/pdf', buffer: plain });
    await own.getByText('域名证书.pdf').waitFor();
    await error.waitFor({ state: 'detached' });
    expect(stored(plain)).toBe(true);
  });

  it('refuses a junk PDF within the time limit while /api/health answers in < 500 ms', async () => {
    // 5 MB of junk: pdf-lib would crawl it for far longer than the 5 s limit.
    const junk = junkPdf(5 * 1024 * 1024 - 64);
    const pending = upload('pdf', 'junk.pdf', 'application/pdf', junk);
    await new Promise((r) => setTimeout(r, 1500)); // the worker is parsing by now
    const t = performance.now();
    const health = await page.request.get('/api/health');
    const healthMs = performance.now() - t;
    const r = await pending;
    expect(health.status()).toBe(200);
    expect(healthMs).toBeLessThan(500);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('PDF 文件无法在限定时间内解析，请重新导出后上传');
    expect(stored(junk)).toBe(false);
  });
});
