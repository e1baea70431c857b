import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import {
	disclose,
	planDimensions,
	planDisclosure,
	suppressed,
	type CountedUnit,
	type Disclosed,
	type DisclosurePlan
} from '../../domain/anonymity';
import {
	dimensionFindings,
	monthlyRates,
	rankUnits,
	RATE_INDICATOR_IDS,
	RATE_INDICATORS,
	rateFindings,
	rateSignal,
	type Finding,
	type MonthlyRate,
	type ShownDimension,
	type WarningMessage
} from '../../domain/early-warning';
import type { FigureId } from '../../domain/signals/formats';
import { flattenTree, type TreeRow, type UnitNode } from '../../domain/units';
import { dimensionStats, rollUpSummaries, type UnitSummary } from '../../domain/wave-results';
import { dimensionsOf } from '../../instruments';
import type { InstrumentDefinition, Localised } from '../../instruments/types';
import { authorize, scopeOf, type Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findUnits, type UnitRecord } from '../units/queries';
import { ResultCache } from './cache';
import { ORGANISATION_ROOT, treeOf } from './common';
import { readInputVersions, type InputVersions } from './inputs';
import { byUnitId, FIELDS, type SummaryColumns } from './packs';
import { figureSeries, indexTree, rollUpColumns, type TreeIndex } from './rollup';
import { signalPlans, type SignalPlans } from './signal-plans';
import { readSignalWindow, type SignalWindow } from './signal-window';
import { ensureWaveSummaries, findWaveTrees, readWaveColumns } from './summaries';
import { readingReleased, releaseWaves } from './wave-release';

/**
 * The analytics gate: the only way from responses (through their summaries) to anything a screen,
 * export or endpoint shows. Every figure it returns is a `Disclosed` value: shown with its n, or
 * suppressed with a reason and no number. Routes and components import only the types below.
 */

export { ORGANISATION_ROOT };

export interface DimensionFigure {
	mean: number;
	/** Shares of the people scored (0–1). */
	green: number;
	orange: number;
	red: number;
}

export interface DimensionColumn {
	id: string;
	name: Localised;
	riskWhen: 'high' | 'low';
	sensitive: boolean;
	/** Barometer dimension, or work factor of the module. */
	group: 'barometer' | 'work-factor';
}

export interface HeatmapRow {
	unitId: string;
	name: string;
	code: string;
	depth: number;
	/** Respondents, with the response rate against the subtree's headcount when known. */
	respondents: Disclosed<{ rate: number | null }>;
	cells: Disclosed<DimensionFigure>[];
	/** The same unit in the previous wave, per dimension. */
	previous: Disclosed<DimensionFigure>[] | null;
	/** Units hidden on their own whose people count in this row. */
	pooled: string[];
	/**
	 * More link answers than staff when the wave closed (docs/anonymity.md, "Link waves"): its
	 * answers count nowhere and the row shows nothing of its own.
	 */
	overfull: boolean;
}

export interface WaveChoice {
	id: string;
	name: string;
	closesOn: string;
}

export interface Heatmap {
	waves: WaveChoice[];
	wave: (WaveChoice & { k: number; sensitiveK: number }) | null;
	previousWave: WaveChoice | null;
	dimensions: DimensionColumn[];
	organisation: HeatmapRow | null;
	rows: HeatmapRow[];
}

export interface WaveResult {
	plans: DisclosurePlan[];
	respondentPlan: DisclosurePlan;
	totals: ReturnType<typeof rollUpSummaries>;
	dimensionIds: string[];
}

/**
 * Plans and totals of one wave. Each dimension is planned on the people who have a score on it;
 * dimensions scored by the same people share one plan. A sensitive dimension is planned with the
 * wave's higher minimum on top of the ordinary plan.
 */
