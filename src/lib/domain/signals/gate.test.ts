import { describe, expect, it } from 'vitest';
import { AS_OF, figures } from '../../../../tests/helpers/early-warning';
import { smallTeam, TREE } from '../../../../tests/helpers/unit-tree';
import {
	planDisclosure,
	type DisclosurePlan,
	type SuppressionReason,
	type UnitDisclosure
} from '../anonymity';
import { indicatorFindings, monthlyRates } from '../early-warning';
import { formatMonth } from './calendar';
import { emptyFigures, type UnitMonthFigures } from './figures';
import { gatedIndicators, shownInMonth, shownMonths, watchedSeries, type IndicatorFigures } from './gate';
import { INDICATORS, rollingMonths, rollUpFigures, type IndicatorId } from './indicators';
import { isoMonth } from './parse';

/** A month of unit `u` with every figure: 5 % absence, one voluntary leaver, one ended spell. */
const record = (month: string, headcount: number, values: Partial<UnitMonthFigures> = {}) => ({
	...emptyFigures('u', month),
	headcount,
	fte: headcount,
	plannedDays: headcount * 20,
	sickDaysShort: headcount,
	sickDaysMedium: 0,
	sickDaysLong: 0,
	spells: 2,
	frequentAbsentees: 1,
	leaversVoluntary: 1,
	leaversInvoluntary: 0,
	newIncapacity4w: 0,
	ongoingIncapacity1y: 0,
	workAccidents: 0,
	spellsEnded: 1,
	spellsEndedDays: 5,
	...values
});

/** How unit `u` stands in a month's plan: shown with its people, hidden with a reason, or no plan. */
type Standing = number | SuppressionReason | null;
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];
const plansOf = (standings: readonly Standing[], months: readonly string[] = MONTHS) => {
	const plans = new Map<string, DisclosurePlan>();
	standings.forEach((standing, i) => {
		if (standing === null) return;
		const unit: UnitDisclosure =
			typeof standing === 'number'
				? { id: 'u', subtreeCount: standing, shown: true, pooled: [] }
				: { id: 'u', subtreeCount: 3, shown: false, reason: standing, pooledInto: null };
		plans.set(months[i]!, { k: 5, units: new Map([['u', unit]]) });
	});
	return plans;
};

/** Each indicator as `n=…` when shown, else its reason. */
const outcome = (gated: IndicatorFigures) =>
	Object.fromEntries(INDICATORS.map((id) => [id, gated[id].shown ? `n=${gated[id].n}` : gated[id].reason]));
const every = (value: string, except: Partial<Record<IndicatorId, string>> = {}) =>
	Object.fromEntries(INDICATORS.map((id) => [id, except[id] ?? value]));

const QUARTER = { from: '2025-01', to: '2025-03' };

describe('the rule', () => {
	it.each([
		['shown', 20, true],
		['hidden below k', 'below-k', false],
		['hidden as secondary', 'secondary', false],
		['hidden after a change', 'changed', false],
		['without a plan', null, false]
	] as const)('a month whose plan has the unit %s (%s) counts: %s', (_name, standing, counts) => {
		expect(shownInMonth(plansOf([standing]), '2025-01', 'u')).toBe(counts);
		expect(shownInMonth(plansOf([standing]), '2025-01', 'v')).toBe(false);
	});
});

describe('the indicators of a range', () => {
	const quarter = [record('2025-01', 22), record('2025-02', 21), record('2025-03', 20)];

	it.each([
		{
			name: 'every month shows the unit: every indicator, with the smallest group of the plans',
			standings: [22, 21, 20],
			range: QUARTER,
			expected: every('n=20')
		},
		{
			name: 'one month hides the unit below k: no indicator over the range, turnover included',
			standings: [22, 'below-k', 20],
			range: QUARTER,
			expected: every('below-k')
		},
		{
			name: 'the months the plans show are shown on their own',
			standings: [22, 'below-k', 20],
			range: rollingMonths('2025-03', 1),
			expected: every('n=20')
		},
		{
			name: "the plans' reason: secondary",
			standings: [22, 21, 'secondary'],
			range: QUARTER,
			expected: every('secondary')
		},
		{
			name: "the plans' reason: changed",
			standings: ['changed', 21, 20],
			range: QUARTER,
			expected: every('changed')
		},
		{
			name: 'a month without a plan: no data',
			standings: [22, null, 20],
			range: QUARTER,
			expected: every('no-data')
		},
		{
			name: 'a range without figures: no data where the plans show the unit',
			standings: [22, 21, 20],
			range: { from: '2024-10', to: '2024-12' },
			expected: every('no-data')
		}
	] as const)('$name', ({ standings, range, expected }) => {
		expect(outcome(gatedIndicators(quarter, plansOf(standings), 'u', range))).toEqual(expected);
	});

	it('carries no figure at all for a suppressed indicator', () => {
		const gated = gatedIndicators(quarter, plansOf([22, 'below-k', 20]), 'u', QUARTER);
		for (const id of INDICATORS) expect(gated[id]).toEqual({ shown: false, reason: 'below-k' });
	});

	it('gives the figure its value where the plans show the unit', () => {
		const gated = gatedIndicators(quarter, plansOf([22, 21, 20]), 'u', QUARTER);
		expect(gated.absenceRate).toEqual({ shown: true, value: 5, n: 20 });
		expect(gated.averageSpellDuration).toEqual({ shown: true, value: 5, n: 20 });
	});

	it("gives a missing figure its own 'no-data' where the plans show the unit, and the plans' reason first", () => {
		const partial = quarter.map((r) => (r.month === '2025-02' ? { ...r, plannedDays: null } : r));
		expect(outcome(gatedIndicators(partial, plansOf([22, 21, 20]), 'u', QUARTER))).toEqual(
			every('n=20', {
				absenceRate: 'no-data',
				absenceRateShort: 'no-data',
				absenceRateMedium: 'no-data',
				absenceRateLong: 'no-data'
			})
		);
		expect(outcome(gatedIndicators(partial, plansOf([22, 'below-k', 20]), 'u', QUARTER))).toEqual(
			every('below-k')
		);
	});

	it('pools a unit below k into its parent, where the total is shown', () => {
		const totals = rollUpFigures(TREE, [smallTeam('A1', 3), smallTeam('A2', 4)]);
		const own = new Map([
			['A1', 3],
			['A2', 4]
		]);
		const plan = planDisclosure(
			TREE.map((u) => ({ id: u.id, parentId: u.parentId, ownCount: own.get(u.id) ?? 0 })),
			5
		);
		const plans = new Map([['2025-01', plan]]);
		const of = (id: string) =>
			gatedIndicators(
				totals.filter((r) => r.unitId === id),
				plans,
				id,
				rollingMonths('2025-01', 1)
			).absenceRate;
		expect(of('A1')).toEqual({ shown: false, reason: 'below-k' });
		expect(of('A2')).toEqual({ shown: false, reason: 'below-k' });
		expect(of('A')).toEqual({ shown: true, value: 5, n: 7 });
	});
});

