import { isHttpError } from '@sveltejs/kit';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/lib/domain/scoring';
import { ValidationError } from '../../src/lib/domain/validation';
import { BAROMETER, dimensionsOf, itemsOf } from '../../src/lib/instruments';
import {
	claimHash,
	newSubmissionNonce,
	openCode,
	openQuestionnaire,
	submitResponse,
	type Entry
} from '../../src/lib/server/barometer/participation';
import {
	createWave,
	generateCodes,
	hashCode,
	plainCodeHash,
	setWaveClosed
} from '../../src/lib/server/barometer/waves';
import { sha256Hex } from '../../src/lib/server/crypto';
import {
	getOrganisationContacts,
	saveOrganisationContacts
} from '../../src/lib/server/organisations/service';
import { countCodes } from '../../src/lib/server/barometer/queries';
import {
	answerFields,
	answersOf,
	codeRows,
	columnsOf,
	everythingStored,
	responsesOf,
	submissionCounts,
	waveFields,
	waveUnitRows
} from '../helpers/barometer';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeMember, makeOrganisation, makeUnits, nextNumber } from '../helpers/factories';

const testDb = useTestDatabase();

const TODAY = '2026-03-10';
const RESPONSE_COLUMNS = [
	'answers',
	'id',
	'instrument_version',
	'organisation_id',
	'scores',
	'unit_id',
	'via',
	'wave_id'
];
const SEALED_COLUMNS = ['id', 'organisation_id', 'sealed', 'unit_id', 'via', 'wave_id'];
const MODULE_ITEM = BAROMETER.module!.items[0]!.id;

/**
 * A fresh organisation per test with units ROOT > A, B, C; the wave under test (the barometer with
 * its module, open 2026-03-01 to 2026-03-31) covers A and B; a second wave without the module
 * covers C; a second organisation has its own wave on its unit X.
 */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = (await makeUnits(testDb.db, org.id, [
		['ROOT', null, 3],
		['A', 'ROOT', 10],
		['B', 'ROOT', 12],
		['C', 'ROOT', 7]
	])) as Record<'ROOT' | 'A' | 'B' | 'C', string>;
	const advisor = await makeMember(testDb.db, {
		email: `advisor-${n}@example.test`,
		organisationId: org.id,
		role: 'advisor'
	});
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const { X } = await makeUnits(testDb.db, other.id, [['X', null, 9]]);
	const otherAdmin = await makeMember(testDb.db, {
		email: `other-${n}@example.test`,
		organisationId: other.id,
		role: 'admin'
	});
	const waveId = await createWave(
		testDb.db,
		advisor,
		org.id,
		waveFields({ includeModule: 'on', entry: 'links' }),
		[ids.A, ids.B],
		TODAY
	);
	const plainWaveId = await createWave(
		testDb.db,
		advisor,
		org.id,
		waveFields({ name: 'Zonder module', entry: 'links' }),
		[ids.C],
		TODAY
	);
	const otherWaveId = await createWave(
		testDb.db,
		otherAdmin,
		other.id,
		waveFields({ entry: 'links' }),
		[X!],
		TODAY
	);
	const linkOf = async (wave: string, unitId: string): Promise<Entry> => ({
		via: 'link',
		token: (await waveUnitRows(testDb.db, wave)).find((u) => u.unit_id === unitId)!.link_token
	});
	return {
		org,
		ids,
		advisor,
		other,
		otherUnitId: X!,
		waveId,
		plainWaveId,
		otherWaveId,
		linkA: await linkOf(waveId, ids.A),
		linkC: await linkOf(plainWaveId, ids.C),
		linkX: await linkOf(otherWaveId, X!)
	};
}

/** A complete, valid form for the wave with the module, for `unitId`, with a fresh nonce. */
function validForm(unitId: string, includeModule = true): Record<string, string> {
	return { ...answerFields(BAROMETER, includeModule), unitId, nonce: newSubmissionNonce() };
}

/** Codes for the wave, issued by its advisor. */
async function codesFor(s: Awaited<ReturnType<typeof setup>>, count: number) {
	return generateCodes(testDb.db, s.advisor, s.org.id, s.waveId, String(count));
}

/** Whether a code is still there to be opened. */
async function codeLeft(waveId: string, code: string) {
	return (await codeRows(testDb.db, waveId)).some((r) => r.code_hash === hashCode(code));
}

/** Opens a code as the code form does and comes in with its claim. */
async function opened(code: string, today = TODAY): Promise<Entry> {
	const { claim } = await openCode(testDb.db, code, today);
	return { via: 'code', claim };
}

async function claimLeft(entry: Entry) {
	if (entry.via !== 'code') throw new Error('not a claim');
	const row = await testDb.db
		.selectFrom('response_claim')
		.select('wave_id')
		.where('claim_hash', '=', claimHash(entry.claim))
		.executeTakeFirst();
	return Boolean(row);
}

function closeWave(s: Setup, waveId = s.waveId) {
	return setWaveClosed(testDb.db, s.advisor, s.org.id, waveId, true, {}, TODAY);
}

