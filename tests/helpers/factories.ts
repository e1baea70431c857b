import type { Kysely } from 'kysely';
import type { Actor } from '../../src/lib/server/access';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Database, Role } from '../../src/lib/server/db/schema';

/** Small factories for integration tests. Passwords are hashed once per run (argon2 is slow on purpose). */
let defaultHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'test-password-1';

export async function makeOrganisation(db: Kysely<Database>, name = 'Org') {
	return db.insertInto('organisation').values({ name }).returningAll().executeTakeFirstOrThrow();
}

/** Inserts units given as [code, parentCode|null, headcount]; returns ids by code. */
export async function makeUnits(
	db: Kysely<Database>,
	organisationId: string,
	units: Array<[string, string | null, number]>
) {
	const ids: Record<string, string> = {};
	for (const [code, parent, headcount] of units) {
		const row = await db
			.insertInto('unit')
			.values({
				organisation_id: organisationId,
				code,
				name: `Unit ${code}`,
				parent_id: parent ? ids[parent]! : null,
				headcount
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids[code] = row.id;
	}
	return ids;
}

export async function makeUser(
	db: Kysely<Database>,
	options: {
		email: string;
		organisationId?: string;
		role?: Role;
		unitId?: string | null;
		password?: string;
		active?: boolean;
	}
) {
	defaultHash ??= hashPassword(TEST_PASSWORD);
	const hash = options.password ? await hashPassword(options.password) : await defaultHash;
	const user = await db
		.insertInto('app_user')
		.values({
			email: options.email,
			display_name: options.email.split('@')[0]!,
			password_hash: hash,
			active: options.active ?? true
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	if (options.organisationId && options.role) {
		await db
			.insertInto('membership')
			.values({
				organisation_id: options.organisationId,
				user_id: user.id,
				role: options.role,
				unit_id: options.unitId ?? null
			})
			.execute();
	}
	return user;
}

export function actorOf(
	userId: string,
	organisationId: string,
	role: Role,
	unitId: string | null = null
): Actor {
	return { userId, memberships: [{ organisationId, role, unitId }] };
}
