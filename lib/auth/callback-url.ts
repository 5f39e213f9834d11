/**
 * Where a login may send the user back to: only a path of this site. Anything a browser could
 * read as another host is refused: `//x`, `/\x` (browsers treat \ as /), tabs and newlines
 * (dropped by URL parsers, so `/\t/x` is `//x`), other control characters, absolute URLs,
 * non-strings. Returns the normalised path (with query and fragment) or null.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  // Control characters (C0, DEL, C1), backslashes and whitespace other than a plain space.
  if (/[\u0000-\u001f\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(value)) return null;
  const base = 'http://callback.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse into a protocol-relative path: /.//x → //x.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  return path;
}

/**
 * next-auth's `redirect` callback: same-site URLs (absolute on this origin or a safe path) pass,
 * everything else goes to the site's root.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return '/';
  }
  if (typeof url === 'string' && url.startsWith(origin + '/')) {
    const path = safeCallbackPath(url.slice(origin.length));
    return path ? origin + path : origin;
  }
  const path = safeCallbackPath(url);
  return path ? origin + path : origin;
}
