import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { validateNewMember, validateRole } from '../../domain/accounts';
import { ValidationError, unwrap, type FieldProblems, isUuid } from '../../domain/validation';
import { authorize, type Actor, type ActorMembership } from '../access';
import { insertAuditEntry } from '../audit/queries';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import type { Database } from '../db/schema';
import { findUnits } from '../units/queries';
import {
	countOtherMemberships,
	findActiveMemberships,
	findMembers,
	findMembership,
	findUserByEmail,
	insertUser,
	updateUserPassword,
	upsertMembership
} from './queries';

/** The actor of a request: who it is and where they are an active member. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor> {
	const rows = await findActiveMemberships(db, userId);
	const memberships: ActorMembership[] = rows.map((r) => ({
		organisationId: r.organisation_id,
		role: r.role,
		unitId: r.unit_id
	}));
	return { userId, memberships };
}

export async function listMembers(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	authorize(actor, 'user.view', { organisationId });
	const rows = await findMembers(db, organisationId);
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		displayName: r.display_name,
		role: r.role,
		unitId: r.unit_id,
		unitName: r.unit_name,
		active: r.active,
		mustChangePassword: r.must_change_password
	}));
}

async function requireActiveUnit(
	db: Kysely<Database>,
	organisationId: string,
	unitId: string | null,
	problems: FieldProblems
) {
	if (!unitId) return;
	const unit = (await findUnits(db, organisationId)).find((u) => u.id === unitId);
	if (!unit || unit.archived) problems.unitId = { key: 'units.parentUnknown' };
}

export interface CreatedMember {
	userId: string;
	/** Shown once to the admin; null when the person already had an account (they keep their password). */
	oneTimePassword: string | null;
}

/**
 * Adds a person to the organisation. A new account gets a one-time password that must be changed
 * at first sign-in; an existing account (a member elsewhere) only gets the membership.
 */
export async function createMember(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
): Promise<CreatedMember> {
	authorize(actor, 'user.edit', { organisationId });
	const member = unwrap(validateNewMember(input));
	const problems: FieldProblems = {};
	await requireActiveUnit(db, organisationId, member.unitId, problems);
	if (Object.keys(problems).length) throw new ValidationError(problems);
	const oneTimePassword = generateOneTimePassword();
	const passwordHash = await hashPassword(oneTimePassword);
	return db.transaction().execute(async (trx) => {
		const existing = await findUserByEmail(trx, member.email);
		if (existing) {
			const membership = await findMembership(trx, organisationId, existing.id);
			if (membership) throw new ValidationError({ email: { key: 'users.alreadyMember' } });
			// Whoever issued a one-time password still in use knows it: joining such an account to a
			// second organisation would hand that person the second organisation's access.
			if (existing.must_change_password)
				throw new ValidationError({ email: { key: 'users.pendingElsewhere' } });
		}
		const user =
			existing ??
			(await insertUser(trx, {
				email: member.email,
				display_name: member.displayName,
				password_hash: passwordHash,
				language: member.language,
				must_change_password: true
			}));
		await upsertMembership(trx, {
			organisationId,
			userId: user.id,
			role: member.role,
			unitId: member.unitId,
			active: true
		});
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'user.create',
			objectType: 'user',
			objectId: user.id,
			detail: { role: member.role, unitId: member.unitId, existingAccount: Boolean(existing) }
		});
		return { userId: user.id, oneTimePassword: existing ? null : oneTimePassword };
	});
}

async function requireMember(db: Kysely<Database>, organisationId: string, userId: string) {
	if (!isUuid(userId)) error(404, 'error.notFound');
	const membership = await findMembership(db, organisationId, userId);
	if (!membership) error(404, 'error.notFound');
	return membership;
}

export async function changeMemberRole(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	userId: string,
	input: Record<string, unknown>
) {
	authorize(actor, 'user.edit', { organisationId });
	const problems: FieldProblems = {};
	const role = validateRole(input, problems);
	if (role) await requireActiveUnit(db, organisationId, role.unitId, problems);
	if (!role || Object.keys(problems).length) throw new ValidationError(problems);
	if (userId === actor!.userId && role.role !== 'admin')
		throw new ValidationError({ role: { key: 'users.notYourself' } });
	await db.transaction().execute(async (trx) => {
		const before = await requireMember(trx, organisationId, userId);
		await upsertMembership(trx, {
			organisationId,
			userId,
			role: role.role,
			unitId: role.unitId,
			active: before.active
		});
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'user.role',
			objectType: 'user',
			objectId: userId,
			detail: { before: { role: before.role, unitId: before.unit_id }, after: role }
		});
	});
}

export async function setMemberActive(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	userId: string,
	active: boolean
) {
	authorize(actor, 'user.edit', { organisationId });
	if (userId === actor!.userId) throw new ValidationError({ user: { key: 'users.notYourself' } });
	await db.transaction().execute(async (trx) => {
		const before = await requireMember(trx, organisationId, userId);
		await upsertMembership(trx, {
			organisationId,
			userId,
			role: before.role,
			unitId: before.unit_id,
			active
		});
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: active ? 'user.reactivate' : 'user.deactivate',
			objectType: 'user',
			objectId: userId
		});
	});
}

/**
 * Issues a new one-time password. Refused for accounts that are also a member of another
 * organisation (active or not): an admin of one organisation must never be able to take over
 * access to another.
 */
export async function resetMemberPassword(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	userId: string
): Promise<string> {
	authorize(actor, 'user.edit', { organisationId });
	await requireMember(db, organisationId, userId);
	if (userId === actor!.userId) throw new ValidationError({ user: { key: 'users.notYourself' } });
	if ((await countOtherMemberships(db, userId, organisationId)) > 0) {
		throw new ValidationError({ user: { key: 'users.sharedAccount' } });
	}
	const oneTimePassword = generateOneTimePassword();
	const passwordHash = await hashPassword(oneTimePassword);
	await db.transaction().execute(async (trx) => {
		await updateUserPassword(trx, userId, passwordHash, true);
		await invalidateUserSessions(trx, userId);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'user.password.reset',
			objectType: 'user',
			objectId: userId
		});
	});
	return oneTimePassword;
}

/** A person's own language choice; it follows them to other devices. */
export async function setUserLanguage(db: Kysely<Database>, userId: string, language: 'nl' | 'fr' | 'en') {
	await db.updateTable('app_user').set({ language }).where('id', '=', userId).execute();
}
