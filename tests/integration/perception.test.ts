import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BAROMETER } from '../../src/lib/instruments';
import { attachPerceptionToClosedWave, perceptionOf } from '../../src/lib/server/action-plans/perception';
import { createMeasure } from '../../src/lib/server/action-plans/service';
import {
	newSubmissionNonce,
	openQuestionnaire,
	submitResponse,
	type Entry
} from '../../src/lib/server/barometer/participation';
import { openSealed, type SealedRow } from '../../src/lib/server/barometer/sealed';
import { createWave, setWaveClosed, waveFormOptions } from '../../src/lib/server/barometer/waves';
import { answerFields, everythingStored, waveFields, waveUnitRows } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';

const testDb = useTestDatabase();

const TODAY = '2026-03-10';

/**
 * A fresh organisation per test (k = 5) with the tree ROOT > CARE > WARD1, WARD2 and ROOT > OFFICE,
 * an advisor, a manager of CARE and one of OFFICE; done measures for WARD1, for the whole
 * organisation and for OFFICE, a planned one for WARD2; a second organisation with a done measure.
 */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = (await makeUnits(testDb.db, org.id, [
		['ROOT', null, 0],
		['CARE', 'ROOT', 0],
		['WARD1', 'CARE', 20],
		['WARD2', 'CARE', 20],
		['OFFICE', 'ROOT', 20]
	])) as Record<'ROOT' | 'CARE' | 'WARD1' | 'WARD2' | 'OFFICE', string>;
	const member = memberOf(testDb.db, n, org.id);
	const advisor = await member('advisor');
	const measure = async (organisationId: string, unitId: string | null, title: string, status = 'done') =>
		(
			await createMeasure(testDb.db, organisationId === org.id ? advisor : otherAdvisor, organisationId, {
				unitId: unitId ?? '',
				targets: { dimensions: ['workload'], signals: [] },
				title,
				domain: 'work-organisation',
				preventionLevel: 'primary',
				applicationLevel: 'group',
				ownerRole: 'Hoofdverpleegkundige',
				dueOn: '2026-02-28',
				status
			})
		).id;
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const otherIds = await makeUnits(testDb.db, other.id, [['ELSEWHERE', null, 9]]);
	const otherAdvisor = await memberOf(testDb.db, n, other.id)('advisor', null, 'other');
	return {
		org,
		ids,
		advisor,
		careManager: await member('manager', ids.CARE, 'care'),
		officeManager: await member('manager', ids.OFFICE, 'office'),
		otherAdvisor,
		measures: {
			ward1: await measure(org.id, ids.WARD1, 'Overdracht tussen de diensten herzien'),
			whole: await measure(org.id, null, 'Vast teamoverleg over de werkdruk'),
			office: await measure(org.id, ids.OFFICE, 'Stille werkplekken'),
			planned: await measure(org.id, ids.WARD2, 'Nieuwe roosterregels', 'planned'),
			elsewhere: await measure(other.id, otherIds.ELSEWHERE!, 'Elders gedaan')
		}
	};
}

type Setup = Awaited<ReturnType<typeof setup>>;

/**
 * A link wave on WARD1 and WARD2, and each unit's link into it. It asks about `measureIds`: unless
 * told otherwise, the WARD1 measure and the organisation's.
 */
async function wardsWave(s: Setup, measureIds = [s.measures.ward1, s.measures.whole]) {
	const waveId = await createWave(
		testDb.db,
		s.advisor,
		s.org.id,
		waveFields(),
		[s.ids.WARD1, s.ids.WARD2],
		TODAY,
		measureIds
	);
	const links = await waveUnitRows(testDb.db, waveId);
	const link = (unitId: string): Entry => ({
		via: 'link',
		token: links.find((u) => u.unit_id === unitId)!.link_token
	});
	return { waveId, link };
}

/** One respondent of `unitId` through its link, with perception fields `p`. */
function answer(entry: Entry, unitId: string, p: Record<string, string>) {
	return submitResponse(
		testDb.db,
		entry,
		{ ...answerFields(BAROMETER, false), unitId, nonce: newSubmissionNonce(), ...p },
		TODAY
	);
}

const perceptionRows = (organisationId: string) =>
	testDb.db
		.selectFrom('perception_answer')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.execute();

