// Inserting the large synthetic organisation (2,500 units) with seedLargeOrganisation, on a migrated
// database. Baseline: the same rows, in the same batches and one transaction, into a temporary
// table with the same columns but no constraints or indexes, on the same connection.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import type { Database } from '../src/lib/server/db/schema';
import { batches, seedLargeOrganisation, unitRows, type UnitRow } from '../seed/large';
import { largeUnits } from '../seed/structure';
import { createPostgresDatabase, figure, median, timed, type BenchContext, type Benchmark } from './harness';

const RUNS = 3;
const BARE_TABLE = 'bench_unit_bare';

type BareTables = { [BARE_TABLE]: UnitRow };

/** Inserts `rows` into a new bare temporary table; only the inserts and their commit are timed. */
async function insertBare(db: Kysely<Database>, rows: UnitRow[]): Promise<number> {
	// A temporary table lives in one session: keep one connection for create, insert and drop.
	return db.connection().execute(async (conn) => {
		await sql`create temporary table ${sql.table(BARE_TABLE)} (
			organisation_id uuid, id uuid, parent_id uuid, code text, name text,
			headcount integer, valid_from date, valid_to date
		)`.execute(conn);
		try {
			const bare = conn.withTables<BareTables>();
			const { ms } = await timed(() =>
				bare.transaction().execute(async (trx) => {
					for (const batch of batches(rows)) await trx.insertInto(BARE_TABLE).values(batch).execute();
				})
			);
			return ms;
		} finally {
			await sql`drop table ${sql.table(BARE_TABLE)}`.execute(conn);
		}
	});
}

async function measure(ctx: BenchContext, engine: string, handle: DatabaseHandle) {
	await migrateToLatest(handle.db);
	// Warm up both paths (statement preparation, JIT) on a small tree, untimed.
	await seedLargeOrganisation(handle.db, { units: 50, employees: 500 });
	await insertBare(handle.db, unitRows(randomUUID(), largeUnits({ units: 50, employees: 500 })).rows);

	const seeds: number[] = [];
	const bares: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		// The same rows as seedLargeOrganisation makes (other ids), for a fresh organisation.
		const bareMs = await insertBare(handle.db, unitRows(randomUUID(), largeUnits()).rows);
		const { ms: seedMs, result } = await timed(() => seedLargeOrganisation(handle.db));
		if (result.unitIds.size !== 2500) throw new Error(`Expected 2,500 units, got ${result.unitIds.size}`);
		ctx.log(
			`${engine}: run ${i + 1}/${RUNS}: seedLargeOrganisation ${Math.round(seedMs)} ms, bare table ${Math.round(bareMs)} ms`
		);
		seeds.push(seedMs);
		bares.push(bareMs);
	}
	const count = await handle.db
		.selectFrom('unit')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	ctx.log(`${engine}: ${count.n} units in the database after the runs`);
	return figure(`seed.large.${engine}.ms`, median(seeds), 'ms', 'lower', {
		label: 'same rows into a bare temp table',
		value: median(bares)
	});
}

const benchmark: Benchmark = {
	id: 'seed.large',
	async run(ctx) {
		const figures = [];
		const pglite = await openDatabase({ dataDir: 'memory://' });
		try {
			figures.push(await measure(ctx, 'pglite', pglite));
		} finally {
			await pglite.close();
		}
		if (ctx.postgresUrl) {
			const database = await createPostgresDatabase(ctx.postgresUrl, 'seed_large');
			try {
				const handle = await openDatabase({ url: database.url, poolSize: 2 });
				try {
					figures.push(await measure(ctx, 'postgres', handle));
				} finally {
					await handle.close();
				}
			} finally {
				await database.drop();
			}
		}
		return figures;
	}
};

export default benchmark;
