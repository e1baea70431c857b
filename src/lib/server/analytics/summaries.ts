import { sql, type Kysely, type Transaction } from 'kysely';
import { waveStatus } from '../../domain/waves';
import { dimensionsOf } from '../../instruments';
import type { UnitNode } from '../../domain/units';
import pg from 'pg';
import { copyOut, uuidLiterals } from '../db/bulk';
import type { Database } from '../db/schema';
import { BAND_CODE, bandSql } from './bands';
import { columnsOfSummaries, decodePack, type SummaryColumns } from './packs';
import { mixSealedResponses } from '../barometer/sealed';
import { waveRowToWave } from '../barometer/wave-row';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Summarises a wave's responses per unit and dimension (respondents, scored answers, sum and sum
 * of squares of the scores, band counts) in one statement. The bands are computed in SQL from the
 * wave's own definition, so the summary agrees with the respondent's personal result. The same
 * summary is also stored as one pack per wave (packs.ts), which is what the analytics read.
 */
export async function summariseWave(db: Db, organisationId: string, waveId: string): Promise<void> {
	// The answers sealed while the wave took them go into `response` now, in random order (at rest).
	await mixSealedResponses(db, organisationId, waveId);
	const wave = await db
		.selectFrom('wave')
		.select(['definition', 'include_module'])
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.executeTakeFirstOrThrow();
	const dimensions = dimensionsOf(waveRowToWave(wave).definition, wave.include_module);
	const rows = dimensions.map(
		(d, i) =>
			sql`(${d.id}::text, ${i + 1}::int, ${d.bands.riskWhen === 'high'}::boolean, ${d.bands.orange}::float8, ${d.bands.red}::float8)`
	);
	await sql`delete from wave_unit_summary where organisation_id = ${organisationId} and wave_id = ${waveId}`.execute(
		db
	);
	// A unit with more link answers than its headcount now (docs/anonymity.md, "Link waves") is
	// not summarised at all: its answers count nowhere, and its node in the tree says why.
	const overfull = sql`
		select r.unit_id from response r
		join unit u on u.organisation_id = r.organisation_id and u.id = r.unit_id
		where r.organisation_id = ${organisationId} and r.wave_id = ${waveId} and r.via = 'link'
		group by r.unit_id, u.headcount
		having count(*) > coalesce(u.headcount, 0)
	`;
	await sql`
		with d (dim, ord, risk_high, orange, red) as (values ${sql.join(rows)}),
		overfull as (${overfull}),
		scored as (
			select r.unit_id, d.ord, (r.scores ->> d.dim)::float8 as score, d.risk_high, d.orange, d.red
			from response r cross join d
			where r.organisation_id = ${organisationId} and r.wave_id = ${waveId}
				and r.unit_id not in (select unit_id from overfull)
		),
		banded as (
			select unit_id, ord, score,
				${bandSql(sql.ref('score'), sql.ref('risk_high'), sql.ref('orange'), sql.ref('red'))} as band
			from scored
		),
		per_dimension as (
			select unit_id, ord, count(score)::int as scored, coalesce(sum(score), 0) as score_sum,
				coalesce(sum(score * score), 0) as score_sum_sq,
				count(*) filter (where band = ${sql.lit(BAND_CODE.green)})::int as green,
				count(*) filter (where band = ${sql.lit(BAND_CODE.orange)})::int as orange,
				count(*) filter (where band = ${sql.lit(BAND_CODE.red)})::int as red
			from banded group by unit_id, ord
		),
		respondents as (
			select unit_id, count(*)::int as respondents from response
			where organisation_id = ${organisationId} and wave_id = ${waveId}
				and unit_id not in (select unit_id from overfull)
			group by unit_id
		)
		insert into wave_unit_summary
			(organisation_id, wave_id, unit_id, respondents, scored, score_sum, score_sum_sq, green, orange, red)
		select ${organisationId}, ${waveId}, p.unit_id, r.respondents,
			array_agg(p.scored order by p.ord), array_agg(p.score_sum order by p.ord),
			array_agg(p.score_sum_sq order by p.ord), array_agg(p.green order by p.ord),
			array_agg(p.orange order by p.ord), array_agg(p.red order by p.ord)
		from per_dimension p join respondents r on r.unit_id = p.unit_id
		group by p.unit_id, r.respondents
	`.execute(db);
	// The unit tree of this moment stays with the summary: the wave is planned on it for good.
	await sql`
		with overfull as (${overfull})
		update wave set summarised_at = now(), summary_tree = (
			select coalesce(jsonb_agg(jsonb_build_object(
				'id', u.id, 'parentId', u.parent_id, 'code', u.code, 'name', u.name,
				'headcount', u.headcount, 'archived', u.valid_to is not null,
				'overfull', u.id in (select unit_id from overfull)
			) order by u.code), '[]'::jsonb)
			from unit u where u.organisation_id = ${organisationId}
		)
		where organisation_id = ${organisationId} and id = ${waveId}
	`.execute(db);
	await writeWavePack(db, organisationId, waveId, dimensions.length);
}

