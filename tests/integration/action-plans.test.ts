import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access';
import {
	addNote,
	createMeasure,
	getMeasure,
	listMeasures,
	ownerChoices,
	updateMeasure
} from '../../src/lib/server/action-plans/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, makeUnits, makeUser, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';

const testDb = useTestDatabase();

/**
 * A fresh organisation per test with the tree
 *   ROOT > CARE > WARD1, WARD2
 *   ROOT > OFFICE
 * an admin, an advisor, HR, a manager of CARE, and a second organisation with its own advisor.
 */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = (await makeUnits(testDb.db, org.id, [
		['ROOT', null, 5],
		['CARE', 'ROOT', 10],
		['WARD1', 'CARE', 20],
		['WARD2', 'CARE', 30],
		['OFFICE', 'ROOT', 8]
	])) as Record<'ROOT' | 'CARE' | 'WARD1' | 'WARD2' | 'OFFICE', string>;
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const otherIds = await makeUnits(testDb.db, other.id, [['ELSEWHERE', null, 3]]);
	const member = memberOf(testDb.db, n, org.id);
	return {
		org,
		ids,
		other,
		otherUnitId: otherIds.ELSEWHERE!,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', ids.CARE),
		otherAdvisor: await memberOf(testDb.db, n, other.id)('advisor', null, 'other-advisor')
	};
}

/** A valid measure as a form gives it; `change` overrides fields. */
function measureInput(unitId: string | null, change: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		unitId: unitId ?? '',
		targets: { dimensions: ['workload'], signals: ['absenceRate'] },
		title: 'Werkoverleg over de planning',
		domain: 'work-organisation',
		preventionLevel: 'primary',
		applicationLevel: 'group',
		ownerUserId: '',
		ownerRole: 'Hoofdverpleegkundige',
		startsOn: '2027-01-04',
		dueOn: '2027-03-31',
		status: 'planned',
		budgetEuro: '1500',
		hours: '',
		...change
	};
}

/** Every stored measure and note of an organisation, to show that a refusal changed nothing. */
async function storedOf(organisationId: string) {
	return {
		measures: await testDb.db
			.selectFrom('measure')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('id')
			.execute(),
		notes: await testDb.db
			.selectFrom('measure_note')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('id')
			.execute(),
		audit: await auditOf(testDb.db, organisationId)
	};
}

/** One measure on WARD1 (in the manager's subtree), one on OFFICE (outside it), one of the organisation. */
async function withMeasures() {
	const s = await setup();
	const ward = await createMeasure(testDb.db, s.advisor, s.org.id, measureInput(s.ids.WARD1));
	const office = await createMeasure(
		testDb.db,
		s.hr,
		s.org.id,
		measureInput(s.ids.OFFICE, { title: 'Thuiswerkbeleid', dueOn: '2027-02-28' })
	);
	const whole = await createMeasure(
		testDb.db,
		s.hr,
		s.org.id,
		measureInput(null, { title: 'Opleiding leidinggevenden', applicationLevel: 'organisation' })
	);
	return { ...s, ward, office, whole };
}

