import type { Kysely, Transaction } from 'kysely';
import type { Database, NewAppUser, Role } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findUserByEmail(db: Db, email: string) {
	return db
		.selectFrom('app_user')
		.selectAll()
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
		.executeTakeFirst();
}

export function findUserById(db: Db, userId: string) {
	return db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst();
}

export async function insertUser(db: Db, values: NewAppUser) {
	return db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateUserPassword(db: Db, userId: string, passwordHash: string, mustChange: boolean) {
	await db
		.updateTable('app_user')
		.set({ password_hash: passwordHash, must_change_password: mustChange })
		.where('id', '=', userId)
		.execute();
}

export async function upsertMembership(
	db: Db,
	values: { organisationId: string; userId: string; role: Role; unitId: string | null; active: boolean }
) {
	await db
		.insertInto('membership')
		.values({
			organisation_id: values.organisationId,
			user_id: values.userId,
			role: values.role,
			unit_id: values.unitId,
			active: values.active
		})
		.onConflict((oc) =>
			oc
				.columns(['organisation_id', 'user_id'])
				.doUpdateSet({ role: values.role, unit_id: values.unitId, active: values.active })
		)
		.execute();
}

export function findMembers(db: Db, organisationId: string) {
	return db
		.selectFrom('membership as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.leftJoin('unit', (j) =>
			j.onRef('unit.organisation_id', '=', 'm.organisation_id').onRef('unit.id', '=', 'm.unit_id')
		)
		.select([
			'u.id',
			'u.email',
			'u.display_name',
			'm.role',
			'm.unit_id',
			'unit.name as unit_name',
			'm.active',
			'u.must_change_password'
		])
		.where('m.organisation_id', '=', organisationId)
		.orderBy('m.active', 'desc')
		.orderBy('u.display_name')
		.execute();
}

export function findMembership(db: Db, organisationId: string, userId: string) {
	return db
		.selectFrom('membership')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** Active memberships of a user, for building the actor of a request. Archived units give no access. */
export function findActiveMemberships(db: Db, userId: string) {
	return db
		.selectFrom('membership as m')
		.leftJoin('unit', (j) =>
			j.onRef('unit.organisation_id', '=', 'm.organisation_id').onRef('unit.id', '=', 'm.unit_id')
		)
		.select(['m.organisation_id', 'm.role', 'm.unit_id'])
		.where('m.user_id', '=', userId)
		.where('m.active', '=', true)
		.where((eb) => eb.or([eb('m.unit_id', 'is', null), eb('unit.valid_to', 'is', null)]))
		.execute();
}

/** Memberships of the user in other organisations, active or not (an inactive one can be reactivated). */
export async function countOtherMemberships(db: Db, userId: string, organisationId: string): Promise<number> {
	const row = await db
		.selectFrom('membership')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('organisation_id', '<>', organisationId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