function resultOf(
	units: ReadonlyArray<{ id: string; parentId: string | null }>,
	summaries: readonly UnitSummary[],
	definition: InstrumentDefinition,
	includeModule: boolean,
	k: number,
	sensitiveK: number
): WaveResult {
	const dimensions = dimensionsOf(definition, includeModule);
	const tree = treeOf(units);
	const bySummary = new Map(summaries.map((s) => [s.unitId, s]));
	const countArrays = new Map<string, CountedUnit[]>();
	const countsFor = (own: (s: UnitSummary) => number): CountedUnit[] => {
		const counted = tree.map((u) => {
			const s = bySummary.get(u.id);
			return { id: u.id, parentId: u.parentId, ownCount: s ? own(s) : 0 };
		});
		const key = counted.map((c) => c.ownCount).join(',');
		let shared = countArrays.get(key);
		if (!shared) countArrays.set(key, (shared = counted));
		return shared;
	};
	const respondents = countsFor((s) => s.respondents);
	const ids = dimensions.map((d) => d.id);
	const byDimension = new Map(ids.map((id, i) => [id, countsFor((s) => s.scored[i] ?? 0)]));
	const plans = planDimensions(ids, (id) => byDimension.get(id)!, {
		k,
		sensitiveK,
		sensitive: new Set(dimensions.filter((d) => d.sensitive).map((d) => d.id))
	});
	return {
		plans: ids.map((id) => plans.get(id)!),
		respondentPlan: planDisclosure(respondents, k),
		// In the order of the packs, so that every path adds the same numbers in the same order.
		totals: rollUpSummaries(tree, [...summaries].sort(byUnitId), ids.length),
		dimensionIds: ids
	};
}

/**
 * A closed wave's plans and totals from its summaries (also what the benchmark's naive scan uses),
 * on the unit tree the wave was summarised with; `units` (the tree of now) only for a wave that
 * has none.
 */
export function planWave(
	units: readonly UnitNode[],
	summaries: readonly UnitSummary[],
	wave: {
		definition: unknown;
		include_module: boolean;
		min_group_size: number;
		sensitive_min_group_size: number;
		summary_tree?: readonly UnitNode[] | null;
	}
): WaveResult {
	return resultOf(
		wave.summary_tree ?? units,
		summaries,
		wave.definition as InstrumentDefinition,
		wave.include_module,
		wave.min_group_size,
		wave.sensitive_min_group_size
	);
}

/** The columns of a wave's results: its barometer dimensions, then the work factors of its module. */
export function dimensionColumns(wave: { definition: unknown; include_module: boolean }): DimensionColumn[] {
	const definition = wave.definition as InstrumentDefinition;
	const moduleIds = new Set(definition.module?.dimensions.map((d) => d.id) ?? []);
	return dimensionsOf(definition, wave.include_module).map((d) => ({
		id: d.id,
		name: d.name,
		riskWhen: d.bands.riskWhen,
		sensitive: d.sensitive,
		group: moduleIds.has(d.id) ? 'work-factor' : 'barometer'
	}));
}

/** The cells of one unit (or the organisation) through the wave's plans. */
export function cellsOf(result: WaveResult, unitId: string): Disclosed<DimensionFigure>[] {
	const totals = result.totals.get(unitId);
	return result.plans.map((plan, d) =>
		disclose(plan, unitId, () => {
			const stats = totals ? dimensionStats(totals, d) : null;
			return stats && { mean: stats.mean, green: stats.green, orange: stats.orange, red: stats.red };
		})
	);
}

// ---- Fast path: results kept per process, keyed on everything they are computed from ----------

/** A closed wave as ensureWaveSummaries lists it. */
type ClosedWave = Awaited<ReturnType<typeof ensureWaveSummaries>>[number];

/**
 * What the results of a request are computed from, read once per request and only when a result
 * is not kept: the units after the input versions, so they are at least as new as the versions.
 */
class RequestInputs {
	#units: Promise<{ units: UnitRecord[]; tree: ReturnType<typeof treeOf>; index: TreeIndex }> | null = null;

	constructor(
		readonly db: Kysely<Database>,
		readonly organisationId: string,
		readonly versions: InputVersions
	) {}

