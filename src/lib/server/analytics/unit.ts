import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { disclose, planDisclosure, type Disclosed, type DisclosurePlan } from '../../domain/anonymity';
import { formatMonth } from '../../domain/signals/calendar';
import type { UnitMonthFigures } from '../../domain/signals/figures';
import { FIGURES } from '../../domain/signals/formats';
import {
	computeIndicators,
	HEALTH_INDICATORS,
	INDICATORS,
	type IndicatorId
} from '../../domain/signals/indicators';
import { isoMonth } from '../../domain/signals/parse';
import { flattenTree, subtreeIds } from '../../domain/units';
import { authorize, type Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findCurrentFigures } from '../signals/queries';
import { findUnits } from '../units/queries';
import { monthFiguresOf, ORGANISATION_ROOT, treeOf } from './common';
import {
	cellsOf,
	closedWaveResults,
	dimensionColumns,
	type DimensionColumn,
	type DimensionFigure,
	type WaveChoice
} from './service';
import { ensureWaveSummaries } from './summaries';

/**
 * One unit's results through the gate (docs/anonymity.md): its barometer figures in every closed
 * wave beside the organisation's, and its collective signals per month and over rolling twelve
 * months beside the organisation's. Every figure comes from the plan of its own wave or month over
 * the whole organisation, never from a plan made for this unit alone.
 */

/** How many closed waves the history shows, newest first. */
export const HISTORY_WAVES = 6;
/** How many months of signals the unit page shows. */
export const SIGNAL_MONTHS = 24;
/** The rolling window of the yearly figures. */
export const ROLLING_MONTHS = 12;

export interface WaveHistoryEntry {
	wave: WaveChoice;
	respondents: Disclosed<{ rate: number | null }>;
	/** Per dimension of the history's columns; null when this wave did not ask it. */
	cells: Array<Disclosed<DimensionFigure> | null>;
	organisation: Array<Disclosed<DimensionFigure> | null>;
	/** When the unit is not shown on its own: the unit whose figures include its people. */
	pooledInto: string | null;
	/** Units below this one whose people count in its figures without being shown on their own. */
	pooled: string[];
}

export type IndicatorFigures = Record<IndicatorId, Disclosed<number>>;

export interface SignalMonth {
	month: string;
	unit: IndicatorFigures;
	organisation: IndicatorFigures;
	/** The twelve months up to and including this one. */
	unitRolling: IndicatorFigures;
	organisationRolling: IndicatorFigures;
}

export interface UnitResults {
	unit: { id: string; name: string; code: string };
	history: { dimensions: DimensionColumn[]; waves: WaveHistoryEntry[] };
	/** The indicators in the order to show them, and the months oldest first. */
	signals: { k: number; indicators: readonly IndicatorId[]; months: SignalMonth[] };
}

const NO_DATA = { shown: false, reason: 'no-data' } as const;

/** Every indicator hidden for the same reason. */
function allHidden(reason: Disclosed<number> & { shown: false }): IndicatorFigures {
	return Object.fromEntries(INDICATORS.map((id) => [id, reason])) as IndicatorFigures;
}

/** Sums records (any units) per month into one series. Null stays null, as in rollUpFigures. */
function sumPerMonth(records: readonly UnitMonthFigures[], unitId: string): UnitMonthFigures[] {
	const byMonth = new Map<string, UnitMonthFigures>();
	for (const record of records) {
		const total = byMonth.get(record.month);
		if (!total) byMonth.set(record.month, { ...record, unitId });
		else
			for (const id of FIGURES) {
				const value = record[id];
				const current = total[id];
				total[id] = current === null || value === null ? null : current + value;
			}
	}
	return [...byMonth.values()];
}

/**
 * The indicators of a series over `months` (one month, or a rolling year), gated by the monthly
 * plans: a health indicator is shown only when the unit is shown in the plan of every month of
 * the range, so that no month's remainder below k hides inside a longer figure.
 */
function gatedIndicators(
	series: readonly UnitMonthFigures[],
	plans: ReadonlyMap<string, DisclosurePlan>,
	unitId: string,
	range: { from: string; to: string },
	k: number
): IndicatorFigures {
	const inRange = series.filter((f) => f.month >= range.from && f.month <= range.to);
	if (inRange.length === 0) return allHidden(NO_DATA);
	let hidden: (Disclosed<number> & { shown: false }) | null = null;
	for (let m = isoMonth(range.from); m <= isoMonth(range.to) && !hidden; m++) {
		const plan = plans.get(formatMonth(m));
		const decision = disclose(plan ?? { k, units: new Map() }, unitId, () => true);
		if (!decision.shown) hidden = { shown: false, reason: decision.reason };
	}
	const computed = computeIndicators(inRange, range, k);
	if (!hidden) return computed;
	const gated: IndicatorFigures = { ...computed };
	for (const id of HEALTH_INDICATORS) gated[id] = hidden;
	return gated;
}

