import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { registerRawAccess } from './bulk';
import { PreparingClient } from './prepared';
import type { Database } from './schema';

// count(*) and bigint come back as numbers, as they do on PGlite.
pg.types.setTypeParser(20, Number);
// `date` stays a plain 'yyyy-mm-dd' string: a date has no time zone.
pg.types.setTypeParser(1082, (v: string) => v);

export type Engine = 'postgres' | 'pglite';

export interface DatabaseHandle {
	db: Kysely<Database>;
	engine: Engine;
	/** The embedded engine itself, when PGlite is used (for dumps and bulk loads). */
	pglite?: import('@electric-sql/pglite').PGlite;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** A postgres:// URL; without it the embedded PGlite is used. */
	url?: string;
	/** PGlite's data folder (created when missing). `memory://` keeps everything in memory. */
	dataDir?: string;
	/** A PGlite data folder dump to start from (tests load a migrated template this way). */
	loadDataDir?: Blob;
	/** Connections in the PostgreSQL pool. */
	poolSize?: number;
}

export class DataFolderLockedError extends Error {
	constructor(
		readonly dir: string,
		readonly pid: number
	) {
		super(
			`The data folder ${dir} is in use by another Knipperlicht process (pid ${pid}). ` +
				`Stop that process first, or set KNIPPERLICHT_DATA_DIR to another folder.`
		);
	}
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

// Folders this process has open: a lock file with our own pid is only stale when it is not one of
// these (a previous process that happened to have the same pid).
const openFolders = new Set<string>();

/**
 * PGlite does not lock its folder and a second process (or a second open in this one) would
 * corrupt it, so take an exclusive lock file holding our pid. A lock left by a process that no
 * longer runs is taken over.
 */
export function lockDataFolder(dir: string): () => void {
	const lockPath = join(dir, 'knipperlicht.lock');
	if (openFolders.has(lockPath)) throw new DataFolderLockedError(dir, process.pid);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			openFolders.add(lockPath);
			return () => {
				openFolders.delete(lockPath);
				try {
					if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
				} catch {
					/* already gone */
				}
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(lockPath, 'utf8'));
			if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid)) {
				throw new DataFolderLockedError(dir, pid);
			}
			unlinkSync(lockPath);
		}
	}
	throw new Error(`Could not lock ${dir}`);
}

/**
 * PGlite's buffer cache. PostgreSQL's default of 128 MB is written in full when PGlite starts (it
 * lives in the WebAssembly heap, not in lazily mapped shared memory), which cost about 115 MB of
 * memory and a few hundred milliseconds on every start. A smaller cache makes repeated scans of
 * mid-sized tables (the analytics) slower: a scan of more than a quarter of the cache goes through
 * a small ring of buffers and reads PGlite's file layer each time. 32 MB is the compromise; 16 MB
 * saved a little more memory but slowed the analytics clearly. WAL buffers follow (1/32 of this).
 * Durability settings are PGlite's own and unchanged.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	if (options.url) {
		const pool = new pg.Pool({
			Client: PreparingClient,
			connectionString: options.url,
			max: options.poolSize ?? 10,
			// A server that does not answer (a network partition) fails the request after 10 s
			// instead of holding it forever; the next request tries again.
			connectionTimeoutMillis: 10_000,
			keepAlive: true
		});
		let closing = false;
		// An idle connection can be cut (a server restart, a dropped database). Without a listener
		// that error would end the process; the pool replaces the connection on the next query.
		const lost = (e: Error) => {
			if (!closing) console.error(`A PostgreSQL connection was lost: ${e.message}`);
		};
		pool.on('error', lost);
		// A connection in use can be cut too (a failover, a restart, pg_terminate_backend): the
		// pool listens only while a connection is idle, so each connection gets its own listener.
		// The query in flight fails with the error; the pool drops the broken connection on release.
		pool.on('connect', (client) => client.on('error', lost));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		registerRawAccess(db, { pool });
		return {
			db,
			engine: 'postgres',
			close: () => {
				closing = true;
				return db.destroy();
			}
		};
	}

	const { PGlite } = await import('@electric-sql/pglite');
	const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
	const inMemory = !options.dataDir || options.dataDir.startsWith('memory://');
	let unlock = () => {};
	let dataDir: string | undefined;
	if (!inMemory) {
		dataDir = resolve(options.dataDir!);
		mkdirSync(dataDir, { recursive: true });
		unlock = lockDataFolder(dataDir);
	}
	try {
		// Passing startParams replaces PGlite's defaults (missing from its typings): keep them.
		const defaults = (PGlite as { defaultStartParams?: string[] }).defaultStartParams;
		const pglite = await PGlite.create(dataDir ? join(dataDir, 'pgdata') : undefined, {
			...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
			...(defaults ? { startParams: [...defaults, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`] } : {})
		});
		// PGlite is a single connection: a pool of one hands it to one transaction at a time,
		// so a query from another request never runs inside someone else's transaction.
		const pool = new pg.Pool({ ...createPgConfig(pglite), Client: PreparingClient, max: 1 });
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		registerRawAccess(db, { pool, pglite });
		return {
			db,
			engine: 'pglite',
			pglite,
			async close() {
				await db.destroy();
				await pglite.close();
				unlock();
			}
		};
	} catch (e) {
		unlock();
		throw e;
	}
}

/** Reads the configuration from the environment: DATABASE_URL, else KNIPPERLICHT_DATA_DIR (default .data). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
	if (env.DATABASE_URL) return { url: env.DATABASE_URL, poolSize: Number(env.DATABASE_POOL_SIZE) || 10 };
	return { dataDir: env.KNIPPERLICHT_DATA_DIR || '.data' };
}