describe('submitResponse through a unit link', () => {
	it('stores exactly one sealed response, readable only with the secret, and mixes it in at close', async () => {
		const s = await setup();
		const before = await submissionCounts(testDb.db);
		const form = validForm(s.ids.A);
		const result = await submitResponse(testDb.db, s.linkA, form, TODAY);
		expect(result.stored).toBe(true);
		expect(result.waveId).toBe(s.waveId);

		// While the wave takes answers: one sealed row, nothing in response.
		const sealed = await testDb.db
			.selectFrom('response_sealed')
			.selectAll()
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(sealed).toHaveLength(1);
		expect(Object.keys(sealed[0]!).sort()).toEqual(SEALED_COLUMNS);
		expect(await columnsOf(testDb.db, 'response_sealed')).toEqual(SEALED_COLUMNS);
		expect(sealed[0]).toMatchObject({
			organisation_id: s.org.id,
			wave_id: s.waveId,
			unit_id: s.ids.A,
			via: 'link'
		});
		const bytes = Buffer.from(sealed[0]!.sealed).toString('latin1');
		expect(bytes).not.toContain(BAROMETER.items[0]!.id);
		expect(
			await testDb.db.selectFrom('response').selectAll().where('wave_id', '=', s.waveId).execute()
		).toEqual([]);

		const answers = answersOf(form);
		expect(Object.keys(answers)).toHaveLength(itemsOf(BAROMETER, true).length);
		const expected = scoreAnswers(BAROMETER, answers, true);
		const scores = Object.fromEntries(expected.map((r) => [r.dimension, r.score]));
		expect(await responsesOf(testDb.db, s.waveId)).toEqual([
			{
				organisation_id: s.org.id,
				wave_id: s.waveId,
				unit_id: s.ids.A,
				via: 'link',
				instrument_version: BAROMETER.version,
				answers,
				scores,
				sealed: true
			}
		]);
		expect(await submissionCounts(testDb.db)).toEqual({
			responses: before.responses + 1,
			receipts: before.receipts + 1
		});
		// The receipt keeps a hash of the nonce, not the nonce.
		const receipts = await testDb.db
			.selectFrom('submission_receipt')
			.selectAll()
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(receipts).toHaveLength(1);
		expect(JSON.stringify(receipts)).not.toContain(form.nonce);

		// Closing opens it into response, with a fresh random id and no date.
		await closeWave(s);
		expect(
			await testDb.db.selectFrom('response_sealed').selectAll().where('wave_id', '=', s.waveId).execute()
		).toEqual([]);
		const rows = await testDb.db.selectFrom('response').selectAll().where('wave_id', '=', s.waveId).execute();
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0]!).sort()).toEqual(RESPONSE_COLUMNS);
		expect(await columnsOf(testDb.db, 'response')).toEqual(RESPONSE_COLUMNS);
		expect(rows[0]).toMatchObject({
			unit_id: s.ids.A,
			via: 'link',
			instrument_version: BAROMETER.version,
			answers,
			scores
		});
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(rows[0]!.id).not.toBe(sealed[0]!.id);
	});

	it('returns every dimension of the wave with its score and band', async () => {
		const s = await setup();
		const form = validForm(s.ids.A);
		const result = await submitResponse(testDb.db, s.linkA, form, TODAY);
		const dimensions = dimensionsOf(BAROMETER, true);
		expect(result.provisionalThresholds).toBe(true);
		expect(result.results.map((r) => r.dimension)).toEqual(dimensions.map((d) => d.id));
		const expected = scoreAnswers(BAROMETER, answersOf(form), true);
		result.results.forEach((r, i) => {
			const d = dimensions[i]!;
			expect(r).toEqual({
				...expected[i]!,
				name: d.name,
				description: d.description,
				riskWhen: d.bands.riskWhen
			});
			expect(r.score).toBeTypeOf('number');
			expect(r.score).toBeGreaterThanOrEqual(0);
			expect(r.score).toBeLessThanOrEqual(100);
			expect(['green', 'orange', 'red']).toContain(r.band);
		});
	});

	it('stores nothing new when the same form comes again with the same nonce', async () => {
		const s = await setup();
		const form = validForm(s.ids.A);
		const first = await submitResponse(testDb.db, s.linkA, form, TODAY);
		const counts = await submissionCounts(testDb.db);
		const again = await submitResponse(testDb.db, s.linkA, { ...form }, TODAY);
		expect(again.stored).toBe(false);
		expect(again.results).toEqual(first.results);
		expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(1);
		expect(await submissionCounts(testDb.db)).toEqual(counts);
	});

	it('stores the unit the respondent chose instead of the one of the link', async () => {
		const s = await setup();
		await submitResponse(testDb.db, s.linkA, validForm(s.ids.B), TODAY);
		expect((await responsesOf(testDb.db, s.waveId)).map((r) => r.unit_id)).toEqual([s.ids.B]);
	});

	it.each([' 3 ', '+3', '03'])(
		'refuses the answer %j, which no option sends, and stores nothing',
		async (value) => {
			const s = await setup();
			const form = { ...validForm(s.ids.A), [`q_${MODULE_ITEM}`]: value };
			const counts = await submissionCounts(testDb.db);
			await expect(submitResponse(testDb.db, s.linkA, form, TODAY)).rejects.toSatisfy(
				(e) => e instanceof ValidationError && Object.keys(e.problems).join() === `q_${MODULE_ITEM}`
			);
			expect(await responsesOf(testDb.db, s.waveId)).toEqual([]);
			expect(await submissionCounts(testDb.db)).toEqual(counts);
		}
	);
});

