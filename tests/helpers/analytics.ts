import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { BAROMETER, itemsOf } from '../../src/lib/instruments';
import { newSubmissionNonce, submitResponse } from '../../src/lib/server/barometer/participation';
import { createWave } from '../../src/lib/server/barometer/waves';
import type { Database } from '../../src/lib/server/db/schema';
import { waveFields, waveUnitRows } from './barometer';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from './factories';

/**
 * The organisation the analytics tests share. People per unit (k = 5, sensitive k = 10):
 *   ROOT (0)
 *   ├─ A (own 2) ─ A1 (6), A2 (6), A3 (3)   A3 below k, pooled in A; A's remainder 2 + 3 = 5 ≥ k
 *   └─ B (own 0) ─ B1 (6), B2 (7), B3 (3)   B3 below k; B's remainder 3 < k, so B1 (the smallest
 *                                           shown sibling) is hidden too: 'secondary'
 */
export const PEOPLE: Array<[code: string, parent: string | null, people: number]> = [
	['ROOT', null, 0],
	['A', 'ROOT', 2],
	['A1', 'A', 6],
	['A2', 'A', 6],
	['A3', 'A', 3],
	['B', 'ROOT', 0],
	['B1', 'B', 6],
	['B2', 'B', 7],
	['B3', 'B', 3]
];
export type Code = 'ROOT' | 'A' | 'A1' | 'A2' | 'A3' | 'B' | 'B1' | 'B2' | 'B3';

/** Every item answered `value`, except every third item `spread` lower (so scores vary a little). */
export function answers(value: number, spread = 0): Record<string, string> {
	return Object.fromEntries(
		itemsOf(BAROMETER, true).map((item, i) => [
			`q_${item.id}`,
			String(i % 3 === 0 ? Math.max(BAROMETER.scale.min, value - spread) : value)
		])
	);
}

/**
 * The organisation with the PEOPLE tree, its advisor, HR, admin and a manager of A, an advisor of
 * another organisation, and an open wave (with the module) in which everybody answered as
 * `answer(code, person)` says. Returns each person's scores per dimension too.
 */
export async function analyticsOrganisation(
	db: Kysely<Database>,
	label: string,
	today: string,
	answer: (code: Code, person: number) => Record<string, string>
) {
	const n = nextNumber();
	const org = await makeOrganisation(db, `${label} ${n}`);
	const ids = (await makeUnits(db, org.id, PEOPLE)) as Record<Code, string>;
	const other = await makeOrganisation(db, `Elders ${n}`);
	const member = memberOf(db, n, org.id);
	const s = {
		org,
		ids,
		other,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', ids.A),
		otherAdvisor: await memberOf(db, n, other.id)('advisor', null, 'other')
	};
	const waveId = await createWave(
		db,
		s.advisor,
		org.id,
		waveFields({ includeModule: 'on' }),
		PEOPLE.filter(([, , people]) => people > 0).map(([code]) => ids[code as Code]),
		today
	);
	const links = await waveUnitRows(db, waveId);
	/** Each person's score per dimension, as the participation service computed it. */
	const scores: Record<string, Array<Record<string, number>>> = {};
	for (const [code, , people] of PEOPLE) {
		scores[code] = [];
		const token = links.find((l) => l.unit_id === ids[code as Code])?.link_token;
		for (let p = 0; p < people; p++) {
			const result = await submitResponse(
				db,
				{ via: 'link', token: token! },
				{ ...answer(code as Code, p), unitId: ids[code as Code], nonce: newSubmissionNonce() },
				today
			);
			expect(result.stored).toBe(true);
			scores[code]!.push(Object.fromEntries(result.results.map((r) => [r.dimension, r.score as number])));
		}
	}
	return { ...s, waveId, scores };
}
