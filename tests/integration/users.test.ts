import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { signIn } from '../../src/lib/server/auth/service';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import {
	changeMemberRole,
	createMember,
	listMembers,
	loadActor,
	resetMemberPassword,
	setMemberActive
} from '../../src/lib/server/users/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import {
	TEST_PASSWORD,
	makeMember,
	makeOrganisation,
	makeUnits,
	makeUser,
	nextNumber,
	signedIn,
	uniqueClient,
	uniqueEmail
} from '../helpers/factories';
import { auditOf, userRow } from '../helpers/queries';

const testDb = useTestDatabase();

const ONE_TIME_PASSWORD = /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/;

/** Organisation A (units ROOT > CARE) with an admin and an advisor; organisation B with its own admin and unit. */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const ids = await makeUnits(testDb.db, org.id, [
		['ROOT', null, 10],
		['CARE', 'ROOT', 20]
	]);
	const otherIds = await makeUnits(testDb.db, other.id, [['ELSEWHERE', null, 3]]);
	return {
		org,
		other,
		careId: ids.CARE!,
		otherUnitId: otherIds.ELSEWHERE!,
		admin: await makeMember(testDb.db, {
			email: uniqueEmail('admin'),
			organisationId: org.id,
			role: 'admin'
		}),
		advisor: await makeMember(testDb.db, {
			email: uniqueEmail('advisor'),
			organisationId: org.id,
			role: 'advisor'
		}),
		otherAdmin: await makeMember(testDb.db, {
			email: uniqueEmail('other'),
			organisationId: other.id,
			role: 'admin'
		})
	};
}

