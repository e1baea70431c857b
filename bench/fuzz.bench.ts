// The HTTP fuzz of tests/e2e/fuzz.test.ts with many more cases per endpoint (KNIPPERLICHT_FUZZ_BENCH_RUNS,
// default 500), on PGlite and on PostgreSQL: how many generated bad requests the server judges per
// second, each followed by its liveness check. Baseline: plain GET /healthz requests, sent the same
// way (one connection each, one after another) to the same server in the same run. Any finding, or
// stored data that changed, fails the benchmark with the reproduction.
import fc from 'fast-check';
import {
	alive,
	fuzzTargets,
	property,
	seedFor,
	startFuzzServer,
	warmUp,
	type FuzzServer
} from '../tests/helpers/fuzz';
import { routeTree } from '../tests/helpers/route-tree';
import { figure, type BenchContext, type Benchmark, type Figure } from './harness';

const RUNS = Number(process.env.KNIPPERLICHT_FUZZ_BENCH_RUNS) || 500;
const SEED = Number(process.env.KNIPPERLICHT_FUZZ_SEED) || 20261204;
const BASELINE_REQUESTS = 2_000;

/** GET /healthz requests per second, each on a connection of its own as the fuzz sends its cases. */
async function healthzRate(fuzz: FuzzServer): Promise<number> {
	const started = performance.now();
	for (let i = 0; i < BASELINE_REQUESTS; i++) {
		if (!(await alive(fuzz.url))) throw new Error('GET /healthz failed during the baseline');
	}
	return BASELINE_REQUESTS / ((performance.now() - started) / 1000);
}

async function fuzzEngine(ctx: BenchContext, engine: string, postgres: string | null): Promise<Figure[]> {
	const targets = fuzzTargets(routeTree());
	const fuzz = await startFuzzServer(postgres);
	const findings: string[] = [];
	try {
		await warmUp(targets, fuzz);
		await fuzz.stop();
		const before = await fuzz.fingerprint();
		await fuzz.restart();
		const baseline = await healthzRate(fuzz);
		ctx.log(`${engine}: GET /healthz ${baseline.toFixed(0)} requests/s`);
		let cases = 0;
		let ms = 0;
		for (const target of targets) {
			if (!(await alive(fuzz.url))) await fuzz.restart();
			const started = performance.now();
			const details = await fc.check(
				property(target, fuzz, () => cases++),
				{ numRuns: RUNS, seed: seedFor(target, SEED), endOnFailure: true }
			);
			ms += performance.now() - started;
			if (details.failed) {
				const error =
					details.errorInstance instanceof Error
						? details.errorInstance.message
						: String(details.errorInstance);
				findings.push(`${target.key}: ${error} (seed ${SEED}, path ${details.counterexamplePath})`);
			}
		}
		ctx.log(`${engine}: ${cases} cases on ${targets.length} endpoints in ${(ms / 1000).toFixed(1)} s`);
		if (!(await alive(fuzz.url))) await fuzz.restart();
		await fuzz.stop();
		const after = await fuzz.fingerprint();
		for (const table of Object.keys({ ...before, ...after }))
			if (before[table] !== after[table])
				findings.push(`table ${table}: ${before[table]} before, ${after[table]} after`);
		if (findings.length) throw new Error(`${engine}: the fuzz found\n${findings.join('\n')}`);
		return [
			figure(`fuzz.${engine}.cases_per_s`, cases / (ms / 1000), 'cases/s', 'higher', {
				label: 'GET /healthz requests/s',
				value: baseline
			})
		];
	} finally {
		await fuzz.dispose();
	}
}

const benchmark: Benchmark = {
	id: 'fuzz',
	async run(ctx) {
		const figures = await fuzzEngine(ctx, 'pglite', null);
		if (ctx.postgresUrl) figures.push(...(await fuzzEngine(ctx, 'postgres', ctx.postgresUrl)));
		return figures;
	}
};

export default benchmark;
