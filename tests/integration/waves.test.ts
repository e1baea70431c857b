import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as realClosingDates from '../../migrations/2026-12-05-32-real-closing-dates';
import { BAROMETER } from '../../src/lib/instruments';
import {
	openQuestionnaire,
	submitResponse,
	newSubmissionNonce
} from '../../src/lib/server/barometer/participation';
import {
	createWave,
	generateCodes,
	getWaveOverview,
	hashCode,
	instrumentChoices,
	listWaves,
	saveInstrument,
	setWaveClosed
} from '../../src/lib/server/barometer/waves';
import { saveOrganisationSettings } from '../../src/lib/server/organisations/service';
import {
	BUILT_IN,
	answerFields,
	codeRows,
	everythingStored,
	ownInstrument,
	waveFields,
	waveRow,
	waveUnitRows
} from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';

const testDb = useTestDatabase();

const TODAY = '2026-03-10';
const CODE_FORMAT = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/**
 * A fresh organisation (k = 5, the default) per test with the tree
 *   ROOT > CARE > WARD1 (20 people), WARD2 (8 people)
 *   ROOT > OFFICE
 * one member of each role, and a second organisation with its own admin and unit.
 */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = await makeUnits(testDb.db, org.id, [
		['ROOT', null, 5],
		['CARE', 'ROOT', 10],
		['WARD1', 'CARE', 20],
		['WARD2', 'CARE', 8],
		['OFFICE', 'ROOT', 8]
	]);
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const otherIds = await makeUnits(testDb.db, other.id, [['ELSEWHERE', null, 3]]);
	const member = memberOf(testDb.db, n, org.id);
	return {
		org,
		ids: ids as Record<'ROOT' | 'CARE' | 'WARD1' | 'WARD2' | 'OFFICE', string>,
		other,
		otherUnitId: otherIds.ELSEWHERE!,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', ids.CARE!),
		otherAdmin: await memberOf(testDb.db, n, other.id)('admin', null, 'other')
	};
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A wave of the built-in barometer (with its module) on WARD1 and WARD2, open on TODAY. */
async function makeWave(s: Setup, fields: Record<string, string> = {}) {
	return createWave(
		testDb.db,
		s.advisor,
		s.org.id,
		waveFields({ includeModule: 'on', ...fields }),
		[s.ids.WARD1, s.ids.WARD2],
		TODAY
	);
}

function waveCount(organisationId: string) {
	return testDb.db
		.selectFrom('wave')
		.select('id')
		.where('organisation_id', '=', organisationId)
		.execute()
		.then((rows) => rows.length);
}

/** One valid submission through a unit's link. */
async function respond(waveId: string, unitId: string, today = TODAY) {
	const link = (await waveUnitRows(testDb.db, waveId)).find((u) => u.unit_id === unitId)!;
	return submitResponse(
		testDb.db,
		{ via: 'link', token: link.link_token },
		{ ...answerFields(BAROMETER, true), unitId, nonce: newSubmissionNonce() },
		today
	);
}

