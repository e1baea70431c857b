import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	alive,
	fuzzTargets,
	property,
	seedFor,
	startFuzzServer,
	warmUp,
	type FuzzServer
} from '../helpers/fuzz';
import { routeTree } from '../helpers/route-tree';

/**
 * Generated bad requests to every endpoint of the route tree (tests/helpers/route-tree.ts), as a
 * role that may use it and without a session, against a server of its own: unknown, malformed,
 * huge and unicode ids; broken, oversized, mistyped and cut-off bodies; cross-site posts. The
 * oracle is documented in tests/helpers/fuzz.ts: no 5xx, the right 4xx/403, the app's own pages
 * with their security headers, the process alive after every request, and the stored data
 * unchanged at the end.
 *
 * KNIPPERLICHT_FUZZ_RUNS sets the cases per endpoint, KNIPPERLICHT_FUZZ_SEED the seed; a failure
 * prints both with the request as a curl command.
 */
const RUNS = Number(process.env.KNIPPERLICHT_FUZZ_RUNS) || 120;
const SEED = Number(process.env.KNIPPERLICHT_FUZZ_SEED) || 20261204;

const targets = fuzzTargets(routeTree());
let fuzz: FuzzServer;
let before: Record<string, string>;

beforeAll(async () => {
	fuzz = await startFuzzServer();
	await warmUp(targets, fuzz);
	await fuzz.stop();
	before = await fuzz.fingerprint();
	await fuzz.restart();
}, 300_000);

afterAll(async () => {
	await fuzz?.dispose();
});

describe('every endpoint refuses bad requests cleanly', () => {
	it('covers the whole route tree', () => {
		expect(targets.length).toBeGreaterThan(40);
		expect(targets.map((t) => t.key)).toContain('/o/[org]/signals/upload POST');
	});

	it.each(targets.map((t) => [t.key, t] as const))(
		'%s',
		async (_, target) => {
			// A process killed by an earlier endpoint's finding is started again, so each endpoint is judged.
			if (!(await alive(fuzz.url))) await fuzz.restart();
			const details = await fc.check(property(target, fuzz), {
				numRuns: RUNS,
				seed: seedFor(target, SEED),
				endOnFailure: true
			});
			let failure: string | undefined;
			if (details.failed) {
				const error =
					details.errorInstance instanceof Error
						? details.errorInstance.message
						: String(details.errorInstance);
				failure =
					`${target.key}: ${error}\n(seed ${details.seed}, path ${details.counterexamplePath}; ` +
					`KNIPPERLICHT_FUZZ_SEED=${SEED} reproduces it)\nserver output:\n${fuzz.server.output().slice(-2000)}`;
			}
			expect(details.failed, failure).toBe(false);
		},
		180_000
	);

	it('the stored data is what it was before', async () => {
		if (!(await alive(fuzz.url))) await fuzz.restart();
		await fuzz.stop();
		// The fingerprint covers the data the requests could have touched.
		expect(Object.keys(before)).toEqual(
			expect.arrayContaining([
				'organisation',
				'unit',
				'app_user',
				'membership',
				'wave',
				'response',
				'audit_log'
			])
		);
		expect(before.unit).not.toMatch(/^0 rows/);
		expect(await fuzz.fingerprint()).toEqual(before);
	}, 120_000);
});
