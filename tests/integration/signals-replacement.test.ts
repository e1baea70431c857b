import { isHttpError } from '@sveltejs/kit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type ColumnId, type SignalsFormat } from '../../src/lib/domain/signals';
import type { Actor } from '../../src/lib/server/access';
import {
	CONFIRM_TTL_MS,
	importSignals,
	mapUnitCodes,
	signalsOverview,
	undoPreview,
	undoUpload,
	unmapUnitCode,
	type ImportOptions,
	type ImportOutcome
} from '../../src/lib/server/signals/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';

/**
 * What an upload does to the figures already in force: it may not leave a unit-month with more
 * sick days than planned days, it asks before replacing figures of earlier uploads, undo says what
 * it will do first, and mapped unit codes can be listed and removed.
 */
const testDb = useTestDatabase();
const TODAY = '2026-03-10';

async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = (await makeUnits(testDb.db, org.id, [
		['ROOT', null, 60],
		['WARD1', 'ROOT', 24],
		['WARD2', 'ROOT', 8]
	])) as Record<'ROOT' | 'WARD1' | 'WARD2', string>;
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const member = memberOf(testDb.db, n, org.id);
	const otherMember = memberOf(testDb.db, n, other.id);
	return {
		org,
		ids,
		hr: await member('hr'),
		advisor: await member('advisor'),
		admin: await member('admin'),
		otherHr: await otherMember('hr', null, 'other-hr')
	};
}
type Setup = Awaited<ReturnType<typeof setup>>;

// ---- files -----------------------------------------------------------------------------------

function header(format: SignalsFormat, id: ColumnId): string {
	return COLUMNS[format].find((c) => c.id === id)!.headers.nl[0]!;
}
function csvOf(format: SignalsFormat, columns: readonly ColumnId[], rows: readonly (readonly string[])[]) {
	const lines = [columns.map((id) => header(format, id)), ...rows].map((r) => r.join(';'));
	return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
const monthly = (columns: readonly ColumnId[], rows: readonly (readonly string[])[]) =>
	csvOf('monthly', ['unitCode', 'month', ...columns], rows);
const SPELLS: ColumnId[] = ['employeeKey', 'unitCode', 'startDate', 'endDate', 'absenceType'];
const STAFFING: ColumnId[] = ['employeeKey', 'unitCode', 'fte', 'startDate', 'leaveDate', 'leaveReason'];
const spells = (rows: readonly (readonly string[])[]) => csvOf('spells', SPELLS, rows);
const staffing = (rows: readonly (readonly string[])[]) => csvOf('staffing', STAFFING, rows);

interface File {
	name: string;
	bytes: Buffer;
}
const file = (name: string, bytes: Buffer): File => ({ name, bytes });

function send(actor: Actor, organisationId: string, files: File | File[], options: ImportOptions = {}) {
	const list = Array.isArray(files) ? files : [files];
	return importSignals(
		testDb.db,
		actor,
		organisationId,
		list.map((f) => ({
			name: f.name,
			stream: (async function* () {
				yield new Uint8Array(f.bytes);
			})()
		})),
		{ today: TODAY, ...options }
	);
}

/** Sends an upload and, when it asks, confirms it with its token. */
async function store(
	actor: Actor,
	organisationId: string,
	files: File | File[],
	options: ImportOptions = {}
) {
	const first = await send(actor, organisationId, files, options);
	if (first.status !== 'confirm') return first;
	return send(actor, organisationId, files, { ...options, confirm: first.token });
}

function expectStatus<S extends ImportOutcome['status']>(outcome: ImportOutcome, status: S) {
	expect(outcome.status, JSON.stringify(outcome, null, 1)).toBe(status);
	return outcome as Extract<ImportOutcome, { status: S }>;
}

async function expectHttpError(promise: Promise<unknown>, status: 403 | 404) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(isHttpError(error, status), `expected HttpError ${status}, got ${String(error)}`).toBe(true);
}

// ---- stored rows -----------------------------------------------------------------------------

/** Everything the signals import writes for an organisation, to compare before and after. */
async function everything(organisationId: string) {
	const [uploads, figures, months, aliases] = await Promise.all([
		testDb.db
			.selectFrom('signal_upload')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('seq')
			.execute(),
		testDb.db
			.selectFrom('signal_figure')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('upload_id')
			.orderBy('unit_id')
			.orderBy('month')
			.execute(),
		testDb.db
			.selectFrom('signal_month')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('unit_id')
			.orderBy('month')
			.execute(),
		testDb.db
			.selectFrom('unit_code_alias')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('alias')
			.execute()
	]);
	return { uploads, figures, months, aliases, audit: await auditOf(testDb.db, organisationId) };
}