describe('createWave', () => {
	it('stores the definition snapshot, k frozen from the organisation, one link per unit and an audit entry', async () => {
		const s = await setup();
		const waveId = await createWave(
			testDb.db,
			s.advisor,
			s.org.id,
			waveFields({ name: '  Voorjaar  ', includeModule: 'on' }),
			[s.ids.WARD1, s.ids.WARD2, s.ids.WARD1],
			TODAY
		);

		const wave = await waveRow(testDb.db, waveId);
		expect(wave).toMatchObject({
			organisation_id: s.org.id,
			name: 'Voorjaar',
			instrument_key: BAROMETER.key,
			instrument_version: BAROMETER.version,
			include_module: true,
			language: 'nl',
			opens_on: '2026-03-01',
			closes_on: '2026-03-31',
			closed: false,
			min_group_size: 5,
			sensitive_min_group_size: 10,
			created_by: s.advisor.userId
		});
		expect(wave.definition).toEqual(BAROMETER);

		const links = await waveUnitRows(testDb.db, waveId);
		expect(links.map((l) => l.unit_id).sort()).toEqual([s.ids.WARD1, s.ids.WARD2].sort());
		for (const link of links) {
			expect(link.organisation_id).toBe(s.org.id);
			expect(link.link_token).toMatch(/^[a-z2-7]{26}$/);
		}
		expect(new Set(links.map((l) => l.link_token)).size).toBe(2);

		const audit = await auditOf(testDb.db, s.org.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'wave.create',
			actor_user_id: s.advisor.userId,
			object_type: 'wave',
			object_id: waveId
		});
		expect(audit[0]!.detail).toEqual({ name: 'Voorjaar', instrument: BUILT_IN, units: 2, entry: 'links' });
	});

	it("keeps the wave's k when the organisation's k changes afterwards", async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		await saveOrganisationSettings(testDb.db, s.admin, s.org.id, {
			name: s.org.name,
			language: 'nl',
			minGroupSize: '8',
			sensitiveMinGroupSize: '12'
		});

		expect(await waveRow(testDb.db, waveId)).toMatchObject({
			min_group_size: 5,
			sensitive_min_group_size: 10
		});
		const overview = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY);
		expect(overview.k).toBe(5);
		expect(overview.units.every((u) => u.progress?.kind === 'belowK' && u.progress.k === 5)).toBe(true);

		// A wave created after the change takes the new k.
		const later = await makeWave(s, { name: 'Najaar' });
		expect(await waveRow(testDb.db, later)).toMatchObject({
			min_group_size: 8,
			sensitive_min_group_size: 12
		});
	});

	it('lets an admin create a wave too', async () => {
		const s = await setup();
		const waveId = await createWave(testDb.db, s.admin, s.org.id, waveFields(), [s.ids.OFFICE], TODAY);
		expect(await waveRow(testDb.db, waveId)).toMatchObject({
			include_module: false,
			created_by: s.admin.userId
		});
	});

	it.each([
		['hr', 'hr', 403],
		['a manager', 'manager', 403],
		['an admin of another organisation', 'otherAdmin', 404]
	] as const)('refuses a wave by %s and stores nothing', async (_label, who, status) => {
		const s = await setup();
		await expect(
			createWave(testDb.db, s[who], s.org.id, waveFields(), [s.ids.WARD1], TODAY)
		).rejects.toMatchObject({ status });
		expect(await waveCount(s.org.id)).toBe(0);
		expect(await auditOf(testDb.db, s.org.id)).toHaveLength(0);
	});

	it('refuses a unit of another organisation', async () => {
		const s = await setup();
		await expectProblem(
			createWave(testDb.db, s.advisor, s.org.id, waveFields(), [s.ids.WARD1, s.otherUnitId], TODAY),
			'unitIds',
			'units.parentUnknown'
		);
		expect(await waveCount(s.org.id)).toBe(0);
		expect(await waveCount(s.other.id)).toBe(0);
	});

	it('refuses a closing date in the past', async () => {
		const s = await setup();
		await expectProblem(
			createWave(
				testDb.db,
				s.advisor,
				s.org.id,
				waveFields({ opensOn: '2026-03-01', closesOn: '2026-03-09' }),
				[s.ids.WARD1],
				TODAY
			),
			'closesOn',
			'waves.closesInPast'
		);
		expect(await waveCount(s.org.id)).toBe(0);
	});

	it('refuses the module for an instrument that has none', async () => {
		const s = await setup();
		const definition = ownInstrument('zonder-module', { withoutModule: true });
		await saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(definition));
		await expectProblem(
			createWave(
				testDb.db,
				s.advisor,
				s.org.id,
				waveFields({ instrument: 'zonder-module@1', includeModule: 'on' }),
				[s.ids.WARD1],
				TODAY
			),
			'includeModule',
			'waves.noModule'
		);
		expect(await waveCount(s.org.id)).toBe(0);

		// Without the module the same instrument is fine.
		const waveId = await createWave(
			testDb.db,
			s.advisor,
			s.org.id,
			waveFields({ instrument: 'zonder-module@1' }),
			[s.ids.WARD1],
			TODAY
		);
		expect((await waveRow(testDb.db, waveId)).definition).toEqual(definition);
	});

	it('refuses an instrument of another organisation', async () => {
		const s = await setup();
		await saveInstrument(testDb.db, s.otherAdmin, s.other.id, JSON.stringify(ownInstrument('van-elders')));
		await expectProblem(
			createWave(
				testDb.db,
				s.advisor,
				s.org.id,
				waveFields({ instrument: 'van-elders@1' }),
				[s.ids.WARD1],
				TODAY
			),
			'instrument',
			'waves.unknownInstrument'
		);
		expect(await waveCount(s.org.id)).toBe(0);
	});
});