describe('openCode', () => {
	it('deletes the code row and makes a claim: the code is gone, only a hash of the claim is kept', async () => {
		const s = await setup();
		const [code, spare] = await codesFor(s, 2);
		const { claim, waveId } = await openCode(testDb.db, code!, TODAY);
		expect(waveId).toBe(s.waveId);
		expect(claim).toMatch(/^[a-z2-7]{32}$/);
		expect(await codeLeft(s.waveId, code!)).toBe(false);
		expect(await codeLeft(s.waveId, spare!)).toBe(true);
		const claims = await testDb.db
			.selectFrom('response_claim')
			.selectAll()
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(claims).toEqual([{ organisation_id: s.org.id, wave_id: s.waveId, claim_hash: claimHash(claim) }]);
		expect(JSON.stringify(await everythingStored(testDb.db))).not.toContain(claim);
	});

	it('gives one answer for an unknown, an opened and a used code, and for a code of a closed wave', async () => {
		const s = await setup();
		const [openedCode, usedCode, unusedOfClosed] = await codesFor(s, 3);
		await opened(openedCode!);
		await submitResponse(testDb.db, await opened(usedCode!), validForm(s.ids.A), TODAY);
		const answers = [];
		for (const code of [openedCode!, usedCode!, 'ABCD-EFGH-JKLM', 'abc', 'ABCD-EFGH-JKL0']) {
			answers.push(await openCode(testDb.db, code, TODAY).catch((e: unknown) => e));
		}
		await closeWave(s);
		answers.push(await openCode(testDb.db, unusedOfClosed!, TODAY).catch((e: unknown) => e));
		answers.push(await openCode(testDb.db, openedCode!, TODAY).catch((e: unknown) => e));
		for (const answer of answers) {
			expect(answer).toBeInstanceOf(ValidationError);
			expect((answer as ValidationError).problems).toEqual({ code: { key: 'barometer.codeInvalid' } });
		}
		// A code of a closed wave is refused without being used up: reopening the wave revives it.
		expect(await codeLeft(s.waveId, unusedOfClosed!)).toBe(true);
	});

	it('says so for a code of a wave that has not opened yet, and keeps it', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		await expectProblem(openCode(testDb.db, code!, '2026-02-20'), 'code', 'barometer.notYetOpen');
		expect(await codeLeft(s.waveId, code!)).toBe(true);
		await opened(code!, '2026-03-01');
		expect(await codeLeft(s.waveId, code!)).toBe(false);
	});

	it('accepts a code typed in lower case with spaces', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const entry = await opened(`  ${code!.toLowerCase().replace(/-/g, ' ')} `);
		expect((await submitResponse(testDb.db, entry, validForm(s.ids.A), TODAY)).stored).toBe(true);
		expect(await codeLeft(s.waveId, code!)).toBe(false);
	});

	it('stores codes keyed with the server secret, and still opens codes stored with the plain hash', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const [row] = await codeRows(testDb.db, s.waveId);
		expect(row).toMatchObject({ code_hash: hashCode(code!), keyed: true });
		expect(row!.code_hash).not.toBe(plainCodeHash(code!));
		expect(row!.code_hash).not.toBe(sha256Hex(code!));
		// A code handed out before codes were keyed.
		const legacy = 'ABCD-EFGH-JKMN';
		await testDb.db
			.insertInto('wave_code')
			.values({
				organisation_id: s.org.id,
				wave_id: s.waveId,
				code_hash: plainCodeHash(legacy),
				keyed: false
			})
			.execute();
		expect((await openCode(testDb.db, legacy.toLowerCase(), TODAY)).waveId).toBe(s.waveId);
		// A keyed row is not opened by its plain hash's code and the other way round.
		await testDb.db
			.insertInto('wave_code')
			.values({
				organisation_id: s.org.id,
				wave_id: s.waveId,
				code_hash: plainCodeHash('ABCD-EFGH-JKMP'),
				keyed: true
			})
			.execute();
		await expectProblem(openCode(testDb.db, 'ABCD-EFGH-JKMP', TODAY), 'code', 'barometer.codeInvalid');
	});

	it('counts the codes issued, not the rows left, for the wave page', async () => {
		const s = await setup();
		const codes = await codesFor(s, 4);
		await codesFor(s, 2);
		await opened(codes[0]!);
		expect(await countCodes(testDb.db, s.org.id, s.waveId)).toBe(6);
		expect(await codeRows(testDb.db, s.waveId)).toHaveLength(5);
	});

	it('stores codes in an order unrelated to the list handed out', async () => {
		const s = await setup();
		const codes = await codesFor(s, 200);
		const { rows } = await sql<{ code_hash: string }>`
			select code_hash from wave_code where wave_id = ${s.waveId} order by ctid`.execute(testDb.db);
		const position = new Map(codes.map((c, i) => [hashCode(c), i]));
		const order = rows.map((r) => position.get(r.code_hash)!);
		expect(order).toHaveLength(200);
		// Rank correlation between list order and physical order: near 0 (|rho| < 0.3 by far).
		const n = order.length;
		const d2 = order.reduce((sum, p, i) => sum + (p - i) ** 2, 0);
		expect(Math.abs(1 - (6 * d2) / (n * (n * n - 1)))).toBeLessThan(0.3);
	});
});

