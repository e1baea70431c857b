import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { detectDelimiter } from '../../domain/csv';
import { judgeFileStart } from '../../domain/signals/file-check';
import { decodeWindows1252 } from '../../domain/text-file';

/**
 * Streaming CSV reader for HR uploads (up to millions of rows) with flat memory.
 *
 * Bytes are decoded here (BOM, UTF-8, else Windows-1252), and the text is fed in pieces to
 * PapaParse's core `Papa.Parser` with `ignoreLastRow`, the same loop PapaParse's own streamers run
 * but without their per-row callbacks, header objects and stream plumbing: about twice as fast.
 * The consumer pulls batches with `for await`, which gives backpressure for free: nothing is read
 * from the source while a batch is being processed, and leaving the loop cancels the source.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** `line` is the 1-based line in the file where the record starts (quoted fields may span lines). */
export interface CsvRecord {
	line: number;
	cells: string[];
}

/** A row that cannot be read; reading goes on, the row is not delivered. */
export type CsvRowProblem =
	| { key: 'signals.file.badQuotes'; params: { line: number } }
	| { key: 'signals.file.cellCount'; params: { line: number; expected: number; found: number } };

/** Why a file cannot be read at all; reading stops at once. */
export type CsvFileProblem =
	| { key: 'signals.file.empty'; params: Record<string, never> }
	| { key: 'signals.file.noRows'; params: { headerLine: number } }
	| { key: 'signals.file.notText'; params: Record<string, never> }
	| { key: 'signals.file.spreadsheet'; params: Record<string, never> }
	| { key: 'signals.file.utf16'; params: Record<string, never> }
	| { key: 'signals.file.tooLarge'; params: { maxBytes: number } }
	| { key: 'signals.file.lineTooLong'; params: { line: number; maxChars: number } }
	| { key: 'signals.file.badQuotes'; params: { line: number } }
	| { key: 'signals.file.invalidUtf8'; params: { line: number } }
	// An Excel workbook (xlsx.ts) that cannot be read, is too large inflated, or lacks the sheet asked for.
	| { key: 'signals.file.xlsxBroken'; params: Record<string, never> }
	| { key: 'signals.file.xlsxTooLarge'; params: { part: string } }
	| { key: 'signals.file.xlsxNoSheet'; params: { sheet: string } }
	| { key: 'signals.file.xlsxColumns'; params: { line: number; maxColumns: number } };

export class CsvFileError extends Error {
	readonly key: CsvFileProblem['key'];
	readonly params: CsvFileProblem['params'];

	constructor(problem: CsvFileProblem) {
		// The message is the key: the route translates, nothing here is shown as a sentence.
		super(problem.key);
		this.name = 'CsvFileError';
		this.key = problem.key;
		this.params = problem.params;
	}

	get problem(): CsvFileProblem {
		return { key: this.key, params: this.params } as CsvFileProblem;
	}
}

export interface CsvBatch {
	records: CsvRecord[];
	/** Problems of the rows read for this batch, in line order. */
	problems: CsvRowProblem[];
}

export interface CsvReadOptions {
	/** Refuse the file as soon as more bytes than this arrive. Default 256 MiB. */
	maxBytes?: number;
	/** Records (plus row problems) per batch; a batch can be one input chunk's rows larger. Default 2000. */
	batchSize?: number;
	/** Longest record in characters; longer means garbage. Default 64 Ki. */
	maxRecordChars?: number;
	/** How many row problems `problems` keeps; `problemCount` counts them all. Default 100. */
	maxProblems?: number;
	/** Bytes looked at before judging the file (BOM, binary, control characters). Default 64 KiB. */
	sampleBytes?: number;
}

/** A SvelteKit `request.body`, a Node `Readable` (file stream) or any async iterable of bytes. */
export type CsvByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export function readCsvStream(source: CsvByteSource, options: CsvReadOptions = {}): CsvStreamReader {
	return new CsvStreamReader(source, options);
}

const EMPTY = new Uint8Array(0);

// The 32 characters Windows-1252 puts at 0x80-0x9F, taken from the one map the app has.
const CP1252_HIGH = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
const C1_CONTROLS = /[\x80-\x9f]/;
const C1_CONTROLS_ALL = /[\x80-\x9f]/g;

type Charset = 'sample' | 'ascii' | 'utf-8' | 'windows-1252';

interface PapaResult {
	data: string[][];
	errors: Array<{ type: string; row?: number }>;
	meta: { cursor: number };
}

