import { sql, type Kysely } from 'kysely';

/**
 * Who counts in a month of collective signals (docs/anonymity.md, "Health signals"):
 *
 * - `people` on signal_figure and signal_month: the number of people a unit-month's figures are
 *   about, everyone on its staff on any day of the month or in any of its figures (a leaver, a
 *   spell). It is the group size a month's plan protects; headcount stays the denominator of rates.
 *   Figures stored before it was known get month-end headcount plus leavers.
 * - `analytics_input_version` gets the input 'releases', set anew whenever a month of signals is
 *   released (disclosure_release, kind 'signal-month'), so that what a process keeps of the signal
 *   pages is keyed on the release state too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table signal_figure add column people integer check (people >= 0)`.execute(db);
	await sql`alter table signal_month add column people integer`.execute(db);
	for (const table of ['signal_figure', 'signal_month'])
		await sql`
			update ${sql.table(table)}
			set people = greatest(
				ceil(coalesce(headcount, 0))::int + coalesce(leavers_voluntary, 0) + coalesce(leavers_involuntary, 0),
				coalesce(frequent_absentees, 0), coalesce(ongoing_incapacity_1y, 0))
			where people is null
				and (headcount is not null or leavers_voluntary is not null or leavers_involuntary is not null)
		`.execute(db);

	await sql`alter table analytics_input_version drop constraint analytics_input_version_input_check`.execute(
		db
	);
	await sql`
		alter table analytics_input_version add constraint analytics_input_version_input_check
		check (input in ('units', 'signals', 'releases'))
	`.execute(db);
	await sql`
		create function analytics_signal_released() returns trigger language plpgsql as $$
		begin
			insert into analytics_input_version (organisation_id, input, version)
			select c.organisation_id, 'releases', nextval('analytics_input_version_seq')
			from (select distinct organisation_id from changed where kind = 'signal-month') c
			join organisation o on o.id = c.organisation_id
			on conflict (organisation_id, input) do update set version = excluded.version;
			return null;
		end
		$$
	`.execute(db);
	for (const [event, rows] of [
		['insert', 'new'],
		['update', 'new'],
		['delete', 'old']
	] as const)
		await sql`
			create trigger ${sql.raw(`disclosure_release_analytics_${event}`)}
			after ${sql.raw(event)} on disclosure_release
			referencing ${sql.raw(rows)} table as changed
			for each statement execute function analytics_signal_released()
		`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const event of ['insert', 'update', 'delete'])
		await sql`drop trigger ${sql.raw(`disclosure_release_analytics_${event}`)} on disclosure_release`.execute(
			db
		);
	await sql`drop function analytics_signal_released()`.execute(db);
	await sql`delete from analytics_input_version where input = 'releases'`.execute(db);
	await sql`alter table analytics_input_version drop constraint analytics_input_version_input_check`.execute(
		db
	);
	await sql`
		alter table analytics_input_version add constraint analytics_input_version_input_check
		check (input in ('units', 'signals'))
	`.execute(db);
	await sql`alter table signal_month drop column people`.execute(db);
	await sql`alter table signal_figure drop column people`.execute(db);
}
