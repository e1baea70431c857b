import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
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
