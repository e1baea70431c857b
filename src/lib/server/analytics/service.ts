import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import {
	disclose,
	planDimensions,
	planDisclosure,
	type CountedUnit,
	type Disclosed,
	type DisclosurePlan
} from '../../domain/anonymity';
import {
	dimensionFindings,
	indicatorFindings,
	rankUnits,
	RATE_INDICATOR_IDS,
	type Finding,
	type ShownDimension,
	type WarningMessage
} from '../../domain/early-warning';
import { formatMonth } from '../../domain/signals/calendar';
import type { UnitMonthFigures } from '../../domain/signals/figures';
import { rollUpFigures } from '../../domain/signals/indicators';
import { isoMonth } from '../../domain/signals/parse';
import { flattenTree, subtreeIds } from '../../domain/units';
import { dimensionStats, rollUpSummaries, type UnitSummary } from '../../domain/wave-results';
import { dimensionsOf } from '../../instruments';
import type { InstrumentDefinition, Localised } from '../../instruments/types';
import { authorize, type Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import { findCurrentFigures } from '../signals/queries';
import { findUnits, type UnitRecord } from '../units/queries';
import { monthFiguresOf, ORGANISATION_ROOT, toSummary, treeOf } from './common';
import { ensureWaveSummaries, findWaveSummaries } from './summaries';

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
	units: readonly UnitRecord[],
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
		totals: rollUpSummaries(tree, summaries, ids.length),
		dimensionIds: ids
	};
}

/** A closed wave's plans and totals from its summaries (also what the benchmark's naive scan uses). */
export function planWave(
	units: readonly UnitRecord[],
	summaries: readonly UnitSummary[],
	wave: {
		definition: unknown;
		include_module: boolean;
		min_group_size: number;
		sensitive_min_group_size: number;
	}
): WaveResult {
	return resultOf(
		units,
		summaries,
		wave.definition as InstrumentDefinition,
		wave.include_module,
		wave.min_group_size,
		wave.sensitive_min_group_size
	);
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

/**
 * The heatmap of a closed wave: for every unit the actor may see (a manager: their own subtree)
 * and for the organisation, each dimension's mean and band shares, with the previous wave beside
 * it. Only closed waves have results (docs/anonymity.md: no live figures during a wave).
 */
export async function heatmap(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { waveId?: string | null; today?: string } = {}
): Promise<Heatmap> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const closed = await ensureWaveSummaries(db, organisationId, options.today ?? todayInBelgium());
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

	const [units, summaries] = await Promise.all([
		findUnits(db, organisationId),
		findWaveSummaries(db, organisationId, previousWave ? [wave.id, previousWave.id] : [wave.id])
	]);
	const summariesOf = (waveId: string) => summaries.filter((s) => s.wave_id === waveId).map(toSummary);
	const current = resultOf(
		units,
		summariesOf(wave.id),
		definition,
		wave.include_module,
		wave.min_group_size,
		wave.sensitive_min_group_size
	);
	const previous =
		previousWave &&
		resultOf(
			units,
			summariesOf(previousWave.id),
			previousWave.definition as InstrumentDefinition,
			previousWave.include_module,
			previousWave.min_group_size,
			previousWave.sensitive_min_group_size
		);

	const moduleIds = new Set(definition.module?.dimensions.map((d) => d.id) ?? []);
	const headcounts = new Map(
		flattenTree(units).map((r) => [r.unit.id, r.subtreeHeadcount as number | undefined])
	);
	const rowOf = (unitId: string, name: string, code: string, depth: number): HeatmapRow => {
		const plan = current.respondentPlan.units.get(unitId);
		const headcount = headcounts.get(unitId);
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
						.map((id) => units.find((u) => u.id === id)?.name ?? '')
						.filter(Boolean)
				: []
		};
	};
	const scope =
		membership.role === 'manager' && membership.unitId ? subtreeIds(units, membership.unitId) : null;
	const rows = flattenTree(units)
		.filter((r) => !scope || scope.has(r.unit.id))
		.map((r) => rowOf(r.unit.id, r.unit.name, r.unit.code, r.depth));
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
		dimensions: dimensions.map((d) => ({
			id: d.id,
			name: d.name,
			riskWhen: d.bands.riskWhen,
			sensitive: d.sensitive,
			group: moduleIds.has(d.id) ? 'work-factor' : 'barometer'
		})),
		organisation: rowOf(ORGANISATION_ROOT, '', '', 0),
		rows
	};
}

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

/**
 * Units that need attention, ranked (docs/early-warning.md): survey dimensions worse than the
 * previous wave or the organisation, and signal rates out of line with the unit's own history or
 * the organisation. Only figures that passed the anonymity gate enter; every reason is returned
 * with its points and numbers, and the score is nothing but their sum.
 */