export class CsvStreamReader implements AsyncIterable<CsvBatch> {
	/** Detected from the header line; null until the header line has been read. */
	delimiter: ';' | ',' | '\t' | '|' | null = null;
	/** First non-blank record, with the empty cells Excel appends cut off. */
	header: CsvRecord | null = null;
	/** Bytes received from the source so far (for a progress bar). */
	bytesRead = 0;
	/** Data records read so far, including those with a problem; blank lines do not count. */
	rowsRead = 0;
	/** The first `maxProblems` row problems. */
	readonly problems: CsvRowProblem[] = [];
	problemCount = 0;

	private readonly source: ByteReader;
	private readonly maxBytes: number;
	private readonly batchSize: number;
	private readonly maxRecordChars: number;
	private readonly maxProblems: number;
	private readonly sampleBytes: number;

	private charset: Charset = 'sample';
	private hasBom = false;
	private sample: Uint8Array[] = [];
	private sampleLength = 0;
	/** An incomplete UTF-8 sequence at the end of the previous chunk. */
	private carry: Uint8Array = EMPTY;

	/** Text before the header line is complete (delimiter and line break still unknown). */
	private head = '';
	private parser: Papa.Parser | null = null;
	private newline: '\n' | '\r\n' | '\r' = '\n';
	/** Text of the record PapaParse has not finished yet. */
	private tail = '';
	/** Line of the first character of `tail` (or of `head`). */
	private nextLine = 1;
	private expectedCells = 0;

	private records: CsvRecord[] = [];
	private batchProblems: CsvRowProblem[] = [];
	private done = false;
	private sourceClosed = false;
	private failure: unknown = null;

	constructor(source: CsvByteSource, options: CsvReadOptions = {}) {
		this.source = byteReader(source);
		this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
		this.batchSize = options.batchSize ?? 2000;
		this.maxRecordChars = options.maxRecordChars ?? 64 * 1024;
		this.maxProblems = options.maxProblems ?? 100;
		// At least the longest byte order mark.
		this.sampleBytes = Math.max(4, options.sampleBytes ?? 64 * 1024);
	}

	/** Final once the source has ended: an all-ASCII start reads as UTF-8 until a non-ASCII byte decides. */
	get encoding(): CsvEncoding {
		if (this.hasBom) return 'utf-8-bom';
		return this.charset === 'windows-1252' ? 'windows-1252' : 'utf-8';
	}

	/** Reads until the header is known, so that columns can be checked before any row. */
	async readHeader(): Promise<CsvRecord> {
		while (!this.header) await this.step();
		return this.header;
	}

	async *[Symbol.asyncIterator](): AsyncGenerator<CsvBatch, void, undefined> {
		try {
			for (;;) {
				while (!this.done && this.records.length + this.batchProblems.length < this.batchSize) {
					await this.step();
				}
				if (this.records.length === 0 && this.batchProblems.length === 0) return;
				const batch: CsvBatch = { records: this.records, problems: this.batchProblems };
				this.records = [];
				this.batchProblems = [];
				yield batch;
			}
		} finally {
			// Also reached when the consumer leaves the loop early (break, throw, return).
			await this.cancel();
		}
	}

	/** Stops reading and cancels (web stream) or destroys (Node stream) the source. */
	async cancel(): Promise<void> {
		this.done = true;
		if (this.sourceClosed) return;
		this.sourceClosed = true;
		await this.source.cancel();
	}

	private async step(): Promise<void> {
		if (this.failure) throw this.failure;
		if (this.done) throw new Error('CsvStreamReader: reading after cancel()');
		try {
			const chunk = await this.source.read();
			if (chunk === undefined) {
				this.sourceClosed = true;
				this.end();
			} else {
				this.receive(chunk);
			}
		} catch (error) {
			this.failure = error;
			await this.cancel();
			throw error;
		}
	}

	private receive(chunk: Uint8Array): void {
		this.bytesRead += chunk.length;
		if (this.bytesRead > this.maxBytes)
			fail({ key: 'signals.file.tooLarge', params: { maxBytes: this.maxBytes } });
		if (this.charset === 'sample') {
			this.sample.push(chunk);
			this.sampleLength += chunk.length;
			if (this.sampleLength >= this.sampleBytes) this.judgeSample(false);
			return;
		}
		// Text never contains NUL; random bytes do (1 in 256), and so do UTF-16 and zip files.
		if (chunk.indexOf(0) !== -1) fail({ key: 'signals.file.notText', params: {} });
		this.pushText(this.decode(chunk), false);
	}

