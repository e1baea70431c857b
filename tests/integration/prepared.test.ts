import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { executePrepared, preparedCount } from '../../src/lib/server/db/prepared';
import { useTestDatabase } from '../helpers/db';

/**
 * Statements kept prepared per connection (src/lib/server/db/prepared.ts), on the engine of the
 * run: sent by name, parsed once per connection, and giving what the same statement gives unnamed,
 * for any parameters (also once the server has switched to a plan of its own for it).
 */
const testDb = useTestDatabase();

const sumOf = (a: number, b: number) =>
	sql<{ sum: number; kind: string }>`select ${a}::int + ${b}::int as sum,
		case when ${a}::int > ${b}::int then 'more' else 'not more' end as kind`;

describe('prepared statements', () => {
	it('go out by name and stay prepared on their connection', async () => {
		await testDb.db.transaction().execute(async (trx) => {
			const query = sumOf(2, 3).compile(trx);
			for (let run = 0; run < 3; run++)
				expect((await executePrepared(trx, query)).rows).toEqual([{ sum: 5, kind: 'not more' }]);
			const { rows } = await sql<{ name: string; statement: string }>`
				select name, statement from pg_prepared_statements`.execute(trx);
			const ours = rows.filter((r) => r.statement === query.sql);
			expect(ours).toHaveLength(1);
			expect(ours[0]!.name).toMatch(/^kl_[0-9a-f]{24}$/);
		});
	});

	it('give what the unnamed statement gives, for any parameters', async () => {
		await testDb.db.transaction().execute(async (trx) => {
			// More runs than PostgreSQL needs before it may switch to a generic plan (five).
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: -1_000_000, max: 1_000_000 }),
					fc.integer({ min: -1_000_000, max: 1_000_000 }),
					async (a, b) => {
						const prepared = await executePrepared(trx, sumOf(a, b).compile(trx));
						const plain = await sumOf(a, b).execute(trx);
						expect(prepared.rows).toEqual(plain.rows);
						expect(prepared.rows[0]!.sum).toBe(a + b);
					}
				),
				{ numRuns: 40 }
			);
		});
	});

	it('refuse a statement text beyond the registry, before anything runs', async () => {
		// Distinct texts, as a statement built from request data would give.
		for (let i = preparedCount(); i < 16; i++)
			await executePrepared(testDb.db, sql`select ${sql.lit(i)}::int as n`.compile(testDb.db));
		expect(preparedCount()).toBe(16);
		await expect(
			executePrepared(testDb.db, sql`select 'one too many' as n`.compile(testDb.db))
		).rejects.toThrow(/More than 16 prepared statements/);
		// A text already registered still runs.
		expect((await executePrepared(testDb.db, sumOf(1, 1).compile(testDb.db))).rows[0]!.sum).toBe(2);
	});
});
