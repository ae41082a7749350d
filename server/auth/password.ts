import "server-only";
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { PASSWORD_HASH_PREFIX } from "@/server/config/auth";

/**
 * Password hashes: scrypt (memory-hard, in Node's own crypto), stored as `scrypt:N:r:p:salt:hash` with base64url
 * salt and hash, so the cost can be raised later without breaking existing hashes. Checking one costs ~32 MiB and
 * tens of milliseconds, which is the point.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, bytes, { N, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST.N, COST.r, COST.p, KEY_BYTES);
  return [
    PASSWORD_HASH_PREFIX.slice(0, -1),
    COST.N,
    COST.r,
    COST.p,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join(":");
}

/** True when the password matches the hash; false for a wrong password and for a hash this code cannot read. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = hash.split(":");
  if (`${scheme ?? ""}:` !== PASSWORD_HASH_PREFIX || saltText === undefined || keyText === undefined) return false;
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (![N, R, P].every((x) => Number.isSafeInteger(x) && x > 0) || N > 2 ** 20 || R > 32 || P > 16) return false;
  const expected = Buffer.from(keyText, "base64url");
  if (expected.length < 16) return false;
  try {
    const key = await derive(password, Buffer.from(saltText, "base64url"), N, R, P, expected.length);
    return timingSafeEqual(key, expected);
  } catch {
    return false; // e.g. N not a power of two: not a hash this code wrote
  }
}

/** A hash to check unknown user names against, so that a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}