	private end(): void {
		if (this.charset === 'sample') this.judgeSample(true);
		this.pushText(this.decode(null), true);
		this.done = true;
		if (!this.header) fail({ key: 'signals.file.empty', params: {} });
		if (this.rowsRead === 0) fail({ key: 'signals.file.noRows', params: { headerLine: this.header.line } });
	}

	/**
	 * Decides from the first bytes whether this is a text file at all, and its BOM, by the rule the
	 * browser's preview applies too (file-check.ts). A workbook is read by the xlsx reader, not here.
	 */
	private judgeSample(complete: boolean): void {
		let bytes = concatBytes(this.sample, this.sampleLength);
		this.sample = [];
		const verdict = judgeFileStart(bytes, complete);
		if (verdict.kind === 'refused') fail({ key: verdict.key, params: {} });
		if (verdict.kind === 'xlsx') fail({ key: 'signals.file.spreadsheet', params: {} });
		this.charset = 'ascii';
		if (verdict.bom) {
			this.hasBom = true;
			this.charset = 'utf-8';
			bytes = bytes.subarray(3);
		}
		const text = this.decode(bytes);
		if (tooManyControlCharacters(text)) fail({ key: 'signals.file.notText', params: {} });
		this.pushText(text, false);
	}

	/**
	 * Turns bytes into text, keeping an incomplete UTF-8 sequence for the next chunk. While all
	 * bytes so far are ASCII the encoding is undecided; the first chunk with other bytes decides.
	 * `null` means the end of the input.
	 */
	private decode(chunk: Uint8Array | null): string {
		let bytes = chunk ?? EMPTY;
		if (this.carry.length > 0) {
			bytes = concatBytes([this.carry, bytes], this.carry.length + bytes.length);
			this.carry = EMPTY;
		}
		if (this.charset === 'windows-1252') return decodeCp1252(bytes);
		if (this.charset === 'ascii' && isAscii(bytes)) return toBuffer(bytes).toString('latin1');
		const end = chunk === null ? bytes.length : completeUtf8Length(bytes);
		const whole = bytes.subarray(0, end);
		if (isUtf8(whole)) {
			if (end < bytes.length) this.carry = bytes.slice(end);
			if (this.charset === 'ascii' && !isAscii(whole)) this.charset = 'utf-8';
			return toBuffer(whole).toString('utf8');
		}
		if (this.charset === 'ascii') {
			this.charset = 'windows-1252';
			return decodeCp1252(bytes);
		}
		const bad = firstInvalidUtf8(whole);
		const breakByte = this.newline === '\r' ? 0x0d : 0x0a;
		let line = this.nextLine + countBreaks(this.parser ? this.tail : this.head, this.breakChar());
		for (let i = 0; i < bad; i++) if (whole[i] === breakByte) line++;
		fail({ key: 'signals.file.invalidUtf8', params: { line } });
	}

	private breakChar(): string {
		return this.newline === '\r' ? '\r' : '\n';
	}

	private pushText(text: string, final: boolean): void {
		if (!this.parser) {
			this.head += text;
			if (!this.startParser(final)) return;
			text = this.head;
			this.head = '';
		}
		// Pieces no longer than a record may be, so that any record longer than that is either
		// still unfinished (the tail) or the first record of a parse call, the only ones measured.
		const max = this.maxRecordChars;
		for (let offset = 0; offset < text.length; offset += max) {
			const piece = text.length <= max ? text : text.slice(offset, offset + max);
			this.parse(this.tail + piece, false);
		}
		if (final && this.tail !== '') this.parse(this.tail, true);
	}

	/** Once the header line is complete: its line break and delimiter configure the parser. */
	private startParser(final: boolean): boolean {
		const head = this.head;
		let start = 0;
		while (start < head.length && (head[start] === '\n' || head[start] === '\r')) start++;
		let end = start;
		while (end < head.length && head[end] !== '\n' && head[end] !== '\r') end++;
		const complete = end < head.length - 1 || (end === head.length - 1 && head[end] === '\n');
		if (!complete && !final) {
			if (start === head.length) {
				// Only blank lines so far: count them and let them go (keeping a CR that may be half a CRLF).
				const keep = head.endsWith('\r') ? 1 : 0;
				this.nextLine += lineBreaks(head.slice(0, head.length - keep));
				this.head = head.slice(head.length - keep);
			} else if (head.length - start > this.maxRecordChars) {
				const line = this.nextLine + lineBreaks(head.slice(0, start));
				fail({ key: 'signals.file.lineTooLong', params: { line, maxChars: this.maxRecordChars } });
			}
			return false;
		}
		this.newline = head[end] === '\r' ? (head[end + 1] === '\n' ? '\r\n' : '\r') : '\n';
		this.delimiter = detectDelimiter(head) as CsvStreamReader['delimiter'];
		this.parser = new Papa.Parser({ delimiter: this.delimiter!, newline: this.newline });
		return true;
	}

