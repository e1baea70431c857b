import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { attentionRefreshesSettled } from '../../src/lib/server/analytics/attention';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { onServer, uniqueName, withDatabase } from './postgres';

/**
 * A fresh, migrated database for one test file, copied from the run's template, on the engine the
 * run uses (PostgreSQL when DATABASE_URL is set, else PGlite in memory). Dropped on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const url = process.env.DATABASE_URL;
	const template = inject('postgresTemplate');
	if (url && template) {
		const name = uniqueName('kl_test');
		await onServer(url, `create database "${name}" template "${template}"`);
		const handle = await openDatabase({ url: withDatabase(url, name), poolSize: 4 });
		return {
			...handle,
			async close() {
				await handle.close();
				await onServer(url, `drop database if exists "${name}" with (force)`);
			}
		};
	}
	const dump = readFileSync(inject('pgliteTemplate'));
	return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
}

/** The database of one test file, as given by useTestDatabase(). */
export interface TestDatabase {
	/** The open handle (throws when used before the file's beforeAll ran or after its afterAll). */
	readonly handle: DatabaseHandle;
	/** The handle's Kysely instance (throws likewise). */
	readonly db: DatabaseHandle['db'];
}

/**
 * Gives the calling test file its own database: opens one with createTestDatabase() in beforeAll
 * and closes it in afterAll. Call it once at the top level of the file and read `db` (or `handle`)
 * inside tests and hooks, never while the file is being collected.
 */
export function useTestDatabase(): TestDatabase {
	let open: DatabaseHandle | undefined;
	beforeAll(async () => {
		open = await createTestDatabase();
	});
	afterAll(async () => {
		// Attention lists computed after a change finish before their database goes.
		await attentionRefreshesSettled();
		const handle = open;
		open = undefined;
		await handle?.close();
	});
	const current = (): DatabaseHandle => {
		if (!open) {
			throw new Error(
				'The test database is not open: useTestDatabase() opens it in beforeAll and closes it in ' +
					'afterAll, so read `db` or `handle` only inside tests and hooks.'
			);
		}
		return open;
	};
	return {
		get handle() {
			return current();
		},
		get db() {
			return current().db;
		}
	};
}