export async function unitResults(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	options: { today?: string } = {}
): Promise<UnitResults> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const [units, organisation] = await Promise.all([
		findUnits(db, organisationId),
		findOrganisation(db, organisationId)
	]);
	const unit = units.find((u) => u.id === unitId);
	const scope =
		membership.role === 'manager' && membership.unitId ? subtreeIds(units, membership.unitId) : null;
	if (!unit || !organisation || (scope && !scope.has(unitId))) error(404, 'error.notFound');
	const names = new Map(units.map((u) => [u.id, u.name]));

	// The barometer: each closed wave on its own plan, with the organisation beside it.
	const closed = (await ensureWaveSummaries(db, organisationId, options.today ?? todayInBelgium())).slice(
		0,
		HISTORY_WAVES
	);
	const results = await closedWaveResults(db, organisationId, closed);
	const latest = closed[0];
	const columns = latest ? dimensionColumns(latest) : [];
	const waves = closed.map((wave, w): WaveHistoryEntry => {
		// Each wave on the unit tree it was summarised with: its names, pooling and headcounts then.
		const { result, units: waveUnits } = results[w]!;
		const waveNames = new Map(waveUnits.map((u) => [u.id, names.get(u.id) ?? u.name]));
		const headcount = flattenTree(waveUnits).find((r) => r.unit.id === unitId)?.subtreeHeadcount;
		const align = (cells: Disclosed<DimensionFigure>[]) =>
			columns.map((d) => {
				const i = result.dimensionIds.indexOf(d.id);
				return i < 0 ? null : cells[i]!;
			});
		const plan = result.respondentPlan.units.get(unitId);
		return {
			wave: { id: wave.id, name: wave.name, closesOn: wave.closes_on },
			respondents: disclose(result.respondentPlan, unitId, (n) => ({
				rate: headcount ? Math.min(1, n / headcount) : null
			})),
			cells: align(cellsOf(result, unitId)),
			organisation: align(cellsOf(result, ORGANISATION_ROOT)),
			pooledInto:
				plan && !plan.shown && plan.pooledInto
					? plan.pooledInto === ORGANISATION_ROOT
						? ORGANISATION_ROOT
						: (waveNames.get(plan.pooledInto) ?? null)
					: null,
			pooled: plan?.shown === true ? plan.pooled.map((id) => waveNames.get(id) ?? '').filter(Boolean) : []
		};
	});

	// Signals: one plan per month on that month's headcount, for the unit's subtree and the organisation.
	const k = organisation.min_group_size;
	const all = await findCurrentFigures(db, organisationId);
	const lastMonth = all.at(-1)?.month.slice(0, 7);
	const months: SignalMonth[] = [];
	if (lastMonth) {
		const last = isoMonth(lastMonth);
		const shownFrom = formatMonth(last - SIGNAL_MONTHS + 1);
		const from = formatMonth(last - SIGNAL_MONTHS - ROLLING_MONTHS + 2);
		const figures = monthFiguresOf(all.filter((m) => m.month.slice(0, 7) >= from));
		const tree = treeOf(units);
		const ownByMonth = new Map<string, Map<string, number>>();
		for (const f of figures) {
			let own = ownByMonth.get(f.month);
			if (!own) ownByMonth.set(f.month, (own = new Map()));
			own.set(f.unitId, f.headcount ?? 0);
		}
		const plans = new Map<string, DisclosurePlan>();
		for (const [month, own] of ownByMonth)
			plans.set(
				month,
				planDisclosure(
					tree.map((u) => ({ ...u, ownCount: own.get(u.id) ?? 0 })),
					k
				)
			);
		const inSubtree = subtreeIds(units, unitId);
		const unitSeries = sumPerMonth(
			figures.filter((f) => inSubtree.has(f.unitId)),
			unitId
		);
		const organisationSeries = sumPerMonth(figures, ORGANISATION_ROOT);
		for (let m = isoMonth(shownFrom); m <= last; m++) {
			const month = formatMonth(m);
			const single = { from: month, to: month };
			const rolling = { from: formatMonth(m - ROLLING_MONTHS + 1), to: month };
			months.push({
				month,
				unit: gatedIndicators(unitSeries, plans, unitId, single, k),
				organisation: gatedIndicators(organisationSeries, plans, ORGANISATION_ROOT, single, k),
				unitRolling: gatedIndicators(unitSeries, plans, unitId, rolling, k),
				organisationRolling: gatedIndicators(organisationSeries, plans, ORGANISATION_ROOT, rolling, k)
			});
		}
	}

	return {
		unit: { id: unit.id, name: unit.name, code: unit.code },
		history: {
			dimensions: columns,
			waves
		},
		signals: { k, indicators: INDICATORS, months: months.filter((m) => hasAny(m)) }
	};
}

/** Months before the first figures are left out rather than shown as a row of "no data". */
function hasAny(month: SignalMonth): boolean {
	return INDICATORS.some((id) => month.unit[id].shown || month.organisation[id].shown);
}