describe('getWaveOverview', () => {
	it('never shows a count below k: fewer than k, then a band while open, the plan once closed', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		const overviewOf = (today = TODAY) => getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, today);
		const progressOf = async (unitId: string, today = TODAY) =>
			(await overviewOf(today)).units.find((u) => u.id === unitId)!.progress;

		expect(await progressOf(s.ids.WARD1)).toEqual({ kind: 'belowK', k: 5 });
		for (let i = 1; i <= 4; i++) {
			await respond(waveId, s.ids.WARD1);
			expect(await progressOf(s.ids.WARD1)).toEqual({ kind: 'belowK', k: 5 });
		}
		const belowK = await overviewOf();
		expect(JSON.stringify(belowK)).not.toMatch(/"count"|"n":/);

		await respond(waveId, s.ids.WARD1);
		// 5 of 20 people (20 = 4k, under 8k): the widest band, no count.
		expect(await progressOf(s.ids.WARD1)).toEqual({ kind: 'band', band: 'under50' });
		expect(await progressOf(s.ids.WARD2)).toEqual({ kind: 'belowK', k: 5 });
		expect((await overviewOf()).released).toBe(false);

		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		const closed = await overviewOf();
		const ward1 = closed.units.find((u) => u.id === s.ids.WARD1)!;
		expect(ward1.progress).toBeNull();
		expect(ward1.respondents).toMatchObject({ shown: true, n: 5, value: { rate: 0.25 } });
		// A unit the plan hides shows its reason and no number.
		expect(closed.units.find((u) => u.id === s.ids.WARD2)!.respondents).toEqual({
			shown: false,
			reason: 'below-k'
		});
		expect(closed.organisation).toMatchObject({ shown: true, n: 5 });
		// Showing participation released the wave.
		expect(closed.released).toBe(true);
	});

	it('shows participation through the plan once the closing date has passed', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		for (let i = 0; i < 6; i++) await respond(waveId, s.ids.WARD2);
		const open = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY);
		expect(open.status).toBe('open');
		// 8 people, fewer than 4k: no band that would narrow the count.
		expect(open.units.find((u) => u.id === s.ids.WARD2)!.progress).toEqual({ kind: 'atLeastK', k: 5 });
		const after = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, '2026-04-01');
		expect(after.status).toBe('closed');
		expect(after.units.find((u) => u.id === s.ids.WARD2)!.respondents).toMatchObject({
			shown: true,
			n: 6,
			value: { rate: 0.75 }
		});
	});

	it('shows no links for a wave run with personal codes, and its links take no answers', async () => {
		const s = await setup();
		const waveId = await makeWave(s, { entry: 'codes' });
		expect((await waveRow(testDb.db, waveId)).entry).toBe('codes');
		const overview = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY);
		expect(overview.entry).toBe('codes');
		expect(overview.units.every((u) => u.linkToken === null)).toBe(true);
		// The tokens exist in the database, but a link of a code wave is refused with its own message.
		await expect(respond(waveId, s.ids.WARD1)).rejects.toMatchObject({
			status: 404,
			body: { message: 'waves.linkOffCodes' }
		});
		const links = await getWaveOverview(testDb.db, s.advisor, s.org.id, await makeWave(s), TODAY);
		expect(links.entry).toBe('links');
		expect(links.units.every((u) => /^[a-z2-7]{26}$/.test(u.linkToken ?? ''))).toBe(true);
	});

	it('runs a new wave with personal codes unless links are asked for', async () => {
		const s = await setup();
		const { entry: _links, ...withoutEntry } = waveFields();
		const waveId = await createWave(testDb.db, s.advisor, s.org.id, withoutEntry, [s.ids.WARD1], TODAY);
		expect((await waveRow(testDb.db, waveId)).entry).toBe('codes');
		await expectProblem(
			createWave(testDb.db, s.advisor, s.org.id, waveFields({ entry: 'mail' }), [s.ids.WARD1], TODAY),
			'entry',
			'waves.entryUnknown'
		);
	});

	it('describes the wave with its units and links', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		const overview = await getWaveOverview(testDb.db, s.admin, s.org.id, waveId, '2026-02-01');
		const links = await waveUnitRows(testDb.db, waveId);
		expect(overview).toMatchObject({
			id: waveId,
			name: 'Voorjaar 2026',
			instrument: BUILT_IN,
			instrumentName: BAROMETER.name,
			includeModule: true,
			provisionalThresholds: true,
			opensOn: '2026-03-01',
			closesOn: '2026-03-31',
			status: 'planned',
			k: 5,
			codes: { total: 0 }
		});
		expect(overview.units.map((u) => [u.code, u.linkToken])).toEqual(
			['WARD1', 'WARD2'].map((code) => {
				const unitId = s.ids[code as 'WARD1' | 'WARD2'];
				return [code, links.find((l) => l.unit_id === unitId)!.link_token];
			})
		);
	});

	it('gives 404 for a wave of another organisation or a malformed id, 403 to hr', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		await expect(getWaveOverview(testDb.db, s.otherAdmin, s.other.id, waveId, TODAY)).rejects.toMatchObject({
			status: 404
		});
		await expect(getWaveOverview(testDb.db, s.otherAdmin, s.org.id, waveId, TODAY)).rejects.toMatchObject({
			status: 404
		});
		await expect(getWaveOverview(testDb.db, s.advisor, s.org.id, 'not-a-uuid', TODAY)).rejects.toMatchObject({
			status: 404
		});
		await expect(getWaveOverview(testDb.db, s.hr, s.org.id, waveId, TODAY)).rejects.toMatchObject({
			status: 403
		});
	});
});

