import type { Kysely } from 'kysely';
import { normaliseEmail, validateNewPassword } from '../../domain/accounts';
import { ValidationError, unwrap } from '../../domain/validation';
import type { Database } from '../db/schema';
import { findUserByEmail, findUserById, updateUserPassword } from '../users/queries';
import { hashPassword, verifyPassword } from './password';
import { createSession, generateSessionToken, invalidateUserSessions, type ValidSession } from './session';
import {
	ACCOUNT_RULE,
	CLIENT_RULE,
	blockedUntil,
	clearFailures,
	recordFailure,
	throttleKey
} from './throttle';

export type SignInResult =
	| { ok: true; token: string; session: ValidSession; mustChangePassword: boolean }
	| { ok: false; reason: 'invalid' | 'throttled' };

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so timing does not tell which e-mail addresses have an account.
let dummyHash: Promise<string> | null = null;

export async function signIn(
	db: Kysely<Database>,
	emailInput: unknown,
	passwordInput: unknown,
	clientAddress: string
): Promise<SignInResult> {
	const email = typeof emailInput === 'string' ? normaliseEmail(emailInput) : '';
	const password = typeof passwordInput === 'string' ? passwordInput : '';
	const accountKey = throttleKey('account', email);
	const clientKey = throttleKey('client', clientAddress);
	if ((await blockedUntil(db, accountKey)) || (await blockedUntil(db, clientKey)))
		return { ok: false, reason: 'throttled' };

	const user = email ? await findUserByEmail(db, email) : undefined;
	dummyHash ??= hashPassword('not-a-password-of-anyone');
	const valid = user
		? await verifyPassword(user.password_hash, password)
		: (await verifyPassword(await dummyHash, password), false);
	if (!user || !valid || !user.active) {
		await recordFailure(db, accountKey, ACCOUNT_RULE);
		await recordFailure(db, clientKey, CLIENT_RULE);
		return { ok: false, reason: 'invalid' };
	}
	await clearFailures(db, accountKey);
	const token = generateSessionToken();
	const session = await createSession(db, token, user.id);
	return { ok: true, token, session, mustChangePassword: user.must_change_password };
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
