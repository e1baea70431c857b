import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forgetAnalyticsResults } from '../../src/lib/server/analytics/service';
import { useTestDatabase } from '../helpers/db';
import { commands, organisationShape, runSequence } from '../helpers/sequences';

/*
 * Anonymity across time and actions, as an insider tries it: generated organisations (3 to 12
 * units, small headcounts, k 3 to 6) and generated sequences of actions against the real services
 * on the test database: answers by code and by link, close, reopen, read (heatmap, unit pages,
 * the wave overview's participation, a unit page's signals), move, rename, archive, change k,
 * upload signals, correct them, undo an upload, map codes. A refused action is a legal outcome.
 *
 * The attacker keeps every figure every read returned, with the people it covers from the test's
 * own ground truth (who answered in which unit; which tree was in force), and combines them all:
 * after each sequence, no rational combination of them may isolate a group of 1 to k-1 people
 * (the exact span check of src/lib/domain/disclosure-span.ts; respondents of one wave, or the
 * people of unit-months for signals).
 *
 * Injected answers. An attacker who pads a unit through its link with fake answers it knows can
 * recover a colleague within the unit's headcount: no rule on counts tells fakes from real answers,
 * so that is the documented residual risk of link waves (docs/anonymity.md). The test holds the
 * product to the bound that makes the risk small: a unit takes no more link answers than its
 * headcount, which is checked on every stored link answer (remove the cap and it fails). In the
 * span check the injected answers count as people the attacker does not know, so every other way
 * to isolate someone (reopening, moving, overview counts, k changes) is still found in link waves;
 * code waves, where nobody can add answers to a unit, are checked with nothing left out.
 *
 * Runs: SEQUENCE_RUNS sequences (default 150) from SEQUENCE_SEED (default a fixed seed; a failure
 * prints the seed and the shrunk sequence to replay it).
 */
const testDb = useTestDatabase();

const RUNS = Number(process.env.SEQUENCE_RUNS ?? 150);
const SEED = Number(process.env.SEQUENCE_SEED ?? 20261203);

describe('anonymity across sequences of actions', () => {
	it(`no sequence lets the figures seen isolate fewer than k people (${RUNS} sequences, seed ${SEED})`, async () => {
		let last: string[] = [];
		const result = await fc.check(
			fc.asyncProperty(organisationShape, commands(), async (shape, sequence) => {
				forgetAnalyticsResults();
				const { world, found } = await runSequence(testDb.db, shape, sequence);
				// The last failing run is the shrunk counterexample: fast-check tries smaller ones until none fails.
				if (found.length > 0)
					last = [...found, `k = ${shape.k}, units ${JSON.stringify(shape.units)}`, ...world.log];
				return found.length === 0;
			}),
			{ numRuns: RUNS, seed: SEED }
		);
		const replay = result.failed ? [`replay: SEQUENCE_SEED=${SEED}, path ${result.counterexamplePath}`] : [];
		expect(result.failed ? [...last, ...replay] : []).toEqual([]);
	}, 900_000);
});
