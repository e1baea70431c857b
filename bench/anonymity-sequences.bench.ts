// The nightly-sized run of the anonymity sequences (tests/integration/anonymity-sequences.test.ts):
// ANONYMITY_SEQUENCES generated organisations and sequences of actions (default 10,000) against the
// real services, on PGlite and, with DATABASE_URL, on PostgreSQL; the seed is printed, and a
// sequence whose figures isolate fewer than k people fails the benchmark with its shrunk form.
// Figures: time per sequence, against the time the attacker's exact checks take in the same run.
import fc from 'fast-check';
import { forgetAnalyticsResults } from '../src/lib/server/analytics/cache';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { commands, organisationShape, runSequence } from '../tests/helpers/sequences';
import { createPostgresDatabase, figure, type BenchContext, type Benchmark, type Figure } from './harness';

const SEQUENCES = Number(process.env.ANONYMITY_SEQUENCES ?? 10_000);
const SEED = Number(process.env.ANONYMITY_SEED ?? Date.now() % 2_147_483_647);

async function measure(
	ctx: BenchContext,
	engine: 'postgres' | 'pglite',
	handle: DatabaseHandle
): Promise<Figure[]> {
	await migrateToLatest(handle.db);
	let checkMs = 0;
	let problem: string[] = [];
	const started = performance.now();
	const result = await fc.check(
		fc.asyncProperty(organisationShape, commands(), async (shape, sequence) => {
			forgetAnalyticsResults();
			const { world, found, checkMs: spent } = await runSequence(handle.db, shape, sequence);
			checkMs += spent;
			if (found.length === 0) return true;
			problem = [...found, `k = ${shape.k}, units ${JSON.stringify(shape.units)}`, ...world.log];
			return false;
		}),
		{ numRuns: SEQUENCES, seed: SEED }
	);
	const total = performance.now() - started;
	if (result.failed) {
		throw new Error(
			`${engine}: sequence ${result.numRuns} of seed ${SEED} isolates fewer than k people:\n${problem.join('\n')}`
		);
	}
	const perSequence = total / SEQUENCES;
	ctx.log(
		`${engine}: ${SEQUENCES} sequences from seed ${SEED} in ${(total / 1000).toFixed(1)} s, ` +
			`${perSequence.toFixed(1)} ms each; the exact checks took ${(checkMs / SEQUENCES).toFixed(2)} ms each`
	);
	return [
		figure(`anonymity-sequences.${engine}.ms_per_sequence`, perSequence, 'ms', 'lower', {
			label: 'the exact checks of every figure seen, per sequence (same run)',
			value: checkMs / SEQUENCES
		})
	];
}

const benchmark: Benchmark = {
	id: 'anonymity-sequences',
	async run(ctx) {
		const figures: Figure[] = [];
		if (ctx.postgresUrl) {
			const database = await createPostgresDatabase(ctx.postgresUrl, 'sequences');
			try {
				const handle = await openDatabase({ url: database.url, poolSize: 4 });
				try {
					figures.push(...(await measure(ctx, 'postgres', handle)));
				} finally {
					await handle.close();
				}
			} finally {
				await database.drop();
			}
		}
		const pglite = await openDatabase({ dataDir: 'memory://' });
		try {
			figures.push(...(await measure(ctx, 'pglite', pglite)));
		} finally {
			await pglite.close();
		}
		return figures;
	}
};

export default benchmark;
