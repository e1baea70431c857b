import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { XLSX_LIMITS } from '../limits';
import {
	CsvFileError,
	type CsvBatch,
	type CsvFileProblem,
	type CsvRecord,
	type CsvRowProblem
} from './reader';

/**
 * Streaming reader for Excel workbooks (.xlsx), delivering the rows of one sheet as the CSV reader
 * delivers records: `line` is the row number Excel shows, `cells` the text of each column (A = 0),
 * empty where the sheet has no cell. Numbers become text with a decimal comma, and cells formatted
 * as dates become `d/m/yyyy`, computed from the serial number in whole days (no time zone), so the
 * same checks as for a CSV file apply.
 *
 * A zip keeps its directory at its end, so the upload is first written to a temporary file (flat
 * memory); yauzl then reads the parts it needs, each inflated as a stream under a bound
 * (XLSX_LIMITS), and saxes parses their XML as it comes. Only the shared strings are held.
 */

export interface XlsxReadOptions {
	/** Refuse the file as soon as more bytes than this arrive. Default 256 MiB. */
	maxBytes?: number;
	/** Records (plus row problems) per batch. Default 2000. */
	batchSize?: number;
	/** How many row problems `problems` keeps. Default 100. */
	maxProblems?: number;
	/** The sheet to read, by name; the first sheet without it. */
	sheet?: string;
	limits?: Partial<typeof XLSX_LIMITS>;
}

function fail(problem: CsvFileProblem): never {
	throw new CsvFileError(problem);
}

/** Excel's built-in number formats that show a date. */
const DATE_FORMAT_IDS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
	55, 56, 57, 58
]);

