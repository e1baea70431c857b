import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access';
import {
	UnitImportError,
	addUnit,
	archiveUnit,
	getUnit,
	importUnitsCsv,
	listUnitsForAdmin,
	listVisibleUnits,
	moveUnit,
	renameUnit
} from '../../src/lib/server/units/service';
import { loadActor } from '../../src/lib/server/users/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeMember, makeOrganisation, makeUnits, makeUser, nextNumber } from '../helpers/factories';
import { auditOf, unitByCode, unitRows } from '../helpers/queries';

const testDb = useTestDatabase();

/**
 * A fresh organisation per test with the tree
 *   ROOT > CARE > WARD1, WARD2
 *   ROOT > OFFICE
 * an admin, an advisor, a manager of CARE, and a second organisation with its own admin and unit.
 */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = await makeUnits(testDb.db, org.id, [
		['ROOT', null, 5],
		['CARE', 'ROOT', 10],
		['WARD1', 'CARE', 20],
		['WARD2', 'CARE', 30],
		['OFFICE', 'ROOT', 8]
	]);
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const otherIds = await makeUnits(testDb.db, other.id, [['ELSEWHERE', null, 3]]);
	const email = (role: string) => `${role}-${n}@example.test`;
	return {
		org,
		ids: ids as Record<'ROOT' | 'CARE' | 'WARD1' | 'WARD2' | 'OFFICE', string>,
		other,
		otherUnitId: otherIds.ELSEWHERE!,
		admin: await makeMember(testDb.db, { email: email('admin'), organisationId: org.id, role: 'admin' }),
		advisor: await makeMember(testDb.db, {
			email: email('advisor'),
			organisationId: org.id,
			role: 'advisor'
		}),
		manager: await makeMember(testDb.db, {
			email: email('manager'),
			organisationId: org.id,
			role: 'manager',
			unitId: ids.CARE!
		}),
		otherAdmin: await makeMember(testDb.db, {
			email: email('other'),
			organisationId: other.id,
			role: 'admin'
		})
	};
}

/** The UnitImportError a promise rejects with (fails the test when it resolves or throws anything else). */
async function importError(promise: Promise<unknown>): Promise<UnitImportError> {
	const outcome = await promise.then(
		(value) => ({ value }),
		(e: unknown) => ({ error: e })
	);
	if (!('error' in outcome))
		throw new Error(`expected the import to be refused, got ${JSON.stringify(outcome)}`);
	expect(outcome.error).toBeInstanceOf(UnitImportError);
	return outcome.error as UnitImportError;
}

describe('addUnit', () => {
	it('creates a unit under its parent and writes an audit entry', async () => {
		const { org, ids, admin } = await setup();
		const unit = await addUnit(testDb.db, admin, org.id, {
			code: ' WARD3 ',
			name: ' Ward three ',
			headcount: '12',
			parentId: ids.CARE
		});
		expect(unit).toMatchObject({
			code: 'WARD3',
			name: 'Ward three',
			headcount: 12,
			parentId: ids.CARE,
			archived: false
		});
		expect(await unitByCode(testDb.db, org.id, 'WARD3')).toMatchObject({
			id: unit.id,
			parent_id: ids.CARE,
			valid_to: null
		});
		const audit = await auditOf(testDb.db, org.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'unit.create',
			actor_user_id: admin.userId,
			object_type: 'unit',
			object_id: unit.id
		});
	});

	it('creates a root unit without a parent', async () => {
		const { org, admin } = await setup();
		const unit = await addUnit(testDb.db, admin, org.id, {
			code: 'TOP2',
			name: 'Second root',
			headcount: ''
		});
		expect(await unitByCode(testDb.db, org.id, 'TOP2')).toMatchObject({
			id: unit.id,
			parent_id: null,
			headcount: null
		});
	});

	it.each([['WARD1'], ['ward1'], ['Ward1'], ['  wArD1 ']])(
		'refuses the code %j that is already taken (case-insensitive)',
		async (code) => {
			const { org, ids, admin } = await setup();
			const before = await unitRows(testDb.db, org.id);
			await expectProblem(
				addUnit(testDb.db, admin, org.id, { code, name: 'Duplicate', parentId: ids.ROOT }),
				'code',
				'units.codeTaken'
			);
			expect(await unitRows(testDb.db, org.id)).toEqual(before);
			expect(await auditOf(testDb.db, org.id)).toHaveLength(0);
		}
	);

	it('allows a code that another organisation uses', async () => {
		const { org, admin } = await setup();
		await addUnit(testDb.db, admin, org.id, { code: 'ELSEWHERE', name: 'Same code, other tenant' });
		expect((await unitByCode(testDb.db, org.id, 'ELSEWHERE')).name).toBe('Same code, other tenant');
	});

	it.each([
		['a parent of another organisation', 'other', 'units.parentUnknown'],
		['an archived parent', 'archived', 'units.parentArchived']
	] as const)('refuses %s', async (_label, parent, key) => {
		const { org, ids, otherUnitId, admin } = await setup();
		if (parent === 'archived') await archiveUnit(testDb.db, admin, org.id, ids.OFFICE, '2099-01-01');
		const parentId = parent === 'other' ? otherUnitId : ids.OFFICE;
		const before = await unitRows(testDb.db, org.id);
		await expectProblem(
			addUnit(testDb.db, admin, org.id, { code: 'NEW', name: 'New', parentId }),
			'parentId',
			key
		);
		expect(await unitRows(testDb.db, org.id)).toEqual(before);
	});
});