describe('the evaluation block on the wave form', () => {
	it('offers the done measures of the organisation, and a wave stores the chosen ones in order', async () => {
		const s = await setup();
		const options = await waveFormOptions(testDb.db, s.advisor, s.org.id, TODAY);
		expect(options.perception.since).toBeNull();
		expect(options.perception.measures.map((m) => [m.title, m.unitName]).sort()).toEqual([
			['Overdracht tussen de diensten herzien', 'Unit WARD1'],
			['Stille werkplekken', 'Unit OFFICE'],
			['Vast teamoverleg over de werkdruk', null]
		]);
		const { waveId } = await wardsWave(s);
		const stored = await testDb.db
			.selectFrom('wave_measure')
			.select(['measure_id', 'position', 'title', 'unit_id'])
			.where('wave_id', '=', waveId)
			.orderBy('position')
			.execute();
		expect(stored).toEqual([
			{
				measure_id: s.measures.ward1,
				position: 1,
				title: 'Overdracht tussen de diensten herzien',
				unit_id: s.ids.WARD1
			},
			{ measure_id: s.measures.whole, position: 2, title: 'Vast teamoverleg over de werkdruk', unit_id: null }
		]);
	});

	it('offers only measures done since the previous closed wave closed', async () => {
		const s = await setup();
		const first = await createWave(
			testDb.db,
			s.advisor,
			s.org.id,
			waveFields({ closesOn: '2026-03-31' }),
			[s.ids.WARD1],
			TODAY
		);
		// Closed on its last day: its closing date stays (closed earlier, it would become that day).
		await setWaveClosed(testDb.db, s.advisor, s.org.id, first, true, {}, '2026-03-31');
		// The measures were changed today (in the test run's real time), after 2026-03-31 or not:
		// pushed back before that day, none is a candidate any more.
		await testDb.db
			.updateTable('measure')
			.set({ updated_at: new Date('2026-03-01T12:00:00Z') })
			.where('organisation_id', '=', s.org.id)
			.execute();
		const before = await waveFormOptions(testDb.db, s.advisor, s.org.id, '2026-04-10');
		expect(before.perception.since).toBe('2026-03-31');
		expect(before.perception.measures).toEqual([]);
		// Set to done on the closing day: it counts as done since.
		await testDb.db
			.updateTable('measure')
			.set({ updated_at: new Date('2026-03-31T10:00:00Z') })
			.where('id', '=', s.measures.ward1)
			.execute();
		const after = await waveFormOptions(testDb.db, s.advisor, s.org.id, '2026-04-10');
		expect(after.perception.measures.map((m) => m.id)).toEqual([s.measures.ward1]);
		// Closed by hand on 12 March, before its closing date: that is the day it closed.
		await testDb.db
			.updateTable('wave')
			.set({ summarised_at: new Date('2026-03-12T09:00:00Z') })
			.where('id', '=', first)
			.execute();
		const early = await waveFormOptions(testDb.db, s.advisor, s.org.id, '2026-04-10');
		expect(early.perception.since).toBe('2026-03-12');
	});

	it.each<[string, (s: Setup) => string[], string[]]>([
		['a planned measure', (s) => [s.measures.planned], ['WARD1']],
		['a measure of another organisation', (s) => [s.measures.elsewhere], ['WARD1']],
		['a malformed id', () => ['nonsense'], ['WARD1']],
		['an unknown id', () => ['0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'], ['WARD1']],
		['the same measure twice', (s) => [s.measures.ward1, s.measures.ward1], ['WARD1']]
	])('refuses %s with a message and stores nothing', async (_, chosen, units) => {
		const s = await setup();
		const before = await everythingStored(testDb.db);
		await expectProblem(
			createWave(
				testDb.db,
				s.advisor,
				s.org.id,
				waveFields(),
				units.map((u) => s.ids[u as keyof Setup['ids']]),
				TODAY,
				chosen(s)
			),
			'measureIds',
			'perception.notCandidate'
		);
		expect(await everythingStored(testDb.db)).toEqual(before);
	});

	it('leaves out a ticked measure that nobody of the wave’s units could answer', async () => {
		const s = await setup();
		const waveId = await createWave(testDb.db, s.advisor, s.org.id, waveFields(), [s.ids.WARD1], TODAY, [
			s.measures.office,
			s.measures.ward1
		]);
		const stored = await testDb.db
			.selectFrom('wave_measure')
			.select(['measure_id', 'position'])
			.where('wave_id', '=', waveId)
			.execute();
		expect(stored).toEqual([{ measure_id: s.measures.ward1, position: 1 }]);
	});
});

