import 'server-only';
import crypto from 'node:crypto';
import { secrets } from '@/lib/config/env';

function key(b64: string): Buffer {
  const k = Buffer.from(b64, 'base64');
  if (k.length !== 32) throw new Error('PII key must be 32 bytes (base64)');
  return k;
}

/** AES-256-GCM; output is `v1:` + base64(iv | tag | ciphertext). */
export function encryptPii(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(secrets().piiEncKey), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
}

export function decryptPii(stored: string): string {
  if (!stored.startsWith('v1:')) throw new Error('unknown PII ciphertext version');
  const raw = Buffer.from(stored.slice(3), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(secrets().piiEncKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Deterministic keyed hash for equality look-ups of encrypted columns. */
export function hmacPii(plain: string): string {
  return crypto.createHmac('sha256', key(secrets().piiHmacKey)).update(plain).digest('hex');
}