describe('moveUnit', () => {
	it.each([
		['CARE', 'WARD1'],
		['ROOT', 'WARD2'],
		['CARE', 'CARE']
	] as const)(
		'refuses to move %s into its own subtree (under %s) and changes nothing',
		async (unit, parent) => {
			const { org, ids, admin } = await setup();
			const before = await unitRows(testDb.db, org.id);
			await expectProblem(
				moveUnit(testDb.db, admin, org.id, ids[unit], ids[parent]),
				'parentId',
				'units.moveIntoOwnSubtree'
			);
			expect(await unitRows(testDb.db, org.id)).toEqual(before);
			expect(await auditOf(testDb.db, org.id)).toHaveLength(0);
		}
	);

	it('moves a unit to a new parent and writes an audit entry', async () => {
		const { org, ids, admin } = await setup();
		await moveUnit(testDb.db, admin, org.id, ids.WARD2, ids.OFFICE);
		expect((await unitByCode(testDb.db, org.id, 'WARD2')).parent_id).toBe(ids.OFFICE);
		expect((await unitByCode(testDb.db, org.id, 'WARD1')).parent_id).toBe(ids.CARE);
		const audit = await auditOf(testDb.db, org.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'unit.move',
			actor_user_id: admin.userId,
			object_id: ids.WARD2
		});
		expect(audit[0]!.detail).toEqual({ code: 'WARD2', from: ids.CARE, to: ids.OFFICE });
	});

	it('moves a subtree to the top level', async () => {
		const { org, ids, admin } = await setup();
		await moveUnit(testDb.db, admin, org.id, ids.CARE, null);
		expect((await unitByCode(testDb.db, org.id, 'CARE')).parent_id).toBeNull();
		expect((await unitByCode(testDb.db, org.id, 'WARD1')).parent_id).toBe(ids.CARE);
	});

	it('refuses a parent of another organisation', async () => {
		const { org, ids, otherUnitId, admin } = await setup();
		await expectProblem(
			moveUnit(testDb.db, admin, org.id, ids.WARD1, otherUnitId),
			'parentId',
			'units.parentUnknown'
		);
		expect((await unitByCode(testDb.db, org.id, 'WARD1')).parent_id).toBe(ids.CARE);
	});
});

