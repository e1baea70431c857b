// The analytics gate on the large synthetic organisation (2,500 units, 50,000 employees), built in
// a fresh database per engine: six closed barometer waves of about 40,000 responses each (COPY),
// summarised per wave with summariseWave, and 36 months of signals for every team (insertFigures,
// latest). Then, on the latest wave:
// - analytics.heatmap.<engine>.p95_ms: heatmap() for the whole organisation (all units × all
//   dimensions, anonymity applied) as an advisor, p95 over CALLS calls after one warm-up call.
//   Baseline, in the same run: the naive scan, the same heatmap computed per request from the raw
//   responses (one SQL aggregation over response.scores with the bands, then the same roll-up and
//   plan in JavaScript: bench/analytics-naive.ts), p95 over as many calls.
// - analytics.attention.postgres.p95_ms: attentionList() when service.ts has it. Baseline: the
//   heatmap's p95 on PostgreSQL in the same run (how much more the attention list costs than the
//   heatmap); the issue's fixed 200 ms is printed as met or not beside it.
// Correctness: every row and cell of heatmap() equals the naive computation (same disclosure,
// same n, means and shares within 1e-9), and some rows are pooled or suppressed.
// Where the time goes: the heatmap's steps (list of waves, units, summaries, planning, JSON) timed
// one by one, and the server's own execution time of the summaries and naive queries (EXPLAIN
// ANALYZE).
import { cpus, loadavg } from 'node:os';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import pg from 'pg';
import { seedLargeOrganisation } from '../seed/large';
import { flattenTree } from '../src/lib/domain/units';
import * as analytics from '../src/lib/server/analytics/service';
import type { Actor } from '../src/lib/server/access';
import { ensureWaveSummaries, findWaveSummaries, summariseWave } from '../src/lib/server/analytics/summaries';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { Database } from '../src/lib/server/db/schema';
import { findCurrentFigures } from '../src/lib/server/signals/queries';
import { findUnits } from '../src/lib/server/units/queries';
import {
	BENCH_WAVES,
	copyResponsesPglite,
	copyResponsesPostgres,
	createAdvisor,
	insertSignals,
	insertWaves,
	TODAY,
	unitModels,
	waveResponseLines
} from './analytics-data';
import {
	aggregationQuery,
	cellsOf,
	closedWaves,
	compareHeatmaps,
	naiveHeatmap,
	planWave,
	type WaveRow
} from './analytics-naive';
import {
	createPostgresDatabase,
	figure,
	median,
	percentile,
	timed,
	type BenchContext,
	type Benchmark,
	type Figure
} from './harness';

/** Timed calls per measurement, after one warm-up call. */
const CALLS = 30;
/** Calls of attentionList on PGlite, which gives no figure (only logged). */
const PGLITE_ATTENTION_CALLS = 5;
/** Share of the responses loaded: 1 is about 40,000 per wave. */
// PGlite loads half: COPY into PGlite ran at about 1,000-2,000 rows/s and slowed as the table grew
// (6 × 40,000 took more than five minutes, plus about 15 s of summariseWave per wave).
const RESPONSE_SHARE = { postgres: 1, pglite: 0.5 };
const TARGET_HEATMAP_MS = 100;
const TARGET_ATTENTION_MS = 200;

type AttentionFn = (
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options?: { today?: string }
) => Promise<unknown>;

/** attentionList when service.ts exports it (the lead adds it), else null. */
function attentionListFn(): AttentionFn | null {
	const candidate = (analytics as Record<string, unknown>).attentionList;
	return typeof candidate === 'function' ? (candidate as AttentionFn) : null;
}

/** The machine's load: the figures are only comparable between runs on a quiet machine. */
const load = () =>
	`load average ${loadavg()
		.map((l) => l.toFixed(1))
		.join(' / ')} on ${cpus().length} CPUs`;

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;

interface Setup {
	organisationId: string;
	actor: Actor;
	responses: number;
}

