import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, totpCode, totpStep } from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"; the vectors
// are 8 digits, so the last 6 digits are what a 6-digit authenticator shows.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('matches every SHA-1 test vector of RFC 6238 at 8 digits, and its last 6 digits at 6', () => {
    const secret = base32Encode(SEED);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, expected] of VECTORS) {
      const at = new Date(seconds * 1000);
      expect(hotp(SEED, totpStep(at), 8)).toBe(expected);
      expect(totpCode(secret, at)).toBe(expected.slice(2));
    }
  });

  it('round-trips base32 and accepts a code one step early or late, never twice, never two steps off', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    const secret = base32Encode(SEED);
    const at = new Date(1111111111 * 1000);
    const code = totpCode(secret, at);
    expect(matchTotp(secret, code, new Date(at.getTime() + 30_000), null)).toBe(totpStep(at));
    expect(matchTotp(secret, code, new Date(at.getTime() - 30_000), null)).toBe(totpStep(at));
    expect(matchTotp(secret, code, new Date(at.getTime() + 61_000), null)).toBeNull();
    expect(matchTotp(secret, code, at, totpStep(at))).toBeNull();
    expect(matchTotp(secret, '12345', at, null)).toBeNull();
  });
});
