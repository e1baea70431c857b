import Papa from 'papaparse';
import type { UnitNode } from './units';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is prefixed
 * with an apostrophe, so an export can never carry a formula injection. A value that already
 * starts with apostrophes before such a character gets one more, so restoreCell() can tell the
 * two apart and every value comes back unchanged.
 */
export function neutraliseCell(value: string): string {
	return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Undoes neutraliseCell() on a cell of a file we exported and the user imports again: removes
 * the one apostrophe it adds, and changes no other cell.
 */
export function restoreCell(cell: string): string {
	return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const UNIT_HEADERS: Record<'nl' | 'fr' | 'en', [string, string, string, string]> = {
	nl: ['code', 'naam', 'bovenliggende code', 'aantal medewerkers'],
	fr: ['code', 'nom', 'code parent', 'effectif'],
	en: ['code', 'name', 'parent code', 'headcount']
};

/**
 * CSV as Belgian Excel opens it: `;` between cells, CRLF, a BOM so the accents survive, and every
 * cell neutralised against formula injection.
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const csv = Papa.unparse(
		{ fields: [...header], data: rows.map((r) => r.map(neutraliseCell)) },
		{ delimiter: ';', newline: '\r\n' }
	);
	return `\uFEFF${csv}\r\n`;
}

/** The unit tree as CSV with `;` (Belgian Excel) and a BOM so Excel reads the accents. */
export function unitTemplateCsv(locale: 'nl' | 'fr' | 'en', units: readonly UnitNode[]): string {
	const byId = new Map(units.map((u) => [u.id, u]));
	const rows = units.map((u) => [
		u.code,
		u.name,
		u.parentId ? (byId.get(u.parentId)?.code ?? '') : '',
		u.headcount === null ? '' : String(u.headcount)
	]);
	return spreadsheetCsv(UNIT_HEADERS[locale], rows);
}