export async function attentionList(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { today?: string } = {}
): Promise<AttentionList> {
	const membership = authorize(actor, 'analytics.view', { organisationId });
	const today = options.today ?? todayInBelgium();
	const [closed, units, organisation] = await Promise.all([
		ensureWaveSummaries(db, organisationId, today),
		findUnits(db, organisationId),
		findOrganisation(db, organisationId)
	]);
	if (!organisation) error(404, 'error.notFound');
	const findings = new Map<string, Finding[]>();
	const add = (unitId: string, found: readonly Finding[]) => {
		if (found.length) findings.set(unitId, [...(findings.get(unitId) ?? []), ...found]);
	};
	const tree = treeOf(units);
	const visible = flattenTree(units);

	// Survey dimensions: the latest closed wave and the ones before it that asked the same.
	const latest = closed[0];
	const dimensionNames: Record<string, Localised> = {};
	if (latest) {
		const definition = latest.definition as InstrumentDefinition;
		const dimensions = dimensionsOf(definition, latest.include_module);
		const sameDimensions = (w: (typeof closed)[number]) =>
			dimensionsOf(w.definition as InstrumentDefinition, w.include_module)
				.map((d) => d.id)
				.join() === dimensions.map((d) => d.id).join();
		const waves = closed.filter(sameDimensions).slice(0, ATTENTION_WAVES).reverse();
		const summaries = await findWaveSummaries(
			db,
			organisationId,
			waves.map((w) => w.id)
		);
		const results = waves.map((w) =>
			resultOf(
				units,
				summaries.filter((s) => s.wave_id === w.id).map(toSummary),
				w.definition as InstrumentDefinition,
				w.include_module,
				w.min_group_size,
				w.sensitive_min_group_size
			)
		);
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
		for (const row of visible) {
			for (const [d, dimension] of dimensions.entries()) {
				const series = waves.map((w, i) => ({
					wave: w.name,
					unit: shownDimension(results[i]!, row.unit.id, d),
					organisation: shownDimension(results[i]!, ORGANISATION_ROOT, d)
				}));
				add(row.unit.id, dimensionFindings({ id: dimension.id, riskWhen: dimension.bands.riskWhen }, series));
			}
		}
	}

	// Signals: the last months of figures, each unit's subtree, gated on its headcount.
	const months = await findCurrentFigures(db, organisationId);
	const lastMonth = months.at(-1)?.month.slice(0, 7) ?? null;
	if (lastMonth) {
		const from = formatMonth(isoMonth(lastMonth) - ATTENTION_MONTHS + 1);
		const figures: UnitMonthFigures[] = monthFiguresOf(months.filter((m) => m.month.slice(0, 7) >= from));
		const k = organisation.min_group_size;
		const lastOwn = new Map(
			figures.filter((f) => f.month === lastMonth).map((f) => [f.unitId, f.headcount ?? 0])
		);
		const plan = planDisclosure(
			tree.map((u) => ({ ...u, ownCount: lastOwn.get(u.id) ?? 0 })),
			k
		);
		const byUnit = new Map<string, UnitMonthFigures[]>();
		for (const total of rollUpFigures(
			tree.map((u) => ({ id: u.id, parentId: u.parentId }) as never),
			figures
		)) {
			const list = byUnit.get(total.unitId);
			if (list) list.push(total);
			else byUnit.set(total.unitId, [total]);
		}
		const organisationSeries = byUnit.get(ORGANISATION_ROOT) ?? [];
		for (const row of visible) {
			if (!plan.units.get(row.unit.id)?.shown) continue;
			const series = byUnit.get(row.unit.id) ?? [];
			for (const indicator of RATE_INDICATOR_IDS)
				add(row.unit.id, indicatorFindings(indicator, series, organisationSeries, k, lastMonth));
		}
	}

	const scope =
		membership.role === 'manager' && membership.unitId ? subtreeIds(units, membership.unitId) : null;
	const byId = new Map(units.map((u) => [u.id, u]));
	const ranked = rankUnits(
		[...findings]
			.filter(([unitId]) => !scope || scope.has(unitId))
			.map(([unitId, found]) => ({ unitId, findings: found }))
	);
	return {
		wave: latest ? { id: latest.id, name: latest.name, closesOn: latest.closes_on } : null,
		month: lastMonth,
		dimensionNames,
		items: ranked.map((entry, i) => ({
			rank: i + 1,
			unitId: entry.unitId,
			name: byId.get(entry.unitId)?.name ?? '',
			code: byId.get(entry.unitId)?.code ?? '',
			score: entry.score,
			reasons: entry.reasons.map((r) => ({ points: r.points, persistent: r.persistent, message: r.message }))
		}))
	};
}
