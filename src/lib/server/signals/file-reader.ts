import { judgeFileStart } from '../../domain/signals/file-check';
import { readCsvStream, type CsvBatch, type CsvReadOptions, type CsvRecord } from './reader';
import { XlsxStreamReader, type XlsxReadOptions } from './xlsx';

/** What the import needs of a reader, CSV or Excel. */
export interface SignalsFileReader extends AsyncIterable<CsvBatch> {
	readonly kind: 'csv' | 'xlsx';
	readonly rowsRead: number;
	readHeader(): Promise<CsvRecord>;
	cancel(): Promise<void>;
}

/**
 * Opens an upload with the reader its first bytes call for (file-check.ts, the rule the browser's
 * preview applies too): an Excel workbook with the xlsx reader, anything else with the CSV
 * reader, which refuses what is not text with the same verdict.
 */
export async function openSignalsFile(
	source: AsyncIterable<Uint8Array>,
	options: CsvReadOptions & XlsxReadOptions = {}
): Promise<SignalsFileReader> {
	const iterator = source[Symbol.asyncIterator]();
	const first: Uint8Array[] = [];
	let length = 0;
	let ended = false;
	while (length < 4) {
		const next = await iterator.next();
		if (next.done) {
			ended = true;
			break;
		}
		first.push(next.value);
		length += next.value.length;
	}
	async function* replay(): AsyncGenerator<Uint8Array> {
		try {
			yield* first;
			if (ended) return;
			for (;;) {
				const next = await iterator.next();
				if (next.done) return;
				yield next.value;
			}
		} finally {
			await iterator.return?.();
		}
	}
	const head = first.length === 1 ? first[0]! : Uint8Array.from(first.flatMap((c) => [...c]));
	if (judgeFileStart(head.subarray(0, 4), ended && length < 4).kind === 'xlsx')
		return new XlsxStreamReader(replay(), options);
	return Object.assign(readCsvStream(replay(), options), { kind: 'csv' as const });
}
