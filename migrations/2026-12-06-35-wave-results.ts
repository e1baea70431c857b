import { sql, type Kysely } from 'kysely';

/**
 * The results of a closed wave as the analytics gate plans them (analytics/wave-store.ts): per
 * unit of the wave's own tree the subtree totals, and the disclosure plans of its dimensions, as
 * typed arrays in one value. Kept under the key of every input they are computed from (the wave
 * as summarised, its k settings, its dimensions, the format): a reader uses a row only when its
 * key equals the key of the wave as it reads it, so a row can go out of date but is never served
 * so. One row per wave: storing under a new key replaces the old.
 *
 * The totals are sums of the wave's summaries (wave_summary_pack holds each unit's own sums), so
 * the table tells nothing the summaries do not. Read whole by every process after a change, so
 * that planning a wave happens once per change rather than once per process.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('wave_result')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('input_key', 'text', (c) => c.notNull())
		.addColumn('data', 'bytea', (c) => c.notNull())
		.addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('wave_result_pk', ['organisation_id', 'wave_id'])
		.addForeignKeyConstraint(
			'wave_result_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	// Read whole: not compressed, so that reading is only copying.
	await sql`alter table wave_result alter column data set storage external`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('wave_result').execute();
}
