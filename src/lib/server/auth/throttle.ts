import { sha256Hex } from '../crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import {
	THROTTLE_RULES,
	releaseAttempt,
	reserveAttempt,
	type ThrottleScope,
	type ThrottleState
} from '../../domain/throttle';

export interface ThrottleKey {
	scope: ThrottleScope;
	hash: string;
}

/** A counter's key: a SHA-256, so no e-mail address, client address or nonce is kept. */
export function throttleKey(scope: ThrottleScope, value: string): ThrottleKey {
	return { scope, hash: sha256Hex(`${scope}:${value.trim().toLowerCase()}`) };
}

export type ReserveResult = { ok: true } | { ok: false; scope: ThrottleScope; retryAt: Date };

class Refused extends Error {
	constructor(readonly result: Extract<ReserveResult, { ok: false }>) {
		super('refused');
	}
}

// Keys are locked in one order, so two attempts sharing keys cannot deadlock on PostgreSQL.
const inLockOrder = (keys: ThrottleKey[]) => [...keys].sort((a, b) => (a.hash < b.hash ? -1 : 1));

async function lockState(trx: Transaction<Database>, key: ThrottleKey): Promise<ThrottleState | null> {
	const row = await trx
		.selectFrom('login_throttle')
		.select(['attempts', 'window_started_at'])
		.where('key_hash', '=', key.hash)
		.forUpdate()
		.executeTakeFirst();
	return row ? { attempts: row.attempts, windowStartedAt: row.window_started_at } : null;
}

/**
 * Takes a place for one attempt in every key, or in none: the rows are locked (a missing one is
 * created first, so there is a row to lock) and a refusal rolls the others back. Run before the
 * password is checked, this bounds the checks per key and window whatever the concurrency.
 */
export async function reserveAttempts(
	db: Kysely<Database>,
	keys: ThrottleKey[],
	now = new Date()
): Promise<ReserveResult> {
	try {
		await db.transaction().execute(async (trx) => {
			for (const key of inLockOrder(keys)) {
				await trx
					.insertInto('login_throttle')
					.values({ key_hash: key.hash, attempts: 0, window_started_at: now })
					.onConflict((oc) => oc.column('key_hash').doNothing())
					.execute();
				const reservation = reserveAttempt(await lockState(trx, key), THROTTLE_RULES[key.scope], now);
				if (!reservation.allowed)
					throw new Refused({ ok: false, scope: key.scope, retryAt: reservation.retryAt });
				// An upsert: a purge may have removed an ended window's row between the insert and the read.
				const next = {
					attempts: reservation.next.attempts,
					window_started_at: reservation.next.windowStartedAt
				};
				await trx
					.insertInto('login_throttle')
					.values({ key_hash: key.hash, ...next })
					.onConflict((oc) => oc.column('key_hash').doUpdateSet(next))
					.execute();
			}
		});
		return { ok: true };
	} catch (e) {
		if (e instanceof Refused) return e.result;
		throw e;
	}
}

/**
 * After a successful sign-in every key gets back the place this attempt took: earlier failures
 * stay counted, so a success never buys a guesser more checks, while normal sign-ins never add up.
 * (A trusted browser moves on to a new device cookie, and so to a fresh counter, anyway.)
 */
export async function releaseAttempts(
	trx: Transaction<Database>,
	keys: ThrottleKey[],
	now = new Date()
): Promise<void> {
	for (const key of inLockOrder(keys)) {
		const state = await lockState(trx, key);
		if (!state) continue;
		const next = releaseAttempt(state, THROTTLE_RULES[key.scope], now);
		await trx
			.updateTable('login_throttle')
			.set({ attempts: next.attempts })
			.where('key_hash', '=', key.hash)
			.execute();
	}
}

/** Deletes counters whose window ended: they no longer limit anything. */
export async function purgeExpiredAttempts(db: Kysely<Database>, now = new Date()): Promise<void> {
	const longest = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs));
	await db
		.deleteFrom('login_throttle')
		.where('window_started_at', '<=', new Date(now.getTime() - longest))
		.execute();
}
