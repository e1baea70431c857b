import { sql, type Kysely } from 'kysely';

/**
 * The attention list of each organisation, computed when one of its inputs changes (a wave
 * summarised, an upload stored or undone, a unit changed, k changed) and kept under the key of
 * every input it was computed from (analytics/attention.ts): a reader uses a row only when its key
 * equals the key of the inputs it reads, so a row can go out of date but is never served so.
 *
 * - `result`: the ranked list of all units before a reader's scope is applied, as shown (only
 *   figures that passed the anonymity gate), with the unit tree the scope is taken from. `json`,
 *   not `jsonb`: it is written and read whole, never queried, so it is kept as the text it is.
 * - `fresh_months`: months of signals (yyyy-mm-01) the result planned without a release yet; the
 *   first reader releases them (with the same plans) before anything of them is shown.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('attention_list_result')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('input_key', 'text', (c) => c.notNull())
		.addColumn('result', 'json', (c) => c.notNull())
		.addColumn('fresh_months', 'jsonb', (c) =>
			c
				.notNull()
				.defaultTo(sql`'[]'::jsonb`)
				.check(sql`jsonb_typeof(fresh_months) = 'array'`)
		)
		.addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('attention_list_result_pk', ['organisation_id', 'input_key'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('attention_list_result').execute();
}
