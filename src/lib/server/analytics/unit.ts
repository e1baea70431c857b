import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { suppressed, type Disclosed, type DisclosurePlan } from '../../domain/anonymity';
import { formatMonth } from '../../domain/signals/calendar';
import { FIGURES } from '../../domain/signals/formats';
import { RATE_INDICATOR_IDS, rateTimeline, type Timeline } from '../../domain/early-warning';
import {
	gatedIndicators,
	shownMonths,
	watchedSeries,
	type IndicatorFigures
} from '../../domain/signals/gate';
import { INDICATORS, type IndicatorId } from '../../domain/signals/indicators';
import { isoMonth } from '../../domain/signals/parse';
import { distinctNames, flattenTree } from '../../domain/units';
import { pooledNames, respondentRate } from '../../domain/wave-results';
import { authorize, scopeOf, type Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findUnits } from '../units/queries';
import { ResultCache } from './cache';
import { ORGANISATION_ROOT } from './common';
import { readInputVersions } from './inputs';
import { figureSeries, type RolledUpFigures, type TreeIndex } from './rollup';
import { signalPlans } from './signal-plans';
import {
	cellsOf,
	closedWaveResults,
	dimensionColumns,
	overfullUnits,
	type DimensionColumn,
	type DimensionFigure,
	type WaveChoice
} from './wave-results';
import { readSignalWindow, type SignalWindow } from './signal-window';
import { ensureWaveSummaries } from './summaries';
import { readingReleased, releaseWaves } from './wave-release';

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
	/** More link answers than staff when the wave closed: its answers count nowhere (docs/anonymity.md). */
	overfull: boolean;
}

export type { IndicatorFigures };

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
	/**
	 * The indicators in the order to show them, the months oldest first, and how many months the
	 * rolling figures span (an annual rate is per year over them, per month in a single month).
	 */
	signals: { k: number; indicators: readonly IndicatorId[]; months: SignalMonth[]; rollingMonths: number };
	/**
	 * Early warning's view of the unit's watched indicators (timeline.ts), on the same gated months
	 * as the attention list; empty when the last month's plan does not show the unit.
	 */
	timelines: Timeline[];
}

/**
 * The themes of a unit's history: those of the latest wave, then each theme an earlier wave asked
 * and a later one did not (a wave run without the module keeps the work factors of the waves
 * before it), in the order the waves ask them. A wave shows "not asked" for a theme it lacks.
 */
function historyColumns(waves: ReadonlyArray<Parameters<typeof dimensionColumns>[0]>): DimensionColumn[] {
	const seen = new Set<string>();
	const columns: DimensionColumn[] = [];
	for (const wave of waves)
		for (const column of dimensionColumns(wave))
			if (!seen.has(column.id)) {
				seen.add(column.id);
				columns.push(column);
			}
	return columns;
}

/**
 * What every unit page of an organisation shares for its signals, kept per process under a key of
 * every input (the unit tree, signals and releases versions, read per request, and k): the figures
 * of the months shown and the rolling year before them, each unit's subtree totals along its
 * month's tree, and each month's plan in force (signal-plans.ts: released at its first showing).
 */
interface SignalBasis {
	window: SignalWindow;
	index: TreeIndex;
	rolled: RolledUpFigures;
	plans: Map<string, DisclosurePlan>;
	releasedAs: string | null;
}

const signalBases = new ResultCache<SignalBasis>(2);

async function signalBasis(
	db: Kysely<Database>,
	organisationId: string,
	k: number,
	today: string
): Promise<SignalBasis> {
	const versions = await readInputVersions(db, organisationId);
	const keyOf = (releases: string) =>
		[organisationId, versions.units, versions.signals, releases, k].join('|');
	// The units and releases are read after the versions, so they are at least as new as the key says.
	const basis = await signalBases.get(keyOf(versions.releases), async () => {
		const [current, window] = await Promise.all([
			findUnits(db, organisationId),
			readSignalWindow(db, organisationId, SIGNAL_MONTHS + ROLLING_MONTHS - 1, FIGURES)
		]);
		const { plans, index, rolled, releasedAs } = await signalPlans(
			db,
			organisationId,
			k,
			current,
			window,
			today
		);
		return { window, index, rolled, plans, releasedAs };
	});
	// Months released by this computation changed the releases version; the basis holds them.
	if (basis.releasedAs !== null) void signalBases.get(keyOf(basis.releasedAs), async () => basis);
	return basis;
}