describe('submitResponse with a personal code', () => {
	it('stores one response and uses the claim up', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const entry = await opened(code!);
		const q = await openQuestionnaire(testDb.db, entry, TODAY);
		expect(q).toMatchObject({ waveId: s.waveId, unitId: null, answeredHere: false });
		const first = await submitResponse(testDb.db, entry, validForm(s.ids.B), TODAY);
		expect(first.stored).toBe(true);
		expect(await claimLeft(entry)).toBe(false);
		expect((await responsesOf(testDb.db, s.waveId)).map((r) => [r.unit_id, r.via])).toEqual([
			[s.ids.B, 'code']
		]);

		const counts = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, entry, validForm(s.ids.B), TODAY),
			'code',
			'barometer.codeInvalid'
		);
		await expectProblem(openQuestionnaire(testDb.db, entry, TODAY), 'code', 'barometer.codeInvalid');
		expect(await submissionCounts(testDb.db)).toEqual(counts);
	});

	it('keeps no reference to the code or the claim in anything it stores', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const codeHash = hashCode(code!);
		const entry = await opened(code!);
		await submitResponse(testDb.db, entry, validForm(s.ids.A), TODAY);
		await closeWave(s);
		const claim = entry.via === 'code' ? entry.claim : '';
		const stored = JSON.stringify(await everythingStored(testDb.db));
		for (const form of [
			code!,
			code!.replace(/-/g, ''),
			code!.toLowerCase(),
			codeHash,
			plainCodeHash(code!),
			claim,
			claimHash(claim)
		]) {
			expect(stored).not.toContain(form);
		}
	});

	it('gives the result again for the same form after the claim was used and the wave closed', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const entry = await opened(code!);
		const form = validForm(s.ids.A);
		const first = await submitResponse(testDb.db, entry, form, TODAY);
		const again = await submitResponse(testDb.db, entry, form, TODAY);
		expect(again).toEqual({ ...first, stored: false });
		await closeWave(s);
		const counts = await submissionCounts(testDb.db);
		const late = await submitResponse(testDb.db, entry, form, '2026-04-02');
		expect(late).toEqual({ ...first, stored: false });
		expect(await submissionCounts(testDb.db)).toEqual(counts);
	});

	it('refuses a claim that is not one and stores nothing', async () => {
		const s = await setup();
		const before = await submissionCounts(testDb.db);
		for (const claim of ['', 'abc', 'a'.repeat(32)]) {
			await expectProblem(
				submitResponse(testDb.db, { via: 'code', claim }, validForm(s.ids.A), TODAY),
				'code',
				'barometer.codeInvalid'
			);
		}
		expect(await submissionCounts(testDb.db)).toEqual(before);
	});
});

describe('asking a code costs the code (generated)', () => {
	type Status = 'unused' | 'opened' | 'used' | 'unknown';
	it('answers every probe of a code that is not unused the same way, and a probe of an unused one uses it up', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.constantFrom<Status>('unused', 'opened', 'used', 'unknown'), {
					minLength: 1,
					maxLength: 6
				}),
				async (statuses) => {
					const s = await setup();
					const codes = await codesFor(s, statuses.length);
					const owners: Array<Entry | null> = [];
					for (const [i, status] of statuses.entries()) {
						if (status === 'unknown') codes[i] = `ZZZZ-ZZZZ-ZZ${'23456789'[i]}${'23456789'[i]}`;
						const entry = status === 'opened' || status === 'used' ? await opened(codes[i]!) : null;
						if (status === 'used') await submitResponse(testDb.db, entry!, validForm(s.ids.A), TODAY);
						owners.push(status === 'opened' ? entry : null);
					}
					// The insider probes every code of the list.
					const probes = [];
					for (const code of codes)
						probes.push(await openCode(testDb.db, code, TODAY).catch((e: unknown) => e));
					for (const [i, status] of statuses.entries()) {
						const probe = probes[i];
						if (status === 'unused') {
							expect(probe).toMatchObject({ waveId: s.waveId });
							// The owner finds it used on entry, and is told what to do.
							await expectProblem(openCode(testDb.db, codes[i]!, TODAY), 'code', 'barometer.codeInvalid');
						} else {
							expect(probe).toBeInstanceOf(ValidationError);
							expect((probe as ValidationError).problems).toEqual({ code: { key: 'barometer.codeInvalid' } });
						}
						// An owner who opened the code in their browser still answers with it.
						const owner = owners[i];
						if (owner)
							expect((await submitResponse(testDb.db, owner, validForm(s.ids.B), TODAY)).stored).toBe(true);
					}
				}
			),
			{ numRuns: 12 }
		);
	});

	it('lets one of two browsers opening the same code at once have it', async () => {
		const s = await setup();
		for (const code of await codesFor(s, 4)) {
			const outcomes = await Promise.allSettled([
				openCode(testDb.db, code, TODAY),
				openCode(testDb.db, code, TODAY)
			]);
			expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		}
		const { rows } = await sql<{ n: number }>`
			select count(*)::int as n from response_claim where wave_id = ${s.waveId}`.execute(testDb.db);
		expect(rows[0]!.n).toBe(4);
	});
});

