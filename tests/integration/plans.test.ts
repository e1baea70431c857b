import { beforeAll, describe, expect, it } from 'vitest';
import type { Disclosed } from '../../src/lib/domain/anonymity';
import { BAROMETER } from '../../src/lib/instruments';
import { cellAt } from '../../src/lib/domain/cells';
import { heatmap } from '../../src/lib/server/analytics/heatmap';
import { createMeasure } from '../../src/lib/server/action-plans/service';
import { planMeasuresCsv } from '../../src/lib/server/action-plans/plan-export';
import { insertPlan } from '../../src/lib/server/action-plans/plan-queries';
import { planReport } from '../../src/lib/server/action-plans/plan-report';
import {
	advancePlan,
	createPlan,
	getPlan,
	listPlans,
	newPlanVersion,
	updatePlanSections
} from '../../src/lib/server/action-plans/plans';
import { setWaveClosed } from '../../src/lib/server/barometer/waves';
import { importSignals } from '../../src/lib/server/signals/service';
import { analyticsOrganisation, answers } from '../helpers/analytics';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';
import { MONTHLY_COLUMNS, monthlyFile, peopleMonths, uploadOf } from '../helpers/signals-upload';

const testDb = useTestDatabase();
const TODAY = '2026-12-04';

/** An organisation with one unit, its advisor, HR, admin, a manager, and another organisation's advisor. */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Plannen ${n}`);
	const ids = await makeUnits(testDb.db, org.id, [['ROOT', null, 40]]);
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const member = memberOf(testDb.db, n, org.id);
	return {
		org,
		other,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', ids.ROOT),
		otherAdvisor: await memberOf(testDb.db, n, other.id)('advisor', null, 'other')
	};
}

/** Every stored plan of an organisation, to show that a refusal changed nothing. */
const storedOf = (organisationId: string) =>
	testDb.db
		.selectFrom('action_plan')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('id')
		.execute();

describe('the status of a plan', () => {
	it('goes from draft to submitted, advised and adopted, each step audited with old and new values', async () => {
		const s = await setup();
		const plan = await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'annual', firstYear: '2027' });
		expect(plan).toMatchObject({
			kind: 'annual',
			firstYear: 2027,
			lastYear: 2027,
			version: 1,
			status: 'draft'
		});
		await updatePlanSections(testDb.db, s.advisor, s.org.id, plan.id, {
			objectives: 'Werkdruk in de zorg verlagen',
			means: ''
		});
		await advancePlan(
			testDb.db,
			s.advisor,
			s.org.id,
			plan.id,
			{ status: 'submitted', submittedOn: '2026-10-20' },
			TODAY
		);
		await advancePlan(
			testDb.db,
			s.advisor,
			s.org.id,
			plan.id,
			{ status: 'advised', adviceOn: '2026-11-10', adviceText: 'Gunstig advies' },
			TODAY
		);
		const adopted = await advancePlan(
			testDb.db,
			s.advisor,
			s.org.id,
			plan.id,
			{ status: 'adopted', adoptedOn: '2026-11-20' },
			TODAY
		);
		expect(adopted).toMatchObject({
			status: 'adopted',
			submittedOn: '2026-10-20',
			adviceOn: '2026-11-10',
			adviceText: 'Gunstig advies',
			adoptedOn: '2026-11-20'
		});
		expect(adopted.sections.objectives).toBe('Werkdruk in de zorg verlagen');
		const audit = (await auditOf(testDb.db, s.org.id)).filter((a) => a.object_type === 'action_plan');
		expect(audit.map((a) => [a.action, a.detail])).toEqual([
			['plan.create', { before: {}, after: { kind: 'annual', firstYear: 2027, lastYear: 2027, version: 1 } }],
			[
				'plan.update',
				{ before: { objectives: null }, after: { objectives: 'Werkdruk in de zorg verlagen' } }
			],
			[
				'plan.status',
				{
					before: { status: 'draft', submittedOn: null },
					after: { status: 'submitted', submittedOn: '2026-10-20' }
				}
			],
			[
				'plan.status',
				{
					before: { status: 'submitted', adviceOn: null, adviceText: null },
					after: { status: 'advised', adviceOn: '2026-11-10', adviceText: 'Gunstig advies' }
				}
			],
			[
				'plan.status',
				{
					before: { status: 'advised', adoptedOn: null },
					after: { status: 'adopted', adoptedOn: '2026-11-20' }
				}
			]
		]);
		const view = await getPlan(testDb.db, s.advisor, s.org.id, plan.id);
		expect(view).toMatchObject({ locked: true, late: false, isLatest: true, canEdit: true });
	});

	it('refuses steps out of order or with dates the law does not allow, and changes nothing', async () => {
		const s = await setup();
		const plan = await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'annual', firstYear: '2027' });
		const step = (input: Record<string, unknown>) =>
			advancePlan(testDb.db, s.advisor, s.org.id, plan.id, input, TODAY);
		const before = await storedOf(s.org.id);
		await expectProblem(step({ status: 'adopted', adoptedOn: TODAY }), 'status', 'plan.stepNotAllowed');
		await expectProblem(
			step({ status: 'submitted', submittedOn: '2026-12-05' }),
			'submittedOn',
			'plan.dateInFuture'
		);
		await expectProblem(
			step({ status: 'submitted', submittedOn: 'morgen' }),
			'submittedOn',
			'plan.dateRequired'
		);
		expect(await storedOf(s.org.id)).toEqual(before);
		await step({ status: 'submitted', submittedOn: '2026-11-15' });
		expect((await getPlan(testDb.db, s.hr, s.org.id, plan.id)).late).toBe(true);
		await expectProblem(
			step({ status: 'advised', adviceOn: '2026-11-14', adviceText: 'x' }),
			'adviceOn',
			'plan.adviceBeforeSubmission'
		);
		await expectProblem(
			step({ status: 'advised', adviceOn: TODAY, adviceText: ' ' }),
			'adviceText',
			'plan.adviceTextRequired'
		);
		await step({ status: 'advised', adviceOn: '2026-11-30', adviceText: 'Gunstig' });
		const advised = await storedOf(s.org.id);
		await expectProblem(
			step({ status: 'adopted', adoptedOn: '2026-11-29' }),
			'adoptedOn',
			'plan.adoptedBeforeAdvice'
		);
		expect(await storedOf(s.org.id)).toEqual(advised);
	});

	it('the table itself refuses a status without its dates, or an adoption before the advice', async () => {
		const s = await setup();
		const base = { kind: 'annual' as const, firstYear: 2030, lastYear: 2030 };
		await expect(insertPlan(testDb.db, s.org.id, { ...base, status: 'submitted' })).rejects.toThrow();
		await expect(
			insertPlan(testDb.db, s.org.id, {
				...base,
				status: 'adopted',
				submittedOn: '2029-10-01',
				adviceOn: '2029-10-20',
				adviceText: 'ok',
				adoptedOn: '2029-10-19'
			})
		).rejects.toThrow();
		await expect(insertPlan(testDb.db, s.org.id, { ...base, lastYear: 2031 })).rejects.toThrow();
		await expect(
			insertPlan(testDb.db, s.org.id, { ...base, sections: { riskAnalysis: 'only in a global plan' } })
		).rejects.toThrow();
		// What the demo seed does: a plan adopted last year, with its dates.
		const seeded = await insertPlan(testDb.db, s.org.id, {
			...base,
			status: 'adopted',
			submittedOn: '2029-10-01',
			adviceOn: '2029-10-20',
			adviceText: 'Gunstig',
			adoptedOn: '2029-11-05',
			sections: { objectives: 'Rust op de afdelingen' }
		});
		expect(seeded).toMatchObject({
			status: 'adopted',
			version: 1,
			sections: { objectives: 'Rust op de afdelingen' }
		});
	});
});

describe('a submitted plan', () => {
	it('is locked; a new version copies it into a draft, only from the newest version', async () => {
		const s = await setup();
		const plan = await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'global', firstYear: '2027' });
		expect(plan).toMatchObject({ firstYear: 2027, lastYear: 2031 });
		await updatePlanSections(testDb.db, s.advisor, s.org.id, plan.id, {
			riskAnalysis: 'Werkdruk en rolduidelijkheid',
			evaluationCriteria: 'Minder verzuim'
		});
		await expectProblem(
			newPlanVersion(testDb.db, s.advisor, s.org.id, plan.id),
			'plan',
			'plan.draftOnlyOnce'
		);
		await advancePlan(
			testDb.db,
			s.advisor,
			s.org.id,
			plan.id,
			{ status: 'submitted', submittedOn: TODAY },
			TODAY
		);
		const locked = await storedOf(s.org.id);
		await expectProblem(
			updatePlanSections(testDb.db, s.advisor, s.org.id, plan.id, { riskAnalysis: 'later gewijzigd' }),
			'plan',
			'plan.locked'
		);
		expect(await storedOf(s.org.id)).toEqual(locked);

		const next = await newPlanVersion(testDb.db, s.advisor, s.org.id, plan.id);
		expect(next).toMatchObject({
			kind: 'global',
			firstYear: 2027,
			lastYear: 2031,
			version: 2,
			previousId: plan.id,
			status: 'draft',
			submittedOn: null,
			sections: { riskAnalysis: 'Werkdruk en rolduidelijkheid', evaluationCriteria: 'Minder verzuim' }
		});
		await expectProblem(newPlanVersion(testDb.db, s.advisor, s.org.id, plan.id), 'plan', 'plan.notLatest');
		const view = await getPlan(testDb.db, s.advisor, s.org.id, plan.id);
		expect(view.isLatest).toBe(false);
		expect(view.versions.map((v) => v.version)).toEqual([2, 1]);
		await updatePlanSections(testDb.db, s.advisor, s.org.id, next.id, { riskAnalysis: 'Bijgewerkt' });
		const audit = (await auditOf(testDb.db, s.org.id)).filter((a) => a.action === 'plan.version');
		expect(audit.map((a) => a.detail)).toEqual([
			{
				before: { planId: plan.id, version: 1, status: 'submitted' },
				after: { planId: next.id, version: 2, status: 'draft' }
			}
		]);
	});
});

describe('bad input', () => {
	it.each<[Record<string, unknown>, string, string]>([
		[{ kind: 'weekly', firstYear: '2027' }, 'kind', 'plan.kindRequired'],
		[{ kind: 'annual', firstYear: 'volgend jaar' }, 'firstYear', 'plan.yearInvalid'],
		[{ kind: 'annual', firstYear: '1900' }, 'firstYear', 'plan.yearInvalid']
	])('a new plan %o is refused on %s and nothing is stored', async (input, field, key) => {
		const s = await setup();
		await expectProblem(createPlan(testDb.db, s.advisor, s.org.id, input), field, key);
		expect(await storedOf(s.org.id)).toEqual([]);
	});

	it('refuses a second plan of the same kind and period, sections of another kind, and too long text', async () => {
		const s = await setup();
		const plan = await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'annual', firstYear: '2027' });
		await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'global', firstYear: '2027' });
		const before = await storedOf(s.org.id);
		await expectProblem(
			createPlan(testDb.db, s.advisor, s.org.id, { kind: 'annual', firstYear: '2027' }),
			'firstYear',
			'plan.exists'
		);
		await expectProblem(
			updatePlanSections(testDb.db, s.advisor, s.org.id, plan.id, {
				riskAnalysis: 'hoort bij het globaal plan'
			}),
			'riskAnalysis',
			'plan.sectionNotOfKind'
		);
		await expectProblem(
			updatePlanSections(testDb.db, s.advisor, s.org.id, plan.id, { objectives: 'x'.repeat(20_001) }),
			'objectives',
			'plan.sectionTooLong'
		);
		expect(await storedOf(s.org.id)).toEqual(before);
	});
});

describe('who may see and change a plan', () => {
	it('advisors edit; HR reads; managers and admins do not; another organisation and bad ids are not found', async () => {
		const s = await setup();
		const plan = await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'annual', firstYear: '2027' });
		expect((await listPlans(testDb.db, s.hr, s.org.id)).map((p) => p.id)).toEqual([plan.id]);
		expect((await getPlan(testDb.db, s.hr, s.org.id, plan.id)).canEdit).toBe(false);
		const before = await storedOf(s.org.id);
		const status = (p: Promise<unknown>) =>
			p.then(
				() => 200,
				(e: { status?: number }) => e.status
			);
		expect(await status(updatePlanSections(testDb.db, s.hr, s.org.id, plan.id, { objectives: 'x' }))).toBe(
			403
		);
		expect(await status(createPlan(testDb.db, s.hr, s.org.id, { kind: 'global', firstYear: '2027' }))).toBe(
			403
		);
		expect(
			await status(
				advancePlan(testDb.db, s.hr, s.org.id, plan.id, { status: 'submitted', submittedOn: TODAY }, TODAY)
			)
		).toBe(403);
		expect(await status(newPlanVersion(testDb.db, s.hr, s.org.id, plan.id))).toBe(403);
		for (const actor of [s.manager, s.admin]) {
			expect(await status(listPlans(testDb.db, actor, s.org.id))).toBe(403);
			expect(await status(getPlan(testDb.db, actor, s.org.id, plan.id))).toBe(403);
		}
		expect(await status(getPlan(testDb.db, s.otherAdvisor, s.org.id, plan.id))).toBe(404);
		expect(await status(getPlan(testDb.db, s.otherAdvisor, s.other.id, plan.id))).toBe(404);
		expect(
			await status(updatePlanSections(testDb.db, s.otherAdvisor, s.other.id, plan.id, { objectives: 'x' }))
		).toBe(404);
		expect(await status(getPlan(testDb.db, s.advisor, s.org.id, 'not-a-uuid'))).toBe(404);
		expect(
			await status(getPlan(testDb.db, s.advisor, s.org.id, '00000000-0000-4000-8000-000000000000'))
		).toBe(404);
		expect(await status(planMeasuresCsv(testDb.db, s.manager, s.org.id, plan.id, 'nl'))).toBe(403);
		expect(await storedOf(s.org.id)).toEqual(before);
	});
});

// ---- The assembled report, through the gate ------------------------------------------------------

const WAVE_DAY = '2026-03-10';
const AFTER = '2026-04-15';
const FIRST_MONTH = '2024-09';
const MONTHS = 18; // 2024-09 … 2026-02
function signalsFile(): Uint8Array {
	const rows = peopleMonths(FIRST_MONTH, MONTHS, (code, people, month, m) => [
		code,
		month,
		people,
		people,
		people * 20,
		1 + (m % 4),
		0,
		0
	]);
	// Up to the long sick days: no spells, no leavers.
	return monthlyFile(rows, MONTHLY_COLUMNS.slice(0, 8));
}

/** Every gated figure anywhere in a value: shown ones with their n, hidden ones with their reason. */
function gatedFigures(value: unknown, found: Array<Disclosed<unknown>> = []): Array<Disclosed<unknown>> {
	if (Array.isArray(value)) value.forEach((v) => gatedFigures(v, found));
	else if (value && typeof value === 'object') {
		if ('shown' in value && typeof value.shown === 'boolean') found.push(value as Disclosed<unknown>);
		else Object.values(value).forEach((v) => gatedFigures(v, found));
	}
	return found;
}

describe('the report of a plan', () => {
	let s: Awaited<ReturnType<typeof analyticsOrganisation>>;
	beforeAll(async () => {
		// Everybody answers the highest frequency: every dimension where a high score is a risk is red.
		s = await analyticsOrganisation(testDb.db, 'Plan report', WAVE_DAY, () => answers(BAROMETER.scale.max));
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, WAVE_DAY);
		const outcome = await importSignals(
			testDb.db,
			s.hr,
			s.org.id,
			[uploadOf('maandcijfers.csv', signalsFile())],
			{ today: AFTER }
		);
		expect(outcome.status).toBe('imported');
		const measure = (unitId: string | null, title: string, dueOn: string) =>
			createMeasure(testDb.db, s.advisor, s.org.id, {
				unitId: unitId ?? '',
				targets: { dimensions: ['workload'], signals: ['absenceRate'] },
				title,
				domain: 'work-organisation',
				preventionLevel: 'primary',
				applicationLevel: 'group',
				ownerRole: 'Hoofdverpleegkundige',
				dueOn,
				status: 'planned'
			});
		await measure(s.ids.A3, 'Overleg over de planning in A3', '2026-06-30');
		await measure(null, 'Beleid rond werkdruk', '2026-12-31');
		await measure(s.ids.A1, '=Formule in een titel', '2026-09-30');
		await measure(s.ids.B1, 'Al afgerond vorig jaar', '2025-06-30');
	});

	it('shows only figures that passed the gate, the same as the heatmap, and no unit below k on its own', async () => {
		const report = await planReport(
			testDb.db,
			s.hr,
			s.org.id,
			{ firstYear: 2026, lastYear: 2026 },
			{ today: AFTER }
		);
		expect(report.k).toBe(5);
		for (const figure of gatedFigures(report)) if (figure.shown) expect(figure.n).toBeGreaterThanOrEqual(5);
		const map = await heatmap(testDb.db, s.advisor, s.org.id, { today: AFTER });
		const partOf = (code: 'A1' | 'A3' | 'B1') => report.units.find((u) => u.unitId === s.ids[code]);
		const a1 = partOf('A1')!;
		expect(a1.risks.length).toBeGreaterThan(0);
		const row = map.rows.find((r) => r.unitId === s.ids.A1)!;
		for (const risk of a1.risks)
			expect(risk.figure).toEqual(
				cellAt(
					row.cells,
					map.dimensions.findIndex((d) => d.id === risk.dimensionId)
				)
			);
		expect(report.organisation.risks.length).toBeGreaterThan(0);
		// A3 (3 people) and B1 (hidden so that B3 cannot be worked out) show no risk of their own.
		expect(partOf('A3')!.risks).toEqual([]);
		expect(partOf('B1')).toBeUndefined();
		// A3's signals are hidden with their reason; A1's are shown.
		expect(partOf('A3')!.trend!.rows.find((r) => r.id === 'absenceRate')!.now).toEqual({
			shown: false,
			reason: 'below-k'
		});
		expect(a1.trend).toMatchObject({ month: '2026-02', beforeMonth: '2025-02' });
		expect(a1.trend!.rows.find((r) => r.id === 'absenceRate')!.now).toMatchObject({ shown: true, n: 6 });
		expect(report.organisation.trend!.rows.find((r) => r.id === 'absenceRate')!.now).toMatchObject({
			shown: true
		});
	});

	it('holds the measures of its period, with their evaluation, per unit and for the organisation', async () => {
		const report = await planReport(
			testDb.db,
			s.advisor,
			s.org.id,
			{ firstYear: 2026, lastYear: 2026 },
			{ today: AFTER }
		);
		expect(report.organisation.measures.map((m) => m.title)).toEqual(['Beleid rond werkdruk']);
		const titles = report.units.flatMap((u) => u.measures.map((m) => m.title));
		expect(titles).toEqual(
			expect.arrayContaining(['Overleg over de planning in A3', '=Formule in een titel'])
		);
		expect(titles).not.toContain('Al afgerond vorig jaar');
		expect(report.units.find((u) => u.unitId === s.ids.A3)!.measures[0]!.evaluation).not.toBeNull();
		expect(report.balance).toEqual({ warn: false, individualOrTertiary: 0, total: 3 });
	});

	it('exports the measures of the plan as CSV in the reader language, safe against formulas', async () => {
		const plan = await createPlan(testDb.db, s.advisor, s.org.id, { kind: 'annual', firstYear: '2026' });
		const { filename, csv } = await planMeasuresCsv(testDb.db, s.hr, s.org.id, plan.id, 'fr', {
			today: AFTER
		});
		expect(filename).toBe('annual-plan-2026-v1.csv');
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe(
			"unité;cibles;mesure;domaine de risque;niveau de prévention;niveau d'application;responsable;début;échéance;statut;évaluation"
		);
		expect(lines).toHaveLength(4);
		expect(csv).toContain("'=Formule in een titel");
		expect(csv).toContain('Overleg over de planning in A3');
		expect(csv).not.toContain('Al afgerond vorig jaar');
	});
});
