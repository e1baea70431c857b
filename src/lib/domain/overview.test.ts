import { describe, expect, it } from 'vitest';
import { discloseWithoutMinimum, suppressed, type Disclosed } from './anonymity';
import { INDICATORS, type IndicatorId } from './signals/registry';
import {
	CONTEXT_FIGURES,
	OVERVIEW_INDICATORS,
	signalRows,
	summariseMeasures,
	themeMoves,
	THEMES_LISTED
} from './overview';

// Figures as the gate hands them out (the tests build them through its constructors only).
const shown = (orange: number, red: number) => discloseWithoutMinimum(20, { orange, red });
const hidden = suppressed('below-k');
const figure = (value: number) => discloseWithoutMinimum(30, value);

describe('themeMoves', () => {
	it.each([
		{
			name: 'a rise of exactly 5 points counts, 4 does not; shares are orange + red',
			current: [shown(0.2, 0.15), shown(0.1, 0.14)],
			previous: [shown(0.2, 0.1), shown(0.1, 0.1)],
			worsened: [['a', 0.05]],
			improved: []
		},
		{
			name: 'falls are listed as improved, most first',
			current: [shown(0.1, 0), shown(0.05, 0), shown(0.3, 0.1)],
			previous: [shown(0.2, 0), shown(0.25, 0), shown(0.3, 0.1)],
			worsened: [],
			improved: [
				['b', -0.2],
				['a', -0.1]
			]
		},
		{
			name: 'a theme hidden in either wave is not compared',
			current: [hidden, shown(0.5, 0.2), shown(0.5, 0.2)],
			previous: [shown(0, 0), hidden, shown(0.1, 0)],
			worsened: [['c', 0.6]],
			improved: []
		}
	])('$name', ({ current, previous, worsened, improved }) => {
		const moves = themeMoves(['a', 'b', 'c'].slice(0, current.length), current, previous);
		expect(moves.worsened.map((m) => [m.dimensionId, m.change])).toEqual(
			worsened.map(([id, change]) => [id, expect.closeTo(change as number, 12)])
		);
		expect(moves.improved.map((m) => [m.dimensionId, m.change])).toEqual(
			improved.map(([id, change]) => [id, expect.closeTo(change as number, 12)])
		);
	});

	it('lists at most three of each, and nothing without a previous wave', () => {
		const ids = ['a', 'b', 'c', 'd', 'e'];
		const moves = themeMoves(
			ids,
			ids.map((_, i) => shown(0.5 + i * 0.05, 0)),
			ids.map(() => shown(0.1, 0))
		);
		expect(moves.worsened.map((m) => m.dimensionId)).toEqual(['e', 'd', 'c']);
		expect(moves.worsened).toHaveLength(THEMES_LISTED);
		expect(
			themeMoves(
				ids,
				ids.map(() => shown(0.5, 0)),
				null
			)
		).toEqual({ worsened: [], improved: [] });
	});
});

describe('signalRows', () => {
	const all = (value: (id: IndicatorId) => Disclosed<number>) =>
		Object.fromEntries(INDICATORS.map((id) => [id, value(id)])) as Record<IndicatorId, Disclosed<number>>;

	it('compares each overview indicator with the year before by the evaluation rule (20 %)', () => {
		const now = all((id) =>
			id === 'absenceRateShort'
				? figure(4.8)
				: id === 'frequency'
					? figure(1.3)
					: id === 'absenceRateLong'
						? hidden
						: figure(2)
		);
		const before = all((id) =>
			id === 'absenceRateShort' ? figure(4) : id === 'frequency' ? figure(1.7) : figure(2)
		);
		const rows = signalRows(now, before);
		expect(rows.map((r) => r.indicator)).toEqual(OVERVIEW_INDICATORS);
		const byId = Object.fromEntries(rows.map((r) => [r.indicator, r]));
		expect(byId.absenceRateShort!.outcome).toBe('worse');
		expect(byId.frequency!.outcome).toBe('improved');
		expect(byId.absenceRateLong!.outcome).toBe('not-comparable');
		expect(byId.turnoverVoluntary!.outcome).toBe('unchanged');
		expect(byId.absenceRateShort!.context).toEqual({ indicator: 'absenceRateShort', value: 3.2, year: 2023 });
		expect(byId.turnoverVoluntary!.context).toBeNull();
		expect(signalRows(now, null).every((r) => r.outcome === 'not-comparable' && r.yearBefore === null)).toBe(
			true
		);
	});

	it('has a context figure only for indicators it shows', () => {
		for (const c of CONTEXT_FIGURES) expect(OVERVIEW_INDICATORS).toContain(c.indicator);
	});
});

describe('summariseMeasures', () => {
	it('counts statuses and flags', () => {
		const m = (status: 'planned' | 'in-progress' | 'done' | 'dropped', overdue = false, noOwner = false) => ({
			status,
			flags: { overdue, noOwner }
		});
		expect(
			summariseMeasures([
				m('planned', true),
				m('planned', false, true),
				m('in-progress', true, true),
				m('done')
			])
		).toEqual({
			total: 4,
			byStatus: { planned: 2, 'in-progress': 1, done: 1, dropped: 0 },
			overdue: 2,
			noOwner: 2
		});
		expect(summariseMeasures([]).total).toBe(0);
	});
});