	units() {
		this.#units ??= findUnits(this.db, this.organisationId).then((units) => {
			const tree = treeOf(units);
			return { units, tree, index: indexTree(tree) };
		});
		return this.#units;
	}
}

/**
 * The unit tree a wave's figures are planned on: the one it was summarised with (docs/anonymity.md:
 * a closed wave is frozen with its tree), or the tree of now for a wave that has none.
 */
async function waveTree(
	inputs: RequestInputs,
	wave: ClosedWave
): Promise<{ units: readonly UnitNode[]; tree: ReturnType<typeof treeOf>; index: TreeIndex }> {
	const own = (await findWaveTrees(inputs.db, inputs.organisationId, [wave.id])).get(wave.id);
	if (!own) return inputs.units();
	const tree = treeOf(own);
	return { units: own, tree, index: indexTree(tree) };
}

/** Every input of a wave's result: the wave as summarised, its k, its dimensions and the unit tree. */
function waveKey(wave: ClosedWave, versions: InputVersions): string {
	const summarised = wave.summarised_at ? new Date(wave.summarised_at).getTime() : 'none';
	return [
		wave.id,
		summarised,
		wave.min_group_size,
		wave.sensitive_min_group_size,
		wave.include_module,
		dimensionsOf(wave.definition as InstrumentDefinition, wave.include_module)
			.map((d) => `${d.id}:${d.sensitive}`)
			.join(','),
		// A wave's own tree comes with its summarised_at; only a wave without one follows the units.
		wave.summarised_at ? 'own tree' : `units ${versions.units}`
	].join('|');
}

const waveResults = new ResultCache<WaveResult>(8);

/**
 * The results of closed waves (resultOf, over the summary packs of packs.ts with the roll-up on
 * arrays of rollup.ts), each kept under its wave's key; the packs of those not kept are read in
 * one query.
 */
function waveResultsOf(inputs: RequestInputs, waves: readonly ClosedWave[]): Promise<WaveResult[]> {
	const keys = waves.map((w) => `${inputs.organisationId}|${waveKey(w, inputs.versions)}`);
	const missing = waves.filter((_, i) => !waveResults.has(keys[i]!));
	let packs: Promise<Map<string, SummaryColumns>> | null = null;
	const columnsOf = async (wave: ClosedWave) => {
		packs ??= readWaveColumns(
			inputs.db,
			inputs.organisationId,
			missing.map((w) => ({
				id: w.id,
				summarised_at: w.summarised_at,
				dimensions: dimensionsOf(w.definition as InstrumentDefinition, w.include_module).length
			}))
		);
		return (await packs).get(wave.id)!;
	};
	return Promise.all(
		waves.map((wave, w) =>
			waveResults.get(keys[w]!, async () => {
				const [{ tree, index }, columns] = await Promise.all([waveTree(inputs, wave), columnsOf(wave)]);
				return resultOfColumns(tree, index, columns, wave);
			})
		)
	);
}

/**
 * The results of closed waves (as ensureWaveSummaries lists them), through the same kept results
 * as the heatmap: what a unit's page shows of a wave is what the heatmap shows of it.
 */
export async function closedWaveResults(
	db: Kysely<Database>,
	organisationId: string,
	waves: readonly ClosedWave[]
): Promise<Array<{ result: WaveResult; units: readonly UnitNode[] }>> {
	const inputs = new RequestInputs(db, organisationId, await readInputVersions(db, organisationId));
	const [results, trees] = await Promise.all([
		waveResultsOf(inputs, waves),
		Promise.all(waves.map((w) => waveTree(inputs, w)))
	]);
	return results.map((result, i) => ({ result, units: trees[i]!.units }));
}

/**
 * A closed wave's participation per unit (docs/anonymity.md, "Participation"): the respondents of
 * each unit (with its sub-units) and the response rate against the headcount then, through the
 * wave's plan, exactly as the heatmap shows them; a unit the plan hides shows its reason and no
 * number. Showing it releases the wave. Null for a wave that still takes answers.
 */
