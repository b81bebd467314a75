import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt N=2^15, r=8, p=1 (OWASP's minimum for scrypt); 32 MiB of memory per hash.
const PARAMS: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(16);
  return { hash: (await derive(password, salt)).toString('hex'), salt: salt.toString('hex') };
}

export async function verifyPassword(password: string, stored: { hash: string; salt: string }): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = await derive(password, Buffer.from(stored.salt, 'hex'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A random password to print once at first start: 18 bytes → 24 URL-safe characters, drawn again
 * until `acceptable` says yes (about one draw in sixty has no digit, which the policy refuses).
 */
export function generatePassword(acceptable: (password: string) => boolean = () => true): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (acceptable(password)) return password;
  }
}
