import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random token in lower-case base32 (16 bytes give 26 characters, 20 bytes 32). */
export function randomToken(byteLength: number): string {
	const bytes = new Uint8Array(byteLength);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Hex SHA-256 of a text (UTF-8): what is stored instead of a token, code or key. Node's own hash,
 * as every submission hashes its nonce and every page view a session token.
 */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}
