import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/lib/domain/action-plans/catalogue';
import { measureFlags, validateMeasure } from '../src/lib/domain/action-plans/measures';
import { isPerceptionCandidate } from '../src/lib/domain/action-plans/perception';
import { belongsToPlan, submittedLate } from '../src/lib/domain/action-plans/plans';
import { planBalance } from '../src/lib/domain/action-plans/suggest';
import { bandOf } from '../src/lib/domain/scoring';
import { dimensionsOf } from '../src/lib/instruments';
import { evaluationOf } from '../src/lib/server/action-plans/evaluation';
import { perceptionOf } from '../src/lib/server/action-plans/perception';
import { findMeasures, findNotes } from '../src/lib/server/action-plans/queries';
import type { Actor } from '../src/lib/server/access';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { onServer, uniqueName, withDatabase } from '../tests/helpers/postgres';
import {
	addDays,
	demoChangedOn,
	demoMeasureFields,
	demoPlanPeriods,
	demoPlanYears,
	generateDemoMeasures,
	generateDemoPlans,
	generatePerceptionAnswers
} from './action-plans';
import { seedDemo } from './demo';
import { demoUnits } from './structure';
import { generateDemoWaves } from './waves';

const today = '2026-12-04';
const measures = generateDemoMeasures(today);
const lastYear = measures.filter((m) => m.plan === 'last-year');
const thisYear = measures.filter((m) => m.plan === 'this-year');
const UUID = '00000000-0000-4000-8000-000000000000';

const fieldsOf = (m: (typeof measures)[number]) =>
	demoMeasureFields(m, { unitId: m.unitCode && UUID, ownerUserId: m.ownerEmail && UUID });