describe('archiveUnit', () => {
	it('refuses a unit with active children', async () => {
		const { org, ids, admin } = await setup();
		const promise = archiveUnit(testDb.db, admin, org.id, ids.CARE, '2099-01-01');
		await expectProblem(promise, 'unit', 'units.hasActiveChildren');
		await expect(promise).rejects.toMatchObject({ problems: { unit: { params: { count: 2 } } } });
		expect((await unitByCode(testDb.db, org.id, 'CARE')).valid_to).toBeNull();
	});

	it('archives a leaf and deactivates the manager membership on it', async () => {
		const { org, ids, admin } = await setup();
		const wardManager = await makeUser(testDb.db, {
			email: `ward-manager-${nextNumber()}@example.test`,
			organisationId: org.id,
			role: 'manager',
			unitId: ids.WARD1
		});
		const careManager = await testDb.db
			.selectFrom('membership')
			.select('user_id')
			.where('organisation_id', '=', org.id)
			.where('unit_id', '=', ids.CARE)
			.executeTakeFirstOrThrow();
		expect((await loadActor(testDb.db, wardManager.id)).memberships).toHaveLength(1);

		const validFrom = (await unitByCode(testDb.db, org.id, 'WARD1')).valid_from;
		await archiveUnit(testDb.db, admin, org.id, ids.WARD1, '2099-03-15');

		const archived = await unitByCode(testDb.db, org.id, 'WARD1');
		expect(archived.valid_from).toBe(validFrom);
		expect(archived.valid_to).toBe('2099-03-15');
		const membership = await testDb.db
			.selectFrom('membership')
			.select('active')
			.where('organisation_id', '=', org.id)
			.where('user_id', '=', wardManager.id)
			.executeTakeFirstOrThrow();
		expect(membership.active).toBe(false);
		expect((await loadActor(testDb.db, wardManager.id)).memberships).toEqual([]);
		expect((await loadActor(testDb.db, careManager.user_id)).memberships).toHaveLength(1);

		const audit = await auditOf(testDb.db, org.id);
		expect(audit.at(-1)).toMatchObject({
			action: 'unit.archive',
			actor_user_id: admin.userId,
			object_id: ids.WARD1
		});
		expect(audit.at(-1)!.detail).toMatchObject({
			code: 'WARD1',
			validTo: '2099-03-15',
			deactivatedManagers: 1
		});

		// The archived unit stays for history but leaves the visible tree.
		expect((await listVisibleUnits(testDb.db, admin, org.id)).map((r) => r.unit.code)).not.toContain('WARD1');
		expect((await listUnitsForAdmin(testDb.db, admin, org.id)).map((r) => r.unit.code)).toContain('WARD1');
	});

	it('keeps a valid period of at least one day when archived before its start', async () => {
		const { org, ids, admin } = await setup();
		const validFrom = (await unitByCode(testDb.db, org.id, 'OFFICE')).valid_from;
		await archiveUnit(testDb.db, admin, org.id, ids.OFFICE, '2000-01-01');
		expect((await unitByCode(testDb.db, org.id, 'OFFICE')).valid_to).toBe(validFrom);
	});

	it('archives a parent once its children are archived', async () => {
		const { org, ids, admin } = await setup();
		await archiveUnit(testDb.db, admin, org.id, ids.WARD1, '2099-01-01');
		await archiveUnit(testDb.db, admin, org.id, ids.WARD2, '2099-01-01');
		await archiveUnit(testDb.db, admin, org.id, ids.CARE, '2099-01-02');
		expect((await unitByCode(testDb.db, org.id, 'CARE')).valid_to).toBe('2099-01-02');
	});

	it.each([
		['rename', 'name'],
		['move', 'parentId'],
		['archive', 'unit']
	] as const)('refuses to %s an archived unit', async (operation, field) => {
		const { org, ids, admin } = await setup();
		await archiveUnit(testDb.db, admin, org.id, ids.OFFICE, '2099-01-01');
		const before = await unitByCode(testDb.db, org.id, 'OFFICE');
		const promise =
			operation === 'rename'
				? renameUnit(testDb.db, admin, org.id, ids.OFFICE, { name: 'New name', headcount: '3' })
				: operation === 'move'
					? moveUnit(testDb.db, admin, org.id, ids.OFFICE, ids.CARE)
					: archiveUnit(testDb.db, admin, org.id, ids.OFFICE, '2099-02-02');
		await expectProblem(promise, field, 'units.archivedNoChange');
		expect(await unitByCode(testDb.db, org.id, 'OFFICE')).toEqual(before);
	});
});

describe('renameUnit', () => {
	it('renames a unit and sets its headcount, keeping the code', async () => {
		const { org, ids, admin } = await setup();
		await renameUnit(testDb.db, admin, org.id, ids.WARD1, {
			code: 'IGNORED',
			name: 'Ward one',
			headcount: '21'
		});
		expect(await unitByCode(testDb.db, org.id, 'WARD1')).toMatchObject({
			id: ids.WARD1,
			name: 'Ward one',
			headcount: 21
		});
		expect((await auditOf(testDb.db, org.id)).at(-1)).toMatchObject({
			action: 'unit.rename',
			object_id: ids.WARD1
		});
	});

	it('refuses an empty name', async () => {
		const { org, ids, admin } = await setup();
		await expectProblem(
			renameUnit(testDb.db, admin, org.id, ids.WARD1, { name: ' ' }),
			'name',
			'validation.required'
		);
		expect((await unitByCode(testDb.db, org.id, 'WARD1')).name).toBe('Unit WARD1');
	});
});