describe('a unit’s monthly series for early warning', () => {
	const series = MONTHS.map((month) => record(month, 20));
	const months = (list: readonly UnitMonthFigures[] | null) => list && list.map((f) => f.month);

	it.each([
		{ name: 'every month shown', standings: [20, 20, 20, 20], shown: MONTHS, watched: MONTHS },
		{
			name: 'February below k: left out, the run goes on after it',
			standings: [20, 'below-k', 20, 20],
			shown: ['2025-01', '2025-03', '2025-04'],
			watched: ['2025-01', '2025-03', '2025-04']
		},
		{
			name: 'February without a plan: left out',
			standings: [20, null, 20, 20],
			shown: ['2025-01', '2025-03', '2025-04'],
			watched: ['2025-01', '2025-03', '2025-04']
		},
		{
			name: 'the last month below k: no reasons at all',
			standings: [20, 20, 20, 'below-k'],
			shown: ['2025-01', '2025-02', '2025-03'],
			watched: null
		},
		{
			name: 'the last month without a plan: no reasons at all',
			standings: [20, 20, 20, null],
			shown: ['2025-01', '2025-02', '2025-03'],
			watched: null
		}
	] as const)('$name', ({ standings, shown, watched }) => {
		const plans = plansOf(standings);
		expect(months(shownMonths(series, plans, 'u'))).toEqual(shown);
		const read: string[] = [];
		const seriesOf = (unitId: string) => (read.push(unitId), series);
		expect(months(watchedSeries(plans, 'u', '2025-04', seriesOf))).toEqual(watched);
		// The figures of a unit without reasons are not even read.
		expect(read).toEqual(watched ? ['u'] : []);
	});

	it('leaves the months the plans hide out of every watched rate, turnover included', () => {
		const records = [
			figures('2025-01', 20),
			figures('2025-02', 4),
			figures('2025-03', 20, { sickDaysShort: null }),
			figures('2025-04', 20, { plannedDays: 0 })
		];
		const plans = plansOf([20, 'below-k', 20, 20]);
		const rates = (indicator: 'absenceRateShort' | 'turnoverVoluntary') =>
			monthlyRates(shownMonths(records, plans, 'u'), indicator).map((r) => r.month);
		expect(rates('absenceRateShort')).toEqual(['2025-01']);
		expect(rates('turnoverVoluntary')).toEqual(['2025-01', '2025-03', '2025-04']);
	});

	it('finds a rise only on the months the plans show, and nothing for a unit they hide', () => {
		const list = Array.from({ length: 18 }, (_, i) => formatMonth(isoMonth('2024-01') + i));
		const unit = list.map((month, i) =>
			figures(month, 20, { plannedDays: 400, sickDaysShort: i >= 14 ? 25 : 12 })
		);
		const org = list.map((month) => figures(month, 500, { plannedDays: 10_000, sickDaysShort: 300 }));
		const planned = (standing: (month: string) => Standing) => plansOf(list.map(standing), list);
		const findings = (plans: Map<string, DisclosurePlan>) => {
			const series = watchedSeries(plans, 'u', AS_OF, () => unit);
			return series ? indicatorFindings('absenceRateShort', series, org, AS_OF) : [];
		};
		expect(findings(planned(() => 20)).map((f) => [f.comparison, f.monthsAbove, f.persistent])).toEqual([
			['own-history', 4, true],
			['organisation', 4, true]
		]);
		// No month of the unit shown (as with k = 21 for its 20 people): nothing to find.
		expect(findings(planned(() => 'below-k'))).toEqual([]);
		// Shown until May, hidden in June: a unit has reasons only when the last month shows it.
		expect(findings(planned((month) => (month === AS_OF ? 'below-k' : 20)))).toEqual([]);
	});
});
