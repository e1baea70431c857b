import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { THROTTLE_RULES } from '../../src/lib/domain/throttle';
import { auditCsv, listAuditLog, recordUnitResultsOpened } from '../../src/lib/server/audit/service';
import { signIn } from '../../src/lib/server/auth/service';
import { waveCloseConsequences } from '../../src/lib/server/barometer/wave-close';
import { createWave, setWaveClosed } from '../../src/lib/server/barometer/waves';
import { saveOrganisationSettings } from '../../src/lib/server/organisations/service';
import { archiveConsequences } from '../../src/lib/server/units/archive-confirm';
import { addUnit, archiveUnit } from '../../src/lib/server/units/service';
import { waveFields, waveRow } from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import {
	TEST_PASSWORD,
	makeOrganisation,
	makeUnits,
	makeUser,
	memberOf,
	nextNumber,
	uniqueClient
} from '../helpers/factories';
import { auditOf, unitByCode, unitRows } from '../helpers/queries';

const testDb = useTestDatabase();
const TODAY = '2026-03-10';

async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const ids = await makeUnits(testDb.db, org.id, [
		['ROOT', null, 5],
		['WARD1', 'ROOT', 20],
		['WARD2', 'ROOT', 8]
	]);
	const member = memberOf(testDb.db, n, org.id);
	return {
		n,
		org,
		other,
		ids: ids as Record<'ROOT' | 'WARD1' | 'WARD2', string>,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', ids.WARD2!),
		otherAdmin: await memberOf(testDb.db, n, other.id)('admin', null, 'other')
	};
}

const query = (q: Record<string, string> = {}) => new URLSearchParams(q);

describe('sign-ins in the audit log', () => {
	it('records a success and a wrong password in every organisation of the account, never the password', async () => {
		const s = await setup();
		const email = `twice-${s.n}@example.test`;
		const user = await makeUser(testDb.db, { email, organisationId: s.org.id, role: 'hr' });
		await testDb.db
			.insertInto('membership')
			.values({ organisation_id: s.other.id, user_id: user.id, role: 'advisor', unit_id: null })
			.execute();
		const wrong = 'hunter2-typed-by-mistake';
		expect((await signIn(testDb.db, email, wrong, uniqueClient())).ok).toBe(false);
		expect((await signIn(testDb.db, email, TEST_PASSWORD, uniqueClient())).ok).toBe(true);

		for (const organisationId of [s.org.id, s.other.id]) {
			const rows = (await auditOf(testDb.db, organisationId)).filter((r) => r.action.startsWith('auth.'));
			expect(rows.map((r) => [r.action, r.actor_user_id, r.object_id, r.detail])).toEqual([
				['auth.signInFailed', user.id, user.id, { reason: 'wrong-password' }],
				['auth.signIn', user.id, user.id, {}]
			]);
			expect(JSON.stringify(rows)).not.toContain(wrong);
			expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
		}
	});

	it('records a deactivated account, and nothing for an address without an account', async () => {
		const s = await setup();
		const email = `gone-${s.n}@example.test`;
		const user = await makeUser(testDb.db, { email, organisationId: s.org.id, role: 'hr', active: false });
		const before = await testDb.db.selectFrom('audit_log').select('id').execute();
		await signIn(testDb.db, email, TEST_PASSWORD, uniqueClient());
		// What is typed for an unknown address may be anything, a password too: nothing is written.
		await signIn(testDb.db, `nobody-${s.n}@example.test`, 'a password', uniqueClient());
		const after = await testDb.db.selectFrom('audit_log').selectAll().execute();
		const added = after.filter((r) => !before.some((b) => b.id === r.id));
		expect(
			added
				.filter((r) => r.action.startsWith('auth.'))
				.map((r) => [r.organisation_id, r.actor_user_id, r.detail])
		).toEqual([[s.org.id, user.id, { reason: 'inactive' }]]);
	});

	it('keeps throttling as before, and writes nothing for a throttled attempt', async () => {
		const s = await setup();
		const email = `guessed-${s.n}@example.test`;
		await makeUser(testDb.db, { email, organisationId: s.org.id, role: 'hr' });
		const client = uniqueClient();
		const limit = THROTTLE_RULES.address.maxAttempts;
		const outcomes: string[] = [];
		for (let i = 0; i < limit + 3; i++) {
			const r = await signIn(testDb.db, email, `wrong-${i}`, client);
			outcomes.push(r.ok ? 'ok' : r.reason);
		}
		const failures = outcomes.filter((o) => o === 'invalid').length;
		expect(outcomes.slice(failures).every((o) => o === 'throttled')).toBe(true);
		expect(failures).toBeGreaterThan(0);
		const rows = (await auditOf(testDb.db, s.org.id)).filter((r) => r.action === 'auth.signInFailed');
		expect(rows).toHaveLength(failures);
	});
});

