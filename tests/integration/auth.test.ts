import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { changePassword, signIn } from '../../src/lib/server/auth/service';
import {
	generateSessionToken,
	invalidateSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import {
	TEST_PASSWORD,
	makeUser,
	nextNumber,
	signedIn,
	uniqueClient,
	uniqueEmail
} from '../helpers/factories';
import { userRow } from '../helpers/queries';

const testDb = useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
// Every test uses its own accounts and client address (uniqueEmail, uniqueClient), so throttle
// counts never leak between tests.

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

async function sessionRowsOf(userId: string) {
	return testDb.db.selectFrom('user_session').selectAll().where('user_id', '=', userId).execute();
}

describe('hashPassword', () => {
	it('produces an argon2id hash that verifies only the right password', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(hash).not.toContain('correct horse battery');
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
	});
});

describe('signIn', () => {
	it('succeeds with the right password and stores only the SHA-256 of the token', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('alice') });
		const before = Date.now();
		const result = await signIn(testDb.db, user.email, TEST_PASSWORD, uniqueClient());
		expect(result).toMatchObject({ ok: true, mustChangePassword: false });
		if (!result.ok) return;
		expect(result.token).toMatch(/^[a-z2-7]{32}$/);

		const rows = await sessionRowsOf(user.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(sha256Hex(result.token));
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]!.id).not.toBe(result.token);
		expect(result.session.id).toBe(rows[0]!.id);
		const stillToken = await testDb.db
			.selectFrom('user_session')
			.select('id')
			.where('id', '=', result.token)
			.executeTakeFirst();
		expect(stillToken).toBeUndefined();
		// A fresh session lasts 30 days.
		const lifetime = rows[0]!.expires_at.getTime() - before;
		expect(lifetime).toBeGreaterThan(30 * DAY - 60_000);
		expect(lifetime).toBeLessThan(30 * DAY + 60_000);
	});

	it('reports mustChangePassword for an account that must change its password', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('fresh'), mustChangePassword: true });
		expect(await signIn(testDb.db, user.email, TEST_PASSWORD, uniqueClient())).toMatchObject({
			ok: true,
			mustChangePassword: true
		});
	});

	it.each([
		['a wrong password', 'known', 'wrong-password-1', true],
		['an unknown e-mail address', 'unknown', TEST_PASSWORD, true],
		['a deactivated account, even with the right password', 'inactive', TEST_PASSWORD, false],
		['an empty password', 'known', '', true]
	] as const)('refuses %s as invalid and starts no session', async (_label, kind, password, active) => {
		const email = uniqueEmail(kind);
		const user = kind === 'unknown' ? null : await makeUser(testDb.db, { email, active });
		const result = await signIn(testDb.db, email, password, uniqueClient());
		expect(result).toEqual({ ok: false, reason: 'invalid' });
		if (user) expect(await sessionRowsOf(user.id)).toHaveLength(0);
	});

	it.each([[42], [null], [undefined], [{ email: 'x' }]])(
		'refuses a non-string e-mail (%j) as invalid',
		async (input) => {
			expect(await signIn(testDb.db, input, TEST_PASSWORD, uniqueClient())).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
	);

	it.each([
		['lower case', (e: string) => e.toLowerCase()],
		['upper case', (e: string) => e.toUpperCase()],
		['surrounding spaces', (e: string) => `  ${e}  `]
	])('matches the e-mail address case-insensitively (%s)', async (_label, variant) => {
		const email = `Carla.Case-${nextNumber()}@Example.test`;
		const user = await makeUser(testDb.db, { email });
		const result = await signIn(testDb.db, variant(email), TEST_PASSWORD, uniqueClient());
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.session.userId).toBe(user.id);
	});

	it('blocks an account after 5 failures, even for the right password, from any client', async () => {
		const client = uniqueClient();
		const user = await makeUser(testDb.db, { email: uniqueEmail('target') });
		for (let i = 0; i < 4; i++) {
			expect(await signIn(testDb.db, user.email, `wrong-${i}`, client)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		// Four failures do not block yet.
		expect((await signIn(testDb.db, user.email, TEST_PASSWORD, client)).ok).toBe(true);
		// A success clears the account's count: five new failures are needed.
		for (let i = 0; i < 5; i++) {
			expect(await signIn(testDb.db, user.email, `wrong-${i}`, client)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		expect(await signIn(testDb.db, user.email, TEST_PASSWORD, client)).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect(await signIn(testDb.db, user.email.toUpperCase(), TEST_PASSWORD, uniqueClient())).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect(await sessionRowsOf(user.id)).toHaveLength(1);
	});

	it('blocks a client address after 30 failures, while other accounts from it work until then', async () => {
		const client = uniqueClient();
		const blocked = await makeUser(testDb.db, { email: uniqueEmail('blocked') });
		const other = await makeUser(testDb.db, { email: uniqueEmail('other') });
		for (let i = 0; i < 5; i++) await signIn(testDb.db, blocked.email, `wrong-${i}`, client);
		expect(await signIn(testDb.db, blocked.email, TEST_PASSWORD, client)).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect((await signIn(testDb.db, other.email, TEST_PASSWORD, client)).ok).toBe(true);

		// 5 failures so far; unknown addresses bring the client to 29.
		for (let i = 0; i < 24; i++) {
			expect(await signIn(testDb.db, uniqueEmail('nobody'), 'wrong-password', client)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		expect((await signIn(testDb.db, other.email, TEST_PASSWORD, client)).ok).toBe(true);
		expect(await signIn(testDb.db, uniqueEmail('nobody'), 'wrong-password', client)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// The 30th failure blocks the client for every account, but not the account elsewhere.
		expect(await signIn(testDb.db, other.email, TEST_PASSWORD, client)).toEqual({
			ok: false,
			reason: 'throttled'
		});
		expect((await signIn(testDb.db, other.email, TEST_PASSWORD, uniqueClient())).ok).toBe(true);
	});

	it('keeps neither e-mail addresses nor client addresses in the throttle table', async () => {
		const email = uniqueEmail('private');
		const client = uniqueClient();
		await signIn(testDb.db, email, 'wrong-password', client);
		const rows = await testDb.db.selectFrom('login_throttle').select('key_hash').execute();
		expect(rows.length).toBeGreaterThanOrEqual(2);
		for (const { key_hash } of rows) {
			expect(key_hash).toMatch(/^[0-9a-f]{64}$/);
			expect(key_hash).not.toContain(email);
			expect(key_hash).not.toContain(client);
		}
	});
});

describe('validateSessionToken', () => {
	it('returns the session and its user for a valid token', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('valid') });
		const { token, session } = await signedIn(testDb.db, user.email);
		const result = await validateSessionToken(testDb.db, token);
		expect(result.session).toEqual({ id: session.id, userId: user.id, expiresAt: session.expiresAt });
		expect(result.user).toEqual({
			id: user.id,
			email: user.email,
			displayName: user.display_name,
			language: null,
			mustChangePassword: false
		});
	});

	it.each([
		['an empty string', () => ''],
		['garbage', () => 'garbage'],
		['upper case letters', () => 'A'.repeat(32)],
		['a token one character too long', () => 'a'.repeat(33)],
		['a well-formed token nobody was given', () => generateSessionToken()]
	])('returns nulls for %s', async (_label, token) => {
		expect(await validateSessionToken(testDb.db, token())).toEqual({ session: null, user: null });
	});

	it('does not accept the stored session id (the hash) as a token', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('hash') });
		const { session } = await signedIn(testDb.db, user.email);
		expect(await validateSessionToken(testDb.db, session.id)).toEqual({ session: null, user: null });
	});

	it('returns nulls for an expired session and deletes its row', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('expired') });
		const { token, session } = await signedIn(testDb.db, user.email);
		await testDb.db
			.updateTable('user_session')
			.set({ expires_at: new Date(Date.now() - 60_000) })
			.where('id', '=', session.id)
			.execute();
		expect(await validateSessionToken(testDb.db, token)).toEqual({ session: null, user: null });
		expect(await sessionRowsOf(user.id)).toHaveLength(0);
	});

	it('returns nulls once the user is deactivated and deletes the session', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('gone') });
		const { token } = await signedIn(testDb.db, user.email);
		await testDb.db.updateTable('app_user').set({ active: false }).where('id', '=', user.id).execute();
		expect(await validateSessionToken(testDb.db, token)).toEqual({ session: null, user: null });
		expect(await sessionRowsOf(user.id)).toHaveLength(0);
	});

	it.each([
		['extends a session with fewer than 15 days left to 30 days', 10, true],
		['extends a session that expires within the minute', 0.0005, true],
		['leaves a session with more than 15 days left alone', 20, false]
	])('%s', async (_label, daysLeft, extended) => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('renew') });
		const { token, session } = await signedIn(testDb.db, user.email);
		const setTo = new Date(Date.now() + daysLeft * DAY);
		await testDb.db
			.updateTable('user_session')
			.set({ expires_at: setTo })
			.where('id', '=', session.id)
			.execute();

		const now = Date.now();
		const result = await validateSessionToken(testDb.db, token);
		expect(result.session).not.toBeNull();
		const stored = (await sessionRowsOf(user.id))[0]!.expires_at;
		expect(stored.getTime()).toBe(result.session!.expiresAt.getTime());
		if (extended) {
			expect(stored.getTime() - now).toBeGreaterThan(30 * DAY - 60_000);
			expect(stored.getTime() - now).toBeLessThanOrEqual(30 * DAY + 60_000);
		} else {
			expect(stored.getTime()).toBe(setTo.getTime());
		}
	});
});

