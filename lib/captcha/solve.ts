import { sha256Hex } from './sha256';

/**
 * A 验证码 challenge (the proof-of-work scheme of ALTCHA, self-hosted): find the number n ≤ maxnumber
 * with SHA-256(salt + n) = challenge. The server made it and signed `challenge`; the browser spends
 * a fraction of a second finding n, which a script guessing passwords would pay for every try.
 */
export type CaptchaChallenge = { algorithm: 'SHA-256'; challenge: string; maxnumber: number; salt: string; signature: string };

/** The answer the form sends: base64 of the JSON the server checks. */
export function encodeSolution(c: CaptchaChallenge, number: number): string {
  return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature }));
}

/**
 * Finds the number and returns the encoded answer (null: none in range, or `signal` aborted). Hands
 * the thread back every few thousand tries so the page stays responsive.
 */
export async function solveChallenge(c: CaptchaChallenge, signal?: AbortSignal): Promise<string | null> {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (sha256Hex(c.salt + n) === c.challenge) return encodeSolution(c, n);
    if (n % 2000 === 1999) {
      await new Promise((r) => setTimeout(r, 0));
      if (signal?.aborted) return null;
    }
  }
  return null;
}