describe('unit results opened', () => {
	it('records who opened which unit, for those who may see results only', async () => {
		const s = await setup();
		await recordUnitResultsOpened(testDb.db, s.manager, s.org.id, { id: s.ids.WARD2, code: 'WARD2' });
		await expect(
			recordUnitResultsOpened(testDb.db, s.admin, s.org.id, { id: s.ids.WARD2, code: 'WARD2' })
		).rejects.toMatchObject({ status: 403 });
		const rows = await auditOf(testDb.db, s.org.id);
		expect(rows.map((r) => [r.action, r.actor_user_id, r.object_type, r.object_id, r.detail])).toEqual([
			['unit.results.view', s.manager.userId, 'unit', s.ids.WARD2, { code: 'WARD2' }]
		]);
	});
});

describe('listAuditLog', () => {
	it('shows details, names what an entry is about, and filters by kind, user and date', async () => {
		const s = await setup();
		await saveOrganisationSettings(testDb.db, s.admin, s.org.id, {
			name: s.org.name,
			language: 'nl',
			minGroupSize: '7',
			sensitiveMinGroupSize: '12'
		});
		const waveId = await createWave(
			testDb.db,
			s.advisor,
			s.org.id,
			waveFields({ name: 'Voorjaar' }),
			[s.ids.WARD1],
			TODAY
		);
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);

		const all = await listAuditLog(testDb.db, s.admin, s.org.id, query());
		expect(all.entries.map((e) => e.action)).toEqual([
			'wave.close',
			'wave.create',
			'organisation.settings.update'
		]);
		const settings = all.entries.find((e) => e.action === 'organisation.settings.update')!;
		expect(settings.details).toEqual(
			expect.arrayContaining([
				{ field: 'minGroupSize', before: 5, after: 7 },
				{ field: 'sensitiveMinGroupSize', before: 10, after: 12 }
			])
		);
		const close = all.entries.find((e) => e.action === 'wave.close')!;
		expect(close.objectName).toBe('Voorjaar');
		expect(close.details).toEqual([{ field: 'closesOn', before: '2026-03-31', after: TODAY }]);
		expect(all.actors.map((a) => a.id).sort()).toEqual([s.admin.userId, s.advisor.userId].sort());

		const waves = await listAuditLog(testDb.db, s.admin, s.org.id, query({ kind: 'wave' }));
		expect(waves.entries.map((e) => e.action)).toEqual(['wave.close', 'wave.create']);
		const byAdmin = await listAuditLog(testDb.db, s.admin, s.org.id, query({ user: s.admin.userId }));
		expect(byAdmin.entries.map((e) => e.action)).toEqual(['organisation.settings.update']);
		// Entries are written now: a range that ends yesterday has none, one from today has all.
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
		const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		expect((await listAuditLog(testDb.db, s.admin, s.org.id, query({ to: yesterday }))).entries).toEqual([]);
		expect(
			(await listAuditLog(testDb.db, s.admin, s.org.id, query({ from: today, to: today }))).entries
		).toHaveLength(3);
	});

	it('refuses a malformed filter (400), hr and managers (403), and another organisation (404)', async () => {
		const s = await setup();
		for (const q of [
			{ kind: 'nope' },
			{ user: 'x' },
			{ from: '2026-02-30' },
			{ from: '2026-03-02', to: '2026-03-01' }
		] as Record<string, string>[]) {
			await expect(listAuditLog(testDb.db, s.admin, s.org.id, query(q))).rejects.toMatchObject({
				status: 400
			});
			await expect(auditCsv(testDb.db, s.admin, s.org.id, query(q), 'nl')).rejects.toMatchObject({
				status: 400
			});
		}
		for (const who of [s.hr, s.manager]) {
			await expect(listAuditLog(testDb.db, who, s.org.id, query())).rejects.toMatchObject({ status: 403 });
			await expect(auditCsv(testDb.db, who, s.org.id, query(), 'nl')).rejects.toMatchObject({ status: 403 });
		}
		await expect(auditCsv(testDb.db, s.otherAdmin, s.org.id, query(), 'nl')).rejects.toMatchObject({
			status: 404
		});
	});
});