export async function waveParticipation(
	db: Kysely<Database>,
	organisationId: string,
	waveId: string,
	today: string
): Promise<{ units: Map<string, Disclosed<{ rate: number | null }>>; overfull: Set<string> } | null> {
	return readingReleased(async () => {
		const wave = (await ensureWaveSummaries(db, organisationId, today)).find((w) => w.id === waveId);
		if (!wave) return null;
		const { result, units } = (await closedWaveResults(db, organisationId, [wave]))[0]!;
		await releaseWaves(db, organisationId, [wave], today, async () => [{ result, units }]);
		const headcounts = new Map(
			flattenTree(units).map((r) => [r.unit.id, r.subtreeHeadcount as number | undefined])
		);
		const overfull = overfullUnits(units);
		const figures = new Map(
			[ORGANISATION_ROOT, ...units.map((u) => u.id)].map((id) => {
				const headcount = id === ORGANISATION_ROOT ? undefined : headcounts.get(id);
				const figure = overfull.has(id)
					? suppressed('no-data')
					: disclose(result.respondentPlan, id, (n) => ({
							rate: headcount ? Math.min(1, n / headcount) : null
						}));
				return [id, figure] as const;
			})
		);
		return { units: figures, overfull };
	});
}

/** The units of a wave's tree that had more link answers than staff when it closed (summariseWave). */
export function overfullUnits(units: readonly UnitNode[]): Set<string> {
	return new Set(
		units.filter((u) => (u as UnitNode & { overfull?: boolean }).overfull === true).map((u) => u.id)
	);
}

/** The row of a unit left out of its wave's figures: nothing of its own, with that as the reason. */
function overfullRow(
	unitId: string,
	name: string,
	code: string,
	depth: number,
	dimensions: number,
	previous: WaveResult | null
): HeatmapRow {
	return {
		unitId,
		name,
		code,
		depth,
		respondents: suppressed('no-data'),
		cells: Array.from({ length: dimensions }, () => suppressed('no-data')),
		previous: previous ? previous.plans.map(() => suppressed('no-data')) : null,
		pooled: [],
		overfull: true
	};
}

/** resultOf, from a wave's summary columns. */
function resultOfColumns(
	tree: ReturnType<typeof treeOf>,
	index: TreeIndex,
	columns: SummaryColumns,
	wave: ClosedWave
): WaveResult {
	const dimensions = dimensionsOf(wave.definition as InstrumentDefinition, wave.include_module);
	const D = dimensions.length;
	const rolled = rollUpColumns(index, columns, D);
	// One array of counted units per distinct column of own counts, as resultOf shares them.
	const distinct: Array<{ own: Float64Array; counted: CountedUnit[] }> = [];
	const same = (a: Float64Array, b: Float64Array) => {
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
		return true;
	};
	const countsFor = (own: Float64Array): CountedUnit[] => {
		const kept = distinct.find((c) => same(c.own, own));
		if (kept) return kept.counted;
		const counted = tree.map((u, i) => ({ id: u.id, parentId: u.parentId, ownCount: own[i]! }));
		distinct.push({ own, counted });
		return counted;
	};
	const respondents = countsFor(rolled.ownRespondents);
	const ids = dimensions.map((d) => d.id);
	const scored = (d: number) => {
		const own = new Float64Array(tree.length);
		for (let i = 0; i < own.length; i++) own[i] = rolled.own[(i * D + d) * FIELDS]!;
		return own;
	};
	const byDimension = new Map(ids.map((id, d) => [id, countsFor(scored(d))]));
	const plans = planDimensions(ids, (id) => byDimension.get(id)!, {
		k: wave.min_group_size,
		sensitiveK: wave.sensitive_min_group_size,
		sensitive: new Set(dimensions.filter((d) => d.sensitive).map((d) => d.id))
	});
	return {
		plans: ids.map((id) => plans.get(id)!),
		respondentPlan: planDisclosure(respondents, wave.min_group_size),
		totals: rolled.totals,
		dimensionIds: ids
	};
}

