import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/lib/domain/action-plans/catalogue';
import {
	catalogueEntryToUse,
	changeOwnEntry,
	createOwnEntry,
	getOwnEntry,
	listCatalogue,
	setBuiltInHidden,
	setOwnEntryRetired,
	suggestFromCatalogue
} from '../../src/lib/server/action-plans/catalogue';
import { createMeasure, getMeasure } from '../../src/lib/server/action-plans/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';

const testDb = useTestDatabase();

/** A French-speaking organisation with an admin, an advisor, HR and a manager; a second organisation with its advisor. */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Hôpital ${n}`);
	await testDb.db.updateTable('organisation').set({ language: 'fr' }).where('id', '=', org.id).execute();
	const unit = await testDb.db
		.insertInto('unit')
		.values({ organisation_id: org.id, code: 'SOINS', name: 'Soins', headcount: 12 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const other = await makeOrganisation(testDb.db, `Ailleurs ${n}`);
	const member = memberOf(testDb.db, n, org.id);
	return {
		org,
		other,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', unit.id),
		otherAdvisor: await memberOf(testDb.db, n, other.id)('advisor', null, 'other-advisor')
	};
}

/** A valid own entry as the form gives it; `change` overrides fields. */
function entryInput(change: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		title: 'Relève accompagnée à chaque changement d’équipe',
		how: 'Prévoyez dix minutes de chevauchement entre les équipes et passez ensemble en revue les tâches ouvertes.',
		watchOut: 'Le chevauchement compte comme temps de travail.',
		targets: { dimensions: ['workload', 'role-clarity'], signals: ['absenceRateShort'] },
		domain: 'work-organisation',
		level: 'primary',
		application: 'group',
		...change
	};
}

/** Every stored row of the catalogue tables and the audit of an organisation: a refusal changes none. */
async function storedOf(organisationId: string) {
	return {
		entries: await testDb.db
			.selectFrom('catalogue_entry')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('id')
			.execute(),
		hidden: await testDb.db
			.selectFrom('catalogue_hidden')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('entry_id')
			.execute(),
		audit: await auditOf(testDb.db, organisationId)
	};
}

const TARGETS = { dimensions: ['workload', 'role-clarity'], signals: ['absenceRateShort' as const] };

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
	try {
		await promise;
		return undefined;
	} catch (e) {
		return (e as { status?: number }).status;
	}
}

describe('createOwnEntry', () => {
	it('stores the entry in the organisation’s language and audits all its fields as new', async () => {
		const { org, advisor } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		expect(entry).toMatchObject({
			organisationId: org.id,
			language: 'fr',
			title: 'Relève accompagnée à chaque changement d’équipe',
			targets: TARGETS,
			level: 'primary',
			application: 'group',
			retiredAt: null
		});
		const audit = await auditOf(testDb.db, org.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'catalogue.create',
			actor_user_id: advisor.userId,
			object_type: 'catalogue_entry',
			object_id: entry.id
		});
		expect(audit[0]!.detail).toEqual({
			before: {},
			after: expect.objectContaining({ title: entry.title, language: 'fr', targets: TARGETS })
		});
		expect((await listCatalogue(testDb.db, advisor, org.id)).own.map((e) => e.id)).toEqual([entry.id]);
	});

	it.each<[string, Record<string, unknown>, string, string]>([
		['no title', { title: '  ' }, 'title', 'validation.required'],
		['no how', { how: '' }, 'how', 'validation.required'],
		['a watch-out too long', { watchOut: 'x'.repeat(1001) }, 'watchOut', 'validation.tooLong'],
		['no targets', { targets: { dimensions: [], signals: [] } }, 'targets', 'measure.targetRequired'],
		['an unknown target', { targets: { dimensions: ['happiness'] } }, 'targets', 'measure.targetUnknown'],
		['an unknown level', { level: 'quaternary' }, 'level', 'measure.preventionLevel']
	])('refuses %s and changes nothing', async (_label, change, field, key) => {
		const { org, hr } = await setup();
		const before = await storedOf(org.id);
		await expectProblem(createOwnEntry(testDb.db, hr, org.id, entryInput(change)), field, key);
		expect(await storedOf(org.id)).toEqual(before);
	});
});

describe('changeOwnEntry', () => {
	it('changes the fields given and audits their old and new values only', async () => {
		const { org, advisor, hr } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const changed = await changeOwnEntry(testDb.db, hr, org.id, entry.id, {
			title: 'Relève accompagnée',
			level: 'secondary'
		});
		expect(changed).toMatchObject({ title: 'Relève accompagnée', level: 'secondary', how: entry.how });
		const audit = await auditOf(testDb.db, org.id);
		expect(audit.map((a) => a.action)).toEqual(['catalogue.create', 'catalogue.update']);
		expect(audit[1]!.detail).toEqual({
			before: { title: entry.title, level: 'primary' },
			after: { title: 'Relève accompagnée', level: 'secondary' }
		});
	});

	it('writes nothing when nothing changes (targets in another order included)', async () => {
		const { org, advisor } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const before = await storedOf(org.id);
		await changeOwnEntry(testDb.db, advisor, org.id, entry.id, {
			targets: { dimensions: ['role-clarity', 'workload'], signals: ['absenceRateShort'] }
		});
		expect(await storedOf(org.id)).toEqual(before);
	});

	it('refuses bad input and changes nothing', async () => {
		const { org, advisor } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const before = await storedOf(org.id);
		await expectProblem(
			changeOwnEntry(testDb.db, advisor, org.id, entry.id, { title: '', domain: 'weather' }),
			'title',
			'validation.required'
		);
		await expectProblem(
			changeOwnEntry(testDb.db, advisor, org.id, entry.id, { domain: 'weather' }),
			'domain',
			'measure.domain'
		);
		expect(await storedOf(org.id)).toEqual(before);
	});
});

describe('retiring and restoring', () => {
	it('retires an entry (audited, still readable), restores it, and writes nothing for the same state twice', async () => {
		const { org, advisor, hr } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const retired = await setOwnEntryRetired(testDb.db, hr, org.id, entry.id, true);
		expect(retired.retiredAt).toBeInstanceOf(Date);
		expect((await getOwnEntry(testDb.db, advisor, org.id, entry.id)).title).toBe(entry.title);
		await setOwnEntryRetired(testDb.db, hr, org.id, entry.id, true);
		const restored = await setOwnEntryRetired(testDb.db, advisor, org.id, entry.id, false);
		expect(restored.retiredAt).toBeNull();
		await setOwnEntryRetired(testDb.db, advisor, org.id, entry.id, false);
		const audit = await auditOf(testDb.db, org.id);
		expect(audit.map((a) => a.action)).toEqual(['catalogue.create', 'catalogue.retire', 'catalogue.restore']);
		expect(audit[1]!.detail).toEqual({ before: { retired: false }, after: { retired: true } });
		expect(audit[2]!.detail).toEqual({ before: { retired: true }, after: { retired: false } });
	});
});

describe('a measure filled from an own entry', () => {
	it('keeps its text when the entry is changed and retired', async () => {
		const { org, advisor } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const use = (await catalogueEntryToUse(testDb.db, advisor, org.id, entry.id))!.entry;
		const measure = await createMeasure(testDb.db, advisor, org.id, {
			unitId: '',
			targets: use.targets,
			title: use.title.fr,
			description: use.how.fr,
			domain: use.domain,
			preventionLevel: use.level,
			applicationLevel: use.application,
			dueOn: '2031-06-30'
		});
		await changeOwnEntry(testDb.db, advisor, org.id, entry.id, { title: 'Autre titre', how: 'Autrement.' });
		await setOwnEntryRetired(testDb.db, advisor, org.id, entry.id, true);
		const after = (await getMeasure(testDb.db, advisor, org.id, measure.id)).measure;
		expect(after).toMatchObject({ title: entry.title, description: entry.how, targets: TARGETS });
	});
});

describe('suggestions', () => {
	it('include the organisation’s own entries in use, ranked like built-in ones, and not retired ones', async () => {
		const { org, other, advisor, otherAdvisor } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const first = await suggestFromCatalogue(testDb.db, advisor, org.id, TARGETS);
		// Three targets in common, collective and primary: no built-in entry matches more.
		expect(first.entries[0]!.id).toBe(entry.id);
		expect(first.entries[0]!.title).toEqual({ nl: entry.title, fr: entry.title, en: entry.title });
		expect([...first.own]).toEqual([entry.id]);
		expect(first.entries.length).toBeGreaterThan(1);
		expect((await catalogueEntryToUse(testDb.db, advisor, org.id, entry.id))?.own).toBe(true);

		// Another organisation neither sees it suggested nor can fill a measure from it.
		const elsewhere = await suggestFromCatalogue(testDb.db, otherAdvisor, other.id, TARGETS);
		expect(elsewhere.entries.some((e) => e.id === entry.id)).toBe(false);
		expect(await catalogueEntryToUse(testDb.db, otherAdvisor, other.id, entry.id)).toBeNull();

		await setOwnEntryRetired(testDb.db, advisor, org.id, entry.id, true);
		const later = await suggestFromCatalogue(testDb.db, advisor, org.id, TARGETS);
		expect(later.entries.some((e) => e.id === entry.id)).toBe(false);
		expect(later.own.size).toBe(0);
		expect(await catalogueEntryToUse(testDb.db, advisor, org.id, entry.id)).toBeNull();
	});

	it('leave out a built-in entry the organisation hides, until it shows it again; both audited once', async () => {
		const { org, other, advisor, hr, otherAdvisor } = await setup();
		const builtIn = CATALOGUE.find((e) => e.targets.dimensions.includes('workload'))!;
		const before = await suggestFromCatalogue(testDb.db, advisor, org.id, TARGETS);
		expect(before.entries.some((e) => e.id === builtIn.id)).toBe(true);

		await setBuiltInHidden(testDb.db, hr, org.id, builtIn.id, true);
		await setBuiltInHidden(testDb.db, hr, org.id, builtIn.id, true);
		const hidden = await suggestFromCatalogue(testDb.db, advisor, org.id, TARGETS);
		expect(hidden.entries.some((e) => e.id === builtIn.id)).toBe(false);
		expect(hidden.entries).toHaveLength(before.entries.length - 1);
		const listed = await listCatalogue(testDb.db, advisor, org.id);
		expect(listed.builtIn.find((b) => b.entry.id === builtIn.id)?.hidden).toBe(true);
		// Another organisation still gets it.
		const elsewhere = await suggestFromCatalogue(testDb.db, otherAdvisor, other.id, TARGETS);
		expect(elsewhere.entries.some((e) => e.id === builtIn.id)).toBe(true);

		await setBuiltInHidden(testDb.db, advisor, org.id, builtIn.id, false);
		await setBuiltInHidden(testDb.db, advisor, org.id, builtIn.id, false);
		expect(await suggestFromCatalogue(testDb.db, advisor, org.id, TARGETS)).toEqual(before);
		const audit = await auditOf(testDb.db, org.id);
		expect(audit.map((a) => [a.action, a.object_id])).toEqual([
			['catalogue.hide', builtIn.id],
			['catalogue.show', builtIn.id]
		]);
	});

	it('refuses to hide an entry the built-in catalogue does not have, and changes nothing', async () => {
		const { org, advisor } = await setup();
		const before = await storedOf(org.id);
		await expectProblem(
			setBuiltInHidden(testDb.db, advisor, org.id, 'no-such-entry', true),
			'entry',
			'catalogue.unknownEntry'
		);
		expect(await storedOf(org.id)).toEqual(before);
	});
});

describe('access', () => {
	it('lets neither a manager nor an admin manage the catalogue (403), and changes nothing', async () => {
		const { org, advisor, manager, admin } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const before = await storedOf(org.id);
		for (const actor of [manager, admin]) {
			expect(await statusOf(listCatalogue(testDb.db, actor, org.id))).toBe(403);
			expect(await statusOf(createOwnEntry(testDb.db, actor, org.id, entryInput()))).toBe(403);
			expect(await statusOf(getOwnEntry(testDb.db, actor, org.id, entry.id))).toBe(403);
			expect(await statusOf(changeOwnEntry(testDb.db, actor, org.id, entry.id, { title: 'x' }))).toBe(403);
			expect(await statusOf(setOwnEntryRetired(testDb.db, actor, org.id, entry.id, true))).toBe(403);
			expect(await statusOf(setBuiltInHidden(testDb.db, actor, org.id, CATALOGUE[0]!.id, true))).toBe(403);
		}
		expect(await storedOf(org.id)).toEqual(before);
	});

	it('answers 404 for an entry of another organisation, a malformed id or an unknown one, and changes nothing', async () => {
		const { org, other, advisor, otherAdvisor } = await setup();
		const entry = await createOwnEntry(testDb.db, advisor, org.id, entryInput());
		const before = await storedOf(org.id);
		// A member of another organisation, in this organisation or through their own.
		expect(await statusOf(listCatalogue(testDb.db, otherAdvisor, org.id))).toBe(404);
		expect(await statusOf(getOwnEntry(testDb.db, otherAdvisor, org.id, entry.id))).toBe(404);
		expect(await statusOf(getOwnEntry(testDb.db, otherAdvisor, other.id, entry.id))).toBe(404);
		expect(
			await statusOf(changeOwnEntry(testDb.db, otherAdvisor, other.id, entry.id, { title: 'Pris' }))
		).toBe(404);
		expect(await statusOf(setOwnEntryRetired(testDb.db, otherAdvisor, other.id, entry.id, true))).toBe(404);
		for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000', `${entry.id}x`])
			expect(await statusOf(getOwnEntry(testDb.db, advisor, org.id, id))).toBe(404);
		expect(await storedOf(org.id)).toEqual(before);
	});
});
