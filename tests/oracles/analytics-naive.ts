// The baselines of the analytics benchmark (bench/analytics.bench.ts), also the oracle of
// tests/integration/analytics.test.ts. They are written out independently of the code they check
// (the band rule too, rather than with analytics/bands.ts), so that a mistake there shows here.
// - The heatmap's "naive scan": the same heatmap computed per request from the raw `response` rows
//   (one SQL aggregation over response.scores, bands included) instead of the wave summaries,
//   followed by the roll-up and anonymity plan in JavaScript (planWave below, on the domain's
//   rollUpSummaries and planDimensions rather than the packed columns of
//   src/lib/server/analytics/wave-results.ts; the correctness check compares both outputs cell by
//   cell). The figures of a planned wave come from the domain's rules (cellsOf, surveyDimension,
//   respondentRate, pooledNames in src/lib/domain/wave-results.ts, with their own table tests):
//   what this oracle checks is the server's fast path (summaries, packs, caches, SQL), not those.
// - The attention list recomputed straightforwardly, as attentionList() computed it before its fast
//   path: every summary row and every month of signals read as rows, rolled up with the domain's
//   rollUpSummaries and rollUpFigures, indicatorFindings per unit, nothing kept between calls.
//   compareAttentionLists checks the fast path against it (the benchmark and
//   tests/integration/analytics.test.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
	planDimensions,
	planDisclosure,
	type CountedUnit,
	type Disclosed,
	type DisclosurePlan
} from '../../src/lib/domain/anonymity';
import { releasedMonthPlan } from '../../src/lib/domain/signals/month-plans';
import {
	dimensionFindings,
	indicatorFindings,
	rankUnits,
	RATE_INDICATOR_IDS,
	type Finding
} from '../../src/lib/domain/early-warning';
import { formatMonth } from '../../src/lib/domain/signals/calendar';
import type { UnitMonthFigures } from '../../src/lib/domain/signals/figures';
import { rollUpFigures } from '../../src/lib/domain/signals/indicators';
import { isoMonth } from '../../src/lib/domain/signals/parse';
import { flattenTree, subtreeIds, type UnitNode } from '../../src/lib/domain/units';
import {
	cellsOf,
	pooledNames,
	respondentRate,
	rollUpSummaries,
	surveyDimension,
	type DimensionFigure,
	type UnitSummary,
	type WaveResult
} from '../../src/lib/domain/wave-results';
import { cellList } from '../../src/lib/domain/cells';
import { waveStatus } from '../../src/lib/domain/waves';
import { dimensionsOf } from '../../src/lib/instruments';
import type { InstrumentDefinition, Localised } from '../../src/lib/instruments/types';
import type { AttentionList } from '../../src/lib/server/analytics/attention';
import { monthFiguresOf, ORGANISATION_ROOT, toSummary, treeOf } from '../../src/lib/server/analytics/common';
import type { Heatmap, HeatmapRow } from '../../src/lib/server/analytics/heatmap';
import { findReleases } from '../../src/lib/server/analytics/releases';
import {
	ensureWaveSummaries,
	findWaveSummaries,
	findWaveTrees
} from '../../src/lib/server/analytics/summaries';
import type { Database } from '../../src/lib/server/db/schema';
import { findOrganisation } from '../../src/lib/server/organisations/queries';
import { findCurrentFigures } from '../../src/lib/server/signals/queries';
import { findUnits } from '../../src/lib/server/units/queries';

export interface WaveRow {
	id: string;
	name: string;
	closes_on: string;
	definition: unknown;
	include_module: boolean;
	min_group_size: number;
	sensitive_min_group_size: number;
}

export type PlannedWave = WaveResult;

/** A heatmap row as the naive scan gives it: its cells as objects, through the object gate. */
export type NaiveRow = Omit<HeatmapRow, 'name' | 'code' | 'depth' | 'cells' | 'previous'> & {
	cells: Disclosed<DimensionFigure>[];
	previous: Disclosed<DimensionFigure>[] | null;
};

export interface NaiveHeatmap {
	waveId: string;
	previousWaveId: string | null;
	organisation: NaiveRow;
	rows: NaiveRow[];
}

