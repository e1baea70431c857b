import { beforeAll, describe, expect, it } from 'vitest';
import type { TargetEvaluation } from '../../src/lib/domain/action-plans/evaluation';
import {
	evaluateMeasures,
	evaluationOf,
	measuresToReview
} from '../../src/lib/server/action-plans/evaluation';
import { createMeasure, listMeasures } from '../../src/lib/server/action-plans/service';
import {
	daysBetween,
	isAddressed,
	unaddressedFindings,
	UNADDRESSED_AFTER_DAYS
} from '../../src/lib/server/action-plans/unaddressed';
import { newSubmissionNonce, submitResponse } from '../../src/lib/server/barometer/participation';
import { createWave, setWaveClosed } from '../../src/lib/server/barometer/waves';
import { importSignals } from '../../src/lib/server/signals/service';
import { analyticsOrganisation, answers, PEOPLE, type Code } from '../helpers/analytics';
import { waveFields, waveRow, waveUnitRows } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { monthlyFile, peopleMonths, uploadOf } from '../helpers/signals-upload';

const testDb = useTestDatabase();

/**
 * The PEOPLE tree of tests/helpers/analytics.ts (k = 5) in two waves:
 * - spring (March 2026): everybody answers 3, A2 answers 4;
 * - autumn (September 2026): A1 has 3 answers only (below k), A2 answers 2 (better), B2 answers 5
 *   (worse), the others 3 again.
 * B1 is hidden in both waves to protect B3 ('secondary').
 */
const SPRING_DAY = '2026-03-10';
const AUTUMN_DAY = '2026-09-10';
const LATER = '2026-12-15';

const springAnswer = (code: Code) => answers(code === 'A2' ? 4 : 3);
const autumnAnswer = (code: Code) => answers(code === 'A2' ? 2 : code === 'B2' ? 5 : 3);
const autumnPeople = (code: Code, people: number) => (code === 'A1' ? 3 : people);

async function setup() {
	const s = await analyticsOrganisation(testDb.db, 'Evaluatie', SPRING_DAY, (code) => springAnswer(code));
	await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, SPRING_DAY);
	const units = PEOPLE.filter(([, , people]) => people > 0);
	const autumnId = await createWave(
		testDb.db,
		s.advisor,
		s.org.id,
		waveFields({ name: 'Najaar 2026', opensOn: '2026-09-01', closesOn: '2026-09-30', includeModule: 'on' }),
		units.map(([code]) => s.ids[code as Code]),
		'2026-08-20'
	);
	const links = await waveUnitRows(testDb.db, autumnId);
	for (const [code, , people] of units) {
		const token = links.find((l) => l.unit_id === s.ids[code as Code])!.link_token;
		for (let p = 0; p < autumnPeople(code as Code, people); p++) {
			const result = await submitResponse(
				testDb.db,
				{ via: 'link', token },
				{ ...autumnAnswer(code as Code), unitId: s.ids[code as Code], nonce: newSubmissionNonce() },
				AUTUMN_DAY
			);
			expect(result.stored).toBe(true);
		}
	}
	await setWaveClosed(testDb.db, s.advisor, s.org.id, autumnId, true, {}, AUTUMN_DAY);
	const autumn = await waveRow(testDb.db, autumnId);
	const measure = (code: Code | null, change: Record<string, unknown>) =>
		createMeasure(testDb.db, s.advisor, s.org.id, {
			unitId: code ? s.ids[code] : '',
			targets: { dimensions: ['burnout'], signals: [] },
			title: `Maatregel ${code ?? 'organisatie'}`,
			domain: 'work-organisation',
			preventionLevel: 'primary',
			applicationLevel: 'group',
			ownerUserId: '',
			ownerRole: 'Teamleider',
			startsOn: '2026-05-01',
			dueOn: '2026-08-31',
			status: 'done',
			...change
		});
	const m = {
		improved: await measure('A2', {}),
		belowK: await measure('A1', {}),
		worse: await measure('B2', { status: 'in-progress', dueOn: '2026-12-31' }),
		secondary: await measure('B1', {}),
		late: await measure('A2', { startsOn: '2026-10-15', dueOn: '2026-12-31', status: 'in-progress' }),
		dropped: await measure('B2', {
			targets: { dimensions: ['depression'], signals: [] },
			status: 'dropped',
			droppedReason: 'Geen budget'
		}),
		ancestor: await measure('B', {
			targets: { dimensions: ['stress'], signals: [] },
			status: 'in-progress',
			dueOn: '2027-03-31'
		}),
		finishedBefore: await measure('B2', {
			targets: { dimensions: ['anxiety'], signals: [] },
			startsOn: '2026-01-05',
			dueOn: '2026-02-28'
		}),
		signal: await measure('A', { targets: { dimensions: [], signals: ['absenceRateShort'] } })
	};
	return { ...s, autumnId, autumnCloses: (autumn as { closes_on: string }).closes_on, m };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const burnout = (e: { targets: TargetEvaluation[] }) => e.targets.find((t) => t.target === 'burnout')!;