describe('auditCsv', () => {
	it('exports the filtered log in the user’s language, every cell safe from formulas', async () => {
		const s = await setup();
		await addUnit(testDb.db, s.admin, s.org.id, {
			code: 'EVIL',
			name: '=HYPERLINK("http://x")',
			headcount: '4',
			parentId: s.ids.ROOT
		});
		const evil = await unitByCode(testDb.db, s.org.id, 'EVIL');
		await archiveUnit(testDb.db, s.admin, s.org.id, evil.id, TODAY);
		const { filename, csv } = await auditCsv(testDb.db, s.advisor, s.org.id, query({ kind: 'unit' }), 'fr');
		expect(filename).toBe('journal.csv');
		const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
			delimiter: ';',
			skipEmptyLines: true
		}).data;
		expect(rows[0]).toEqual(['Quand', 'Qui', 'Quoi', 'Objet', 'Détails']);
		expect(rows.slice(1).map((r) => r[2])).toEqual(['Unité archivée', 'Unité ajoutée']);
		// The unit's name starts with "=": exported with an apostrophe, never as a formula.
		expect(rows[1]![3]).toBe(`'=HYPERLINK("http://x") (EVIL)`);
		expect(rows[1]![4]).toContain('valable jusqu’au : ');
		for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
	});
});

describe('confirmations change nothing', () => {
	it('says what closing a wave will do: a band, never a count below k, and the closing date that moves', async () => {
		const s = await setup();
		const waveId = await createWave(
			testDb.db,
			s.advisor,
			s.org.id,
			waveFields(),
			[s.ids.WARD1, s.ids.WARD2],
			TODAY
		);
		const before = await waveRow(testDb.db, waveId);
		const auditBefore = await auditOf(testDb.db, s.org.id);
		const c = await waveCloseConsequences(testDb.db, s.advisor, s.org.id, waveId, TODAY);
		expect(c).toEqual({
			name: before.name,
			progress: { kind: 'belowK', k: 5 },
			k: 5,
			sensitiveK: 10,
			plannedClosesOn: before.closes_on,
			today: TODAY
		});
		expect(await waveRow(testDb.db, waveId)).toEqual(before);
		expect(await auditOf(testDb.db, s.org.id)).toEqual(auditBefore);
		// On its last day nothing moves; a closed wave has nothing to confirm.
		expect(
			(await waveCloseConsequences(testDb.db, s.advisor, s.org.id, waveId, before.closes_on))?.plannedClosesOn
		).toBeNull();
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		expect(await waveCloseConsequences(testDb.db, s.advisor, s.org.id, waveId, TODAY)).toBeNull();
		await expect(waveCloseConsequences(testDb.db, s.hr, s.org.id, waveId, TODAY)).rejects.toMatchObject({
			status: 403
		});
		await expect(
			waveCloseConsequences(testDb.db, s.otherAdmin, s.other.id, waveId, TODAY)
		).rejects.toMatchObject({ status: 404 });
	});

	it('says what archiving a unit will do, and refuses what archiving would refuse', async () => {
		const s = await setup();
		// A day after the units began (they begin on the day they are made).
		const LATER = '2099-01-01';
		const manager2 = await memberOf(testDb.db, s.n, s.org.id)('manager', s.ids.WARD2, 'second');
		const before = await unitRows(testDb.db, s.org.id);
		const auditBefore = await auditOf(testDb.db, s.org.id);
		expect(await archiveConsequences(testDb.db, s.admin, s.org.id, s.ids.WARD2, LATER)).toEqual({
			unitId: s.ids.WARD2,
			name: 'Unit WARD2',
			code: 'WARD2',
			validTo: LATER,
			managers: 2
		});
		expect(await archiveConsequences(testDb.db, s.admin, s.org.id, s.ids.WARD1, LATER)).toMatchObject({
			managers: 0
		});
		await expectProblem(
			archiveConsequences(testDb.db, s.admin, s.org.id, s.ids.ROOT, LATER),
			'unit',
			'units.hasActiveChildren'
		);
		expect(await unitRows(testDb.db, s.org.id)).toEqual(before);
		expect(await auditOf(testDb.db, s.org.id)).toEqual(auditBefore);
		await expect(
			archiveConsequences(testDb.db, s.advisor, s.org.id, s.ids.WARD2, LATER)
		).rejects.toMatchObject({ status: 403 });
		await expect(
			archiveConsequences(testDb.db, s.otherAdmin, s.other.id, s.ids.WARD2, LATER)
		).rejects.toMatchObject({ status: 404 });
		void manager2;
	});
});
