import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretFilePath, serverSecret } from './secret';

const dir = mkdtempSync(join(tmpdir(), 'kl-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serverSecret', () => {
	it('takes KNIPPERLICHT_SECRET in hex or base64, of at least 32 bytes', () => {
		const bytes = Buffer.alloc(32, 7);
		expect(serverSecret({ KNIPPERLICHT_SECRET: bytes.toString('hex') })).toEqual(bytes);
		expect(serverSecret({ KNIPPERLICHT_SECRET: bytes.toString('base64') })).toEqual(bytes);
		for (const bad of [
			Buffer.alloc(31, 1).toString('hex'),
			'not a secret at all!',
			Buffer.alloc(16).toString('base64')
		])
			expect(() => serverSecret({ KNIPPERLICHT_SECRET: bad })).toThrow(/at least 32 bytes/);
	});

	it('creates the file on first use, readable by its owner only, and reads the same secret after', () => {
		const env = { KNIPPERLICHT_DATA_DIR: join(dir, 'data') };
		expect(secretFilePath(env)).toBe(join(dir, 'data', 'secret'));
		const first = serverSecret(env);
		expect(first.length).toBe(32);
		expect(statSync(secretFilePath(env)).mode & 0o777).toBe(0o600);
		expect(Buffer.from(readFileSync(secretFilePath(env), 'utf8').trim(), 'hex')).toEqual(first);
		expect(serverSecret({ KNIPPERLICHT_SECRET_FILE: secretFilePath(env) })).toEqual(first);
		// Another folder, another secret.
		expect(serverSecret({ KNIPPERLICHT_SECRET_FILE: join(dir, 'other', 'secret') })).not.toEqual(first);
	});
});
