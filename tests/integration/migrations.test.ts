import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import { migrateDown, migrateToLatest } from '../../src/lib/server/db/migrate';
import { tableColumns } from '../../src/lib/server/db/schema';
import { useTestDatabase } from '../helpers/db';
import { compareSchema, readDeclaredSchema, type DatabaseColumn } from '../helpers/schema-types';

const testDb = useTestDatabase();

async function columnsByTable(db: DatabaseHandle['db']) {
	const rows = await sql<{ table_name: string; column_name: string }>`
		select table_name, column_name from information_schema.columns
		where table_schema = 'public' and table_name not like 'kysely_%'`.execute(db);
	const result: Record<string, string[]> = {};
	for (const r of rows.rows) (result[r.table_name] ??= []).push(r.column_name);
	for (const list of Object.values(result)) list.sort();
	return result;
}

describe('migrations', () => {
	it('lists every migration file in migrations/index.ts, in name order', () => {
		const files = readdirSync(new URL('../../migrations/', import.meta.url))
			.filter((f) => f.endsWith('.ts') && f !== 'index.ts')
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect(Object.keys(migrations)).toEqual(files);
	});

	it('has table types that match the migrated database exactly', async () => {
		const actual = await columnsByTable(testDb.db);
		const declared = Object.fromEntries(
			Object.entries(tableColumns).map(([t, cols]) => [t, Object.keys(cols).sort()])
		);
		expect(actual).toEqual(declared);
	});

	it('has table types whose kinds, nullability and defaults match the migrated database', async () => {
		const declared = readDeclaredSchema(
			readFileSync(new URL('../../src/lib/server/db/schema.ts', import.meta.url), 'utf8')
		);
		const columns = await sql<DatabaseColumn>`
			select table_name, column_name, udt_name, is_nullable, column_default, is_identity
			from information_schema.columns
			where table_schema = 'public' and table_name not like 'kysely_%'`.execute(testDb.db);
		expect(columns.rows.length).toBeGreaterThan(0);
		expect(compareSchema(declared, columns.rows)).toEqual([]);
	});

	it('runs nothing on an up-to-date database, and only what is missing on one that is behind', async () => {
		const runs = async () =>
			(await sql<{ name: string }>`select name from kysely_migration order by name`.execute(testDb.db)).rows;
		const before = await runs();
		expect(before.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
		expect(await migrateToLatest(testDb.db)).toEqual([]);
		expect(await runs()).toEqual(before);

		const [last] = await migrateDown(testDb.db);
		expect(last).toBe(Object.keys(migrations).sort().at(-1));
		expect(await migrateToLatest(testDb.db)).toEqual([last]);
		expect((await runs()).map((r) => r.name)).toEqual(Object.keys(migrations).sort());
	});

	it('refuses a database that ran a migration this version does not know', async () => {
		await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-unknown', ${new Date().toISOString()})`.execute(
			testDb.db
		);
		try {
			await expect(migrateToLatest(testDb.db)).rejects.toThrow(/2099-01-01-unknown is missing/);
		} finally {
			await sql`delete from kysely_migration where name = '2099-01-01-unknown'`.execute(testDb.db);
		}
	});

	it('can be rolled all the way down and up again', async () => {
		for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(testDb.db);
		expect(await columnsByTable(testDb.db)).toEqual({});
		await migrateToLatest(testDb.db);
		expect(Object.keys(await columnsByTable(testDb.db)).sort()).toEqual(Object.keys(tableColumns).sort());
	});
});