describe('link answers', () => {
	it('refuses answers for a unit beyond its headcount, and any for a unit without one', async () => {
		const s = await setup();
		await testDb.db.updateTable('unit').set({ headcount: 3 }).where('id', '=', s.ids.A).execute();
		for (let i = 0; i < 3; i++) {
			expect((await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY)).stored).toBe(true);
		}
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY),
			'unitId',
			'barometer.linkFull'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
		// Codes still answer for the unit: the cap is on link answers only.
		const [code] = await codesFor(s, 1);
		expect((await submitResponse(testDb.db, await opened(code!), validForm(s.ids.A), TODAY)).stored).toBe(
			true
		);

		for (const headcount of [null, 0]) {
			await testDb.db.updateTable('unit').set({ headcount }).where('id', '=', s.ids.B).execute();
			await expectProblem(
				submitResponse(testDb.db, s.linkA, validForm(s.ids.B), TODAY),
				'unitId',
				'barometer.linkNoHeadcount'
			);
		}
	});

	it('counts link answers already mixed in: a reopened wave does not refill the unit', async () => {
		const s = await setup();
		await testDb.db.updateTable('unit').set({ headcount: 2 }).where('id', '=', s.ids.A).execute();
		await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY);
		await closeWave(s);
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, false, {}, TODAY);
		await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY);
		await expectProblem(
			submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY),
			'unitId',
			'barometer.linkFull'
		);
		await closeWave(s);
		const rows = await responsesOf(testDb.db, s.waveId);
		expect(rows.map((r) => [r.unit_id, r.via, r.sealed])).toEqual([
			[s.ids.A, 'link', false],
			[s.ids.A, 'link', false]
		]);
		expect((await waveUnitRows(testDb.db, s.waveId)).find((u) => u.unit_id === s.ids.A)!.link_answers).toBe(
			2
		);
	});

	it('lets exactly one of several submissions at once take the last place', async () => {
		const s = await setup();
		for (let round = 1; round <= 3; round++) {
			await testDb.db.updateTable('unit').set({ headcount: round }).where('id', '=', s.ids.A).execute();
			const outcomes = await Promise.allSettled(
				Array.from({ length: 4 }, () => submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY))
			);
			expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
			for (const o of outcomes.filter((o) => o.status === 'rejected'))
				expect(o.reason).toMatchObject({ problems: { unitId: { key: 'barometer.linkFull' } } });
			expect((await responsesOf(testDb.db, s.waveId)).filter((r) => r.unit_id === s.ids.A)).toHaveLength(
				round
			);
		}
	});

	it('refuses a second link answer from the same browser, but gives a retry its result', async () => {
		const s = await setup();
		const form = validForm(s.ids.A);
		const first = await submitResponse(testDb.db, s.linkA, form, TODAY);
		const browser: Entry = { ...s.linkA, answeredWaves: new Set([s.waveId]) } as Entry;
		expect((await openQuestionnaire(testDb.db, browser, TODAY)).answeredHere).toBe(true);
		expect((await openQuestionnaire(testDb.db, s.linkA, TODAY)).answeredHere).toBe(false);
		expect(await submitResponse(testDb.db, browser, form, TODAY)).toEqual({ ...first, stored: false });
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, browser, validForm(s.ids.A), TODAY),
			'form',
			'barometer.linkAnsweredHere'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
		// Another wave's link from the same browser is not concerned.
		const other: Entry = { ...s.linkC, answeredWaves: new Set([s.waveId]) } as Entry;
		expect((await submitResponse(testDb.db, other, validForm(s.ids.C, false), TODAY)).stored).toBe(true);
	});
});

describe('submitResponse refused by the wave', () => {
	it.each([
		['after the closing date', '2026-04-01', false, 'barometer.closed'],
		['before the opening date', '2026-02-28', false, 'barometer.notYetOpen'],
		['when closed by hand', TODAY, true, 'barometer.closed']
	] as const)('refuses %s and stores nothing', async (_label, today, closeByHand, key) => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const entry = await opened(code!);
		if (closeByHand) await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		const before = await submissionCounts(testDb.db);
		await expectProblem(submitResponse(testDb.db, s.linkA, validForm(s.ids.A), today), 'wave', key);
		await expectProblem(submitResponse(testDb.db, entry, validForm(s.ids.A), today), 'wave', key);
		expect(await submissionCounts(testDb.db)).toEqual(before);
		expect(await claimLeft(entry)).toBe(true);
	});

	it('takes answers on the opening and the closing date', async () => {
		const s = await setup();
		for (const today of ['2026-03-01', '2026-03-31']) {
			expect((await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), today)).stored).toBe(true);
		}
		expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(2);
	});
});

type Setup = Awaited<ReturnType<typeof setup>>;
const firstItem = BAROMETER.items[0]!.id;
const thirdItem = BAROMETER.items[2]!.id;