/**
 * A closed wave's plans and totals from its summaries, on the unit tree the wave was summarised
 * with (`units`, the tree of now, only for a wave that has none): the domain's rollUpSummaries
 * over maps of objects and planDimensions, written out here rather than taken from the packed
 * columns of src/lib/server/analytics/wave-results.ts, which this checks. Each dimension is planned
 * on the people who have a score on it; dimensions scored by the same people share one array of
 * counts and so one plan.
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
	const k = wave.min_group_size;
	const dimensions = dimensionsOf(wave.definition as InstrumentDefinition, wave.include_module);
	const tree = treeOf(wave.summary_tree ?? units);
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
		sensitiveK: wave.sensitive_min_group_size,
		sensitive: new Set(dimensions.filter((d) => d.sensitive).map((d) => d.id))
	});
	// rollUpSummaries adds in the one order the app's roll-up follows too (each child's subtree into
	// its parent, siblings by id); the summaries go in by unit id, as a pack holds them.
	const byUnitId = (a: UnitSummary, b: UnitSummary) =>
		a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
	return {
		plans: ids.map((id) => plans.get(id)!),
		respondentPlan: planDisclosure(respondents, k),
		totals: rollUpSummaries(tree, [...summaries].sort(byUnitId), ids.length),
		dimensionIds: ids
	};
}

export async function closedWaves(db: Kysely<Database>, organisationId: string, today: string) {
	const waves = await db
		.selectFrom('wave')
		.select([
			'id',
			'name',
			'opens_on',
			'closes_on',
			'closed',
			'definition',
			'include_module',
			'min_group_size',
			'sensitive_min_group_size',
			'summary_tree'
		])
		.where('organisation_id', '=', organisationId)
		.orderBy('closes_on', 'desc')
		.execute();
	return waves.filter(
		(w) => waveStatus({ opensOn: w.opens_on, closesOn: w.closes_on, closed: w.closed }, today) === 'closed'
	);
}

/**
 * One aggregation over the responses of `waves` (which ask the same dimensions): per wave and unit,
 * for each dimension the scored count, sum, sum of squares and band counts, as summariseWave
 * computes them, but per request and without storing anything. Each response's scores are read
 * once (jsonb_to_record) and aggregated in one pass grouped by wave and unit: the fastest of the
 * shapes tried (summariseWave's cross join with the dimensions took 10-15 s for two waves, one
 * `scores ->> dim` per aggregate about 4 s, this about 1 s, on the same data).
 */
export function aggregationQuery(organisationId: string, waves: readonly WaveRow[]) {
	const first = waves[0]!;
	const dimensions = dimensionsOf(first.definition as InstrumentDefinition, first.include_module);
	const waveIds = waves.map((w) => w.id);
	const score = dimensions.map((d) => sql.ref(`s.${d.id}`));
	// bandOf's rule written out on its own, deliberately not bandSql: this is what checks it.
	const bands = dimensions.map((d, i) => {
		const v = score[i]!;
		return d.bands.riskWhen === 'high'
			? { red: sql`${v} >= ${d.bands.red}::float8`, orange: sql`${v} >= ${d.bands.orange}::float8` }
			: { red: sql`${v} <= ${d.bands.red}::float8`, orange: sql`${v} <= ${d.bands.orange}::float8` };
	});
	const array = (parts: RawBuilder<unknown>[], type: string) =>
		sql`array[${sql.join(parts)}]::${sql.raw(type)}`;
	return sql<{
		wave_id: string;
		unit_id: string;
		respondents: number;
		scored: number[];
		score_sum: number[];
		score_sum_sq: number[];
		green: number[];
		orange: number[];
		red: number[];
	}>`
		select r.wave_id, r.unit_id, count(*)::int as respondents,
			${array(
				score.map((v) => sql`count(${v})`),
				'int[]'
			)} as scored,
			${array(
				score.map((v) => sql`coalesce(sum(${v}), 0)`),
				'float8[]'
			)} as score_sum,
			${array(
				score.map((v) => sql`coalesce(sum(${v} * ${v}), 0)`),
				'float8[]'
			)} as score_sum_sq,
			${array(
				bands.map((b) => sql`count(*) filter (where not (${b.orange}))`),
				'int[]'
			)} as green,
			${array(
				bands.map((b) => sql`count(*) filter (where ${b.orange} and not (${b.red}))`),
				'int[]'
			)} as orange,
			${array(
				bands.map((b) => sql`count(*) filter (where ${b.red})`),
				'int[]'
			)} as red
		from response r
		cross join lateral jsonb_to_record(r.scores) as s(${sql.join(dimensions.map((d) => sql`${sql.ref(d.id)} float8`))})
		where r.organisation_id = ${organisationId} and r.wave_id = any(${waveIds}::uuid[])
		group by r.wave_id, r.unit_id
	`;
}