describe('invalidateSession', () => {
	it('ends that one session and leaves the user’s other sessions working', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('signout') });
		const first = await signedIn(testDb.db, user.email);
		const second = await signedIn(testDb.db, user.email);
		await invalidateSession(testDb.db, first.session.id);
		expect(await validateSessionToken(testDb.db, first.token)).toEqual({ session: null, user: null });
		expect((await validateSessionToken(testDb.db, second.token)).user?.id).toBe(user.id);
		expect(await sessionRowsOf(user.id)).toHaveLength(1);
	});
});

describe('changePassword', () => {
	const NEW_PASSWORD = 'a-brand-new-password';

	it.each([
		[
			'a wrong current password',
			{ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD },
			'currentPassword',
			'auth.currentPasswordWrong'
		],
		[
			'a missing current password',
			{ currentPassword: undefined, newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD },
			'currentPassword',
			'auth.currentPasswordWrong'
		],
		[
			'a new password that is too short',
			{ currentPassword: TEST_PASSWORD, newPassword: 'short', confirmation: 'short' },
			'newPassword',
			'validation.passwordLength'
		],
		[
			'a confirmation that does not match',
			{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}!` },
			'confirmation',
			'validation.passwordMismatch'
		],
		[
			'the current password as the new one',
			{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmation: TEST_PASSWORD },
			'newPassword',
			'auth.samePassword'
		]
	])('refuses %s and changes nothing', async (_label, input, field, key) => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('refused') });
		const { token } = await signedIn(testDb.db, user.email);
		await expectProblem(changePassword(testDb.db, user.id, input), field, key);
		const row = await userRow(testDb.db, user.id);
		expect(row.password_hash).toBe(user.password_hash);
		expect((await validateSessionToken(testDb.db, token)).user?.id).toBe(user.id);
	});

	it('changes the password, ends every session, starts a new one and clears must_change_password', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('changer'), mustChangePassword: true });
		const first = await signedIn(testDb.db, user.email);
		const second = await signedIn(testDb.db, user.email);

		const result = await changePassword(testDb.db, user.id, {
			currentPassword: TEST_PASSWORD,
			newPassword: NEW_PASSWORD,
			confirmation: NEW_PASSWORD
		});

		expect(await validateSessionToken(testDb.db, first.token)).toEqual({ session: null, user: null });
		expect(await validateSessionToken(testDb.db, second.token)).toEqual({ session: null, user: null });
		const current = await validateSessionToken(testDb.db, result.token);
		expect(current.session?.id).toBe(result.session.id);
		expect(current.user).toMatchObject({ id: user.id, mustChangePassword: false });
		const rows = await sessionRowsOf(user.id);
		expect(rows.map((r) => r.id)).toEqual([sha256Hex(result.token)]);

		const stored = await userRow(testDb.db, user.id);
		expect(stored.must_change_password).toBe(false);
		expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
		expect(stored.password_hash).not.toContain(NEW_PASSWORD);
		expect(await signIn(testDb.db, user.email, TEST_PASSWORD, uniqueClient())).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect((await signIn(testDb.db, user.email, NEW_PASSWORD, uniqueClient())).ok).toBe(true);
	});

	it('refuses an unknown user id', async () => {
		await expectProblem(
			changePassword(testDb.db, '00000000-0000-4000-8000-000000000000', {
				currentPassword: TEST_PASSWORD,
				newPassword: NEW_PASSWORD,
				confirmation: NEW_PASSWORD
			}),
			'currentPassword',
			'auth.invalid'
		);
	});
});
