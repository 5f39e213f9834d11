import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataDir } from '@/lib/config/env';
import { decryptPii, encryptPii, hmacPii } from './crypto';

const ENV_KEYS = ['PII_ENC_KEY', 'PII_HMAC_KEY', 'CODE_HMAC_KEY', 'NEXTAUTH_SECRET', 'AUTH_SECRET'] as const;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(() => {
  // These tests are about the generated secrets: make sure the environment provides none.
  for (const k of ENV_KEYS) {
    savedEnv[k] = process.env[k];
    delete process.env[k];
  }
});

afterAll(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

/** Decrypts the `v1:` format independently of the module under test. */
function decryptWith(keyB64: string, stored: string): string {
  const raw = Buffer.from(stored.slice(3), 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', Buffer.from(keyB64, 'base64'), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

/** Flips one bit of the byte at `index` of the decoded payload. */
function tamper(stored: string, index: number): string {
  const raw = Buffer.from(stored.slice(3), 'base64');
  raw[index] = raw[index]! ^ 0x01;
  return `v1:${raw.toString('base64')}`;
}

describe('encryptPii / decryptPii', () => {
  it('round-trips Chinese text, digits and the empty string', () => {
    for (const plain of ['北京市朝阳区建国路88号 3单元501室', '11010519491231002X', '13912345678', '', '𠀀𪚥·阿卜杜拉']) {
      const enc = encryptPii(plain);
      expect(enc).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
      if (plain) expect(enc).not.toContain(plain);
      expect(decryptPii(enc)).toBe(plain);
    }
  });

  it('uses a random IV: the same value encrypts differently every time', () => {
    const a = encryptPii('孙丽娟');
    const b = encryptPii('孙丽娟');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(3), 'base64').subarray(0, 12)).not.toEqual(Buffer.from(b.slice(3), 'base64').subarray(0, 12));
    expect(decryptPii(a)).toBe('孙丽娟');
    expect(decryptPii(b)).toBe('孙丽娟');
  });

  it('refuses tampered ciphertext, tag or IV', () => {
    const enc = encryptPii('北京市公安局网安总队');
    const len = Buffer.from(enc.slice(3), 'base64').length;
    expect(() => decryptPii(tamper(enc, len - 1))).toThrow(); // ciphertext
    expect(() => decryptPii(tamper(enc, 28))).toThrow(); // first ciphertext byte
    expect(() => decryptPii(tamper(enc, 20))).toThrow(); // auth tag
    expect(() => decryptPii(tamper(enc, 0))).toThrow(); // IV
    expect(() => decryptPii(`v1:${Buffer.from(enc.slice(3), 'base64').subarray(0, 30).toString('base64')}`)).toThrow(); // truncated
    expect(() => decryptPii(enc.replace(/^v1:/, 'v2:'))).toThrowError('unknown PII ciphertext version');
    expect(decryptPii(enc)).toBe('北京市公安局网安总队');
  });
});

describe('hmacPii', () => {
  it('is stable for a value, different for different values, and reveals nothing', () => {
    const h = hmacPii('13912345678');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hmacPii('13912345678')).toBe(h);
    expect(hmacPii('13912345679')).not.toBe(h);
    // Keyed: not a plain SHA-256 of the value.
    expect(h).not.toBe(crypto.createHash('sha256').update('13912345678').digest('hex'));
  });
});

describe('keys', () => {
  it('are generated into DATA_DIR/secrets.json (mode 0600) and are the ones in use', () => {
    const enc = encryptPii('张三');
    const file = path.join(dataDir(), 'secrets.json');
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    for (const k of ['authSecret', 'piiEncKey', 'piiHmacKey', 'codeHmacKey']) expect(Buffer.from(stored[k]!, 'base64')).toHaveLength(32);
    expect(new Set(Object.values(stored)).size).toBe(4);

    expect(decryptWith(stored.piiEncKey!, enc)).toBe('张三');
    expect(hmacPii('张三')).toBe(crypto.createHmac('sha256', Buffer.from(stored.piiHmacKey!, 'base64')).update('张三').digest('hex'));
    // No temp file left behind.
    expect(fs.readdirSync(dataDir()).filter((f) => f.startsWith('secrets.json.'))).toEqual([]);
  });

  it('from the environment take precedence over secrets.json, and must be 32 bytes', async () => {
    const encKey = crypto.randomBytes(32).toString('base64');
    const hmacKey = crypto.randomBytes(32).toString('base64');
    process.env.PII_ENC_KEY = encKey;
    process.env.PII_HMAC_KEY = hmacKey;
    try {
      vi.resetModules();
      const fresh = await import('./crypto');
      const enc = fresh.encryptPii('李四');
      expect(decryptWith(encKey, enc)).toBe('李四');
      expect(fresh.hmacPii('李四')).toBe(crypto.createHmac('sha256', Buffer.from(hmacKey, 'base64')).update('李四').digest('hex'));
      // Data written with the file's key cannot be read with another key.
      expect(() => fresh.decryptPii(encryptPii('李四'))).toThrow();

      process.env.PII_ENC_KEY = Buffer.from('too short').toString('base64');
      vi.resetModules();
      const bad = await import('./crypto');
      expect(() => bad.encryptPii('李四')).toThrowError('PII key must be 32 bytes (base64)');
    } finally {
      delete process.env.PII_ENC_KEY;
      delete process.env.PII_HMAC_KEY;
      vi.resetModules();
    }
  });
});
