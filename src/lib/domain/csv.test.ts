import { describe, expect, it } from 'vitest';
import { parseCsvWithLines } from './csv';

describe('parseCsvWithLines', () => {
	it.each([
		['plain rows', 'code;naam\nA;One\nB;Two\n', [2, 3]],
		['after a blank line', 'code;naam\nA;One\n\nB;Two\n', [2, 4]],
		['after a quoted field over two lines', 'code;naam\nA;"multi\nline"\nB;Two\n', [2, 4]],
		['with CRLF line ends and a BOM', '\uFEFFcode;naam\r\nA;One\r\n\r\nB;Two\r\n', [2, 4]],
		['with leading blank lines', '\n\ncode;naam\nA;One\n', [4]]
	])('numbers rows %s', (_name, text, lines) => {
		const result = parseCsvWithLines(text);
		expect(result.fields).toEqual(['code', 'naam']);
		expect(result.rows.map((r) => r.line)).toEqual(lines);
	});
	it('detects the delimiter and maps cells to the header', () => {
		expect(parseCsvWithLines('code,name\nA,"One, two"\n').rows).toEqual([
			{ line: 2, cells: { code: 'A', name: 'One, two' } }
		]);
	});
	it.each([
		['an unclosed quote', 'code;naam\nA;One\nB;"Two\nC;Three\n', { line: 3, key: 'import.malformedQuotes' }],
		['extra fields', 'code;naam\nA;One\n\nB;Two;x\n', { line: 4, key: 'import.tooManyFields' }]
	])('reports %s on its line', (_name, text, problem) => {
		expect(parseCsvWithLines(text).problems).toContainEqual(problem);
	});
	it('gives no fields for an empty text', () => {
		expect(parseCsvWithLines('')).toEqual({ fields: [], rows: [], problems: [] });
	});
});
