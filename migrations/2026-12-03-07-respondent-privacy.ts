import { sql, type Kysely } from 'kysely';

/**
 * Respondent privacy (docs/anonymity.md, "Personal codes" and "At rest").
 *
 * - Personal codes: entering a code opens it, which deletes its row; no row says which code was
 *   used. Rows of codes used before are deleted here. New codes are hashed with the server secret
 *   (`keyed`); the rows already handed out keep their plain hash and keep working. The wave counts
 *   the codes it issued (`codes_issued`), since its rows no longer do.
 * - `response_claim`: an opened code, as the SHA-256 of the token the respondent's browser holds.
 * - `response_sealed`: the answers of a wave that takes answers, sealed with a key the database
 *   does not have; opened and mixed into `response` in random order when the wave closes. No
 *   foreign key to `unit`, so that a submission does not lock (and stamp with its transaction id)
 *   the unit row; the service checks the unit, and `response` has the key.
 * - `response`: no date any more (a date is a time link); `via` says whether it came by link or code.
 *   Existing responses are written again in random order with fresh ids, and so are the receipts,
 *   so that no row keeps the transaction id of its submission.
 * - `wave_unit.link_answers`: the link answers of a unit, capped at its headcount.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('wave')
		.addColumn('codes_issued', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await sql`
		update wave w set codes_issued = (
			select count(*)::int from wave_code c where c.organisation_id = w.organisation_id and c.wave_id = w.id
		)
	`.execute(db);

	await sql`delete from wave_code where used`.execute(db);
	await db.schema.alterTable('wave_code').dropColumn('used').execute();
	await db.schema
		.alterTable('wave_code')
		.addColumn('keyed', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await db.schema
		.alterTable('wave_code')
		.alterColumn('keyed', (c) => c.setDefault(true))
		.execute();

	await db.schema
		.createTable('response_claim')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('claim_hash', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('response_claim_pk', ['organisation_id', 'wave_id', 'claim_hash'])
		.addForeignKeyConstraint(
			'response_claim_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('response_claim_hash_unique')
		.on('response_claim')
		.column('claim_hash')
		.unique()
		.execute();

	await db.schema
		.createTable('response_sealed')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('id', 'uuid', (c) => c.notNull())
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('link', 'code')`))
		.addColumn('sealed', 'bytea', (c) => c.notNull())
		.addPrimaryKeyConstraint('response_sealed_pk', ['organisation_id', 'wave_id', 'id'])
		.addForeignKeyConstraint(
			'response_sealed_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();

	await db.schema
		.alterTable('response')
		.addColumn('via', 'text', (c) =>
			c
				.notNull()
				.defaultTo('link')
				.check(sql`via in ('link', 'code')`)
		)
		.execute();
	await db.schema
		.alterTable('response')
		.alterColumn('via', (c) => c.dropDefault())
		.execute();
	await db.schema.alterTable('response').dropColumn('submitted_on').execute();
	await sql`
		with old as (delete from response returning *)
		insert into response (organisation_id, wave_id, id, unit_id, via, instrument_version, answers, scores)
		select organisation_id, wave_id, gen_random_uuid(), unit_id, via, instrument_version, answers, scores
		from old order by random()
	`.execute(db);
	await sql`
		with old as (delete from submission_receipt returning *)
		insert into submission_receipt (organisation_id, wave_id, nonce_hash)
		select organisation_id, wave_id, nonce_hash from old order by random()
	`.execute(db);
	// A retry of a personal-code form arrives after its claim is gone: found by its nonce alone.
	await db.schema
		.createIndex('submission_receipt_nonce_idx')
		.on('submission_receipt')
		.column('nonce_hash')
		.execute();

	await db.schema
		.alterTable('wave_unit')
		.addColumn('link_answers', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await sql`
		update wave_unit wu set link_answers = (
			select count(*)::int from response r
			where r.organisation_id = wu.organisation_id and r.wave_id = wu.wave_id
				and r.unit_id = wu.unit_id and r.via = 'link'
		)
	`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('wave_unit').dropColumn('link_answers').execute();
	await db.schema.dropIndex('submission_receipt_nonce_idx').execute();
	// Sealed answers cannot be opened without the server secret; going down loses them.
	await db.schema.dropTable('response_sealed').execute();
	await db.schema
		.alterTable('response')
		.addColumn('submitted_on', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
		.execute();
	await db.schema
		.alterTable('response')
		.alterColumn('submitted_on', (c) => c.dropDefault())
		.execute();
	await db.schema.alterTable('response').dropColumn('via').execute();
	await db.schema.dropTable('response_claim').execute();
	await db.schema.alterTable('wave').dropColumn('codes_issued').execute();
	// Keyed hashes cannot be checked without the secret: only the plain ones stay usable.
	await sql`delete from wave_code where keyed`.execute(db);
	await db.schema.alterTable('wave_code').dropColumn('keyed').execute();
	await db.schema
		.alterTable('wave_code')
		.addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
}