/**
 * Stores the wave's summary rows as they stand as its pack (packs.ts), stamped with the wave's
 * summarised_at as the database has it (to the microsecond).
 */
async function writeWavePack(
	db: Db,
	organisationId: string,
	waveId: string,
	dimensions: number
): Promise<void> {
	const each = (column: string, send: 'int4send' | 'float8send') =>
		sql`coalesce((select string_agg(${sql.raw(send)}(x), ''::bytea order by i) from unnest(s.${sql.ref(column)}) with ordinality as a(x, i)), ''::bytea)`;
	await sql`delete from wave_summary_pack where organisation_id = ${organisationId} and wave_id = ${waveId}`.execute(
		db
	);
	await sql`
		insert into wave_summary_pack (organisation_id, wave_id, summarised_at, units, dimensions, data)
		select ${organisationId}, ${waveId},
			(select summarised_at from wave where organisation_id = ${organisationId} and id = ${waveId}),
			count(*)::int, ${dimensions}::int,
			coalesce(string_agg(
				uuid_send(s.unit_id) || int4send(s.respondents) || ${each('scored', 'int4send')}
				|| ${each('score_sum', 'float8send')} || ${each('score_sum_sq', 'float8send')}
				|| ${each('green', 'int4send')} || ${each('orange', 'int4send')} || ${each('red', 'int4send')},
				''::bytea order by s.unit_id), ''::bytea)
		from wave_unit_summary s
		where s.organisation_id = ${organisationId} and s.wave_id = ${waveId}
	`.execute(db);
}

/** Drops a wave's summary (it takes answers again). */
export async function dropWaveSummary(db: Db, organisationId: string, waveId: string): Promise<void> {
	await db
		.deleteFrom('wave_unit_summary')
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.execute();
	await db
		.deleteFrom('wave_summary_pack')
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.execute();
	await db
		.deleteFrom('wave_result')
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.execute();
	await sql`
		update wave set summarised_at = null, summary_tree = null
		where organisation_id = ${organisationId} and id = ${waveId}
	`.execute(db);
}

/** The organisation's waves that no longer take answers on `today`, newest first, as they are (a read only). */
export async function findClosedWaves(db: Kysely<Database>, organisationId: string, today: string) {
	return (
		await db
			.selectFrom('wave')
			.select([
				'id',
				'name',
				'opens_on',
				'closes_on',
				'closed',
				'summarised_at',
				'definition',
				'include_module'
			])
			.select(['min_group_size', 'sensitive_min_group_size'])
			.where('organisation_id', '=', organisationId)
			.orderBy('closes_on', 'desc')
			.execute()
	)
		.filter(
			(w) => waveStatus({ opensOn: w.opens_on, closesOn: w.closes_on, closed: w.closed }, today) === 'closed'
		)
		.map(waveRowToWave);
}

/**
 * Summarises every wave of the organisation that no longer takes answers and has no summary yet
 * (a wave also closes by passing its closing date, without anyone acting). Returns the waves that
 * no longer take answers, newest first.
 */
export async function ensureWaveSummaries(db: Kysely<Database>, organisationId: string, today: string) {
	const closedWaves = () => findClosedWaves(db, organisationId, today);
	const closed = await closedWaves();
	const unsummarised = closed.filter((w) => w.summarised_at === null);
	if (unsummarised.length === 0) return closed;
	for (const wave of unsummarised) {
		// Two requests may find the same wave unsummarised: the row lock lets one of them do it.
		await db.transaction().execute(async (trx) => {
			const row = await trx
				.selectFrom('wave')
				.select('summarised_at')
				.where('organisation_id', '=', organisationId)
				.where('id', '=', wave.id)
				.forUpdate()
				.executeTakeFirst();
			if (row && row.summarised_at === null) await summariseWave(trx, organisationId, wave.id);
		});
	}
	// Read again, with the summaries' stamps and trees.
	return closedWaves();
}

export async function findWaveSummaries(db: Db, organisationId: string, waveIds: readonly string[]) {
	if (waveIds.length === 0) return [];
	return db
		.selectFrom('wave_unit_summary')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('wave_id', 'in', waveIds)
		.execute();
}

