import { describe, expect, it } from 'vitest';
import { judgeFileStart } from './file-check';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, bom: boolean) =>
	Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...[...s].flatMap((c) => [c.charCodeAt(0), 0])]);

describe('judgeFileStart: one verdict for the preview and the server', () => {
	it.each<[string, Uint8Array, boolean, ReturnType<typeof judgeFileStart>]>([
		['nothing', bytes(), true, { kind: 'refused', key: 'signals.file.empty' }],
		[
			'only a BOM and blank lines',
			bytes(0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x0a),
			true,
			{ kind: 'refused', key: 'signals.file.empty' }
		],
		['lines of delimiters', text(';;;\r\n;;;\r\n'), true, { kind: 'refused', key: 'signals.file.empty' }],
		['blank start of a longer file', text('\n\n'), false, { kind: 'text', bom: false }],
		['UTF-16 with BOM', utf16('Sleutel;Eenheid', true), true, { kind: 'refused', key: 'signals.file.utf16' }],
		[
			'UTF-16 big endian BOM',
			bytes(0xfe, 0xff, 0, 0x41),
			true,
			{ kind: 'refused', key: 'signals.file.utf16' }
		],
		[
			'UTF-16 without BOM',
			utf16('Sleutel;Eenheid;Begindatum', false),
			true,
			{ kind: 'refused', key: 'signals.file.utf16' }
		],
		['xlsx (zip)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), false, { kind: 'xlsx' }],
		[
			'xls (OLE)',
			bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1),
			false,
			{ kind: 'refused', key: 'signals.file.spreadsheet' }
		],
		[
			'binary',
			bytes(0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x00),
			true,
			{ kind: 'refused', key: 'signals.file.notText' }
		],
		['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, 0x41), true, { kind: 'text', bom: true }],
		['CSV', text('Sleutel;Eenheid\n'), true, { kind: 'text', bom: false }]
	])('%s', (_name, input, complete, verdict) => {
		expect(judgeFileStart(input, complete)).toEqual(verdict);
	});
});
