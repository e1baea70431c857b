import type { Kysely } from 'kysely';
import {
	planDimensionCounts,
	planTreeOf,
	suppressed,
	type Disclosed,
	type PlanTree
} from '../../domain/anonymity';
import { flattenTree, type UnitNode } from '../../domain/units';
import {
	cellsOf,
	noCells,
	packedCellsOf,
	respondentRate,
	type DimensionFigure,
	type WaveResult
} from '../../domain/wave-results';
import type { DimensionCells } from '../../domain/cells';
import { dimensionsOf, shortNameOf } from '../../instruments';
import type { InstrumentDefinition, Localised } from '../../instruments/types';
import type { Database } from '../db/schema';
import { findUnits, type UnitRecord } from '../units/queries';
import { ResultCache } from './cache';
import { ORGANISATION_ROOT, treeOf } from './common';
import { readInputVersions, type InputVersions } from './inputs';
import { FIELDS, type SummaryColumns } from './packs';
import { indexTree, rollUpColumns, type TreeIndex } from './rollup';
import { ensureWaveSummaries, findWaveTrees, readWaveColumns } from './summaries';
import { readingReleased, releaseWaves } from './wave-release';
import {
	decodeWaveResult,
	encodeWaveResult,
	readStoredResults,
	storedKey,
	storeWaveResult
} from './wave-store';

export { cellsOf, noCells, packedCellsOf, type DimensionCells, type DimensionFigure, type WaveResult };

/**
 * The results of closed waves, the core of the analytics gate: the only way from responses
 * (through their summaries) to anything a screen, export or endpoint shows. Every figure it gives
 * out is a `Disclosed` value: shown with its n, or suppressed with a reason and no number. The
 * heatmap (heatmap.ts), the attention list (attention.ts) and a unit's page (unit.ts) read waves
 * through it; routes and components import only their types.
 */

export interface DimensionColumn {
	id: string;
	name: Localised;
	/** For narrow columns (`shortNameOf`): the full name when the instrument has no short one. */
	shortName: Localised;
	riskWhen: 'high' | 'low';
	sensitive: boolean;
	/** Barometer dimension, or work factor of the module. */
	group: 'barometer' | 'work-factor';
}

export interface WaveChoice {
	id: string;
	name: string;
	closesOn: string;
}

/** The columns of a wave's results: its barometer dimensions, then the work factors of its module. */
export function dimensionColumns(wave: {
	definition: InstrumentDefinition;
	include_module: boolean;
}): DimensionColumn[] {
	const { definition } = wave;
	const moduleIds = new Set(definition.module?.dimensions.map((d) => d.id) ?? []);
	return dimensionsOf(definition, wave.include_module).map((d) => ({
		id: d.id,
		name: d.name,
		shortName: shortNameOf(definition, d),
		riskWhen: d.bands.riskWhen,
		sensitive: d.sensitive,
		group: moduleIds.has(d.id) ? 'work-factor' : 'barometer'
	}));
}

// ---- Fast path: results kept per process, keyed on everything they are computed from ----------

/** A closed wave as ensureWaveSummaries lists it. */
export type ClosedWave = Awaited<ReturnType<typeof ensureWaveSummaries>>[number];

/**
 * What the results of a request are computed from, read once per request and only when a result
 * is not kept: the units after the input versions, so they are at least as new as the versions.
 */
export class RequestInputs {
	#units: Promise<WaveTree & { units: UnitRecord[] }> | null = null;
	/** The waves' own trees, read and indexed once per request however many results plan on them. */
	readonly #trees = new Map<string, Promise<WaveTree>>();

	constructor(
		readonly db: Kysely<Database>,
		readonly organisationId: string,
		readonly versions: InputVersions
	) {}

