import type { Kysely } from 'kysely';
import { normaliseEmail, validateNewPassword } from '../../domain/accounts';
import { ValidationError, unwrap } from '../../domain/validation';
import { recordSignIn } from '../audit/service';
import type { Database } from '../db/schema';
import { findUserByEmail, findUserById, updateUserPassword } from '../users/queries';
import { hashPassword, verifyPassword } from './password';
import { issueDeviceCookie, readDeviceCookie } from './device-cookie';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionIdFromToken,
	type ValidSession
} from './session';
import {
	purgeExpiredAttempts,
	releaseAttempts,
	reserveAttempts,
	throttleKey,
	type ThrottleKey
} from './throttle';
import { minutesUntil, scopesFor, type ThrottleScope } from '../../domain/throttle';

export type SignInResult =
	| { ok: true; token: string; session: ValidSession; mustChangePassword: boolean; deviceCookie: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; scope: ThrottleScope; retryAfterMinutes: number };

/** What the browser sent along: its device cookie and the session it may already hold. */
export interface SignInBrowser {
	deviceCookie?: string;
	sessionToken?: string;
}

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so timing does not tell which e-mail addresses have an account.
let dummyHash: Promise<string> | null = null;
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/**
 * Signs in with the device-cookie scheme (docs/architecture.md, "Sessions and sign-in"). The
 * account counter is keyed on the e-mail address as typed, existing or not, so a refusal looks the
 * same for every address.
 */
export async function signIn(
	db: Kysely<Database>,
	emailInput: unknown,
	passwordInput: unknown,
	clientAddress: string,
	browser: SignInBrowser = {}
): Promise<SignInResult> {
	const email = typeof emailInput === 'string' ? normaliseEmail(emailInput) : '';
	const password = typeof passwordInput === 'string' ? passwordInput : '';
	const user = email ? await findUserByEmail(db, email) : undefined;
	const device = readDeviceCookie(browser.deviceCookie);
	// A cookie of another account, or a forged one, makes the browser as untrusted as having none.
	const trusted = device !== null && user !== undefined && device.userId === user.id;
	const keys: ThrottleKey[] = scopesFor(trusted).map((scope) =>
		throttleKey(scope, scope === 'device' ? device!.nonce : scope === 'account' ? email : clientAddress)
	);
	const now = new Date();
	const reserved = await reserveAttempts(db, keys, now);
	if (!reserved.ok)
		return {
			ok: false,
			reason: 'throttled',
			scope: reserved.scope,
			retryAfterMinutes: minutesUntil(reserved.retryAt, now)
		};

	dummyHash ??= hashPassword('not-a-password-of-anyone');
	const valid = user
		? await verifyPassword(user.password_hash, password)
		: (await verifyPassword(await dummyHash, password), false);
	// A failed attempt keeps the place it reserved. The log of the account's organisations shows it
	// (an unknown address has no organisation, and what was typed is not kept).
	if (!user || !valid || !user.active) {
		// The same statement runs for an unknown address (it matches no membership), so the time of
		// the answer does not tell which addresses have an account.
		await recordSignIn(db, user?.id ?? NO_ACCOUNT, valid ? 'inactive' : 'wrong-password');
		return { ok: false, reason: 'invalid' };
	}

	const token = generateSessionToken();
	const session = await db.transaction().execute(async (trx) => {
		await releaseAttempts(trx, keys);
		// Signing in again ends the session this browser held, whoever it belonged to.
		if (browser.sessionToken)
			await trx
				.deleteFrom('user_session')
				.where('id', '=', sessionIdFromToken(browser.sessionToken))
				.execute();
		await recordSignIn(trx, user.id, 'success');
		return createSession(trx, token, user.id);
	});
	await purgeExpiredAttempts(db);
	return {
		ok: true,
		token,
		session,
		mustChangePassword: user.must_change_password,
		deviceCookie: issueDeviceCookie(user.id)
	};
}

/**
 * Changes the password, signs out every other session of the user and starts a fresh one
 * (the current token is replaced too).
 */
export async function changePassword(
	db: Kysely<Database>,
	userId: string,
	input: { currentPassword: unknown; newPassword: unknown; confirmation: unknown }
): Promise<{ token: string; session: ValidSession }> {
	const user = await findUserById(db, userId);
	if (!user) throw new ValidationError({ currentPassword: { key: 'auth.invalid' } });
	const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
	if (!(await verifyPassword(user.password_hash, current))) {
		throw new ValidationError({ currentPassword: { key: 'auth.currentPasswordWrong' } });
	}
	const password = unwrap(validateNewPassword(input.newPassword, input.confirmation));
	if (password === current) throw new ValidationError({ newPassword: { key: 'auth.samePassword' } });
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		await updateUserPassword(trx, userId, passwordHash, false);
		await invalidateUserSessions(trx, userId);
		const token = generateSessionToken();
		const session = await createSession(trx, token, userId);
		return { token, session };
	});
}