describe('the demo action plans', () => {
	it('are deterministic and move with today', () => {
		expect(generateDemoMeasures(today)).toEqual(measures);
		const later = generateDemoMeasures(addDays(today, 30));
		expect(later.map((m) => m.key)).toEqual(measures.map((m) => m.key));
		expect(later.find((m) => m.key === 'eik-taken')!.dueOn).toBe(addDays(today, 30 - 21));
	});

	it('hold only valid measures, each following a catalogue entry under its own title', () => {
		const catalogueTitles = new Set(CATALOGUE.map((e) => e.title.nl));
		for (const m of measures) {
			const fields = fieldsOf(m);
			expect(validateMeasure({ ...fields }), m.key).toEqual({ ok: true, value: fields });
			expect(catalogueTitles.has(m.title), m.key).toBe(false);
		}
		expect(new Set(measures.map((m) => m.key)).size).toBe(measures.length);
		expect(new Set(measures.map((m) => m.title)).size).toBe(measures.length);
	});

	it('has one overdue measure and one without owner, whatever today is', () => {
		for (let day = 0; day < 800; day += 7) {
			const date = addDays('2026-01-01', day);
			const flags = generateDemoMeasures(date).map((m) => ({
				key: m.key,
				...measureFlags(fieldsOf(m), date)
			}));
			expect(flags.filter((f) => f.overdue).map((f) => f.key)).toEqual(['eik-taken']);
			expect(flags.filter((f) => f.noOwner).map((f) => f.key)).toEqual(['gez-bereikbaarheid']);
		}
	});

	it('did last year’s plan between two closed waves: done, evaluated, mostly organisational and primary', () => {
		const { before, after } = demoPlanPeriods(today);
		expect(lastYear).toHaveLength(5);
		for (const m of lastYear) {
			expect(m).toMatchObject({ status: 'done', implementation: expect.any(String) });
			expect(m.perception).toEqual(expect.any(String));
			expect(m.managementSupport).not.toBeNull();
			expect(m.startsOn > before.closesOn && m.dueOn < after.opensOn, m.key).toBe(true);
			expect(m.notes.length).toBeGreaterThan(0);
			for (const note of m.notes)
				expect(note.writtenOn >= m.startsOn && note.writtenOn <= m.dueOn, m.key).toBe(true);
		}
		const levels = lastYear.map((m) => fieldsOf(m).preventionLevel);
		expect(levels.filter((l) => l === 'secondary')).toHaveLength(1);
		expect(levels.filter((l) => l === 'primary')).toHaveLength(4);
		expect(
			planBalance(
				lastYear.map(fieldsOf).map((f) => ({ level: f.preventionLevel, application: f.applicationLevel }))
			).warn
		).toBe(false);
		expect(lastYear.some((m) => m.followUp)).toBe(true);
	});

	it('were written before they started and last changed no later than today', () => {
		for (let day = 0; day < 800; day += 7) {
			const date = addDays('2026-01-01', day);
			const { after } = demoPlanPeriods(date);
			for (const m of generateDemoMeasures(date)) {
				expect(m.writtenOn < m.startsOn, `${date} ${m.key}`).toBe(true);
				expect(demoChangedOn(m) <= date, `${date} ${m.key}`).toBe(true);
				// Asked about in the last closed wave, so a new wave does not offer them again.
				const candidate = isPerceptionCandidate(
					{ status: m.status, unitId: null, changedOn: demoChangedOn(m) },
					{ since: after.closesOn, waveUnitIds: new Set(), units: [] }
				);
				expect(candidate, `${date} ${m.key}`).toBe(false);
			}
		}
	});

	it('has this year’s plan under way since the last closed wave, with notes no later than today', () => {
		const { after } = demoPlanPeriods(today);
		expect(thisYear).toHaveLength(4);
		expect(thisYear.map((m) => m.status).sort()).toEqual([
			'in-progress',
			'in-progress',
			'planned',
			'planned'
		]);
		for (const m of thisYear) {
			expect(m.startsOn > after.closesOn, m.key).toBe(true);
			expect(m.implementation).toBeNull();
			for (const note of m.notes)
				expect(note.writtenOn >= m.startsOn && note.writtenOn <= today, m.key).toBe(true);
		}
	});

	it('aims each unit’s measure at a theme or work factor flagged in that unit by the wave it answers', () => {
		const units = demoUnits().map((u) => ({ id: u.code, code: u.code, headcount: u.headcount }));
		const { definition, includeModule, responses } = generateDemoWaves(units, { today });
		const dimensions = new Map(dimensionsOf(definition, includeModule).map((d) => [d.id, d]));
		const flagged = (wave: number, code: string) =>
			[...dimensions.values()]
				.filter((d) => {
					const scores = responses
						.filter((r) => r.wave === wave && r.unitId === code)
						.map((r) => r.scores[d.id])
						.filter((s): s is number => typeof s === 'number');
					const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
					return bandOf(mean, d.bands) !== 'green';
				})
				.map((d) => d.id);
		for (const m of measures.filter((x) => x.unitCode)) {
			for (const id of m.targets.dimensions) expect(dimensions.has(id), id).toBe(true);
			const found = flagged(m.plan === 'last-year' ? 1 : 2, m.unitCode!);
			expect(
				m.targets.dimensions.filter((d) => found.includes(d)),
				m.key
			).not.toEqual([]);
		}
	});
});

describe('the demo plans for the committee', () => {
	it('adopted last year’s annual plan in time, received this year’s, and cover both in a global plan, whatever today is', () => {
		for (let day = 0; day < 800; day += 5) {
			const date = addDays('2026-01-01', day);
			const plans = generateDemoPlans(date);
			const { last, current } = demoPlanYears(date);
			const byKey = Object.fromEntries(plans.map((p) => [p.key, p]));
			expect(byKey['last-annual']).toMatchObject({ kind: 'annual', firstYear: last, status: 'adopted' });
			expect(byKey['this-annual']).toMatchObject({ kind: 'annual', firstYear: current });
			expect(byKey['this-annual']!.status).toBe('submitted');
			expect(byKey.global).toMatchObject({ kind: 'global', status: 'adopted' });
			expect(byKey.global!.firstYear <= last && byKey.global!.firstYear + 4 >= current).toBe(true);
			for (const plan of plans) {
				expect(submittedLate({ ...plan, submittedOn: plan.submittedOn }), plan.key).toBe(false);
				const dates = [plan.submittedOn, plan.adviceOn, plan.adoptedOn].filter((d) => d !== null);
				expect(dates, plan.key).toEqual([...dates].sort());
				for (const d of dates) expect(d <= date, `${plan.key} ${d} after ${date}`).toBe(true);
				expect(plan.adviceText !== null).toBe(plan.adviceOn !== null);
			}
			const measures = generateDemoMeasures(date);
			const annual = (p: 'last-annual' | 'this-annual') => ({
				firstYear: byKey[p]!.firstYear,
				lastYear: byKey[p]!.firstYear
			});
			for (const m of measures.filter((x) => x.plan === 'last-year'))
				expect(belongsToPlan(m, annual('last-annual')), `${date} ${m.key}`).toBe(true);
			// This year's measures not yet due are in this year's plan, unless they start in the next year.
			for (const m of measures.filter((x) => x.plan === 'this-year' && x.dueOn >= date))
				expect(
					belongsToPlan(m, annual('this-annual')) || m.startsOn > `${current}-12-31`,
					`${date} ${m.key}`
				).toBe(true);
		}
	});
});

