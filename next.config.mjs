/** @type {import('next').NextConfig} */
// Pages get their CSP (with a per-request script nonce) and HSTS from proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/**
 * Uploaded files may be shown inside the platform's own pages (PDFs inline on the review page):
 * framing by the same origin only, and nothing in them may run or load anything else.
 */
const fileHeaders = [
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  {
    key: 'Content-Security-Policy',
    value: ["default-src 'none'", "img-src 'self' data:", "style-src 'unsafe-inline'", "object-src 'self'", "frame-ancestors 'self'", "base-uri 'none'", "form-action 'none'"].join('; '),
  },
];

/** Route handlers (JSON, PDFs, the badge) run no script and are framed by nobody. */
const apiHeaders = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }];

const nextConfig = {
  poweredByHeader: false,
  // subset-font loads harfbuzz's wasm from its package directory at run time.
  serverExternalPackages: ['better-sqlite3', 'sharp', 'chinese-days', 'subset-font', 'harfbuzzjs'],
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: '12mb' },
  },
  async headers() {
    // A later entry overrides the same header of an earlier one.
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: apiHeaders },
      { source: '/badge:file', headers: apiHeaders },
      { source: '/api/files/:path*', headers: fileHeaders },
    ];
  },
};

export default nextConfig;