	private parse(input: string, final: boolean): void {
		const result = this.parser!.parse(input, 0, !final) as PapaResult;
		const rows = result.data;
		const consumed = final ? input.length : result.meta.cursor;
		this.tail = final ? '' : input.slice(consumed);

		let quoteErrorRows: Set<number> | null = null;
		for (const error of result.errors) {
			// Errors in the unfinished last row are reported again when it is parsed whole.
			if (error.type === 'Quotes' && error.row !== undefined && error.row < rows.length) {
				(quoteErrorRows ??= new Set()).add(error.row);
			}
		}

		const breakChar = this.breakChar();
		// Usually every record is one line; only when the text holds more line breaks than records
		// are line breaks inside cells counted.
		const oneLineEach = !final && countBreaks(input, breakChar, consumed) === rows.length;
		for (let r = 0; r < rows.length; r++) {
			const cells = rows[r]!;
			const line = this.nextLine;
			const breaks = oneLineEach ? 0 : cellBreaks(cells, breakChar);
			this.nextLine += 1 + breaks;
			if (r === 0 && recordLength(cells) > this.maxRecordChars) {
				const quotes = breaks > 0 || quoteErrorRows?.has(0);
				fail(
					quotes
						? { key: 'signals.file.badQuotes', params: { line } }
						: { key: 'signals.file.lineTooLong', params: { line, maxChars: this.maxRecordChars } }
				);
			}
			this.accept(cells, line, quoteErrorRows?.has(r) ?? false);
		}

		if (this.tail.length > this.maxRecordChars) {
			// A record only spans lines inside quotes: one still open after this many characters is
			// a stray quote that would swallow the rest of the file.
			fail(
				this.tail.includes(breakChar)
					? { key: 'signals.file.badQuotes', params: { line: this.nextLine } }
					: {
							key: 'signals.file.lineTooLong',
							params: { line: this.nextLine, maxChars: this.maxRecordChars }
						}
			);
		}
	}

	private accept(cells: string[], line: number, quoteError: boolean): void {
		const first = cells[0]!;
		if ((first.length === 0 || first.charCodeAt(0) <= 32) && isBlank(cells, 0)) return;
		if (!this.header) {
			cells.length = contentLength(cells);
			this.header = { line, cells };
			this.expectedCells = cells.length;
			if (quoteError) this.problem({ key: 'signals.file.badQuotes', params: { line } });
			return;
		}
		this.rowsRead++;
		if (quoteError) return this.problem({ key: 'signals.file.badQuotes', params: { line } });
		const expected = this.expectedCells;
		if (cells.length !== expected) {
			// Excel appends empty cells to rows of a sheet that once had more columns.
			if (cells.length > expected && isBlank(cells, expected)) cells.length = expected;
			else {
				const found = cells.length > expected ? contentLength(cells) : cells.length;
				return this.problem({ key: 'signals.file.cellCount', params: { line, expected, found } });
			}
		}
		this.records.push({ line, cells });
	}

	private problem(problem: CsvRowProblem): void {
		this.problemCount++;
		if (this.problems.length < this.maxProblems) this.problems.push(problem);
		this.batchProblems.push(problem);
	}
}

function fail(problem: CsvFileProblem): never {
	throw new CsvFileError(problem);
}

interface ByteReader {
	read(): Promise<Uint8Array | undefined>;
	cancel(): Promise<void>;
}

function byteReader(source: CsvByteSource): ByteReader {
	if ('getReader' in source && typeof source.getReader === 'function') {
		const reader = (source as ReadableStream<Uint8Array>).getReader();
		return {
			async read() {
				const next = await reader.read();
				return next.done ? undefined : checkBytes(next.value);
			},
			async cancel() {
				await reader.cancel().catch(() => {});
				reader.releaseLock();
			}
		};
	}
	if (isNodeReadable(source)) return nodeStreamReader(source);
	const iterator = source[Symbol.asyncIterator]();
	return {
		async read() {
			const next = await iterator.next();
			return next.done ? undefined : checkBytes(next.value);
		},
		async cancel() {
			await iterator.return?.()?.catch(() => {});
		}
	};
}

