import { sql, type Kysely } from 'kysely';

/**
 * Foundation: organisations, their unit trees, users, memberships, sessions, audit log and the
 * sign-in throttle. Every tenant table is keyed by (organisation_id, ...) and every foreign key
 * between tenant tables includes organisation_id, so the schema can be distributed by
 * organisation (see docs/architecture.md).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('organisation')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('nl')
				.check(sql`language in ('nl','fr','en')`)
		)
		.addColumn('min_group_size', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(5)
				.check(sql`min_group_size >= 3`)
		)
		.addColumn('sensitive_min_group_size', 'integer', (c) => c.notNull().defaultTo(10))
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('organisation_sensitive_k', sql`sensitive_min_group_size >= min_group_size`)
		.execute();

	await db.schema
		.createTable('unit')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.addColumn('parent_id', 'uuid')
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('headcount', 'integer', (c) => c.check(sql`headcount >= 0`))
		.addColumn('valid_from', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
		.addColumn('valid_to', 'date')
		.addPrimaryKeyConstraint('unit_pk', ['organisation_id', 'id'])
		.addUniqueConstraint('unit_code_unique', ['organisation_id', 'code'])
		.addForeignKeyConstraint('unit_parent_fk', ['organisation_id', 'parent_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.addCheckConstraint('unit_not_own_parent', sql`parent_id is null or parent_id <> id`)
		.addCheckConstraint('unit_validity', sql`valid_to is null or valid_to >= valid_from`)
		.execute();
	await db.schema
		.createIndex('unit_parent_idx')
		.on('unit')
		.columns(['organisation_id', 'parent_id'])
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.check(sql`language in ('nl','fr','en')`))
		.addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('app_user_email_unique')
		.on('app_user')
		.expression(sql`lower(email)`)
		.unique()
		.execute();

	await db.schema
		.createTable('membership')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','advisor','hr','manager')`))
		.addColumn('unit_id', 'uuid')
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('membership_pk', ['organisation_id', 'user_id'])
		.addForeignKeyConstraint('membership_unit_fk', ['organisation_id', 'unit_id'], 'unit', [
			'organisation_id',
			'id'
		])
		.addCheckConstraint('membership_manager_has_unit', sql`(role = 'manager') = (unit_id is not null)`)
		.execute();
	await db.schema.createIndex('membership_user_idx').on('membership').column('user_id').execute();

	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('organisation_id', 'uuid', (c) =>
			c.notNull().references('organisation.id').onDelete('cascade')
		)
		.addColumn('id', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
		.addColumn('actor_user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('object_type', 'text', (c) => c.notNull())
		.addColumn('object_id', 'text')
		.addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('audit_log_pk', ['organisation_id', 'id'])
		.execute();
	await db.schema
		.createIndex('audit_log_at_idx')
		.on('audit_log')
		.columns(['organisation_id', 'at'])
		.execute();

	// Failed sign-ins per account and per client. Keys are SHA-256 hashes: no address or e-mail is kept here.
	await db.schema
		.createTable('login_throttle')
		.addColumn('key_hash', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
		.addColumn('blocked_until', 'timestamptz')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'login_throttle',
		'audit_log',
		'user_session',
		'membership',
		'app_user',
		'unit',
		'organisation'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
