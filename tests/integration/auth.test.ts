import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_RULES } from '../../src/lib/domain/throttle';
import { readDeviceCookie } from '../../src/lib/server/auth/device-cookie';
import { hashPassword, passwordVerificationCount, verifyPassword } from '../../src/lib/server/auth/password';
import { changePassword, signIn, type SignInBrowser } from '../../src/lib/server/auth/service';
import { throttleKey } from '../../src/lib/server/auth/throttle';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/db/schema';
import {
	generateSessionToken,
	invalidateSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { useTestDatabase } from '../helpers/db';
import { withDatabase } from '../helpers/postgres';
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

// On PostgreSQL, concurrent sign-ins also go through a pool as wide as the server's default (10),
// so that attempts really overlap; PGlite has a single connection either way.
let wide: DatabaseHandle | undefined;
beforeAll(async () => {
	const url = process.env.DATABASE_URL;
	if (!url) return;
	const { name } = await sql<{ name: string }>`select current_database() as name`
		.execute(testDb.db)
		.then((r) => r.rows[0]!);
	wide = await openDatabase({ url: withDatabase(url, name), poolSize: 10 });
});
afterAll(async () => {
	await wide?.close();
});
const wideDb = (): Kysely<Database> => wide?.db ?? testDb.db;

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

	it('keeps neither e-mail addresses, client addresses nor device nonces in the throttle table', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('private') });
		const client = uniqueClient();
		const first = await signIn(testDb.db, user.email, TEST_PASSWORD, client);
		if (!first.ok) throw new Error('sign-in refused');
		await signIn(testDb.db, user.email, 'wrong-password', client, { deviceCookie: first.deviceCookie });
		await signIn(testDb.db, user.email, 'wrong-password', client);
		const rows = await testDb.db.selectFrom('login_throttle').select('key_hash').execute();
		expect(rows.length).toBeGreaterThanOrEqual(3);
		const nonce = first.deviceCookie.split('.')[1]!;
		for (const { key_hash } of rows) {
			expect(key_hash).toMatch(/^[0-9a-f]{64}$/);
			for (const secret of [user.email, client, nonce]) expect(key_hash).not.toContain(secret);
		}
	});
});

