import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
	CsvFileError,
	readCsvStream,
	type CsvByteSource,
	type CsvReadOptions,
	type CsvRecord
} from './reader';

const fixtures = new URL('../../../../tests/fixtures/signals/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes in chunks of `size` (Infinity: one chunk), as an async iterable. */
async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	const step = Math.min(size, Math.max(bytes.length, 1));
	for (let i = 0; i < bytes.length; i += step) yield bytes.slice(i, i + step);
}

async function readAll(source: CsvByteSource, options?: CsvReadOptions) {
	const reader = readCsvStream(source, options);
	const records: CsvRecord[] = [];
	const problems = [];
	let batches = 0;
	for await (const batch of reader) {
		batches++;
		records.push(...batch.records);
		problems.push(...batch.problems);
	}
	return {
		header: reader.header,
		records,
		problems,
		batches,
		delimiter: reader.delimiter,
		encoding: reader.encoding,
		rowsRead: reader.rowsRead,
		bytesRead: reader.bytesRead,
		problemCount: reader.problemCount,
		keptProblems: reader.problems
	};
}

/** What is read must not depend on where the chunks split multi-byte characters or CRLF pairs. */
const splits: Array<[string, number, CsvReadOptions]> = [
	['one chunk', Infinity, {}],
	['1-byte chunks', 1, {}],
	['7-byte chunks', 7, {}],
	['1-byte chunks after a 4-byte sample', 1, { sampleBytes: 4 }],
	['2-byte chunks after a 4-byte sample', 2, { sampleBytes: 4 }],
	['3-byte chunks after a 4-byte sample', 3, { sampleBytes: 4 }],
	['7-byte chunks after a 4-byte sample', 7, { sampleBytes: 4 }]
];

async function expectFileError(promise: Promise<unknown>, key: string, params: object = {}) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(CsvFileError);
	expect(error).toMatchObject({ key, params });
}

