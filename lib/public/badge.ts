/**
 * The platform's own emblem (SPEC §10.3): a gold-rimmed blue shield bearing a red disc with a gold
 * star. Drawn for this project (it is not the police emblem) on a 40×40 grid with shapes big enough
 * to stay legible at 20×20, and served as PNG at /badge.png (20×20) and /badge@2x.png (40×40).
 */
import sharp from 'sharp';

export const BADGE_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">',
  '<path fill="#C9971C" d="M20 1.2L36.4 6.4V18.6C36.4 28.6 29.8 35.2 20 38.8C10.2 35.2 3.6 28.6 3.6 18.6V6.4Z"/>',
  '<path fill="#1D4E9E" d="M20 4.2L33.6 8.5V18.7C33.6 27 28.1 32.6 20 35.8C11.9 32.6 6.4 27 6.4 18.7V8.5Z"/>',
  '<circle cx="20" cy="19.4" r="10.6" fill="#D7261E"/>',
  '<path fill="#FFD23F" d="M20 11.8L21.82 17.09L27.42 17.19L22.95 20.56L24.58 25.91L20 22.7L15.42 25.91L17.05 20.56L12.58 17.19L18.18 17.09Z"/>',
  '</svg>',
].join('');

/** Pixel sizes of /badge.png and /badge@2x.png. */
export const BADGE_SIZES = [20, 40] as const;
export type BadgeSize = (typeof BADGE_SIZES)[number];

const SVG_SIDE = 40;
/** Rendered larger and scaled down, so the 20×20 edges are smoothly anti-aliased. */
const SUPERSAMPLE = 4;

const cache = new Map<BadgeSize, Promise<Uint8Array<ArrayBuffer>>>();

async function render(size: BadgeSize): Promise<Uint8Array<ArrayBuffer>> {
  const png = await sharp(Buffer.from(BADGE_SVG), { density: (72 * size * SUPERSAMPLE) / SVG_SIDE })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(png);
}

/** The emblem as PNG bytes, rendered by sharp once per process and size, then kept in memory. */
export function badgePng(size: BadgeSize): Promise<Uint8Array<ArrayBuffer>> {
  let pending = cache.get(size);
  if (!pending) {
    pending = render(size);
    // A failed render is not cached: the next request tries again.
    pending.catch(() => cache.delete(size));
    cache.set(size, pending);
  }
  return pending;
}

/** The response of /badge.png and /badge@2x.png: embedded by filed websites, so cacheable by anyone. */
export async function badgePngResponse(size: BadgeSize): Promise<Response> {
  const body = await badgePng(size);
  return new Response(body, {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=86400, immutable',
      // Other sites show this image on their home pages.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  });
}