async function setUp(
	ctx: BenchContext,
	engine: 'postgres' | 'pglite',
	handle: DatabaseHandle,
	url: string | null
): Promise<Setup> {
	const started = performance.now();
	const db = handle.db;
	await migrateToLatest(db);
	const seeded = await timed(() => seedLargeOrganisation(db));
	const { organisationId } = seeded.result;
	const actor = await createAdvisor(db, organisationId);
	const units = await db
		.selectFrom('unit')
		.select(['id', 'code', 'headcount'])
		.where('organisation_id', '=', organisationId)
		.execute();
	const organisation = await db
		.selectFrom('organisation')
		.select(['min_group_size', 'sensitive_min_group_size'])
		.where('id', '=', organisationId)
		.executeTakeFirstOrThrow();
	const waveIds = await insertWaves(db, organisationId);
	ctx.log(
		`${engine}: organisation of ${units.length.toLocaleString('en-US')} units in ${ms(seeded.ms)}; ` +
			`${waveIds.length} closed waves, k = ${organisation.min_group_size}, sensitive k = ${organisation.sensitive_min_group_size}`
	);

	const models = unitModels(units);
	let generateMs = 0;
	let copyMs = 0;
	let responses = 0;
	for (const [w, waveId] of waveIds.entries()) {
		const generated = await timed(async () =>
			waveResponseLines(models, organisationId, waveId, w, {
				share: RESPONSE_SHARE[engine],
				k: organisation.min_group_size
			})
		);
		const wave = generated.result;
		const copied = await timed(() =>
			url ? copyResponsesPostgres(url, wave.lines) : copyResponsesPglite(handle.pglite!, wave.lines)
		);
		if (copied.result !== wave.responses)
			throw new Error(`COPY loaded ${copied.result} responses, not ${wave.responses}`);
		generateMs += generated.ms;
		copyMs += copied.ms;
		responses += wave.responses;
		ctx.log(
			`${engine}: wave ${w + 1} (${BENCH_WAVES[w]!.name}): ${wave.responses.toLocaleString('en-US')} responses from ` +
				`${wave.unitsWithResponses.toLocaleString('en-US')} teams, ${wave.unitsBelowK} of them below k; ` +
				`generated in ${ms(generated.ms)}, COPY ${ms(copied.ms)}`
		);
	}
	const analyzed = await timed(() => sql`analyze`.execute(db));

	const summaryMs: number[] = [];
	for (const waveId of waveIds) {
		const { ms: took } = await timed(() =>
			db.transaction().execute((trx) => summariseWave(trx, organisationId, waveId))
		);
		summaryMs.push(took);
	}
	const summaryRows = await db
		.selectFrom('wave_unit_summary')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('organisation_id', '=', organisationId)
		.executeTakeFirstOrThrow();

	const signals = await insertSignals(db, organisationId, units, actor.userId);
	const analyzedAgain = await timed(() => sql`analyze`.execute(db));
	const total = performance.now() - started;
	ctx.log(
		`${engine}: set-up in ${s(total)}: ${responses.toLocaleString('en-US')} responses generated in ${s(generateMs)}, ` +
			`COPY ${s(copyMs)} (${Math.round((responses * 1000) / copyMs).toLocaleString('en-US')} rows/s); ` +
			`summariseWave per wave ${summaryMs.map((m) => ms(m)).join(', ')} (median ${ms(median(summaryMs))}, ` +
			`${summaryRows.n.toLocaleString('en-US')} summary rows); signals: ${signals.unitMonths.toLocaleString('en-US')} ` +
			`unit-months generated in ${ms(signals.generateMs)}, insertFigures ${ms(signals.insertMs)}; ` +
			`ANALYZE ${ms(analyzed.ms + analyzedAgain.ms)}`
	);
	return { organisationId, actor, responses };
}

/** One untimed warm-up call, then `calls` timed ones, one after the other. */
async function sample<T>(calls: number, fn: () => Promise<T>): Promise<{ times: number[]; last: T }> {
	let last = await fn();
	const times: number[] = [];
	for (let i = 0; i < calls; i++) {
		const started = performance.now();
		last = await fn();
		times.push(performance.now() - started);
	}
	return { times, last };
}

const describe = (times: number[]) =>
	`p95 ${ms(percentile(times, 95))}, median ${ms(median(times))}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`;

