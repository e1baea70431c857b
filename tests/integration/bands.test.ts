import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { bandOf } from '../../src/lib/domain/scoring';
import { BAROMETER, dimensionsOf } from '../../src/lib/instruments';
import type { Band, Bands } from '../../src/lib/instruments/types';
import { bandOfCode, bandSql } from '../../src/lib/server/analytics/bands';
import { useTestDatabase } from '../helpers/db';

// The SQL band expression that summaries count with, run by the engine itself, against the
// domain's bandOf: at, just below and just above each threshold, in both risk directions.

const testDb = useTestDatabase();

const bits = new DataView(new ArrayBuffer(8));

/** The next double towards +Infinity (for finite values). */
function nextUp(x: number): number {
	if (x === 0) return Number.MIN_VALUE;
	bits.setFloat64(0, x);
	bits.setBigInt64(0, bits.getBigInt64(0) + (x > 0 ? 1n : -1n));
	return bits.getFloat64(0);
}

/** The next double towards -Infinity (for finite values). */
function nextDown(x: number): number {
	return -nextUp(-x);
}

/** Scores at, just below and just above each threshold: by one double, 0.05, 0.1 and 1. */
function scoresAround(bands: Bands): number[] {
	const scores: number[] = [];
	for (const t of [bands.orange, bands.red]) {
		scores.push(t, nextDown(t), nextUp(t));
		for (const step of [0.05, 0.1, 1]) scores.push(t - step, t + step);
	}
	return scores;
}

/** Each score's band as the database computes it with bandSql, in one statement. */
async function bandsInSql(bands: Bands, scores: (number | null)[]): Promise<(Band | null)[]> {
	const rows = scores.map((score, i) => sql`(${i}::int, ${score}::float8)`);
	const result = await sql<{ band: number | null }>`
		select ${bandSql(
			sql.ref('c.score'),
			sql`${bands.riskWhen === 'high'}::boolean`,
			sql`${bands.orange}::float8`,
			sql`${bands.red}::float8`
		)} as band
		from (values ${sql.join(rows)}) as c (i, score)
		order by c.i
	`.execute(testDb.db);
	return result.rows.map((row) => bandOfCode(row.band));
}

async function expectSameBands(bands: Bands, scores: number[]): Promise<void> {
	const inSql = await bandsInSql(bands, scores);
	const expected = scores.map((score) => ({ score, band: bandOf(score, bands) }));
	expect(scores.map((score, i) => ({ score, band: inSql[i] }))).toEqual(expected);
}

describe('the SQL band expression', () => {
	const cases: { name: string; bands: Bands }[] = [
		{ name: 'risk high, whole thresholds', bands: { riskWhen: 'high', orange: 50, red: 75 } },
		{ name: 'risk low, whole thresholds', bands: { riskWhen: 'low', orange: 50, red: 25 } },
		{ name: 'risk high, decimal thresholds', bands: { riskWhen: 'high', orange: 33.3, red: 66.7 } },
		{ name: 'risk low, decimal thresholds', bands: { riskWhen: 'low', orange: 62.5, red: 37.1 } },
		{ name: 'risk high, at the ends of the scale', bands: { riskWhen: 'high', orange: 0, red: 100 } },
		{ name: 'risk low, at the ends of the scale', bands: { riskWhen: 'low', orange: 100, red: 0 } },
		...dimensionsOf(BAROMETER, true).map((d) => ({ name: `dimension ${d.id}`, bands: d.bands }))
	];

	it.each(cases)('agrees with bandOf at and around the thresholds: $name', async ({ bands }) => {
		const scores = scoresAround(bands);
		expect(scores.length).toBe(18);
		await expectSameBands(bands, scores);
	});

	it('gives no band for a missing score', async () => {
		expect(await bandsInSql({ riskWhen: 'high', orange: 50, red: 75 }, [null, 80])).toEqual([null, 'red']);
		expect(await bandsInSql({ riskWhen: 'low', orange: 50, red: 25 }, [null, 10])).toEqual([null, 'red']);
	});

	it('agrees with bandOf for generated thresholds and scores, decimals included', async () => {
		const tenth = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
		const anyScore = fc.oneof(tenth, fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }));
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom<Bands['riskWhen']>('high', 'low'),
				fc.oneof(tenth, anyScore),
				fc.oneof(tenth, anyScore),
				fc.array(anyScore, { maxLength: 10 }),
				async (riskWhen, a, b, others) => {
					const [low, high] = a <= b ? [a, b] : [b, a];
					const bands: Bands =
						riskWhen === 'high' ? { riskWhen, orange: low, red: high } : { riskWhen, orange: high, red: low };
					await expectSameBands(bands, [...scoresAround(bands), ...others]);
				}
			),
			{ numRuns: 200 }
		);
	});
});
