import { isHttpError } from '@sveltejs/kit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/lib/domain/scoring';
import { ValidationError } from '../../src/lib/domain/validation';
import { BAROMETER, dimensionsOf, itemsOf } from '../../src/lib/instruments';
import {
	newSubmissionNonce,
	openQuestionnaire,
	submitResponse,
	type Entry
} from '../../src/lib/server/barometer/participation';
import { createWave, generateCodes, hashCode, setWaveClosed } from '../../src/lib/server/barometer/waves';
import {
	answerFields,
	answersOf,
	codeRows,
	columnsOf,
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
	'submitted_on',
	'unit_id',
	'wave_id'
];
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
		waveFields({ includeModule: 'on' }),
		[ids.A, ids.B],
		TODAY
	);
	const plainWaveId = await createWave(
		testDb.db,
		advisor,
		org.id,
		waveFields({ name: 'Zonder module' }),
		[ids.C],
		TODAY
	);
	const otherWaveId = await createWave(testDb.db, otherAdmin, other.id, waveFields(), [X!], TODAY);
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

async function codeUsed(waveId: string, code: string) {
	const row = (await codeRows(testDb.db, waveId)).find((r) => r.code_hash === hashCode(code));
	return row!.used;
}

describe('submitResponse through a unit link', () => {
	it('stores exactly one response holding its wave, unit, date, version, answers and scores only', async () => {
		const s = await setup();
		const before = await submissionCounts(testDb.db);
		const form = validForm(s.ids.A);
		const result = await submitResponse(testDb.db, s.linkA, form, TODAY);
		expect(result.stored).toBe(true);

		const rows = await responsesOf(testDb.db, s.waveId);
		expect(rows).toHaveLength(1);
		const row = rows[0]!;
		expect(Object.keys(row).sort()).toEqual(RESPONSE_COLUMNS);
		expect(await columnsOf(testDb.db, 'response')).toEqual(RESPONSE_COLUMNS);
		expect(row).toMatchObject({
			organisation_id: s.org.id,
			wave_id: s.waveId,
			unit_id: s.ids.A,
			submitted_on: TODAY,
			instrument_version: BAROMETER.version
		});
		expect(typeof row.submitted_on).toBe('string');
		expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		const answers = answersOf(form);
		expect(Object.keys(answers)).toHaveLength(itemsOf(BAROMETER, true).length);
		expect(row.answers).toEqual(answers);
		const expected = scoreAnswers(BAROMETER, answers, true);
		expect(row.scores).toEqual(Object.fromEntries(expected.map((r) => [r.dimension, r.score])));

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

	it('accepts answers with surrounding spaces and stores them as numbers', async () => {
		const s = await setup();
		const form = validForm(s.ids.A);
		const spaced = Object.fromEntries(
			Object.entries(form).map(([k, v]) => [k, k.startsWith('q_') ? ` ${v} ` : v])
		);
		await submitResponse(testDb.db, s.linkA, spaced, TODAY);
		expect((await responsesOf(testDb.db, s.waveId))[0]!.answers).toEqual(answersOf(form));
	});
});

describe('submitResponse with a personal code', () => {
	it('stores one response, uses the code, and refuses the code a second time', async () => {
		const s = await setup();
		const [code, spare] = await codesFor(s, 2);
		const first = await submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.B), TODAY);
		expect(first.stored).toBe(true);
		expect(await codeUsed(s.waveId, code!)).toBe(true);
		expect(await codeUsed(s.waveId, spare!)).toBe(false);
		expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(1);

		const counts = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.B), TODAY),
			'code',
			'barometer.codeUsed'
		);
		expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(1);
		expect(await submissionCounts(testDb.db)).toEqual(counts);
	});

	it('keeps no reference to the code in the response', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		await submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.A), TODAY);
		const row = (await responsesOf(testDb.db, s.waveId))[0]!;
		expect(Object.keys(row).sort()).toEqual(RESPONSE_COLUMNS);
		const stored = JSON.stringify(row);
		for (const form of [code!, code!.replace(/-/g, ''), code!.toLowerCase(), hashCode(code!)]) {
			expect(stored).not.toContain(form);
		}
		const codeRow = (await codeRows(testDb.db, s.waveId))[0]!;
		expect(Object.values(row)).not.toContain(codeRow.code_hash);
	});

	it('marks the code used in the same transaction as the response: a failed insert leaves it unused', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		// Make storing a response of this wave fail, after the code was marked used.
		await sql
			.raw(
				`create function kl_test_refuse_response() returns trigger language plpgsql as $$
				begin
					if new.wave_id = '${s.waveId}' then raise exception 'refused by test'; end if;
					return new;
				end $$;
				create trigger kl_test_refuse_response before insert on response
				for each row execute function kl_test_refuse_response();`
			)
			.execute(testDb.db);
		const before = await submissionCounts(testDb.db);
		try {
			await expect(
				submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.A), TODAY)
			).rejects.toThrow(/refused by test/);
		} finally {
			await sql
				.raw('drop trigger kl_test_refuse_response on response; drop function kl_test_refuse_response();')
				.execute(testDb.db);
		}
		expect(await codeUsed(s.waveId, code!)).toBe(false);
		expect(await submissionCounts(testDb.db)).toEqual(before);

		// With the database back to normal the code still works, once.
		const result = await submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.A), TODAY);
		expect(result.stored).toBe(true);
		expect(await codeUsed(s.waveId, code!)).toBe(true);
	});

	it('accepts a code typed in lower case with spaces', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const typed = `  ${code!.toLowerCase().replace(/-/g, ' ')} `;
		const result = await submitResponse(testDb.db, { via: 'code', code: typed }, validForm(s.ids.A), TODAY);
		expect(result.stored).toBe(true);
		expect(await codeUsed(s.waveId, code!)).toBe(true);
		expect(await responsesOf(testDb.db, s.waveId)).toHaveLength(1);
	});

	it('gives the result again for the same form after the code was used and the wave closed', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const form = validForm(s.ids.A);
		const first = await submitResponse(testDb.db, { via: 'code', code: code! }, form, TODAY);
		await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		const counts = await submissionCounts(testDb.db);
		const again = await submitResponse(testDb.db, { via: 'code', code: code! }, form, '2026-04-02');
		expect(again).toEqual({ ...first, stored: false });
		expect(await submissionCounts(testDb.db)).toEqual(counts);
	});

	it.each([
		['an unknown code', 'ABCD-EFGH-JKLM'],
		['a code that cannot be one', 'abc'],
		['a code with a look-alike letter', 'ABCD-EFGH-JKL0']
	])('refuses %s and stores nothing', async (_label, code) => {
		const s = await setup();
		await codesFor(s, 3);
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(testDb.db, { via: 'code', code }, validForm(s.ids.A), TODAY),
			'code',
			'barometer.unknownCode'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
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
		if (closeByHand) await setWaveClosed(testDb.db, s.advisor, s.org.id, s.waveId, true, {}, TODAY);
		const before = await submissionCounts(testDb.db);
		await expectProblem(submitResponse(testDb.db, s.linkA, validForm(s.ids.A), today), 'wave', key);
		await expectProblem(
			submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.A), today),
			'wave',
			key
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
		expect(await codeUsed(s.waveId, code!)).toBe(false);
	});

	it('takes answers on the opening and the closing date', async () => {
		const s = await setup();
		for (const today of ['2026-03-01', '2026-03-31']) {
			expect((await submitResponse(testDb.db, s.linkA, validForm(s.ids.A), today)).stored).toBe(true);
		}
		expect((await responsesOf(testDb.db, s.waveId)).map((r) => r.submitted_on).sort()).toEqual([
			'2026-03-01',
			'2026-03-31'
		]);
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

	it('refuses a bad answer given with a code and leaves the code unused', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const before = await submissionCounts(testDb.db);
		await expectProblem(
			submitResponse(
				testDb.db,
				{ via: 'code', code: code! },
				{ ...validForm(s.ids.A), [`q_${firstItem}`]: '9' },
				TODAY
			),
			`q_${firstItem}`,
			'answer.outOfRange'
		);
		expect(await submissionCounts(testDb.db)).toEqual(before);
		expect(await codeUsed(s.waveId, code!)).toBe(false);
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
		}
		const receipts = await testDb.db
			.selectFrom('submission_receipt')
			.select('nonce_hash')
			.where('wave_id', '=', s.waveId)
			.execute();
		expect(receipts).toHaveLength(5);
	});

	it('lets exactly one of two submissions with the same code succeed', async () => {
		const s = await setup();
		const codes = await codesFor(s, 5);
		for (const [i, code] of codes.entries()) {
			const outcomes = await Promise.allSettled([
				submitResponse(testDb.db, { via: 'code', code }, validForm(s.ids.A), TODAY),
				submitResponse(testDb.db, { via: 'code', code }, validForm(s.ids.B), TODAY)
			]);
			const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
			const rejected = outcomes.filter((o) => o.status === 'rejected');
			expect(fulfilled).toHaveLength(1);
			expect(fulfilled[0]!.value.stored).toBe(true);
			expect(rejected).toHaveLength(1);
			expect(rejected[0]!.reason).toBeInstanceOf(ValidationError);
			expect(rejected[0]!.reason).toMatchObject({ problems: { code: { key: 'barometer.codeUsed' } } });
			expect(await codeUsed(s.waveId, code)).toBe(true);
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

	it('opens through a code without a unit, and refuses a used code', async () => {
		const s = await setup();
		const [code] = await codesFor(s, 1);
		const q = await openQuestionnaire(testDb.db, { via: 'code', code: code! }, TODAY);
		expect(q).toMatchObject({ waveId: s.waveId, unitId: null });
		expect(q.units.map((u) => u.id)).toEqual([s.ids.A, s.ids.B]);
		await submitResponse(testDb.db, { via: 'code', code: code! }, validForm(s.ids.A), TODAY);
		await expectProblem(
			openQuestionnaire(testDb.db, { via: 'code', code: code! }, TODAY),
			'code',
			'barometer.codeUsed'
		);
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

	it('gives 404 for an unknown link and unknownCode for an unknown code', async () => {
		await expect(
			openQuestionnaire(testDb.db, { via: 'link', token: 'b'.repeat(26) }, TODAY)
		).rejects.toMatchObject({ status: 404 });
		await expectProblem(
			openQuestionnaire(testDb.db, { via: 'code', code: 'ABCD-EFGH-JKLM' }, TODAY),
			'code',
			'barometer.unknownCode'
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