/** The server's own execution time of a query (EXPLAIN ANALYZE), in ms. */
async function serverMs(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<number> {
	const result = await sql<{ 'QUERY PLAN': unknown }>`explain (analyze, format json) ${query}`.execute(db);
	const raw = result.rows[0]!['QUERY PLAN'];
	const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{
		'Planning Time': number;
		'Execution Time': number;
	}>;
	return plan[0]!['Planning Time'] + plan[0]!['Execution Time'];
}

/** int4[] and float8[]: a split instead of pg's character-by-character array parser. */
const NUMBER_ARRAY_TYPES = [1007, 1022];

/** Runs `fn` with plain split parsers for number arrays (no NULL elements expected), then restores pg's. */
async function withSplitArrayParsers<T>(fn: () => Promise<T>): Promise<T> {
	const saved = NUMBER_ARRAY_TYPES.map((oid) => pg.types.getTypeParser(oid, 'text'));
	const numbers = (value: string) => (value === '{}' ? [] : value.slice(1, -1).split(',').map(Number));
	for (const oid of NUMBER_ARRAY_TYPES) pg.types.setTypeParser(oid, numbers);
	try {
		return await fn();
	} finally {
		NUMBER_ARRAY_TYPES.forEach((oid, i) => pg.types.setTypeParser(oid, saved[i]!));
	}
}

/** heatmap()'s steps one by one (the same calls and the same planning as service.ts), medians. */
async function heatmapPhases(
	ctx: BenchContext,
	engine: string,
	db: Kysely<Database>,
	actor: Actor,
	organisationId: string,
	heatmap: analytics.Heatmap
) {
	const phases: Record<string, number[]> = {
		'waves (ensureWaveSummaries)': [],
		findUnits: [],
		findWaveSummaries: [],
		'roll-up + plans + rows (JS)': [],
		'JSON.stringify of the result': []
	};
	let summaryRows = 0;
	let waveIds: string[] = [];
	for (let i = 0; i <= 10; i++) {
		const w = await timed(() => ensureWaveSummaries(db, organisationId, TODAY));
		const [wave, previous]: WaveRow[] = w.result;
		waveIds = [wave!.id, previous!.id];
		const u = await timed(() => findUnits(db, organisationId));
		const f = await timed(() => findWaveSummaries(db, organisationId, waveIds));
		summaryRows = f.result.length;
		const p = await timed(async () => {
			const of = (waveId: string) =>
				f.result
					.filter((r) => r.wave_id === waveId)
					.map((r) => ({
						unitId: r.unit_id,
						respondents: r.respondents,
						scored: r.scored,
						scoreSum: r.score_sum,
						scoreSumSq: r.score_sum_sq,
						green: r.green,
						orange: r.orange,
						red: r.red
					}));
			const current = planWave(u.result, of(wave!.id), wave!);
			const before = planWave(u.result, of(previous!.id), previous!);
			return flattenTree(u.result).map((r) => [cellsOf(current, r.unit.id), cellsOf(before, r.unit.id)]);
		});
		const j = await timed(async () => JSON.stringify(heatmap).length);
		if (i === 0) continue;
		phases['waves (ensureWaveSummaries)']!.push(w.ms);
		phases.findUnits!.push(u.ms);
		phases.findWaveSummaries!.push(f.ms);
		phases['roll-up + plans + rows (JS)']!.push(p.ms);
		phases['JSON.stringify of the result']!.push(j.ms);
	}
	const summariesQuery = sql`select * from wave_unit_summary where organisation_id = ${organisationId} and wave_id = any(${waveIds}::uuid[])`;
	const summariesServer = median([
		await serverMs(db, summariesQuery),
		await serverMs(db, summariesQuery),
		await serverMs(db, summariesQuery)
	]);
	const parts = Object.entries(phases).map(([name, times]) => `${name} ${ms(median(times))}`);
	ctx.log(
		`${engine}: heatmap() step by step (medians of 10, run one after the other): ${parts.join('; ')}. ` +
			`findWaveSummaries reads ${summaryRows.toLocaleString('en-US')} rows (two waves), of which the server's own ` +
			`planning + execution is ${ms(summariesServer)} (EXPLAIN ANALYZE); the rest is transfer and parsing the arrays. ` +
			`Result: ${heatmap.rows.length.toLocaleString('en-US')} rows × ${heatmap.dimensions.length} dimensions, ` +
			`${(JSON.stringify(heatmap).length / 1e6).toFixed(1)} MB as JSON`
	);
	// What a cheaper parse of the summaries' arrays would give (a suggestion, not the product's code).
	const split = await withSplitArrayParsers(async () => ({
		summaries: (await sample(10, () => findWaveSummaries(db, organisationId, waveIds))).times,
		heatmap: (await sample(10, () => analytics.heatmap(db, actor, organisationId, { today: TODAY }))).times
	}));
	ctx.log(
		`${engine}: with split parsers for int4[]/float8[] instead of pg's array parser (experiment): findWaveSummaries ` +
			`median ${ms(median(split.summaries))} (was ${ms(median(phases.findWaveSummaries!))}), heatmap() ${describe(split.heatmap)}`
	);
}

async function measure(
	ctx: BenchContext,
	engine: 'postgres' | 'pglite',
	handle: DatabaseHandle,
	url: string | null
): Promise<{ heatmap: number[]; naive: number[]; attention: number[] | null }> {
	const { organisationId, actor } = await setUp(ctx, engine, handle, url);
	const db = handle.db;
	ctx.log(`${engine}: measuring; ${load()}`);

	const heatmapRun = await sample(CALLS, () =>
		analytics.heatmap(db, actor, organisationId, { today: TODAY })
	);
	ctx.log(`${engine}: heatmap() over ${CALLS} calls: ${describe(heatmapRun.times)}`);
	const naiveRun = await sample(CALLS, () => naiveHeatmap(db, organisationId, TODAY));
	ctx.log(`${engine}: naive scan over ${CALLS} calls: ${describe(naiveRun.times)}`);

	// Correctness: the same heatmap both ways, and the anonymity rules at work.
	const heatmap = heatmapRun.last;
	const comparison = compareHeatmaps(heatmap, naiveRun.last);
	const reasons = (counts: Record<string, number>) =>
		Object.entries(counts)
			.map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`)
			.join(', ');
	ctx.log(
		`${engine}: check: ${comparison.rows.toLocaleString('en-US')} rows, ${comparison.cells.toLocaleString('en-US')} cells ` +
			`(both waves), ${comparison.shownCells.toLocaleString('en-US')} shown; largest difference of a mean or share ` +
			`${comparison.maxDifference.toExponential(1)}; rows by respondents figure: ${reasons(comparison.rowReasons)}; ` +
			`${comparison.rowsWithPooled} rows list pooled units; hidden cells: ${reasons(comparison.cellReasons)}`
	);
	if (comparison.mismatches.length)
		throw new Error(
			`${engine}: heatmap() and the naive scan disagree in ${comparison.mismatches.length} places: ` +
				comparison.mismatches.slice(0, 10).join('; ')
		);
	const hidden = (comparison.rowReasons['below-k'] ?? 0) + (comparison.rowReasons.secondary ?? 0);
	if (!hidden || !comparison.rowsWithPooled)
		throw new Error(`${engine}: expected pooled and suppressed rows, got ${reasons(comparison.rowReasons)}`);
	if (!comparison.rowReasons.secondary && !comparison.cellReasons.secondary)
		ctx.log(`${engine}: note: no secondary suppression in this data (only below-k and sensitive)`);
	const naiveRows = new Map(naiveRun.last.rows.map((r) => [r.unitId, r]));
	const examples = [
		heatmap.rows.find((r) => r.depth === 3 && r.cells[0]?.shown),
		heatmap.rows.find((r) => r.depth === 2 && r.pooled.length > 0),
		heatmap.rows.find((r) => r.depth === 1)
	].filter((r) => r !== undefined);
	for (const row of examples) {
		const cell = row.cells[0]!;
		const other = naiveRows.get(row.unitId)!.cells[0]!;
		if (cell.shown && other.shown)
			ctx.log(
				`${engine}: ${row.code} (${row.name}${row.pooled.length ? `, pools ${row.pooled.length} units` : ''}): ` +
					`${heatmap.dimensions[0]!.id} mean ${cell.value.mean.toFixed(12)} (n ${cell.n}) / naive ` +
					`${other.value.mean.toFixed(12)} (n ${other.n})`
			);
	}

	await heatmapPhases(ctx, engine, db, actor, organisationId, heatmap);
	const waves = await closedWaves(db, organisationId, TODAY);
	const naiveQuery = aggregationQuery(organisationId, waves.slice(0, 2));
	ctx.log(
		`${engine}: the naive scan's aggregation of ${(
			await db
				.selectFrom('response')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('wave_id', 'in', [waves[0]!.id, waves[1]!.id])
				.executeTakeFirstOrThrow()
				.then((r) => r.n)
		).toLocaleString(
			'en-US'
		)} responses takes ${ms(await serverMs(db, naiveQuery))} in the server (EXPLAIN ANALYZE)`
	);

	let attention: number[] | null = null;
	const attentionList = attentionListFn();
	if (!attentionList)
		ctx.log(`${engine}: attentionList is missing from src/lib/server/analytics/service.ts: not measured`);
	else {
		const calls = engine === 'pglite' ? PGLITE_ATTENTION_CALLS : CALLS;
		const run = await sample(calls, () => attentionList(db, actor, organisationId, { today: TODAY }));
		attention = run.times;
		const figures = await sample(5, () => findCurrentFigures(db, organisationId));
		ctx.log(
			`${engine}: of which findCurrentFigures (all ${figures.last.length.toLocaleString('en-US')} unit-months of signal_month, ` +
				`as attentionList reads them) median ${ms(median(figures.times))}`
		);
		const items = (run.last as { items?: Array<{ code?: string; reasons?: unknown[] }> } | null)?.items;
		ctx.log(
			`${engine}: attentionList() over ${calls} calls: ${describe(run.times)}; ` +
				(Array.isArray(items)
					? `${items.length} units listed, first ${items
							.slice(0, 3)
							.map((i) => `${i.code} (${i.reasons?.length ?? '?'} reasons)`)
							.join(', ')}`
					: 'no items list in its result')
		);
	}
	ctx.log(`${engine}: done; ${load()}`);
	return { heatmap: heatmapRun.times, naive: naiveRun.times, attention };
}

const benchmark: Benchmark = {
	id: 'analytics',
	async run(ctx) {
		const figures: Figure[] = [];
		ctx.log(
			`${load()}; ${CALLS} timed calls per measurement after one warm-up; responses loaded: PostgreSQL ` +
				`${RESPONSE_SHARE.postgres * 100}%, PGlite ${RESPONSE_SHARE.pglite * 100}% of about 40,000 per wave`
		);
		if (ctx.postgresUrl) {
			const database = await createPostgresDatabase(ctx.postgresUrl, 'analytics');
			try {
				const handle = await openDatabase({ url: database.url, poolSize: 4 });
				try {
					const run = await measure(ctx, 'postgres', handle, database.url);
					const heatmapP95 = percentile(run.heatmap, 95);
					ctx.log(
						`postgres: heatmap p95 ${ms(heatmapP95)} (median ${ms(median(run.heatmap))}), target ≤ ${TARGET_HEATMAP_MS} ms: ` +
							`${met(heatmapP95 <= TARGET_HEATMAP_MS)}; ${(percentile(run.naive, 95) / heatmapP95).toFixed(1)} × faster than the naive scan`
					);
					figures.push(
						figure('analytics.heatmap.postgres.p95_ms', heatmapP95, 'ms', 'lower', {
							label: 'naive scan of the responses, p95 (same run)',
							value: percentile(run.naive, 95)
						})
					);
					if (run.attention) {
						const attentionP95 = percentile(run.attention, 95);
						ctx.log(
							`postgres: attention list p95 ${ms(attentionP95)} (median ${ms(median(run.attention))}), ` +
								`target ≤ ${TARGET_ATTENTION_MS} ms: ${met(attentionP95 <= TARGET_ATTENTION_MS)}`
						);
						figures.push(
							figure('analytics.attention.postgres.p95_ms', attentionP95, 'ms', 'lower', {
								label: 'heatmap p95 on PostgreSQL (same run)',
								value: heatmapP95
							})
						);
					}
				} finally {
					await handle.close();
				}
			} finally {
				await database.drop();
			}
		}
		const pglite = await openDatabase({ dataDir: 'memory://' });
		try {
			const run = await measure(ctx, 'pglite', pglite, null);
			const heatmapP95 = percentile(run.heatmap, 95);
			ctx.log(
				`pglite: heatmap p95 ${ms(heatmapP95)} (median ${ms(median(run.heatmap))}) ` +
					`(the ${TARGET_HEATMAP_MS} ms target is PostgreSQL's: ${met(heatmapP95 <= TARGET_HEATMAP_MS)} here); ` +
					`${(percentile(run.naive, 95) / heatmapP95).toFixed(1)} × faster than the naive scan` +
					(run.attention ? `; attention list p95 ${ms(percentile(run.attention, 95))}` : '')
			);
			figures.push(
				figure('analytics.heatmap.pglite.p95_ms', heatmapP95, 'ms', 'lower', {
					label: 'naive scan of the responses, p95 (same run)',
					value: percentile(run.naive, 95)
				})
			);
		} finally {
			await pglite.close();
		}
		return figures;
	}
};

export default benchmark;
