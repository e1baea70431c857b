import { sql, type Kysely } from 'kysely';

/**
 * Collective signals: HR uploads (one row per file, kept for the history and for undo), the
 * per-unit-month figures each upload supplied, the figures currently in force, and the mapping of
 * unit codes used in HR systems to units.
 *
 * A figure left null by an upload was not supplied by it. The figures in force for a unit-month
 * are, field by field, those of the latest active upload that supplied the field; they are kept in
 * `signal_month` so that reading them never has to resolve versions.
 *
 * Neither figure table has a foreign key to `unit`: an import writes tens of thousands of
 * unit-months at once and the checks would double its time. Only the import writes them, with
 * unit ids it has just resolved, and units are archived, never deleted.
 */
const FIGURE_COLUMNS = {
	headcount: 'double precision',
	fte: 'double precision',
	planned_days: 'double precision',
	sick_days_short: 'double precision',
	sick_days_medium: 'double precision',
	sick_days_long: 'double precision',
	spells: 'integer',
	frequent_absentees: 'integer',
	spells_ended: 'integer',
	spells_ended_days: 'double precision',
	leavers_voluntary: 'integer',
	leavers_involuntary: 'integer',
	new_incapacity_4w: 'integer',
	ongoing_incapacity_1y: 'integer',
	work_accidents: 'integer',
	job_adaptation_requests: 'integer',
	psychosocial_requests: 'integer'
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('signal_upload')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		// Orders uploads: the later of two uploads supplying a figure wins.
		.addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
		.addColumn('format', 'text', (c) =>
			c.notNull().check(sql`format in ('monthly','spells','staffing','spells+staffing')`)
		)
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull())
		.addColumn('byte_size', 'bigint', (c) => c.notNull())
		.addColumn('row_count', 'integer', (c) => c.notNull())
		.addColumn('period_from', 'date', (c) => c.notNull())
		.addColumn('period_to', 'date', (c) => c.notNull())
		.addColumn('unit_count', 'integer', (c) => c.notNull())
		.addColumn('uploaded_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('undone_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('undone_at', 'timestamptz')
		.addPrimaryKeyConstraint('signal_upload_pk', ['organisation_id', 'id'])
		.addCheckConstraint('signal_upload_period', sql`period_to >= period_from`)
		.execute();
	await db.schema
		.createIndex('signal_upload_hash_idx')
		.on('signal_upload')
		.columns(['organisation_id', 'content_hash'])
		.execute();

	let figures = db.schema
		.createTable('signal_figure')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('upload_id', 'uuid', (c) => c.notNull())
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('month', 'date', (c) => c.notNull());
	let current = db.schema
		.createTable('signal_month')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('month', 'date', (c) => c.notNull());
	for (const [name, type] of Object.entries(FIGURE_COLUMNS)) {
		figures = figures.addColumn(name, type, (c) => c.check(sql`${sql.ref(name)} >= 0`));
		current = current.addColumn(name, type);
	}
	await figures
		.addPrimaryKeyConstraint('signal_figure_pk', ['organisation_id', 'upload_id', 'unit_id', 'month'])
		.addForeignKeyConstraint(
			'signal_figure_upload_fk',
			['organisation_id', 'upload_id'],
			'signal_upload',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('signal_figure_unit_month_idx')
		.on('signal_figure')
		.columns(['organisation_id', 'unit_id', 'month'])
		.execute();
	await current.addPrimaryKeyConstraint('signal_month_pk', ['organisation_id', 'unit_id', 'month']).execute();

	// Codes an HR system uses for a unit, mapped once by HR so that later files import as they are.
	await db.schema
		.createTable('unit_code_alias')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('alias', 'text', (c) => c.notNull())
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addPrimaryKeyConstraint('unit_code_alias_pk', ['organisation_id', 'alias'])
		.addForeignKeyConstraint('unit_code_alias_unit_fk', ['organisation_id', 'unit_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('unit_code_alias').execute();
	await db.schema.dropTable('signal_month').execute();
	await db.schema.dropTable('signal_figure').execute();
	await db.schema.dropTable('signal_upload').execute();
}