describe('submitResponse refuses bad input and stores nothing', () => {
	const cases: Array<
		[string, (s: Setup) => { entry: Entry; fields: Record<string, string> }, string, string]
	> = [
		[
			'a missing answer',
			(s) => {
				const fields = validForm(s.ids.A);
				delete fields[`q_${thirdItem}`];
				return { entry: s.linkA, fields };
			},
			`q_${thirdItem}`,
			'answer.missing'
		],
		[
			'an empty answer',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), [`q_${thirdItem}`]: ' ' } }),
			`q_${thirdItem}`,
			'answer.missing'
		],
		[
			'a value above the scale',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), [`q_${firstItem}`]: '6' } }),
			`q_${firstItem}`,
			'answer.outOfRange'
		],
		[
			'a value below the scale',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), [`q_${firstItem}`]: '0' } }),
			`q_${firstItem}`,
			'answer.outOfRange'
		],
		[
			'a fraction',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), [`q_${firstItem}`]: '2.5' } }),
			`q_${firstItem}`,
			'answer.outOfRange'
		],
		[
			'text instead of a number',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), [`q_${firstItem}`]: 'vaak' } }),
			`q_${firstItem}`,
			'answer.notANumber'
		],
		[
			'an unknown extra item',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), 'q_not-an-item': '3' } }),
			'q_not-an-item',
			'answer.unknownItem'
		],
		[
			'a module item when the wave excludes the module',
			(s) => ({ entry: s.linkC, fields: validForm(s.ids.C, true) }),
			`q_${MODULE_ITEM}`,
			'answer.unknownItem'
		],
		[
			'a unit of another wave',
			(s) => ({ entry: s.linkA, fields: validForm(s.ids.C) }),
			'unitId',
			'barometer.chooseUnit'
		],
		[
			'a unit of the organisation that no wave covers',
			(s) => ({ entry: s.linkA, fields: validForm(s.ids.ROOT) }),
			'unitId',
			'barometer.chooseUnit'
		],
		[
			'a unit of another organisation',
			(s) => ({ entry: s.linkA, fields: validForm(s.otherUnitId) }),
			'unitId',
			'barometer.chooseUnit'
		],
		[
			'no unit',
			(s) => {
				const fields = validForm(s.ids.A);
				delete fields.unitId;
				return { entry: s.linkA, fields };
			},
			'unitId',
			'barometer.chooseUnit'
		],
		[
			'a missing nonce',
			(s) => {
				const fields = validForm(s.ids.A);
				delete fields.nonce;
				return { entry: s.linkA, fields };
			},
			'form',
			'barometer.formExpired'
		],
		[
			'a malformed nonce',
			(s) => ({ entry: s.linkA, fields: { ...validForm(s.ids.A), nonce: 'not-a-nonce' } }),
			'form',
			'barometer.formExpired'
		],
		[
			'a nonce in capitals',
			(s) => ({
				entry: s.linkA,
				fields: { ...validForm(s.ids.A), nonce: newSubmissionNonce().toUpperCase() }
			}),
			'form',
			'barometer.formExpired'
		]
	];

	it.each(cases)('refuses %s', async (_label, build, field, key) => {
		const s = await setup();
		const { entry, fields } = build(s);
		const before = await submissionCounts(testDb.db);
		await expectProblem(submitResponse(testDb.db, entry, fields, TODAY), field, key);
		expect(await submissionCounts(testDb.db)).toEqual(before);
	});

	it('refuses a bad answer given with a code and keeps the claim', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const entry = await opened(code!);
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, entry, { ...validForm(s.ids.A), [`q_${firstItem}`]: '9' }, TODAY),
			`q_${firstItem}`,
			'answer.outOfRange'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
		expect(await claimLeft(entry)).toBe(true);
	});

	it('reports every problem of a form at once', async () => {
		const s = await setup();
		const fields = { ...validForm(s.ids.C), [`q_${firstItem}`]: 'x', nonce: '' };
		const promise = submitResponse(testDb.db, s.linkA, fields, TODAY);
		await expect(promise).rejects.toBeInstanceOf(ValidationError);
		await expect(promise).rejects.toMatchObject({
			problems: {
				form: { key: 'barometer.formExpired' },
				unitId: { key: 'barometer.chooseUnit' },
				[`q_${firstItem}`]: { key: 'answer.notANumber' }
			}
		});
	});

	it.each([
		['an unknown link token', 'a'.repeat(26)],
		['a malformed link token', 'not a token'],
		['an empty link token', '']
	])('gives 404 for %s and stores nothing', async (_label, token) => {
		const s = await setup();
		const before = await submissionCounts(testDb.db);
		const outcome = await submitResponse(testDb.db, { via: 'link', token }, validForm(s.ids.A), TODAY).then(
			() => null,
			(e: unknown) => e
		);
		expect(isHttpError(outcome, 404)).toBe(true);
		expect(await submissionCounts(testDb.db)).toEqual(before);
	});

	it("does not accept a response for another organisation's wave through its unit", async () => {
		const s = await setup();
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, s.linkX, validForm(s.ids.A, false), TODAY),
			'unitId',
			'barometer.chooseUnit'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
	});

	it('does not accept a response for an archived unit the questionnaire no longer offers', async () => {
		const s = await setup();
		await testDb.db
			.updateTable('unit')
			.set({ valid_from: '2026-01-01', valid_to: TODAY })
			.where('id', '=', s.ids.B)
			.execute();
		expect((await openQuestionnaire(testDb.db, s.linkA, TODAY)).units.map((u) => u.id)).not.toContain(
			s.ids.B
		);
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, s.linkA, validForm(s.ids.B), TODAY),
			'unitId',
			'barometer.chooseUnit'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
	});
});

