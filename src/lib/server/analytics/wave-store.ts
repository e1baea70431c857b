import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { planArraysOf, planOfArrays, PACKED_REASON_CODES, type PlanArrays } from '../../domain/anonymity';
import type { SubtreeTotals, WaveResult } from '../../domain/wave-results';
import type { Database } from '../db/schema';
import { copyOut, uuidLiterals } from '../db/bulk';
import { FIELDS } from './packs';
import { totalsArraysOf, totalsOfArrays } from './rollup';
import type { WaveTree } from './wave-results';

/**
 * A closed wave's results as planned (wave-results.ts: the subtree totals and the plans of its
 * dimensions) kept in the database (table wave_result), so that a wave is planned once per change
 * of its inputs, not once per process and per change: after a restart, in each worker, and after a
 * change that leaves the wave as it was (a closed wave is planned on its own tree, so a unit moved
 * or renamed today does not change it), a process reads the arrays back instead of rolling up the
 * wave's summaries and planning every dimension again.
 *
 * A row is read only under the key of every input it was computed from (`storedKey`: the wave as
 * summarised with its k settings and dimensions, and this format), and only onto the tree it was
 * computed on (a hash of the units and their parents in both orders the arrays follow): anything
 * else is computed afresh, as is a row that does not decode. Plans read back pass the same shape
 * checks as any (`planOfArrays`); they hold nothing the wave's summaries do not.
 *
 * The value: a 4-byte header length, the header (JSON), then 8-byte aligned sections of the
 * machine's typed arrays (little-endian: on another machine nothing is stored or read):
 * respondents and sums per unit, then per distinct plan its subtree counts, nearest shown unit,
 * pooled units (start and list) and reason codes.
 */

/** Bumped whenever the value's layout or what the arrays mean changes. */
const FORMAT = 'wave-result 1';
const LITTLE_ENDIAN = endianness() === 'LE';

interface Header {
	n: number;
	width: number;
	tree: string;
	dimensionIds: string[];
	/** k and pooled list length per distinct plan. */
	plans: Array<{ k: number; pooled: number }>;
	/** Per dimension, its plan's index in `plans`. */
	dimensionPlans: number[];
	/** The respondents' plan's index in `plans`. */
	respondentPlan: number;
	/** Units summarised but not in the tree: id, respondents, numbers. */
	extra: Array<[string, number, number[]]>;
}

/** The key a wave's stored results are kept under, from the wave's own key (waveKey). */
export function storedKey(waveKey: string): string {
	return [FORMAT, `fields ${FIELDS}`, `reasons ${PACKED_REASON_CODES.join(',')}`, waveKey].join('|');
}