type NodeReadable = Readable & AsyncIterable<Uint8Array>;

function isNodeReadable(source: CsvByteSource): source is NodeReadable {
	const candidate = source as Partial<Readable>;
	return (
		typeof candidate.read === 'function' &&
		typeof candidate.on === 'function' &&
		typeof candidate.destroy === 'function'
	);
}

/**
 * Reads a Node stream through 'readable' and read() rather than its async iterator, whose
 * listeners stay on the stream after an early return.
 */
function nodeStreamReader(stream: Readable): ByteReader {
	let wake: (() => void) | null = null;
	let ended = false;
	let failure: unknown = null;
	const notify = () => {
		const resolve = wake;
		wake = null;
		resolve?.();
	};
	const onEnd = () => {
		ended = true;
		notify();
	};
	const onError = (error: unknown) => {
		failure = error;
		notify();
	};
	const onClose = () => {
		if (!ended && !failure) failure = new Error('CSV source closed before its end');
		notify();
	};
	const detach = () => {
		stream.off('readable', notify);
		stream.off('end', onEnd);
		stream.off('error', onError);
		stream.off('close', onClose);
	};
	stream.on('readable', notify);
	stream.on('end', onEnd);
	stream.on('error', onError);
	stream.on('close', onClose);
	return {
		async read() {
			for (;;) {
				if (failure) {
					detach();
					throw failure;
				}
				const chunk: unknown = stream.read();
				if (chunk !== null) return checkBytes(chunk);
				if (ended) {
					detach();
					return undefined;
				}
				await new Promise<void>((resolve) => (wake = resolve));
			}
		},
		async cancel() {
			detach();
			stream.destroy();
		}
	};
}

function checkBytes(chunk: unknown): Uint8Array {
	if (!(chunk instanceof Uint8Array)) throw new TypeError('CSV source must deliver bytes (Uint8Array)');
	return chunk;
}

function toBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concatBytes(parts: Uint8Array[], length: number): Uint8Array {
	if (parts.length === 1) return parts[0]!;
	const joined = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}

/** Windows-1252 is Latin-1 except at 0x80-0x9F, where Latin-1 has control characters. */
function decodeCp1252(bytes: Uint8Array): string {
	const text = toBuffer(bytes).toString('latin1');
	if (!C1_CONTROLS.test(text)) return text;
	return text.replace(C1_CONTROLS_ALL, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Tab, line feed, form feed and carriage return occur in text files; a few stray others may. */
function tooManyControlCharacters(text: string): boolean {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127 || (c >= 0x80 && c < 0xa0))
			count++;
	}
	return count > Math.max(1, text.length / 100);
}

/** Length of `bytes` without an incomplete UTF-8 sequence at its end. */
function completeUtf8Length(bytes: Uint8Array): number {
	const n = bytes.length;
	for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
		const b = bytes[i]!;
		if (b < 0x80) return n;
		if (b >= 0xc0) {
			const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
			return n - i < size ? i : n;
		}
	}
	return n;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let size: number;
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) size = 2;
		else if (b >= 0xe0 && b <= 0xef) {
			size = 3;
			if (b === 0xe0) low = 0xa0;
			if (b === 0xed) high = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			size = 4;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f;
		} else return i;
		if (i + size > n) return i;
		const second = bytes[i + 1]!;
		if (second < low || second > high) return i;
		for (let k = 2; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
		i += size;
	}
	return -1;
}

function countBreaks(text: string, breakChar: string, end = text.length): number {
	let count = 0;
	for (let i = text.indexOf(breakChar); i !== -1 && i < end; i = text.indexOf(breakChar, i + 1)) count++;
	return count;
}

/** Line breaks of any kind, for blank lines before the line break of the file is known. */
function lineBreaks(text: string): number {
	return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function cellBreaks(cells: string[], breakChar: string): number {
	let count = 0;
	for (const cell of cells) if (cell.includes(breakChar)) count += countBreaks(cell, breakChar);
	return count;
}

function recordLength(cells: string[]): number {
	let length = cells.length - 1;
	for (const cell of cells) length += cell.length;
	return length;
}

function isBlank(cells: string[], from: number): boolean {
	for (let i = from; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
	return true;
}

/** Number of cells up to the last non-blank one. */
function contentLength(cells: string[]): number {
	let n = cells.length;
	while (n > 0 && cells[n - 1]!.trim() === '') n--;
	return n;
}
