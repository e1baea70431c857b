import { describe, expect, it } from 'vitest';
import { COLUMNS } from './formats';
import {
	FORMULA,
	NEGATIVE,
	isFormulaText,
	parseDate,
	parseMonth,
	parseNumber,
	writeDate,
	lastDateStyle
} from './parse';
import { ProblemList, GROUP_LINES_MAX } from './problems';
import type { SignalsImportResult } from './aggregate';
import { type File, importFiles, spells, staffing } from '../../../../tests/helpers/signals-import';
import { seededRandom } from '../../../../tests/helpers/random';

/**
 * The classes of problem reporting, each proved on generated cases rather than one example:
 * one formula rule for every column, one problem per bad cell (no follow-on problems), and the
 * same problem on many rows listed once.
 */

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];
const LEADING = ['', ' ', '  ', '\u00a0', '\u202f'];
const TAILS = [
	'HYPERLINK("http://x","y")',
	'32475123456',
	'SUM(A1:A3)',
	"cmd|' /C calc'!A0",
	'A1',
	'1+1',
	'x'
];

/** Cells a spreadsheet would run: a formula start after any leading spaces, then anything. */
function formulaCells(count: number, seed: number): string[] {
	const next = seededRandom(seed);
	return Array.from(
		{ length: count },
		() => pick(next, LEADING) + pick(next, FORMULA_STARTS) + pick(next, TAILS)
	);
}

const problemCount = (result: SignalsImportResult) =>
	result.ok ? 0 : result.problemCount + result.unknownUnitRows;

/** One problem, or none, of a result, with its column and key. */
function onlyProblem(result: SignalsImportResult) {
	if (result.ok) return null;
	const listed = [
		...result.problems.map((p) => ({ column: p.column, key: p.key as string, line: p.line })),
		...result.unknownUnits.map((u) => ({ column: 'unitCode', key: 'unknownUnit', line: u.lines[0] }))
	];
	return listed;
}

describe('formula-like text (one rule for every column)', () => {
	it.each(formulaCells(200, 1).map((cell) => [cell]))('%j is formula text', (cell) => {
		expect(isFormulaText(cell)).toBe(true);
		expect(parseDate(cell)).toBe(FORMULA);
		expect(parseMonth(cell)).toBe(FORMULA);
	});

	it('refuses every generated formula in number columns, except a plain negative number', () => {
		for (const cell of formulaCells(500, 2)) {
			const plainNegative = /^[\s\u00a0\u202f]*-\d+$/.test(cell);
			expect(parseNumber(cell, false), JSON.stringify(cell)).toBe(plainNegative ? NEGATIVE : FORMULA);
		}
		for (const cell of ['-5', ' -12,5', '-1 234,5', '-0,25']) expect(parseNumber(cell, false)).toBe(NEGATIVE);
	});

	it.each(['5', 'abc', 'K-1', 'a=b', ' K1', '1,5', '01/02/2025', '', '   '])(
		'%j is not formula text',
		(cell) => expect(isFormulaText(cell)).toBe(false)
	);

	const good = {
		spells: ['K1', 'U', '01/01/2025', '05/01/2025', 'ziekte'],
		staffing: ['K1', 'U', '1', '01/01/2020', '', '']
	};
	// Every text column (the key, the unit, the words) as well as the numbers and dates.
	const columns: Array<[kind: 'spells' | 'staffing', index: number, column: string]> = [
		['spells', 0, 'employeeKey'],
		['spells', 1, 'unitCode'],
		['spells', 2, 'startDate'],
		['spells', 3, 'endDate'],
		['spells', 4, 'absenceType'],
		['staffing', 0, 'employeeKey'],
		['staffing', 1, 'unitCode'],
		['staffing', 2, 'fte'],
		['staffing', 3, 'startDate'],
		['staffing', 4, 'leaveDate'],
		['staffing', 5, 'leaveReason']
	];
	it.each(columns)('a formula in the %s column %i (%s) is one formula problem', (kind, index, column) => {
		for (const cell of formulaCells(40, index + (kind === 'spells' ? 10 : 20))) {
			if (column === 'fte' && /^[\s\u00a0\u202f]*-\d+$/.test(cell)) continue;
			const row = [...good[kind]];
			row[index] = cell;
			const file: File = kind === 'spells' ? spells(row) : staffing(row);
			const result = importFiles(
				[file],
				kind === 'staffing' ? { period: { from: '2025-01', to: '2025-03' } } : {}
			);
			expect(onlyProblem(result), JSON.stringify(cell)).toEqual([
				{ column, key: 'signals.problem.formula', line: 2 }
			]);
		}
	});

	it('refuses a formula in a monthly unit code and figure', () => {
		const header = ['Eenheidscode', 'Maand', 'Aantal medewerkers'];
		for (const cell of formulaCells(30, 3)) {
			for (const index of [0, 1, 2]) {
				const row = ['U', '01/2025', '10'];
				row[index] = cell;
				if (index === 2 && /^[\s\u00a0\u202f]*-\d+$/.test(cell)) continue;
				const result = importFiles([{ header, rows: [row] }]);
				expect(
					onlyProblem(result)?.map((p) => p.key),
					JSON.stringify(cell)
				).toEqual(['signals.problem.formula']);
			}
		}
	});
});

