import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

let made: { setting: string | undefined; dir: string } | null = null;

/**
 * Directory holding the SQLite file, uploads, outbox and generated secrets; created on first use.
 * getDb asks for it on every query (dozens of times a page), so it is resolved and made once per
 * DATA_DIR setting, not per call (the server never changes its working directory).
 */
export function dataDir(): string {
  const setting = process.env.DATA_DIR;
  if (made && made.setting === setting) return made.dir;
  const dir = path.resolve(setting || './data');
  fs.mkdirSync(dir, { recursive: true });
  made = { setting, dir };
  return dir;
}

export function publicBaseUrl(): string {
  const fromEnv = process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL;
  return (fromEnv || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
}

type Secrets = { authSecret: string; piiEncKey: string; piiHmacKey: string; codeHmacKey: string };
const SECRET_NAMES: (keyof Secrets)[] = ['authSecret', 'piiEncKey', 'piiHmacKey', 'codeHmacKey'];

let cached: Secrets | null = null;

/**
 * Secrets come from the environment; any that is missing is generated once into
 * DATA_DIR/secrets.json (mode 0600) so a development install needs no set-up.
 */
export function secrets(): Secrets {
  if (cached) return cached;
  const file = path.join(dataDir(), 'secrets.json');
  const stored: Partial<Secrets> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const missing = SECRET_NAMES.filter((k) => !stored[k]);
  if (missing.length > 0) {
    for (const k of missing) stored[k] = crypto.randomBytes(32).toString('base64');
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  const env = process.env;
  cached = {
    authSecret: env.NEXTAUTH_SECRET || env.AUTH_SECRET || stored.authSecret!,
    piiEncKey: env.PII_ENC_KEY || stored.piiEncKey!,
    piiHmacKey: env.PII_HMAC_KEY || stored.piiHmacKey!,
    codeHmacKey: env.CODE_HMAC_KEY || stored.codeHmacKey!,
  };
  return cached;
}
