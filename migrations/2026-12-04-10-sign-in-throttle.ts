import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling counts attempts, not failures (docs/architecture.md, "Sessions and sign-in"):
 * an attempt takes its place before the password is checked and a successful one gives it back, so
 * concurrent guesses cannot slip past the limit. A refused key simply waits for its window to end,
 * which makes `blocked_until` redundant. Keys now also name device cookies. Expired windows are
 * purged by `window_started_at`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table login_throttle rename column failures to attempts`.execute(db);
	await sql`alter table login_throttle add constraint login_throttle_attempts_check check (attempts >= 0)`.execute(
		db
	);
	await sql`alter table login_throttle drop column blocked_until`.execute(db);
	await sql`create index login_throttle_window_idx on login_throttle (window_started_at)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index login_throttle_window_idx`.execute(db);
	await sql`alter table login_throttle add column blocked_until timestamptz`.execute(db);
	await sql`alter table login_throttle drop constraint login_throttle_attempts_check`.execute(db);
	await sql`alter table login_throttle rename column attempts to failures`.execute(db);
}
