import { sql, type Kysely } from 'kysely';

/**
 * What the analytics read fast, and how they know it is still current.
 *
 * - `wave_summary_pack`: a closed wave's summary rows as one binary value (per unit: its id, the
 *   respondents and per dimension the six numbers of wave_unit_summary, big-endian), written in
 *   the same transaction as the rows and stamped with the wave's summarised_at. Reading one value
 *   per wave avoids parsing thousands of number arrays per request.
 * - `analytics_input_version`: per organisation and input ('units', 'signals') a number from a
 *   sequence, set anew by statement triggers on every write to `unit`, `signal_month` and
 *   `unit_code_alias`. A process keys what it keeps in memory on these numbers (read per request),
 *   so that no write, from any process or any code path, can leave a stale figure in use. A
 *   sequence never hands out a number twice, even when a transaction rolls back.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('wave_summary_pack')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('summarised_at', 'timestamptz', (c) => c.notNull())
		.addColumn('units', 'integer', (c) => c.notNull())
		.addColumn('dimensions', 'integer', (c) => c.notNull())
		.addColumn('data', 'bytea', (c) => c.notNull())
		.addPrimaryKeyConstraint('wave_summary_pack_pk', ['organisation_id', 'wave_id'])
		.addForeignKeyConstraint(
			'wave_summary_pack_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	// Read whole on every cold request: not compressed, so that reading is only copying.
	await sql`alter table wave_summary_pack alter column data set storage external`.execute(db);
	// Waves summarised before this migration get their pack now.
	await sql`
		insert into wave_summary_pack (organisation_id, wave_id, summarised_at, units, dimensions, data)
		select w.organisation_id, w.id, w.summarised_at, count(s.unit_id)::int,
			coalesce(max(cardinality(s.scored)), 0)::int,
			coalesce(string_agg(
				uuid_send(s.unit_id) || int4send(s.respondents)
				|| coalesce((select string_agg(int4send(x), ''::bytea order by i) from unnest(s.scored) with ordinality as a(x, i)), ''::bytea)
				|| coalesce((select string_agg(float8send(x), ''::bytea order by i) from unnest(s.score_sum) with ordinality as a(x, i)), ''::bytea)
				|| coalesce((select string_agg(float8send(x), ''::bytea order by i) from unnest(s.score_sum_sq) with ordinality as a(x, i)), ''::bytea)
				|| coalesce((select string_agg(int4send(x), ''::bytea order by i) from unnest(s.green) with ordinality as a(x, i)), ''::bytea)
				|| coalesce((select string_agg(int4send(x), ''::bytea order by i) from unnest(s.orange) with ordinality as a(x, i)), ''::bytea)
				|| coalesce((select string_agg(int4send(x), ''::bytea order by i) from unnest(s.red) with ordinality as a(x, i)), ''::bytea),
				''::bytea order by s.unit_id), ''::bytea)
		from wave w
		left join wave_unit_summary s on s.organisation_id = w.organisation_id and s.wave_id = w.id
		where w.summarised_at is not null
		group by w.organisation_id, w.id, w.summarised_at
	`.execute(db);

	await db.schema
		.createTable('analytics_input_version')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('input', 'text', (c) => c.notNull().check(sql`input in ('units', 'signals')`))
		.addColumn('version', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('analytics_input_version_pk', ['organisation_id', 'input'])
		.execute();
	await sql`create sequence analytics_input_version_seq`.execute(db);
	// One function for every trigger: its first argument names the input, the transition table
	// `changed` holds the rows written (the new ones, or the old ones of a delete).
	await sql`
		create function analytics_input_changed() returns trigger language plpgsql as $$
		begin
			insert into analytics_input_version (organisation_id, input, version)
			select c.organisation_id, tg_argv[0], nextval('analytics_input_version_seq')
			from (select distinct organisation_id from changed) c
			join organisation o on o.id = c.organisation_id
			on conflict (organisation_id, input) do update set version = excluded.version;
			return null;
		end
		$$
	`.execute(db);
	await sql`
		create function analytics_input_truncated() returns trigger language plpgsql as $$
		begin
			update analytics_input_version set version = nextval('analytics_input_version_seq')
			where input = tg_argv[0];
			insert into analytics_input_version (organisation_id, input, version)
			select o.id, tg_argv[0], nextval('analytics_input_version_seq') from organisation o
			on conflict (organisation_id, input) do nothing;
			return null;
		end
		$$
	`.execute(db);
	for (const [table, input] of INPUT_TABLES) {
		for (const [event, rows] of [
			['insert', 'new'],
			['update', 'new'],
			['delete', 'old']
		] as const) {
			await sql`
				create trigger ${sql.raw(`${table}_analytics_${event}`)}
				after ${sql.raw(event)} on ${sql.table(table)}
				referencing ${sql.raw(rows)} table as changed
				for each statement execute function analytics_input_changed(${sql.lit(input)})
			`.execute(db);
		}
		await sql`
			create trigger ${sql.raw(`${table}_analytics_truncate`)}
			after truncate on ${sql.table(table)}
			for each statement execute function analytics_input_truncated(${sql.lit(input)})
		`.execute(db);
	}
}

const INPUT_TABLES = [
	['unit', 'units'],
	['signal_month', 'signals'],
	['unit_code_alias', 'signals']
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const [table] of INPUT_TABLES)
		for (const event of ['insert', 'update', 'delete', 'truncate'])
			await sql`drop trigger ${sql.raw(`${table}_analytics_${event}`)} on ${sql.table(table)}`.execute(db);
	await sql`drop function analytics_input_truncated()`.execute(db);
	await sql`drop function analytics_input_changed()`.execute(db);
	await sql`drop sequence analytics_input_version_seq`.execute(db);
	await db.schema.dropTable('analytics_input_version').execute();
	await db.schema.dropTable('wave_summary_pack').execute();
}