describe('evaluation of measures at the next wave', () => {
	let s: Setup;
	beforeAll(async () => {
		s = await setup();
	});

	it('compares the unit before the start with the next wave after it, through each wave', async () => {
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.improved.id, { today: LATER });
		expect(burnout(e)).toMatchObject({
			kind: 'dimension',
			outcome: 'improved',
			why: null,
			before: { n: 6 },
			after: { n: 6 },
			beforeWave: { name: 'Voorjaar 2026' },
			afterWave: { name: 'Najaar 2026' }
		});
		const t = burnout(e);
		if (t.kind !== 'dimension') throw new Error('a dimension');
		expect(t.after!.value.mean).toBeLessThan(t.before!.value.mean);
		expect(e.needsReview).toBe(false);
	});

	it('makes no comparison when the unit was below k in one wave, and shows no number at all', async () => {
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.belowK.id, { today: LATER });
		expect(burnout(e)).toMatchObject({
			outcome: 'not-comparable',
			why: 'hidden-after',
			hidden: 'below-k',
			before: null,
			after: null
		});
		const {
			beforeWave: _b,
			afterWave: _a,
			...rest
		} = burnout(e) as Extract<TargetEvaluation, { kind: 'dimension' }>;
		expect(JSON.stringify(rest)).not.toMatch(/\d/);
		expect(e.needsReview).toBe(false);
	});

	it('says a unit hidden to protect a smaller one is hidden, with that reason', async () => {
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.secondary.id, { today: LATER });
		expect(burnout(e)).toMatchObject({
			outcome: 'not-comparable',
			why: 'hidden-before',
			hidden: 'secondary'
		});
	});

	it('marks a measure whose target got worse "to review", also in the list', async () => {
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.worse.id, { today: LATER });
		expect(burnout(e)).toMatchObject({ outcome: 'worse', before: { n: 7 }, after: { n: 7 } });
		expect(e.needsReview).toBe(true);
		const listed = await listMeasures(testDb.db, s.advisor, s.org.id, { today: LATER });
		const review = await measuresToReview(testDb.db, s.org.id, listed, LATER);
		// Also B's stress measure: B2's answers weigh in B's figure.
		expect([...review].sort()).toEqual([s.m.worse.id, s.m.ancestor.id].sort());
	});

	it('shows the figure before and waits while no wave has opened after the start', async () => {
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.late.id, { today: LATER });
		expect(burnout(e)).toMatchObject({
			outcome: 'not-comparable',
			why: 'no-after-yet',
			before: { n: 6 },
			after: null,
			beforeWave: { name: 'Najaar 2026' }
		});
		expect(e.needsReview).toBe(false);
	});

	it('gives the same figures as the unit page: each released wave, never recomputed', async () => {
		const [first, again] = [
			await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.improved.id, { today: LATER }),
			await evaluationOf(testDb.db, s.hr, s.org.id, s.m.improved.id, { today: LATER })
		];
		expect(again).toEqual(first);
		const released = await testDb.db
			.selectFrom('disclosure_release')
			.select('subject')
			.where('organisation_id', '=', s.org.id)
			.where('kind', '=', 'wave')
			.execute();
		expect(released.map((r) => r.subject).sort()).toEqual([s.waveId, s.autumnId].sort());
	});

	it('says a signal target is not comparable when there are no signal months', async () => {
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, s.m.signal.id, { today: LATER });
		expect(e.targets).toEqual([
			expect.objectContaining({
				kind: 'signal',
				target: 'absenceRateShort',
				outcome: 'not-comparable',
				why: 'no-before'
			})
		]);
	});

	it('lets a manager evaluate measures of their subtree only, and nobody of another organisation', async () => {
		const own = await evaluationOf(testDb.db, s.manager, s.org.id, s.m.improved.id, { today: LATER });
		expect(burnout(own).outcome).toBe('improved');
		await expect(
			evaluationOf(testDb.db, s.manager, s.org.id, s.m.worse.id, { today: LATER })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			evaluationOf(testDb.db, s.otherAdvisor, s.org.id, s.m.improved.id, { today: LATER })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			evaluationOf(testDb.db, s.admin, s.org.id, s.m.improved.id, { today: LATER })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			evaluationOf(testDb.db, s.advisor, s.other.id, s.m.improved.id, { today: LATER })
		).rejects.toMatchObject({ status: 404 });
	});

	it('evaluates many measures in one pass exactly as one by one', async () => {
		const listed = await listMeasures(testDb.db, s.advisor, s.org.id, { today: LATER });
		const all = await evaluateMeasures(testDb.db, s.org.id, listed, LATER);
		for (const m of [s.m.improved, s.m.belowK, s.m.worse])
			expect(all.get(m.id)).toEqual(
				await evaluationOf(testDb.db, s.advisor, s.org.id, m.id, { today: LATER })
			);
	});
});

