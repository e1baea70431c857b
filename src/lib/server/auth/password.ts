import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP minimum: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

let verifications = 0;

/** How many passwords this process has checked: lets tests see that throttling stops checks. */
export function passwordVerificationCount(): number {
	return verifications;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	verifications++;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A readable one-time password: 4 groups of 4 from an alphabet without look-alikes. */
export function generateOneTimePassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
	return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