/**
 * Freezes what a kept result shares with every caller, one level deep for each element (a row and
 * its lists of cells, an item and its reasons): a caller that changes a row by mistake gets an
 * error instead of changing the next request's result. (Freezing every cell object too would
 * cost about as much as computing them.)
 */
function freezeEach<T extends object>(items: readonly T[]): readonly T[] {
	for (const item of items) {
		for (const inner of Object.values(item)) if (Array.isArray(inner)) Object.freeze(inner);
		Object.freeze(item);
	}
	return Object.freeze(items);
}

/** Forgets every result kept in this process (the next request computes afresh). */
export function forgetAnalyticsResults(): void {
	ResultCache.forgetAll();
}

// ---- The heatmap -------------------------------------------------------------------------------

/** The heatmap's rows for every unit, before the actor's scope is applied. */
interface HeatmapSnapshot {
	units: readonly UnitRecord[];
	organisation: HeatmapRow;
	rows: readonly HeatmapRow[];
}

const heatmaps = new ResultCache<HeatmapSnapshot>(4);

/**
 * The heatmap of a closed wave: for every unit the actor may see (a manager: their own subtree)
 * and for the organisation, each dimension's mean and band shares, with the previous wave beside
 * it. Only closed waves have results (docs/anonymity.md: no live figures during a wave).
 *
 * The rows of all units are kept in process memory under a key made of every input (the waves as
 * summarised with their k, the version of the unit tree), read per request; see docs/architecture.md.
 */
export async function heatmap(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { waveId?: string | null; today?: string } = {}
): Promise<Heatmap> {
	return readingReleased(() => readHeatmap(db, actor, organisationId, options));
}

async function readHeatmap(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { waveId?: string | null; today?: string }
): Promise<Heatmap> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const today = options.today ?? todayInBelgium();
	const [closed, versions] = await Promise.all([
		ensureWaveSummaries(db, organisationId, today),
		readInputVersions(db, organisationId)
	]);
	const waves = closed.map((w) => ({ id: w.id, name: w.name, closesOn: w.closes_on }));
	const index = options.waveId ? closed.findIndex((w) => w.id === options.waveId) : 0;
	if (index < 0) error(404, 'error.notFound');
	const wave = closed[index];
	if (!wave) return { waves, wave: null, previousWave: null, dimensions: [], organisation: null, rows: [] };
	// The previous wave counts only when it asked the same dimensions.
	const definition = wave.definition as InstrumentDefinition;
	const dimensions = dimensionsOf(definition, wave.include_module);
	const previousWave = closed.slice(index + 1).find(
		(w) =>
			dimensionsOf(w.definition as InstrumentDefinition, w.include_module)
				.map((d) => d.id)
				.join() === dimensions.map((d) => d.id).join()
	);

	const inputs = new RequestInputs(db, organisationId, versions);
	const key = [
		organisationId,
		waveKey(wave, versions),
		previousWave ? waveKey(previousWave, versions) : '-',
		// The names of now, and a manager's subtree of now.
		`units ${versions.units}`
	].join('#');
	const snapshot = await heatmaps.get(key, async () => {
		const [{ units }, own, results] = await Promise.all([
			inputs.units(),
			waveTree(inputs, wave),
			waveResultsOf(inputs, previousWave ? [wave, previousWave] : [wave])
		]);
		const current = results[0]!;
		const previous = results[1] ?? null;
		// The rows are the wave's own tree, with the names units have now and its headcounts then.
		const now = new Map(units.map((u) => [u.id, u]));
		const flat = flattenTree(
			own.units.map((u) => {
				const today = now.get(u.id);
				return today ? { ...u, name: today.name, code: today.code } : u;
			})
		);
		const headcounts = new Map(flat.map((r) => [r.unit.id, r.subtreeHeadcount as number | undefined]));
		const names = new Map(flat.map((r) => [r.unit.id, r.unit.name]));
		const overfull = overfullUnits(own.units);
		const rowOf = (unitId: string, name: string, code: string, depth: number): HeatmapRow => {
			const plan = current.respondentPlan.units.get(unitId);
			const headcount = headcounts.get(unitId);
			if (overfull.has(unitId)) return overfullRow(unitId, name, code, depth, current.plans.length, previous);
			return {
				unitId,
				name,
				code,
				depth,
				respondents: disclose(current.respondentPlan, unitId, (n) => ({
					rate: headcount ? Math.min(1, n / headcount) : null
				})),
				cells: cellsOf(current, unitId),
				previous: previous ? cellsOf(previous, unitId) : null,
				pooled: plan?.shown
					? plan.pooled
							.filter((id) => id !== ORGANISATION_ROOT)
							.map((id) => names.get(id) ?? '')
							.filter(Boolean)
					: [],
				overfull: false
			};
		};
		const [organisation, ...rows] = freezeEach([
			rowOf(ORGANISATION_ROOT, '', '', 0),
			...flat.map((r) => rowOf(r.unit.id, r.unit.name, r.unit.code, r.depth))
		]);
		return { units: freezeEach(units), organisation: organisation!, rows: Object.freeze(rows) };
	});

	// Shown waves are final from now on (docs/anonymity.md, "Across waves").
	await releaseWaves(db, organisationId, previousWave ? [wave, previousWave] : [wave], today, (ws) =>
		closedWaveResults(db, organisationId, ws)
	);
	const scope = scopeOf(membership, snapshot.units);
	return {
		waves,
		wave: {
			id: wave.id,
			name: wave.name,
			closesOn: wave.closes_on,
			k: wave.min_group_size,
			sensitiveK: wave.sensitive_min_group_size
		},
		previousWave: previousWave
			? { id: previousWave.id, name: previousWave.name, closesOn: previousWave.closes_on }
			: null,
		dimensions: dimensionColumns(wave),
		organisation: snapshot.organisation,
		rows: snapshot.rows.filter((r) => scope.has(r.unitId))
	};
}