describe('setWaveClosed', () => {
	it('closes an open wave and reopens it while its closing date has not passed', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		// Closed before its planned date (31 March): the wave closed today, and every page says so.
		expect(await waveRow(testDb.db, waveId)).toMatchObject({ closed: true, closes_on: TODAY });
		// The wave's state without its participation: nothing of it is shown, so nothing is final.
		const unread = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY, {
			participation: 'ifReleased'
		});
		expect(unread).toMatchObject({ status: 'closed', released: false, participationHidden: true });
		expect(unread.units.every((u) => u.respondents === null && u.progress === null)).toBe(true);

		// Reopening may give a new closing date (and must, once the closing date has passed).
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, false, { closesOn: '2026-03-31' }, TODAY);
		expect(await waveRow(testDb.db, waveId)).toMatchObject({ closed: false, closes_on: '2026-03-31' });
		expect((await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY)).status).toBe('open');

		const audit = await auditOf(testDb.db, s.org.id);
		expect(audit.slice(-2).map((a) => [a.action, a.object_id, a.actor_user_id])).toEqual([
			['wave.close', waveId, s.advisor.userId],
			['wave.reopen', waveId, s.advisor.userId]
		]);
	});

	it('refuses to reopen a wave once anything of it was shown, and does not offer it', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		for (let i = 0; i < 5; i++) await respond(waveId, s.ids.WARD1);
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		const read = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY);
		expect(read.released).toBe(true);
		const auditBefore = (await auditOf(testDb.db, s.org.id)).length;
		await expectProblem(
			setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, false, {}, TODAY),
			'wave',
			'waves.reopenReleased'
		);
		expect(await waveRow(testDb.db, waveId)).toMatchObject({ closed: true });
		expect(await auditOf(testDb.db, s.org.id)).toHaveLength(auditBefore);
		// Closing it again changes nothing: the summary stays as it was released.
		const summarised = (await waveRow(testDb.db, waveId)).summarised_at;
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		expect((await waveRow(testDb.db, waveId)).summarised_at).toEqual(summarised);
		const again = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY, {
			participation: 'ifReleased'
		});
		// Released, the wave page shows its participation without being asked.
		expect(again).toMatchObject({ released: true, participationHidden: false });
		expect(again.units.find((u) => u.id === s.ids.WARD1)!.respondents).toMatchObject({ shown: true, n: 5 });
	});

	it('reopens a wave whose closing date has passed only with a new closing date', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
		const later = '2026-04-05';
		const auditBefore = (await auditOf(testDb.db, s.org.id)).length;

		const refused: Array<Record<string, string>> = [
			{},
			{ closesOn: '' },
			{ closesOn: '2026-04-04' },
			{ closesOn: '5 mei' }
		];
		for (const fields of refused) {
			await expectProblem(
				setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, false, fields, later),
				'closesOn',
				'waves.closesInPast'
			);
		}
		expect(await waveRow(testDb.db, waveId)).toMatchObject({ closed: true, closes_on: TODAY });
		expect(await auditOf(testDb.db, s.org.id)).toHaveLength(auditBefore);

		await setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, false, { closesOn: '2026-04-30' }, later);
		expect(await waveRow(testDb.db, waveId)).toMatchObject({ closed: false, closes_on: '2026-04-30' });
		expect((await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, later)).status).toBe('open');
		const last = (await auditOf(testDb.db, s.org.id)).at(-1)!;
		expect(last).toMatchObject({ action: 'wave.reopen', object_id: waveId });
		expect(last.detail).toEqual({ before: { closesOn: TODAY }, after: { closesOn: '2026-04-30' } });
	});

	it('refuses hr (403) and another organisation (404)', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		await expect(setWaveClosed(testDb.db, s.hr, s.org.id, waveId, true, {}, TODAY)).rejects.toMatchObject({
			status: 403
		});
		await expect(
			setWaveClosed(testDb.db, s.otherAdmin, s.other.id, waveId, true, {}, TODAY)
		).rejects.toMatchObject({ status: 404 });
		expect((await waveRow(testDb.db, waveId)).closed).toBe(false);
	});
});

