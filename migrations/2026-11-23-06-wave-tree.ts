import { sql, type Kysely } from 'kysely';

/**
 * A closed wave keeps the unit tree it was summarised with (docs/anonymity.md, "Across waves"):
 * `wave.summary_tree` holds every unit of the organisation at that moment (id, parent, code, name,
 * headcount, archived), set with `summarised_at` and cleared with it. Its figures are planned on
 * that tree for good, so a later reorganisation cannot give a second set of figures over the same
 * answers. Waves summarised before this migration take the tree as it is now.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('wave').addColumn('summary_tree', 'jsonb').execute();
	await sql`
		update wave w set summary_tree = (${unitTreeOf(sql.ref('w.organisation_id'))})
		where w.summarised_at is not null
	`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('wave').dropColumn('summary_tree').execute();
}

/** The organisation's units as the JSON array a wave keeps (summariseWave builds the same). */
function unitTreeOf(organisationId: ReturnType<typeof sql.ref>) {
	return sql`
		select coalesce(jsonb_agg(jsonb_build_object(
			'id', u.id, 'parentId', u.parent_id, 'code', u.code, 'name', u.name,
			'headcount', u.headcount, 'archived', u.valid_to is not null
		) order by u.code), '[]'::jsonb)
		from unit u where u.organisation_id = ${organisationId}
	`;
}
