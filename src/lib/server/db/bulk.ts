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
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database } from './schema';

/**
 * Loads rows in COPY's binary format (made with BinaryCopyWriter) into a table, inside the
 * transaction it was given with. `target` is SQL written by the caller (a table name and its
 * columns), never user input.
 */
export type CopyIn = (target: string, chunks: Iterable<Uint8Array<ArrayBuffer>>) => Promise<void>;

/** Bytes gathered before a chunk is handed on: COPY gets few large writes, memory stays flat. */
const CHUNK_BYTES = 65_536;
/** Room for one more row beyond a full chunk (the widest row written here is about 400 bytes). */
const ROW_ROOM = 4_096;
const COPY_SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
/** PostgreSQL's dates count days from 2000-01-01. */
const POSTGRES_EPOCH_DAY = Date.UTC(2000, 0, 1) / 86_400_000;

/**
 * Writes rows in COPY's binary format, field by field in the column order of the COPY: each value
 * travels as PostgreSQL stores it (no number written as text in node and parsed again by the
 * server). Call row() before each row's fields, take() after each row (a full chunk, or null),
 * and end() once for the last chunk. Each field's type must be the column's.
 */
export class BinaryCopyWriter {
	private bytes: Uint8Array<ArrayBuffer> = new Uint8Array(CHUNK_BYTES + ROW_ROOM);
	private view = new DataView(this.bytes.buffer);
	private at = 0;

	constructor() {
		this.bytes.set(COPY_SIGNATURE);
		// Flags and the length of the header extension: both 0.
		this.at = COPY_SIGNATURE.length + 8;
	}

	row(fields: number): void {
		if (this.at + ROW_ROOM > this.bytes.length) this.grow();
		this.view.setInt16(this.at, fields);
		this.at += 2;
	}

	/** A uuid written as text (`8-4-4-4-12` hexadecimal digits). */
	uuid(text: string): void {
		if (text.length !== 36) throw new Error(`Not a uuid: ${text}`);
		this.view.setInt32(this.at, 16);
		let at = this.at + 4;
		for (let i = 0; i < 36; i++) {
			if (i === 8 || i === 13 || i === 18 || i === 23) {
				if (text.charCodeAt(i) !== 45) throw new Error(`Not a uuid: ${text}`);
				continue;
			}
			this.bytes[at++] = (hexDigit(text, i) << 4) | hexDigit(text, ++i);
		}
		this.at = at;
	}

	/** A date written `yyyy-mm-dd`. */
	date(text: string): void {
		const dayOfMonth = +text.slice(8, 10);
		const day = Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, dayOfMonth) / 86_400_000;
		// Date.UTC rolls 30 February over to March: the day of the month must come back as written.
		if (
			text.length !== 10 ||
			!Number.isInteger(day) ||
			new Date(day * 86_400_000).getUTCDate() !== dayOfMonth
		)
			throw new Error(`Not a date: ${text}`);
		this.view.setInt32(this.at, 4);
		this.view.setInt32(this.at + 4, day - POSTGRES_EPOCH_DAY);
		this.at += 8;
	}

	float8(value: number | null | undefined): void {
		if (value === null || value === undefined) return this.null();
		this.view.setInt32(this.at, 8);
		this.view.setFloat64(this.at + 4, value);
		this.at += 12;
	}

	int4(value: number | null | undefined): void {
		if (value === null || value === undefined) return this.null();
		if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff)
			throw new Error(`Not a whole number for an integer column: ${value}`);
		this.view.setInt32(this.at, 4);
		this.view.setInt32(this.at + 4, value);
		this.at += 8;
	}

	/** The bytes so far when they fill a chunk, else null. */
	take(): Uint8Array<ArrayBuffer> | null {
		if (this.at < CHUNK_BYTES) return null;
		return this.flush();
	}

	/** The last chunk, with the end-of-data marker. */
	end(): Uint8Array<ArrayBuffer> {
		if (this.at + 2 > this.bytes.length) this.grow();
		this.view.setInt16(this.at, -1);
		this.at += 2;
		return this.flush();
	}

	private null(): void {
		this.view.setInt32(this.at, -1);
		this.at += 4;
	}

	private flush(): Uint8Array<ArrayBuffer> {
		const chunk = this.bytes.slice(0, this.at);
		this.at = 0;
		return chunk;
	}

	private grow(): void {
		const bytes = new Uint8Array(this.bytes.length * 2);
		bytes.set(this.bytes.subarray(0, this.at));
		this.bytes = bytes;
		this.view = new DataView(bytes.buffer);
	}
}

