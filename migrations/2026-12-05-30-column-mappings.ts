import { sql, type Kysely } from 'kysely';

/**
 * The column mapping HR chose for a file whose header the import did not recognise, remembered per
 * organisation and format so that the next export from the same payroll system imports as it is.
 * `mapping` holds normalised header → column id, or null for a column HR chose to ignore.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('signal_column_mapping')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('monthly','spells','staffing')`))
		.addColumn('mapping', 'jsonb', (c) => c.notNull())
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('signal_column_mapping_pk', ['organisation_id', 'format'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('signal_column_mapping').execute();
}