describe('the demo perception answers', () => {
	const respondents = new Map([
		['A', 20],
		['B', 9],
		['C', 0]
	]);

	it('answers with a share of each unit’s respondents, deterministically', () => {
		const answers = generatePerceptionAnswers('opn-agressie', ['A', 'B', 'C'], respondents, 5);
		expect(answers).toEqual(generatePerceptionAnswers('opn-agressie', ['A', 'B', 'C'], respondents, 5));
		expect(answers.filter((a) => a.unitCode === 'A')).toHaveLength(17);
		expect(answers.filter((a) => a.unitCode === 'B')).toHaveLength(8);
		expect(answers.filter((a) => a.unitCode === 'C')).toHaveLength(0);
		expect(answers.every((a) => a.answer >= 1 && a.answer <= 4)).toBe(true);
		// Most found the aggression measure helpful.
		expect(answers.filter((a) => a.answer >= 3).length).toBeGreaterThan(answers.length / 2);
	});

	it('keeps the night shift one answer short of k', () => {
		expect(generatePerceptionAnswers('nac-roosters', ['B'], respondents, 5)).toHaveLength(4);
		expect(generatePerceptionAnswers('nac-roosters', ['B'], respondents, 3)).toHaveLength(2);
		expect(generatePerceptionAnswers('spo-bezetting', ['A'], respondents, 5)).toEqual([]);
	});
});

/**
 * The demo as the server creates it, on the engine of the run: PostgreSQL when DATABASE_URL is
 * set (a fresh database, dropped afterwards), else PGlite in memory.
 */