describe('one bad cell, one problem (no follow-on problems)', () => {
	// A valid upload of both files: every spell's employee is on the staff.
	const SPELL_ROWS = [
		['K1', 'U', '02/01/2025', '06/01/2025', 'ziekte'],
		['K1', 'U', '03/02/2025', '', 'arbeidsongeval'],
		['K2', 'v', '10/03/2025', '12/03/2025', 'ander'],
		['K3', 'U', '01/04/2025', '02/04/2025', 'ziekte']
	];
	const STAFF_ROWS = [
		['K1', 'U', '1', '01/01/2020', '', ''],
		['K2', 'v', '0,8', '15/06/2021', '', ''],
		['K3', 'U', '0,5', '01/01/2024', '31/05/2025', 'vrijwillig']
	];
	const BAD = [
		'',
		'nope',
		'=1',
		'+32475123456',
		'@x',
		'\tx',
		'-x',
		'-3',
		'1.234',
		'5/4/25',
		'31/02/2025',
		'0',
		'2',
		'99999',
		'k'.repeat(65),
		'a@b.be',
		'01/01/1900',
		'01/01/2099',
		'ONBEKEND'
	];

	const base = () => [spells(...SPELL_ROWS.map((r) => [...r])), staffing(...STAFF_ROWS.map((r) => [...r]))];
	it('the valid upload has no problem', () => expect(importFiles(base()).ok).toBe(true));

	it('every bad value in every cell of either file gives at most one problem, and most give one', () => {
		let refused = 0;
		let tried = 0;
		for (const fileIndex of [0, 1]) {
			const rows = fileIndex === 0 ? SPELL_ROWS : STAFF_ROWS;
			for (let r = 0; r < rows.length; r++) {
				for (let c = 0; c < rows[r]!.length; c++) {
					for (const bad of BAD) {
						const files = base();
						files[fileIndex]!.rows[r]![c] = bad;
						const result = importFiles(files);
						const count = problemCount(result);
						tried++;
						if (count > 0) refused++;
						expect(
							count,
							`file ${fileIndex} row ${r} cell ${c} = ${JSON.stringify(bad)}: ${JSON.stringify(onlyProblem(result))}`
						).toBeLessThanOrEqual(1);
					}
				}
			}
		}
		// Most bad values are refused; the rest are fine where they are (an empty end date, say).
		expect(refused).toBeGreaterThan(tried * 0.7);
	});

	it('a refused staffing key or a repeated one does not make the spells key "not in the staffing file"', () => {
		for (const bad of ['=K1', '', 'a@b.be', 'K2']) {
			const files = base();
			files[1]!.rows[0]![0] = bad;
			const result = importFiles(files);
			expect(onlyProblem(result)?.map((p) => p.key)).not.toContain('signals.problem.keyNotInStaffing');
		}
	});

	it('a staffing row with an FTE written as 100,0 is one FTE problem per row, not a missing employee', () => {
		const files = base();
		for (const row of files[1]!.rows) row[2] = '100,0';
		const result = importFiles(files);
		expect(result).toMatchObject({ ok: false, problemCount: 3 });
		expect(onlyProblem(result)).toEqual([{ column: 'fte', key: 'signals.problem.fteRange', line: 2 }]);
	});
});

