import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

/**
 * Reads of the stored rows for integration tests, independent of the queries under test. Each takes
 * the database first (from useTestDatabase()).
 */
type Db = Kysely<Database>;

/** The audit entries of an organisation, oldest first. */
export function auditOf(db: Db, organisationId: string) {
	return db
		.selectFrom('audit_log')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('id')
		.execute();
}

/** Every unit of an organisation, archived ones included, by code. */
export function unitRows(db: Db, organisationId: string) {
	return db
		.selectFrom('unit')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('code')
		.execute();
}

export function unitByCode(db: Db, organisationId: string, code: string) {
	return db
		.selectFrom('unit')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('code', '=', code)
		.executeTakeFirstOrThrow();
}

export function userRow(db: Db, userId: string) {
	return db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}
