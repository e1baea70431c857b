import { sql, type Kysely } from 'kysely';

/**
 * Action plans: the measures an organisation takes against the findings of a unit (or of the
 * organisation as a whole, `unit_id` null), and the dated notes that follow their progress. The
 * rules of a measure live in src/lib/domain/action-plans/measures.ts; the checks here keep the
 * stored values within its vocabulary whatever writes them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('measure')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('unit_id', 'uuid')
		// { dimensions: string[], signals: string[] }
		.addColumn('targets', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(targets) = 'object'`))
		.addColumn('title', 'text', (c) => c.notNull())
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
		.addColumn('owner_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('owner_role', 'text')
		.addColumn('starts_on', 'date')
		.addColumn('due_on', 'date', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('planned','in-progress','done','dropped')`)
		)
		.addColumn('dropped_reason', 'text')
		.addColumn('budget_euro', sql`numeric(12, 2)`, (c) => c.check(sql`budget_euro >= 0`))
		.addColumn('hours', sql`numeric(8, 2)`, (c) => c.check(sql`hours >= 0`))
		.addColumn('description', 'text')
		.addColumn('implementation', 'text')
		.addColumn('perception', 'text')
		.addColumn('management_support', 'text', (c) => c.check(sql`management_support in ('yes','partly','no')`))
		.addColumn('follow_up', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('measure_pk', ['organisation_id', 'id'])
		.addForeignKeyConstraint('measure_unit_fk', ['organisation_id', 'unit_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.addCheckConstraint('measure_dropped_reason', sql`(status = 'dropped') = (dropped_reason is not null)`)
		.addCheckConstraint('measure_period', sql`starts_on is null or due_on >= starts_on`)
		.execute();
	await db.schema
		.createIndex('measure_unit_idx')
		.on('measure')
		.columns(['organisation_id', 'unit_id'])
		.execute();

	await db.schema
		.createTable('measure_note')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('measure_id', 'uuid', (c) => c.notNull())
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('written_on', 'date', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('author_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('measure_note_pk', ['organisation_id', 'id'])
		.addForeignKeyConstraint(
			'measure_note_measure_fk',
			['organisation_id', 'measure_id'],
			'measure',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('measure_note_measure_idx')
		.on('measure_note')
		.columns(['organisation_id', 'measure_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('measure_note').execute();
	await db.schema.dropTable('measure').execute();
}
