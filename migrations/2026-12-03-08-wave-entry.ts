import { sql, type Kysely } from 'kysely';

/**
 * How people answer a wave (docs/anonymity.md, "Link waves"): `wave.entry` is 'codes' (personal
 * codes only: the wave's unit links answer nothing) or 'links' (unit links, and codes too). The
 * wave form offers personal codes first; waves created before this migration have links handed
 * out, so they become 'links'. Rows written without a value (the demo seed, benchmarks) get
 * 'links' too; the product always sets it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('wave')
		.addColumn('entry', 'text', (c) =>
			c
				.notNull()
				.defaultTo('links')
				.check(sql`entry in ('codes', 'links')`)
		)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('wave').dropColumn('entry').execute();
}