describe('the seeded demo organisation', () => {
	let handle: DatabaseHandle;
	let dropDatabase = async () => {};
	beforeAll(async () => {
		const url = process.env.DATABASE_URL;
		if (url) {
			const name = uniqueName('kl_seed');
			await onServer(url, `create database "${name}"`);
			dropDatabase = () => onServer(url, `drop database if exists "${name}" with (force)`);
			handle = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
		} else handle = await openDatabase({ dataDir: 'memory://' });
		await migrateToLatest(handle.db);
		await seedDemo(handle.db, { today });
	}, 240_000);
	afterAll(async () => {
		await handle?.close();
		await dropDatabase();
	});

	const actorOf = async (organisationId: string, email: string): Promise<Actor> => {
		const m = await handle.db
			.selectFrom('membership as m')
			.innerJoin('app_user as u', 'u.id', 'm.user_id')
			.select(['u.id', 'm.role', 'm.unit_id'])
			.where('u.email', '=', email)
			.executeTakeFirstOrThrow();
		return { userId: m.id, memberships: [{ organisationId, role: m.role, unitId: m.unit_id }] };
	};

	const zonnedael = () =>
		handle.db
			.selectFrom('organisation')
			.select('id')
			.where('name', '=', 'Zorggroep Zonnedael')
			.executeTakeFirstOrThrow();

	it('has the generated measures, with their units, owners and notes', async () => {
		const org = await zonnedael();
		const stored = await findMeasures(handle.db, org.id, { unitIds: null, organisationLevel: true });
		const byTitle = new Map(stored.map((m) => [m.title, m]));
		expect(stored).toHaveLength(measures.length);
		const units = new Map(
			(
				await handle.db
					.selectFrom('unit')
					.select(['id', 'code'])
					.where('organisation_id', '=', org.id)
					.execute()
			).map((u) => [u.id, u.code])
		);
		const users = new Map(
			(await handle.db.selectFrom('app_user').select(['id', 'email']).execute()).map((u) => [u.id, u.email])
		);
		for (const m of measures) {
			const row = byTitle.get(m.title)!;
			expect(row, m.key).toBeDefined();
			// Everything as generated; the unit and the owner by their codes and e-mail addresses below.
			expect(row).toMatchObject({ ...fieldsOf(m), unitId: row.unitId, ownerUserId: row.ownerUserId });
			expect(row.unitId && units.get(row.unitId), m.key).toBe(m.unitCode ?? null);
			expect(row.ownerUserId && users.get(row.ownerUserId), m.key).toBe(m.ownerEmail ?? null);
			const notes = await findNotes(handle.db, org.id, row.id);
			expect(notes.map((n) => [n.writtenOn, n.text, users.get(n.authorUserId!)])).toEqual(
				m.notes.map((n) => [n.writtenOn, n.text, n.authorEmail])
			);
		}
	});

	it('asked the last closed wave about last year’s measures, answered by at most its respondents', async () => {
		const org = await zonnedael();
		const { after } = demoPlanPeriods(today);
		const wave = await handle.db
			.selectFrom('wave')
			.select(['id', 'min_group_size'])
			.where('organisation_id', '=', org.id)
			.where('opens_on', '=', after.opensOn)
			.executeTakeFirstOrThrow();
		const asked = await handle.db
			.selectFrom('wave_measure')
			.select(['title', 'wave_id'])
			.where('organisation_id', '=', org.id)
			.orderBy('position')
			.execute();
		expect(asked).toEqual(lastYear.map((m) => ({ title: m.title, wave_id: wave.id })));

		const respondents = new Map(
			(
				await handle.db
					.selectFrom('response as r')
					.innerJoin('unit as u', 'u.id', 'r.unit_id')
					.select((eb) => ['u.code', eb.fn.countAll<number>().as('n')])
					.where('r.wave_id', '=', wave.id)
					.groupBy('u.code')
					.execute()
			).map((r) => [r.code, Number(r.n)])
		);
		const perceived = await handle.db
			.selectFrom('perception_answer as p')
			.innerJoin('unit as u', 'u.id', 'p.unit_id')
			.innerJoin('measure as m', 'm.id', 'p.measure_id')
			.select((eb) => ['m.title', 'u.code', eb.fn.countAll<number>().as('n')])
			.where('p.wave_id', '=', wave.id)
			.groupBy(['m.title', 'u.code'])
			.execute();
		const answered = (key: string) => {
			const title = measures.find((m) => m.key === key)!.title;
			return new Map(perceived.filter((p) => p.title === title).map((p) => [p.code, Number(p.n)]));
		};
		const k = wave.min_group_size;
		for (const m of lastYear) {
			const answers = answered(m.key);
			for (const [code, n] of answers)
				expect(n, `${m.key} ${code}`).toBeLessThanOrEqual(respondents.get(code)!);
		}
		expect([...answered('nac-roosters').entries()]).toEqual([['LIN-NAC', k - 1]]);
		expect(respondents.get('LIN-NAC')).toBeGreaterThanOrEqual(k);
		expect(answered('opn-agressie').get('PC-OPN')).toBeGreaterThanOrEqual(k);
		expect(answered('spo-werkverdeling').get('AZ-SPO')).toBeGreaterThanOrEqual(k);
		expect(answered('org-teambesprekingen').size).toBe(respondents.size);
	});

	it('shows the perception of a measure through the gate, and hides the night shift’s, one answer short of k', async () => {
		const org = await zonnedael();
		const advisor = await actorOf(org.id, 'preventie@zonnedael.demo');
		const stored = await findMeasures(handle.db, org.id, { unitIds: null, organisationLevel: true });
		const idOf = (key: string) =>
			stored.find((m) => m.title === measures.find((x) => x.key === key)!.title)!.id;
		const { after } = demoPlanPeriods(today);
		for (const key of ['opn-agressie', 'spo-werkverdeling', 'jeu-opvang', 'org-teambesprekingen']) {
			const waves = await perceptionOf(handle.db, advisor, org.id, idOf(key), today);
			expect(waves, key).toHaveLength(1);
			expect(waves[0], key).toMatchObject({ closesOn: after.closesOn, status: 'closed' });
			expect(waves[0]!.figure, key).toMatchObject({ shown: true });
		}
		const night = await perceptionOf(handle.db, advisor, org.id, idOf('nac-roosters'), today);
		expect(night[0]!.figure).toEqual({ shown: false, reason: 'below-k' });
		const opn = (await perceptionOf(handle.db, advisor, org.id, idOf('opn-agressie'), today))[0]!.figure;
		// Most of the admission ward found the aggression measure helped.
		expect(opn!.shown && opn!.value.shares[2]! + opn!.value.shares[3]! > 0.5).toBe(true);
	});

	it('judges last year’s measures by the wave before and the last closed wave: one to review, one improved', async () => {
		const org = await zonnedael();
		const advisor = await actorOf(org.id, 'preventie@zonnedael.demo');
		const stored = await findMeasures(handle.db, org.id, { unitIds: null, organisationLevel: true });
		const { before, after } = demoPlanPeriods(today);
		for (const m of lastYear.filter((x) => x.unitCode)) {
			const id = stored.find((x) => x.title === m.title)!.id;
			const evaluation = await evaluationOf(handle.db, advisor, org.id, id, { today });
			const dimensions = evaluation.targets.filter((t) => t.kind === 'dimension');
			expect(dimensions.length, m.key).toBe(m.targets.dimensions.length);
			for (const t of dimensions) {
				expect(t.beforeWave?.closesOn, m.key).toBe(before.closesOn);
				expect(t.afterWave?.closesOn, m.key).toBe(after.closesOn);
				expect(t.outcome, `${m.key} ${t.target}`).not.toBe('not-comparable');
			}
		}
		// The emergency department got worse despite the measure: to review (and followed up this year).
		const spo = stored.find((x) => x.title === lastYear.find((m) => m.key === 'spo-werkverdeling')!.title)!;
		expect((await evaluationOf(handle.db, advisor, org.id, spo.id, { today })).needsReview).toBe(true);
		// Anxiety in youth psychiatry went down after the aftercare: not to review.
		const jeu = stored.find((x) => x.title === lastYear.find((m) => m.key === 'jeu-opvang')!.title)!;
		const jeuEvaluation = await evaluationOf(handle.db, advisor, org.id, jeu.id, { today });
		expect(jeuEvaluation.needsReview).toBe(false);
		expect(jeuEvaluation.targets.find((t) => t.target === 'anxiety')?.outcome).toBe('improved');
	});

	it('has the plans for the committee with their statuses', async () => {
		const org = await zonnedael();
		const plans = await handle.db
			.selectFrom('action_plan')
			.select(['kind', 'first_year', 'last_year', 'status', 'submitted_on', 'advice_on', 'adopted_on'])
			.where('organisation_id', '=', org.id)
			.orderBy('kind')
			.orderBy('first_year')
			.execute();
		const { last, current } = demoPlanYears(today);
		expect(plans).toEqual([
			expect.objectContaining({ kind: 'annual', first_year: last, status: 'adopted' }),
			expect.objectContaining({ kind: 'annual', first_year: current, status: 'submitted' }),
			expect.objectContaining({
				kind: 'global',
				first_year: last - 1,
				last_year: last + 3,
				status: 'adopted'
			})
		]);
		expect(plans[0]!.submitted_on! < `${last - 1}-11-01`).toBe(true);
	});

	it('shows exactly one overdue measure, in the subtree of the demo manager', async () => {
		const org = await zonnedael();
		const stored = await findMeasures(handle.db, org.id, { unitIds: null, organisationLevel: true });
		const overdue = stored.filter((m) => measureFlags(m, today).overdue);
		expect(overdue.map((m) => m.title)).toEqual([measures.find((m) => m.key === 'eik-taken')!.title]);
		const unit = await handle.db
			.selectFrom('unit as u')
			.innerJoin('unit as p', 'p.id', 'u.parent_id')
			.select('p.code')
			.where('u.id', '=', overdue[0]!.unitId!)
			.executeTakeFirstOrThrow();
		expect(unit.code).toBe('LIN');
	});
});
