import { sql, type Kysely } from 'kysely';

/**
 * Until this release, a wave closed before its planned date kept the planned date as closes_on, so
 * the wave picker and every page named a day after it really closed. Closing now writes the day it
 * closed; this gives waves closed early before that the day their results were computed, which is
 * the day they were closed (Belgium's calendar, never before the wave opened). A wave that closed on
 * its planned date was summarised on or after it and is left as it is.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		update wave
		set closes_on = greatest(opens_on, (summarised_at at time zone 'Europe/Brussels')::date)
		where closed and summarised_at is not null
			and (summarised_at at time zone 'Europe/Brussels')::date < closes_on`.execute(db);
}

/**
 * The planned dates are not kept anywhere to restore, and no earlier schema needs them: rolling
 * back leaves the real closing dates in place.
 */
export async function down(): Promise<void> {}
