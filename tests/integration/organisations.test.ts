import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/access';
import type { Role } from '../../src/lib/server/db/schema';
import {
	getOrganisationSettings,
	saveOrganisationSettings
} from '../../src/lib/server/organisations/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeMember, makeOrganisation, makeUnits, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';

const testDb = useTestDatabase();

/** A fresh organisation with one member of each role, and an admin of a second organisation. */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const { ROOT } = await makeUnits(testDb.db, org.id, [['ROOT', null, 10]]);
	const member = (role: Role, organisationId = org.id) =>
		makeMember(testDb.db, {
			email: `${role}-${n}-${organisationId}@example.test`,
			organisationId,
			role,
			unitId: role === 'manager' ? ROOT! : null
		});
	return {
		org,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager'),
		otherAdmin: await member('admin', other.id)
	};
}

const VALID = { name: '  Zorggroep Noord  ', language: 'fr', minGroupSize: '7', sensitiveMinGroupSize: '12' };

async function organisationRow(id: string) {
	return testDb.db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('saveOrganisationSettings', () => {
	it('lets an admin update the settings and writes an audit entry', async () => {
		const { org, admin } = await setup();
		const saved = await saveOrganisationSettings(testDb.db, admin, org.id, VALID);
		expect(saved).toEqual({
			name: 'Zorggroep Noord',
			language: 'fr',
			minGroupSize: 7,
			sensitiveMinGroupSize: 12
		});

		const row = await organisationRow(org.id);
		expect(row).toMatchObject({
			name: 'Zorggroep Noord',
			language: 'fr',
			min_group_size: 7,
			sensitive_min_group_size: 12
		});
		expect(await getOrganisationSettings(testDb.db, admin, org.id)).toEqual(saved);

		const audit = await auditOf(testDb.db, org.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'organisation.settings.update',
			actor_user_id: admin.userId,
			object_type: 'organisation',
			object_id: org.id
		});
		expect(audit[0]!.detail).toEqual({
			before: { name: org.name, language: 'nl', minGroupSize: 5, sensitiveMinGroupSize: 10 },
			after: saved
		});
	});

	it.each([
		['k below the floor of 3', { minGroupSize: '2' }, 'minGroupSize', 'validation.kFloor'],
		['k of zero', { minGroupSize: '0' }, 'minGroupSize', 'validation.kFloor'],
		['a k that is not a whole number', { minGroupSize: '4.5' }, 'minGroupSize', 'validation.wholeNumber'],
		[
			'a sensitive k below k',
			{ minGroupSize: '8', sensitiveMinGroupSize: '6' },
			'sensitiveMinGroupSize',
			'validation.sensitiveBelowK'
		],
		['an empty name', { name: '   ' }, 'name', 'validation.required'],
		['an unknown language', { language: 'de' }, 'language', 'validation.language']
	])('refuses %s and leaves the row unchanged', async (_label, change, field, key) => {
		const { org, admin } = await setup();
		const before = await organisationRow(org.id);
		await expectProblem(
			saveOrganisationSettings(testDb.db, admin, org.id, { ...VALID, ...change }),
			field,
			key
		);
		expect(await organisationRow(org.id)).toEqual(before);
		expect(await auditOf(testDb.db, org.id)).toHaveLength(0);
	});

	it.each([
		['an advisor', 'advisor', { status: 403 }],
		['an hr member', 'hr', { status: 403 }],
		['a manager', 'manager', { status: 403 }],
		['an admin of another organisation', 'otherAdmin', { status: 404 }],
		['an anonymous visitor', 'anonymous', { status: 303, location: '/login' }]
	] as const)('refuses %s and leaves the row unchanged', async (_label, who, refusal) => {
		const people = await setup();
		const actor: Actor | null = who === 'anonymous' ? null : people[who];
		const before = await organisationRow(people.org.id);
		await expect(saveOrganisationSettings(testDb.db, actor, people.org.id, VALID)).rejects.toMatchObject(
			refusal
		);
		await expect(getOrganisationSettings(testDb.db, actor, people.org.id)).rejects.toMatchObject(refusal);
		expect(await organisationRow(people.org.id)).toEqual(before);
		expect(await auditOf(testDb.db, people.org.id)).toHaveLength(0);
	});

	it('gives 404 for an organisation that does not exist', async () => {
		const { admin } = await setup();
		await expect(
			saveOrganisationSettings(testDb.db, admin, '00000000-0000-4000-8000-000000000000', VALID)
		).rejects.toMatchObject({ status: 404 });
	});
});
