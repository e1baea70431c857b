import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	SignalsAccumulator,
	looksLikeNationalNumber,
	splitSpellDays,
	type SignalsImportOptions,
	type SignalsImportResult
} from './aggregate';
import { dayNumber, formatDay, workdays } from './calendar';
import type { UnitMonthFigures } from './figures';
import { COLUMNS, FIGURES, detectSignalsFormat, type FigureId, type MonthlyColumn } from './formats';

const knownUnitCodes = new Map([
	['U', 'unit-u'],
	[' v ', 'unit-v']
]);
const SPELLS = ['Medewerkerssleutel', 'Eenheidscode', 'Begindatum', 'Einddatum', 'Soort afwezigheid'];
const STAFFING = [
	'Medewerkerssleutel',
	'Eenheidscode',
	'VTE',
	'Datum in dienst',
	'Datum uit dienst',
	'Reden van vertrek'
];
const SPELL_FIGURES: FigureId[] = [
	'sickDaysShort',
	'sickDaysMedium',
	'sickDaysLong',
	'spells',
	'frequentAbsentees',
	'newIncapacity4w',
	'ongoingIncapacity1y',
	'workAccidents',
	'spellsEnded',
	'spellsEndedDays'
];

type File = { header: string[]; rows: string[][] };

/** Feeds files as the server would, lines counted from the header (line 1) of each file. */
function importFiles(files: File[], options: Partial<SignalsImportOptions> = {}): SignalsImportResult {
	const accumulator = new SignalsAccumulator({ knownUnitCodes, today: '2025-06-15', ...options });
	for (const file of files) {
		const match = detectSignalsFormat(file.header);
		if (!match.ok) throw new Error(JSON.stringify(match.problems));
		accumulator.begin(match);
		file.rows.forEach((row, i) => accumulator.add(i + 2, row));
	}
	return accumulator.finish();
}
const spells = (...rows: string[][]): File => ({ header: SPELLS, rows });
const staffing = (...rows: string[][]): File => ({ header: STAFFING, rows });

function figuresOf(result: SignalsImportResult): UnitMonthFigures[] {
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.figures;
}

/** Per month, the figures asked for of one unit; zero figures are left out to keep tables short. */
function table(result: SignalsImportResult, unitId: string, ids: FigureId[] = SPELL_FIGURES) {
	const rows: Record<string, Partial<Record<FigureId, number | null>>> = {};
	for (const record of figuresOf(result).filter((r) => r.unitId === unitId)) {
		const row: Partial<Record<FigureId, number | null>> = {};
		for (const id of ids) if (record[id] !== 0) row[id] = record[id];
		rows[record.month] = row;
	}
	return rows;
}

function problemsOf(result: SignalsImportResult) {
	if (result.ok) throw new Error('expected problems');
	return result.problems.map(({ line, column, value, key, params }) =>
		params ? { line, column, value, key, params } : { line, column, value, key }
	);
}