// Sign-in throttling with device cookies, as docs/architecture.md ("Sessions and sign-in") lays it out.
describe('signIn throttling', () => {
	const LIMIT = THROTTLE_RULES.account.maxAttempts;

	async function signInOk(email: string, client = uniqueClient(), browser: SignInBrowser = {}) {
		const result = await signIn(testDb.db, email, TEST_PASSWORD, client, browser);
		if (!result.ok) throw new Error(`sign-in of ${email} refused: ${result.reason}`);
		return result;
	}

	async function fail(email: string, times: number, client: string, browser: SignInBrowser = {}) {
		for (let i = 0; i < times; i++)
			expect(await signIn(testDb.db, email, `wrong-${i}`, client, browser)).toEqual({
				ok: false,
				reason: 'invalid'
			});
	}

	async function attemptsOf(scope: 'account' | 'address' | 'device', value: string) {
		const row = await testDb.db
			.selectFrom('login_throttle')
			.select('attempts')
			.where('key_hash', '=', throttleKey(scope, value).hash)
			.executeTakeFirst();
		return row?.attempts ?? 0;
	}

	it('refuses untrusted clients once the account’s attempts are used up, from any address, right password or not', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('target') });
		await fail(user.email, LIMIT, uniqueClient());
		const before = passwordVerificationCount();
		for (const [email, client] of [
			[user.email, uniqueClient()],
			[user.email.toUpperCase(), uniqueClient()]
		] as const) {
			const result = await signIn(testDb.db, email, TEST_PASSWORD, client);
			expect(result).toMatchObject({ ok: false, reason: 'throttled', scope: 'account' });
			if (!result.ok && result.reason === 'throttled') {
				expect(result.retryAfterMinutes).toBeGreaterThanOrEqual(1);
				expect(result.retryAfterMinutes).toBeLessThanOrEqual(15);
			}
		}
		// A refused attempt checks no password at all.
		expect(passwordVerificationCount()).toBe(before);
		expect(await sessionRowsOf(user.id)).toHaveLength(0);
	});

	it('answers an unknown e-mail address exactly as a known one, refusal included', async () => {
		const known = await makeUser(testDb.db, { email: uniqueEmail('known') });
		const unknown = uniqueEmail('unknown');
		const answers = [];
		for (const email of [known.email, unknown]) {
			const client = uniqueClient();
			await fail(email, LIMIT, client);
			answers.push(await signIn(testDb.db, email, TEST_PASSWORD, client));
		}
		expect(answers[0]).toMatchObject({ ok: false, reason: 'throttled', scope: 'account' });
		expect(answers[1]).toEqual(answers[0]);
	});

	it('lets a success give back its place, so normal sign-ins from one address never add up', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('daily') });
		const client = uniqueClient();
		for (let i = 0; i < THROTTLE_RULES.address.maxAttempts + 5; i++) await signInOk(user.email, client);
		expect(await attemptsOf('account', user.email)).toBe(0);
		expect(await attemptsOf('address', client)).toBe(0);
		// Failures stay counted across a success: one more failure reaches the limit.
		await fail(user.email, LIMIT - 1, client);
		await signInOk(user.email, client);
		await fail(user.email, 1, client);
		expect(await signIn(testDb.db, user.email, TEST_PASSWORD, uniqueClient())).toMatchObject({
			reason: 'throttled',
			scope: 'account'
		});
	});

	it('refuses an address that tries too many accounts, but not the same accounts elsewhere or on a trusted device', async () => {
		const client = uniqueClient();
		const owner = await makeUser(testDb.db, { email: uniqueEmail('owner') });
		const trusted = await signInOk(owner.email, uniqueClient());
		const other = await makeUser(testDb.db, { email: uniqueEmail('other') });
		for (let i = 0; i < THROTTLE_RULES.address.maxAttempts - 1; i++)
			await fail(uniqueEmail('nobody'), 1, client);
		// One place left: an untrusted sign-in still works and gives it back.
		await signInOk(other.email, client);
		await fail(uniqueEmail('nobody'), 1, client);
		expect(await signIn(testDb.db, other.email, TEST_PASSWORD, client)).toMatchObject({
			reason: 'throttled',
			scope: 'address'
		});
		await signInOk(other.email, uniqueClient());
		// The owner's browser that signed in before is throttled on its own, not by the address.
		await signInOk(owner.email, client, { deviceCookie: trusted.deviceCookie });
	});

	it('lets the owner sign in on a trusted device while guessing elsewhere locks out untrusted clients', async () => {
		const owner = await makeUser(testDb.db, { email: uniqueEmail('owner') });
		const trusted = await signInOk(owner.email);
		expect(readDeviceCookie(trusted.deviceCookie)?.userId).toBe(owner.id);

		await fail(owner.email, LIMIT, uniqueClient());
		expect(await signIn(testDb.db, owner.email, TEST_PASSWORD, uniqueClient())).toMatchObject({
			reason: 'throttled',
			scope: 'account'
		});
		const again = await signInOk(owner.email, uniqueClient(), { deviceCookie: trusted.deviceCookie });
		// Every success hands out a new nonce, which is trusted in turn.
		expect(again.deviceCookie).not.toBe(trusted.deviceCookie);
		await signInOk(owner.email, uniqueClient(), { deviceCookie: again.deviceCookie });
		// The attacker's count is untouched by the owner's sign-ins.
		expect(await attemptsOf('account', owner.email)).toBe(LIMIT);
	});

	it.each([
		[
			'a forged signature',
			(cookie: string) => cookie.slice(0, -4) + (cookie.endsWith('0000') ? '1111' : '0000')
		],
		['garbage', () => 'not-a-device-cookie'],
		['another account’s cookie', (_cookie: string, otherCookie: string) => otherCookie],
		[
			'this account’s id re-signed as nobody can',
			(cookie: string, otherCookie: string) =>
				[cookie.split('.')[0], ...otherCookie.split('.').slice(1)].join('.')
		]
	])('treats %s as no device cookie', async (_label, tamper) => {
		const owner = await makeUser(testDb.db, { email: uniqueEmail('owner') });
		const other = await makeUser(testDb.db, { email: uniqueEmail('other') });
		const cookie = (await signInOk(owner.email)).deviceCookie;
		const otherCookie = (await signInOk(other.email)).deviceCookie;
		await fail(owner.email, LIMIT, uniqueClient());
		expect(
			await signIn(testDb.db, owner.email, TEST_PASSWORD, uniqueClient(), {
				deviceCookie: tamper(cookie, otherCookie)
			})
		).toMatchObject({ reason: 'throttled', scope: 'account' });
		await signInOk(owner.email, uniqueClient(), { deviceCookie: cookie });
	});

	it('locks a device cookie after its own failures, and only that device', async () => {
		const owner = await makeUser(testDb.db, { email: uniqueEmail('owner') });
		const laptop = (await signInOk(owner.email)).deviceCookie;
		const phone = (await signInOk(owner.email)).deviceCookie;
		await fail(owner.email, THROTTLE_RULES.device.maxAttempts, uniqueClient(), { deviceCookie: laptop });
		expect(
			await signIn(testDb.db, owner.email, TEST_PASSWORD, uniqueClient(), { deviceCookie: laptop })
		).toMatchObject({ reason: 'throttled', scope: 'device' });
		await signInOk(owner.email, uniqueClient(), { deviceCookie: phone });
		// Failures on a trusted device do not count against the account for untrusted clients.
		expect(await attemptsOf('account', owner.email)).toBe(0);
		await signInOk(owner.email, uniqueClient());
	});

	it('forgives a device’s typos once its owner signs in on it', async () => {
		const owner = await makeUser(testDb.db, { email: uniqueEmail('owner') });
		const cookie = (await signInOk(owner.email)).deviceCookie;
		await fail(owner.email, THROTTLE_RULES.device.maxAttempts - 1, uniqueClient(), { deviceCookie: cookie });
		const fresh = (await signInOk(owner.email, uniqueClient(), { deviceCookie: cookie })).deviceCookie;
		await fail(owner.email, THROTTLE_RULES.device.maxAttempts - 1, uniqueClient(), { deviceCookie: fresh });
		await signInOk(owner.email, uniqueClient(), { deviceCookie: fresh });
	});

	it('opens a new window once the old one ended, and purges ended windows', async () => {
		const owner = await makeUser(testDb.db, { email: uniqueEmail('later') });
		const stale = uniqueEmail('stale');
		await fail(owner.email, LIMIT, uniqueClient());
		await fail(stale, 1, uniqueClient());
		const ended = new Date(Date.now() - THROTTLE_RULES.account.windowMs);
		await testDb.db
			.updateTable('login_throttle')
			.set({ window_started_at: ended })
			.where('key_hash', 'in', [throttleKey('account', owner.email).hash, throttleKey('account', stale).hash])
			.execute();
		await signInOk(owner.email);
		expect(await attemptsOf('account', owner.email)).toBe(0);
		const left = await testDb.db
			.selectFrom('login_throttle')
			.select('key_hash')
			.where('window_started_at', '<=', ended)
			.execute();
		expect(left).toEqual([]);
	});

	it('stops checking passwords at the limit, however many attempts arrive at once', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: LIMIT + 1, max: 50 }),
				fc.nat(),
				fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }),
				fc.boolean(),
				async (concurrency, correctAt, sameAddress, trustedBurst) => {
					const db = wideDb();
					const owner = await makeUser(db, { email: uniqueEmail('burst') });
					const device = trustedBurst ? { deviceCookie: (await signInOk(owner.email)).deviceCookie } : {};
					const attacker = uniqueClient();
					// At most one attempt carries the right password; with correctAt past the end, none does.
					const correct = correctAt % (concurrency + 1);
					const before = passwordVerificationCount();
					const results = await Promise.all(
						Array.from({ length: concurrency }, (_, i) =>
							signIn(
								db,
								owner.email,
								i === correct ? TEST_PASSWORD : `wrong-${i}`,
								sameAddress[i] ? attacker : uniqueClient(),
								device
							)
						)
					);
					const checks = passwordVerificationCount() - before;
					const invalid = results.filter((r) => !r.ok && r.reason === 'invalid').length;
					const successes = results.filter((r) => r.ok).length;
					const refused = results.filter((r) => !r.ok && r.reason === 'throttled');
					// Wrong passwords are checked at most LIMIT times; a success gives its place back.
					expect(invalid).toBeLessThanOrEqual(LIMIT);
					expect(successes).toBeLessThanOrEqual(1);
					expect(checks).toBe(invalid + successes);
					expect(refused).toHaveLength(concurrency - checks);
					for (const r of refused) expect(r).toMatchObject({ scope: trustedBurst ? 'device' : 'account' });
					// With no place left at the end, every attempt beyond the limit was refused unchecked.
					if (successes === 0) expect(checks).toBe(LIMIT);
					expect(await sessionRowsOf(owner.id)).toHaveLength(successes + (trustedBurst ? 1 : 0));
					if (!trustedBurst) expect(await attemptsOf('account', owner.email)).toBe(invalid);
					// Once the limit is reached by failures, the right password stays out too.
					if (invalid === LIMIT)
						expect(await signIn(db, owner.email, TEST_PASSWORD, uniqueClient(), device)).toMatchObject({
							reason: 'throttled'
						});
				}
			),
			{ numRuns: 10 }
		);
	});

	it('refuses a burst of right passwords after the limit without checking any', async () => {
		const owner = await makeUser(testDb.db, { email: uniqueEmail('late') });
		await fail(owner.email, LIMIT, uniqueClient());
		const before = passwordVerificationCount();
		const results = await Promise.all(
			Array.from({ length: 20 }, () => signIn(wideDb(), owner.email, TEST_PASSWORD, uniqueClient()))
		);
		expect(passwordVerificationCount()).toBe(before);
		expect(results.every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
	});
});

