import { sql, type Kysely } from 'kysely';

/**
 * The release log (docs/anonymity.md, "Releases"): one row per thing the organisation has ever
 * disclosed from one set of data: a closed wave's plan, or a month's plan of collective signals.
 * A release is written the first time anything of it is shown to anyone and never changes
 * afterwards: later readers get the same plan, with its k, its unit tree, the group size of each
 * unit at that moment and which units it showed. Only the date is kept, no time of day.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('disclosure_release')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wave', 'signal-month')`))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('k', 'integer', (c) => c.notNull().check(sql`k >= 2`))
		.addColumn('tree', 'jsonb', (c) => c.notNull())
		.addColumn('own', 'jsonb', (c) => c.notNull())
		.addColumn('shown', 'jsonb', (c) => c.notNull())
		.addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('released_on', 'date', (c) => c.notNull())
		.addPrimaryKeyConstraint('disclosure_release_pk', ['organisation_id', 'kind', 'subject'])
		.addForeignKeyConstraint('disclosure_release_org_fk', ['organisation_id'], 'organisation', ['id'], (c) =>
			c.onDelete('cascade')
		)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('disclosure_release').execute();
}
