import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../../migrations/index';
import type { Database } from './schema';

export function createMigrator(db: Kysely<Database>): Migrator {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet): void {
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`, {
			cause: result.error
		});
	}
}

/**
 * Whether the database has run every migration, in the order the Migrator would have, and no other:
 * then migrateToLatest has nothing to do. The Migrator itself finds that out through two scans of
 * the whole catalogue and a locked transaction, which made up a good part of every start on PGlite.
 */
async function isUpToDate(db: Kysely<Database>): Promise<boolean> {
	const { rows: table } = await sql<{ exists: boolean }>`
		select to_regclass('kysely_migration') is not null as exists`.execute(db);
	if (!table[0]?.exists) return false;
	const { rows } = await sql<{ name: string; timestamp: string }>`
		select name, timestamp from kysely_migration`.execute(db);
	// Kysely's own order for executed migrations: by run time, then by name.
	const executed = rows
		.sort((a, b) =>
			a.timestamp === b.timestamp
				? a.name.localeCompare(b.name)
				: new Date(a.timestamp).getTime() - new Date(b.timestamp).getTime()
		)
		.map((r) => r.name);
	const known = Object.keys(migrations).sort();
	return executed.length === known.length && executed.every((name, i) => name === known[i]);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	if (await isUpToDate(db)) return [];
	const result = await createMigrator(db).migrateToLatest();
	check(result);
	return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
	const result = await createMigrator(db).migrateDown();
	check(result);
	return (result.results ?? []).map((r) => r.migrationName);
}
