import { sql, type Kysely } from 'kysely';

/**
 * The link from an upload's figures (`signal_figure`) to their upload, checked once per statement
 * instead of once per row.
 *
 * The foreign key `signal_figure_upload_fk` looked up the upload for each of the tens of thousands
 * of unit-months an import writes, all of them of the one upload just inserted: about 40% of
 * storing them. The same rule now holds by statement triggers with transition tables:
 *
 * - inserting or updating figures whose upload does not exist fails with `foreign_key_violation`
 *   (23503), as the key did, after one look at the distinct uploads the statement wrote;
 * - deleting uploads deletes their figures (the key's `on delete cascade`, so deleting an
 *   organisation still removes everything of it);
 * - an upload's key (`organisation_id`, `id`) cannot change while it exists, as the key allowed
 *   only when nothing referred to it; uploads are never re-keyed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table signal_figure drop constraint signal_figure_upload_fk`.execute(db);
	await sql`
		create function signal_figure_upload_exists() returns trigger language plpgsql as $$
		declare
			missing record;
		begin
			select a.organisation_id, a.upload_id into missing
			from (select distinct organisation_id, upload_id from written) a
			where not exists (
				select 1 from signal_upload u where u.organisation_id = a.organisation_id and u.id = a.upload_id
			)
			limit 1;
			if found then
				raise exception 'signal_figure refers to upload % of organisation %, which does not exist',
					missing.upload_id, missing.organisation_id
					using errcode = 'foreign_key_violation', constraint = 'signal_figure_upload_exists';
			end if;
			return null;
		end
		$$
	`.execute(db);
	for (const event of ['insert', 'update'])
		await sql`
			create trigger ${sql.raw(`signal_figure_upload_${event}`)}
			after ${sql.raw(event)} on signal_figure
			referencing new table as written
			for each statement execute function signal_figure_upload_exists()
		`.execute(db);
	await sql`
		create function signal_upload_delete_figures() returns trigger language plpgsql as $$
		begin
			delete from signal_figure f using gone g
			where f.organisation_id = g.organisation_id and f.upload_id = g.id;
			return null;
		end
		$$
	`.execute(db);
	await sql`
		create trigger signal_upload_delete_figures
		after delete on signal_upload
		referencing old table as gone
		for each statement execute function signal_upload_delete_figures()
	`.execute(db);
	await sql`
		create function signal_upload_keep_key() returns trigger language plpgsql as $$
		begin
			raise exception 'the key of upload % cannot change', old.id
				using errcode = 'foreign_key_violation', constraint = 'signal_upload_keep_key';
		end
		$$
	`.execute(db);
	await sql`
		create trigger signal_upload_keep_key
		before update of organisation_id, id on signal_upload
		for each row
		when (old.organisation_id is distinct from new.organisation_id or old.id is distinct from new.id)
		execute function signal_upload_keep_key()
	`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop trigger signal_upload_keep_key on signal_upload`.execute(db);
	await sql`drop function signal_upload_keep_key()`.execute(db);
	await sql`drop trigger signal_upload_delete_figures on signal_upload`.execute(db);
	await sql`drop function signal_upload_delete_figures()`.execute(db);
	for (const event of ['insert', 'update'])
		await sql`drop trigger ${sql.raw(`signal_figure_upload_${event}`)} on signal_figure`.execute(db);
	await sql`drop function signal_figure_upload_exists()`.execute(db);
	await sql`
		alter table signal_figure add constraint signal_figure_upload_fk
		foreign key (organisation_id, upload_id) references signal_upload (organisation_id, id)
		on delete cascade
	`.execute(db);
}
