import { sql, type Kysely, type Transaction } from 'kysely';
import { waveStatus } from '../../domain/waves';
import { dimensionsOf } from '../../instruments';
import type { InstrumentDefinition } from '../../instruments/types';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Summarises a wave's responses per unit and dimension (respondents, scored answers, sum and sum
 * of squares of the scores, band counts) in one statement. The bands are computed in SQL from the
 * wave's own definition, so the summary agrees with the respondent's personal result.
 */
export async function summariseWave(db: Db, organisationId: string, waveId: string): Promise<void> {
	const wave = await db
		.selectFrom('wave')
		.select(['definition', 'include_module'])
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.executeTakeFirstOrThrow();
	const dimensions = dimensionsOf(wave.definition as InstrumentDefinition, wave.include_module);
	const rows = dimensions.map(
		(d, i) =>
			sql`(${d.id}::text, ${i + 1}::int, ${d.bands.riskWhen === 'high'}::boolean, ${d.bands.orange}::float8, ${d.bands.red}::float8)`
	);
	await sql`delete from wave_unit_summary where organisation_id = ${organisationId} and wave_id = ${waveId}`.execute(
		db
	);
	await sql`
		with d (dim, ord, risk_high, orange, red) as (values ${sql.join(rows)}),
		scored as (
			select r.unit_id, d.ord, (r.scores ->> d.dim)::float8 as score, d.risk_high, d.orange, d.red
			from response r cross join d
			where r.organisation_id = ${organisationId} and r.wave_id = ${waveId}
		),
		banded as (
			select unit_id, ord, score,
				case
					when score is null then null
					when risk_high then case when score >= red then 2 when score >= orange then 1 else 0 end
					else case when score <= red then 2 when score <= orange then 1 else 0 end
				end as band
			from scored
		),
		per_dimension as (
			select unit_id, ord, count(score)::int as scored, coalesce(sum(score), 0) as score_sum,
				coalesce(sum(score * score), 0) as score_sum_sq,
				count(*) filter (where band = 0)::int as green,
				count(*) filter (where band = 1)::int as orange,
				count(*) filter (where band = 2)::int as red
			from banded group by unit_id, ord
		),
		respondents as (
			select unit_id, count(*)::int as respondents from response
			where organisation_id = ${organisationId} and wave_id = ${waveId}
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
	await db
		.updateTable('wave')
		.set({ summarised_at: sql`now()` })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.execute();
}

/** Drops a wave's summary (it takes answers again). */
export async function dropWaveSummary(db: Db, organisationId: string, waveId: string): Promise<void> {
	await db
		.deleteFrom('wave_unit_summary')
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.execute();
	await db
		.updateTable('wave')
		.set({ summarised_at: null })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.execute();
}

/**
 * Summarises every wave of the organisation that no longer takes answers and has no summary yet
 * (a wave also closes by passing its closing date, without anyone acting). Returns the waves that
 * no longer take answers, newest first.
 */
export async function ensureWaveSummaries(db: Kysely<Database>, organisationId: string, today: string) {
	const waves = await db
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
		.execute();
	const closed = waves.filter(
		(w) => waveStatus({ opensOn: w.opens_on, closesOn: w.closes_on, closed: w.closed }, today) === 'closed'
	);
	for (const wave of closed.filter((w) => w.summarised_at === null)) {
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
	return closed;
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