// ---- The attention list ------------------------------------------------------------------------

export interface AttentionItem {
	rank: number;
	unitId: string;
	name: string;
	code: string;
	/** The sum of the reasons' points, shown with the reasons. */
	score: number;
	reasons: Array<{ points: number; persistent: boolean; message: WarningMessage }>;
}

export interface AttentionList {
	/** The wave the survey reasons are about, and the last month of signals looked at. */
	wave: WaveChoice | null;
	month: string | null;
	/** Names of the dimensions the reasons mention, per language. */
	dimensionNames: Record<string, Localised>;
	items: AttentionItem[];
}

/** How many waves (the latest and those before it) and months of signals are looked at. */
const ATTENTION_WAVES = 3;
const ATTENTION_MONTHS = 24;

/** The figures the watched rates are made of, the headcount and the people the months are planned on. */
export const RATE_FIGURES: readonly FigureId[] = [
	...new Set<FigureId>([
		'headcount',
		'people',
		...RATE_INDICATOR_IDS.flatMap((id) => [...RATE_INDICATORS[id].numerator, RATE_INDICATORS[id].denominator])
	])
];

/** The attention list of all units, ranked, before the actor's scope is applied. */
interface AttentionSnapshot {
	units: readonly UnitRecord[];
	month: string | null;
	dimensionNames: Record<string, Localised>;
	/** Most attention first; `rank` is given per request, within the actor's scope. */
	items: ReadonlyArray<Omit<AttentionItem, 'rank'>>;
}

const attentions = new ResultCache<AttentionSnapshot>(4);

/** The closed waves the attention list compares: the latest and those before it that asked the same. */
function attentionWaves(closed: readonly ClosedWave[]): ClosedWave[] {
	const latest = closed[0];
	if (!latest) return [];
	const key = (w: ClosedWave) =>
		dimensionsOf(w.definition as InstrumentDefinition, w.include_module)
			.map((d) => d.id)
			.join();
	return closed
		.filter((w) => key(w) === key(latest))
		.slice(0, ATTENTION_WAVES)
		.reverse();
}

