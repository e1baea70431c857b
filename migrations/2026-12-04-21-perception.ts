import { sql, type Kysely } from 'kysely';

/**
 * Perception in the barometer (docs/action-plans.md, "Perception in the barometer"). A wave may ask,
 * per measure done since the previous wave, one question to the respondents of the measure's unit
 * (with the units below it; all respondents for a measure of the whole organisation).
 *
 * - `wave_measure`: the measures a wave asks about, in order, with the title and the unit as they
 *   were when the wave was created (the respondent sees the title as written then).
 * - `perception_answer`: one row per answered question, written only when the wave stops taking
 *   answers, in random order, with a fresh random id and nothing that ties it to a response, a code
 *   or a time (docs/anonymity.md, "At rest"). While the wave is open the answers travel sealed with
 *   the rest of the response in `response_sealed`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('wave_measure')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('measure_id', 'uuid', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
		.addColumn('title', 'text', (c) => c.notNull())
		// The measure's unit when the wave was created; null: the organisation as a whole.
		.addColumn('unit_id', 'uuid')
		.addPrimaryKeyConstraint('wave_measure_pk', ['organisation_id', 'wave_id', 'measure_id'])
		.addForeignKeyConstraint(
			'wave_measure_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.addForeignKeyConstraint(
			'wave_measure_measure_fk',
			['organisation_id', 'measure_id'],
			'measure',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.addUniqueConstraint('wave_measure_position_unique', ['organisation_id', 'wave_id', 'position'])
		.execute();
	await db.schema
		.createIndex('wave_measure_measure_idx')
		.on('wave_measure')
		.columns(['organisation_id', 'measure_id'])
		.execute();

	await db.schema
		.createTable('perception_answer')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('measure_id', 'uuid', (c) => c.notNull())
		.addColumn('id', 'uuid', (c) => c.notNull())
		// The respondent's unit, as on their response; no foreign key, as on `response_sealed`.
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('answer', 'smallint', (c) => c.notNull().check(sql`answer between 1 and 4`))
		.addPrimaryKeyConstraint('perception_answer_pk', ['organisation_id', 'id'])
		.addForeignKeyConstraint(
			'perception_answer_wave_measure_fk',
			['organisation_id', 'wave_id', 'measure_id'],
			'wave_measure',
			['organisation_id', 'wave_id', 'measure_id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('perception_answer_measure_idx')
		.on('perception_answer')
		.columns(['organisation_id', 'measure_id', 'wave_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('perception_answer').execute();
	await db.schema.dropTable('wave_measure').execute();
}
