import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The server secret: the one key that is never in the database. Personal codes are hashed with it
 * (so whoever holds the code list and reads the database cannot tell which row is which code) and
 * the answers of an open wave are sealed under keys derived from it (docs/anonymity.md, "At rest").
 *
 * From `KNIPPERLICHT_SECRET` (at least 32 bytes, hex or base64), else from the file
 * `KNIPPERLICHT_SECRET_FILE` (default `<KNIPPERLICHT_DATA_DIR or .data>/secret`), which is created
 * with 32 random bytes and mode 0600 on first use. Losing it makes unused codes and sealed answers
 * of open waves useless: back it up apart from the database.
 */
export const SECRET_BYTES = 32;

let cached: { source: string; key: Buffer } | null = null;

function decode(text: string): Buffer | null {
	const value = text.trim();
	if (/^[0-9a-f]+$/i.test(value) && value.length % 2 === 0) return Buffer.from(value, 'hex');
	if (/^[A-Za-z0-9+/_-]+=*$/.test(value)) return Buffer.from(value, 'base64');
	return null;
}

export function secretFilePath(env: NodeJS.ProcessEnv = process.env): string {
	return env.KNIPPERLICHT_SECRET_FILE || join(env.KNIPPERLICHT_DATA_DIR || '.data', 'secret');
}

function readOrCreate(path: string): Buffer {
	try {
		return readFileSync(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	mkdirSync(dirname(path), { recursive: true });
	// Written whole under another name and linked into place: a second process starting at the
	// same moment either links first or reads the complete file of the first.
	const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
	writeFileSync(temporary, randomBytes(SECRET_BYTES).toString('hex') + '\n', { mode: 0o600 });
	chmodSync(temporary, 0o600);
	try {
		linkSync(temporary, path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	} finally {
		unlinkSync(temporary);
	}
	return readFileSync(path);
}

/** The secret's bytes, read once per process (and again when the configuration changes). */
export function serverSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
	const fromEnv = env.KNIPPERLICHT_SECRET;
	const source = fromEnv ? `env:${fromEnv}` : `file:${secretFilePath(env)}`;
	if (cached?.source === source) return cached.key;
	let key: Buffer | null;
	if (fromEnv) {
		key = decode(fromEnv);
		if (!key || key.length < SECRET_BYTES)
			throw new Error(`KNIPPERLICHT_SECRET must be at least ${SECRET_BYTES} bytes, in hex or base64`);
	} else {
		const path = secretFilePath(env);
		key = decode(readOrCreate(path).toString('utf8'));
		if (!key || key.length < SECRET_BYTES)
			throw new Error(`${path} must hold at least ${SECRET_BYTES} bytes, in hex or base64`);
	}
	cached = { source, key };
	return key;
}

/** HMAC-SHA256 under the server secret, in hex, of a text with its purpose. */
export function keyedHash(purpose: string, text: string): string {
	return createHmac('sha256', serverSecret()).update(`${purpose}:${text}`).digest('hex');
}

/** Derived keys by secret, so that a key is derived once (every submission seals with one). */
const derivedKeys = new WeakMap<Buffer, Map<string, Buffer>>();
const DERIVED_KEYS_KEPT = 1000;

/** A 32-byte key for one purpose and context (HKDF-SHA256 of the server secret). */
export function derivedKey(purpose: string, context: string): Buffer {
	const secret = serverSecret();
	let keys = derivedKeys.get(secret);
	if (!keys) derivedKeys.set(secret, (keys = new Map()));
	const info = `${purpose}:${context}`;
	const known = keys.get(info);
	// A copy: the caller may use the buffer as it likes without touching the kept key.
	if (known) return Buffer.from(known);
	const key = Buffer.from(hkdfSync('sha256', secret, 'knipperlicht', info, 32));
	if (keys.size >= DERIVED_KEYS_KEPT) keys.delete(keys.keys().next().value!);
	keys.set(info, Buffer.from(key));
	return key;
}
