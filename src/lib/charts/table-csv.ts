import { spreadsheetCsv } from '../domain/csv-export';

/**
 * A table's text as rows of cells, header rows first: what a reader sees, without the parts
 * hidden from everyone (`aria-hidden`, such as arrows that repeat the words beside them).
 */
export function tableRows(table: HTMLTableElement): string[][] {
	return [...table.rows].map((row) =>
		[...row.cells].map((cell) => {
			const copy = cell.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
			return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
		})
	);
}

/** A table as CSV for a spreadsheet (csv-export.ts). */
export function tableCsv(table: HTMLTableElement): string {
	const rows = tableRows(table);
	const headerCount = table.tHead?.rows.length ?? 1;
	return spreadsheetCsv(rows[Math.max(0, headerCount - 1)] ?? [], rows.slice(headerCount));
}