describe('the real-closing-dates migration', () => {
	it('gives a wave closed early before this release the day it was closed, and leaves the others', async () => {
		const s = await setup();
		const early = await makeWave(s);
		const onTime = await makeWave(s);
		const beforeOpening = await makeWave(s, { opensOn: '2026-03-12' });
		const open = await makeWave(s);
		// As an older release left them: closed, summarised, with the planned date still in closes_on.
		// 23:30 UTC on 9 March is 10 March in Belgium.
		const stamp = (at: string) => sql`${at}::timestamptz`;
		for (const [id, closed, at] of [
			[early, true, '2026-03-09T23:30:00Z'],
			[onTime, true, '2026-04-02T08:00:00Z'],
			[beforeOpening, true, '2026-03-05T10:00:00Z'],
			[open, false, null]
		] as const) {
			await sql`update wave set closed = ${closed}, summarised_at = ${at === null ? null : stamp(at)}
				where organisation_id = ${s.org.id} and id = ${id}`.execute(testDb.db);
		}
		await realClosingDates.up(testDb.db);
		const closesOn = async (id: string) => (await waveRow(testDb.db, id)).closes_on;
		expect(await closesOn(early)).toBe('2026-03-10');
		expect(await closesOn(onTime)).toBe('2026-03-31');
		// Never before the wave opened (the table keeps closes_on >= opens_on).
		expect(await closesOn(beforeOpening)).toBe('2026-03-12');
		expect(await closesOn(open)).toBe('2026-03-31');
		// Run twice, it changes nothing more.
		await realClosingDates.up(testDb.db);
		expect(await closesOn(early)).toBe('2026-03-10');
	});
});

describe('generateCodes', () => {
	it('returns N distinct codes and stores exactly their N hashes, never the codes', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		const codes = await generateCodes(testDb.db, s.advisor, s.org.id, waveId, '40');
		expect(codes).toHaveLength(40);
		expect(new Set(codes).size).toBe(40);
		for (const code of codes) expect(code).toMatch(CODE_FORMAT);

		const rows = await codeRows(testDb.db, waveId);
		expect(rows).toHaveLength(40);
		expect(rows.every((r) => r.organisation_id === s.org.id && r.keyed)).toBe(true);
		expect(rows.map((r) => r.code_hash).sort()).toEqual(codes.map(hashCode).sort());

		const stored = await everythingStored(testDb.db);
		for (const [table, text] of Object.entries(stored)) {
			for (const code of codes) {
				for (const form of [code, code.replace(/-/g, ''), code.toLowerCase()]) {
					expect(text.includes(form), `${table} holds ${form}`).toBe(false);
				}
			}
		}

		const last = (await auditOf(testDb.db, s.org.id)).at(-1)!;
		expect(last).toMatchObject({ action: 'wave.codes', object_id: waveId });
		expect(last.detail).toEqual({ count: 40 });
		const overview = await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY);
		expect(overview.codes).toEqual({ total: 40 });
	});

	it('adds a second batch next to the first', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		const first = await generateCodes(testDb.db, s.advisor, s.org.id, waveId, '3');
		const second = await generateCodes(testDb.db, s.advisor, s.org.id, waveId, '2');
		expect(new Set([...first, ...second]).size).toBe(5);
		expect(await codeRows(testDb.db, waveId)).toHaveLength(5);
	});

	it.each(['0', '5001', '', '-1', '2.5', 'tien'])(
		'refuses the count %j and stores nothing',
		async (count) => {
			const s = await setup();
			const waveId = await makeWave(s);
			await expectProblem(
				generateCodes(testDb.db, s.advisor, s.org.id, waveId, count),
				'count',
				'waves.codeCount'
			);
			expect(await codeRows(testDb.db, waveId)).toHaveLength(0);
		}
	);

	it('refuses hr (403) and another organisation (404)', async () => {
		const s = await setup();
		const waveId = await makeWave(s);
		await expect(generateCodes(testDb.db, s.hr, s.org.id, waveId, '1')).rejects.toMatchObject({
			status: 403
		});
		await expect(generateCodes(testDb.db, s.otherAdmin, s.other.id, waveId, '1')).rejects.toMatchObject({
			status: 404
		});
		expect(await codeRows(testDb.db, waveId)).toHaveLength(0);
	});
});

