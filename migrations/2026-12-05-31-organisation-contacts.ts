import { sql, type Kysely } from 'kysely';

/**
 * The people an organisation's employees can turn to (prevention advisor, occupational physician,
 * trusted person), shown on the barometer's personal result page. One JSON object per
 * organisation, `{ <role>: { name, phone, email, note } }`, validated by
 * src/lib/domain/organisation-settings.ts; an empty object when none is set.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('organisation')
		.addColumn('contacts', 'jsonb', (c) =>
			c
				.notNull()
				.defaultTo(sql`'{}'::jsonb`)
				.check(sql`jsonb_typeof(contacts) = 'object'`)
		)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organisation').dropColumn('contacts').execute();
}
