import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-file';

const bytes = (...parts: Array<number[] | string>) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeTextFile', () => {
	it.each([
		['plain UTF-8', bytes('code;naam\nA;Één'), 'code;naam\nA;Één', 'utf-8'],
		['UTF-8 with BOM drops the BOM', bytes([0xef, 0xbb, 0xbf], 'code;naam'), 'code;naam', 'utf-8'],
		[
			'Windows-1252 accents',
			bytes('code;naam\nA;Caf', [0xe9], ' ', [0x80]),
			'code;naam\nA;Café €',
			'windows-1252'
		]
	])('%s', (_name, input, text, encoding) => {
		expect(decodeTextFile(input)).toEqual({ ok: true, text, encoding });
	});
	it.each([
		['a NUL byte', bytes('PK', [0x03, 0x04, 0x00, 0x00])],
		['control characters in invalid UTF-8', bytes([0xff, 0x01, 0x02, 0x03])]
	])('refuses %s', (_name, input) => {
		expect(decodeTextFile(input)).toEqual({ ok: false, key: 'import.notText' });
	});
});
