import { describe, expect, it } from 'vitest';
import type { UnitMonthFigures } from './figures';
import { COLUMNS, FIGURES, type MonthlyColumn } from './formats';
import { type File, importFiles, figuresOf, problemsOf } from '../../../../tests/helpers/signals-import';

describe('monthly', () => {
	const HEADER = COLUMNS.monthly.map((c) => c.headers.nl[0]!);
	/** The Dutch header of some monthly columns, in this order. */
	const headerOf = (...ids: MonthlyColumn[]) =>
		ids.map((id) => COLUMNS.monthly.find((c) => c.id === id)!.headers.nl[0]!);
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
				header: headerOf('unitCode', 'month', 'headcount', 'fte', 'plannedDays', 'sickDaysShort', 'spells'),
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
					header: headerOf(
						'unitCode',
						'month',
						'headcount',
						'leaversVoluntary',
						'leaversInvoluntary',
						'frequentAbsentees'
					),
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

	type Case = {
		name: string;
		values: Partial<Record<MonthlyColumn, string>>;
		problem: string;
		params: Record<string, string | number> | undefined;
	};
	it.each`
		name                                           | values                                                                | problem                     | params
		${'a negative headcount'}                      | ${{ headcount: '-2' }}                                                | ${'negative'}               | ${undefined}
		${'a fractional headcount'}                    | ${{ headcount: '2,5' }}                                               | ${'notWhole'}               | ${undefined}
		${'a formula'}                                 | ${{ fte: '=B2*0,8' }}                                                 | ${'formula'}                | ${undefined}
		${'a plus sign'}                               | ${{ plannedDays: '+473' }}                                            | ${'formula'}                | ${undefined}
		${'a word'}                                    | ${{ sickDaysShort: 'veel' }}                                          | ${'notNumber'}              | ${undefined}
		${'an ambiguous number'}                       | ${{ plannedDays: '1.234' }}                                           | ${'ambiguousNumber'}        | ${undefined}
		${'a huge number'}                             | ${{ headcount: '2000000' }}                                           | ${'tooLarge'}               | ${{ max: 1_000_000 }}
		${'no unit'}                                   | ${{ unitCode: '' }}                                                   | ${'required'}               | ${undefined}
		${'no month'}                                  | ${{ month: '' }}                                                      | ${'required'}               | ${undefined}
		${'a month that is none'}                      | ${{ month: '13/2025' }}                                               | ${'notMonth'}               | ${undefined}
		${'a month before 2000'}                       | ${{ month: '12/1999' }}                                               | ${'tooEarly'}               | ${{ min: '2000-01' }}
		${'a month too far ahead'}                     | ${{ month: '08/2025' }}                                               | ${'inFuture'}               | ${{ max: '2025-07' }}
		${'more sick days than planned'}               | ${{ plannedDays: '10', sickDaysShort: '6', sickDaysMedium: '5' }}     | ${'sickAbovePlanned'}       | ${{ sick: 11, planned: 10 }}
		${'more leavers than employees'}               | ${{ leaversVoluntary: '2', headcount: '3', leaversInvoluntary: '2' }} | ${'leaversAboveHeadcount'}  | ${{ leavers: 4, headcount: 3 }}
		${'more involuntary leavers than employees'}   | ${{ leaversInvoluntary: '1', headcount: '0' }}                        | ${'leaversAboveHeadcount'}  | ${{ leavers: 1, headcount: 0 }}
		${'more FTE than employees'}                   | ${{ fte: '3,5', headcount: '3' }}                                     | ${'fteAboveHeadcount'}      | ${{ fte: 3.5, headcount: 3 }}
		${'more frequent absentees than employees'}    | ${{ frequentAbsentees: '4', headcount: '3' }}                         | ${'aboveHeadcount'}         | ${{ count: 4, headcount: 3 }}
		${'more long incapacity than employees'}       | ${{ ongoingIncapacity1y: '5', headcount: '3' }}                       | ${'aboveHeadcount'}         | ${{ count: 5, headcount: 3 }}
		${'days of ended spells without ended spells'} | ${{ spellsEndedDays: '3', spellsEnded: '0' }}                         | ${'daysWithoutEndedSpells'} | ${undefined}
	`('reports $name, at the first column given', ({ values, problem, params }: Case) => {
		const [column, value] = Object.entries(values)[0]!;
		const key = `signals.problem.${problem}`;
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