/** The unit-months in force whose sick days exceed their planned days, as the pages read them. */
async function aboveHundred(organisationId: string) {
	const { rows } = await sql<{ unit_id: string; month: string; sick: number; planned: number }>`
		select unit_id, month::text as month, planned_days as planned,
			coalesce(sick_days_short, 0) + coalesce(sick_days_medium, 0) + coalesce(sick_days_long, 0) as sick
		from signal_month
		where organisation_id = ${organisationId} and planned_days is not null
			and coalesce(sick_days_short, 0) + coalesce(sick_days_medium, 0) + coalesce(sick_days_long, 0) > planned_days + 1e-6
	`.execute(testDb.db);
	return rows;
}

async function inForce(organisationId: string, unitId: string, month: string) {
	return testDb.db
		.selectFrom('signal_month')
		.select(['planned_days', 'sick_days_short', 'headcount'])
		.where('organisation_id', '=', organisationId)
		.where('unit_id', '=', unitId)
		.where('month', '=', `${month}-01`)
		.executeTakeFirst();
}

// A spell of 15 workdays: Monday 6 to Friday 24 January 2025.
const SPELL_15 = ['e1', 'WARD1', '06/01/2025', '24/01/2025', 'ziekte'];
// January 2025 has 23 workdays.

// ---- absence above 100% ----------------------------------------------------------------------

