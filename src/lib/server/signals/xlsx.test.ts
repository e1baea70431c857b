import { describe, expect, it } from 'vitest';
import { sheetXml, xlsx, zip, type XlsxCell } from '../../../../tests/helpers/signals-xlsx';
import { openSignalsFile } from './file-reader';
import { CsvFileError, type CsvRecord } from './reader';
import {
	XlsxStreamReader,
	columnIndex,
	columnLetter,
	isDateFormatCode,
	numberText,
	serialToDate,
	type XlsxReadOptions
} from './xlsx';

async function* chunks(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function readAll(bytes: Uint8Array, options?: XlsxReadOptions) {
	const reader = new XlsxStreamReader(chunks(bytes), options);
	const records: CsvRecord[] = [];
	const problems = [];
	const header = await reader.readHeader();
	for await (const batch of reader) {
		records.push(...batch.records);
		problems.push(...batch.problems);
	}
	return { header, records, problems, sheet: reader.sheet, sheets: reader.sheets };
}

async function refusal(bytes: Uint8Array, options?: XlsxReadOptions) {
	try {
		await readAll(bytes, options);
	} catch (e) {
		if (e instanceof CsvFileError) return { key: e.key, params: e.params };
		throw e;
	}
	return null;
}

describe('cell helpers', () => {
	it.each([
		[1, '1/1/1900'],
		[59, '28/2/1900'],
		[61, '1/3/1900'],
		[45658, '1/1/2025'],
		[45658.99999, '1/1/2025'],
		[45716, '28/2/2025'],
		[46082, '1/3/2026']
	])('serial %s is %s, in whole days', (serial, text) => {
		expect(serialToDate(serial)).toBe(text);
	});

	it('the 1904 system counts from 1 January 1904', () => {
		expect(serialToDate(45658 - 1462, true)).toBe('1/1/2025');
		expect(serialToDate(1, true)).toBe('2/1/1904');
	});

	it.each([
		['1', '1'],
		['0.8', '0,8'],
		['12.375', '12,375'],
		['100', '100'],
		['abc', 'abc']
	])('number %s reads as %s', (value, text) => {
		expect(numberText(value)).toBe(text);
	});

	it.each([
		['d/mm/yyyy', true],
		['[$-813]dd\\ mmmm\\ yyyy', true],
		['0.00', false],
		['#,##0 "dagen"', false],
		['General', false],
		['[Red]0.0', false]
	])('format %s shows a date: %s', (code, date) => {
		expect(isDateFormatCode(code)).toBe(date);
	});

	it('column letters go both ways', () => {
		for (const [index, letter] of [
			[0, 'A'],
			[25, 'Z'],
			[26, 'AA'],
			[701, 'ZZ'],
			[702, 'AAA']
		] as const) {
			expect(columnLetter(index)).toBe(letter);
			expect(columnIndex(`${letter}12`)).toBe(index);
		}
	});
});

describe('XlsxStreamReader', () => {
	const header: XlsxCell[] = ['Sleutel', 'Eenheid', 'Begindatum', 'Einddatum', 'Soort'];

	it('reads the first sheet with Excel row numbers, dates as d/m/yyyy and numbers with a decimal comma', async () => {
		const book = xlsx([
			{
				name: 'Data',
				firstRow: 3,
				rows: [
					header,
					[1234, 'WARD1', { date: '2025-01-30' }, { date: '2025-03-04' }, 'ziekte'],
					[],
					['a81f', { inline: 'WARD2' }, '3/2/2025', null, 'ziekte'],
					[0.8, 'WARD1', { date: '2024-12-31' }, { date: '2025-01-02' }, 'ander']
				]
			},
			{ name: 'Other', rows: [['x']] }
		]);
		const read = await readAll(book);
		expect(read.sheets).toEqual(['Data', 'Other']);
		expect(read.sheet).toBe('Data');
		expect(read.header).toEqual({ line: 3, cells: header });
		expect(read.records).toEqual([
			{ line: 4, cells: ['1234', 'WARD1', '30/1/2025', '4/3/2025', 'ziekte'] },
			{ line: 6, cells: ['a81f', 'WARD2', '3/2/2025', '', 'ziekte'] },
			{ line: 7, cells: ['0,8', 'WARD1', '31/12/2024', '2/1/2025', 'ander'] }
		]);
	});

	it('reads a sheet chosen by name, and refuses a name that is not there', async () => {
		const book = xlsx([
			{ name: 'Notes', rows: [['x']] },
			{ name: 'Data', rows: [header, ['k', 'WARD1', '1/1/2025', '', 'ziekte']] }
		]);
		expect((await readAll(book, { sheet: 'Data' })).records).toHaveLength(1);
		expect(await refusal(book, { sheet: 'Nope' })).toEqual({
			key: 'signals.file.xlsxNoSheet',
			params: { sheet: 'Nope' }
		});
	});

	it('reports a row with cells beyond the header, and goes on', async () => {
		const book = xlsx([
			{
				name: 'S',
				rows: [header, ['k', 'U', '1/1/2025', '', 'ziekte', null, 'x'], ['k2', 'U', '1/1/2025', '', 'ziekte']]
			}
		]);
		const read = await readAll(book);
		expect(read.problems).toEqual([
			{ key: 'signals.file.cellCount', params: { line: 2, expected: 5, found: 7 } }
		]);
		expect(read.records.map((r) => r.line)).toEqual([3]);
	});

	it.each<[string, () => Uint8Array, XlsxReadOptions, string]>([
		['an empty sheet', () => xlsx([{ name: 'S', rows: [] }]), {}, 'signals.file.empty'],
		['a header without rows', () => xlsx([{ name: 'S', rows: [header] }]), {}, 'signals.file.noRows'],
		[
			'a zip that is no workbook',
			() => zip([{ name: 'content.xml', data: '<x/>' }]),
			{},
			'signals.file.xlsxBroken'
		],
		[
			'a truncated zip',
			() => xlsx([{ name: 'S', rows: [header] }]).subarray(0, 200),
			{},
			'signals.file.xlsxBroken'
		],
		[
			'broken XML',
			() =>
				xlsx([{ name: 'S', rows: [] }], {
					sheetXmlOverride: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></row>'
				}),
			{},
			'signals.file.xlsxBroken'
		],
		[
			'a sheet of 64 MB of spaces in a zip of 64 KB (zip bomb)',
			() =>
				xlsx([{ name: 'S', rows: [] }], {
					sheetXmlOverride: Buffer.concat([
						Buffer.from(sheetXml([header], new Map())),
						Buffer.alloc(64 * 1024 * 1024, 0x20)
					])
				}),
			{ limits: { sheetBytes: 4 * 1024 * 1024 } },
			'signals.file.xlsxTooLarge'
		],
		[
			'data beyond the allowed columns',
			() => xlsx([{ name: 'S', rows: [header, Array.from({ length: 40 }, () => 'x')] }]),
			{ limits: { columns: 30 } },
			'signals.file.xlsxColumns'
		],
		[
			'more bytes than allowed',
			() => xlsx([{ name: 'S', rows: [header, ['k', 'U', '1/1/2025', '', 'x']] }]),
			{ maxBytes: 100 },
			'signals.file.tooLarge'
		]
	])(
		'refuses %s',
		async (_name, make, options, key) => {
			expect((await refusal(make(), options))?.key).toBe(key);
		},
		60_000
	);

	it('refuses a part whose real size is larger than the zip says', async () => {
		const sheet = Buffer.concat([
			Buffer.from(sheetXml([[{ inline: 'Sleutel' }], [{ inline: 'k' }]], new Map())),
			Buffer.alloc(1024 * 1024, 0x20)
		]);
		const part = (claimSize?: number) =>
			zip([
				{
					name: 'xl/workbook.xml',
					data: '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'
				},
				{ name: 'xl/worksheets/sheet1.xml', data: sheet, claimSize }
			]);
		expect(await refusal(part())).toBeNull();
		// The sheet claims 1 KiB but inflates to a megabyte: yauzl stops at the claimed size.
		expect((await refusal(part(1024)))?.key).toBe('signals.file.xlsxBroken');
	});

	it('openSignalsFile chooses the reader from the first bytes, also when they come one at a time', async () => {
		const book = xlsx([{ name: 'S', rows: [header, ['k', 'U', '1/1/2025', '', 'ziekte']] }]);
		const reader = await openSignalsFile(chunks(book, 1));
		expect(reader.kind).toBe('xlsx');
		expect((await reader.readHeader()).cells).toEqual(header);
		await reader.cancel();
		const csv = await openSignalsFile(chunks(new TextEncoder().encode('a;b\n1;2\n'), 1));
		expect(csv.kind).toBe('csv');
		await csv.cancel();
	});

	it('memory stays flat on a sheet of 300,000 rows', async () => {
		const rows: XlsxCell[][] = [header];
		for (let i = 0; i < 300_000; i++)
			rows.push([`k${i}`, 'WARD1', { date: '2025-01-02' }, { date: '2025-01-03' }, 'ziekte']);
		const book = xlsx([{ name: 'S', rows }]);
		rows.length = 0;
		global.gc?.();
		const before = process.memoryUsage().heapUsed;
		const reader = new XlsxStreamReader(chunks(book, 64 * 1024));
		let count = 0;
		let peak = 0;
		for await (const batch of reader) {
			count += batch.records.length;
			peak = Math.max(peak, process.memoryUsage().heapUsed - before);
		}
		expect(count).toBe(300_000);
		// The shared strings of this sheet are 300,000 keys; the rows themselves never pile up.
		expect(peak).toBeLessThan(150 * 1024 * 1024);
	}, 60_000);
});
