import { excelSerial, xlsx, type XlsxCell } from './signals-xlsx';
import { seededRandom } from './random';

/**
 * A payroll export of absence spells as Belgian HR systems write it: their own header names
 * (`Personeelsnummer`, `Afdeling`, `Begin afwezigheid` …), extra columns the import has no use for
 * (`Afdelingsnaam`, `Percentage`), dates as d/m/yyyy without leading zeros, types in mixed case.
 * Generated from a seed, so that every run has the same file, and recounted here from its raw
 * rows, independently of the app's aggregation.
 */

export const PAYROLL_HEADER = [
	'Personeelsnummer',
	'Afdeling',
	'Afdelingsnaam',
	'Begin afwezigheid',
	'Einde afwezigheid',
	'Soort',
	'Percentage'
] as const;

export interface PayrollRow {
	employee: string;
	unit: string;
	unitName: string;
	/** yyyy-mm-dd */
	start: string;
	end: string;
	type: string;
	percentage: string;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Spells of `employees` people in `units` (code → name) during `year`, none overlapping per person. */
export function payrollRows(
	units: Record<string, string>,
	employees = 80,
	seed = 15,
	year = 2025
): PayrollRow[] {
	const next = seededRandom(seed);
	const codes = Object.keys(units);
	const types = ['Ziekte', 'ziekte', 'ZIEKTE', 'Arbeidsongeval', 'ander', 'Ziekte'];
	const rows: PayrollRow[] = [];
	for (let e = 0; e < employees; e++) {
		const employee = String(20_400 + e * 7);
		const unit = codes[Math.floor(next() * codes.length)]!;
		let at = Date.UTC(year, 0, 1) + Math.floor(next() * 60) * day;
		const spells = Math.floor(next() * 5);
		for (let s = 0; s < spells; s++) {
			const length = next() < 0.15 ? 30 + Math.floor(next() * 60) : 1 + Math.floor(next() * 9);
			const end = at + (length - 1) * day;
			if (end >= Date.UTC(year, 11, 31)) break;
			rows.push({
				employee,
				unit,
				unitName: units[unit]!,
				start: iso(at),
				end: iso(end),
				type: types[Math.floor(next() * types.length)]!,
				percentage: next() < 0.7 ? '100' : '50,00'
			});
			at = end + (2 + Math.floor(next() * 50)) * day;
		}
	}
	return rows;
}

/** 2025-03-04 → 4/3/2025, as Belgian payroll exports write dates. */
const belgian = (date: string) => {
	const [y, m, d] = date.split('-').map(Number);
	return `${d}/${m}/${y}`;
};

/** The export as CSV: `;` between cells, CRLF, a unit name quoted when it holds a `;`. */
export function payrollCsv(rows: readonly PayrollRow[]): string {
	const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
	const lines = [PAYROLL_HEADER.join(';')];
	for (const r of rows)
		lines.push(
			[r.employee, r.unit, r.unitName, belgian(r.start), belgian(r.end), r.type, r.percentage]
				.map(quote)
				.join(';')
		);
	return `${lines.join('\r\n')}\r\n`;
}

/** The same export as an Excel workbook: numbers as numbers, dates as date cells, a sheet of notes after it. */
export function payrollXlsx(rows: readonly PayrollRow[]): Buffer {
	const data: XlsxCell[][] = [
		[...PAYROLL_HEADER],
		...rows.map((r): XlsxCell[] => [
			Number(r.employee),
			r.unit,
			r.unitName,
			{ date: r.start },
			{ date: r.end },
			r.type,
			r.percentage === '100' ? 100 : 50
		])
	];
	return xlsx([
		{ name: 'Afwezigheden', rows: data },
		{ name: 'Toelichting', rows: [['Export loonadministratie'], [excelSerial('2026-01-05')]] }
	]);
}

export interface Recount {
	spells: number;
	workAccidents: number;
	spellsEnded: number;
	sickDays: number;
}

/**
 * The figures of each unit and month (`CODE yyyy-mm`), counted from the rows by the rules of
 * docs/signals-import.md: sickness spells started and ended in the month, work-accident spells
 * started in it, and the sick workdays (Monday to Friday) of sickness spells in it.
 */
export function recountPayroll(rows: readonly PayrollRow[]): Map<string, Recount> {
	const figures = new Map<string, Recount>();
	const at = (unit: string, date: string) => {
		const key = `${unit} ${date.slice(0, 7)}`;
		let f = figures.get(key);
		if (!f) figures.set(key, (f = { spells: 0, workAccidents: 0, spellsEnded: 0, sickDays: 0 }));
		return f;
	};
	for (const r of rows) {
		const type = r.type.toLowerCase();
		if (type === 'arbeidsongeval') at(r.unit, r.start).workAccidents++;
		if (type !== 'ziekte') continue;
		at(r.unit, r.start).spells++;
		at(r.unit, r.end).spellsEnded++;
		for (let t = Date.parse(r.start); t <= Date.parse(r.end); t += day) {
			const weekday = new Date(t).getUTCDay();
			if (weekday !== 0 && weekday !== 6) at(r.unit, iso(t)).sickDays++;
		}
	}
	return figures;
}