describe('createMeasure', () => {
	it('stores a measure and audits all its fields as new', async () => {
		const { org, ids, advisor } = await setup();
		const measure = await createMeasure(testDb.db, advisor, org.id, measureInput(ids.WARD1));
		expect(measure).toMatchObject({
			organisationId: org.id,
			unitId: ids.WARD1,
			targets: { dimensions: ['workload'], signals: ['absenceRate'] },
			title: 'Werkoverleg over de planning',
			status: 'planned',
			droppedReason: null,
			budgetEuro: 1500,
			hours: null,
			ownerUserId: null,
			ownerRole: 'Hoofdverpleegkundige',
			followUp: false
		});
		const audit = await auditOf(testDb.db, org.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'measure.create',
			actor_user_id: advisor.userId,
			object_type: 'measure',
			object_id: measure.id
		});
		expect(audit[0]!.detail).toEqual({
			before: {},
			after: expect.objectContaining({
				unitId: ids.WARD1,
				title: 'Werkoverleg over de planning',
				budgetEuro: 1500
			})
		});
	});

	it('lets HR write a measure for the whole organisation, carried by a member', async () => {
		const { org, hr, manager } = await setup();
		const measure = await createMeasure(
			testDb.db,
			hr,
			org.id,
			measureInput(null, { ownerUserId: manager.userId, ownerRole: '' })
		);
		expect(measure).toMatchObject({ unitId: null, ownerUserId: manager.userId, ownerRole: null });
	});

	it.each<
		[string, (s: Awaited<ReturnType<typeof setup>>) => Promise<Record<string, unknown>>, string, string]
	>([
		['no title', async (s) => measureInput(s.ids.WARD1, { title: '' }), 'title', 'validation.required'],
		[
			'no targets',
			async (s) => measureInput(s.ids.WARD1, { targets: { dimensions: [], signals: [] } }),
			'targets',
			'measure.targetRequired'
		],
		[
			'due before the start',
			async (s) => measureInput(s.ids.WARD1, { dueOn: '2027-01-01' }),
			'dueOn',
			'measure.dueBeforeStart'
		],
		[
			'dropped without a reason',
			async (s) => measureInput(s.ids.WARD1, { status: 'dropped' }),
			'droppedReason',
			'measure.droppedReasonRequired'
		],
		[
			'a negative budget',
			async (s) => measureInput(s.ids.WARD1, { budgetEuro: '-1' }),
			'budgetEuro',
			'measure.amount'
		],
		[
			'a unit of another organisation',
			async (s) => measureInput(s.otherUnitId),
			'unitId',
			'measure.unitUnknown'
		],
		['a unit id that is no id', async () => measureInput('WARD1'), 'unitId', 'measure.unitUnknown'],
		[
			'an archived unit',
			async (s) => {
				await testDb.db
					.updateTable('unit')
					.set({ valid_to: '2026-01-01', valid_from: '2025-01-01' })
					.where('id', '=', s.ids.WARD2)
					.execute();
				return measureInput(s.ids.WARD2);
			},
			'unitId',
			'measure.unitUnknown'
		],
		[
			'an owner of another organisation',
			async (s) => measureInput(s.ids.WARD1, { ownerUserId: s.otherAdvisor.userId }),
			'ownerUserId',
			'measure.ownerUnknown'
		],
		[
			'an owner without an account',
			async (s) => measureInput(s.ids.WARD1, { ownerUserId: '00000000-0000-4000-8000-000000000000' }),
			'ownerUserId',
			'measure.ownerUnknown'
		],
		[
			'an owner whose membership ended',
			async (s) => {
				const user = await makeUser(testDb.db, {
					email: `left-${nextNumber()}@example.test`,
					organisationId: s.org.id,
					role: 'hr',
					active: true
				});
				await testDb.db
					.updateTable('membership')
					.set({ active: false })
					.where('user_id', '=', user.id)
					.execute();
				return measureInput(s.ids.WARD1, { ownerUserId: user.id });
			},
			'ownerUserId',
			'measure.ownerUnknown'
		]
	])('refuses %s and stores nothing', async (_name, input, field, key) => {
		const s = await setup();
		const payload = await input(s);
		const before = await storedOf(s.org.id);
		await expectProblem(createMeasure(testDb.db, s.advisor, s.org.id, payload), field, key);
		expect(await storedOf(s.org.id)).toEqual(before);
	});

	it.each([
		['an admin', 'admin', 403],
		['a manager, even for their own unit', 'manager', 403],
		['an advisor of another organisation', 'otherAdvisor', 404]
	] as const)('refuses %s with %s', async (_name, who, status) => {
		const s = await setup();
		await expect(createMeasure(testDb.db, s[who], s.org.id, measureInput(s.ids.CARE))).rejects.toMatchObject({
			status
		});
		expect(await storedOf(s.org.id)).toEqual({ measures: [], notes: [], audit: [] });
	});

	it('sends an anonymous visitor to the sign-in page', async () => {
		const { org, ids } = await setup();
		await expect(createMeasure(testDb.db, null, org.id, measureInput(ids.CARE))).rejects.toMatchObject({
			status: 303,
			location: '/login'
		});
	});
});