describe('parallel submissions', () => {
	it('stores one response for the same form sent twice at once', async () => {
		const s = await setup();
		for (let round = 1; round <= 5; round++) {
			const form = validForm(s.ids.A);
			const results = await Promise.all([
				submitResponse(testDb.db, s.linkA, { ...form }, TODAY),
				submitResponse(testDb.db, s.linkA, { ...form }, TODAY)
			]);
			expect(results.map((r) => r.stored).sort()).toEqual([false, true]);
			expect(results[0]!.results).toEqual(results[1]!.results);
			expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(round);
			// The copy that lost gave its place in the unit's link cap back.
			const unitA = (await waveUnitRows(testDb.db, s.waveId)).find((u) => u.unit_id === s.ids.A)!;
			expect(unitA.link_answers).toBe(round);
		}
		const receipts = await testDb.db
			.selectFrom('submission_receipt')
			.select('nonce_hash')
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(receipts).toHaveLength(5);
	});

	it('lets exactly one of two submissions with the same claim succeed', async () => {
		const s = await setup();
		const codes = await codesFor(s, 5);
		for (const [i, code] of codes.entries()) {
			const entry = await opened(code);
			const outcomes = await Promise.allSettled([
				submitResponse(testDb.db, entry, validForm(s.ids.A), TODAY),
				submitResponse(testDb.db, entry, validForm(s.ids.B), TODAY)
			]);
			const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
			const rejected = outcomes.filter((o) => o.status === 'rejected');
			expect(fulfilled).toHaveLength(1);
			expect(fulfilled[0]!.value.stored).toBe(true);
			expect(rejected).toHaveLength(1);
			expect(rejected[0]!.reason).toBeInstanceOf(ValidationError);
			expect(rejected[0]!.reason).toMatchObject({ problems: { code: { key: 'barometer.codeInvalid' } } });
			expect(await claimLeft(entry)).toBe(false);
			expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(i + 1);
		}
		// The losing submissions left no receipt behind.
		const receipts = await testDb.db
			.selectFrom('submission_receipt')
			.select('nonce_hash')
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(receipts).toHaveLength(5);
	});
});

describe('openQuestionnaire', () => {
	it('shows the items of the wave, its units and the unit of the link', async () => {
		const s = await setup();
		const q = await openQuestionnaire(testDb.db, s.linkA, TODAY);
		expect(q).toMatchObject({
			organisationName: s.org.name,
			waveId: s.waveId,
			waveName: 'Voorjaar 2026',
			language: 'nl',
			status: 'open',
			closesOn: '2026-03-31',
			k: 5,
			sensitiveK: 10,
			provisionalThresholds: true,
			instruction: BAROMETER.instruction,
			scale: BAROMETER.scale,
			unitId: s.ids.A
		});
		expect(q.items.map((i) => i.id)).toEqual(itemsOf(BAROMETER, true).map((i) => i.id));
		expect(q.units).toEqual([
			{ id: s.ids.A, name: 'Unit A', depth: 0 },
			{ id: s.ids.B, name: 'Unit B', depth: 0 }
		]);
		const plain = await openQuestionnaire(testDb.db, s.linkC, TODAY);
		expect(plain.items.map((i) => i.id)).toEqual(BAROMETER.items.map((i) => i.id));
	});

	it('opens through a claim without a unit, and refuses a used claim', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const entry = await opened(code!);
		const q = await openQuestionnaire(testDb.db, entry, TODAY);
		expect(q).toMatchObject({ waveId: s.waveId, unitId: null });
		expect(q.units.map((u) => u.id)).toEqual([s.ids.A, s.ids.B]);
		// The same browser coming back continues with its claim.
		expect(await openQuestionnaire(testDb.db, entry, TODAY)).toEqual(q);
		await submitResponse(testDb.db, entry, validForm(s.ids.A), TODAY);
		await expectProblem(openQuestionnaire(testDb.db, entry, TODAY), 'code', 'barometer.codeInvalid');
	});

	it('reads the status fresh: a wave closed by hand shows as closed at once', async () => {
		const s = await setup();
		expect((await openQuestionnaire(testDb.db, s.linkA, TODAY)).status).toBe('open');
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		expect((await openQuestionnaire(testDb.db, s.linkA, TODAY)).status).toBe('closed');
		expect((await openQuestionnaire(testDb.db, s.linkA, '2026-02-01')).status).toBe('closed');
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, false, {}, TODAY);
		expect((await openQuestionnaire(testDb.db, s.linkA, '2026-02-01')).status).toBe('planned');
	});

	it('gives 404 for an unknown link and codeInvalid for an unknown claim', async () => {
		await expect(
			openQuestionnaire(testDb.db, { via: 'link', token: 'b'.repeat(26) }, TODAY)
		).rejects.toMatchObject({ status: 404 });
		await expectProblem(
			openQuestionnaire(testDb.db, { via: 'code', claim: 'c'.repeat(32) }, TODAY),
			'code',
			'barometer.codeInvalid'
		);
	});
});

describe('newSubmissionNonce', () => {
	it('gives a fresh 26-character nonce each time', () => {
		const nonces = Array.from({ length: 50 }, () => newSubmissionNonce());
		for (const nonce of nonces) expect(nonce).toMatch(/^[a-z2-7]{26}$/);
		expect(new Set(nonces).size).toBe(50);
	});
});