describe('signIn again', () => {
	it('ends the session the browser held, in the same step', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('again') });
		const first = await signedIn(testDb.db, user.email);
		const second = await signIn(testDb.db, user.email, TEST_PASSWORD, uniqueClient(), {
			sessionToken: first.token
		});
		expect(second.ok).toBe(true);
		if (!second.ok) return;
		expect(await validateSessionToken(testDb.db, first.token)).toEqual({ session: null, user: null });
		expect((await validateSessionToken(testDb.db, second.token)).user?.id).toBe(user.id);
		expect((await sessionRowsOf(user.id)).map((r) => r.id)).toEqual([sha256Hex(second.token)]);
	});

	it('ends another account’s session held by the same browser, and leaves that account’s other sessions', async () => {
		const previous = await makeUser(testDb.db, { email: uniqueEmail('previous') });
		const next = await makeUser(testDb.db, { email: uniqueEmail('next') });
		const here = await signedIn(testDb.db, previous.email);
		const elsewhere = await signedIn(testDb.db, previous.email);
		expect(
			(await signIn(testDb.db, next.email, TEST_PASSWORD, uniqueClient(), { sessionToken: here.token })).ok
		).toBe(true);
		expect(await validateSessionToken(testDb.db, here.token)).toEqual({ session: null, user: null });
		expect((await validateSessionToken(testDb.db, elsewhere.token)).user?.id).toBe(previous.id);
	});

	it('keeps the session when the new sign-in fails', async () => {
		const user = await makeUser(testDb.db, { email: uniqueEmail('keep') });
		const first = await signedIn(testDb.db, user.email);
		expect(
			await signIn(testDb.db, user.email, 'wrong-password', uniqueClient(), { sessionToken: first.token })
		).toEqual({ ok: false, reason: 'invalid' });
		expect((await validateSessionToken(testDb.db, first.token)).user?.id).toBe(user.id);
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