describe('units of another organisation and other roles', () => {
	const operations = {
		rename: (actor: Actor, orgId: string, unitId: string) =>
			renameUnit(testDb.db, actor, orgId, unitId, { name: 'Hijacked', headcount: '1' }),
		move: (actor: Actor, orgId: string, unitId: string) => moveUnit(testDb.db, actor, orgId, unitId, null),
		archive: (actor: Actor, orgId: string, unitId: string) =>
			archiveUnit(testDb.db, actor, orgId, unitId, '2099-01-01'),
		getUnit: (actor: Actor, orgId: string, unitId: string) => getUnit(testDb.db, actor, orgId, unitId)
	};

	it.each(Object.keys(operations) as Array<keyof typeof operations>)(
		'%s with a unit id of another organisation gives 404 and leaves that unit alone',
		async (operation) => {
			const { org, other, otherUnitId, admin } = await setup();
			const before = await unitRows(testDb.db, other.id);
			await expect(operations[operation](admin, org.id, otherUnitId)).rejects.toMatchObject({ status: 404 });
			expect(await unitRows(testDb.db, other.id)).toEqual(before);
		}
	);

	it.each(Object.keys(operations) as Array<keyof typeof operations>)(
		'%s in an organisation where the admin is no member gives 404',
		async (operation) => {
			const { other, otherUnitId, admin } = await setup();
			const before = await unitRows(testDb.db, other.id);
			await expect(operations[operation](admin, other.id, otherUnitId)).rejects.toMatchObject({
				status: 404
			});
			expect(await unitRows(testDb.db, other.id)).toEqual(before);
		}
	);

	it.each(['rename', 'move', 'archive'] as const)(
		'%s by an advisor or manager gives 403',
		async (operation) => {
			const { org, ids, advisor, manager } = await setup();
			const before = await unitRows(testDb.db, org.id);
			await expect(operations[operation](advisor, org.id, ids.WARD1)).rejects.toMatchObject({ status: 403 });
			await expect(operations[operation](manager, org.id, ids.WARD1)).rejects.toMatchObject({ status: 403 });
			expect(await unitRows(testDb.db, org.id)).toEqual(before);
		}
	);

	it('refuses an anonymous visitor with a redirect to the sign-in page', async () => {
		const { org, ids } = await setup();
		await expect(addUnit(testDb.db, null, org.id, { code: 'X', name: 'X' })).rejects.toMatchObject({
			status: 303,
			location: '/login'
		});
		await expect(getUnit(testDb.db, null, org.id, ids.ROOT)).rejects.toMatchObject({ status: 303 });
		await expect(listVisibleUnits(testDb.db, null, org.id)).rejects.toMatchObject({ status: 303 });
	});
});