	/**
	 * The own trees of the waves, in one query for those this request has not asked for yet (a
	 * heatmap plans a wave and the one before it).
	 */
	waveTrees(waves: readonly ClosedWave[]): Promise<WaveTree>[] {
		const missing = waves.filter((w) => !this.#trees.has(w.id));
		if (missing.length) {
			const read = findWaveTrees(
				this.db,
				this.organisationId,
				missing.map((w) => w.id)
			);
			// Waves with the same tree get the same array (findWaveTrees), indexed once.
			const indexedTrees = new Map<readonly UnitNode[], WaveTree>();
			for (const wave of missing) {
				const indexed = read.then((trees) => {
					const own = trees.get(wave.id);
					if (!own) return this.units();
					let indexedTree = indexedTrees.get(own);
					if (!indexedTree) {
						const tree = treeOf(own);
						indexedTree = { units: own, tree, index: indexTree(tree), plan: planTreeOf(tree) };
						indexedTrees.set(own, indexedTree);
					}
					return indexedTree;
				});
				// A failed read fails whoever waits for the tree; one asked for ahead and not waited for
				// is no unhandled rejection.
				indexed.catch(() => {});
				this.#trees.set(wave.id, indexed);
			}
		}
		return waves.map((w) => this.#trees.get(w.id)!);
	}

	units() {
		this.#units ??= findUnits(this.db, this.organisationId).then((units) => {
			const tree = treeOf(units);
			return { units, tree, index: indexTree(tree), plan: planTreeOf(tree) };
		});
		return this.#units;
	}
}

/**
 * The unit tree a wave's figures are planned on: the one it was summarised with (docs/anonymity.md:
 * a closed wave is frozen with its tree), or the tree of now for a wave that has none.
 */
export function waveTree(inputs: RequestInputs, wave: ClosedWave): Promise<WaveTree> {
	return inputs.waveTrees([wave])[0]!;
}

/** A unit tree as results are planned on it: its units, under the organisation's root, and indexed. */
export interface WaveTree {
	units: readonly UnitNode[];
	tree: ReturnType<typeof treeOf>;
	index: TreeIndex;
	/** The tree as the plans are made on it, once for every plan on it. */
	plan: PlanTree;
}

/** Every input of a wave's result: the wave as summarised, its k, its dimensions and the unit tree. */
export function waveKey(wave: ClosedWave, versions: InputVersions): string {
	const summarised = wave.summarised_at ? new Date(wave.summarised_at).getTime() : 'none';
	return [
		wave.id,
		summarised,
		wave.min_group_size,
		wave.sensitive_min_group_size,
		wave.include_module,
		dimensionsOf(wave.definition, wave.include_module)
			.map((d) => `${d.id}:${d.sensitive}`)
			.join(','),
		// A wave's own tree comes with its summarised_at; only a wave without one follows the units.
		wave.summarised_at ? 'own tree' : `units ${versions.units}`
	].join('|');
}

const waveResults = new ResultCache<WaveResult>(8);

/**
 * The results of closed waves, each kept in this process under its wave's key; for those not kept,
 * the results stored under the same key (wave-store.ts), else planWave over the summary packs of
 * packs.ts with the roll-up on arrays of rollup.ts, then stored. The stored results, and the packs
 * of the waves that have none, are read in one query each.
 */
