import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadsDir } from '@/lib/files/service';
import { GET } from './route';

// What is checked is tested in lib/ops/health.test.ts; here, how the route answers it.
afterEach(() => {
  fs.mkdirSync(uploadsDir(), { recursive: true });
});

describe('GET /api/health', () => {
  it('answers 200 with the check, never cached', async () => {
    fs.mkdirSync(uploadsDir(), { recursive: true });
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', uploads: 'ok' });
  });

  it('answers 503 with the reason when something is wrong', async () => {
    fs.rmSync(uploadsDir(), { recursive: true, force: true });
    const res = GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'error', uploads: 'missing' });
    expect(body.reason).toContain('上传文件目录');
  });
});