/** The survey reasons: each unit's dimensions in the latest waves, through each wave's plans. */
function surveyFindings(
	visible: readonly TreeRow<UnitRecord>[],
	waves: readonly ClosedWave[],
	results: readonly WaveResult[],
	add: (unitId: string, found: readonly Finding[]) => void
): Record<string, Localised> {
	const dimensionNames: Record<string, Localised> = {};
	const latest = waves.at(-1);
	if (!latest) return dimensionNames;
	const dimensions = dimensionsOf(latest.definition as InstrumentDefinition, latest.include_module);
	const shownDimension = (result: WaveResult, unitId: string, d: number): ShownDimension | null => {
		const totals = result.totals.get(unitId);
		const figure = disclose(result.plans[d]!, unitId, () => (totals ? dimensionStats(totals, d) : null));
		return figure.shown
			? {
					shown: true,
					n: figure.n,
					mean: figure.value.mean,
					sd: figure.value.sd,
					shareOrangeRed: figure.value.orange + figure.value.red
				}
			: null;
	};
	for (const d of dimensions) dimensionNames[d.id] = d.name;
	const organisation = dimensions.map((_, d) =>
		results.map((result) => shownDimension(result, ORGANISATION_ROOT, d))
	);
	const last = results.length - 1;
	for (const row of visible) {
		for (const [d, dimension] of dimensions.entries()) {
			// Nothing to find without a shown figure in the latest wave (dimensionFindings returns []).
			const current = shownDimension(results[last]!, row.unit.id, d);
			if (!current) continue;
			const series = waves.map((w, i) => ({
				wave: w.name,
				unit: i === last ? current : shownDimension(results[i]!, row.unit.id, d),
				organisation: organisation[d]![i]!
			}));
			add(row.unit.id, dimensionFindings({ id: dimension.id, riskWhen: dimension.bands.riskWhen }, series));
		}
	}
	return dimensionNames;
}

/**
 * The signal reasons: the last months of figures, each unit's subtree along its month's tree, each
 * month through its plan in force (signal-plans.ts): a month counts in a unit's series only when
 * its plan shows the unit, and a unit has reasons only when the last month's plan shows it.
 * What indicatorFindings does per unit, with the organisation's rates computed once.
 */
function signalFindings(
	window: SignalWindow,
	{ plans, index, rolled }: SignalPlans,
	visible: readonly TreeRow<UnitRecord>[],
	add: (unitId: string, found: readonly Finding[]) => void
): string | null {
	const lastMonth = window.lastMonth;
	if (!lastMonth) return null;
	const { figureIds } = window;
	const lastPlan = plans.get(lastMonth);
	// The plans gate every month, so monthlyRates is not asked to gate on headcount as well.
	const seriesOf = (unitId: string) =>
		figureSeries(rolled, index.position.get(unitId)!, unitId, window.months, figureIds).filter(
			(f) => plans.get(f.month)?.units.get(unitId)?.shown === true
		);
	const organisationSeries = seriesOf(ORGANISATION_ROOT);
	const organisationRates = new Map<string, MonthlyRate[]>(
		RATE_INDICATOR_IDS.map((indicator) => [indicator, monthlyRates(organisationSeries, indicator, 1)])
	);
	for (const row of visible) {
		if (!lastPlan?.units.get(row.unit.id)?.shown) continue;
		const series = seriesOf(row.unit.id);
		for (const indicator of RATE_INDICATOR_IDS) {
			const signal = rateSignal(
				monthlyRates(series, indicator, 1),
				organisationRates.get(indicator)!,
				RATE_INDICATORS[indicator].model,
				lastMonth
			);
			add(row.unit.id, rateFindings(indicator, signal));
		}
	}
	return lastMonth;
}