describe('ProblemList groups identical problems', () => {
	it('collapses problems differing only by line and value, up to the cap of distinct entries', () => {
		const next = seededRandom(7);
		for (let run = 0; run < 50; run++) {
			const max = 1 + Math.floor(next() * 5);
			const list = new ProblemList(max);
			const kinds = 1 + Math.floor(next() * 8);
			const counts = new Array<number>(kinds).fill(0);
			const firstLines = new Array<number[]>(kinds).fill([]).map(() => [] as number[]);
			const total = Math.floor(next() * 300);
			for (let line = 2; line < total + 2; line++) {
				const kind = Math.floor(next() * kinds);
				counts[kind]!++;
				firstLines[kind]!.push(line);
				list.add('spells', line, 'startDate', `v${line}`, 'signals.problem.notDate', { kind });
			}
			expect(list.total).toBe(total);
			expect(list.kept.length).toBe(Math.min(max, counts.filter((n) => n > 0).length));
			for (const entry of list.kept) {
				const kind = Number(entry.params!.kind);
				expect(entry.line).toBe(firstLines[kind]![0]);
				expect(entry.value).toBe(`v${entry.line}`);
				expect(entry.rows ?? 1).toBe(counts[kind]);
				if (counts[kind]! > 1) expect(entry.lines).toEqual(firstLines[kind]!.slice(0, GROUP_LINES_MAX));
			}
		}
	});

	it('keeps the earliest lines when problems arrive out of line order, and hides key cells', () => {
		const list = new ProblemList();
		for (const line of [40, 9, 30, 2, 50, 7, 3])
			list.add('spells', line, 'employeeKey', 'secret', 'signals.problem.keyNotInStaffing');
		expect(list.kept).toEqual([
			{
				format: 'spells',
				line: 2,
				column: 'employeeKey',
				value: '',
				key: 'signals.problem.keyNotInStaffing',
				rows: 7,
				lines: [2, 3, 7, 9, 30]
			}
		]);
	});
});

describe('ProblemList keeps two cells of one line apart', () => {
	it('lists two unknown header cells as two problems, on line 1', () => {
		const list = new ProblemList();
		list.add('spells', 1, null, 'naam', 'signals.format.unknownColumn');
		list.add('spells', 1, null, 'adres', 'signals.format.unknownColumn');
		list.add('spells', 2, null, '', 'signals.format.unknownColumn');
		expect(list.kept.map((p) => [p.line, p.value, p.rows, p.lines])).toEqual([
			[1, 'naam', 2, [1, 2]],
			[1, 'adres', undefined, undefined]
		]);
		expect(list.total).toBe(3);
	});
});

describe('writeDate echoes a date as its cell wrote it', () => {
	it.each([
		'05/04/2025',
		'5/4/2025',
		'05-04-2025',
		'5.4.2025',
		'2025-04-05',
		'2025/4/5',
		'31.12.1999',
		'1-1-2000'
	])('%s', (cell) => {
		const day = parseDate(cell);
		expect(writeDate(day, lastDateStyle)).toBe(cell);
	});
});

// The monthly columns are all numbers but the unit code: the monthly file needs no own case above.
it('the monthly format has no text column besides the unit code', () =>
	expect(
		COLUMNS.monthly.filter((c) => !['count', 'decimal'].includes(c.type ?? '')).map((c) => c.id)
	).toEqual(['unitCode', 'month']));
