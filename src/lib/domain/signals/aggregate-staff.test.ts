import { describe, expect, it } from 'vitest';
import type { FigureId } from './formats';
import {
	importFiles,
	spells,
	staffing,
	figuresOf,
	table,
	problemsOf,
	SPELL_FIGURES
} from '../../../../tests/helpers/signals-import';

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

	type Case = {
		name: string;
		rows: string[][];
		line: number;
		column: string;
		value: string;
		key: string;
		params: Record<string, string | number> | undefined;
	};
	it.each`
		name                                    | rows                                                                              | line | column           | value           | key                                     | params
		${'a key twice'}                        | ${[['A', 'U', '1', '01/01/2020', '', ''], ['A', 'U', '1', '01/01/2021', '', '']]} | ${3} | ${'employeeKey'} | ${''}           | ${'signals.problem.duplicateKey'}       | ${{ firstLine: 2 }}
		${'a leave before the start'}           | ${[['A', 'U', '1', '01/01/2020', '31/12/2019', 'vrijwillig']]}                    | ${2} | ${'leaveDate'}   | ${'31/12/2019'} | ${'signals.problem.leaveBeforeStart'}   | ${undefined}
		${'an FTE of 0'}                        | ${[['A', 'U', '0', '01/01/2020', '', '']]}                                        | ${2} | ${'fte'}         | ${'0'}          | ${'signals.problem.fteRange'}           | ${{ max: 1.5 }}
		${'an FTE above 1.5'}                   | ${[['A', 'U', '1,6', '01/01/2020', '', '']]}                                      | ${2} | ${'fte'}         | ${'1,6'}        | ${'signals.problem.fteRange'}           | ${{ max: 1.5 }}
		${'an FTE that is no number'}           | ${[['A', 'U', 'voltijds', '01/01/2020', '', '']]}                                 | ${2} | ${'fte'}         | ${'voltijds'}   | ${'signals.problem.notNumber'}          | ${undefined}
		${'an unknown reason'}                  | ${[['A', 'U', '1', '01/01/2020', '01/02/2025', 'verhuisd']]}                      | ${2} | ${'leaveReason'} | ${'verhuisd'}   | ${'signals.problem.unknownReason'}      | ${undefined}
		${'a leave without reason'}             | ${[['A', 'U', '1', '01/01/2020', '01/02/2025', '']]}                              | ${2} | ${'leaveReason'} | ${''}           | ${'signals.problem.reasonRequired'}     | ${undefined}
		${'a reason without leave'}             | ${[['A', 'U', '1', '01/01/2020', '', 'vrijwillig']]}                              | ${2} | ${'leaveReason'} | ${'vrijwillig'} | ${'signals.problem.reasonWithoutLeave'} | ${undefined}
		${'a hire date before 1950'}            | ${[['A', 'U', '1', '31/12/1949', '', '']]}                                        | ${2} | ${'startDate'}   | ${'31/12/1949'} | ${'signals.problem.tooEarly'}           | ${{ min: '1950-01-01' }}
		${'a hire date more than a year ahead'} | ${[['A', 'U', '1', '17/03/2026', '', '']]}                                        | ${2} | ${'startDate'}   | ${'17/03/2026'} | ${'signals.problem.inFuture'}           | ${{ max: '2026-03-16' }}
	`('reports $name', ({ rows, line, column, value, key, params }: Case) => {
		expect(problemsOf(importFiles([staffing(...rows)], options))).toEqual([
			params ? { line, column, value, key, params } : { line, column, value, key }
		]);
	});
});