/**
 * Units that need attention, ranked (docs/early-warning.md): survey dimensions worse than the
 * previous wave or the organisation, and signal rates out of line with the unit's own history or
 * the organisation. Only figures that passed the anonymity gate enter; every reason is returned
 * with its points and numbers, and the score is nothing but their sum.
 *
 * The ranked list of all units is kept in process memory under a key made of every input (the
 * waves as summarised with their k, the versions of the unit tree and of the signals, the
 * organisation's k), read per request; a manager's list is that list within their subtree.
 */
export async function attentionList(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string } = {}
): Promise<AttentionList> {
	return readingReleased(() => readAttentionList(db, actor, organisationId, options));
}

async function readAttentionList(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string }
): Promise<AttentionList> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const today = options.today ?? todayInBelgium();
	const [closed, organisation, versions] = await Promise.all([
		ensureWaveSummaries(db, organisationId, today),
		findOrganisation(db, organisationId),
		readInputVersions(db, organisationId)
	]);
	if (!organisation) error(404, 'error.notFound');
	const k = organisation.min_group_size;
	const waves = attentionWaves(closed);
	const inputs = new RequestInputs(db, organisationId, versions);
	const keyOf = (releases: string) =>
		[
			organisationId,
			...waves.map((w) => waveKey(w, versions)),
			// Months of signals not released yet are planned on the tree of now.
			`units ${versions.units}`,
			`signals ${versions.signals}`,
			`releases ${releases}`,
			`k ${k}`
		].join('#');

	let releasedAs: string | null = null;
	const snapshot = await attentions.get(keyOf(versions.releases), async () => {
		// The signals are read while the waves are planned.
		const signals = readSignalWindow(db, organisationId, ATTENTION_MONTHS, RATE_FIGURES);
		signals.catch(() => {});
		const [{ units }, results] = await Promise.all([inputs.units(), waveResultsOf(inputs, waves)]);
		const visible = flattenTree(units);
		const findings = new Map<string, Finding[]>();
		const add = (unitId: string, found: readonly Finding[]) => {
			if (!found.length) return;
			const list = findings.get(unitId);
			if (list) list.push(...found);
			else findings.set(unitId, [...found]);
		};
		const dimensionNames = surveyFindings(visible, waves, results, add);
		const window = await signals;
		const plans = await signalPlans(db, organisationId, k, units, window, today);
		releasedAs = plans.releasedAs;
		const month = signalFindings(window, plans, visible, add);
		const byId = new Map(units.map((u) => [u.id, u]));
		const items = rankUnits([...findings].map(([unitId, found]) => ({ unitId, findings: found }))).map(
			(entry) => ({
				unitId: entry.unitId,
				name: byId.get(entry.unitId)?.name ?? '',
				code: byId.get(entry.unitId)?.code ?? '',
				score: entry.score,
				reasons: entry.reasons.map((r) => ({
					points: r.points,
					persistent: r.persistent,
					message: r.message
				}))
			})
		);
		return {
			units: freezeEach(units),
			month,
			dimensionNames: Object.freeze(dimensionNames),
			items: freezeEach(items)
		};
	});

	// Months released by this computation changed the releases version; the snapshot holds them.
	if (releasedAs !== null) void attentions.get(keyOf(releasedAs), async () => snapshot);
	// The waves the reasons compare are shown through them: final from now on.
	await releaseWaves(db, organisationId, waves, today, (ws) => closedWaveResults(db, organisationId, ws));
	// Ranks are a total order (rankUnits breaks ties by unit id), so the ranking of a subtree is
	// the ranking of all units with the others left out.
	const scope = scopeOf(membership, snapshot.units);
	const latest = closed[0];
	return {
		wave: latest ? { id: latest.id, name: latest.name, closesOn: latest.closes_on } : null,
		month: snapshot.month,
		dimensionNames: snapshot.dimensionNames,
		items: snapshot.items
			.filter((item) => scope.has(item.unitId))
			.map((item, i) => ({ rank: i + 1, ...item }))
	};
}