describe('absence above 100% across uploads', () => {
	it('refuses spells on top of monthly figures with fewer planned days, names the unit-month and stores nothing', async () => {
		const s = await setup();
		expectStatus(
			await store(
				s.hr,
				s.org.id,
				file('maand.csv', monthly(['plannedDays', 'sickDaysShort'], [['WARD1', '01/2025', '10', '2']]))
			),
			'imported'
		);
		const before = await everything(s.org.id);
		const outcome = expectStatus(
			await send(s.hr, s.org.id, file('periodes.csv', spells([SPELL_15]))),
			'refused'
		);
		expect(outcome.abovePlannedCount).toBe(1);
		expect(outcome.abovePlanned).toEqual([
			{ unitCode: 'WARD1', unitName: 'Unit WARD1', month: '2025-01', sickDays: 15, plannedDays: 10 }
		]);
		expect(outcome.problems).toEqual([
			expect.objectContaining({ line: 0, key: 'signals.abovePlanned', params: { count: 1 } })
		]);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('refuses a staffing file that lowers the planned days under sick days in force', async () => {
		const s = await setup();
		await store(
			s.hr,
			s.org.id,
			file('maand.csv', monthly(['plannedDays', 'sickDaysShort'], [['WARD1', '01/2025', '20', '15']]))
		);
		const before = await everything(s.org.id);
		const outcome = expectStatus(
			await store(
				s.hr,
				s.org.id,
				file('personeel.csv', staffing([['e1', 'WARD1', '0,25', '01/01/2020', '', '']])),
				{
					period: { from: '2025-01', to: '2025-01' }
				}
			),
			'refused'
		);
		expect(outcome.abovePlanned).toEqual([
			{ unitCode: 'WARD1', unitName: 'Unit WARD1', month: '2025-01', sickDays: 15, plannedDays: 5.75 }
		]);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('refuses a monthly file of planned days alone that goes under the sick days of a spells file', async () => {
		const s = await setup();
		await store(s.hr, s.org.id, file('periodes.csv', spells([SPELL_15])));
		await store(s.hr, s.org.id, file('maand.csv', monthly(['plannedDays'], [['WARD1', '01/2025', '23']])));
		const outcome = expectStatus(
			await store(
				s.hr,
				s.org.id,
				file('maand2.csv', monthly(['plannedDays'], [['WARD1', '01/2025', '14,5']]))
			),
			'refused'
		);
		expect(outcome.abovePlanned?.[0]).toMatchObject({ sickDays: 15, plannedDays: 14.5 });
		expect(await inForce(s.org.id, s.ids.WARD1, '2025-01')).toMatchObject({
			planned_days: 23,
			sick_days_short: 15
		});
	});

	it('stores spells together with their staffing file, whose planned days carry the sick days', async () => {
		const s = await setup();
		await store(
			s.hr,
			s.org.id,
			file('maand.csv', monthly(['plannedDays', 'sickDaysShort'], [['WARD1', '01/2025', '10', '2']]))
		);
		const outcome = await store(s.hr, s.org.id, [
			file('periodes.csv', spells([SPELL_15])),
			file('personeel.csv', staffing([['e1', 'WARD1', '1', '01/01/2020', '', '']]))
		]);
		expectStatus(outcome, 'imported');
		expect(await inForce(s.org.id, s.ids.WARD1, '2025-01')).toMatchObject({
			planned_days: 23,
			sick_days_short: 15
		});
	});

	it('refuses an undo that brings lower planned days back under sick days in force, and its preview says so', async () => {
		const s = await setup();
		await store(
			s.hr,
			s.org.id,
			file('maand.csv', monthly(['plannedDays', 'headcount'], [['WARD1', '01/2025', '5', '1']]))
		);
		const staff = expectStatus(
			await store(
				s.hr,
				s.org.id,
				file('personeel.csv', staffing([['e1', 'WARD1', '1', '01/01/2020', '', '']])),
				{
					period: { from: '2025-01', to: '2025-01' }
				}
			),
			'imported'
		);
		expectStatus(await store(s.hr, s.org.id, file('periodes.csv', spells([SPELL_15]))), 'imported');
		const before = await everything(s.org.id);
		const preview = await undoPreview(testDb.db, s.hr, s.org.id, staff.uploadId);
		expect(preview.abovePlannedCount).toBe(1);
		expect(preview.abovePlanned).toEqual([
			{ unitCode: 'WARD1', unitName: 'Unit WARD1', month: '2025-01', sickDays: 15, plannedDays: 5 }
		]);
		await expectProblem(
			undoUpload(testDb.db, s.hr, s.org.id, staff.uploadId),
			'upload',
			'signals.undoAbovePlanned'
		);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('holds for random sequences of uploads and undos: nothing in force ever exceeds 100%, a refusal changes nothing', async () => {
		let seed = 20261205;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
		const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
		const MONTHS = ['01', '02', '03'];
		const UNITS = ['WARD1', 'WARD2'];
		const day = (m: string, d: number) => `${String(d).padStart(2, '0')}/${m}/2025`;
		const KEYS = ['e1', 'e2', 'e3'];
		function monthlyFile(): File {
			const columns = (['plannedDays', 'sickDaysShort', 'sickDaysLong', 'headcount'] as ColumnId[]).filter(
				() => random() < 0.6
			);
			if (columns.length === 0) columns.push('plannedDays');
			const rows = UNITS.flatMap((u) =>
				MONTHS.filter(() => random() < 0.7).map((m) => {
					const planned = int(0, 25);
					return [
						u,
						`${m}/2025`,
						...columns.map((c) =>
							c === 'plannedDays'
								? String(planned)
								: c === 'headcount'
									? String(int(1, 9))
									: String(int(0, Math.max(0, Math.floor(planned / 2))))
						)
					];
				})
			);
			return file(
				`maand-${int(1, 999)}.csv`,
				monthly(columns, rows.length ? rows : [[UNITS[0]!, '01/2025', ...columns.map(() => '1')]])
			);
		}
		function spellRows(): string[][] {
			return KEYS.filter(() => random() < 0.7).map((key) => {
				const m = pick(MONTHS);
				const start = int(1, 20);
				return [
					key,
					pick(UNITS),
					day(m, start),
					day(m, Math.min(28, start + int(0, 20))),
					pick(['ziekte', 'ziekte', 'arbeidsongeval'])
				];
			});
		}
		function staffingRows(keys: readonly string[]): string[][] {
			return keys.map((key) => [
				key,
				pick(UNITS),
				pick(['0,2', '0,5', '1']),
				pick(['01/01/2020', '15/02/2025']),
				'',
				''
			]);
		}
		let refusedAbove = 0;
		let stored = 0;
		for (let run = 0; run < 4; run++) {
			const s = await setup();
			const uploads: string[] = [];
			for (let step = 0; step < 9; step++) {
				const before = await everything(s.org.id);
				const kind = pick(['monthly', 'monthly', 'spells', 'staffing', 'both', 'undo'] as const);
				let outcome: ImportOutcome | null = null;
				if (kind === 'undo') {
					if (uploads.length === 0) continue;
					const id = pick(uploads);
					const preview = await undoPreview(testDb.db, s.hr, s.org.id, id);
					const done = await undoUpload(testDb.db, s.hr, s.org.id, id).then(
						() => true,
						() => false
					);
					if (!done) expect(await everything(s.org.id)).toEqual(before);
					if (!preview.undoneAt) expect(done).toBe(preview.abovePlannedCount === 0);
				} else if (kind === 'monthly') outcome = await store(s.hr, s.org.id, monthlyFile());
				else if (kind === 'spells') {
					const rows = spellRows();
					if (rows.length === 0) continue;
					outcome = await store(s.hr, s.org.id, file('periodes.csv', spells(rows)));
				} else if (kind === 'staffing')
					outcome = await store(s.hr, s.org.id, file('personeel.csv', staffing(staffingRows(KEYS))), {
						period: { from: '2025-01', to: '2025-03' }
					});
				else {
					const rows = spellRows();
					if (rows.length === 0) continue;
					outcome = await store(s.hr, s.org.id, [
						file('periodes.csv', spells(rows)),
						file('personeel.csv', staffing(staffingRows(KEYS)))
					]);
				}
				if (outcome?.status === 'imported') {
					uploads.push(outcome.uploadId);
					stored++;
				}
				if (outcome?.status === 'refused') {
					if (outcome.abovePlannedCount) refusedAbove++;
					expect(await everything(s.org.id)).toEqual(before);
				}
				expect(await aboveHundred(s.org.id), `run ${run} step ${step} (${kind})`).toEqual([]);
			}
		}
		// The sequences reach the case the check is for, and still store most uploads.
		expect(refusedAbove).toBeGreaterThan(0);
		expect(stored).toBeGreaterThan(refusedAbove);
	}, 120_000);
});

// ---- replacement preview ---------------------------------------------------------------------

const FIRST = file(
	'januari.csv',
	monthly(
		['headcount', 'plannedDays'],
		[
			['WARD1', '01/2025', '10', '200'],
			['WARD2', '01/2025', '7', '140'],
			['WARD1', '02/2025', '10', '200']
		]
	)
);
const SECOND = file(
	'correctie.csv',
	monthly(
		['headcount'],
		[
			['WARD1', '01/2025', '11'],
			['WARD1', '02/2025', '12'],
			['WARD2', '03/2025', '7']
		]
	)
);

describe('an upload that replaces figures in force asks first', () => {
	it('stores an upload that replaces nothing at once', async () => {
		const s = await setup();
		expectStatus(await send(s.hr, s.org.id, FIRST), 'imported');
		// Other figures of the same unit-months replace nothing either.
		expectStatus(
			await send(
				s.hr,
				s.org.id,
				file('vertrek.csv', monthly(['leaversVoluntary'], [['WARD1', '01/2025', '1']]))
			),
			'imported'
		);
	});

	it('checks without storing, says what it replaces, and the token stores exactly what was checked', async () => {
		const s = await setup();
		const first = expectStatus(await send(s.hr, s.org.id, FIRST), 'imported');
		const before = await everything(s.org.id);
		const check = expectStatus(await send(s.hr, s.org.id, SECOND), 'confirm');
		expect(await everything(s.org.id)).toEqual(before);
		expect(check).toMatchObject({
			rows: 3,
			units: 2,
			unitMonths: 3,
			period: { from: '2025-01', to: '2025-03' },
			replacedUnitMonths: 2,
			recheck: false
		});
		expect(check.replaces).toEqual([
			{
				uploadId: first.uploadId,
				format: 'monthly',
				fileName: 'januari.csv',
				uploadedAt: expect.anything(),
				uploadedBy: expect.any(String),
				unitMonths: 2,
				unitCount: 1,
				units: [{ code: 'WARD1', name: 'Unit WARD1' }],
				from: '2025-01',
				to: '2025-02'
			}
		]);
		const stored = expectStatus(await send(s.hr, s.org.id, SECOND, { confirm: check.token }), 'imported');
		expect(stored.unitMonths).toBe(3);
		expect(await inForce(s.org.id, s.ids.WARD1, '2025-02')).toMatchObject({
			headcount: 12,
			planned_days: 200
		});
	});

	it('lists every earlier upload it replaces, newest first', async () => {
		const s = await setup();
		const a = expectStatus(await send(s.hr, s.org.id, FIRST), 'imported');
		const b = expectStatus(
			await store(
				s.advisor,
				s.org.id,
				file('maart.csv', monthly(['headcount'], [['WARD2', '03/2025', '6']]))
			),
			'imported'
		);
		const check = expectStatus(await send(s.hr, s.org.id, SECOND), 'confirm');
		expect(check.replaces.map((r) => [r.uploadId, r.unitMonths])).toEqual([
			[b.uploadId, 1],
			[a.uploadId, 2]
		]);
		expect(check.replacedUnitMonths).toBe(3);
	});

	it.each([
		[
			'another file',
			(t: string) => ({
				files: file('correctie.csv', monthly(['headcount'], [['WARD1', '01/2025', '13']])),
				confirm: t
			})
		],
		[
			'another period',
			(t: string) => ({ files: SECOND, confirm: t, period: { from: '2025-01', to: '2025-04' } })
		],
		[
			'an expired token',
			(t: string) => ({ files: SECOND, confirm: t, now: new Date(Date.now() + CONFIRM_TTL_MS + 1000) })
		],
		[
			'a token from the far future',
			(t: string) => ({ files: SECOND, confirm: `${Date.now() + 10 * CONFIRM_TTL_MS}.${t.split('.')[1]}` })
		],
		[
			'a token that was changed',
			(t: string) => ({ files: SECOND, confirm: t.slice(0, -1) + (t.endsWith('0') ? '1' : '0') })
		],
		['a malformed token', () => ({ files: SECOND, confirm: 'yes' })]
	])('asks again, storing nothing, with %s', async (_, variant) => {
		const s = await setup();
		await send(s.hr, s.org.id, FIRST);
		const check = expectStatus(await send(s.hr, s.org.id, SECOND), 'confirm');
		const before = await everything(s.org.id);
		const { files, ...options } = variant(check.token);
		const again = await send(s.hr, s.org.id, files, options);
		if (again.status !== 'refused') expect(expectStatus(again, 'confirm').recheck).toBe(true);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('asks again when the uploads in force changed between the check and the confirmation, or another user confirms', async () => {
		const s = await setup();
		await send(s.hr, s.org.id, FIRST);
		const check = expectStatus(await send(s.hr, s.org.id, SECOND), 'confirm');
		expectStatus(await send(s.advisor, s.org.id, SECOND, { confirm: check.token }), 'confirm');
		expectStatus(
			await send(s.hr, s.org.id, file('ander.csv', monthly(['headcount'], [['WARD2', '05/2025', '6']]))),
			'imported'
		);
		const before = await everything(s.org.id);
		const again = expectStatus(await send(s.hr, s.org.id, SECOND, { confirm: check.token }), 'confirm');
		expect(again.recheck).toBe(true);
		expect(await everything(s.org.id)).toEqual(before);
		expectStatus(await send(s.hr, s.org.id, SECOND, { confirm: again.token }), 'imported');
	});
});

// ---- undo ------------------------------------------------------------------------------------

describe('undo says what it will do', () => {
	it('previews what stops counting and what comes back, and changes nothing', async () => {
		const s = await setup();
		const a = expectStatus(await send(s.hr, s.org.id, FIRST), 'imported');
		const b = expectStatus(await store(s.hr, s.org.id, SECOND), 'imported');
		const before = await everything(s.org.id);
		const preview = await undoPreview(testDb.db, s.hr, s.org.id, b.uploadId);
		expect(await everything(s.org.id)).toEqual(before);
		expect(preview).toMatchObject({
			uploadId: b.uploadId,
			fileName: 'correctie.csv',
			undoneAt: null,
			inForceUnitMonths: 3,
			goneUnitMonths: 1,
			abovePlannedCount: 0
		});
		expect(preview.comesBack.map((r) => [r.uploadId, r.unitMonths, r.from, r.to])).toEqual([
			[a.uploadId, 2, '2025-01', '2025-02']
		]);
		// Undoing the first: WARD1's headcounts are the second's, only its planned days stop counting.
		const first = await undoPreview(testDb.db, s.hr, s.org.id, a.uploadId);
		expect(first).toMatchObject({ inForceUnitMonths: 3, goneUnitMonths: 3, comesBack: [] });
		await undoUpload(testDb.db, s.hr, s.org.id, b.uploadId);
		expect(await inForce(s.org.id, s.ids.WARD1, '2025-02')).toMatchObject({ headcount: 10 });
		expect((await undoPreview(testDb.db, s.hr, s.org.id, b.uploadId)).undoneAt).not.toBeNull();
	});

	it('is for whoever may import, in their own organisation only', async () => {
		const s = await setup();
		const a = expectStatus(await send(s.hr, s.org.id, FIRST), 'imported');
		await expectHttpError(undoPreview(testDb.db, s.admin, s.org.id, a.uploadId), 403);
		await expectHttpError(undoPreview(testDb.db, s.otherHr, s.org.id, a.uploadId), 404);
		await expectProblem(undoPreview(testDb.db, s.hr, s.org.id, 'nope'), 'upload', 'signals.uploadUnknown');
	});
});

// ---- code mappings ---------------------------------------------------------------------------

describe('mapped unit codes', () => {
	async function mapped(s: Setup) {
		return (await signalsOverview(testDb.db, s.hr, s.org.id)).mappings;
	}

	it('are listed, and removed with an audit entry; figures stay and the code is unknown again', async () => {
		const s = await setup();
		await mapUnitCodes(testDb.db, s.hr, s.org.id, { ' Zorg-X ': s.ids.WARD1, 'K-9': s.ids.WARD2 });
		expect(await mapped(s)).toEqual([
			{ code: 'k-9', unitCode: 'WARD2', unitName: 'Unit WARD2' },
			{ code: 'zorg-x', unitCode: 'WARD1', unitName: 'Unit WARD1' }
		]);
		expectStatus(
			await send(s.hr, s.org.id, file('x.csv', monthly(['headcount'], [['ZORG-X', '01/2025', '4']]))),
			'imported'
		);
		expect(await unmapUnitCode(testDb.db, s.hr, s.org.id, 'ZORG-X')).toEqual({ code: 'zorg-x' });
		expect(await mapped(s)).toEqual([{ code: 'k-9', unitCode: 'WARD2', unitName: 'Unit WARD2' }]);
		expect(await inForce(s.org.id, s.ids.WARD1, '2025-01')).toMatchObject({ headcount: 4 });
		const audit = await auditOf(testDb.db, s.org.id);
		expect(audit.find((e) => e.action === 'signals.unmapCode')).toMatchObject({ object_id: s.ids.WARD1 });
		const again = expectStatus(
			await send(s.hr, s.org.id, file('x.csv', monthly(['headcount'], [['ZORG-X', '02/2025', '4']]))),
			'refused'
		);
		expect(again.unknownUnits.map((u) => u.code)).toEqual(['ZORG-X']);
		await expectProblem(
			unmapUnitCode(testDb.db, s.hr, s.org.id, 'ZORG-X'),
			'mapping',
			'signals.mappingUnknown'
		);
	});

	it.each([
		['a unit’s own code', { ward2: 'WARD2' }, 'signals.mappingOwnCode'],
		['a unit’s own code in other case and spaces', { ward2: ' ward2 ' }, 'signals.mappingOwnCode'],
		['a code already mapped to another unit', { ward2: 'k-9' }, 'signals.mappingExists'],
		['a code already mapped to the same unit', { ward1: ' K-9' }, 'signals.mappingExists']
	])('refuses to map %s, and stores none of the batch', async (_, mapping, key) => {
		const s = await setup();
		await mapUnitCodes(testDb.db, s.hr, s.org.id, { 'K-9': s.ids.WARD1 });
		const before = await everything(s.org.id);
		const [[target, code]] = Object.entries(mapping) as [[string, string]];
		const unitId = target === 'ward1' ? s.ids.WARD1 : s.ids.WARD2;
		await expectProblem(
			mapUnitCodes(testDb.db, s.hr, s.org.id, { NEW: s.ids.WARD2, [code]: unitId }),
			'mapping',
			key
		);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('are removed only by whoever may import, in their own organisation', async () => {
		const s = await setup();
		await mapUnitCodes(testDb.db, s.hr, s.org.id, { 'K-9': s.ids.WARD1 });
		await expectHttpError(unmapUnitCode(testDb.db, s.admin, s.org.id, 'K-9'), 403);
		await expectHttpError(unmapUnitCode(testDb.db, s.otherHr, s.org.id, 'K-9'), 404);
		expect(await mapped(s)).toHaveLength(1);
	});
});