export interface StoredPack {
	wave_id: string;
	summarised_at: Date;
	units: number;
	dimensions: number;
	data: Uint8Array;
}

const parseTimestamp = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (
	text: string
) => Date;

/**
 * The stored packs of some waves. Through COPY in binary format where the pool allows it (bulk.ts):
 * the packs of a large organisation are megabytes, which an ordinary query sends as text for
 * node-postgres to turn into a string and back into bytes. Otherwise (inside a transaction) as
 * base64 text, half the bytes of bytea's hex form and decoded natively.
 */
export async function readPacks(
	db: Db,
	organisationId: string,
	waveIds: readonly string[]
): Promise<StoredPack[]> {
	const organisation = uuidLiterals([organisationId]);
	const waves = uuidLiterals(waveIds);
	if (organisation && waves) {
		const rows = await copyOut(
			db,
			`select wave_id::text, summarised_at::text, units, dimensions, data from wave_summary_pack
			 where organisation_id = ${organisation} and wave_id in (${waves})`
		);
		if (rows)
			return rows.map(([waveId, summarisedAt, units, dimensions, data]) => ({
				wave_id: waveId!.toString('utf8'),
				// The text PostgreSQL sends for the column in an ordinary query, parsed as node-postgres does.
				summarised_at: parseTimestamp(summarisedAt!.toString('utf8')),
				units: units!.readInt32BE(0),
				dimensions: dimensions!.readInt32BE(0),
				data: data!
			}));
	}
	const rows = await db
		.selectFrom('wave_summary_pack')
		.select(['wave_id', 'summarised_at', 'units', 'dimensions'])
		.select(sql<string>`encode(data, 'base64')`.as('data'))
		.where('organisation_id', '=', organisationId)
		.where('wave_id', 'in', waveIds)
		.execute();
	return rows.map((r) => ({ ...r, data: Buffer.from(r.data, 'base64') }));
}

/**
 * The summaries of closed waves as columns (packs.ts): from each wave's pack when it carries the
 * wave's summarised_at, else from its rows.
 */
export async function readWaveColumns(
	db: Db,
	organisationId: string,
	waves: ReadonlyArray<{ id: string; summarised_at: Date | null; dimensions: number }>
): Promise<Map<string, SummaryColumns>> {
	const result = new Map<string, SummaryColumns>();
	if (waves.length === 0) return result;
	const packs = await readPacks(
		db,
		organisationId,
		waves.map((w) => w.id)
	);
	const byWave = new Map(packs.map((p) => [p.wave_id, p]));
	const missing: Array<(typeof waves)[number]> = [];
	for (const wave of waves) {
		const pack = byWave.get(wave.id);
		if (
			pack &&
			wave.summarised_at &&
			new Date(pack.summarised_at).getTime() === new Date(wave.summarised_at).getTime() &&
			pack.dimensions === wave.dimensions
		)
			result.set(wave.id, decodePack(pack.data, pack.units, pack.dimensions));
		else missing.push(wave);
	}
	if (missing.length) {
		const rows = await findWaveSummaries(
			db,
			organisationId,
			missing.map((w) => w.id)
		);
		for (const wave of missing)
			result.set(
				wave.id,
				columnsOfSummaries(
					rows
						.filter((r) => r.wave_id === wave.id)
						.map((r) => ({
							unitId: r.unit_id,
							respondents: r.respondents,
							scored: r.scored,
							scoreSum: r.score_sum,
							scoreSumSq: r.score_sum_sq,
							green: r.green,
							orange: r.orange,
							red: r.red
						})),
					wave.dimensions
				)
			);
	}
	return result;
}

/**
 * The unit trees closed waves were summarised with (docs/anonymity.md: a closed wave is frozen
 * with its tree), by wave id. Every summarised wave has one. Waves summarised with the same tree
 * (the usual case: units seldom change between waves) get it in one row and as one array, so a
 * large tree is sent and parsed once, not once per wave.
 */
export async function findWaveTrees(
	db: Db,
	organisationId: string,
	waveIds: readonly string[]
): Promise<Map<string, UnitNode[]>> {
	if (waveIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('wave')
		.select([sql<string[]>`array_agg(id::text)`.as('ids'), 'summary_tree'])
		.where('organisation_id', '=', organisationId)
		.where('id', 'in', waveIds)
		.where('summary_tree', 'is not', null)
		.groupBy('summary_tree')
		.execute();
	return new Map(rows.flatMap((r) => r.ids.map((id) => [id, r.summary_tree!] as const)));
}