function hexDigit(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c >= 48 && c <= 57) return c - 48;
	if (c >= 97 && c <= 102) return c - 87;
	if (c >= 65 && c <= 70) return c - 55;
	throw new Error(`Not a uuid: ${text}`);
}

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

function copyPostgres(client: pg.PoolClient): CopyIn {
	return async (target, chunks) => {
		await pipeline(
			Readable.from(chunks, { objectMode: false }),
			client.query(copyFrom(`copy ${target} from stdin with (format binary)`))
		);
	};
}

function copyPglite(pglite: NonNullable<RawAccess['pglite']>): CopyIn {
	// PGlite is one session: a query on the engine itself runs inside the transaction that the
	// pool's only connection holds open, which waits meanwhile.
	return async (target, chunks) => {
		await pglite.query(`copy ${target} from '/dev/blob' with (format binary)`, [], {
			blob: new Blob([...chunks])
		});
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

/** The fields of one row of a binary COPY: each value's bytes as PostgreSQL sends them, null for NULL. */
export type CopyRow = Array<Buffer | null>;

/**
 * The rows of COPY's binary format (the header, then per row a field count and each field's length
 * and bytes, then -1): the fields are views into `data`, not copies. Throws on anything else.
 */
export function parseBinaryCopy(data: Buffer): CopyRow[] {
	const fail = (why: string): never => {
		throw new Error(`Not COPY's binary format: ${why}`);
	};
	if (data.length < COPY_SIGNATURE.length + 8 || COPY_SIGNATURE.some((b, i) => data[i] !== b))
		fail('no signature');
	let at = COPY_SIGNATURE.length + 4;
	at += 4 + data.readInt32BE(at);
	const rows: CopyRow[] = [];
	for (;;) {
		if (at + 2 > data.length) fail('no end marker');
		const fields = data.readInt16BE(at);
		at += 2;
		if (fields === -1) break;
		if (fields < 0) fail(`a row of ${fields} fields`);
		const row: CopyRow = new Array(fields);
		for (let f = 0; f < fields; f++) {
			if (at + 4 > data.length) fail('a row cut short');
			const length = data.readInt32BE(at);
			at += 4;
			if (length === -1) row[f] = null;
			else if (length < 0 || at + length > data.length) fail('a field cut short');
			else {
				row[f] = data.subarray(at, at + length);
				at += length;
			}
		}
		rows.push(row);
	}
	if (at !== data.length) fail('bytes after the end marker');
	return rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids as literals for the text of a `copyOut` query (`'a', 'b'`), which takes no parameters; null
 * when any of them is not a uuid, so that nothing else is ever written into SQL.
 */
export function uuidLiterals(ids: readonly string[]): string | null {
	return ids.every((id) => UUID.test(id)) ? ids.map((id) => `'${id}'`).join(', ') : null;
}

/**
 * Reads the rows of `query` as raw bytes, by `COPY (query) TO STDOUT` in binary format on a
 * connection of `db`'s pool: a large bytea arrives as it is stored, where an ordinary query gives
 * it as text that node-postgres decodes character by character. `query` is SQL written by the
 * caller with no parameters (COPY takes none), never user input. Null when `db` is not one
 * openDatabase made for PostgreSQL (a transaction, or PGlite, whose in-process connection
 * pg-copy-streams cannot read from): the caller then reads with an ordinary query.
 */
export async function copyOut(db: Kysely<Database>, query: string): Promise<CopyRow[] | null> {
	const access = rawAccess.get(db);
	if (!access || access.pglite) return null;
	const client = await access.pool.connect();
	let data: Buffer;
	try {
		const chunks: Buffer[] = [];
		const stream = client.query(copyTo(`copy (${query}) to stdout with (format binary)`));
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		data = Buffer.concat(chunks);
	} catch (error) {
		// A COPY broken off leaves the connection in an unknown state: the pool drops it.
		client.release(error as Error);
		throw error;
	}
	client.release();
	return parseBinaryCopy(data);
}
