import { randomToken, sha256Hex } from '../crypto';
import type { Kysely } from 'kysely';
import type { Database, Language } from '../db/schema';

/**
 * Sessions the Lucia way: the browser holds a random token, the database only its SHA-256.
 * Sessions last 30 days and are extended when fewer than 15 remain.
 */
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LESS_THAN_MS = 15 * DAY;
export const SESSION_COOKIE = 'kl_session';

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	language: Language | null;
	mustChangePassword: boolean;
}

export interface ValidSession {
	id: string;
	userId: string;
	expiresAt: Date;
}

export function generateSessionToken(): string {
	return randomToken(20);
}

export function sessionIdFromToken(token: string): string {
	return sha256Hex(token);
}

export async function createSession(
	db: Kysely<Database>,
	token: string,
	userId: string
): Promise<ValidSession> {
	const session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	await db
		.insertInto('user_session')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
		.execute();
	return session;
}

/** Returns the session and its (active) user, or nulls when the token is unknown, expired or its user deactivated. */
export async function validateSessionToken(
	db: Kysely<Database>,
	token: string
): Promise<{ session: ValidSession; user: SessionUser } | { session: null; user: null }> {
	if (!/^[a-z2-7]{32}$/.test(token)) return { session: null, user: null };
	const id = sessionIdFromToken(token);
	const row = await db
		.selectFrom('user_session as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.user_id',
			's.expires_at',
			'u.email',
			'u.display_name',
			'u.language',
			'u.must_change_password',
			'u.active'
		])
		.where('s.id', '=', id)
		.executeTakeFirst();
	if (!row) return { session: null, user: null };
	const now = Date.now();
	if (!row.active || row.expires_at.getTime() <= now) {
		await db.deleteFrom('user_session').where('id', '=', id).execute();
		return { session: null, user: null };
	}
	let expiresAt = row.expires_at;
	if (expiresAt.getTime() - now < RENEW_WHEN_LESS_THAN_MS) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db.updateTable('user_session').set({ expires_at: expiresAt }).where('id', '=', id).execute();
	}
	return {
		session: { id: row.id, userId: row.user_id, expiresAt },
		user: {
			id: row.user_id,
			email: row.email,
			displayName: row.display_name,
			language: row.language,
			mustChangePassword: row.must_change_password
		}
	};
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
	await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(
	db: Kysely<Database>,
	userId: string,
	exceptSessionId?: string
): Promise<void> {
	let q = db.deleteFrom('user_session').where('user_id', '=', userId);
	if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
	await q.execute();
}

export function sessionCookieOptions(url: URL, expiresAt: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		// A cookie sent over plain http cannot be secure; behind TLS (ORIGIN=https://...) it always is.
		secure: url.protocol === 'https:',
		expires: expiresAt
	};
}