/** The units and their parents in both orders the arrays follow, hashed: the tree they can be read onto. */
function treeHash(tree: WaveTree): string {
	const bytes = (a: Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
	return createHash('sha256')
		.update(`${tree.plan.ids.join(',')}|${tree.index.ids.join(',')}|`)
		.update(bytes(tree.plan.parent))
		.update(bytes(tree.index.parent))
		.digest('base64');
}

const pad8 = (n: number) => (n + 7) & ~7;

/** The value of a wave's results planned on `tree`; null for results not made on it by planWave. */
export function encodeWaveResult(result: WaveResult, tree: WaveTree): Uint8Array | null {
	if (!LITTLE_ENDIAN) return null;
	const totals = totalsArraysOf(result.totals, tree.index);
	if (!totals) return null;
	const distinct: PlanArrays[] = [];
	const header: Header = {
		n: tree.index.ids.length,
		width: totals.width,
		tree: treeHash(tree),
		dimensionIds: result.dimensionIds,
		plans: [],
		dimensionPlans: [],
		respondentPlan: -1,
		extra: [...totals.extra].map(([id, t]) => [id, t.respondents, Array.from(t.values)])
	};
	const seen = new Map<object, number>();
	const indexOf = (plan: WaveResult['respondentPlan']): number => {
		const kept = seen.get(plan);
		if (kept !== undefined) return kept;
		const made = planArraysOf(plan);
		if (!made || made.tree !== tree.plan) return -1;
		seen.set(plan, distinct.length);
		header.plans.push({ k: plan.k, pooled: made.arrays.pooledList.length });
		distinct.push(made.arrays);
		return distinct.length - 1;
	};
	header.dimensionPlans = result.plans.map(indexOf);
	header.respondentPlan = indexOf(result.respondentPlan);
	if (header.dimensionPlans.includes(-1) || header.respondentPlan < 0) return null;

	const sections: ArrayBufferView[] = [totals.respondents, totals.sums];
	for (const p of distinct) sections.push(p.subtree, p.nearestShown, p.pooledStart, p.pooledList, p.hidden);
	const head = Buffer.from(JSON.stringify(header), 'utf8');
	let size = pad8(4 + head.length);
	for (const s of sections) size += pad8(s.byteLength);
	const out = new Uint8Array(size);
	new DataView(out.buffer).setUint32(0, head.length, true);
	out.set(head, 4);
	let at = pad8(4 + head.length);
	for (const s of sections) {
		out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
		at += pad8(s.byteLength);
	}
	return out;
}

/**
 * The results a value of encodeWaveResult holds, on `tree` (the wave's own tree, as planned), for
 * the wave's dimensions; null when it does not fit them (another tree, other dimensions, a value
 * cut short or not of this format).
 */
export function decodeWaveResult(
	data: Uint8Array,
	tree: WaveTree,
	dimensionIds: readonly string[]
): WaveResult | null {
	if (!LITTLE_ENDIAN || data.byteLength < 4) return null;
	try {
		// One aligned copy that the arrays below are views of.
		const bytes = new Uint8Array(data);
		const buffer = bytes.buffer;
		const length = new DataView(buffer).getUint32(0, true);
		if (4 + length > bytes.byteLength) return null;
		const header = JSON.parse(Buffer.from(buffer, 4, length).toString('utf8')) as Header;
		const n = tree.index.ids.length;
		if (
			header.n !== n ||
			header.dimensionIds.join('\u0000') !== dimensionIds.join('\u0000') ||
			header.dimensionPlans.length !== dimensionIds.length ||
			header.tree !== treeHash(tree)
		)
			return null;
		let at = pad8(4 + length);
		const take = <T>(make: (offset: number, count: number) => T, count: number, size: number): T => {
			if (at + count * size > bytes.byteLength) throw new RangeError('A stored wave result is cut short');
			const view = make(at, count);
			at += pad8(count * size);
			return view;
		};
		const f64 = (count: number) => take((o, c) => new Float64Array(buffer, o, c), count, 8);
		const i32 = (count: number) => take((o, c) => new Int32Array(buffer, o, c), count, 4);
		const u8 = (count: number) => take((o, c) => new Uint8Array(buffer, o, c), count, 1);
		const respondents = f64(n);
		const sums = f64(n * header.width);
		const extra = new Map<string, SubtreeTotals>(
			header.extra.map(([id, r, values]) => [id, { respondents: r, values: Float64Array.from(values) }])
		);
		const totals = totalsOfArrays(tree.index, { width: header.width, respondents, sums, extra });
		const plans = header.plans.map(({ k, pooled }) => {
			const subtree = f64(n);
			const nearestShown = i32(n);
			const pooledStart = i32(n + 1);
			const pooledList = i32(pooled);
			const hidden = u8(n);
			return planOfArrays(tree.plan, k, { subtree, hidden, nearestShown, pooledStart, pooledList });
		});
		if (at !== bytes.byteLength) return null;
		const planAt = (i: number) => {
			const plan = plans[i];
			if (!plan) throw new RangeError('A stored wave result names a plan it does not hold');
			return plan;
		};
		return {
			plans: header.dimensionPlans.map(planAt),
			respondentPlan: planAt(header.respondentPlan),
			totals,
			dimensionIds: [...dimensionIds]
		};
	} catch {
		return null;
	}
}

/**
 * The stored values of some waves, each only when stored under the key given for it. By COPY in
 * binary format where the pool allows it (a large organisation's are megabytes), else as base64.
 */
export async function readStoredResults(
	db: Kysely<Database>,
	organisationId: string,
	waves: ReadonlyArray<{ id: string; key: string }>
): Promise<Map<string, Uint8Array>> {
	const found = new Map<string, Uint8Array>();
	if (waves.length === 0) return found;
	const wanted = new Map(waves.map((w) => [w.id, w.key]));
	const keep = (waveId: string, key: string, data: Uint8Array) => {
		if (wanted.get(waveId) === key) found.set(waveId, data);
	};
	const ids = [...wanted.keys()];
	const organisation = uuidLiterals([organisationId]);
	const list = uuidLiterals(ids);
	const rows =
		organisation && list
			? await copyOut(
					db,
					`select wave_id::text, input_key, data from wave_result
					 where organisation_id = ${organisation} and wave_id in (${list})`
				)
			: null;
	if (rows) {
		for (const [waveId, key, data] of rows) keep(waveId!.toString('utf8'), key!.toString('utf8'), data!);
		return found;
	}
	const plain = await db
		.selectFrom('wave_result')
		.select(['wave_id', 'input_key'])
		.select(sql<string>`encode(data, 'base64')`.as('data'))
		.where('organisation_id', '=', organisationId)
		.where('wave_id', 'in', ids)
		.execute();
	for (const r of plain) keep(r.wave_id, r.input_key, Buffer.from(r.data, 'base64'));
	return found;
}

/**
 * Keeps a wave's results under `key`, in place of what was kept for the wave before. A failure is
 * reported and otherwise ignored: the next reader computes the results again.
 */
export async function storeWaveResult(
	db: Kysely<Database>,
	organisationId: string,
	waveId: string,
	key: string,
	data: Uint8Array
): Promise<void> {
	try {
		await db
			.insertInto('wave_result')
			.values({
				organisation_id: organisationId,
				wave_id: waveId,
				input_key: key,
				data: Buffer.from(data.buffer, data.byteOffset, data.byteLength)
			})
			.onConflict((oc) =>
				oc.columns(['organisation_id', 'wave_id']).doUpdateSet({
					input_key: (eb) => eb.ref('excluded.input_key'),
					data: (eb) => eb.ref('excluded.data'),
					computed_at: sql`now()`
				})
			)
			.execute();
	} catch (e) {
		console.error('The results of a wave could not be stored', e);
	}
}
