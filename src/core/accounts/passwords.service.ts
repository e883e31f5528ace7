import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

let common: Set<string> | undefined;
/** ~49,000 passwords from public breach corpora (zxcvbn-ts' common list). Loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordTooCommon' | 'passwordContainsEmail';

/**
 * NIST 800-63B: length, not composition rules. Rejected: shorter than 12 or longer than 128 characters,
 * a known common password (also with digits appended or repeated, "passwordpassword"), or the address.
 */
export function findPasswordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'passwordTooShort';
  if (length > PASSWORD_MAX) return 'passwordTooLong';
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  const half = lower.length % 2 === 0 ? lower.slice(0, lower.length / 2) : '';
  if (list.has(lower) || (stripped.length >= 4 && list.has(stripped)) || (half && half + half === lower && list.has(half))) {
    return 'passwordTooCommon';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'passwordContainsEmail';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password. Without a stored hash (unknown address) it still does the same work, so response
 * time does not tell whether an account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummy ??= hash('peerpolis-timing-equaliser', OPTIONS);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
