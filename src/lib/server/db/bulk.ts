import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
	Kysely,
	PostgresDialect,
	type PostgresPool,
	type PostgresPoolClient,
	type Transaction
} from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './schema';

/**
 * Loads lines in COPY's text format (columns separated by a tab, `\N` for null, each line ending
 * in a newline) into a table, inside the transaction it was given with. `target` is SQL written by
 * the caller (a table name and its columns), never user input.
 */
export type CopyIn = (target: string, lines: Iterable<string>) => Promise<void>;

/** How to reach the database below Kysely: the pool it draws from and, on PGlite, the engine. */
interface RawAccess {
	pool: pg.Pool;
	pglite?: import('@electric-sql/pglite').PGlite;
}

const rawAccess = new WeakMap<Kysely<Database>, RawAccess>();

/** Called by openDatabase: lets transactionWithCopy reach the connection under `db`. */
export function registerRawAccess(db: Kysely<Database>, access: RawAccess): void {
	rawAccess.set(db, access);
}

/** Lines joined into pieces of about 64 KB: COPY gets few large writes, memory stays flat. */
function* pieces(lines: Iterable<string>): Generator<string> {
	let piece = '';
	for (const line of lines) {
		piece += line;
		if (piece.length >= 65_536) {
			yield piece;
			piece = '';
		}
	}
	if (piece) yield piece;
}

function copyPostgres(client: pg.PoolClient): CopyIn {
	return async (target, lines) => {
		await pipeline(Readable.from(pieces(lines)), client.query(copyFrom(`copy ${target} from stdin`)));
	};
}

function copyPglite(pglite: NonNullable<RawAccess['pglite']>): CopyIn {
	// PGlite is one session: a query on the engine itself runs inside the transaction that the
	// pool's only connection holds open, which waits meanwhile.
	return async (target, lines) => {
		await pglite.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([...pieces(lines)]) });
	};
}

/**
 * Runs `fn` in a transaction, with a way to COPY rows into it: node-postgres cannot COPY through
 * Kysely, so the transaction runs on a connection taken from the pool here, which Kysely is handed
 * as its only one. `copy` is null for a Kysely instance that openDatabase did not make (a caller
 * then stores its rows with ordinary statements).
 */
export async function transactionWithCopy<T>(
	db: Kysely<Database>,
	fn: (trx: Transaction<Database>, copy: CopyIn | null) => Promise<T>
): Promise<T> {
	const access = rawAccess.get(db);
	if (!access) return db.transaction().execute((trx) => fn(trx, null));
	const client = await access.pool.connect();
	const pool: PostgresPool = {
		// Kysely releases the connection after the transaction; it goes back to the pool below.
		connect: async () => ({
			query: client.query.bind(client) as PostgresPoolClient['query'],
			release: () => {}
		}),
		end: async () => {}
	};
	const single = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	try {
		const copy = access.pglite ? copyPglite(access.pglite) : copyPostgres(client);
		return await single.transaction().execute((trx) => fn(trx, copy));
	} finally {
		client.release();
		await single.destroy();
	}
}
