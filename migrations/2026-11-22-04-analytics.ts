import { sql, type Kysely } from 'kysely';

/**
 * Analytics: per closed wave and unit, the summary of its responses per dimension (in the order
 * of the wave's dimensions), so that dashboards never scan responses. A wave is summarised once
 * it no longer takes answers; reopening it drops its summary.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('wave').addColumn('summarised_at', 'timestamptz').execute();
	await db.schema
		.createTable('wave_unit_summary')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('respondents', 'integer', (c) => c.notNull())
		// Per dimension: scored answers, sum and sum of squares of the scores, and the band counts.
		.addColumn('scored', sql`integer[]`, (c) => c.notNull())
		.addColumn('score_sum', sql`double precision[]`, (c) => c.notNull())
		.addColumn('score_sum_sq', sql`double precision[]`, (c) => c.notNull())
		.addColumn('green', sql`integer[]`, (c) => c.notNull())
		.addColumn('orange', sql`integer[]`, (c) => c.notNull())
		.addColumn('red', sql`integer[]`, (c) => c.notNull())
		.addPrimaryKeyConstraint('wave_unit_summary_pk', ['organisation_id', 'wave_id', 'unit_id'])
		.addForeignKeyConstraint(
			'wave_unit_summary_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.addForeignKeyConstraint('wave_unit_summary_unit_fk', ['organisation_id', 'unit_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('wave_unit_summary').execute();
	await db.schema.alterTable('wave').dropColumn('summarised_at').execute();
}