describe('listMeasures and getMeasure', () => {
	it.each(['advisor', 'hr'] as const)('show %s every measure, the organisation’s included', async (who) => {
		const s = await withMeasures();
		const list = await listMeasures(testDb.db, s[who], s.org.id, { today: '2027-03-15' });
		expect(list.map((m) => m.title)).toEqual([
			'Thuiswerkbeleid',
			'Opleiding leidinggevenden',
			'Werkoverleg over de planning'
		]);
		expect(list[0]!.flags).toEqual({ overdue: true, noOwner: false });
		expect(list[1]!.flags).toEqual({ overdue: false, noOwner: false });
		for (const measure of [s.ward, s.office, s.whole]) {
			const view = await getMeasure(testDb.db, s[who], s.org.id, measure.id);
			expect(view).toMatchObject({
				measure: { id: measure.id },
				notes: [],
				canEdit: true,
				canProgress: true
			});
		}
	});

	it('names the member who carries a measure, and offers the members as owners only to those who edit', async () => {
		const s = await withMeasures();
		const carried = await createMeasure(
			testDb.db,
			s.hr,
			s.org.id,
			measureInput(s.ids.WARD1, {
				title: 'Teamoverleg',
				ownerUserId: s.manager.userId,
				ownerRole: 'Hoofdverpleegkundige'
			})
		);
		const { display_name: name } = await testDb.db
			.selectFrom('app_user')
			.select('display_name')
			.where('id', '=', s.manager.userId)
			.executeTakeFirstOrThrow();
		const listed = (await listMeasures(testDb.db, s.advisor, s.org.id)).find((m) => m.id === carried.id);
		expect(listed).toMatchObject({ ownerUserId: s.manager.userId, ownerName: name });
		const forEditor = await getMeasure(testDb.db, s.advisor, s.org.id, carried.id);
		expect(forEditor.measure.ownerName).toBe(name);
		expect(forEditor.owners.map((o) => o.id)).toContain(s.manager.userId);
		expect(forEditor.owners.map((o) => o.id)).not.toContain(s.otherAdvisor.userId);
		expect(await ownerChoices(testDb.db, s.hr, s.org.id)).toEqual(forEditor.owners);
		// The manager sees who carries it, but is offered no one: they do not edit the measure.
		const forManager = await getMeasure(testDb.db, s.manager, s.org.id, carried.id);
		expect(forManager.measure.ownerName).toBe(name);
		expect(forManager.owners).toEqual([]);
		await expect(ownerChoices(testDb.db, s.manager, s.org.id)).rejects.toMatchObject({ status: 403 });
		await expect(ownerChoices(testDb.db, s.otherAdvisor, s.org.id)).rejects.toMatchObject({ status: 404 });
	});

	it('shows a manager the measures of their subtree only, without editing', async () => {
		const s = await withMeasures();
		const care = await createMeasure(
			testDb.db,
			s.advisor,
			s.org.id,
			measureInput(s.ids.CARE, { title: 'Buddy-systeem' })
		);
		const list = await listMeasures(testDb.db, s.manager, s.org.id);
		expect(list.map((m) => m.id).sort()).toEqual([s.ward.id, care.id].sort());
		const view = await getMeasure(testDb.db, s.manager, s.org.id, s.ward.id);
		expect(view).toMatchObject({ measure: { id: s.ward.id }, canEdit: false, canProgress: true });
		expect(
			(await listMeasures(testDb.db, s.manager, s.org.id, { unitId: s.ids.WARD1 })).map((m) => m.id)
		).toEqual([s.ward.id]);
		expect(await listMeasures(testDb.db, s.manager, s.org.id, { unitId: s.ids.WARD2 })).toEqual([]);
	});

	it('gives a manager 404 for measures outside their subtree and of the whole organisation', async () => {
		const s = await withMeasures();
		for (const measure of [s.office, s.whole])
			await expect(getMeasure(testDb.db, s.manager, s.org.id, measure.id)).rejects.toMatchObject({
				status: 404
			});
		for (const unitId of [s.ids.OFFICE, s.ids.ROOT, s.otherUnitId, 'nonsense'])
			await expect(listMeasures(testDb.db, s.manager, s.org.id, { unitId })).rejects.toMatchObject({
				status: 404
			});
	});

	it('lists one unit’s measures for an advisor, and 404 for a unit it does not have', async () => {
		const s = await withMeasures();
		expect(
			(await listMeasures(testDb.db, s.advisor, s.org.id, { unitId: s.ids.OFFICE })).map((m) => m.id)
		).toEqual([s.office.id]);
		await expect(
			listMeasures(testDb.db, s.advisor, s.org.id, { unitId: s.otherUnitId })
		).rejects.toMatchObject({
			status: 404
		});
	});

	it('gives an admin 403 and another organisation 404', async () => {
		const s = await withMeasures();
		await expect(listMeasures(testDb.db, s.admin, s.org.id)).rejects.toMatchObject({ status: 403 });
		await expect(getMeasure(testDb.db, s.admin, s.org.id, s.ward.id)).rejects.toMatchObject({ status: 403 });
		await expect(listMeasures(testDb.db, s.otherAdvisor, s.org.id)).rejects.toMatchObject({ status: 404 });
		await expect(getMeasure(testDb.db, s.otherAdvisor, s.org.id, s.ward.id)).rejects.toMatchObject({
			status: 404
		});
		// Through its own organisation, another organisation's measure does not exist.
		await expect(getMeasure(testDb.db, s.otherAdvisor, s.other.id, s.ward.id)).rejects.toMatchObject({
			status: 404
		});
		expect(await listMeasures(testDb.db, s.otherAdvisor, s.other.id)).toEqual([]);
	});

	it.each(['nonsense', '', "' or 1=1 --", '00000000-0000-4000-8000-000000000000'])(
		'gives 404 for the measure id %j',
		async (id) => {
			const s = await withMeasures();
			await expect(getMeasure(testDb.db, s.advisor, s.org.id, id)).rejects.toMatchObject({ status: 404 });
		}
	);
});