export async function aggregateResponses(
	db: Kysely<Database>,
	organisationId: string,
	waves: readonly WaveRow[]
): Promise<Map<string, UnitSummary[]>> {
	const waveIds = waves.map((w) => w.id);
	const result = await aggregationQuery(organisationId, waves).execute(db);
	const byWave = new Map<string, UnitSummary[]>(waveIds.map((id) => [id, []]));
	for (const row of result.rows)
		byWave.get(row.wave_id)!.push({
			unitId: row.unit_id,
			respondents: row.respondents,
			scored: row.scored,
			scoreSum: row.score_sum,
			scoreSumSq: row.score_sum_sq,
			green: row.green,
			orange: row.orange,
			red: row.red
		});
	return byWave;
}

const dimensionKey = (w: WaveRow) =>
	dimensionsOf(w.definition as InstrumentDefinition, w.include_module)
		.map((d) => d.id)
		.join();

/** The heatmap's figures (latest closed wave and the previous one), computed from the responses. */
export async function naiveHeatmap(
	db: Kysely<Database>,
	organisationId: string,
	today: string
): Promise<NaiveHeatmap> {
	const closed = await closedWaves(db, organisationId, today);
	const wave = closed[0];
	if (!wave) throw new Error('No closed wave');
	const previousWave = closed.slice(1).find((w) => dimensionKey(w) === dimensionKey(wave)) ?? null;
	const [units, aggregates] = await Promise.all([
		findUnits(db, organisationId),
		aggregateResponses(db, organisationId, previousWave ? [wave, previousWave] : [wave])
	]);
	const current = planWave(units, aggregates.get(wave.id)!, wave);
	const previous = previousWave && planWave(units, aggregates.get(previousWave.id)!, previousWave);
	// The rows are the wave's own tree, with the names and codes of now and the headcounts then.
	const now = new Map(units.map((u) => [u.id, u]));
	const waveRows = flattenTree(
		(wave.summary_tree ?? units).map((u) => {
			const today = now.get(u.id);
			return today ? { ...u, name: today.name, code: today.code } : u;
		})
	);
	const headcounts = new Map(waveRows.map((r) => [r.unit.id, r.subtreeHeadcount as number | undefined]));
	const names = new Map(waveRows.map((r) => [r.unit.id, r.unit.name]));
	const rowOf = (unitId: string): NaiveRow => {
		const headcount = headcounts.get(unitId);
		return {
			unitId,
			respondents: respondentRate(current, unitId, headcount),
			cells: cellsOf(current, unitId),
			previous: previous ? cellsOf(previous, unitId) : null,
			pooled: pooledNames(current, unitId, names, ORGANISATION_ROOT),
			// The benchmark's organisation has no link wave with more answers than staff.
			overfull: false
		};
	};
	return {
		waveId: wave.id,
		previousWaveId: previousWave?.id ?? null,
		organisation: rowOf(ORGANISATION_ROOT),
		rows: waveRows.map((r) => rowOf(r.unit.id))
	};
}

// ---------------------------------------------------------------------------------------------
// Correctness: the heatmap against the naive computation.

export interface Comparison {
	rows: number;
	cells: number;
	shownCells: number;
	mismatches: string[];
	/** Largest difference of a shown mean or share between the two. */
	maxDifference: number;
	/** Rows (units) by how their respondents figure is disclosed, and rows with pooled units. */
	rowReasons: Record<string, number>;
	rowsWithPooled: number;
	/** Cells hidden by reason, over both waves. */
	cellReasons: Record<string, number>;
}

function compareCells(
	where: string,
	a: readonly Disclosed<DimensionFigure>[] | null,
	b: readonly Disclosed<DimensionFigure>[] | null,
	out: Comparison
) {
	if (!a || !b) {
		if (a !== b) out.mismatches.push(`${where}: previous wave on one side only`);
		return;
	}
	if (a.length !== b.length) {
		out.mismatches.push(`${where}: ${a.length} cells against ${b.length}`);
		return;
	}
	a.forEach((x, d) => {
		const y = b[d]!;
		out.cells++;
		if (!x.shown) out.cellReasons[x.reason] = (out.cellReasons[x.reason] ?? 0) + 1;
		if (x.shown !== y.shown) return void out.mismatches.push(`${where} dimension ${d}: shown differs`);
		if (!x.shown || !y.shown) {
			if (!x.shown && !y.shown && x.reason !== y.reason)
				out.mismatches.push(`${where} dimension ${d}: ${x.reason} against ${y.reason}`);
			return;
		}
		out.shownCells++;
		if (x.n !== y.n) out.mismatches.push(`${where} dimension ${d}: n ${x.n} against ${y.n}`);
		for (const key of ['mean', 'green', 'orange', 'red'] as const) {
			const diff = Math.abs(x.value[key] - y.value[key]);
			out.maxDifference = Math.max(out.maxDifference, diff);
			if (!(diff <= 1e-9))
				out.mismatches.push(`${where} dimension ${d}: ${key} ${x.value[key]} against ${y.value[key]}`);
		}
	});
}

