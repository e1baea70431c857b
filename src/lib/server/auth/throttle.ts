import { sha256Hex } from '../crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { throttleState, type ThrottleRule } from '../../domain/throttle';

/** Per account: 5 failures in 15 minutes block it for 15 minutes. Per client: 30 failures. */
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
export const CLIENT_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export function throttleKey(kind: 'account' | 'client', value: string): string {
	return sha256Hex(`${kind}:${value.trim().toLowerCase()}`);
}

/** The moment until which a key is blocked, or null. */
export async function blockedUntil(
	db: Kysely<Database>,
	keyHash: string,
	now = new Date()
): Promise<Date | null> {
	const row = await db
		.selectFrom('login_throttle')
		.select('blocked_until')
		.where('key_hash', '=', keyHash)
		.executeTakeFirst();
	return row?.blocked_until && row.blocked_until > now ? row.blocked_until : null;
}

export async function recordFailure(
	db: Kysely<Database>,
	keyHash: string,
	rule: ThrottleRule,
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('login_throttle')
			.selectAll()
			.where('key_hash', '=', keyHash)
			.forUpdate()
			.executeTakeFirst();
		const next = throttleState(
			row
				? { failures: row.failures, windowStartedAt: row.window_started_at, blockedUntil: row.blocked_until }
				: null,
			rule,
			now
		);
		await trx
			.insertInto('login_throttle')
			.values({
				key_hash: keyHash,
				failures: next.failures,
				window_started_at: next.windowStartedAt,
				blocked_until: next.blockedUntil
			})
			.onConflict((oc) =>
				oc.column('key_hash').doUpdateSet({
					failures: next.failures,
					window_started_at: next.windowStartedAt,
					blocked_until: next.blockedUntil
				})
			)
			.execute();
	});
}

export async function clearFailures(db: Kysely<Database>, keyHash: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key_hash', '=', keyHash).execute();
}