describe('not yet addressed', () => {
	let s: Setup;
	beforeAll(async () => {
		s = await setup();
	});
	const dayAfter = (date: string, days: number) =>
		new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

	it('lists the flagged findings no measure takes up, once they are old enough', async () => {
		const early = await unaddressedFindings(testDb.db, s.advisor, s.org.id, {
			today: dayAfter(s.autumnCloses, UNADDRESSED_AFTER_DAYS - 1)
		});
		expect(early.findings).toEqual([]);
		const today = dayAfter(s.autumnCloses, UNADDRESSED_AFTER_DAYS);
		const list = await unaddressedFindings(testDb.db, s.advisor, s.org.id, { today });
		expect(list.days).toBe(UNADDRESSED_AFTER_DAYS);
		const b2 = list.findings.filter((f) => f.unitId === s.ids.B2).map((f) => f.target);
		// Burn-out has a measure for B2, stress one for B above it.
		expect(b2).not.toContain('burnout');
		expect(b2).not.toContain('stress');
		// A dropped measure and one finished before the finding take nothing up.
		expect(b2).toContain('depression');
		expect(b2).toContain('anxiety');
		for (const f of list.findings) {
			expect(f).toMatchObject({ kind: 'dimension', since: s.autumnCloses });
			expect(daysBetween(f.since, today)).toBeGreaterThanOrEqual(UNADDRESSED_AFTER_DAYS);
		}
		// Only units with a shown figure have findings: never A1 (below k) or B1 (hidden).
		expect(list.findings.some((f) => f.unitId === s.ids.A1 || f.unitId === s.ids.B1)).toBe(false);
	});

	it("shows a manager only their own subtree's findings", async () => {
		const today = dayAfter(s.autumnCloses, 90);
		const advisor = await unaddressedFindings(testDb.db, s.advisor, s.org.id, { today });
		expect(advisor.findings.some((f) => f.unitId === s.ids.B2)).toBe(true);
		const manager = await unaddressedFindings(testDb.db, s.manager, s.org.id, { today });
		const subtree = new Set([s.ids.A, s.ids.A1, s.ids.A2, s.ids.A3]);
		expect(manager.findings.every((f) => subtree.has(f.unitId))).toBe(true);
		await expect(unaddressedFindings(testDb.db, s.otherAdvisor, s.org.id, { today })).rejects.toMatchObject({
			status: 404
		});
	});

	it.each`
		case                                | measure                                                                            | addressed
		${'same unit and target'}           | ${{ unitId: 'U', status: 'planned', dueOn: '2027-01-01', dims: ['workload'] }}     | ${true}
		${'a unit above'}                   | ${{ unitId: 'P', status: 'in-progress', dueOn: '2027-01-01', dims: ['workload'] }} | ${true}
		${'the whole organisation'}         | ${{ unitId: null, status: 'planned', dueOn: '2027-01-01', dims: ['workload'] }}    | ${true}
		${'another unit'}                   | ${{ unitId: 'X', status: 'planned', dueOn: '2027-01-01', dims: ['workload'] }}     | ${false}
		${'another target'}                 | ${{ unitId: 'U', status: 'planned', dueOn: '2027-01-01', dims: ['burnout'] }}      | ${false}
		${'dropped'}                        | ${{ unitId: 'U', status: 'dropped', dueOn: '2027-01-01', dims: ['workload'] }}     | ${false}
		${'done before the finding'}        | ${{ unitId: 'U', status: 'done', dueOn: '2026-09-29', dims: ['workload'] }}        | ${false}
		${'done on the day of the finding'} | ${{ unitId: 'U', status: 'done', dueOn: '2026-09-30', dims: ['workload'] }}        | ${true}
	`(
		'isAddressed: $case',
		({
			measure,
			addressed
		}: {
			measure: { unitId: string | null; status: 'planned'; dueOn: string; dims: string[] };
			addressed: boolean;
		}) => {
			const m = { ...measure, targets: { dimensions: measure.dims, signals: [] } };
			expect(isAddressed({ path: ['P', 'U'], target: 'workload', since: '2026-09-30' }, [m])).toBe(addressed);
		}
	);
});