export async function unitResults(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	options: { today?: string } = {}
): Promise<UnitResults> {
	return readingReleased(() => readUnitResults(db, actor, organisationId, unitId, options));
}

async function readUnitResults(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	options: { today?: string }
): Promise<UnitResults> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const [units, organisation] = await Promise.all([
		findUnits(db, organisationId),
		findOrganisation(db, organisationId)
	]);
	const unit = units.find((u) => u.id === unitId);
	if (!unit || !organisation || !scopeOf(membership, units).has(unitId)) error(404, 'error.notFound');
	const names = new Map(units.map((u) => [u.id, u.name]));

	// The barometer: each closed wave on its own plan, with the organisation beside it.
	const today = options.today ?? todayInBelgium();
	const closed = (await ensureWaveSummaries(db, organisationId, today)).slice(0, HISTORY_WAVES);
	const results = await closedWaveResults(db, organisationId, closed);
	// Shown waves are final from now on (docs/anonymity.md, "Across waves").
	await releaseWaves(db, organisationId, closed, today, async (ws) =>
		ws.map((w) => results[closed.indexOf(w)]!)
	);
	const columns = historyColumns(closed);
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
		if (overfullUnits(waveUnits).has(unitId))
			return {
				wave: { id: wave.id, name: wave.name, closesOn: wave.closes_on },
				respondents: suppressed('no-data'),
				cells: columns.map(() => suppressed('no-data')),
				organisation: align(cellsOf(result, ORGANISATION_ROOT)),
				pooledInto: null,
				pooled: [],
				overfull: true
			};
		return {
			wave: { id: wave.id, name: wave.name, closesOn: wave.closes_on },
			respondents: respondentRate(result, unitId, headcount),
			cells: align(cellsOf(result, unitId)),
			organisation: align(cellsOf(result, ORGANISATION_ROOT)),
			pooledInto:
				plan && !plan.shown && plan.pooledInto
					? plan.pooledInto === ORGANISATION_ROOT
						? ORGANISATION_ROOT
						: (waveNames.get(plan.pooledInto) ?? null)
					: null,
			pooled: pooledNames(result, unitId, waveNames, ORGANISATION_ROOT),
			overfull: false
		};
	});

	// Signals: each month on its released plan, for the unit's subtree and the organisation.
	const k = organisation.min_group_size;
	const basis = await signalBasis(db, organisationId, k, options.today ?? todayInBelgium());
	const months: SignalMonth[] = [];
	let timelines: Timeline[] = [];
	const position = basis.index.position.get(unitId);
	const lastMonth = basis.window.lastMonth;
	if (lastMonth && position !== undefined) {
		const { window, rolled, index } = basis;
		const root = index.position.get(ORGANISATION_ROOT)!;
		const unitSeries = figureSeries(rolled, position, unitId, window.months, window.figureIds);
		const organisationSeries = figureSeries(rolled, root, ORGANISATION_ROOT, window.months, window.figureIds);
		const watched = watchedSeries(basis.plans, unitId, lastMonth, () => unitSeries);
		if (watched) {
			const organisationShown = shownMonths(organisationSeries, basis.plans, ORGANISATION_ROOT);
			timelines = RATE_INDICATOR_IDS.map((id) => rateTimeline(id, watched, organisationShown, lastMonth));
		}
		const last = isoMonth(lastMonth);
		for (let m = last - SIGNAL_MONTHS + 1; m <= last; m++) {
			const month = formatMonth(m);
			const single = { from: month, to: month };
			const rolling = { from: formatMonth(m - ROLLING_MONTHS + 1), to: month };
			months.push({
				month,
				unit: gatedIndicators(unitSeries, basis.plans, unitId, single),
				organisation: gatedIndicators(organisationSeries, basis.plans, ORGANISATION_ROOT, single),
				unitRolling: gatedIndicators(unitSeries, basis.plans, unitId, rolling),
				organisationRolling: gatedIndicators(organisationSeries, basis.plans, ORGANISATION_ROOT, rolling)
			});
		}
	}

	return {
		unit: { id: unit.id, name: unit.name, code: unit.code },
		history: {
			dimensions: columns,
			waves
		},
		signals: {
			k,
			indicators: INDICATORS,
			months: months.filter((m) => hasAny(m)),
			rollingMonths: ROLLING_MONTHS
		},
		timelines
	};
}