describe('updateMeasure', () => {
	it('lets an advisor change any field, and audits the old and new values of what changed', async () => {
		const s = await withMeasures();
		const updated = await updateMeasure(testDb.db, s.advisor, s.org.id, s.ward.id, {
			title: 'Wekelijks werkoverleg',
			unitId: s.ids.WARD2,
			hours: '3,5',
			status: 'in-progress',
			ownerUserId: s.manager.userId
		});
		expect(updated).toMatchObject({
			title: 'Wekelijks werkoverleg',
			unitId: s.ids.WARD2,
			hours: 3.5,
			status: 'in-progress',
			ownerUserId: s.manager.userId,
			budgetEuro: 1500
		});
		expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(s.ward.updatedAt.getTime());
		const entry = (await auditOf(testDb.db, s.org.id)).at(-1)!;
		expect(entry).toMatchObject({
			action: 'measure.update',
			actor_user_id: s.advisor.userId,
			object_id: s.ward.id
		});
		expect(entry.detail).toEqual({
			before: {
				unitId: s.ids.WARD1,
				title: 'Werkoverleg over de planning',
				ownerUserId: null,
				status: 'planned',
				hours: null
			},
			after: {
				unitId: s.ids.WARD2,
				title: 'Wekelijks werkoverleg',
				ownerUserId: s.manager.userId,
				status: 'in-progress',
				hours: 3.5
			}
		});
		const { ownerName, ...stored } = (await getMeasure(testDb.db, s.hr, s.org.id, s.ward.id)).measure;
		expect(stored).toEqual(updated);
		expect(ownerName).toMatch(/^manager-/);
	});

	it('lets a manager move the status of a measure in their subtree along, with the reason to drop it', async () => {
		const s = await withMeasures();
		const started = await updateMeasure(testDb.db, s.manager, s.org.id, s.ward.id, { status: 'in-progress' });
		expect(started.status).toBe('in-progress');
		const dropped = await updateMeasure(testDb.db, s.manager, s.org.id, s.ward.id, {
			status: 'dropped',
			droppedReason: 'De afdeling wordt samengevoegd.'
		});
		expect(dropped).toMatchObject({ status: 'dropped', droppedReason: 'De afdeling wordt samengevoegd.' });
		const entries = (await auditOf(testDb.db, s.org.id)).filter((e) => e.action === 'measure.update');
		expect(entries.map((e) => [e.actor_user_id, e.detail])).toEqual([
			[s.manager.userId, { before: { status: 'planned' }, after: { status: 'in-progress' } }],
			[
				s.manager.userId,
				{
					before: { status: 'in-progress', droppedReason: null },
					after: { status: 'dropped', droppedReason: 'De afdeling wordt samengevoegd.' }
				}
			]
		]);
	});

	it('lets a manager send back the whole measure with only the status changed', async () => {
		const s = await withMeasures();
		const { measure } = await getMeasure(testDb.db, s.manager, s.org.id, s.ward.id);
		const updated = await updateMeasure(testDb.db, s.manager, s.org.id, s.ward.id, {
			...measure,
			status: 'done'
		});
		expect(updated.status).toBe('done');
	});

	it.each<[string, Record<string, unknown>]>([
		['the title', { title: 'Iets anders' }],
		['the unit', { unitId: '' }],
		['the budget', { budgetEuro: '1' }],
		['the status and the due date', { status: 'done', dueOn: '2027-12-31' }],
		['an invalid due date', { dueOn: 'morgen' }],
		['what went well afterwards', { implementation: 'Goed.' }]
	])('refuses a manager who changes %s with 403, and changes nothing', async (_name, change) => {
		const s = await withMeasures();
		const before = await storedOf(s.org.id);
		await expect(updateMeasure(testDb.db, s.manager, s.org.id, s.ward.id, change)).rejects.toMatchObject({
			status: 403
		});
		expect(await storedOf(s.org.id)).toEqual(before);
	});

	it('gives a manager 404 outside their subtree, also for a full edit, and changes nothing', async () => {
		const s = await withMeasures();
		const before = await storedOf(s.org.id);
		for (const measure of [s.office, s.whole])
			for (const change of [{ status: 'done' }, { title: 'X' }])
				await expect(updateMeasure(testDb.db, s.manager, s.org.id, measure.id, change)).rejects.toMatchObject(
					{
						status: 404
					}
				);
		expect(await storedOf(s.org.id)).toEqual(before);
	});

	it.each<[string, 'advisor' | 'manager', Record<string, unknown>, string, string]>([
		['a status it does not know', 'manager', { status: 'late' }, 'status', 'measure.status'],
		[
			'dropped without a reason',
			'manager',
			{ status: 'dropped' },
			'droppedReason',
			'measure.droppedReasonRequired'
		],
		['an empty title', 'advisor', { title: ' ' }, 'title', 'validation.required'],
		['a unit of another organisation', 'advisor', { unitId: 'otherUnit' }, 'unitId', 'measure.unitUnknown'],
		[
			'an owner of another organisation',
			'advisor',
			{ ownerUserId: 'otherAdvisor' },
			'ownerUserId',
			'measure.ownerUnknown'
		]
	])('refuses %s and changes nothing', async (_name, who, change, field, key) => {
		const s = await withMeasures();
		const resolved = Object.fromEntries(
			Object.entries(change).map(([k, v]) => [
				k,
				v === 'otherUnit' ? s.otherUnitId : v === 'otherAdvisor' ? s.otherAdvisor.userId : v
			])
		);
		const before = await storedOf(s.org.id);
		await expectProblem(updateMeasure(testDb.db, s[who], s.org.id, s.ward.id, resolved), field, key);
		expect(await storedOf(s.org.id)).toEqual(before);
	});

	it('writes nothing when nothing changes', async () => {
		const s = await withMeasures();
		const before = await storedOf(s.org.id);
		const same = await updateMeasure(testDb.db, s.hr, s.org.id, s.ward.id, {
			title: ' Werkoverleg over de planning '
		});
		expect(same).toEqual(s.ward);
		expect(await storedOf(s.org.id)).toEqual(before);
	});

	it('gives an admin 403 and another organisation 404, and changes nothing', async () => {
		const s = await withMeasures();
		const before = await storedOf(s.org.id);
		await expect(
			updateMeasure(testDb.db, s.admin, s.org.id, s.ward.id, { status: 'done' })
		).rejects.toMatchObject({
			status: 403
		});
		for (const orgId of [s.org.id, s.other.id])
			await expect(
				updateMeasure(testDb.db, s.otherAdvisor, orgId, s.ward.id, { status: 'done' })
			).rejects.toMatchObject({ status: 404 });
		await expect(
			updateMeasure(testDb.db, s.advisor, s.org.id, 'nonsense', { status: 'done' })
		).rejects.toMatchObject({
			status: 404
		});
		expect(await storedOf(s.org.id)).toEqual(before);
	});
});