describe('the organisation contacts on the personal result', () => {
	const contactsForm = (fields: Record<string, string>) => ({ section: 'contacts', ...fields });
	const full = {
		'contact.preventionAdvisor.name': '  An   Peeters ',
		'contact.preventionAdvisor.phone': '+32 2 123 45 67',
		'contact.preventionAdvisor.email': 'an.peeters@example.test',
		'contact.preventionAdvisor.note': 'Ma–vr, 9–17 u.',
		'contact.trustedPerson.name': 'Vertrouwenspersonen (dienst)',
		'contact.trustedPerson.email': 'vertrouwen@example.test'
	};

	it('are none until the admin sets them; then every result shows them, and the change is audited', async () => {
		const s = await setup();
		const admin = await makeMember(testDb.db, {
			email: `admin-${nextNumber()}@example.test`,
			organisationId: s.org.id,
			role: 'admin'
		});
		expect((await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY)).contacts).toEqual({});
		expect(await getOrganisationContacts(testDb.db, admin, s.org.id)).toEqual({});

		const saved = await saveOrganisationContacts(testDb.db, admin, s.org.id, contactsForm(full));
		const expected = {
			preventionAdvisor: {
				name: 'An Peeters',
				phone: '+32 2 123 45 67',
				email: 'an.peeters@example.test',
				note: 'Ma–vr, 9–17 u.'
			},
			trustedPerson: {
				name: 'Vertrouwenspersonen (dienst)',
				phone: '',
				email: 'vertrouwen@example.test',
				note: ''
			}
		};
		expect(saved).toEqual(expected);
		expect(await getOrganisationContacts(testDb.db, admin, s.org.id)).toEqual(expected);
		expect((await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), TODAY)).contacts).toEqual(expected);
		// Another organisation's result does not show them.
		const other = await submitResponse(testDb.db, s.linkX, validForm(s.otherUnitId, false), TODAY);
		expect(other.contacts).toEqual({});

		const audit = await testDb.db
			.selectFrom('audit_log')
			.select(['action', 'detail', 'actor_user_id'])
			.where('organisation_id', '=', s.org.id)
			.where('action', '=', 'organisation.contacts.update')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actor_user_id).toBe(admin.userId);
		expect(audit[0]!.detail).toEqual({ before: {}, after: expected });

		// Emptying every field removes them again.
		await saveOrganisationContacts(testDb.db, admin, s.org.id, contactsForm({}));
		expect(await getOrganisationContacts(testDb.db, admin, s.org.id)).toEqual({});
	});

	it('refuses bad contacts with a message per field and changes nothing', async () => {
		const s = await setup();
		const admin = await makeMember(testDb.db, {
			email: `admin-${nextNumber()}@example.test`,
			organisationId: s.org.id,
			role: 'admin'
		});
		await saveOrganisationContacts(testDb.db, admin, s.org.id, contactsForm(full));
		const before = await testDb.db
			.selectFrom('organisation')
			.select('contacts')
			.where('id', '=', s.org.id)
			.executeTakeFirstOrThrow();
		const auditCount = async () =>
			(await testDb.db.selectFrom('audit_log').select('id').where('organisation_id', '=', s.org.id).execute())
				.length;
		const audits = await auditCount();
		const cases: Array<[Record<string, string>, string, string]> = [
			[
				{ 'contact.occupationalPhysician.phone': '02 123 45 67' },
				'contact.occupationalPhysician.name',
				'validation.contactName'
			],
			[
				{ ...full, 'contact.preventionAdvisor.phone': 'bel me' },
				'contact.preventionAdvisor.phone',
				'validation.phone'
			],
			[
				{ ...full, 'contact.preventionAdvisor.phone': '12' },
				'contact.preventionAdvisor.phone',
				'validation.phone'
			],
			[
				{ ...full, 'contact.trustedPerson.email': 'geen-adres' },
				'contact.trustedPerson.email',
				'validation.email'
			],
			[
				{ ...full, 'contact.trustedPerson.note': 'x'.repeat(301) },
				'contact.trustedPerson.note',
				'validation.tooLong'
			],
			[
				{ ...full, 'contact.trustedPerson.name': 'x'.repeat(121) },
				'contact.trustedPerson.name',
				'validation.tooLong'
			]
		];
		for (const [fields, field, key] of cases) {
			const refusal = await saveOrganisationContacts(testDb.db, admin, s.org.id, contactsForm(fields)).catch(
				(e: unknown) => e
			);
			expect(refusal).toBeInstanceOf(ValidationError);
			expect((refusal as ValidationError).problems[field]?.key, field).toBe(key);
		}
		expect(
			await testDb.db
				.selectFrom('organisation')
				.select('contacts')
				.where('id', '=', s.org.id)
				.executeTakeFirstOrThrow()
		).toEqual(before);
		expect(await auditCount()).toBe(audits);
	});

	it('may be read and changed by the admin only', async () => {
		const s = await setup();
		await expect(
			saveOrganisationContacts(testDb.db, s.advisor, s.org.id, contactsForm(full))
		).rejects.toSatisfy(isHttpError);
		await expect(getOrganisationContacts(testDb.db, s.advisor, s.org.id)).rejects.toSatisfy(isHttpError);
		expect(
			(
				await testDb.db
					.selectFrom('organisation')
					.select('contacts')
					.where('id', '=', s.org.id)
					.executeTakeFirstOrThrow()
			).contacts
		).toEqual({});
	});
});