async function userByEmail(email: string) {
	return testDb.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

async function membershipOf(organisationId: string, userId: string) {
	return testDb.db
		.selectFrom('membership')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

describe('createMember', () => {
	it('creates an account with a one-time password that must be changed', async () => {
		const { org, admin } = await setup();
		const email = uniqueEmail('New.Person');
		const created = await createMember(testDb.db, admin, org.id, {
			email: `  ${email.toUpperCase()} `,
			displayName: ' New Person ',
			role: 'advisor',
			unitId: '',
			language: 'fr'
		});
		expect(created.oneTimePassword).toMatch(ONE_TIME_PASSWORD);
		const otp = created.oneTimePassword!;

		const user = await userRow(testDb.db, created.userId);
		expect(user).toMatchObject({
			email: email.toLowerCase(),
			display_name: 'New Person',
			language: 'fr',
			must_change_password: true,
			active: true
		});
		expect(user.password_hash).not.toBe(otp);
		expect(user.password_hash).not.toContain(otp);
		expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(user.password_hash, otp)).toBe(true);
		expect(await membershipOf(org.id, created.userId)).toMatchObject({
			role: 'advisor',
			unit_id: null,
			active: true
		});
		expect((await auditOf(testDb.db, org.id)).at(-1)).toMatchObject({
			action: 'user.create',
			actor_user_id: admin.userId,
			object_id: created.userId
		});

		const result = await signIn(testDb.db, email, otp, uniqueClient());
		expect(result).toMatchObject({ ok: true, mustChangePassword: true });
		expect(await loadActor(testDb.db, created.userId)).toEqual({
			userId: created.userId,
			memberships: [{ organisationId: org.id, role: 'advisor', unitId: null }]
		});
	});

	it('creates a manager of a unit of the organisation', async () => {
		const { org, careId, admin } = await setup();
		const created = await createMember(testDb.db, admin, org.id, {
			email: uniqueEmail('manager'),
			displayName: 'Manager',
			role: 'manager',
			unitId: careId
		});
		expect(await membershipOf(org.id, created.userId)).toMatchObject({ role: 'manager', unit_id: careId });
	});

	it('ignores a unit for roles other than manager', async () => {
		const { org, careId, admin } = await setup();
		const created = await createMember(testDb.db, admin, org.id, {
			email: uniqueEmail('hr'),
			displayName: 'HR',
			role: 'hr',
			unitId: careId
		});
		expect(await membershipOf(org.id, created.userId)).toMatchObject({ role: 'hr', unit_id: null });
	});

	it.each([
		['a manager without a unit', { role: 'manager', unitId: '' }, 'unitId', 'users.managerNeedsUnit'],
		[
			'a manager with a unit of another organisation',
			{ role: 'manager', unitId: 'other' },
			'unitId',
			'units.parentUnknown'
		],
		[
			'a manager with a unit id that is not a uuid',
			{ role: 'manager', unitId: 'not-a-uuid' },
			'unitId',
			'units.parentUnknown'
		],
		['an unknown role', { role: 'owner' }, 'role', 'validation.role'],
		['an invalid e-mail address', { email: 'not-an-address' }, 'email', 'validation.email'],
		['an empty display name', { displayName: '  ' }, 'displayName', 'validation.required'],
		['an unknown language', { language: 'de' }, 'language', 'validation.language']
	])('refuses %s and creates no account', async (_label, change, field, key) => {
		const { org, otherUnitId, admin } = await setup();
		const email = uniqueEmail('refused');
		const input: Record<string, unknown> = { email, displayName: 'Someone', role: 'advisor', ...change };
		if (input.unitId === 'other') input.unitId = otherUnitId;
		const auditBefore = await auditOf(testDb.db, org.id);
		await expectProblem(createMember(testDb.db, admin, org.id, input), field, key);
		expect(await userByEmail(email)).toBeUndefined();
		expect(await auditOf(testDb.db, org.id)).toEqual(auditBefore);
	});

	it('refuses a manager with an archived unit', async () => {
		const { org, careId, admin } = await setup();
		await testDb.db.updateTable('unit').set({ valid_to: '2099-01-01' }).where('id', '=', careId).execute();
		const email = uniqueEmail('archived');
		await expectProblem(
			createMember(testDb.db, admin, org.id, { email, displayName: 'X', role: 'manager', unitId: careId }),
			'unitId',
			'units.parentUnknown'
		);
		expect(await userByEmail(email)).toBeUndefined();
	});

	it('adds an existing account of another organisation without touching its password', async () => {
		const { org, other, admin } = await setup();
		const existing = await makeUser(testDb.db, {
			email: uniqueEmail('shared'),
			organisationId: other.id,
			role: 'hr'
		});
		const created = await createMember(testDb.db, admin, org.id, {
			email: existing.email.toUpperCase(),
			displayName: 'Another name',
			role: 'advisor'
		});
		expect(created).toEqual({ userId: existing.id, oneTimePassword: null });
		const after = await userRow(testDb.db, existing.id);
		expect(after.password_hash).toBe(existing.password_hash);
		expect(after.must_change_password).toBe(false);
		expect(after.display_name).toBe(existing.display_name);
		expect((await signIn(testDb.db, existing.email, TEST_PASSWORD, uniqueClient())).ok).toBe(true);
		const actor = await loadActor(testDb.db, existing.id);
		expect(actor.memberships).toHaveLength(2);
		expect(actor.memberships).toEqual(
			expect.arrayContaining([
				{ organisationId: org.id, role: 'advisor', unitId: null },
				{ organisationId: other.id, role: 'hr', unitId: null }
			])
		);
		// The sign-in above is audited too: the account's addition is the last user.create entry.
		const added = (await auditOf(testDb.db, org.id)).filter((a) => a.action === 'user.create').at(-1);
		expect(added!.detail).toMatchObject({ existingAccount: true });
	});

	it.each([
		['an active member', true],
		['a deactivated member', false]
	])('refuses to add %s a second time', async (_label, active) => {
		const { org, admin } = await setup();
		const email = uniqueEmail('twice');
		const first = await createMember(testDb.db, admin, org.id, {
			email,
			displayName: 'Twice',
			role: 'advisor'
		});
		if (!active) await setMemberActive(testDb.db, admin, org.id, first.userId, false);
		const before = await userRow(testDb.db, first.userId);
		await expectProblem(
			createMember(testDb.db, admin, org.id, {
				email: email.toUpperCase(),
				displayName: 'Twice',
				role: 'admin'
			}),
			'email',
			'users.alreadyMember'
		);
		expect(await userRow(testDb.db, first.userId)).toEqual(before);
		expect(await membershipOf(org.id, first.userId)).toMatchObject({ role: 'advisor', active });
	});

	it.each([
		['an advisor', 'advisor', 403],
		['an admin of another organisation', 'otherAdmin', 404]
	] as const)('refuses %s', async (_label, who, status) => {
		const people = await setup();
		const email = uniqueEmail('intruder');
		await expect(
			createMember(testDb.db, people[who], people.org.id, { email, displayName: 'X', role: 'admin' })
		).rejects.toMatchObject({ status });
		expect(await userByEmail(email)).toBeUndefined();
	});
});

describe('setMemberActive', () => {
	it('takes away access to the organisation, leaves other organisations, and is audited', async () => {
		const { org, other, admin } = await setup();
		const person = await makeUser(testDb.db, {
			email: uniqueEmail('leaver'),
			organisationId: org.id,
			role: 'hr'
		});
		await testDb.db
			.insertInto('membership')
			.values({ organisation_id: other.id, user_id: person.id, role: 'advisor', unit_id: null })
			.execute();
		expect((await loadActor(testDb.db, person.id)).memberships).toHaveLength(2);

		await setMemberActive(testDb.db, admin, org.id, person.id, false);

		const actor = await loadActor(testDb.db, person.id);
		expect(actor.memberships).toEqual([{ organisationId: other.id, role: 'advisor', unitId: null }]);
		expect(actor.memberships.some((m) => m.organisationId === org.id)).toBe(false);
		expect(await membershipOf(org.id, person.id)).toMatchObject({ role: 'hr', active: false });
		expect((await auditOf(testDb.db, org.id)).at(-1)).toMatchObject({
			action: 'user.deactivate',
			actor_user_id: admin.userId,
			object_id: person.id
		});
		expect((await listMembers(testDb.db, admin, org.id)).find((m) => m.id === person.id)).toMatchObject({
			active: false
		});

		await setMemberActive(testDb.db, admin, org.id, person.id, true);
		expect((await loadActor(testDb.db, person.id)).memberships).toHaveLength(2);
		expect((await auditOf(testDb.db, org.id)).at(-1)).toMatchObject({
			action: 'user.reactivate',
			object_id: person.id
		});
	});

	it.each([[false], [true]])('refuses to let an admin set their own membership active=%s', async (active) => {
		const { org, admin } = await setup();
		await expectProblem(
			setMemberActive(testDb.db, admin, org.id, admin.userId, active),
			'user',
			'users.notYourself'
		);
		expect(await membershipOf(org.id, admin.userId)).toMatchObject({ role: 'admin', active: true });
	});
});

describe('resetMemberPassword', () => {
	it('issues a one-time password, ends the sessions, and is audited', async () => {
		const { org, admin } = await setup();
		const person = await makeUser(testDb.db, {
			email: uniqueEmail('forgetful'),
			organisationId: org.id,
			role: 'advisor'
		});
		const { token } = await signedIn(testDb.db, person.email);

		const otp = await resetMemberPassword(testDb.db, admin, org.id, person.id);

		expect(otp).toMatch(ONE_TIME_PASSWORD);
		const after = await userRow(testDb.db, person.id);
		expect(after.password_hash).not.toBe(person.password_hash);
		expect(after.password_hash).not.toContain(otp);
		expect(after.must_change_password).toBe(true);
		expect(await validateSessionToken(testDb.db, token)).toEqual({ session: null, user: null });
		expect(await signIn(testDb.db, person.email, TEST_PASSWORD, uniqueClient())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(testDb.db, person.email, otp, uniqueClient())).toMatchObject({
			ok: true,
			mustChangePassword: true
		});
		// The two sign-ins after the reset are audited as well (a refused one and the one-time password).
		const entries = await auditOf(testDb.db, org.id);
		expect(entries.slice(-2).map((a) => a.action)).toEqual(['auth.signInFailed', 'auth.signIn']);
		expect(entries.filter((a) => a.action === 'user.password.reset').at(-1)).toMatchObject({
			action: 'user.password.reset',
			actor_user_id: admin.userId,
			object_id: person.id
		});
	});

	it('refuses an account that is also active in another organisation', async () => {
		const { org, other, admin } = await setup();
		const shared = await makeUser(testDb.db, {
			email: uniqueEmail('shared'),
			organisationId: other.id,
			role: 'admin'
		});
		await createMember(testDb.db, admin, org.id, {
			email: shared.email,
			displayName: 'Shared',
			role: 'advisor'
		});
		const { token } = await signedIn(testDb.db, shared.email);

		await expectProblem(
			resetMemberPassword(testDb.db, admin, org.id, shared.id),
			'user',
			'users.sharedAccount'
		);

		expect(await userRow(testDb.db, shared.id)).toMatchObject({
			password_hash: shared.password_hash,
			must_change_password: false
		});
		expect((await validateSessionToken(testDb.db, token)).user?.id).toBe(shared.id);
		expect((await auditOf(testDb.db, org.id)).map((a) => a.action)).not.toContain('user.password.reset');
	});

	it('refuses an admin resetting their own password', async () => {
		const { org, admin } = await setup();
		const before = await userRow(testDb.db, admin.userId);
		await expectProblem(
			resetMemberPassword(testDb.db, admin, org.id, admin.userId),
			'user',
			'users.notYourself'
		);
		expect((await userRow(testDb.db, admin.userId)).password_hash).toBe(before.password_hash);
	});
});

describe('changeMemberRole', () => {
	it('makes a member manager of a unit, which the actor then reflects', async () => {
		const { org, careId, admin } = await setup();
		const person = await makeUser(testDb.db, {
			email: uniqueEmail('promoted'),
			organisationId: org.id,
			role: 'advisor'
		});
		await changeMemberRole(testDb.db, admin, org.id, person.id, { role: 'manager', unitId: careId });
		expect(await membershipOf(org.id, person.id)).toMatchObject({
			role: 'manager',
			unit_id: careId,
			active: true
		});
		expect((await loadActor(testDb.db, person.id)).memberships).toEqual([
			{ organisationId: org.id, role: 'manager', unitId: careId }
		]);
		expect((await auditOf(testDb.db, org.id)).at(-1)).toMatchObject({
			action: 'user.role',
			actor_user_id: admin.userId,
			object_id: person.id,
			detail: {
				before: { role: 'advisor', unitId: null },
				after: { role: 'manager', unitId: careId }
			}
		});

		await changeMemberRole(testDb.db, admin, org.id, person.id, { role: 'hr', unitId: careId });
		expect(await membershipOf(org.id, person.id)).toMatchObject({ role: 'hr', unit_id: null });
	});

	it.each([
		['manager without a unit', { role: 'manager' }, 'unitId', 'users.managerNeedsUnit'],
		[
			'manager of a unit of another organisation',
			{ role: 'manager', unitId: 'other' },
			'unitId',
			'units.parentUnknown'
		],
		['an unknown role', { role: 'superuser' }, 'role', 'validation.role']
	])('refuses %s and keeps the role', async (_label, change, field, key) => {
		const { org, otherUnitId, admin } = await setup();
		const person = await makeUser(testDb.db, {
			email: uniqueEmail('kept'),
			organisationId: org.id,
			role: 'advisor'
		});
		const input: Record<string, unknown> = { ...change };
		if (input.unitId === 'other') input.unitId = otherUnitId;
		await expectProblem(changeMemberRole(testDb.db, admin, org.id, person.id, input), field, key);
		expect(await membershipOf(org.id, person.id)).toMatchObject({ role: 'advisor', unit_id: null });
	});

	it('refuses an admin demoting themselves', async () => {
		const { org, admin } = await setup();
		await expectProblem(
			changeMemberRole(testDb.db, admin, org.id, admin.userId, { role: 'advisor' }),
			'role',
			'users.notYourself'
		);
		expect(await membershipOf(org.id, admin.userId)).toMatchObject({ role: 'admin' });
	});
});

describe('user ids that are not members of the organisation', () => {
	const operations = {
		changeMemberRole: (actor: Actor, orgId: string, userId: string) =>
			changeMemberRole(testDb.db, actor, orgId, userId, { role: 'admin' }),
		deactivate: (actor: Actor, orgId: string, userId: string) =>
			setMemberActive(testDb.db, actor, orgId, userId, false),
		reactivate: (actor: Actor, orgId: string, userId: string) =>
			setMemberActive(testDb.db, actor, orgId, userId, true),
		resetMemberPassword: (actor: Actor, orgId: string, userId: string) =>
			resetMemberPassword(testDb.db, actor, orgId, userId)
	};
	const cases = (Object.keys(operations) as Array<keyof typeof operations>).flatMap((op) =>
		(['not a uuid', 'a member of another organisation only', 'an unknown uuid'] as const).map(
			(target) => [op, target] as const
		)
	);

	it.each(cases)('%s with %s gives 404 and changes nothing', async (operation, target) => {
		const { org, other, admin } = await setup();
		const outsider = await makeUser(testDb.db, {
			email: uniqueEmail('outsider'),
			organisationId: other.id,
			role: 'admin'
		});
		const userId =
			target === 'not a uuid'
				? 'not-a-uuid'
				: target === 'an unknown uuid'
					? '00000000-0000-4000-8000-000000000000'
					: outsider.id;
		await expect(operations[operation](admin, org.id, userId)).rejects.toMatchObject({ status: 404 });
		expect(await userRow(testDb.db, outsider.id)).toEqual(outsider);
		expect(await membershipOf(other.id, outsider.id)).toMatchObject({ role: 'admin', active: true });
		expect(await membershipOf(org.id, outsider.id)).toBeUndefined();
		expect((await auditOf(testDb.db, org.id)).filter((a) => a.object_id === outsider.id)).toEqual([]);
	});

	it.each(Object.keys(operations) as Array<keyof typeof operations>)(
		'%s by an advisor gives 403',
		async (operation) => {
			const { org, admin, advisor } = await setup();
			await expect(operations[operation](advisor, org.id, admin.userId)).rejects.toMatchObject({
				status: 403
			});
			expect(await membershipOf(org.id, admin.userId)).toMatchObject({ role: 'admin', active: true });
		}
	);
});

describe('no admin can reach another organisation through a shared account', () => {
	it('refuses to add an account whose one-time password is still unused', async () => {
		const { org, other, admin, otherAdmin } = await setup();
		const email = uniqueEmail('fresh');
		const created = await createMember(testDb.db, admin, org.id, { email, displayName: 'Fresh', role: 'hr' });
		expect(created.oneTimePassword).toMatch(ONE_TIME_PASSWORD);
		const attempt = createMember(testDb.db, otherAdmin, other.id, {
			email,
			displayName: 'Fresh',
			role: 'admin'
		});
		await expectProblem(attempt, 'email', 'users.pendingElsewhere');
		expect((await loadActor(testDb.db, created.userId)).memberships.map((m) => m.organisationId)).toEqual([
			org.id
		]);
	});

	it('refuses a password reset while the account has an inactive membership elsewhere', async () => {
		const { org, other, admin, otherAdmin } = await setup();
		const person = await makeUser(testDb.db, {
			email: uniqueEmail('both'),
			organisationId: org.id,
			role: 'advisor'
		});
		await testDb.db
			.insertInto('membership')
			.values({ organisation_id: other.id, user_id: person.id, role: 'advisor', active: false })
			.execute();
		const attempt = resetMemberPassword(testDb.db, admin, org.id, person.id);
		await expect(attempt).rejects.toMatchObject({ problems: { user: { key: 'users.sharedAccount' } } });
		// The admin of the other organisation is refused too: the account is active in the first one.
		await expect(resetMemberPassword(testDb.db, otherAdmin, other.id, person.id)).rejects.toMatchObject({
			problems: { user: { key: 'users.sharedAccount' } }
		});
		expect((await userRow(testDb.db, person.id)).password_hash).toBe(person.password_hash);
	});
});
