import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { suppressed, type Disclosed } from '../../domain/anonymity';
import { flattenTree } from '../../domain/units';
import { pooledNames, respondentRate } from '../../domain/wave-results';
import { dimensionsOf } from '../../instruments';
import { authorize, scopeOf, type Actor } from '../access';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import type { UnitRecord } from '../units/queries';
import { freezeEach, ResultCache } from './cache';
import { ORGANISATION_ROOT } from './common';
import { readInputVersions } from './inputs';
import { ensureWaveSummaries } from './summaries';
import {
	closedWaveResults,
	dimensionColumns,
	overfullUnits,
	RequestInputs,
	waveKey,
	waveResultsOf,
	waveTree,
	noCells,
	packedCellsOf,
	type DimensionCells,
	type DimensionColumn,
	type WaveChoice,
	type WaveResult
} from './wave-results';
import { readingReleased, releaseWaves } from './wave-release';

/**
 * The heatmap of a closed wave through the analytics gate (wave-results.ts): every figure is a
 * `Disclosed` value. Routes and components import only the types below.
 */

export interface HeatmapRow {
	unitId: string;
	name: string;
	code: string;
	depth: number;
	/** Respondents, with the response rate against the subtree's headcount when known. */
	respondents: Disclosed<{ rate: number | null }>;
	/** Per dimension, packed: read a cell with `cellAt` (domain/cells.ts). */
	cells: DimensionCells;
	/** The same unit in the previous wave, per dimension, packed alike. */
	previous: DimensionCells | null;
	/** Units hidden on their own whose people count in this row. */
	pooled: string[];
	/**
	 * More link answers than staff when the wave closed (docs/anonymity.md, "Link waves"): its
	 * answers count nowhere and the row shows nothing of its own.
	 */
	overfull: boolean;
}

export interface Heatmap {
	waves: WaveChoice[];
	wave: (WaveChoice & { k: number; sensitiveK: number }) | null;
	previousWave: WaveChoice | null;
	dimensions: DimensionColumn[];
	organisation: HeatmapRow | null;
	rows: HeatmapRow[];
}

/** The row of a unit left out of its wave's figures: nothing of its own, with that as the reason. */
function overfullRow(
	unitId: string,
	name: string,
	code: string,
	depth: number,
	current: WaveResult,
	previous: WaveResult | null
): HeatmapRow {
	return {
		unitId,
		name,
		code,
		depth,
		respondents: suppressed('no-data'),
		cells: noCells(current),
		previous: previous ? noCells(previous) : null,
		pooled: [],
		overfull: true
	};
}

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
	const dimensions = dimensionsOf(wave.definition, wave.include_module);
	const previousWave = closed.slice(index + 1).find(
		(w) =>
			dimensionsOf(w.definition, w.include_module)
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
		// The results first: they read the trees of both waves in one query, which the rows then share.
		const planned = waveResultsOf(inputs, previousWave ? [wave, previousWave] : [wave]);
		const [{ units }, own, results] = await Promise.all([inputs.units(), waveTree(inputs, wave), planned]);
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
			const headcount = headcounts.get(unitId);
			if (overfull.has(unitId)) return overfullRow(unitId, name, code, depth, current, previous);
			return {
				unitId,
				name,
				code,
				depth,
				respondents: respondentRate(current, unitId, headcount),
				cells: packedCellsOf(current, unitId),
				previous: previous ? packedCellsOf(previous, unitId) : null,
				pooled: pooledNames(current, unitId, names, ORGANISATION_ROOT),
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
