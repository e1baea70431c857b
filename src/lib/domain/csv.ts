import Papa from 'papaparse';

/**
 * CSV as spreadsheets export it, with the line in the file of every row, so that messages point
 * at the line a person sees in an editor (header = line 1), also after blank lines and quoted
 * fields that span lines.
 */
export interface CsvRow {
	line: number;
	cells: Record<string, string>;
}

export interface CsvParseResult {
	fields: string[];
	rows: CsvRow[];
	problems: Array<{ line: number; key: 'import.malformedQuotes' | 'import.tooManyFields' }>;
}

const DELIMITERS = [';', ',', '\t', '|'] as const;

/** The delimiter is the one the header line uses most (`;` in Belgian Excel exports). */
export function detectDelimiter(content: string): string {
	const header = content.replace(/^[\r\n]+/, '').split(/\r?\n/, 1)[0] ?? '';
	let best: string = ';';
	let bestCount = 0;
	for (const d of DELIMITERS) {
		const count = header.split(d).length - 1;
		if (count > bestCount) [best, bestCount] = [d, count];
	}
	return best;
}

export function parseCsvWithLines(text: string): CsvParseResult {
	const content = text.replace(/^\uFEFF/, '');
	const rows: CsvRow[] = [];
	const problems: CsvParseResult['problems'] = [];
	let fields: string[] = [];
	// Line of the character at `offset`, counted incrementally as the parser moves forward.
	let countedTo = 0;
	let linesBefore = 0;
	const lineAt = (offset: number) => {
		for (let i = countedTo; i < offset; i++) if (content.charCodeAt(i) === 10) linesBefore++;
		countedTo = Math.max(countedTo, offset);
		return linesBefore + 1;
	};
	let previousCursor = 0;
	let headerSeen = false;
	Papa.parse<string[]>(content, {
		header: false,
		delimiter: detectDelimiter(content),
		step: (result) => {
			let start = previousCursor;
			// Skip the line break(s) that ended the previous row and any blank lines.
			while (start < content.length && (content[start] === '\n' || content[start] === '\r')) start++;
			previousCursor = result.meta.cursor;
			const line = lineAt(start);
			const values = result.data;
			if (values.length === 1 && values[0]!.trim() === '') return;
			if (!headerSeen) {
				headerSeen = true;
				fields = values.map((v) => v.trim());
				return;
			}
			for (const error of result.errors) {
				if (error.type === 'Quotes') problems.push({ line, key: 'import.malformedQuotes' });
			}
			if (values.length > fields.length && values.slice(fields.length).some((v) => v.trim() !== '')) {
				problems.push({ line, key: 'import.tooManyFields' });
			}
			const cells: Record<string, string> = {};
			fields.forEach((field, i) => (cells[field] = values[i] ?? ''));
			rows.push({ line, cells });
		}
	});
	return { fields, rows, problems };
}
