import { sql, type Kysely } from 'kysely';

/**
 * An organisation's own entries of the catalogue of measures, written in one language (the
 * organisation's when written), and the built-in entries it chose to hide from its suggestions.
 * A retired entry keeps its row: it is no longer suggested, but stays readable. The rules of an
 * entry live in src/lib/domain/action-plans/catalogue-entry.ts; the checks here keep the stored
 * values within its vocabulary whatever writes them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('catalogue_entry')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('nl','fr','en')`))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('how', 'text', (c) => c.notNull())
		.addColumn('watch_out', 'text', (c) => c.notNull())
		// { dimensions: string[], signals: string[] }
		.addColumn('targets', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(targets) = 'object'`))
		.addColumn('domain', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`domain in ('work-organisation','job-content','terms-of-employment','working-conditions','interpersonal-relations')`
				)
		)
		.addColumn('prevention_level', 'text', (c) =>
			c.notNull().check(sql`prevention_level in ('primary','secondary','tertiary')`)
		)
		.addColumn('application_level', 'text', (c) =>
			c.notNull().check(sql`application_level in ('organisation','group','individual')`)
		)
		.addColumn('retired_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('catalogue_entry_pk', ['organisation_id', 'id'])
		.execute();

	await db.schema
		.createTable('catalogue_hidden')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		// The id of a built-in entry (domain/action-plans/catalogue.ts), e.g. 'workload-planning-meeting'.
		.addColumn('entry_id', 'text', (c) => c.notNull())
		.addColumn('hidden_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('catalogue_hidden_pk', ['organisation_id', 'entry_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('catalogue_hidden').execute();
	await db.schema.dropTable('catalogue_entry').execute();
}
