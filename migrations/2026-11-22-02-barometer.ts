import { sql, type Kysely } from 'kysely';

/**
 * Barometer: organisation-owned instrument definitions, waves (with a frozen copy of their
 * instrument and of k), the units a wave covers with their link token, single-use personal codes
 * (only their hash), responses, and double-submit receipts.
 *
 * Anonymity by construction: a response holds its wave, unit, date (no time of day), instrument
 * version and answers; no code, account, address or user agent. Codes and receipts live in their
 * own tables with no reference to a response, and response ids are random.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('instrument')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
		.addColumn('definition', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('instrument_pk', ['organisation_id', 'key', 'version'])
		.execute();

	await db.schema
		.createTable('wave')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('instrument_key', 'text', (c) => c.notNull())
		.addColumn('instrument_version', 'integer', (c) => c.notNull())
		.addColumn('definition', 'jsonb', (c) => c.notNull())
		.addColumn('include_module', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('nl')
				.check(sql`language in ('nl','fr','en')`)
		)
		.addColumn('opens_on', 'date', (c) => c.notNull())
		.addColumn('closes_on', 'date', (c) => c.notNull())
		.addColumn('closed', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('min_group_size', 'integer', (c) => c.notNull().check(sql`min_group_size >= 3`))
		.addColumn('sensitive_min_group_size', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('wave_pk', ['organisation_id', 'id'])
		.addCheckConstraint('wave_dates', sql`closes_on >= opens_on`)
		.addCheckConstraint('wave_sensitive_k', sql`sensitive_min_group_size >= min_group_size`)
		.execute();

	await db.schema
		.createTable('wave_unit')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('link_token', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('wave_unit_pk', ['organisation_id', 'wave_id', 'unit_id'])
		.addForeignKeyConstraint(
			'wave_unit_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.addForeignKeyConstraint('wave_unit_unit_fk', ['organisation_id', 'unit_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.execute();
	await db.schema
		.createIndex('wave_unit_token_unique')
		.on('wave_unit')
		.column('link_token')
		.unique()
		.execute();

	await db.schema
		.createTable('wave_code')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
		.addPrimaryKeyConstraint('wave_code_pk', ['organisation_id', 'wave_id', 'code_hash'])
		.addForeignKeyConstraint(
			'wave_code_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
	await db.schema.createIndex('wave_code_hash_unique').on('wave_code').column('code_hash').unique().execute();

	await db.schema
		.createTable('response')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('unit_id', 'uuid', (c) => c.notNull())
		.addColumn('submitted_on', 'date', (c) => c.notNull())
		.addColumn('instrument_version', 'integer', (c) => c.notNull())
		.addColumn('answers', 'jsonb', (c) => c.notNull())
		.addColumn('scores', 'jsonb', (c) => c.notNull())
		.addPrimaryKeyConstraint('response_pk', ['organisation_id', 'wave_id', 'id'])
		.addForeignKeyConstraint(
			'response_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.addForeignKeyConstraint('response_unit_fk', ['organisation_id', 'unit_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.execute();
	await db.schema
		.createIndex('response_wave_unit_idx')
		.on('response')
		.columns(['organisation_id', 'wave_id', 'unit_id'])
		.execute();

	// One row per accepted submission nonce, so a double click or a retry stores one response.
	await db.schema
		.createTable('submission_receipt')
		.addColumn('organisation_id', 'uuid', (c) => c.notNull())
		.addColumn('wave_id', 'uuid', (c) => c.notNull())
		.addColumn('nonce_hash', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('submission_receipt_pk', ['organisation_id', 'wave_id', 'nonce_hash'])
		.addForeignKeyConstraint(
			'submission_receipt_wave_fk',
			['organisation_id', 'wave_id'],
			'wave',
			['organisation_id', 'id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['submission_receipt', 'response', 'wave_code', 'wave_unit', 'wave', 'instrument']) {
		await db.schema.dropTable(table).execute();
	}
}
