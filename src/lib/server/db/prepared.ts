import { createHash } from 'node:crypto';
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import pg from 'pg';

/**
 * Statements the database keeps prepared on each connection.
 *
 * Kysely sends every statement unnamed, so PostgreSQL parses and plans it again on every run. A
 * statement run on every request of a hot path (storing a barometer response) is worth sending by
 * name instead: each connection then parses it once and, after a few runs, keeps a plan for it.
 * Only statements whose text never depends on the request (everything that varies is a parameter)
 * belong here, since each stays prepared on every connection for as long as it lives; the registry
 * refuses more than `MAX_PREPARED` distinct texts, so a statement built from request data fails
 * loudly in the tests instead of filling the server's memory.
 */

const MAX_PREPARED = 16;
/** The name of each registered statement, by its exact text. */
const names = new Map<string, string>();

function nameOf(text: string): string {
	let name = names.get(text);
	if (name) return name;
	if (names.size >= MAX_PREPARED)
		throw new Error(`More than ${MAX_PREPARED} prepared statements: one of them is built from request data`);
	name = `kl_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
	names.set(text, name);
	return name;
}

/** Runs `query` as a statement each connection keeps prepared (see above). */
export async function executePrepared<R>(
	db: Pick<Kysely<unknown>, 'executeQuery'>,
	query: CompiledQuery<R>
): Promise<QueryResult<R>> {
	nameOf(query.sql);
	return db.executeQuery(query);
}

/** How many statements are registered (for tests). */
export function preparedCount(): number {
	return names.size;
}

/**
 * The connection class of both engines' pools: a registered statement's text goes out with its
 * name (node-postgres then sends Parse only the first time on each connection); everything else
 * exactly as before.
 */
export class PreparingClient extends pg.Client {
	// node-postgres's query has many overloads; only (text, values) from Kysely is changed.
	query(...args: unknown[]): never {
		const [config, values] = args;
		const name = typeof config === 'string' && Array.isArray(values) ? names.get(config) : undefined;
		const call = super.query as unknown as (...a: unknown[]) => never;
		return name ? call.call(this, { name, text: config, values }, ...args.slice(2)) : call.apply(this, args);
	}
}