describe('visibility', () => {
	it('shows a manager only their own subtree, and an admin everything', async () => {
		const { org, admin, manager } = await setup();
		const managerRows = await listVisibleUnits(testDb.db, manager, org.id);
		expect(managerRows.map((r) => [r.unit.code, r.depth])).toEqual([
			['CARE', 0],
			['WARD1', 1],
			['WARD2', 1]
		]);
		expect(managerRows[0]!.subtreeHeadcount).toBe(60);
		const adminRows = await listVisibleUnits(testDb.db, admin, org.id);
		expect(adminRows.map((r) => r.unit.code)).toEqual(['ROOT', 'CARE', 'WARD1', 'WARD2', 'OFFICE']);
		expect(adminRows[0]!.subtreeHeadcount).toBe(73);
	});

	it.each(['ROOT', 'OFFICE'] as const)('gives a manager 404 for %s, outside their subtree', async (code) => {
		const { org, ids, manager } = await setup();
		await expect(getUnit(testDb.db, manager, org.id, ids[code])).rejects.toMatchObject({ status: 404 });
	});

	it('gives a manager a unit inside their subtree, with unreachable ancestors by name only', async () => {
		const { org, ids, manager } = await setup();
		const { unit, ancestors, subtree } = await getUnit(testDb.db, manager, org.id, ids.WARD1);
		expect(unit.code).toBe('WARD1');
		expect(ancestors).toEqual([
			{ id: ids.ROOT, name: 'Unit ROOT', reachable: false },
			{ id: ids.CARE, name: 'Unit CARE', reachable: true }
		]);
		expect(subtree.map((r) => r.unit.code)).toEqual(['WARD1']);
	});

	it('gives 404 for a unit id that does not exist, also to an admin', async () => {
		const { org, admin } = await setup();
		await expect(
			getUnit(testDb.db, admin, org.id, '00000000-0000-4000-8000-000000000000')
		).rejects.toMatchObject({
			status: 404
		});
		await expect(getUnit(testDb.db, admin, org.id, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
	});
});

describe('importUnitsCsv', () => {
	it('imports a semicolon file with BOM and Dutch headers, a child before its parent', async () => {
		const { org, ids, admin } = await setup();
		const csv =
			'\uFEFFcode;naam;bovenliggende code;aantal medewerkers\r\n' +
			'NURSE1;Verpleging 1;NURSING;12\r\n' +
			'NURSING;Verpleging;ROOT;\r\n' +
			'NURSE2;"Verpleging; nacht";nursing;7\r\n';
		expect(await importUnitsCsv(testDb.db, admin, org.id, csv)).toEqual({
			created: 3,
			updated: 0,
			unchanged: 0
		});

		const nursing = await unitByCode(testDb.db, org.id, 'NURSING');
		expect(nursing).toMatchObject({ name: 'Verpleging', parent_id: ids.ROOT, headcount: null });
		expect(await unitByCode(testDb.db, org.id, 'NURSE1')).toMatchObject({
			name: 'Verpleging 1',
			parent_id: nursing.id,
			headcount: 12
		});
		expect(await unitByCode(testDb.db, org.id, 'NURSE2')).toMatchObject({
			name: 'Verpleging; nacht',
			parent_id: nursing.id,
			headcount: 7
		});
		expect((await auditOf(testDb.db, org.id)).at(-1)).toMatchObject({
			action: 'unit.import',
			actor_user_id: admin.userId,
			detail: { created: 3, updated: 0, unchanged: 0 }
		});
	});

	it('updates existing units from a comma file with English headers', async () => {
		const { org, ids, admin } = await setup();
		const csv =
			'code,name,parent,headcount\n' +
			'ward1,Ward One,OFFICE,21\n' + // case of the code differs from the stored 'WARD1'
			'ROOT,Unit ROOT,,5\n' +
			'NEW1,New unit,office,\n';
		expect(await importUnitsCsv(testDb.db, admin, org.id, csv)).toEqual({
			created: 1,
			updated: 1,
			unchanged: 1
		});
		expect(await unitByCode(testDb.db, org.id, 'WARD1')).toMatchObject({
			id: ids.WARD1,
			name: 'Ward One',
			parent_id: ids.OFFICE,
			headcount: 21
		});
		expect(await unitByCode(testDb.db, org.id, 'ROOT')).toMatchObject({
			name: 'Unit ROOT',
			parent_id: null,
			headcount: 5
		});
		expect(await unitByCode(testDb.db, org.id, 'NEW1')).toMatchObject({
			parent_id: ids.OFFICE,
			headcount: null
		});
		expect((await unitRows(testDb.db, org.id)).filter((u) => u.code.toLowerCase() === 'ward1')).toHaveLength(
			1
		);
	});

	it.each([
		['a missing name', 'N2;;ROOT;4', 'validation.required', 'naam'],
		['an unknown parent', 'N2;Two;NOPE;4', 'units.parentUnknown', 'bovenliggende code'],
		[
			'a headcount that is not a number',
			'N2;Two;ROOT;twelve',
			'validation.wholeNumber',
			'aantal medewerkers'
		],
		['a code repeated in the file', 'N1;Again;ROOT;4', 'import.duplicateCode', 'code'],
		['a code with spaces', 'N 2;Two;ROOT;4', 'validation.unitCode', 'code'],
		['a unit that is its own parent', 'N2;Two;N2;4', 'units.moveIntoOwnSubtree', 'bovenliggende code']
	])(
		'refuses a file with one bad row (%s) on line 3 and creates nothing',
		async (_label, badRow, key, column) => {
			const { org, admin } = await setup();
			const csv =
				'code;naam;bovenliggende code;aantal medewerkers\n' +
				'N1;One;ROOT;4\n' +
				`${badRow}\n` +
				'N3;Three;N1;4\n' +
				'WARD1;Renamed ward;CARE;20\n';
			const before = await unitRows(testDb.db, org.id);
			const refusal = await importError(importUnitsCsv(testDb.db, admin, org.id, csv));
			expect(refusal.fileProblems).toEqual([]);
			expect(refusal.problems).toHaveLength(1);
			expect(refusal.problems[0]).toMatchObject({ line: 3, key, column });
			expect(await unitRows(testDb.db, org.id)).toEqual(before);
			expect(await auditOf(testDb.db, org.id)).toHaveLength(0);
		}
	);

	it('refuses a file that would make a cycle through existing units', async () => {
		const { org, admin } = await setup();
		const before = await unitRows(testDb.db, org.id);
		const refusal = await importError(
			importUnitsCsv(testDb.db, admin, org.id, 'code;naam;bovenliggende code\nCARE;Care;WARD2\n')
		);
		expect(refusal.problems).toEqual([expect.objectContaining({ line: 2, key: 'import.cycle' })]);
		expect(await unitRows(testDb.db, org.id)).toEqual(before);
	});

	it.each([
		['an empty file', '', 'import.empty'],
		['a file with only a BOM and white space', '\uFEFF  \r\n \n', 'import.empty'],
		['a header without rows', 'code;naam;bovenliggende code\r\n', 'import.headerOnly'],
		['a header followed by blank lines', 'code,name\n\n\n', 'import.headerOnly']
	])('refuses %s', async (_label, csv, key) => {
		const { org, admin } = await setup();
		const before = await unitRows(testDb.db, org.id);
		const refusal = await importError(importUnitsCsv(testDb.db, admin, org.id, csv));
		expect(refusal.fileProblems).toEqual([{ key }]);
		expect(refusal.problems).toEqual([]);
		expect(await unitRows(testDb.db, org.id)).toEqual(before);
	});

	it.each([
		['name', 'code;bovenliggende code;aantal medewerkers\nN1;ROOT;3\n'],
		['code', 'naam;bovenliggende code\nNew;ROOT\n']
	])('refuses a file without a %s column', async (column, csv) => {
		const { org, admin } = await setup();
		const before = await unitRows(testDb.db, org.id);
		const refusal = await importError(importUnitsCsv(testDb.db, admin, org.id, csv));
		expect(refusal.fileProblems).toEqual([{ key: 'import.missingColumn', params: { column } }]);
		expect(await unitRows(testDb.db, org.id)).toEqual(before);
	});

	it.each([
		['an unterminated quote', 'code;naam\nQ1;Fine\nQ2;"Not closed\nQ3;Also fine\n'],
		['text after a closing quote', 'code;naam\nQ1;Fine\nQ2;"Closed"then more\nQ3;Also fine\n']
	])('refuses %s as malformed quotes and creates nothing', async (_label, csv) => {
		const { org, admin } = await setup();
		const before = await unitRows(testDb.db, org.id);
		const refusal = await importError(importUnitsCsv(testDb.db, admin, org.id, csv));
		expect(refusal.problems.length).toBeGreaterThan(0);
		expect(refusal.problems.every((p) => p.key === 'import.malformedQuotes')).toBe(true);
		expect(await unitRows(testDb.db, org.id)).toEqual(before);
	});

	it.each([
		['a malformed quote', 'code;naam\nA1;One\nB1;"Two\nC1;Three\n', 3, 'import.malformedQuotes'],
		['a missing name after a blank line', 'code;naam\nA2;One\n\nB2;\n', 4, 'validation.required'],
		['extra fields after a blank line', 'code;naam\nA3;One\n\nB3;Two;x\n', 4, 'import.tooManyFields'],
		[
			'a missing name after a field over two lines',
			'code;naam\nA4;"multi\nline"\nB4;\n',
			4,
			'validation.required'
		]
	])('reports %s on the line a person sees in the file', async (_name, csv, line, key) => {
		const { org, admin } = await setup();
		const refusal = await importError(importUnitsCsv(testDb.db, admin, org.id, csv));
		expect(refusal.problems).toEqual([expect.objectContaining({ line, key })]);
	});

	it('refuses a row with more fields than the header', async () => {
		const { org, admin } = await setup();
		const refusal = await importError(
			importUnitsCsv(testDb.db, admin, org.id, 'code;naam\nT1;One\nT2;Two;extra\n')
		);
		expect(refusal.problems).toEqual([expect.objectContaining({ line: 3, key: 'import.tooManyFields' })]);
		expect((await unitRows(testDb.db, org.id)).map((u) => u.code)).not.toContain('T1');
	});

	it.each([
		['an advisor', 'advisor', 403],
		['a manager', 'manager', 403],
		['an admin of another organisation', 'otherAdmin', 404]
	] as const)('refuses an import by %s', async (_label, who, status) => {
		const people = await setup();
		const before = await unitRows(testDb.db, people.org.id);
		await expect(
			importUnitsCsv(testDb.db, people[who], people.org.id, 'code;naam;bovenliggende code\nX1;X;ROOT\n')
		).rejects.toMatchObject({ status });
		expect(await unitRows(testDb.db, people.org.id)).toEqual(before);
	});
});