describe('addNote', () => {
	it.each(['manager', 'advisor', 'hr'] as const)('lets %s add a dated note, audited', async (who) => {
		const s = await withMeasures();
		const note = await addNote(
			testDb.db,
			s[who],
			s.org.id,
			s.ward.id,
			{ text: ' Eerste overleg gehouden. ', writtenOn: '' },
			'2027-01-20'
		);
		expect(note).toMatchObject({
			measureId: s.ward.id,
			writtenOn: '2027-01-20',
			text: 'Eerste overleg gehouden.',
			authorUserId: s[who].userId,
			authorName: `${who}-${s.org.name.split(' ')[1]}`
		});
		expect((await getMeasure(testDb.db, s.advisor, s.org.id, s.ward.id)).notes).toEqual([note]);
		const entry = (await auditOf(testDb.db, s.org.id)).at(-1)!;
		expect(entry).toMatchObject({
			action: 'measure.note',
			actor_user_id: s[who].userId,
			object_id: s.ward.id
		});
		expect(entry.detail).toEqual({
			before: {},
			after: { note: { id: note.id, writtenOn: '2027-01-20', text: 'Eerste overleg gehouden.' } }
		});
	});

	it('refuses a bad note, a manager outside their subtree, an admin and another organisation, and stores nothing', async () => {
		const s = await withMeasures();
		const before = await storedOf(s.org.id);
		const note = { text: 'Overleg', writtenOn: '2027-01-20' };
		await expectProblem(
			addNote(testDb.db, s.manager, s.org.id, s.ward.id, { text: '' }, '2027-01-20'),
			'text',
			'validation.required'
		);
		await expectProblem(
			addNote(testDb.db, s.advisor, s.org.id, s.ward.id, { ...note, writtenOn: '2027-01-21' }, '2027-01-20'),
			'writtenOn',
			'measure.noteInFuture'
		);
		const refusals: Array<[Actor, string, string, number]> = [
			[s.manager, s.org.id, s.office.id, 404],
			[s.manager, s.org.id, s.whole.id, 404],
			[s.admin, s.org.id, s.ward.id, 403],
			[s.otherAdvisor, s.org.id, s.ward.id, 404],
			[s.otherAdvisor, s.other.id, s.ward.id, 404]
		];
		for (const [actor, orgId, measureId, status] of refusals)
			await expect(addNote(testDb.db, actor, orgId, measureId, note, '2027-01-20')).rejects.toMatchObject({
				status
			});
		expect(await storedOf(s.org.id)).toEqual(before);
	});
});