describe('readCsvStream', () => {
	it('reads a Belgian Excel export from a Node stream: BOM, semicolons, decimal commas as text', async () => {
		const result = await readAll(createReadStream(new URL('utf8-bom-semicolons.csv', fixtures)));
		expect(result.encoding).toBe('utf-8-bom');
		expect(result.delimiter).toBe(';');
		expect(result.header).toEqual({
			line: 1,
			cells: ['eenheid', 'maand', 'personeelsleden', 'vte', 'geplande dagen', 'ziektedagen kort']
		});
		expect(result.records).toEqual([
			{ line: 2, cells: ['AZ-SPO', '2025-01', '42', '38,5', '812,25', '17,5'] },
			{ line: 3, cells: ['Wasserij Sint-Jozef', '2025-01', '7', '6,8', '140', '0'] },
			{ line: 4, cells: ['Diensten; algemeen', '01/02/2025', '12', '11,25', '230,5', '3,75'] }
		]);
		expect(result.rowsRead).toBe(3);
		expect(result.bytesRead).toBe(fixture('utf8-bom-semicolons.csv').length);
		expect(result.problems).toEqual([]);
	});

	describe.each(splits)('with %s', (_name, size, options) => {
		it('decodes UTF-8 with BOM', async () => {
			const result = await readAll(chunks(fixture('utf8-bom-semicolons.csv'), size), options);
			expect(result.encoding).toBe('utf-8-bom');
			expect(result.header?.cells[0]).toBe('eenheid');
			expect(result.records.map((r) => r.cells[3])).toEqual(['38,5', '6,8', '11,25']);
		});

		it('decodes Windows-1252 with é, ô, è and € in the unit column', async () => {
			const result = await readAll(chunks(fixture('windows-1252.csv'), size), options);
			expect(result.encoding).toBe('windows-1252');
			expect(result.records).toEqual([
				{ line: 2, cells: ['K000123', 'Entrepôt Liège', '03/02/2025', '14/02/2025', 'maladie'] },
				{ line: 3, cells: ['K000124', 'Café €uro', '03/02/2025', '', 'accident du travail'] },
				{ line: 4, cells: ['K000125', 'Crèche', '10/03/2025', '11/03/2025', 'maladie'] }
			]);
		});

		it('keeps 2-, 3- and 4-byte UTF-8 characters whole', async () => {
			const text = 'eenheid,naam\r\nAZ-1,Liège €\r\nAZ-2,𝄞 Ωmega\r\nAZ-3,"ça\r\nva"\r\n';
			const result = await readAll(chunks(utf8(text), size), options);
			expect(result.encoding).toBe('utf-8');
			expect(result.delimiter).toBe(',');
			expect(result.records).toEqual([
				{ line: 2, cells: ['AZ-1', 'Liège €'] },
				{ line: 3, cells: ['AZ-2', '𝄞 Ωmega'] },
				{ line: 4, cells: ['AZ-3', 'ça\r\nva'] }
			]);
		});

		it('numbers lines across CRLF, quoted line breaks, blank lines and empty Excel rows', async () => {
			const result = await readAll(chunks(fixture('crlf-multiline.csv'), size), options);
			expect(result.header).toEqual({
				line: 1,
				cells: ['sleutel', 'eenheid', 'begin', 'einde', 'opmerking']
			});
			expect(result.records).toEqual([
				{ line: 2, cells: ['K000001', 'AZ-SPO', '03/02/2025', '14/02/2025', 'kort'] },
				{ line: 3, cells: ['K000002', 'AZ-NEU', '03/02/2025', '14/02/2025', 'twee\r\nregels'] },
				{ line: 5, cells: ['K000003', 'AZ-CAR', '03/02/2025', '14/02/2025', 'drie\nregels\r\nhier'] },
				{ line: 10, cells: ['K000004', 'AZ-ORT', '03/02/2025', '14/02/2025', 'na'] },
				{ line: 11, cells: ['K000005', 'AZ-SPO', '04/02/2025', '', 'met "aanhalingstekens"'] }
			]);
			expect(result.problems).toEqual([]);
			expect(result.rowsRead).toBe(5);
		});

		it('delivers formula-looking cells as plain text', async () => {
			const result = await readAll(chunks(fixture('formula-cells.csv'), size), options);
			expect(result.records).toEqual([
				{ line: 2, cells: ['=SUM(A1)', '+1', '-2', '@cmd', 'ziekte'] },
				{
					line: 3,
					cells: ['K000124', '=HYPERLINK("http://example.org";"x")', '03/02/2025', '14/02/2025', '=1+1']
				}
			]);
		});

		it('reports malformed quotes on their line and goes on', async () => {
			const result = await readAll(chunks(fixture('bad-quotes.csv'), size), options);
			expect(result.records.map((r) => r.line)).toEqual([2, 4]);
			// The quote opened on line 5 is never closed: PapaParse gives it the rest of the file.
			expect(result.problems).toEqual([
				{ key: 'signals.file.badQuotes', params: { line: 3 } },
				{ key: 'signals.file.badQuotes', params: { line: 5 } }
			]);
			expect(result.rowsRead).toBe(4);
		});

		it('refuses UTF-16', async () => {
			await expectFileError(readAll(chunks(fixture('utf16le.csv'), size), options), 'signals.file.utf16');
		});

		it('refuses an empty file and a header without rows', async () => {
			await expectFileError(readAll(chunks(fixture('empty.csv'), size), options), 'signals.file.empty');
			await expectFileError(
				readAll(chunks(fixture('header-only.csv'), size), options),
				'signals.file.noRows',
				{
					headerLine: 1
				}
			);
		});
	});

	it('reads a web ReadableStream such as a SvelteKit request body', async () => {
		const stream = Readable.toWeb(
			Readable.from(chunks(fixture('crlf-multiline.csv'), 16))
		) as ReadableStream<Uint8Array>;
		const result = await readAll(stream);
		expect(result.records.map((r) => r.line)).toEqual([2, 3, 5, 10, 11]);
	});

	it.each([
		['a tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
		['a comma', 'a,b,c\n1,2,3\n', ','],
		['a semicolon', 'a;b,c;d\n1;2,5;3\n', ';']
	])('detects %s as delimiter from the header line', async (_name, text, delimiter) => {
		const result = await readAll(chunks(utf8(text), Infinity));
		expect(result.delimiter).toBe(delimiter);
		expect(result.records[0]?.cells).toHaveLength(3);
	});

	it('reads a file without a final line break, with leading blank lines and LF or CR line ends', async () => {
		for (const text of ['\n\na;b\n1;2\n3;4', '\r\n\r\na;b\r\n1;2\r\n3;4', '\r\ra;b\r1;2\r3;4\r']) {
			const result = await readAll(chunks(utf8(text), 3), { sampleBytes: 4 });
			expect(result.header).toEqual({ line: 3, cells: ['a', 'b'] });
			expect(result.records).toEqual([
				{ line: 4, cells: ['1', '2'] },
				{ line: 5, cells: ['3', '4'] }
			]);
		}
	});

	it('reports rows with another number of cells, tolerating empty cells Excel appends', async () => {
		const text = 'a;b;c;;\n1;2;3\n1;2\n\n1;2;3;4\n1;2;3;;;\n;;\n1;2;3;4;;\n';
		const result = await readAll(chunks(utf8(text), 5));
		expect(result.header?.cells).toEqual(['a', 'b', 'c']);
		expect(result.records).toEqual([
			{ line: 2, cells: ['1', '2', '3'] },
			{ line: 6, cells: ['1', '2', '3'] }
		]);
		expect(result.problems).toEqual([
			{ key: 'signals.file.cellCount', params: { line: 3, expected: 3, found: 2 } },
			{ key: 'signals.file.cellCount', params: { line: 5, expected: 3, found: 4 } },
			{ key: 'signals.file.cellCount', params: { line: 8, expected: 3, found: 4 } }
		]);
		expect(result.rowsRead).toBe(5);
	});

	it('keeps the first problems and counts them all', async () => {
		const text = 'a;b\n' + '1\n'.repeat(10) + '1;2\n';
		const result = await readAll(chunks(utf8(text), 4), { maxProblems: 3 });
		expect(result.keptProblems.map((p) => p.params.line)).toEqual([2, 3, 4]);
		expect(result.problemCount).toBe(10);
		expect(result.problems).toHaveLength(10);
		expect(result.records).toEqual([{ line: 12, cells: ['1', '2'] }]);
	});

	it('delivers batches of about batchSize records and counts progress', async () => {
		const text = 'a;b\n' + Array.from({ length: 10 }, (_, i) => `${i};x\n`).join('');
		const reader = readCsvStream(chunks(utf8(text), 4), { batchSize: 3 });
		const seen: Array<{ lines: number[]; rowsRead: number }> = [];
		for await (const batch of reader) {
			seen.push({ lines: batch.records.map((r) => r.line), rowsRead: reader.rowsRead });
		}
		expect(seen.flatMap((b) => b.lines)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(seen.every((b) => b.lines.length >= 3 || b === seen.at(-1))).toBe(true);
		expect(seen.at(-1)?.rowsRead).toBe(10);
		expect(reader.bytesRead).toBe(utf8(text).length);
	});

	it('gives the header before the rows', async () => {
		const reader = readCsvStream(chunks(utf8('x;y\n1;2\n3;4\n'), 2), { sampleBytes: 4 });
		expect(await reader.readHeader()).toEqual({ line: 1, cells: ['x', 'y'] });
		const lines = [];
		for await (const batch of reader) lines.push(...batch.records.map((r) => r.line));
		expect(lines).toEqual([2, 3]);
	});

	describe('encoding decided later in the file', () => {
		const asciiRows = 'K000001;AZ-SPO;03/02/2025;14/02/2025;ziekte\r\n'.repeat(2000); // 90 KB

		it('reads Windows-1252 whose first accent comes after the sample', async () => {
			const bytes = Buffer.from(
				`sleutel;eenheid;begin;einde;type\r\n${asciiRows}K000002;Entrepôt;;;congé\r\n`,
				'latin1'
			);
			for (const size of [7, 65536]) {
				const result = await readAll(chunks(bytes, size));
				expect(result.encoding).toBe('windows-1252');
				expect(result.records.at(-1)).toEqual({
					line: 2002,
					cells: ['K000002', 'Entrepôt', '', '', 'congé']
				});
			}
		});

		it('stops on bytes that are not UTF-8 in a file that was UTF-8 so far, with the line', async () => {
			const start = utf8(
				`sleutel;eenheid;begin;einde;type\r\nK000001;Liège;;;ziekte\r\n${asciiRows}K000002;`
			);
			const bytes = Buffer.concat([start, Buffer.from('Entrep\xf4t;;;ziekte\r\n', 'latin1')]);
			for (const size of [7, 65536]) {
				await expectFileError(readAll(chunks(bytes, size)), 'signals.file.invalidUtf8', { line: 2003 });
			}
		});

		it('keeps a UTF-8 character split over the end of the sample and later chunk ends', async () => {
			const bytes = utf8(`a;b\n${'x;y\n'.repeat(16383)}é;€\n${'x;y\n'.repeat(100)}€;é\n`);
			for (const size of [1, 7, 4096]) {
				const result = await readAll(chunks(bytes, size));
				expect(result.encoding).toBe('utf-8');
				expect(result.records.find((r) => r.line === 16385)?.cells).toEqual(['é', '€']);
				expect(result.records.at(-1)).toEqual({ line: 16486, cells: ['€', 'é'] });
			}
		});
	});

	describe('garbage', () => {
		/** 50 MB made on demand, so that the test shows how little of it is read. */
		function lazyBytes(fill: (chunk: Uint8Array) => void) {
			const state = { pulled: 0, finished: false };
			const source = (async function* () {
				try {
					for (let sent = 0; sent < 50 * 1024 * 1024; sent += 65536) {
						const chunk = new Uint8Array(65536);
						fill(chunk);
						state.pulled += chunk.length;
						yield chunk;
					}
				} finally {
					state.finished = true;
				}
			})();
			return { source, state };
		}

		it('refuses 50 MB of random bytes after the first chunk', async () => {
			const { source, state } = lazyBytes((chunk) => {
				for (let i = 0; i < chunk.length; i++) chunk[i] = (Math.random() * 256) | 0;
			});
			await expectFileError(readAll(source), 'signals.file.notText');
			expect(state.pulled).toBeLessThanOrEqual(65536);
			expect(state.finished).toBe(true);
		});

		it('refuses a 50 MB line of letters after reading little of it', async () => {
			const { source, state } = lazyBytes((chunk) => chunk.fill(0x61));
			await expectFileError(readAll(source), 'signals.file.lineTooLong', { line: 1, maxChars: 65536 });
			expect(state.pulled).toBeLessThanOrEqual(2 * 65536);
			expect(state.finished).toBe(true);
		});

		it('refuses control characters, NUL bytes and spreadsheet files', async () => {
			await expectFileError(readAll(chunks(utf8('a;b\n\x01\x02;\x03\x04\n'), 3)), 'signals.file.notText');
			const late = Buffer.concat([utf8('a;b\n' + '1;2\n'.repeat(20000)), Buffer.from([0, 0, 1])]);
			await expectFileError(readAll(chunks(late, 4096)), 'signals.file.notText');
			const xlsx = Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1');
			await expectFileError(readAll(chunks(xlsx, 3)), 'signals.file.spreadsheet');
			const utf16WithoutBom = Buffer.from('sleutel;eenheid\r\nK000123;AZ-SPO\r\n', 'utf16le');
			await expectFileError(readAll(chunks(utf16WithoutBom, 5)), 'signals.file.utf16');
		});

		it.each([1, 7, 100])(
			'finds a record over the limit wherever the chunks end (%i-byte chunks)',
			async (size) => {
				const text = 'a;b\n' + '1;2\n'.repeat(30) + `1;${'x'.repeat(150)}\n` + '1;2\n'.repeat(30);
				await expectFileError(
					readAll(chunks(utf8(text), size), { maxRecordChars: 100 }),
					'signals.file.lineTooLong',
					{
						line: 32,
						maxChars: 100
					}
				);
				const fits = 'a;b\n' + `1;${'x'.repeat(98)}\n`.repeat(5);
				expect((await readAll(chunks(utf8(fits), size), { maxRecordChars: 100 })).rowsRead).toBe(5);
			}
		);

		it('stops at an opening quote that swallows the rest of a long file', async () => {
			const text = 'a;b\n1;2\n1;"open\n' + '1;2\n'.repeat(1000);
			await expectFileError(
				readAll(chunks(utf8(text), 64), { maxRecordChars: 1000 }),
				'signals.file.badQuotes',
				{
					line: 3
				}
			);
		});

		it('refuses a file over the byte limit as soon as it is passed', async () => {
			const { source, state } = lazyBytes((chunk) => chunk.fill(0x0a));
			await expectFileError(readAll(source, { maxBytes: 200_000 }), 'signals.file.tooLarge', {
				maxBytes: 200_000
			});
			expect(state.pulled).toBe(4 * 65536);
			expect(state.finished).toBe(true);
		});
	});

	describe('stopping early', () => {
		const text = 'a;b\n' + '1;2\n'.repeat(50_000);

		it('cancels a web stream when the consumer leaves the loop', async () => {
			let cancelled = false;
			let pulls = 0;
			const bytes = utf8(text);
			let offset = 0;
			const stream = new ReadableStream<Uint8Array>({
				pull(controller) {
					pulls++;
					if (offset >= bytes.length) return controller.close();
					controller.enqueue(bytes.slice(offset, (offset += 1000)));
				},
				cancel() {
					cancelled = true;
				}
			});
			const reader = readCsvStream(stream, { batchSize: 100 });
			for await (const batch of reader) {
				expect(batch.records.length).toBeGreaterThan(0);
				break;
			}
			expect(cancelled).toBe(true);
			expect(pulls).toBeLessThan(100);
			await expect(reader.readHeader()).resolves.toMatchObject({ line: 1 });
		});

		it('destroys a Node stream and leaves no listeners behind', async () => {
			const stream = Readable.from(chunks(utf8(text), 1000));
			const listeners = () => stream.eventNames().reduce((n, name) => n + stream.listenerCount(name), 0);
			const before = listeners();
			const reader = readCsvStream(stream, { batchSize: 100 });
			let batches = 0;
			for await (const _batch of reader) if (++batches === 2) break;
			expect(stream.destroyed).toBe(true);
			expect(listeners()).toBe(before);
			expect(reader.rowsRead).toBeLessThan(50_000);
		});

		it('passes on an error of the source and detaches from it', async () => {
			const stream = new Readable({ read() {} });
			stream.push(utf8('a;b\n1;2\n'));
			setTimeout(() => stream.destroy(new Error('connection reset')), 5);
			await expect(readAll(stream, { sampleBytes: 4 })).rejects.toThrow('connection reset');
			expect(stream.listenerCount('error') + stream.listenerCount('readable')).toBe(0);
		});

		it('cancels the source on cancel() and on a fatal error', async () => {
			let cancelled = 0;
			const source = () =>
				new ReadableStream<Uint8Array>({
					pull: (controller) => controller.enqueue(utf8('1;2\n'.repeat(100))),
					cancel: () => void cancelled++
				});
			const reader = readCsvStream(source());
			await reader.readHeader();
			await reader.cancel();
			expect(cancelled).toBe(1);
			await expectFileError(readAll(source(), { maxBytes: 10_000 }), 'signals.file.tooLarge', {
				maxBytes: 10_000
			});
			expect(cancelled).toBe(2);
		});
	});
});
