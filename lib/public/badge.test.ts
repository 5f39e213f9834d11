import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BADGE_SIZES, BADGE_SVG, badgePng } from './badge';

describe('badge', () => {
  it('is an SVG drawn from paths and shapes, with no external references or scripts', () => {
    expect(BADGE_SVG).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 40 40">/);
    expect(BADGE_SVG).not.toMatch(/<script|<image|href=|<text/i);
  });

  it.each(BADGE_SIZES)('renders a %i px square PNG with transparency', async (size) => {
    const png = await badgePng(size);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(size);
    expect(meta.height).toBe(size);
    expect(meta.hasAlpha).toBe(true);
    // A corner is outside the shield; the centre is the emblem's star, opaque.
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(size / 2, size / 2)).toBe(255);
  });

  it('renders once per process and size', async () => {
    expect(badgePng(20)).toBe(badgePng(20));
    expect(await badgePng(20)).not.toBe(await badgePng(40));
  });
});