export function waveResultsOf(inputs: RequestInputs, waves: readonly ClosedWave[]): Promise<WaveResult[]> {
	const keys = waves.map((w) => `${inputs.organisationId}|${waveKey(w, inputs.versions)}`);
	const missing = waves.filter((_, i) => !waveResults.has(keys[i]!));
	// The trees of the waves to plan, in one query.
	inputs.waveTrees(missing);
	const { db, organisationId } = inputs;
	// Only a wave planned on its own tree is stored: its results change only with its key.
	const storeKeyOf = (wave: ClosedWave) =>
		wave.summarised_at ? storedKey(waveKey(wave, inputs.versions)) : null;
	const storable = missing.filter((w) => storeKeyOf(w) !== null);
	let stored: Promise<Map<string, Uint8Array>> | null = null;
	const storedValues = () => {
		stored ??= readStoredResults(
			db,
			organisationId,
			storable.map((w) => ({ id: w.id, key: storeKeyOf(w)! }))
		);
		return stored;
	};
	let packs: Promise<Map<string, SummaryColumns>> | null = null;
	const columnsOf = async (wave: ClosedWave): Promise<SummaryColumns> => {
		// The packs of every wave with nothing stored, once; a stored value that did not fit reads its own.
		packs ??= storedValues().then((kept) =>
			readColumns(
				inputs,
				missing.filter((w) => !kept.has(w.id))
			)
		);
		return (await packs).get(wave.id) ?? (await readColumns(inputs, [wave])).get(wave.id)!;
	};
	return Promise.all(
		waves.map((wave, w) =>
			waveResults.get(keys[w]!, async () => {
				const key = storeKeyOf(wave);
				const [tree, kept] = await Promise.all([
					waveTree(inputs, wave),
					key ? storedValues().then((found) => found.get(wave.id)) : undefined
				]);
				const dimensionIds = dimensionsOf(wave.definition, wave.include_module).map((d) => d.id);
				const read = kept ? decodeWaveResult(kept, tree, dimensionIds) : null;
				if (read) return read;
				const result = planWave(tree, await columnsOf(wave), wave);
				// Not inside a transaction: a failed write would end it.
				const value = key && !db.isTransaction ? encodeWaveResult(result, tree) : null;
				if (value) await storeWaveResult(db, organisationId, wave.id, key!, value);
				return result;
			})
		)
	);
}

/** The summary columns of some waves, in one query. */
function readColumns(inputs: RequestInputs, waves: readonly ClosedWave[]) {
	return readWaveColumns(
		inputs.db,
		inputs.organisationId,
		waves.map((w) => ({
			id: w.id,
			summarised_at: w.summarised_at,
			dimensions: dimensionsOf(w.definition, w.include_module).length
		}))
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
				const figure = overfull.has(id) ? suppressed('no-data') : respondentRate(result, id, headcount);
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

/**
 * Plans and totals of one wave, from its summary columns (packs.ts) rolled up on the wave's tree
 * (rollup.ts). Each dimension is planned on the people who have a score on it; dimensions scored
 * by the same people share one plan. A sensitive dimension is planned with the wave's higher
 * minimum on top of the ordinary plan. (Exported for the tests of what is stored of it.)
 */
export function planWave(wave: WaveTree, columns: SummaryColumns, closed: ClosedWave): WaveResult {
	const { tree, index } = wave;
	const dimensions = dimensionsOf(closed.definition, closed.include_module);
	const D = dimensions.length;
	const rolled = rollUpColumns(index, columns, D);
	// One array per distinct column of own counts: planDimensionCounts shares a plan per array.
	const distinct: Float64Array[] = [];
	const same = (a: Float64Array, b: Float64Array) => {
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
		return true;
	};
	const countsFor = (own: Float64Array): Float64Array => {
		const kept = distinct.find((c) => same(c, own));
		if (kept) return kept;
		distinct.push(own);
		return own;
	};
	const respondents = countsFor(rolled.ownRespondents);
	const ids = dimensions.map((d) => d.id);
	const scored = (d: number) => {
		const own = new Float64Array(tree.length);
		for (let i = 0; i < own.length; i++) own[i] = rolled.own[(i * D + d) * FIELDS]!;
		return own;
	};
	const byDimension = new Map(ids.map((id, d) => [id, countsFor(scored(d))]));
	// The respondents are planned as one more (never sensitive) column, so that when every
	// dimension was scored by all of them the plan is made once.
	const plans = planDimensionCounts(
		wave.plan,
		[...ids, RESPONDENTS],
		(id) => (id === RESPONDENTS ? respondents : byDimension.get(id)!),
		{
			k: closed.min_group_size,
			sensitiveK: closed.sensitive_min_group_size,
			sensitive: new Set(dimensions.filter((d) => d.sensitive).map((d) => d.id))
		}
	);
	return {
		plans: ids.map((id) => plans.get(id)!),
		respondentPlan: plans.get(RESPONDENTS)!,
		totals: rolled.totals,
		dimensionIds: ids
	};
}

/** The respondents' column among the dimensions planned: no dimension id is empty. */
const RESPONDENTS = '';