/** A custom number format shows a date when, outside quoted text, escapes and [colours], it has d, m or y. */
export function isDateFormatCode(code: string): boolean {
	const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
	return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * An Excel serial day as `d/m/yyyy`. In the 1900 system Excel counts the non-existent 29 February
 * 1900 (serial 60), so serials before it are one day later than their count says.
 */
export function serialToDate(serial: number, date1904 = false): string {
	const whole = Math.floor(serial);
	if (!Number.isFinite(whole) || whole < 1) return String(serial);
	if (!date1904 && whole === 60) return '29/2/1900'; // refused as a date, as it should be
	const epochDays = date1904 ? whole - 24107 : whole < 60 ? whole - 25568 : whole - 25569;
	const date = new Date(epochDays * 86_400_000);
	return `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
}

/** A number as text the cell parsers read: a decimal comma, no grouping. */
export function numberText(value: string): string {
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n)) return value;
	return String(n).replace('.', ',');
}

/** `C` → 2, `AA` → 26; -1 when the reference has no letters. */
export function columnIndex(reference: string): number {
	let index = 0;
	let i = 0;
	for (; i < reference.length; i++) {
		const c = reference.charCodeAt(i) | 0x20;
		if (c < 97 || c > 122) break;
		index = index * 26 + (c - 96);
	}
	return i === 0 ? -1 : index - 1;
}

/** Column 2 → `C`: how Excel names a column. */
export function columnLetter(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function openZip(path: string): Promise<ZipFile> {
	return new Promise((resolve, reject) =>
		yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (e, zip) =>
			e ? reject(e) : resolve(zip)
		)
	);
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
	return new Promise((resolve, reject) =>
		zip.openReadStream(entry, (e, stream) => (e ? reject(e) : resolve(stream)))
	);
}

async function listEntries(zip: ZipFile, max: number): Promise<Map<string, Entry>> {
	const entries = new Map<string, Entry>();
	await new Promise<void>((resolve, reject) => {
		zip.on('entry', (entry: Entry) => {
			if (entries.size >= max)
				return reject(new CsvFileError({ key: 'signals.file.xlsxBroken', params: {} }));
			entries.set(entry.fileName, entry);
			zip.readEntry();
		});
		zip.once('end', resolve);
		zip.once('error', reject);
		zip.readEntry();
	});
	return entries;
}

export class XlsxStreamReader implements AsyncIterable<CsvBatch> {
	readonly kind = 'xlsx';
	header: CsvRecord | null = null;
	bytesRead = 0;
	rowsRead = 0;
	/** The sheets of the workbook, in order, and the one read. */
	sheets: string[] = [];
	sheet: string | null = null;
	readonly problems: CsvRowProblem[] = [];
	problemCount = 0;

	private readonly limits: typeof XLSX_LIMITS;
	private readonly maxBytes: number;
	private readonly batchSize: number;
	private readonly maxProblems: number;
	private dir: string | null = null;
	private zip: ZipFile | null = null;
	private rows: AsyncGenerator<CsvRecord[]> | null = null;
	/** Records read past the header, waiting for the next batch. */
	private pending: CsvRecord[] = [];
	private batchProblems: CsvRowProblem[] = [];
	private closed = false;

	constructor(
		private readonly source: AsyncIterable<Uint8Array>,
		private readonly options: XlsxReadOptions = {}
	) {
		this.limits = { ...XLSX_LIMITS, ...options.limits };
		this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
		this.batchSize = options.batchSize ?? 2000;
		this.maxProblems = options.maxProblems ?? 100;
	}

	async readHeader(): Promise<CsvRecord> {
		if (this.header) return this.header;
		try {
			this.rows ??= this.readRows();
			while (!this.header) {
				const next = await this.rows.next();
				if (next.done) fail({ key: 'signals.file.empty', params: {} });
				this.take(next.value);
			}
			return this.header;
		} catch (e) {
			await this.cancel();
			throw asFileError(e);
		}
	}

	async *[Symbol.asyncIterator](): AsyncGenerator<CsvBatch, void, undefined> {
		try {
			await this.readHeader();
			for (;;) {
				const next = await this.rows!.next();
				if (!next.done) this.take(next.value);
				if (next.done || this.pending.length + this.batchProblems.length >= this.batchSize) {
					if (next.done && this.rowsRead === 0)
						fail({ key: 'signals.file.noRows', params: { headerLine: this.header!.line } });
					if (this.pending.length || this.batchProblems.length) {
						const batch = { records: this.pending, problems: this.batchProblems };
						this.pending = [];
						this.batchProblems = [];
						yield batch;
					}
					if (next.done) return;
				}
			}
		} catch (e) {
			throw asFileError(e);
		} finally {
			await this.cancel();
		}
	}

	/** Stops reading, closes the zip and removes the temporary file. */
	async cancel(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await this.rows?.return(undefined).catch(() => {});
		this.zip?.close();
		if (this.dir) await rm(this.dir, { recursive: true, force: true });
	}

	/** Header first, then the rows, each checked against the header's width. */
	private take(records: CsvRecord[]): void {
		for (const record of records) {
			if (!this.header) {
				this.header = record;
				continue;
			}
			this.rowsRead++;
			const expected = this.header.cells.length;
			const cells = record.cells;
			if (cells.length > expected) {
				const found = contentLength(cells);
				if (found > expected) {
					this.problem({ key: 'signals.file.cellCount', params: { line: record.line, expected, found } });
					continue;
				}
				cells.length = expected;
			}
			while (cells.length < expected) cells.push('');
			this.pending.push(record);
		}
	}

	private problem(problem: CsvRowProblem): void {
		this.problemCount++;
		if (this.problems.length < this.maxProblems) this.problems.push(problem);
		this.batchProblems.push(problem);
	}

	private async spool(): Promise<string> {
		this.dir = await mkdtemp(join(tmpdir(), 'knipperlicht-xlsx-'));
		const path = join(this.dir, 'upload.xlsx');
		const out = createWriteStream(path);
		try {
			for await (const chunk of this.source) {
				this.bytesRead += chunk.length;
				if (this.bytesRead > this.maxBytes)
					fail({ key: 'signals.file.tooLarge', params: { maxBytes: this.maxBytes } });
				if (!out.write(chunk)) await once(out, 'drain');
			}
		} finally {
			out.end();
			await once(out, 'close');
		}
		return path;
	}

	/** The text of a part, inflated as it streams, refused past `max` bytes. */
	private async *partText(entry: Entry, max: number, part: string): AsyncGenerator<string> {
		const stream = await openEntry(this.zip!, entry);
		const decoder = new TextDecoder('utf-8');
		let inflated = 0;
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				inflated += chunk.length;
				if (inflated > max) fail({ key: 'signals.file.xlsxTooLarge', params: { part } });
				yield decoder.decode(chunk, { stream: true });
			}
			yield decoder.decode();
		} finally {
			stream.destroy();
		}
	}

	/** Parses a part's XML, calling `open`, `close` and `text` as its elements come. */
	private async parsePart(
		entry: Entry,
		max: number,
		part: string,
		handlers: {
			open?: (name: string, attributes: Record<string, string>) => void;
			close?: (name: string) => void;
			text?: (text: string) => void;
		},
		afterChunk?: () => void
	): Promise<void> {
		const parser = new SaxesParser();
		if (handlers.open)
			parser.on('opentag', (tag: SaxesTagPlain) => handlers.open!(localName(tag.name), tag.attributes));
		if (handlers.close) parser.on('closetag', (tag: SaxesTagPlain) => handlers.close!(localName(tag.name)));
		if (handlers.text) {
			parser.on('text', handlers.text);
			parser.on('cdata', handlers.text);
		}
		for await (const text of this.partText(entry, max, part)) {
			parser.write(text);
			afterChunk?.();
		}
		parser.close();
	}

	private async *readRows(): AsyncGenerator<CsvRecord[]> {
		const path = await this.spool();
		this.zip = await openZip(path);
		const entries = await listEntries(this.zip, this.limits.entries);
		const part = (name: string) => entries.get(name.replace(/^\//, ''));
		const workbookEntry = part('xl/workbook.xml');
		if (!workbookEntry) fail({ key: 'signals.file.xlsxBroken', params: {} });

		const sheets: { name: string; rel: string }[] = [];
		let date1904 = false;
		await this.parsePart(workbookEntry, this.limits.partBytes, 'workbook', {
			open: (name, a) => {
				if (name === 'sheet') sheets.push({ name: a.name ?? '', rel: a['r:id'] ?? a.id ?? '' });
				if (name === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
			}
		});
		const targets = new Map<string, { type: string; target: string }>();
		const relsEntry = part('xl/_rels/workbook.xml.rels');
		if (relsEntry)
			await this.parsePart(relsEntry, this.limits.partBytes, 'relationships', {
				open: (name, a) => {
					if (name === 'Relationship' && a.Id && a.Target)
						targets.set(a.Id, {
							type: a.Type ?? '',
							target: a.Target.startsWith('/') ? a.Target : `xl/${a.Target}`
						});
				}
			});
		const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;

		this.sheets = sheets.map((s) => s.name);
		const chosen =
			this.options.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === this.options.sheet);
		if (!chosen) {
			if (this.options.sheet !== undefined)
				fail({ key: 'signals.file.xlsxNoSheet', params: { sheet: this.options.sheet } });
			fail({ key: 'signals.file.xlsxBroken', params: {} });
		}
		this.sheet = chosen.name;
		const sheetEntry = part(targets.get(chosen.rel)?.target ?? 'xl/worksheets/sheet1.xml');
		if (!sheetEntry) fail({ key: 'signals.file.xlsxBroken', params: {} });

		// Styles: which cell formats show dates.
		const dateStyles: boolean[] = [];
		const stylesEntry = part(byType('/styles') ?? 'xl/styles.xml');
		if (stylesEntry) {
			const customDates = new Set<number>();
			let inCellXfs = false;
			await this.parsePart(stylesEntry, this.limits.partBytes, 'styles', {
				open: (name, a) => {
					if (name === 'numFmt' && isDateFormatCode(a.formatCode ?? '')) customDates.add(Number(a.numFmtId));
					else if (name === 'cellXfs') inCellXfs = true;
					else if (name === 'xf' && inCellXfs) {
						const id = Number(a.numFmtId ?? 0);
						dateStyles.push(DATE_FORMAT_IDS.has(id) || customDates.has(id));
					}
				},
				close: (name) => {
					if (name === 'cellXfs') inCellXfs = false;
				}
			});
		}

		// Shared strings: the text of each <si>, phonetic runs left out.
		const strings: string[] = [];
		const stringsEntry = part(byType('/sharedStrings') ?? 'xl/sharedStrings.xml');
		if (stringsEntry) {
			let current = '';
			let inText = false;
			let phonetic = 0;
			await this.parsePart(stringsEntry, this.limits.sharedStringsBytes, 'sharedStrings', {
				open: (name) => {
					if (name === 'si') current = '';
					else if (name === 't') inText = phonetic === 0;
					else if (name === 'rPh') phonetic++;
				},
				close: (name) => {
					if (name === 'si') strings.push(current);
					else if (name === 't') inText = false;
					else if (name === 'rPh') phonetic--;
				},
				text: (text) => {
					if (inText) current += text;
				}
			});
		}

		// The sheet, row by row.
		const maxColumns = this.limits.columns;
		let out: CsvRecord[] = [];
		let rowNumber = 0;
		let cells: string[] | null = null;
		let column = -1;
		let type = 'n';
		let style = 0;
		let value = '';
		let capture = false;
		let phonetic = 0;
		const handlers = {
			open(name: string, a: Record<string, string>) {
				if (name === 'row') {
					rowNumber = a.r ? Number(a.r) : rowNumber + 1;
					cells = [];
					column = -1;
				} else if (name === 'c' && cells) {
					const index = a.r ? columnIndex(a.r) : -1;
					column = index >= 0 ? index : column + 1;
					if (column >= maxColumns)
						fail({ key: 'signals.file.xlsxColumns', params: { line: rowNumber, maxColumns } });
					type = a.t ?? 'n';
					style = a.s ? Number(a.s) : 0;
					value = '';
				} else if (name === 'v' || (name === 't' && phonetic === 0)) capture = true;
				else if (name === 'rPh') phonetic++;
			},
			close(name: string) {
				if (name === 'v' || name === 't') capture = false;
				else if (name === 'rPh') phonetic--;
				else if (name === 'c' && cells) {
					let text: string;
					if (type === 's') text = strings[Number(value)] ?? '';
					else if (type === 'inlineStr' || type === 'str' || type === 'e' || type === 'd') text = value;
					else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
					else if (value === '') text = '';
					else if (dateStyles[style]) text = serialToDate(Number(value), date1904);
					else text = numberText(value);
					while (cells.length < column) cells.push('');
					cells[column] = text;
				} else if (name === 'row' && cells) {
					const length = contentLength(cells);
					if (length > 0) {
						cells.length = length;
						out.push({ line: rowNumber, cells });
					}
					cells = null;
				}
			},
			text(text: string) {
				if (capture && value.length < 32_768) value += text;
			}
		};
		// Rows come out after each inflated chunk: the generator pauses the inflating between them.
		const stream = this.partText(sheetEntry, this.limits.sheetBytes, 'sheet');
		const parser = new SaxesParser();
		parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
		parser.on('closetag', (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
		parser.on('text', handlers.text);
		parser.on('cdata', handlers.text);
		for await (const text of stream) {
			parser.write(text);
			if (out.length) {
				const ready = out;
				out = [];
				yield ready;
			}
		}
		parser.close();
		if (out.length) yield out;
	}
}

/** Number of cells up to the last non-blank one. */
function contentLength(cells: string[]): number {
	let n = cells.length;
	while (n > 0 && (cells[n - 1] === undefined || cells[n - 1]!.trim() === '')) n--;
	return n;
}

/** Anything that is not already a file problem means the zip or its XML is broken. */
function asFileError(e: unknown): unknown {
	if (e instanceof CsvFileError) return e;
	return new CsvFileError({ key: 'signals.file.xlsxBroken', params: {} });
}