/** Months before the first figures are left out rather than shown as a row of "no data". */
function hasAny(month: SignalMonth): boolean {
	// A month hidden whole after a correction stays, with its reason.
	const changed = (figure: Disclosed<number>) => !figure.shown && figure.reason === 'changed';
	return INDICATORS.some(
		(id) => month.unit[id].shown || month.organisation[id].shown || changed(month.organisation[id])
	);
}

/** The organisation's signals month by month, and every unit's last rolling year, for the signals view. */
export interface SignalsOverview {
	k: number;
	rollingMonths: number;
	indicators: readonly IndicatorId[];
	/** The last SIGNAL_MONTHS months, oldest first: the organisation in the month and over its rolling year. */
	organisation: Array<{ month: string; single: IndicatorFigures; rolling: IndicatorFigures }>;
	/** The units in scope in tree order, each over the rolling year that ends with the last month. */
	units: Array<{
		unitId: string;
		name: string;
		/** The name that tells it apart in a flat list (sorted by a column): with its parent where names repeat. */
		label: string;
		code: string;
		depth: number;
		rolling: IndicatorFigures;
	}>;
}

/**
 * The signals across the organisation (docs/dashboards.md, "Signals"): the organisation's monthly
 * and rolling-year figures, and each unit's rolling year (a manager: their own subtree), every one
 * through the month plans of the signals gate like the unit page's.
 */
export async function signalsOverview(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string } = {}
): Promise<SignalsOverview> {
	return readingReleased(async () => {
		const membership = authorize(actor, 'analytics.view', { organisationId });
		const [units, organisation] = await Promise.all([
			findUnits(db, organisationId),
			findOrganisation(db, organisationId)
		]);
		if (!organisation) error(404, 'error.notFound');
		const k = organisation.min_group_size;
		const basis = await signalBasis(db, organisationId, k, options.today ?? todayInBelgium());
		const scope = scopeOf(membership, units);
		const rows = flattenTree(units.filter((u) => scope.has(u.id)));
		const labels = distinctNames(units);
		const lastMonth = basis.window.lastMonth;
		const noData = () =>
			Object.fromEntries(INDICATORS.map((id) => [id, suppressed('no-data')])) as IndicatorFigures;
		if (!lastMonth)
			return {
				k,
				rollingMonths: ROLLING_MONTHS,
				indicators: INDICATORS,
				organisation: [],
				units: rows.map((r) => ({
					unitId: r.unit.id,
					name: r.unit.name,
					label: labels.get(r.unit.id) ?? r.unit.name,
					code: r.unit.code,
					depth: r.depth,
					rolling: noData()
				}))
			};
		const { window, rolled, index } = basis;
		const seriesOf = (unitId: string, position: number) =>
			figureSeries(rolled, position, unitId, window.months, window.figureIds);
		const root = index.position.get(ORGANISATION_ROOT)!;
		const organisationSeries = seriesOf(ORGANISATION_ROOT, root);
		const last = isoMonth(lastMonth);
		const rollingTo = (m: number) => ({ from: formatMonth(m - ROLLING_MONTHS + 1), to: formatMonth(m) });
		const months: SignalsOverview['organisation'] = [];
		for (let m = last - SIGNAL_MONTHS + 1; m <= last; m++) {
			const month = formatMonth(m);
			months.push({
				month,
				single: gatedIndicators(organisationSeries, basis.plans, ORGANISATION_ROOT, {
					from: month,
					to: month
				}),
				rolling: gatedIndicators(organisationSeries, basis.plans, ORGANISATION_ROOT, rollingTo(m))
			});
		}
		return {
			k,
			rollingMonths: ROLLING_MONTHS,
			indicators: INDICATORS,
			organisation: months.filter((m) => INDICATORS.some((id) => m.single[id].shown || m.rolling[id].shown)),
			units: rows.map((r) => {
				const position = index.position.get(r.unit.id);
				return {
					unitId: r.unit.id,
					name: r.unit.name,
					label: labels.get(r.unit.id) ?? r.unit.name,
					code: r.unit.code,
					depth: r.depth,
					rolling:
						position === undefined
							? noData()
							: gatedIndicators(seriesOf(r.unit.id, position), basis.plans, r.unit.id, rollingTo(last))
				};
			})
		};
	});
}
