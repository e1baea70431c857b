import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
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

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const result = await createMigrator(db).migrateToLatest();
	check(result);
	return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
	const result = await createMigrator(db).migrateDown();
	check(result);
	return (result.results ?? []).map((r) => r.migrationName);
}