/** Every row and cell of the heatmap against the naive computation. */
export function compareHeatmaps(heatmap: Heatmap, naive: NaiveHeatmap): Comparison {
	const out: Comparison = {
		rows: 0,
		cells: 0,
		shownCells: 0,
		mismatches: [],
		maxDifference: 0,
		rowReasons: {},
		rowsWithPooled: 0,
		cellReasons: {}
	};
	if (heatmap.wave?.id !== naive.waveId) out.mismatches.push('not the same wave');
	if ((heatmap.previousWave?.id ?? null) !== naive.previousWaveId)
		out.mismatches.push('not the same previous wave');
	const naiveRows = new Map([naive.organisation, ...naive.rows].map((r) => [r.unitId, r]));
	const rows = heatmap.organisation ? [heatmap.organisation, ...heatmap.rows] : heatmap.rows;
	if (rows.length !== naiveRows.size) out.mismatches.push(`${rows.length} rows against ${naiveRows.size}`);
	for (const row of rows) {
		out.rows++;
		const other = naiveRows.get(row.unitId);
		if (!other) {
			out.mismatches.push(`${row.code || row.unitId}: no naive row`);
			continue;
		}
		const reason = row.respondents.shown ? 'shown' : row.respondents.reason;
		out.rowReasons[reason] = (out.rowReasons[reason] ?? 0) + 1;
		if (row.pooled.length) out.rowsWithPooled++;
		if (JSON.stringify(row.respondents) !== JSON.stringify(other.respondents))
			out.mismatches.push(`${row.code}: respondents differ`);
		if (row.pooled.join() !== other.pooled.join()) out.mismatches.push(`${row.code}: pooled units differ`);
		compareCells(row.code || 'organisation', cellList(row.cells), other.cells, out);
		compareCells(
			`${row.code || 'organisation'} (previous)`,
			row.previous && cellList(row.previous),
			other.previous,
			out
		);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// The attention list, recomputed straightforwardly.

const ATTENTION_WAVES = 3;
const ATTENTION_MONTHS = 24;

/**
 * attentionList() as it was computed before its fast path, for all units or (with
 * `scopeUnitId`, a manager's unit) for one subtree. No access check: the caller's business.
 */
export async function naiveAttentionList(
	db: Kysely<Database>,
	organisationId: string,
	today: string,
	scopeUnitId: string | null = null
): Promise<AttentionList> {
	const [closed, units, organisation] = await Promise.all([
		ensureWaveSummaries(db, organisationId, today),
		findUnits(db, organisationId),
		findOrganisation(db, organisationId)
	]);
	if (!organisation) throw new Error('No organisation');
	const findings = new Map<string, Finding[]>();
	const add = (unitId: string, found: readonly Finding[]) => {
		if (found.length) findings.set(unitId, [...(findings.get(unitId) ?? []), ...found]);
	};
	const tree = treeOf(units);
	const visible = flattenTree(units);

	const latest = closed[0];
	const dimensionNames: Record<string, Localised> = {};
	if (latest) {
		const dimensions = dimensionsOf(latest.definition as InstrumentDefinition, latest.include_module);
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
		const trees = await findWaveTrees(
			db,
			organisationId,
			waves.map((w) => w.id)
		);
		const results = waves.map((w) =>
			planWave(units, summaries.filter((s) => s.wave_id === w.id).map(toSummary), {
				...w,
				summary_tree: trees.get(w.id)
			})
		);
		for (const d of dimensions) dimensionNames[d.id] = d.name;
		for (const row of visible) {
			for (const [d, dimension] of dimensions.entries()) {
				const series = waves.map((w, i) => ({
					wave: w.name,
					unit: surveyDimension(results[i]!, row.unit.id, d),
					organisation: surveyDimension(results[i]!, ORGANISATION_ROOT, d)
				}));
				add(row.unit.id, dimensionFindings({ id: dimension.id, riskWhen: dimension.bands.riskWhen }, series));
			}
		}
	}

	const months = await findCurrentFigures(db, organisationId);
	const lastMonth = months.at(-1)?.month.slice(0, 7) ?? null;
	if (lastMonth) {
		const from = formatMonth(isoMonth(lastMonth) - ATTENTION_MONTHS + 1);
		const figures: UnitMonthFigures[] = monthFiguresOf(months.filter((m) => m.month.slice(0, 7) >= from));
		const k = organisation.min_group_size;
		// Each month on its plan in force: its release (k, tree, units shown) with the people of
		// now, or, not released, planned with today's k and tree. Figures roll up along the
		// month's tree and count in a unit's series only where the month's plan shows the unit.
		const monthList = Array.from({ length: ATTENTION_MONTHS }, (_, i) =>
			formatMonth(isoMonth(lastMonth) - ATTENTION_MONTHS + 1 + i)
		);
		const released = await findReleases(
			db,
			organisationId,
			'signal-month',
			monthList.map((m) => `${m}-01`)
		);
		const byUnit = new Map<string, UnitMonthFigures[]>();
		let lastPlan: DisclosurePlan | null = null;
		for (const month of monthList) {
			const ofMonth = figures.filter((f) => f.month === month);
			if (ofMonth.length === 0) continue;
			const own = new Map(ofMonth.map((f) => [f.unitId, f.people ?? 0]));
			const release = released.get(`${month}-01`);
			const monthTree = release ? release.tree : tree;
			const plan = release
				? releasedMonthPlan(release, own)
				: planDisclosure(
						tree.map((u) => ({ ...u, ownCount: own.get(u.id) ?? 0 })),
						k
					);
			if (month === lastMonth) lastPlan = plan;
			const inTree = new Set(monthTree.map((u) => u.id));
			for (const total of rollUpFigures(
				monthTree.map((u) => ({ id: u.id, parentId: u.parentId }) as never),
				ofMonth.filter((f) => inTree.has(f.unitId))
			)) {
				if (!plan.units.get(total.unitId)?.shown) continue;
				const list = byUnit.get(total.unitId);
				if (list) list.push(total);
				else byUnit.set(total.unitId, [total]);
			}
		}
		const organisationSeries = byUnit.get(ORGANISATION_ROOT) ?? [];
		for (const row of visible) {
			if (!lastPlan?.units.get(row.unit.id)?.shown) continue;
			const series = byUnit.get(row.unit.id) ?? [];
			for (const indicator of RATE_INDICATOR_IDS)
				add(row.unit.id, indicatorFindings(indicator, series, organisationSeries, lastMonth));
		}
	}

	const scope = scopeUnitId ? subtreeIds(units, scopeUnitId) : null;
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
			name: listedName(units, entry.unitId),
			code: byId.get(entry.unitId)?.code ?? '',
			score: entry.score,
			reasons: entry.reasons.map((r) => ({
				points: r.points,
				persistent: r.persistent,
				target: r.finding.kind === 'rate' ? r.finding.indicator : r.finding.dimension,
				message: r.message
			}))
		}))
	};
}