// ---- Signals: the six months before and after the start, through every month's plan ----------

const FIRST_MONTH = '2025-07';
const MONTHS = 16; // 2025-07 … 2026-10
/** A1 has 4 people in DIP_MONTH (below k), inside the window after the start. */
const DIP_MONTH = '2026-06';

/** Short sick days per person and month: 2 before the start month, 1 after it, for every unit. */
function signalsFile(): Uint8Array {
	return monthlyFile(
		peopleMonths(FIRST_MONTH, MONTHS, (code, people, month) => {
			const headcount = code === 'A1' && month === DIP_MONTH ? 4 : people;
			const sick = month < '2026-03' ? 2 : 1;
			return [code, month, headcount, headcount, headcount * 20, headcount * sick, 0, 0, 0, 0];
		})
	);
}

describe('evaluation of signal targets', () => {
	const TODAY = '2026-11-20';
	let s: Awaited<ReturnType<typeof analyticsOrganisation>>;
	const measureFor = (code: Code) =>
		createMeasure(testDb.db, s.advisor, s.org.id, {
			unitId: s.ids[code],
			targets: { dimensions: [], signals: ['absenceRateShort'] },
			title: `Verzuimbeleid ${code}`,
			domain: 'work-organisation',
			preventionLevel: 'primary',
			applicationLevel: 'group',
			ownerUserId: '',
			ownerRole: 'HR',
			startsOn: '2026-03-15',
			dueOn: '2026-06-30',
			status: 'done'
		});
	beforeAll(async () => {
		s = await analyticsOrganisation(testDb.db, 'Signalen', SPRING_DAY, (code) => springAnswer(code));
		const outcome = await importSignals(
			testDb.db,
			s.hr,
			s.org.id,
			[uploadOf('maandcijfers.csv', signalsFile())],
			{ today: TODAY }
		);
		if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
	});

	it('compares the two windows of a shown unit: lower is better', async () => {
		const m = await measureFor('A2');
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, m.id, { today: TODAY });
		expect(e.targets).toEqual([
			expect.objectContaining({
				kind: 'signal',
				outcome: 'improved',
				beforeWindow: { from: '2025-09', to: '2026-02' },
				afterWindow: { from: '2026-04', to: '2026-09' },
				before: { n: 6, value: 10 },
				after: { n: 6, value: 5 }
			})
		]);
		expect(e.needsReview).toBe(false);
	});

	it('makes no comparison when one month of the window hides the unit, and shows no number', async () => {
		const m = await measureFor('A1');
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, m.id, { today: TODAY });
		const [target] = e.targets;
		expect(target).toMatchObject({
			outcome: 'not-comparable',
			why: 'hidden-after',
			before: null,
			after: null
		});
		expect(target!.hidden).not.toBeNull();
		expect(JSON.stringify([target!.before, target!.after, target!.hidden])).not.toMatch(/\d/);
	});

	it('waits for the last month of the window after the start', async () => {
		const m = await measureFor('A2');
		const e = await evaluationOf(testDb.db, s.advisor, s.org.id, m.id, { today: '2026-09-20' });
		// The figures are all there, but the window is read only up to the last month with figures.
		expect(e.targets[0]).toMatchObject({ outcome: 'improved' });
		const later = await createMeasure(testDb.db, s.advisor, s.org.id, {
			unitId: s.ids.A2,
			targets: { dimensions: [], signals: ['absenceRateShort'] },
			title: 'Later',
			domain: 'work-organisation',
			preventionLevel: 'primary',
			applicationLevel: 'group',
			ownerUserId: '',
			ownerRole: 'HR',
			startsOn: '2026-08-01',
			dueOn: '2026-12-31',
			status: 'in-progress'
		});
		const waiting = await evaluationOf(testDb.db, s.advisor, s.org.id, later.id, { today: TODAY });
		expect(waiting.targets[0]).toMatchObject({ outcome: 'not-comparable', why: 'no-after-yet', after: null });
		expect(waiting.targets[0]!.before).not.toBeNull();
	});
});