describe('the perception questions for a respondent', () => {
	it('asks the respondents of the measure’s unit and below, and seals the answers until the close', async () => {
		const s = await setup();
		const { waveId, link } = await wardsWave(s);
		const q = await openQuestionnaire(testDb.db, link(s.ids.WARD1), TODAY);
		expect(q.measures).toEqual([
			{
				id: s.measures.ward1,
				title: 'Overdracht tussen de diensten herzien',
				unitName: 'Unit WARD1',
				askedOf: [s.ids.WARD1]
			},
			{ id: s.measures.whole, title: 'Vast teamoverleg over de werkdruk', unitName: null, askedOf: null }
		]);
		// A WARD2 respondent's answer about the WARD1 measure is not asked of them: left out.
		await answer(link(s.ids.WARD2), s.ids.WARD2, {
			[`p_${s.measures.ward1}`]: '4',
			[`p_${s.measures.whole}`]: '2'
		});
		await answer(link(s.ids.WARD1), s.ids.WARD1, {
			[`p_${s.measures.ward1}`]: '3',
			[`p_${s.measures.whole}`]: ''
		});
		const sealed = (await testDb.db
			.selectFrom('response_sealed')
			.selectAll()
			.where('wave_id', '=', waveId)
			.execute()) as SealedRow[];
		expect(
			sealed
				.map((row) => openSealed(row).perception)
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
		).toEqual(
			[{ [s.measures.ward1]: 3 }, { [s.measures.whole]: 2 }].sort((a, b) =>
				JSON.stringify(a).localeCompare(JSON.stringify(b))
			)
		);
		// Nothing readable while the wave takes answers.
		expect(await perceptionRows(s.org.id)).toEqual([]);
		const open = await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.ward1, TODAY);
		expect(open).toMatchObject([{ waveId, status: 'open', figure: null }]);
	});

	it.each(['0', '5', 'helped', '1.5'])('refuses the answer %s and stores nothing', async (value) => {
		const s = await setup();
		const { link } = await wardsWave(s);
		const before = await everythingStored(testDb.db);
		await expectProblem(
			answer(link(s.ids.WARD1), s.ids.WARD1, { [`p_${s.measures.ward1}`]: value }),
			`p_${s.measures.ward1}`,
			'perception.invalid'
		);
		expect(await everythingStored(testDb.db)).toEqual(before);
	});
});