describe('saveInstrument', () => {
	function instrumentRows(organisationId: string) {
		return testDb.db
			.selectFrom('instrument')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('key')
			.orderBy('version')
			.execute();
	}

	it('stores a valid own instrument and offers it for waves', async () => {
		const s = await setup();
		const definition = ownInstrument('eigen-barometer', {
			change: (d) => {
				d.items[0]!.text = { nl: 'Eigen vraag', fr: 'Question propre', en: 'Own question' };
			}
		});
		expect(await saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(definition))).toEqual({
			key: 'eigen-barometer',
			version: 1
		});
		const rows = await instrumentRows(s.org.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			key: 'eigen-barometer',
			version: 1,
			created_by: s.advisor.userId
		});
		expect(rows[0]!.definition).toEqual(definition);
		expect((await auditOf(testDb.db, s.org.id)).at(-1)).toMatchObject({
			action: 'instrument.create',
			object_type: 'instrument',
			object_id: 'eigen-barometer@1'
		});

		const choices = await instrumentChoices(testDb.db, s.org.id);
		expect(choices.map((c) => [c.value, c.builtIn, c.hasModule])).toEqual([
			[BUILT_IN, true, true],
			['eigen-barometer@1', false, true]
		]);
		// Not offered to another organisation.
		expect((await instrumentChoices(testDb.db, s.other.id)).map((c) => c.value)).toEqual([BUILT_IN]);
	});

	it.each(['{"key": ', '', 'not json at all'])('refuses %j as not JSON', async (json) => {
		const s = await setup();
		await expectProblem(
			saveInstrument(testDb.db, s.advisor, s.org.id, json),
			'definition',
			'instrument.notJson'
		);
		expect(await instrumentRows(s.org.id)).toHaveLength(0);
	});

	it('refuses a broken definition with the key and path of its first problem', async () => {
		const s = await setup();
		const broken = ownInstrument('kapot', {
			change: (d) => {
				d.items[3]!.text.fr = '';
			}
		});
		const promise = saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(broken));
		await expectProblem(promise, 'definition', 'instrument.notText');
		await expect(promise).rejects.toMatchObject({
			problems: { definition: { params: { path: 'items[3].text.fr', count: 1 } } }
		});

		const twice = ownInstrument('kapot', {
			version: 0,
			change: (d) => {
				d.items[3]!.text.fr = '';
			}
		});
		const second = saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(twice));
		await expectProblem(second, 'definition', 'instrument.version');
		await expect(second).rejects.toMatchObject({
			problems: { definition: { params: { path: 'version', count: 2 } } }
		});
		expect(await instrumentRows(s.org.id)).toHaveLength(0);
	});

	it('refuses the key of the built-in instrument', async () => {
		const s = await setup();
		const copy = ownInstrument(BAROMETER.key, { version: 2 });
		await expectProblem(
			saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(copy)),
			'definition',
			'instrument.builtInKey'
		);
		expect(await instrumentRows(s.org.id)).toHaveLength(0);
	});

	it('refuses the same key and version twice, accepts a new version', async () => {
		const s = await setup();
		const v1 = ownInstrument('eigen');
		await saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(v1));
		const changed = ownInstrument('eigen', {
			change: (d) => {
				d.name.nl = 'Anders';
			}
		});
		const promise = saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(changed));
		await expectProblem(promise, 'definition', 'instrument.versionExists');
		await expect(promise).rejects.toMatchObject({ problems: { definition: { params: { version: 1 } } } });
		expect((await instrumentRows(s.org.id))[0]!.definition).toEqual(v1);

		// The same key and version in another organisation is that organisation's business.
		await saveInstrument(testDb.db, s.otherAdmin, s.other.id, JSON.stringify(v1));
		await saveInstrument(
			testDb.db,
			s.advisor,
			s.org.id,
			JSON.stringify(ownInstrument('eigen', { version: 2 }))
		);
		expect((await instrumentRows(s.org.id)).map((r) => r.version)).toEqual([1, 2]);
	});

	it('refuses hr (403), a manager (403) and another organisation (404)', async () => {
		const s = await setup();
		const json = JSON.stringify(ownInstrument('eigen'));
		await expect(saveInstrument(testDb.db, s.hr, s.org.id, json)).rejects.toMatchObject({ status: 403 });
		await expect(saveInstrument(testDb.db, s.manager, s.org.id, json)).rejects.toMatchObject({ status: 403 });
		await expect(saveInstrument(testDb.db, s.otherAdmin, s.org.id, json)).rejects.toMatchObject({
			status: 404
		});
		expect(await instrumentRows(s.org.id)).toHaveLength(0);
	});

	it('leaves a wave on its definition when a new version of the instrument is loaded', async () => {
		const s = await setup();
		const v1 = ownInstrument('eigen', {
			change: (d) => {
				d.items[0]!.text = { nl: 'Versie een', fr: 'Version un', en: 'Version one' };
			}
		});
		await saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(v1));
		const waveId = await createWave(
			testDb.db,
			s.advisor,
			s.org.id,
			waveFields({ instrument: 'eigen@1' }),
			[s.ids.WARD1],
			TODAY
		);
		const v2 = ownInstrument('eigen', {
			version: 2,
			change: (d) => {
				d.items[0]!.text = { nl: 'Versie twee', fr: 'Version deux', en: 'Version two' };
				d.items.splice(1, 1);
			}
		});
		await saveInstrument(testDb.db, s.advisor, s.org.id, JSON.stringify(v2));

		const wave = await waveRow(testDb.db, waveId);
		expect(wave).toMatchObject({ instrument_key: 'eigen', instrument_version: 1 });
		expect(wave.definition).toEqual(v1);
		const link = (await waveUnitRows(testDb.db, waveId))[0]!;
		const questionnaire = await openQuestionnaire(testDb.db, { via: 'link', token: link.link_token }, TODAY);
		expect(questionnaire.items).toHaveLength(v1.items.length);
		expect(questionnaire.items[0]!.text.nl).toBe('Versie een');
		expect((await getWaveOverview(testDb.db, s.advisor, s.org.id, waveId, TODAY)).instrument).toBe('eigen@1');
	});
});