describe('the measure tables', () => {
	/** A valid row of `measure` in the test organisation, with `change` laid over it. */
	const row = (orgId: string, unitId: string, change: Record<string, unknown> = {}) =>
		({
			organisation_id: orgId,
			unit_id: unitId,
			targets: JSON.stringify({ dimensions: ['workload'], signals: [] }),
			title: 'X',
			domain: 'job-content',
			prevention_level: 'primary',
			application_level: 'group',
			due_on: '2027-01-01',
			status: 'planned',
			...change
		}) as never;

	it('take a valid row, so that the refusals below are about their change', async () => {
		const s = await setup();
		await expect(
			testDb.db.insertInto('measure').values(row(s.org.id, s.ids.CARE)).execute()
		).resolves.toBeTruthy();
	});

	it('refuse a measure that points at a unit of another organisation', async () => {
		const s = await setup();
		await expect(
			testDb.db.insertInto('measure').values(row(s.org.id, s.otherUnitId)).execute()
		).rejects.toThrow();
	});

	it.each<[string, Record<string, unknown>]>([
		['dropped without a reason', { status: 'dropped' }],
		['a reason without being dropped', { dropped_reason: 'x' }],
		['an unknown status', { status: 'late' }],
		['an unknown domain', { domain: 'leadership' }],
		['a negative budget', { budget_euro: -1 }],
		['due before the start', { starts_on: '2027-02-01' }]
	])('refuse a measure %s', async (_name, change) => {
		const s = await setup();
		await expect(
			testDb.db
				.insertInto('measure')
				.values(row(s.org.id, s.ids.CARE, change))
				.execute()
		).rejects.toThrow();
	});
});