describe('spells: sick days by month and by day position', () => {
	it('splits a spell from Thu 30 Jan to Tue 4 Mar 2025 over months and classes', () => {
		// Day 1 is 30 Jan, day 30 is 28 Feb, day 31 is 1 Mar: January has 2 short workdays, February
		// 20 short ones, March 2 medium ones (Mon 3 and Tue 4). Day 29 (27 Feb) makes it a new
		// incapacity of more than 4 weeks in February; it ends in March after 24 workdays.
		const result = importFiles([spells(['K1', 'U', '30/01/2025', '04/03/2025', 'ziekte'])]);
		expect(table(result, 'unit-u')).toEqual({
			'2025-01': { sickDaysShort: 2, spells: 1 },
			'2025-02': { sickDaysShort: 20, newIncapacity4w: 1 },
			'2025-03': { sickDaysMedium: 2, spellsEnded: 1, spellsEndedDays: 24 }
		});
		expect(result).toMatchObject({ ok: true, rows: 1, period: { from: '2025-01', to: '2025-03' } });
	});

	it('moves to medium on day 31, also inside a month', () => {
		// Mon 3 Mar to Wed 30 Apr 2025: day 30 is Tue 1 Apr, day 31 Wed 2 Apr.
		const result = importFiles([spells(['K1', 'U', '03/03/2025', '30/04/2025', 'ziekte'])]);
		expect(table(result, 'unit-u', ['sickDaysShort', 'sickDaysMedium'])).toEqual({
			'2025-03': { sickDaysShort: 21 },
			'2025-04': { sickDaysShort: 1, sickDaysMedium: 21 }
		});
	});

	it('counts a running spell of more than a year as long and as ongoing incapacity at month end', () => {
		// Mon 15 Jan 2024, still running. Day 366 is Tue 14 Jan 2025; 31 Dec 2024 is day 352.
		// March stops at today (Mon 10 Mar): 6 workdays.
		const result = importFiles([spells(['K1', 'U', '15/01/2024', '', 'ziekte'])], {
			today: '2025-03-10',
			period: { from: '2024-12', to: '2025-06' }
		});
		expect(table(result, 'unit-u')).toEqual({
			'2024-12': { sickDaysMedium: 22 },
			'2025-01': { sickDaysMedium: 9, sickDaysLong: 14, ongoingIncapacity1y: 1 },
			'2025-02': { sickDaysLong: 20, ongoingIncapacity1y: 1 },
			'2025-03': { sickDaysLong: 6, ongoingIncapacity1y: 1 }
		});
		expect(result).toMatchObject({ period: { from: '2024-12', to: '2025-03' } });
	});

	it('does not count a spell as ongoing in the month it ends before the last day', () => {
		const result = importFiles([spells(['K1', 'U', '15/01/2024', '20/02/2025', 'ziekte'])], {
			period: { from: '2025-01', to: '2025-02' }
		});
		expect(table(result, 'unit-u', ['ongoingIncapacity1y', 'spellsEnded', 'spellsEndedDays'])).toEqual({
			'2025-01': { ongoingIncapacity1y: 1 },
			// 15 Jan 2024 – 20 Feb 2025: 289 workdays, counted where the spell ends.
			'2025-02': { spellsEnded: 1, spellsEndedDays: 289 }
		});
	});

	it('counts work accidents apart from sickness, and as incapacity', () => {
		// Mon 3 Feb – Fri 14 Mar 2025: day 29 is Mon 3 Mar.
		const result = importFiles([
			spells(
				['K1', 'U', '03/02/2025', '14/03/2025', 'Arbeidsongeval'],
				['K2', 'U', '05/02/2025', '06/02/2025', 'ander']
			)
		]);
		expect(table(result, 'unit-u')).toEqual({
			'2025-02': { workAccidents: 1 },
			'2025-03': { newIncapacity4w: 1 }
		});
	});

	it('does not count a spell of exactly 28 days as a new incapacity of more than 4 weeks', () => {
		const result = importFiles([spells(['K1', 'U', '03/02/2025', '02/03/2025', 'ziekte'])]);
		expect(figuresOf(result).map((r) => r.newIncapacity4w)).toEqual([0, 0]);
	});

	it('gives every unit in the file every month of the period, with zeros, and supplies no staffing figures', () => {
		const result = importFiles([
			spells(
				['K1', 'U', '06/01/2025', '06/01/2025', 'ziekte'],
				['K2', 'v', '03/03/2025', '03/03/2025', 'ziekte']
			)
		]);
		const figures = figuresOf(result);
		expect(figures.map((r) => [r.unitId, r.month, r.sickDaysShort, r.headcount, r.plannedDays])).toEqual([
			['unit-u', '2025-01', 1, null, null],
			['unit-u', '2025-02', 0, null, null],
			['unit-u', '2025-03', 0, null, null],
			['unit-v', '2025-01', 0, null, null],
			['unit-v', '2025-02', 0, null, null],
			['unit-v', '2025-03', 1, null, null]
		]);
		expect(result).toMatchObject({ supplied: [...SPELL_FIGURES, 'people'] });
	});

	it('clips spells to the period passed in', () => {
		const result = importFiles([spells(['K1', 'U', '30/01/2025', '04/03/2025', 'ziekte'])], {
			period: { from: '2025-02', to: '2025-02' }
		});
		expect(table(result, 'unit-u')).toEqual({ '2025-02': { sickDaysShort: 20, newIncapacity4w: 1 } });
	});

	it('never counts days after today, and ends the period at today', () => {
		const result = importFiles([spells(['K1', 'U', '02/06/2025', '20/06/2025', 'ziekte'])], {
			today: '2025-06-10'
		});
		// Mon 2 – Tue 10 June: 7 workdays; the spell has not ended yet on the 10th.
		expect(table(result, 'unit-u')).toEqual({ '2025-06': { sickDaysShort: 7, spells: 1 } });
	});

	it('sums sick days over the months to the workdays of the spell within the period', () => {
		const today = dayNumber(2025, 6, 15);
		const periodStart = dayNumber(2024, 6, 1);
		fc.assert(
			fc.property(
				fc.integer({ min: dayNumber(2023, 1, 1), max: dayNumber(2025, 6, 15) }),
				fc.integer({ min: 0, max: 900 }),
				fc.boolean(),
				(start, length, running) => {
					const end = Math.min(start + length, today + 31);
					const result = importFiles(
						[spells(['K', 'U', formatDay(start), running ? '' : formatDay(end), 'ziekte'])],
						{ period: { from: '2024-06', to: '2025-12' } }
					);
					const total = figuresOf(result).reduce(
						(sum, r) => sum + r.sickDaysShort! + r.sickDaysMedium! + r.sickDaysLong!,
						0
					);
					const last = running ? today : Math.min(end, today);
					expect(total).toBe(workdays(Math.max(start, periodStart), last));
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('splitSpellDays', () => {
	it('adds up over any split of a range', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 10_000, max: 20_000 }),
				fc.integer({ min: 0, max: 1000 }),
				fc.integer({ min: 0, max: 1000 }),
				(start, a, b) => {
					const [from, to] = [start + Math.min(a, b), start + Math.max(a, b)];
					const middle = from + Math.floor((to - from) / 2);
					const whole = [0, 0, 0];
					const left = [0, 0, 0];
					const right = [0, 0, 0];
					splitSpellDays(start, from, to, whole);
					splitSpellDays(start, from, middle, left);
					splitSpellDays(start, middle + 1, to, right);
					expect(whole).toEqual([left[0]! + right[0]!, left[1]! + right[1]!, left[2]! + right[2]!]);
					expect(whole[0]! + whole[1]! + whole[2]!).toBe(workdays(from, to));
				}
			)
		);
	});
});

describe('spells: frequent absenteeism', () => {
	it('counts an employee with 3 spells started in the 12 months to each month end, in the unit of the latest', () => {
		const result = importFiles(
			[
				spells(
					['K', 'U', '08/01/2024', '08/01/2024', 'ziekte'],
					['K', 'U', '03/06/2024', '03/06/2024', 'ziekte'],
					['K', 'U', '02/12/2024', '02/12/2024', 'ziekte'],
					['K', 'V', '03/02/2025', '03/02/2025', 'ziekte'],
					// Work accidents are not sickness spells.
					['K', 'U', '03/03/2025', '03/03/2025', 'arbeidsongeval'],
					['L', 'U', '06/01/2025', '06/01/2025', 'ziekte'],
					['L', 'U', '07/01/2025', '07/01/2025', 'ziekte']
				)
			],
			{ today: '2025-08-01', period: { from: '2024-11', to: '2025-07' } }
		);
		const months = (unitId: string) =>
			figuresOf(result)
				.filter((r) => r.unitId === unitId && r.frequentAbsentees)
				.map((r) => [r.month, r.frequentAbsentees]);
		expect(months('unit-u')).toEqual([['2024-12', 1]]);
		expect(months('unit-v')).toEqual([
			['2025-02', 1],
			['2025-03', 1],
			['2025-04', 1],
			['2025-05', 1]
		]);
	});
});

describe('spells: problems', () => {
	it('reports overlaps with both lines, duplicates with the first line, and dates in the wrong order', () => {
		const result = importFiles([
			spells(
				['K1', 'U', '01/01/2025', '10/01/2025', 'ziekte'],
				['K1', 'U', '05/01/2025', '06/01/2025', 'ziekte'],
				['K2', 'U', '01/02/2025', '', 'ziekte'],
				['K2', 'U', '01/03/2025', '02/03/2025', 'ziekte'],
				['K1', 'U', '01/01/2025', '10/01/2025', 'ziekte'],
				['K3', 'U', '10/01/2025', '09/01/2025', 'ziekte'],
				// Back to back is not an overlap.
				['K4', 'U', '01/01/2025', '05/01/2025', 'ziekte'],
				['K4', 'U', '06/01/2025', '08/01/2025', 'ziekte']
			)
		]);
		expect(problemsOf(result)).toEqual([
			{
				line: 3,
				column: 'startDate',
				value: '2025-01-05',
				key: 'signals.problem.overlap',
				params: { otherLine: 2 }
			},
			{
				line: 5,
				column: 'startDate',
				value: '2025-03-01',
				key: 'signals.problem.overlap',
				params: { otherLine: 4 }
			},
			{ line: 6, column: null, value: '', key: 'signals.problem.duplicateRow', params: { firstLine: 2 } },
			{ line: 7, column: 'endDate', value: '09/01/2025', key: 'signals.problem.endBeforeStart' }
		]);
	});

	it('finds the overlap of an earlier line that starts later', () => {
		const result = importFiles([
			spells(
				['K1', 'U', '05/01/2025', '06/01/2025', 'ziekte'],
				['K1', 'U', '01/01/2025', '10/01/2025', 'ziekte']
			)
		]);
		expect(problemsOf(result)).toEqual([
			{
				line: 3,
				column: 'startDate',
				value: '2025-01-01',
				key: 'signals.problem.overlap',
				params: { otherLine: 2 }
			}
		]);
	});

	it.each([
		['an empty key', ['', 'U', '01/01/2025', '', 'ziekte'], 'employeeKey', '', 'signals.problem.required'],
		[
			'an e-mail address as key',
			['jan@example.be', 'U', '01/01/2025', '', 'ziekte'],
			'employeeKey',
			'',
			'signals.problem.keyIdentifying'
		],
		[
			'a key too long',
			['k'.repeat(65), 'U', '01/01/2025', '', 'ziekte'],
			'employeeKey',
			'',
			'signals.problem.keyTooLong',
			{ max: 64 }
		],
		['an empty unit', ['K', ' ', '01/01/2025', '', 'ziekte'], 'unitCode', ' ', 'signals.problem.required'],
		['no start date', ['K', 'U', '', '', 'ziekte'], 'startDate', '', 'signals.problem.required'],
		[
			'a start that is no date',
			['K', 'U', 'gisteren', '', 'ziekte'],
			'startDate',
			'gisteren',
			'signals.problem.notDate'
		],
		['a formula', ['K', 'U', '=TODAY()', '', 'ziekte'], 'startDate', '=TODAY()', 'signals.problem.formula'],
		[
			'a start before 2000',
			['K', 'U', '31/12/1999', '', 'ziekte'],
			'startDate',
			'31/12/1999',
			'signals.problem.tooEarly',
			{ min: '2000-01-01' }
		],
		[
			'an end more than a month ahead',
			['K', 'U', '01/06/2025', '17/07/2025', 'ziekte'],
			'endDate',
			'17/07/2025',
			'signals.problem.inFuture',
			{ max: '2025-07-16' }
		],
		['no type', ['K', 'U', '01/01/2025', '', ''], 'absenceType', '', 'signals.problem.required'],
		[
			'an unknown type',
			['K', 'U', '01/01/2025', '', 'verlof'],
			'absenceType',
			'verlof',
			'signals.problem.unknownType'
		]
	])('reports %s', (_name, row, column, value, key, params?: Record<string, string | number>) => {
		expect(problemsOf(importFiles([spells(row)]))).toEqual([
			params ? { line: 2, column, value, key, params } : { line: 2, column, value, key }
		]);
	});

	it('accepts dates up to a month ahead', () => {
		expect(importFiles([spells(['K', 'U', '01/06/2025', '16/07/2025', 'ziekte'])]).ok).toBe(true);
	});

	it('cuts long values and never shows an employee key', () => {
		const result = importFiles([
			spells(['K', 'U', 'x'.repeat(100), '', 'ziekte'], ['k'.repeat(80), 'U', '01/01/2025', '', 'ziekte'])
		]);
		expect(problemsOf(result).map((p) => p.value)).toEqual([`${'x'.repeat(59)}…`, '']);
	});

	it('lists unknown unit codes once, with their rows and first lines, instead of a problem per row', () => {
		const result = importFiles([
			spells(
				['K1', 'X', '01/01/2025', '', 'ziekte'],
				['K2', 'x ', '01/01/2025', '', 'ziekte'],
				['K3', 'U', '01/01/2025', '', 'ziekte'],
				['K4', 'Y', '01/01/2025', '', 'ziekte'],
				['K5', 'X', '01/01/2025', '', 'ziekte']
			)
		]);
		expect(result).toEqual({
			ok: false,
			formats: ['spells'],
			rows: 5,
			problems: [],
			problemCount: 0,
			unknownUnits: [
				{ code: 'X', rows: 3, lines: [2, 3, 6] },
				{ code: 'Y', rows: 1, lines: [5] }
			],
			unknownUnitRows: 4
		});
	});

	it('keeps the first problems and counts them all', () => {
		const rows = Array.from({ length: 10 }, (_, i) => [`K${i}`, 'U', 'nope', '', 'ziekte']);
		const result = importFiles([spells(...rows)], { maxProblems: 3 });
		expect(result).toMatchObject({ ok: false, problemCount: 10 });
		expect(problemsOf(result).map((p) => p.line)).toEqual([2, 3, 4]);
	});

	it('skips blank lines', () => {
		const result = importFiles([spells(['', '', '', '', ''], ['K', 'U', '01/01/2025', '', 'ziekte'], [' '])]);
		expect(result).toMatchObject({ ok: true, rows: 1 });
	});

	it('refuses keys that are mostly national register numbers', () => {
		const national = (first9: number) => `${first9}${String(97 - (first9 % 97)).padStart(2, '0')}`;
		const keys = [national(850730033), national(900101123), national(771231456), 'a81f2c'];
		expect(keys.map(looksLikeNationalNumber)).toEqual([true, true, true, false]);
		const rows = keys.map((key, i) => [key, 'U', `0${i + 1}/01/2025`, `0${i + 1}/01/2025`, 'ziekte']);
		expect(problemsOf(importFiles([spells(...rows)]))).toEqual([
			{ line: 0, column: 'employeeKey', value: '', key: 'signals.problem.identifyingKeys' }
		]);
		expect(importFiles([spells(...rows.slice(2))]).ok).toBe(true);
	});

	it.each([
		['85.07.30-033.28', true],
		['85073003328', true],
		['00012556777', true],
		['85073003329', false],
		['8507300332', false],
		['E0001234', false]
	])('national number check of %s', (key, expected) => expect(looksLikeNationalNumber(key)).toBe(expected));
});

describe('staffing', () => {
	// Period January to March 2025, today Saturday 15 March.
	const staff = staffing(
		['A', 'U', '1', '01/01/2020', '', ''],
		['B', 'U', '0,8', '16/01/2025', '14/02/2025', 'vrijwillig'],
		['C', 'U', '1', '01/06/2024', '31/01/2025', 'Ontslag'],
		['D', 'U', '1', '01/04/2025', '', ''],
		['E', 'U', '1', '01/01/2023', '31/03/2025', 'Démission']
	);
	const options = { today: '2025-03-15', period: { from: '2025-01', to: '2025-03' } };

	it('gives headcount and FTE at month end, planned workdays pro rata and leavers by reason', () => {
		// January: A 23 + B 0,8 × 12 (16–31 Jan) + C 23 + E 23 = 78,6 planned days. C leaves on
		// 31 January and is no longer there at month end. February: A 20 + B 0,8 × 10 + E 20.
		// March stops at today: A and E 10 workdays each; E's leave on 31 March has not happened yet.
		const result = importFiles([staff], options);
		const ids: FigureId[] = ['headcount', 'fte', 'plannedDays', 'leaversVoluntary', 'leaversInvoluntary'];
		expect(table(result, 'unit-u', ids)).toEqual({
			'2025-01': { headcount: 3, fte: 2.8, plannedDays: 78.6, leaversInvoluntary: 1 },
			'2025-02': { headcount: 2, fte: 2, plannedDays: 48, leaversVoluntary: 1 },
			'2025-03': { headcount: 2, fte: 2, plannedDays: 20 }
		});
		expect(result).toMatchObject({ supplied: [...ids, 'people'] });
		expect(figuresOf(result)[0]!.sickDaysShort).toBeNull();
	});

	it('weighs sick days by the FTE of the employee when both files come together', () => {
		const result = importFiles([spells(['B', 'U', '03/02/2025', '07/02/2025', 'ziekte']), staff], {
			today: '2025-03-15'
		});
		expect(table(result, 'unit-u', [...SPELL_FIGURES, 'plannedDays', 'headcount'])).toEqual({
			'2025-02': {
				sickDaysShort: 4,
				spells: 1,
				spellsEnded: 1,
				spellsEndedDays: 5,
				plannedDays: 48,
				headcount: 2
			}
		});
		expect(result).toMatchObject({
			formats: ['spells', 'staffing'],
			period: { from: '2025-02', to: '2025-02' }
		});
	});

	it('counts as people everyone on the staff on any day of the month, leavers included', () => {
		// January: A, B (from the 16th), C (leaves on the 31st), E. February: A, B (leaves on the
		// 14th), E. March: A, E; D starts in April.
		const result = importFiles([staff], options);
		expect(table(result, 'unit-u', ['headcount', 'people'])).toEqual({
			'2025-01': { headcount: 3, people: 4 },
			'2025-02': { headcount: 2, people: 3 },
			'2025-03': { headcount: 2, people: 2 }
		});
	});

	it('counts each person once per unit-month, whatever figures they are in', () => {
		// B: on staff in January and February, a spell in February. F: a spell in March in unit V
		// while on the staff of U; it counts in V's March and in U's months.
		const result = importFiles(
			[
				spells(
					['B', 'U', '03/02/2025', '07/02/2025', 'ziekte'],
					['F', 'V', '03/03/2025', '04/03/2025', 'ziekte']
				),
				staffing(...staff.rows, ['F', 'U', '1', '01/01/2024', '', ''])
			],
			{ today: '2025-03-15' }
		);
		expect(table(result, 'unit-u', ['people'])).toEqual({
			'2025-02': { people: 4 },
			'2025-03': { people: 3 }
		});
		expect(table(result, 'unit-v', ['people'])).toEqual({ '2025-02': {}, '2025-03': { people: 1 } });
	});

	it('supplies no leavers without leave date and reason columns', () => {
		const result = importFiles(
			[{ header: ['Sleutel', 'Eenheid', 'VTE', 'Datum in dienst'], rows: [['A', 'U', '1', '01/01/2020']] }],
			options
		);
		expect(result).toMatchObject({ ok: true, supplied: ['headcount', 'fte', 'plannedDays', 'people'] });
	});

	it('needs a period when it comes without spells', () => {
		expect(problemsOf(importFiles([staff]))).toEqual([
			{ line: 0, column: null, value: '', key: 'signals.problem.periodRequired' }
		]);
	});

	it('must list every employee of the spells file', () => {
		const result = importFiles(
			[
				spells(
					['A', 'U', '03/02/2025', '04/02/2025', 'ziekte'],
					['Z', 'U', '03/02/2025', '04/02/2025', 'ziekte'],
					['Z', 'U', '03/03/2025', '04/03/2025', 'ziekte']
				),
				staff
			],
			options
		);
		expect(problemsOf(result)).toEqual([
			{ line: 3, column: 'employeeKey', value: '', key: 'signals.problem.keyNotInStaffing' }
		]);
	});

	it.each([
		[
			'a key twice',
			[
				['A', 'U', '1', '01/01/2020', '', ''],
				['A', 'U', '1', '01/01/2021', '', '']
			],
			3,
			'employeeKey',
			'',
			'signals.problem.duplicateKey',
			{ firstLine: 2 }
		],
		[
			'a leave before the start',
			[['A', 'U', '1', '01/01/2020', '31/12/2019', 'vrijwillig']],
			2,
			'leaveDate',
			'31/12/2019',
			'signals.problem.leaveBeforeStart'
		],
		[
			'an FTE of 0',
			[['A', 'U', '0', '01/01/2020', '', '']],
			2,
			'fte',
			'0',
			'signals.problem.fteRange',
			{ max: 1.5 }
		],
		[
			'an FTE above 1.5',
			[['A', 'U', '1,6', '01/01/2020', '', '']],
			2,
			'fte',
			'1,6',
			'signals.problem.fteRange',
			{ max: 1.5 }
		],
		[
			'an FTE that is no number',
			[['A', 'U', 'voltijds', '01/01/2020', '', '']],
			2,
			'fte',
			'voltijds',
			'signals.problem.notNumber'
		],
		[
			'an unknown reason',
			[['A', 'U', '1', '01/01/2020', '01/02/2025', 'verhuisd']],
			2,
			'leaveReason',
			'verhuisd',
			'signals.problem.unknownReason'
		],
		[
			'a leave without reason',
			[['A', 'U', '1', '01/01/2020', '01/02/2025', '']],
			2,
			'leaveReason',
			'',
			'signals.problem.reasonRequired'
		],
		[
			'a reason without leave',
			[['A', 'U', '1', '01/01/2020', '', 'vrijwillig']],
			2,
			'leaveReason',
			'vrijwillig',
			'signals.problem.reasonWithoutLeave'
		],
		[
			'a hire date before 1950',
			[['A', 'U', '1', '31/12/1949', '', '']],
			2,
			'startDate',
			'31/12/1949',
			'signals.problem.tooEarly',
			{ min: '1950-01-01' }
		],
		[
			'a hire date more than a year ahead',
			[['A', 'U', '1', '17/03/2026', '', '']],
			2,
			'startDate',
			'17/03/2026',
			'signals.problem.inFuture',
			{ max: '2026-03-16' }
		]
	])('reports %s', (_name, rows, line, column, value, key, params?: Record<string, string | number>) => {
		expect(problemsOf(importFiles([staffing(...rows)], options))).toEqual([
			params ? { line, column, value, key, params } : { line, column, value, key }
		]);
	});
});

describe('monthly', () => {
	const HEADER = COLUMNS.monthly.map((c) => c.headers.nl[0]!);
	const row = (values: Partial<Record<MonthlyColumn, string>>) =>
		COLUMNS.monthly.map(
			(c) =>
				values[c.id as MonthlyColumn] ??
				({ unitCode: 'U', month: '01/2025' } as Record<string, string>)[c.id] ??
				''
		);
	const monthly = (...rows: string[][]): File => ({ header: HEADER, rows });

	it('passes figures through, null where a column or a cell is missing', () => {
		const result = importFiles([
			{
				header: [
					'Eenheidscode',
					'Maand',
					'Aantal medewerkers',
					'VTE',
					'Geplande dagen',
					'Ziektedagen kort',
					'Ziekteperiodes'
				],
				rows: [
					['U', '01/2025', '24', '21,5', '473', '14,5', '6'],
					['v', '2025-02', '10', '', '200', '0', '0']
				]
			}
		]);
		const expected = (unitId: string, month: string, values: Partial<UnitMonthFigures>) => ({
			...Object.fromEntries(FIGURES.map((id) => [id, null])),
			unitId,
			month,
			...values
		});
		expect(result).toEqual({
			ok: true,
			formats: ['monthly'],
			rows: 2,
			period: null,
			supplied: ['headcount', 'fte', 'plannedDays', 'sickDaysShort', 'spells', 'people'],
			figures: [
				expected('unit-u', '2025-01', {
					headcount: 24,
					fte: 21.5,
					plannedDays: 473,
					sickDaysShort: 14.5,
					spells: 6,
					people: 24
				}),
				expected('unit-v', '2025-02', {
					headcount: 10,
					plannedDays: 200,
					sickDaysShort: 0,
					spells: 0,
					people: 10
				})
			]
		});
	});

	it.each([
		['headcount only', ['12', '', '', ''], 12],
		['headcount and leavers', ['12', '2', '1', ''], 15],
		['leavers of both kinds and frequent absentees', ['3', '1', '2', '3'], 6],
		['no headcount: not known', ['', '1', '', ''], null]
	])(
		'works out people from a monthly row: %s',
		(_, [headcount, voluntary, involuntary, frequent], people) => {
			const result = importFiles([
				{
					header: [
						'Eenheidscode',
						'Maand',
						'Aantal medewerkers',
						'Vrijwillige vertrekkers',
						'Onvrijwillige vertrekkers',
						'Frequent verzuimers'
					],
					rows: [['U', '01/2025', headcount!, voluntary!, involuntary!, frequent!]]
				}
			]);
			expect(figuresOf(result)[0]!.people).toBe(people);
		}
	);

	it('accepts limits that are just reached', () => {
		const result = importFiles([
			monthly(
				row({
					headcount: '3',
					fte: '3',
					plannedDays: '10',
					sickDaysShort: '4',
					sickDaysMedium: '6',
					leaversVoluntary: '2',
					leaversInvoluntary: '1',
					month: '07/2025'
				})
			)
		]);
		expect(result.ok).toBe(true);
	});

	it.each([
		['a negative headcount', { headcount: '-2' }, 'headcount', '-2', 'signals.problem.negative'],
		['a fractional headcount', { headcount: '2,5' }, 'headcount', '2,5', 'signals.problem.notWhole'],
		['a formula', { fte: '=B2*0,8' }, 'fte', '=B2*0,8', 'signals.problem.formula'],
		['a plus sign', { plannedDays: '+473' }, 'plannedDays', '+473', 'signals.problem.formula'],
		['a word', { sickDaysShort: 'veel' }, 'sickDaysShort', 'veel', 'signals.problem.notNumber'],
		[
			'an ambiguous number',
			{ plannedDays: '1.234' },
			'plannedDays',
			'1.234',
			'signals.problem.ambiguousNumber'
		],
		[
			'a huge number',
			{ headcount: '2000000' },
			'headcount',
			'2000000',
			'signals.problem.tooLarge',
			{ max: 1_000_000 }
		],
		['no unit', { unitCode: '' }, 'unitCode', '', 'signals.problem.required'],
		['no month', { month: '' }, 'month', '', 'signals.problem.required'],
		['a month that is none', { month: '13/2025' }, 'month', '13/2025', 'signals.problem.notMonth'],
		[
			'a month before 2000',
			{ month: '12/1999' },
			'month',
			'12/1999',
			'signals.problem.tooEarly',
			{ min: '2000-01' }
		],
		[
			'a month too far ahead',
			{ month: '08/2025' },
			'month',
			'08/2025',
			'signals.problem.inFuture',
			{ max: '2025-07' }
		],
		[
			'more sick days than planned',
			{ plannedDays: '10', sickDaysShort: '6', sickDaysMedium: '5' },
			'plannedDays',
			'10',
			'signals.problem.sickAbovePlanned',
			{ sick: 11, planned: 10 }
		],
		[
			'more leavers than employees',
			{ headcount: '3', leaversVoluntary: '2', leaversInvoluntary: '2' },
			'leaversVoluntary',
			'2',
			'signals.problem.leaversAboveHeadcount',
			{ leavers: 4, headcount: 3 }
		],
		[
			'more involuntary leavers than employees',
			{ headcount: '0', leaversInvoluntary: '1' },
			'leaversInvoluntary',
			'1',
			'signals.problem.leaversAboveHeadcount',
			{ leavers: 1, headcount: 0 }
		],
		[
			'more FTE than employees',
			{ headcount: '3', fte: '3,5' },
			'fte',
			'3,5',
			'signals.problem.fteAboveHeadcount',
			{ fte: 3.5, headcount: 3 }
		],
		[
			'more frequent absentees than employees',
			{ headcount: '3', frequentAbsentees: '4' },
			'frequentAbsentees',
			'4',
			'signals.problem.aboveHeadcount',
			{ count: 4, headcount: 3 }
		],
		[
			'more long incapacity than employees',
			{ headcount: '3', ongoingIncapacity1y: '5' },
			'ongoingIncapacity1y',
			'5',
			'signals.problem.aboveHeadcount',
			{ count: 5, headcount: 3 }
		],
		[
			'days of ended spells without ended spells',
			{ spellsEnded: '0', spellsEndedDays: '3' },
			'spellsEndedDays',
			'3',
			'signals.problem.daysWithoutEndedSpells'
		]
	])('reports %s', (_name, values, column, value, key, params?: Record<string, string | number>) => {
		expect(problemsOf(importFiles([monthly(row(values))]))).toEqual([
			params ? { line: 2, column, value, key, params } : { line: 2, column, value, key }
		]);
	});

	it('reports a unit and month twice, in any spelling, with the first line', () => {
		const result = importFiles([
			monthly(row({}), row({ unitCode: 'V', month: '01/2025' }), row({ unitCode: 'u', month: '2025-01-31' }))
		]);
		expect(problemsOf(result)).toEqual([
			{
				line: 4,
				column: 'month',
				value: '2025-01-31',
				key: 'signals.problem.duplicateUnitMonth',
				params: { firstLine: 2 }
			}
		]);
	});
});

describe('files of one upload', () => {
	it.each([
		['monthly after spells', ['spells', 'monthly']],
		['spells after monthly', ['monthly', 'spells']],
		['spells twice', ['spells', 'spells']]
	])('refuses %s', (_name, formats) => {
		const headers: Record<string, string[]> = { spells: SPELLS, monthly: ['Eenheidscode', 'Maand'] };
		const result = importFiles(formats.map((f) => ({ header: headers[f]!, rows: [] })));
		expect(problemsOf(result)).toEqual([
			{ line: 0, column: null, value: '', key: 'signals.problem.filesCombination' }
		]);
	});

	it('refuses rows before a file is begun', () => {
		const accumulator = new SignalsAccumulator({ knownUnitCodes, today: '2025-06-15' });
		expect(() => accumulator.add(2, ['x'])).toThrow();
	});

	it.each([
		['a today that is no ISO date', { today: '15/06/2025' }],
		['a period that is no ISO month', { period: { from: '2025-1', to: '2025-03' } }],
		['a period that ends before it starts', { period: { from: '2025-03', to: '2025-01' } }]
	])('refuses %s', (_name, options) => {
		expect(() => new SignalsAccumulator({ knownUnitCodes, today: '2025-06-15', ...options })).toThrow(
			RangeError
		);
	});

	it('gives an empty result for a header without rows', () => {
		expect(importFiles([spells()])).toEqual({
			ok: true,
			formats: ['spells'],
			rows: 0,
			period: null,
			supplied: [...SPELL_FIGURES, 'people'],
			figures: []
		});
	});
});
