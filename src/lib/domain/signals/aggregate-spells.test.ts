import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeNationalNumber, splitSpellDays } from './aggregate';
import { dayNumber, formatDay, workdays } from './calendar';
import {
	importFiles,
	spells,
	figuresOf,
	table,
	problemsOf,
	SPELL_FIGURES
} from '../../../../tests/helpers/signals-import';

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
	/** A spell of one day. */
	const oneDay = (key: string, unit: string, date: string, type = 'ziekte') => [key, unit, date, date, type];

	it('counts an employee with 3 spells started in the 12 months to each month end, in the unit of the latest', () => {
		const result = importFiles(
			[
				spells(
					oneDay('K', 'U', '08/01/2024'),
					oneDay('K', 'U', '03/06/2024'),
					oneDay('K', 'U', '02/12/2024'),
					oneDay('K', 'V', '03/02/2025'),
					// Work accidents are not sickness spells.
					oneDay('K', 'U', '03/03/2025', 'arbeidsongeval'),
					oneDay('L', 'U', '06/01/2025'),
					oneDay('L', 'U', '07/01/2025')
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
	/** A spell on `line` that overlaps the one on `otherLine`, reported at its start date. */
	const overlap = (line: number, start: string, otherLine: number) => ({
		line,
		column: 'startDate',
		value: start,
		key: 'signals.problem.overlap',
		params: { otherLine }
	});
	/** A sickness spell in unit U. */
	const sickInU = (key: string, start: string, end: string) => [key, 'U', start, end, 'ziekte'];

	it('reports overlaps with both lines, duplicates with the first line, and dates in the wrong order', () => {
		const result = importFiles([
			spells(
				sickInU('K1', '01/01/2025', '10/01/2025'),
				sickInU('K1', '05/01/2025', '06/01/2025'),
				sickInU('K2', '01/02/2025', ''),
				sickInU('K2', '01/03/2025', '02/03/2025'),
				sickInU('K1', '01/01/2025', '10/01/2025'),
				sickInU('K3', '10/01/2025', '09/01/2025'),
				// Back to back is not an overlap.
				sickInU('K4', '01/01/2025', '05/01/2025'),
				sickInU('K4', '06/01/2025', '08/01/2025')
			)
		]);
		expect(problemsOf(result)).toEqual([
			overlap(3, '05/01/2025', 2),
			overlap(5, '01/03/2025', 4),
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
		expect(problemsOf(result)).toEqual([overlap(3, '01/01/2025', 2)]);
	});

	type Case = {
		name: string;
		row: string[];
		column: string;
		value: string;
		key: string;
		params: Record<string, string | number> | undefined;
	};
	it.each`
		name                                | row                                                    | column           | value           | key                                 | params
		${'an empty key'}                   | ${['', 'U', '01/01/2025', '', 'ziekte']}               | ${'employeeKey'} | ${''}           | ${'signals.problem.required'}       | ${undefined}
		${'an e-mail address as key'}       | ${['jan@example.be', 'U', '01/01/2025', '', 'ziekte']} | ${'employeeKey'} | ${''}           | ${'signals.problem.keyIdentifying'} | ${undefined}
		${'a key too long'}                 | ${['k'.repeat(65), 'U', '01/01/2025', '', 'ziekte']}   | ${'employeeKey'} | ${''}           | ${'signals.problem.keyTooLong'}     | ${{ max: 64 }}
		${'an empty unit'}                  | ${['K', ' ', '01/01/2025', '', 'ziekte']}              | ${'unitCode'}    | ${' '}          | ${'signals.problem.required'}       | ${undefined}
		${'no start date'}                  | ${['K', 'U', '', '', 'ziekte']}                        | ${'startDate'}   | ${''}           | ${'signals.problem.required'}       | ${undefined}
		${'a start that is no date'}        | ${['K', 'U', 'gisteren', '', 'ziekte']}                | ${'startDate'}   | ${'gisteren'}   | ${'signals.problem.notDate'}        | ${undefined}
		${'a formula'}                      | ${['K', 'U', '=TODAY()', '', 'ziekte']}                | ${'startDate'}   | ${'=TODAY()'}   | ${'signals.problem.formula'}        | ${undefined}
		${'a start before 2000'}            | ${['K', 'U', '31/12/1999', '', 'ziekte']}              | ${'startDate'}   | ${'31/12/1999'} | ${'signals.problem.tooEarly'}       | ${{ min: '2000-01-01' }}
		${'an end more than a month ahead'} | ${['K', 'U', '01/06/2025', '17/07/2025', 'ziekte']}    | ${'endDate'}     | ${'17/07/2025'} | ${'signals.problem.inFuture'}       | ${{ max: '2025-07-16' }}
		${'no type'}                        | ${['K', 'U', '01/01/2025', '', '']}                    | ${'absenceType'} | ${''}           | ${'signals.problem.required'}       | ${undefined}
		${'an unknown type'}                | ${['K', 'U', '01/01/2025', '', 'verlof']}              | ${'absenceType'} | ${'verlof'}     | ${'signals.problem.unknownType'}    | ${undefined}
	`('reports $name', ({ row, column, value, key, params }: Case) => {
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
		const rows = [
			['K1', 'U', 'nope', '', 'ziekte'],
			['K2', 'U', '01/01/2025', 'nope', 'ziekte'],
			['K3', 'U', '01/01/2025', '', 'griep'],
			['K4', '', '01/01/2025', '', 'ziekte'],
			['K5', 'U', 'nope', '', 'ziekte']
		];
		const result = importFiles([spells(...rows)], { maxProblems: 3 });
		expect(result).toMatchObject({ ok: false, problemCount: 5 });
		expect(problemsOf(result).map((p) => [p.line, p.rows])).toEqual([
			[2, 2],
			[3, undefined],
			[4, undefined]
		]);
	});

	it('lists the same problem on many rows once, with its count and first lines', () => {
		const rows = Array.from({ length: 2477 }, (_, i) => [`K${i}`, 'U', '5/4/25', '', 'ziekte']);
		const result = importFiles([spells(...rows)], { maxProblems: 3 });
		expect(result).toMatchObject({ ok: false, problemCount: 2477 });
		expect(problemsOf(result)).toEqual([
			{
				line: 2,
				column: 'startDate',
				value: '5/4/25',
				key: 'signals.problem.notDate',
				rows: 2477,
				lines: [2, 3, 4, 5, 6]
			}
		]);
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