/** A unit's name as a flat list shows it, worked out by hand: its parent's or code's added on a repeat. */
function listedName(units: readonly UnitNode[], unitId: string): string {
	const same = (a: string, b: string) =>
		a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
	const unit = units.find((u) => u.id === unitId);
	if (!unit) return '';
	if (units.filter((u) => same(u.name, unit.name)).length === 1) return unit.name;
	const parentName = (u: UnitNode) => units.find((p) => p.id === u.parentId)?.name;
	const mine = parentName(unit);
	if (mine !== undefined) {
		const twins = units.filter((u) => {
			const theirs = parentName(u);
			return theirs !== undefined && same(`${u.name} (${theirs})`, `${unit.name} (${mine})`);
		});
		if (twins.length === 1) return `${unit.name} (${mine})`;
	}
	return `${unit.name} (${unit.code})`;
}

/**
 * Differences between two attention lists: the same units in the same order with the same scores
 * and reasons; numbers in the messages within 1e-9 (relative), as floating-point sums added in
 * another order may differ in the last bits. Empty when they agree.
 */
export function compareAttentionLists(fast: AttentionList, naive: AttentionList): string[] {
	const out: string[] = [];
	const same = (where: string, a: unknown, b: unknown) => {
		if (typeof a === 'number' && typeof b === 'number') {
			if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))))
				out.push(`${where}: ${a} against ${b}`);
			return;
		}
		if (a && b && typeof a === 'object' && typeof b === 'object') {
			const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
			for (const key of keys)
				same(`${where}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
			return;
		}
		if (a !== b) out.push(`${where}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`);
	};
	same('wave', fast.wave, naive.wave);
	same('month', fast.month, naive.month);
	same('dimensionNames', fast.dimensionNames, naive.dimensionNames);
	if (fast.items.length !== naive.items.length)
		out.push(`${fast.items.length} items against ${naive.items.length}`);
	fast.items.forEach((item, i) => same(`item ${i + 1}`, item, naive.items[i]));
	return out;
}
