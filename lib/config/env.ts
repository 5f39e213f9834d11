import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

let made: string | null = null;

/**
 * Directory holding the SQLite file, uploads, outbox and generated secrets; created on first use
 * (getDb asks for it on every query, so it is made once per DATA_DIR, not per call).
 */
export function dataDir(): string {
  const dir = path.resolve(process.env.DATA_DIR || './data');
  if (dir !== made) {
    fs.mkdirSync(dir, { recursive: true });
    made = dir;
  }
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