describe('listWaves', () => {
	it("lists the organisation's waves with their status, newest opening first", async () => {
		const s = await setup();
		const spring = await makeWave(s);
		const autumn = await makeWave(s, { name: 'Najaar', opensOn: '2026-09-01', closesOn: '2026-09-30' });
		await createWave(testDb.db, s.otherAdmin, s.other.id, waveFields(), [s.otherUnitId], TODAY);
		const waves = await listWaves(testDb.db, s.advisor, s.org.id, TODAY);
		expect(waves.map((w) => [w.id, w.instrument, w.includeModule, w.status])).toEqual([
			[autumn, BUILT_IN, true, 'planned'],
			[spring, BUILT_IN, true, 'open']
		]);
		await expect(listWaves(testDb.db, s.manager, s.org.id, TODAY)).rejects.toMatchObject({ status: 403 });
	});
});

describe('hashCode', () => {
	it('is a stable hex SHA-256 that differs per code', () => {
		expect(hashCode('ABCD-EFGH-JKLM')).toMatch(/^[0-9a-f]{64}$/);
		expect(hashCode('ABCD-EFGH-JKLM')).toBe(hashCode('ABCD-EFGH-JKLM'));
		expect(hashCode('ABCD-EFGH-JKLM')).not.toBe(hashCode('ABCD-EFGH-JKLN'));
	});
});