describe('reading the perception of a measure', () => {
	/** WARD1: 6 respondents, `ward1Answers` of them answer the WARD1 measure; WARD2: 5 respondents. */
	async function closedWave(s: Setup, ward1Answers: string[]) {
		const { waveId, link } = await wardsWave(s);
		for (let i = 0; i < 6; i++)
			await answer(link(s.ids.WARD1), s.ids.WARD1, {
				[`p_${s.measures.ward1}`]: ward1Answers[i] ?? '',
				[`p_${s.measures.whole}`]: '4'
			});
		for (let i = 0; i < 5; i++)
			await answer(link(s.ids.WARD2), s.ids.WARD2, { [`p_${s.measures.whole}`]: '1' });
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		return waveId;
	}

	it('shows the shares of the answers of a unit with at least k answers, once the wave closed', async () => {
		const s = await setup();
		const waveId = await closedWave(s, ['1', '2', '3', '4', '4', '4']);
		const rows = await perceptionRows(s.org.id);
		// Written at the close: one row per answer, nothing that points at a response.
		expect(rows).toHaveLength(6 + 11);
		expect(Object.keys(rows[0]!).sort()).toEqual([
			'answer',
			'id',
			'measure_id',
			'organisation_id',
			'unit_id',
			'wave_id'
		]);
		// Written by the closing transaction, as the responses: no submission's transaction id stays.
		const { rows: transactions } = await sql<{ xid: string }>`
			select xmin::text as xid from perception_answer where wave_id = ${waveId}
			union select xmin::text from response where wave_id = ${waveId}`.execute(testDb.db);
		expect(transactions).toHaveLength(1);
		const [ward1] = await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.ward1, TODAY);
		expect(ward1).toMatchObject({
			waveId,
			status: 'closed',
			k: 5,
			figure: { shown: true, n: 6, value: { answered: 6, shares: [1 / 6, 1 / 6, 1 / 6, 3 / 6] } }
		});
		const [whole] = await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.whole, TODAY);
		expect(whole!.figure).toMatchObject({
			shown: true,
			n: 11,
			value: { answered: 11, shares: [5 / 11, 0, 0, 6 / 11] }
		});
		// Reading it released the wave: it can no longer be reopened.
		await expectProblem(
			setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, false, { closesOn: '2026-03-31' }, TODAY),
			'wave',
			'waves.reopenReleased'
		);
	});

	it('hides the figure when fewer than k answered, though the unit has k respondents', async () => {
		const s = await setup();
		await closedWave(s, ['4', '4', '3', '1']);
		const [ward1] = await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.ward1, TODAY);
		expect(ward1!.figure).toEqual({ shown: false, reason: 'below-k' });
		expect(JSON.stringify(ward1)).not.toMatch(/answered|shares/);
	});

	it('lets a manager of the unit’s subtree read it, and gives a manager elsewhere 404', async () => {
		const s = await setup();
		await closedWave(s, ['1', '2', '3', '4', '4', '4']);
		const [seen] = await perceptionOf(testDb.db, s.careManager, s.org.id, s.measures.ward1, TODAY);
		expect(seen!.figure?.shown).toBe(true);
		await expect(
			perceptionOf(testDb.db, s.officeManager, s.org.id, s.measures.ward1, TODAY)
		).rejects.toMatchObject({
			status: 404
		});
		await expect(
			perceptionOf(testDb.db, s.careManager, s.org.id, s.measures.whole, TODAY)
		).rejects.toMatchObject({
			status: 404
		});
		await expect(
			perceptionOf(testDb.db, s.otherAdvisor, s.org.id, s.measures.ward1, TODAY)
		).rejects.toMatchObject({
			status: 404
		});
		await expect(perceptionOf(testDb.db, s.advisor, s.org.id, 'nonsense', TODAY)).rejects.toMatchObject({
			status: 404
		});
	});

	it('says when a measure was asked in no wave', async () => {
		const s = await setup();
		expect(await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.office, TODAY)).toEqual([]);
	});

	it('attaches a perception block to a closed wave for demo data, read through the same plan as the wave', async () => {
		const s = await setup();
		const { waveId, link } = await wardsWave(s, []);
		for (let i = 0; i < 6; i++) await answer(link(s.ids.WARD1), s.ids.WARD1, {});
		for (let i = 0; i < 3; i++) await answer(link(s.ids.WARD2), s.ids.WARD2, {});
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		await attachPerceptionToClosedWave(testDb.db, s.org.id, waveId, [
			{ measureId: s.measures.ward1, answers: [{ unitId: s.ids.WARD1, counts: [1, 1, 2, 2] }] },
			{
				measureId: s.measures.whole,
				answers: [
					{ unitId: s.ids.WARD1, counts: [0, 1, 2, 3] },
					{ unitId: s.ids.WARD2, counts: [1, 1, 1, 0] }
				]
			}
		]);
		// WARD2's 3 respondents are below k, so the wave's plan hides WARD1 too (CARE minus WARD1 would
		// be WARD2): 6 answers about the WARD1 measure are not enough when its unit is hidden.
		const [ward1] = await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.ward1, TODAY);
		expect(ward1!.figure).toEqual({ shown: false, reason: 'secondary' });
		// The organisation is shown: WARD2's answers count in its figure, never on their own.
		const [whole] = await perceptionOf(testDb.db, s.advisor, s.org.id, s.measures.whole, TODAY);
		expect(whole!.figure).toMatchObject({
			shown: true,
			n: 9,
			value: { answered: 9, shares: [1 / 9, 2 / 9, 3 / 9, 3 / 9] }
		});
	});
});
