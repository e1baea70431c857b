import type { Kysely, Transaction } from 'kysely';
import type { Database, NewOrganisation, OrganisationUpdate } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findOrganisation(db: Db, organisationId: string) {
	return db.selectFrom('organisation').selectAll().where('id', '=', organisationId).executeTakeFirst();
}

export async function insertOrganisation(db: Db, values: NewOrganisation) {
	return db.insertInto('organisation').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(db: Db, organisationId: string, values: OrganisationUpdate) {
	await db.updateTable('organisation').set(values).where('id', '=', organisationId).execute();
}

/** The organisations a user is an active member of, with the role held there. */
export function findOrganisationsOfUser(db: Db, userId: string) {
	return db
		.selectFrom('membership as m')
		.innerJoin('organisation as o', 'o.id', 'm.organisation_id')
		.select(['o.id', 'o.name', 'o.language', 'm.role', 'm.unit_id'])
		.where('m.user_id', '=', userId)
		.where('m.active', '=', true)
		.orderBy('o.name')
		.execute();
}

/** The people an organisation's employees can turn to, as stored (JSON). */
export async function findOrganisationContacts(db: Db, organisationId: string): Promise<unknown> {
	const row = await db
		.selectFrom('organisation')
		.select('contacts')
		.where('id', '=', organisationId)
		.executeTakeFirst();
	return row?.contacts ?? {};
}
