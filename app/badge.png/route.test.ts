import { describe, expect, it } from 'vitest';
import { badgePng } from '@/lib/public/badge';
import { GET as badge1x } from './route';
import { GET as badge2x } from '../badge@2x.png/route';

describe('GET /badge.png and /badge@2x.png', () => {
  it.each([
    ['/badge.png', badge1x, 20],
    ['/badge@2x.png', badge2x, 40],
  ] as const)('%s serves the cached PNG with long-lived public caching', async (_path, GET, size) => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400, immutable');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(body).toEqual(await badgePng(size));
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
  });
});
