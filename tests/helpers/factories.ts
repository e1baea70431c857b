import type { Kysely } from 'kysely';
import type { Actor } from '../../src/lib/server/access';
import { hashPassword } from '../../src/lib/server/auth/password';
import { signIn } from '../../src/lib/server/auth/service';
import type { Database, Role } from '../../src/lib/server/db/schema';

/** Small factories for integration tests. Passwords are hashed once per run (argon2 is slow on purpose). */
let defaultHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'test-password-1';

let sequence = 0;
/** A number no earlier call in this test file returned, to keep names and addresses apart. */
export const nextNumber = () => ++sequence;
/** An e-mail address of its own, so every test uses its own accounts. */
export const uniqueEmail = (prefix: string) => `${prefix}-${nextNumber()}@example.test`;
/** A client address of its own, so sign-in throttle counts never leak between tests. */
export const uniqueClient = () => `198.51.100.${nextNumber()}`;

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
		mustChangePassword?: boolean;
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
			active: options.active ?? true,
			must_change_password: options.mustChangePassword ?? false
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

/** A user with one membership, as the Actor that the services take. */
export async function makeMember(
	db: Kysely<Database>,
	options: { email: string; organisationId: string; role: Role; unitId?: string | null }
): Promise<Actor> {
	const user = await makeUser(db, options);
	return actorOf(user.id, options.organisationId, options.role, options.unitId ?? null);
}

/**
 * Makes members of one organisation for one test: `member(role, unitId, name)` signs in as
 * `${name}-${n}@example.test` (name is the role unless given), so that every test has its own accounts.
 */
export function memberOf(db: Kysely<Database>, n: number, organisationId: string) {
	return (role: Role, unitId: string | null = null, name: string = role) =>
		makeMember(db, { email: `${name}-${n}@example.test`, organisationId, role, unitId });
}

/** Signs in from a client address of its own; fails the test when the sign-in is refused. */
export async function signedIn(db: Kysely<Database>, email: string, password = TEST_PASSWORD) {
	const result = await signIn(db, email, password, uniqueClient());
	if (!result.ok) throw new Error(`sign-in of ${email} failed: ${result.reason}`);
	return result;
}

export function actorOf(
	userId: string,
	organisationId: string,
	role: Role,
	unitId: string | null = null
): Actor {
	return { userId, memberships: [{ organisationId, role, unitId }] };
}
