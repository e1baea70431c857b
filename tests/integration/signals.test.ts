import { randomBytes, randomUUID } from 'node:crypto';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type ColumnId, type SignalsFormat } from '../../src/lib/domain/signals';
import type { Language } from '../../src/lib/domain/organisation-settings';
import type { SignalFigures } from '../../src/lib/server/db/schema';
import { signalFigureColumns } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/access';
import {
	importFromRequest,
	importSignals,
	mapUnitCodes,
	signalsOverview,
	undoUpload,
	type ImportOptions,
	type ImportOutcome,
	type ImportProgress,
	type UploadFile
} from '../../src/lib/server/signals/service';
import { useTestDatabase } from '../helpers/db';
import { expectProblem } from '../helpers/expect';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';

const testDb = useTestDatabase();

/** The day of every upload that takes one; months up to 2026-04 are accepted. */
const TODAY = '2026-03-10';

/**
 * A fresh organisation per test with the units WARD1, WARD2, OFFICE and CAFÉ, one member of each
 * role, and a second organisation that also has a unit WARD1, with its own hr and admin.
 */
async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Zorggroep ${n}`);
	const ids = (await makeUnits(testDb.db, org.id, [
		['ROOT', null, 60],
		['WARD1', 'ROOT', 24],
		['WARD2', 'ROOT', 8],
		['OFFICE', 'ROOT', 5],
		['CAFÉ', 'ROOT', 6]
	])) as Record<'ROOT' | 'WARD1' | 'WARD2' | 'OFFICE' | 'CAFÉ', string>;
	const other = await makeOrganisation(testDb.db, `Elders ${n}`);
	const otherIds = await makeUnits(testDb.db, other.id, [['WARD1', null, 30]]);
	const member = memberOf(testDb.db, n, org.id);
	const otherMember = memberOf(testDb.db, n, other.id);
	return {
		org,
		ids,
		other,
		otherWard1: otherIds.WARD1!,
		admin: await member('admin'),
		advisor: await member('advisor'),
		hr: await member('hr'),
		manager: await member('manager', ids.WARD1),
		otherHr: await otherMember('hr', null, 'other-hr'),
		otherAdmin: await otherMember('admin', null, 'other-admin')
	};
}
type Setup = Awaited<ReturnType<typeof setup>>;

// ---- files -----------------------------------------------------------------------------------

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first (template) header of a column in a language, from the format's column list. */
function header(format: SignalsFormat, id: ColumnId, language: Language = 'nl'): string {
	const column = COLUMNS[format].find((c) => c.id === id);
	if (!column) throw new Error(`no column ${id} in ${format}`);
	return column.headers[language][0]!;
}

function quote(cell: string): string {
	return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Lines as a Belgian Excel "CSV (puntkomma)" export has them: `;`, CRLF, quoted where needed. */
function csvText(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(quote).join(';')).join('\r\n') + '\r\n';
}

/** A file as Belgian Excel saves it: UTF-8 with BOM. */
function belgianCsv(rows: readonly (readonly string[])[]): Buffer {
	return Buffer.concat([BOM, Buffer.from(csvText(rows), 'utf8')]);
}

/** A file of `format` with the given columns (headers in `language`) and rows. */
function csvOf(
	format: SignalsFormat,
	columns: readonly ColumnId[],
	rows: readonly (readonly string[])[],
	language: Language = 'nl'
): Buffer {
	return belgianCsv([columns.map((id) => header(format, id, language)), ...rows]);
}

const MONTHLY_ALL = COLUMNS.monthly.map((c) => c.id);
const SPELLS_ALL = COLUMNS.spells.map((c) => c.id);
const STAFFING_ALL = COLUMNS.staffing.map((c) => c.id);

const monthlyCsv = (columns: readonly ColumnId[], rows: readonly (readonly string[])[]) =>
	csvOf('monthly', columns, rows);
const spellsCsv = (rows: readonly (readonly string[])[]) => csvOf('spells', SPELLS_ALL, rows);
const staffingCsv = (rows: readonly (readonly string[])[]) => csvOf('staffing', STAFFING_ALL, rows);

/** Only unit, month and headcount: the smallest useful monthly file. */
const headcountCsv = (rows: readonly (readonly string[])[]) =>
	monthlyCsv(['unitCode', 'month', 'headcount'], rows);

/** The bytes in chunks of `size`, as the request body or a file stream delivers them. */
async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function upload(name: string, bytes: Uint8Array, chunkSize?: number): UploadFile {
	return { name, stream: chunks(bytes, chunkSize) };
}

/**
 * importSignals on the test database, dated TODAY unless the options say otherwise. An upload that
 * replaces figures in force is checked first (status 'confirm'); unless `check` is set, it is sent
 * again with its token, as the page does when the user confirms, so that tests about other things
 * read the stored outcome.
 */
async function importFiles(
	actor: Actor | null,
	organisationId: string,
	files: UploadFile | UploadFile[],
	options: ImportOptions & { check?: boolean } = {}
): Promise<ImportOutcome> {
	const { check, ...rest } = options;
	const list = Array.isArray(files) ? files : [files];
	if (check || rest.confirm !== undefined)
		return importSignals(testDb.db, actor, organisationId, list, { today: TODAY, ...rest });
	// Keep the chunks as they came, to send the same bytes again.
	const kept: Array<{ name: string; chunks: Uint8Array[] }> = [];
	async function* keep(file: UploadFile) {
		const entry = { name: file.name, chunks: [] as Uint8Array[] };
		kept.push(entry);
		for await (const chunk of file.stream as AsyncIterable<Uint8Array>) {
			entry.chunks.push(chunk);
			yield chunk;
		}
	}
	const first = await importSignals(
		testDb.db,
		actor,
		organisationId,
		list.map((f) => ({ name: f.name, stream: keep(f) })),
		{ today: TODAY, ...rest }
	);
	if (first.status !== 'confirm') return first;
	const again = kept.map((k) => ({
		name: k.name,
		stream: (async function* () {
			yield* k.chunks;
		})()
	}));
	return importSignals(testDb.db, actor, organisationId, again, {
		today: TODAY,
		...rest,
		confirm: first.token
	});
}

/** Narrows an outcome to the expected status; fails with the whole outcome otherwise. */
function expectStatus<S extends ImportOutcome['status']>(
	outcome: ImportOutcome,
	status: S
): Extract<ImportOutcome, { status: S }> {
	expect(outcome.status, JSON.stringify(outcome, null, 1)).toBe(status);
	return outcome as Extract<ImportOutcome, { status: S }>;
}

async function imported(promise: Promise<ImportOutcome>) {
	return expectStatus(await promise, 'imported');
}

async function refused(promise: Promise<ImportOutcome>) {
	return expectStatus(await promise, 'refused');
}

/** Expects SvelteKit's error(status) from authorize. */
async function expectHttpError(promise: Promise<unknown>, status: 403 | 404) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(isHttpError(error, status), `expected HttpError ${status}, got ${String(error)}`).toBe(true);
}

// ---- stored rows -----------------------------------------------------------------------------

const FIGURE_NAMES = Object.keys(signalFigureColumns) as Array<keyof SignalFigures>;
const NONE = Object.fromEntries(FIGURE_NAMES.map((name) => [name, null])) as unknown as SignalFigures;

/** The figures a spells file supplies, all zero. */
const SPELLS_ZERO: Partial<SignalFigures> = {
	sick_days_short: 0,
	sick_days_medium: 0,
	sick_days_long: 0,
	spells: 0,
	frequent_absentees: 0,
	new_incapacity_4w: 0,
	ongoing_incapacity_1y: 0,
	work_accidents: 0,
	spells_ended: 0,
	spells_ended_days: 0
};

const NO_LEAVERS: Partial<SignalFigures> = { leavers_voluntary: 0, leavers_involuntary: 0 };

/** A unit-month as figuresIn() gives it: every figure not named is null. */
function unitMonth(unit: string, month: string, figures: Partial<SignalFigures>) {
	return { unit, month, ...NONE, ...figures };
}

/**
 * A unit-month of a monthly file: its people are month-end headcount plus the month's leavers
 * (docs/signals-import.md), unless named.
 */
function monthlyMonth(unit: string, month: string, figures: Partial<SignalFigures>) {
	const people =
		figures.headcount === null || figures.headcount === undefined
			? null
			: Math.ceil(figures.headcount) + (figures.leavers_voluntary ?? 0) + (figures.leavers_involuntary ?? 0);
	return unitMonth(unit, month, { people, ...figures });
}

/** The figures in force (signal_month) of an organisation by unit code and `yyyy-mm`. */
async function figuresIn(organisationId: string) {
	const rows = await testDb.db
		.selectFrom('signal_month as m')
		.innerJoin('unit as u', 'u.id', 'm.unit_id')
		.selectAll('m')
		.select('u.code as unit')
		.where('m.organisation_id', '=', organisationId)
		.orderBy('u.code')
		.orderBy('m.month')
		.execute();
	return rows.map(({ organisation_id: _o, unit_id: _u, unit, month, ...figures }) => ({
		unit,
		month: month.slice(0, 7),
		...figures
	}));
}

function uploadRows(organisationId: string) {
	return testDb.db
		.selectFrom('signal_upload')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('seq')
		.execute();
}

function figureRows(organisationId: string, uploadId?: string) {
	let q = testDb.db.selectFrom('signal_figure').selectAll().where('organisation_id', '=', organisationId);
	if (uploadId) q = q.where('upload_id', '=', uploadId);
	return q.orderBy('upload_id').orderBy('unit_id').orderBy('month').execute();
}

/** Everything the signals import writes for an organisation, to compare before and after. */
async function everything(organisationId: string) {
	return {
		uploads: await uploadRows(organisationId),
		figures: await figureRows(organisationId),
		months: await figuresIn(organisationId),
		aliases: await testDb.db
			.selectFrom('unit_code_alias')
			.selectAll()
			.where('organisation_id', '=', organisationId)
			.orderBy('alias')
			.execute(),
		audit: await auditOf(testDb.db, organisationId)
	};
}

/** A baseline upload so that "unchanged" means something: WARD1 and WARD2 in January 2025. */
async function baseline(s: Setup) {
	return imported(
		importFiles(
			s.hr,
			s.org.id,
			upload(
				'basis.csv',
				headcountCsv([
					['WARD1', '01/2025', '11'],
					['WARD2', '01/2025', '7'],
					['WARD1', '12/2024', '10']
				])
			)
		)
	);
}

// ---- tests -----------------------------------------------------------------------------------

describe('importSignals: a monthly file', () => {
	// unit, month, headcount, FTE, planned, short, medium, long, spells, 3+, vol, invol, new > 4 w,
	// > 1 y, accidents, adaptation, psychosocial, spells ended, their workdays
	const ROWS = [
		'WARD1;01/2025;24;21,5;1.234,5;14,5;8;0;6;1;1;0;0;0;0;0;0;5;11,5',
		'WARD1;2025-02;24;21,5;430;9;20;0;3;1;0;0;1;0;1;1;0;3;7',
		'WARD2;01/02/2025;8;7,25;152,75;3,5;0;0;2;0;0;1;0;0;0;0;1;1;2,5'
	].map((line) => line.split(';'));
	const EXPECTED = [
		monthlyMonth('WARD1', '2025-01', {
			headcount: 24,
			fte: 21.5,
			planned_days: 1234.5,
			sick_days_short: 14.5,
			sick_days_medium: 8,
			sick_days_long: 0,
			spells: 6,
			frequent_absentees: 1,
			leavers_voluntary: 1,
			leavers_involuntary: 0,
			new_incapacity_4w: 0,
			ongoing_incapacity_1y: 0,
			work_accidents: 0,
			job_adaptation_requests: 0,
			psychosocial_requests: 0,
			spells_ended: 5,
			spells_ended_days: 11.5
		}),
		monthlyMonth('WARD1', '2025-02', {
			headcount: 24,
			fte: 21.5,
			planned_days: 430,
			sick_days_short: 9,
			sick_days_medium: 20,
			sick_days_long: 0,
			spells: 3,
			frequent_absentees: 1,
			leavers_voluntary: 0,
			leavers_involuntary: 0,
			new_incapacity_4w: 1,
			ongoing_incapacity_1y: 0,
			work_accidents: 1,
			job_adaptation_requests: 1,
			psychosocial_requests: 0,
			spells_ended: 3,
			spells_ended_days: 7
		}),
		monthlyMonth('WARD2', '2025-02', {
			headcount: 8,
			fte: 7.25,
			planned_days: 152.75,
			sick_days_short: 3.5,
			sick_days_medium: 0,
			sick_days_long: 0,
			spells: 2,
			frequent_absentees: 0,
			leavers_voluntary: 0,
			leavers_involuntary: 1,
			new_incapacity_4w: 0,
			ongoing_incapacity_1y: 0,
			work_accidents: 0,
			job_adaptation_requests: 0,
			psychosocial_requests: 1,
			spells_ended: 1,
			spells_ended_days: 2.5
		})
	];

	it.each(['nl', 'fr', 'en'] as const)(
		'imports a Belgian Excel export with %s headers: upload, figures, figures in force, audit',
		async (language) => {
			const s = await setup();
			const bytes = csvOf('monthly', MONTHLY_ALL, ROWS, language);
			const progress: ImportProgress['phase'][] = [];
			const outcome = await imported(
				importFiles(s.hr, s.org.id, upload('verzuim-2025.csv', bytes, 100), {
					onProgress: (p) => progress.push(p.phase)
				})
			);
			expect(outcome).toEqual({
				status: 'imported',
				uploadId: expect.any(String),
				formats: ['monthly'],
				rows: 3,
				period: { from: '2025-01', to: '2025-02' },
				units: 2,
				unitMonths: 3
			});
			expect(progress).toContain('reading');
			expect(progress.slice(-2)).toEqual(['checking', 'storing']);

			expect(await uploadRows(s.org.id)).toEqual([
				expect.objectContaining({
					id: outcome.uploadId,
					format: 'monthly',
					file_name: 'verzuim-2025.csv',
					content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
					byte_size: bytes.length,
					row_count: 3,
					period_from: '2025-01-01',
					period_to: '2025-02-01',
					unit_count: 2,
					uploaded_by: s.hr.userId,
					undone_at: null,
					undone_by: null
				})
			]);
			const figures = await figureRows(s.org.id, outcome.uploadId);
			expect(figures).toHaveLength(3);
			expect(figures.map((f) => f.unit_id).sort()).toEqual([s.ids.WARD1, s.ids.WARD1, s.ids.WARD2].sort());
			expect(await figuresIn(s.org.id)).toEqual(EXPECTED);

			const audit = await auditOf(testDb.db, s.org.id);
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({
				action: 'signals.import',
				actor_user_id: s.hr.userId,
				object_type: 'signal_upload',
				object_id: outcome.uploadId
			});
			expect(audit[0]!.detail).toMatchObject({ format: 'monthly', rows: 3, units: 2 });
		}
	);

	it('imports a comma-separated English export without BOM (decimal points, ISO months, CAPS headers)', async () => {
		const s = await setup();
		const text =
			'UNIT CODE,month,Headcount,fte,PLANNED DAYS\n' +
			'ward1,2025-01,24,21.5,473.25\n' +
			' WARD2 ,2025-01,8,"7,25",152\n';
		await imported(importFiles(s.advisor, s.org.id, upload('en.csv', Buffer.from(text))));
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('WARD1', '2025-01', { headcount: 24, fte: 21.5, planned_days: 473.25 }),
			monthlyMonth('WARD2', '2025-01', { headcount: 8, fte: 7.25, planned_days: 152 })
		]);
	});

	it('reads a Windows-1252 file (unit code with É) fed in 7-byte chunks', async () => {
		const s = await setup();
		const text = csvText([
			['Eenheidscode', 'Maand', 'Aantal medewerkers', 'VTE'],
			['Café', '03/2025', '6', '5,5']
		]);
		await imported(importFiles(s.hr, s.org.id, upload('cp1252.csv', Buffer.from(text, 'latin1'), 7)));
		expect(await figuresIn(s.org.id)).toEqual([monthlyMonth('CAFÉ', '2025-03', { headcount: 6, fte: 5.5 })]);
	});
});

describe('importSignals: all or nothing', () => {
	const COLUMNS_USED: ColumnId[] = [
		'unitCode',
		'month',
		'headcount',
		'fte',
		'plannedDays',
		'sickDaysShort',
		'sickDaysMedium',
		'leaversVoluntary'
	];
	const GOOD_WARD2 = ['WARD2', '01/2025', '8', '7,25', '152,75', '3,5', '0', '1'];
	const at = (index: number, value: string, row = GOOD_WARD2) => row.map((c, i) => (i === index ? value : c));

	// [what, the row on line 3, column, value, key, params]
	const cases: Array<[string, string[], ColumnId, string, string, Record<string, string | number>?]> = [
		[
			'an ambiguous thousands separator',
			at(2, '1.234'),
			'headcount',
			'1.234',
			'signals.problem.ambiguousNumber'
		],
		['a word in a number column', at(3, 'zeven'), 'fte', 'zeven', 'signals.problem.notNumber'],
		['a fraction in a count column', at(2, '12,5'), 'headcount', '12,5', 'signals.problem.notWhole'],
		['a negative number', at(4, '-3'), 'plannedDays', '-3', 'signals.problem.negative'],
		[
			'a number above the plausible maximum',
			at(2, '2000000'),
			'headcount',
			'2000000',
			'signals.problem.tooLarge',
			{ max: 1_000_000 }
		],
		['an impossible month', at(1, '13/2025'), 'month', '13/2025', 'signals.problem.notMonth'],
		[
			'a month too far in the future',
			at(1, '05/2026'),
			'month',
			'05/2026',
			'signals.problem.inFuture',
			{ max: '2026-04' }
		],
		[
			'a month before 2000',
			at(1, '12/1999'),
			'month',
			'12/1999',
			'signals.problem.tooEarly',
			{ min: '2000-01' }
		],
		['an empty month', at(1, ''), 'month', '', 'signals.problem.required'],
		['an empty unit code', at(0, ''), 'unitCode', '', 'signals.problem.required'],
		[
			'more sick days than planned days',
			['WARD2', '01/2025', '8', '7,25', '20', '15', '6', '1'],
			'plannedDays',
			'20',
			'signals.problem.sickAbovePlanned',
			{ sick: 21, planned: 20 }
		],
		[
			'more leavers than headcount',
			at(7, '9'),
			'leaversVoluntary',
			'9',
			'signals.problem.leaversAboveHeadcount',
			{ leavers: 9, headcount: 8 }
		],
		[
			'more FTE than headcount',
			at(3, '9,5'),
			'fte',
			'9,5',
			'signals.problem.fteAboveHeadcount',
			{ fte: 9.5, headcount: 8 }
		],
		[
			'a unit-month twice',
			['WARD1', '01/2025', '20', '18', '400', '1', '0', '0'],
			'month',
			'01/2025',
			'signals.problem.duplicateUnitMonth',
			{ firstLine: 2 }
		]
	];

	it.each(cases)(
		'refuses a file with %s on one row, reports line, column, value and key, and stores nothing',
		async (_what, badRow, column, value, key, params) => {
			const s = await setup();
			await baseline(s);
			const before = await everything(s.org.id);
			const bytes = monthlyCsv(COLUMNS_USED, [
				['WARD1', '01/2025', '24', '21,5', '473', '14,5', '8', '1'],
				badRow,
				['WARD1', '02/2025', '24', '21,5', '430', '9', '20', '0']
			]);
			const outcome = await refused(importFiles(s.hr, s.org.id, upload('fout.csv', bytes)));
			expect(outcome.problems).toEqual([
				{ format: 'monthly', file: 'fout.csv', line: 3, column, value, key, params }
			]);
			expect(outcome.problemCount).toBe(1);
			expect(outcome.unknownUnits).toEqual([]);
			expect(await everything(s.org.id)).toEqual(before);
		}
	);

	it('lists the same problem on many rows once, with its count and first lines', async () => {
		const s = await setup();
		await baseline(s);
		const before = await everything(s.org.id);
		// 250 rows, each for its own month from January 2000 on, each with a negative headcount.
		const rows = Array.from({ length: 250 }, (_, i) => [
			'WARD1',
			`${String((i % 12) + 1).padStart(2, '0')}/${2000 + Math.floor(i / 12)}`,
			'-1'
		]);
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('veel-fouten.csv', headcountCsv(rows))));
		expect(outcome.problemCount).toBe(250);
		expect(outcome.problems).toEqual([
			expect.objectContaining({
				format: 'monthly',
				file: 'veel-fouten.csv',
				line: 2,
				column: 'headcount',
				value: '-1',
				key: 'signals.problem.negative',
				rows: 250,
				lines: [2, 3, 4, 5, 6]
			})
		]);
		expect(outcome.rows).toBe(250);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('shows the first 200 different problems in file order and counts them all', async () => {
		const s = await setup();
		// 250 people, each with two overlapping spells: 250 overlaps, each naming its own other line.
		const rows = Array.from({ length: 250 }, (_, i) => [
			[`p-${i}`, 'WARD1', '06/01/2025', '10/01/2025', 'ziekte'],
			[`p-${i}`, 'WARD1', '09/01/2025', '15/01/2025', 'ziekte']
		]).flat();
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('overlap.csv', spellsCsv(rows))));
		expect(outcome.problemCount).toBe(250);
		expect(outcome.problems).toHaveLength(200);
		expect(outcome.problems.map((p) => p.line)).toEqual(Array.from({ length: 200 }, (_, i) => 2 * i + 3));
		expect(outcome.problems.every((p) => p.key === 'signals.problem.overlap' && !p.rows)).toBe(true);
	});

	it('cuts long values in problems to 60 characters', async () => {
		const s = await setup();
		const long = '1'.repeat(20) + 'x'.repeat(100);
		const outcome = await refused(
			importFiles(s.hr, s.org.id, upload('lang.csv', headcountCsv([['WARD1', '01/2025', long]])))
		);
		expect(outcome.problems[0]!.value).toBe(long.slice(0, 59) + '…');
	});
});

describe('importSignals: unknown unit codes', () => {
	const FILE = headcountCsv([
		['WARD1', '01/2025', '24'],
		['ZORG-X', '01/2025', '8'],
		['zorg-x', '02/2025', '8'],
		['ZORG-Y', '01/2025', '5'],
		['ZORG-X ', '03/2025', '9'],
		['ELDERS', '01/2025', '3']
	]);

	it('lists each unknown code once with its rows, imports nothing, and imports after mapping the codes', async () => {
		const s = await setup();
		await baseline(s);
		const before = await everything(s.org.id);
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('codes.csv', FILE)));
		expect(outcome.problems).toEqual([]);
		expect(outcome.problemCount).toBe(0);
		expect(outcome.unknownUnits).toEqual([
			{ code: 'ZORG-X', rows: 3, lines: [3, 4, 6] },
			{ code: 'ZORG-Y', rows: 1, lines: [5] },
			{ code: 'ELDERS', rows: 1, lines: [7] }
		]);
		expect(outcome.unknownUnitRows).toBe(5);
		expect(await everything(s.org.id)).toEqual(before);

		expect(
			await mapUnitCodes(testDb.db, s.hr, s.org.id, {
				'ZORG-X': s.ids.WARD2,
				' zorg-y ': s.ids.OFFICE,
				ELDERS: s.ids['CAFÉ'],
				'NIET-GEKOZEN': ''
			})
		).toBe(3);
		const mapped = (await auditOf(testDb.db, s.org.id)).filter((a) => a.action === 'signals.mapCode');
		expect(mapped.map((a) => [a.object_id, a.detail])).toEqual([
			[s.ids.WARD2, { code: 'ZORG-X' }],
			[s.ids.OFFICE, { code: 'zorg-y' }],
			[s.ids['CAFÉ'], { code: 'ELDERS' }]
		]);

		await imported(importFiles(s.hr, s.org.id, upload('codes.csv', FILE)));
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('CAFÉ', '2025-01', { headcount: 3 }),
			monthlyMonth('OFFICE', '2025-01', { headcount: 5 }),
			monthlyMonth('WARD1', '2024-12', { headcount: 10 }),
			monthlyMonth('WARD1', '2025-01', { headcount: 24 }),
			monthlyMonth('WARD2', '2025-01', { headcount: 8 }),
			monthlyMonth('WARD2', '2025-02', { headcount: 8 }),
			monthlyMonth('WARD2', '2025-03', { headcount: 9 })
		]);
	});

	it('reports unknown codes and row problems together', async () => {
		const s = await setup();
		const outcome = await refused(
			importFiles(
				s.hr,
				s.org.id,
				upload(
					'beide.csv',
					headcountCsv([
						['ZORG-X', '01/2025', '8'],
						['WARD1', '01/2025', 'acht']
					])
				)
			)
		);
		expect(outcome.unknownUnits).toEqual([{ code: 'ZORG-X', rows: 1, lines: [2] }]);
		expect(outcome.problems).toMatchObject([
			{ line: 3, column: 'headcount', key: 'signals.problem.notNumber' }
		]);
		expect(outcome.problemCount).toBe(1);
	});

	it('refuses a mapping to a unit of another organisation, an empty mapping, and mapping by an admin', async () => {
		const s = await setup();
		await expectProblem(
			mapUnitCodes(testDb.db, s.hr, s.org.id, { 'ZORG-X': s.otherWard1 }),
			'mapping',
			'signals.mappingInvalid'
		);
		await expectProblem(
			mapUnitCodes(testDb.db, s.hr, s.org.id, { 'ZORG-X': '' }),
			'mapping',
			'signals.mappingEmpty'
		);
		await expectProblem(
			mapUnitCodes(testDb.db, s.hr, s.org.id, { ' ': s.ids.WARD1 }),
			'mapping',
			'signals.mappingInvalid'
		);
		await expectHttpError(mapUnitCodes(testDb.db, s.admin, s.org.id, { 'ZORG-X': s.ids.WARD1 }), 403);
		await expectHttpError(mapUnitCodes(testDb.db, s.otherHr, s.org.id, { 'ZORG-X': s.ids.WARD1 }), 404);
		expect((await everything(s.org.id)).aliases).toEqual([]);
		expect(await auditOf(testDb.db, s.org.id)).toEqual([]);
	});
});

describe('importSignals: re-uploads, history and undo', () => {
	const FIRST = headcountCsv([
		['WARD1', '01/2025', '20'],
		['WARD1', '02/2025', '21'],
		['WARD2', '01/2025', '8']
	]);
	const SECOND = headcountCsv([
		['WARD1', '02/2025', '25'],
		['WARD1', '03/2025', '26']
	]);

	it('replaces the unit-months of a later upload, keeps the earlier one in the history, and undo brings it back', async () => {
		const s = await setup();
		const first = await imported(importFiles(s.hr, s.org.id, upload('januari.csv', FIRST)));
		const second = await imported(importFiles(s.hr, s.org.id, upload('februari.csv', SECOND)));
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('WARD1', '2025-01', { headcount: 20 }),
			monthlyMonth('WARD1', '2025-02', { headcount: 25 }),
			monthlyMonth('WARD1', '2025-03', { headcount: 26 }),
			monthlyMonth('WARD2', '2025-01', { headcount: 8 })
		]);
		expect(await figureRows(s.org.id)).toHaveLength(5);

		const overview = await signalsOverview(testDb.db, s.advisor, s.org.id);
		expect(overview.canImport).toBe(true);
		expect(overview.uploads).toEqual([
			expect.objectContaining({
				id: second.uploadId,
				format: 'monthly',
				fileName: 'februari.csv',
				rows: 2,
				from: '2025-02',
				to: '2025-03',
				units: 1,
				uploadedBy: expect.stringMatching(/^hr-/),
				undoneAt: null,
				replacedUnitMonths: 0
			}),
			expect.objectContaining({
				id: first.uploadId,
				fileName: 'januari.csv',
				rows: 3,
				from: '2025-01',
				to: '2025-02',
				units: 2,
				undoneAt: null,
				replacedUnitMonths: 1
			})
		]);
		expect(overview.units.map((u) => u.code)).toEqual(['CAFÉ', 'OFFICE', 'ROOT', 'WARD1', 'WARD2']);

		await undoUpload(testDb.db, s.advisor, s.org.id, second.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('WARD1', '2025-01', { headcount: 20 }),
			monthlyMonth('WARD1', '2025-02', { headcount: 21 }),
			monthlyMonth('WARD2', '2025-01', { headcount: 8 })
		]);
		expect(await figureRows(s.org.id)).toHaveLength(5);
		const after = await signalsOverview(testDb.db, s.hr, s.org.id);
		expect(after.uploads).toEqual([
			expect.objectContaining({
				id: second.uploadId,
				undoneAt: expect.anything(),
				undoneBy: expect.stringMatching(/^advisor-/)
			}),
			expect.objectContaining({ id: first.uploadId, undoneAt: null, replacedUnitMonths: 0 })
		]);
		const audit = await auditOf(testDb.db, s.org.id);
		expect(audit.map((a) => a.action)).toEqual(['signals.import', 'signals.import', 'signals.undo']);
		expect(audit[2]).toMatchObject({ actor_user_id: s.advisor.userId, object_id: second.uploadId });

		// Undoing twice is refused and changes nothing.
		const before = await everything(s.org.id);
		await expectProblem(
			undoUpload(testDb.db, s.hr, s.org.id, second.uploadId),
			'upload',
			'signals.alreadyUndone'
		);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('undo of the only upload removes its unit-months', async () => {
		const s = await setup();
		const only = await imported(importFiles(s.hr, s.org.id, upload('januari.csv', FIRST)));
		await undoUpload(testDb.db, s.hr, s.org.id, only.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([]);
		expect(await uploadRows(s.org.id)).toEqual([
			expect.objectContaining({ id: only.uploadId, undone_by: s.hr.userId, undone_at: expect.anything() })
		]);
	});

	it('undo of an earlier upload keeps the later figures and brings back what it had replaced', async () => {
		const s = await setup();
		const first = await imported(
			importFiles(s.hr, s.org.id, upload('a.csv', headcountCsv([['WARD1', '01/2025', '20']])))
		);
		const second = await imported(
			importFiles(
				s.hr,
				s.org.id,
				upload(
					'b.csv',
					headcountCsv([
						['WARD1', '01/2025', '22'],
						['WARD1', '02/2025', '23']
					])
				)
			)
		);
		await imported(importFiles(s.hr, s.org.id, upload('c.csv', headcountCsv([['WARD1', '02/2025', '24']]))));
		await undoUpload(testDb.db, s.hr, s.org.id, second.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('WARD1', '2025-01', { headcount: 20 }),
			monthlyMonth('WARD1', '2025-02', { headcount: 24 })
		]);
		await undoUpload(testDb.db, s.hr, s.org.id, first.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([monthlyMonth('WARD1', '2025-02', { headcount: 24 })]);
	});

	it.each([
		['an unknown upload id', () => randomUUID()],
		['something that is not an id', () => 'not-a-uuid']
	])('refuses to undo %s', async (_label, id) => {
		const s = await setup();
		await baseline(s);
		const before = await everything(s.org.id);
		await expectProblem(undoUpload(testDb.db, s.hr, s.org.id, id()), 'upload', 'signals.uploadUnknown');
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('changes nothing when the identical file comes again, even under another name', async () => {
		const s = await setup();
		const first = await imported(importFiles(s.hr, s.org.id, upload('januari.csv', FIRST)));
		const before = await everything(s.org.id);
		const again = expectStatus(
			await importFiles(s.advisor, s.org.id, upload('kopie.csv', FIRST, 5)),
			'unchanged'
		);
		expect(again).toEqual({
			status: 'unchanged',
			uploadId: first.uploadId,
			fileName: 'januari.csv',
			uploadedAt: before.uploads[0]!.uploaded_at
		});
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('detects the identical file when both arrive at the same time', async () => {
		const s = await setup();
		const outcomes = await Promise.all([
			importFiles(s.hr, s.org.id, upload('a.csv', FIRST)),
			importFiles(s.advisor, s.org.id, upload('b.csv', FIRST))
		]);
		expect(outcomes.map((o) => o.status).sort()).toEqual(['imported', 'unchanged']);
		expect(await uploadRows(s.org.id)).toHaveLength(1);
		expect(await figureRows(s.org.id)).toHaveLength(3);
	});

	it('imports the identical file anew once a later upload replaced part of it, or after its undo', async () => {
		const s = await setup();
		const first = await imported(importFiles(s.hr, s.org.id, upload('januari.csv', FIRST)));
		await imported(importFiles(s.hr, s.org.id, upload('februari.csv', SECOND)));
		const again = await imported(importFiles(s.hr, s.org.id, upload('januari.csv', FIRST)));
		expect(again.uploadId).not.toBe(first.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('WARD1', '2025-01', { headcount: 20 }),
			monthlyMonth('WARD1', '2025-02', { headcount: 21 }),
			monthlyMonth('WARD1', '2025-03', { headcount: 26 }),
			monthlyMonth('WARD2', '2025-01', { headcount: 8 })
		]);

		await undoUpload(testDb.db, s.hr, s.org.id, again.uploadId);
		await undoUpload(testDb.db, s.hr, s.org.id, first.uploadId);
		const third = await imported(importFiles(s.hr, s.org.id, upload('januari.csv', FIRST)));
		expect(await uploadRows(s.org.id)).toHaveLength(4);
		expect((await figureRows(s.org.id, third.uploadId)).length).toBe(3);
	});

	it('replaces only the figures an upload supplies (field by field) and undo restores them', async () => {
		const s = await setup();
		await imported(
			importFiles(
				s.hr,
				s.org.id,
				upload(
					'volledig.csv',
					monthlyCsv(
						['unitCode', 'month', 'headcount', 'fte', 'plannedDays', 'sickDaysShort', 'leaversVoluntary'],
						[
							['WARD1', '01/2025', '24', '21,5', '473', '14,5', '1'],
							['WARD2', '01/2025', '8', '7', '150', '2', '0']
						]
					)
				)
			)
		);
		const partial = await imported(
			importFiles(
				s.hr,
				s.org.id,
				upload(
					'vertrekkers.csv',
					monthlyCsv(
						['unitCode', 'month', 'leaversVoluntary', 'psychosocialRequests'],
						[['WARD1', '01/2025', '2', '1']]
					)
				)
			)
		);
		const FULL_WARD1 = { headcount: 24, fte: 21.5, planned_days: 473, sick_days_short: 14.5 };
		const WARD2 = monthlyMonth('WARD2', '2025-01', {
			headcount: 8,
			fte: 7,
			planned_days: 150,
			sick_days_short: 2,
			leavers_voluntary: 0
		});
		expect(await figuresIn(s.org.id)).toEqual([
			// A file without headcount brings no people: WARD1's stay as the full file gave them.
			unitMonth('WARD1', '2025-01', {
				...FULL_WARD1,
				people: 25,
				leavers_voluntary: 2,
				psychosocial_requests: 1
			}),
			WARD2
		]);
		// The upload itself stores only what it supplied.
		expect(await figureRows(s.org.id, partial.uploadId)).toEqual([
			expect.objectContaining({ ...NONE, leavers_voluntary: 2, psychosocial_requests: 1 })
		]);

		await undoUpload(testDb.db, s.hr, s.org.id, partial.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([
			monthlyMonth('WARD1', '2025-01', { ...FULL_WARD1, leavers_voluntary: 1 }),
			WARD2
		]);
	});
});

describe('importSignals: spells and staffing files', () => {
	// Monday 20 January to Friday 28 February 2025 (sick, WARD1), then open from Monday 10 March.
	// Monday 3 to Wednesday 5 February (work accident, WARD2). Three short spells of one person in
	// WARD2: 6–7 January, 10 February, 3–5 March.
	const SPELLS = [
		['p-7f3a91', 'WARD1', '20/01/2025', '28/02/2025', 'ziekte'],
		['p-b20c44', 'WARD2', '03/02/2025', '05/02/2025', 'arbeidsongeval'],
		['p-7f3a91', 'WARD1', '10/03/2025', '', 'Ziekte'],
		['p-e55d01', 'WARD2', '2025-01-06', '2025-01-07', 'maladie'],
		['p-e55d01', 'WARD2', '10/02/2025', '10/02/2025', 'sickness'],
		['p-e55d01', 'WARD2', '03/03/2025', '05/03/2025', 'ziekte'],
		['p-e55d01', 'WARD2', '17/03/2025', '18/03/2025', 'moederschapsrust']
	];

	/**
	 * Hand-computed (workdays Monday to Friday; a sick day is short in days 1–30 of its spell and
	 * medium in days 31–365):
	 * - WARD1, spell of 20 January: January 20–31 has 10 workdays, all short; February 1–18 (days
	 *   13–30) 12 short workdays, February 19–28 (days 31–40) 8 medium ones. It ends in February
	 *   after 30 workdays; day 29 (17 February) makes it a new incapacity of more than 4 weeks.
	 *   The open spell of 10 March runs to the end of the period (31 March): 16 short workdays.
	 * - WARD2: the work accident counts in February, not as sick days; the three short spells are
	 *   2, 1 and 3 workdays, and by March the person has had three spells in 12 months. Maternity
	 *   leave is not sickness and counts nowhere.
	 */
	const SPELL_FIGURES = [
		unitMonth('WARD1', '2025-01', { ...SPELLS_ZERO, sick_days_short: 10, spells: 1, people: 1 }),
		unitMonth('WARD1', '2025-02', {
			...SPELLS_ZERO,
			people: 1,
			sick_days_short: 12,
			sick_days_medium: 8,
			new_incapacity_4w: 1,
			spells_ended: 1,
			spells_ended_days: 30
		}),
		unitMonth('WARD1', '2025-03', { ...SPELLS_ZERO, sick_days_short: 16, spells: 1, people: 1 }),
		unitMonth('WARD2', '2025-01', {
			...SPELLS_ZERO,
			people: 1,
			sick_days_short: 2,
			spells: 1,
			spells_ended: 1,
			spells_ended_days: 2
		}),
		// The work accident's person and the person with a short spell.
		unitMonth('WARD2', '2025-02', {
			...SPELLS_ZERO,
			people: 2,
			sick_days_short: 1,
			spells: 1,
			spells_ended: 1,
			spells_ended_days: 1,
			work_accidents: 1
		}),
		unitMonth('WARD2', '2025-03', {
			...SPELLS_ZERO,
			people: 1,
			sick_days_short: 3,
			spells: 1,
			spells_ended: 1,
			spells_ended_days: 3,
			frequent_absentees: 1
		})
	];

	it('aggregates a spells file into unit-months and keeps the figures it does not supply', async () => {
		const s = await setup();
		// A monthly file brought headcount, planned and sick days for WARD1 before.
		await imported(
			importFiles(
				s.hr,
				s.org.id,
				upload(
					'maand.csv',
					monthlyCsv(
						['unitCode', 'month', 'headcount', 'plannedDays', 'sickDaysShort'],
						['01/2025', '02/2025', '03/2025'].map((m) => ['WARD1', m, '10', '200', '99'])
					)
				)
			)
		);
		const outcome = await imported(
			importFiles(s.hr, s.org.id, upload('afwezigheden.csv', spellsCsv(SPELLS), 11))
		);
		expect(outcome).toMatchObject({
			formats: ['spells'],
			rows: 7,
			period: { from: '2025-01', to: '2025-03' },
			units: 2,
			unitMonths: 6
		});
		// The monthly file still supplies WARD1's headcount: its 10 people stay the unit's people.
		const kept = { headcount: 10, planned_days: 200, people: 10 };
		expect(await figuresIn(s.org.id)).toEqual(
			SPELL_FIGURES.map((f) => (f.unit === 'WARD1' ? { ...f, ...kept } : f))
		);
		expect(await uploadRows(s.org.id)).toMatchObject([
			{ format: 'monthly' },
			{ format: 'spells', period_from: '2025-01-01', period_to: '2025-03-01', row_count: 7, unit_count: 2 }
		]);
	});

	it('weighs sick days by FTE with a staffing file and derives headcount, FTE, planned days and leavers', async () => {
		const s = await setup();
		const staffing = staffingCsv([
			['p-7f3a91', 'WARD1', '0,8', '01/09/2019', '', ''],
			['p-c3d9e1', 'WARD1', '0,5', '01/02/2025', '', ''],
			['p-b20c44', 'WARD2', '1', '15/03/2021', '14/02/2025', 'vrijwillig'],
			['p-e55d01', 'WARD2', '1', '01/01/2020', '', '']
		]);
		const outcome = await imported(
			importFiles(s.hr, s.org.id, [
				upload('personeel.csv', staffing),
				upload('afwezigheden.csv', spellsCsv(SPELLS))
			])
		);
		expect(outcome).toMatchObject({ formats: ['staffing', 'spells'], rows: 11, unitMonths: 6 });
		/*
		 * Workdays: January 2025 23, February 20, March 21. WARD1: 0.8 FTE all along, 0.5 FTE from
		 * Saturday 1 February. WARD2: one person leaves on Friday 14 February (10 workdays in
		 * February, gone at month end), the other stays.
		 */
		const staff = {
			WARD1: [
				{ headcount: 1, fte: 0.8, planned_days: 18.4, people: 1 },
				{ headcount: 2, fte: 1.3, planned_days: 26, people: 2 },
				{ headcount: 2, fte: 1.3, planned_days: 27.3, people: 2 }
			],
			WARD2: [
				{ headcount: 2, fte: 2, planned_days: 46, people: 2 },
				// The leaver counts in February, the month they were on the staff for two weeks.
				{ headcount: 1, fte: 1, planned_days: 30, leavers_voluntary: 1, people: 2 },
				{ headcount: 1, fte: 1, planned_days: 21, people: 1 }
			]
		};
		const weighted: Record<string, Partial<SignalFigures>> = {
			'WARD1 2025-01': { sick_days_short: 8 },
			'WARD1 2025-02': { sick_days_short: 9.6, sick_days_medium: 6.4 },
			'WARD1 2025-03': { sick_days_short: 12.8 }
		};
		expect(await figuresIn(s.org.id)).toEqual(
			SPELL_FIGURES.map((f) => ({
				...f,
				leavers_voluntary: 0,
				leavers_involuntary: 0,
				...staff[f.unit as 'WARD1' | 'WARD2'][Number(f.month.slice(5)) - 1],
				...weighted[`${f.unit} ${f.month}`]
			}))
		);
		expect(await uploadRows(s.org.id)).toMatchObject([
			{ format: 'spells+staffing', file_name: 'personeel.csv + afwezigheden.csv', row_count: 11 }
		]);
	});

	it('refuses a staffing file alone without a period, and overlapping spells of one person', async () => {
		const s = await setup();
		const staffing = staffingCsv([['p-1', 'WARD1', '1', '01/01/2020', '', '']]);
		expect((await refused(importFiles(s.hr, s.org.id, upload('p.csv', staffing)))).problems).toMatchObject([
			{ line: 0, key: 'signals.problem.periodRequired' }
		]);
		await imported(
			importFiles(s.hr, s.org.id, upload('p.csv', staffing), { period: { from: '2025-01', to: '2025-02' } })
		);
		expect(await figuresIn(s.org.id)).toEqual([
			unitMonth('WARD1', '2025-01', { ...NO_LEAVERS, headcount: 1, fte: 1, planned_days: 23, people: 1 }),
			unitMonth('WARD1', '2025-02', { ...NO_LEAVERS, headcount: 1, fte: 1, planned_days: 20, people: 1 })
		]);

		const overlap = spellsCsv([
			['p-1', 'WARD1', '06/01/2025', '10/01/2025', 'ziekte'],
			['p-1', 'WARD1', '09/01/2025', '15/01/2025', 'ziekte'],
			['p-1', 'WARD1', '06/01/2025', '10/01/2025', 'ziekte']
		]);
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('overlap.csv', overlap)));
		expect(outcome.problems).toEqual([
			expect.objectContaining({
				line: 3,
				column: 'startDate',
				// As the cell wrote it.
				value: '09/01/2025',
				key: 'signals.problem.overlap'
			}),
			expect.objectContaining({ line: 4, key: 'signals.problem.duplicateRow', params: { firstLine: 2 } })
		]);
	});

	it('refuses a period that ends before it starts', async () => {
		const s = await setup();
		await expectProblem(
			importFiles(s.hr, s.org.id, upload('a.csv', spellsCsv(SPELLS)), {
				period: { from: '2025-03', to: '2025-01' }
			}),
			'period',
			'signals.periodInvalid'
		);
		expect(await uploadRows(s.org.id)).toEqual([]);
	});

	it('names the file a problem is in when the first of two files was refused at its header', async () => {
		const s = await setup();
		const brokenSpells = belgianCsv([
			['Medewerkerssleutel', 'Eenheidscode', 'Begindatum', 'Rijksregisternummer'],
			['p-1', 'WARD1', '06/01/2025', '85073003328']
		]);
		const staffing = staffingCsv([['p-1', 'WARD1', 'een', '01/01/2020', '', '']]);
		const outcome = await refused(
			importFiles(s.hr, s.org.id, [
				upload('afwezigheden.csv', brokenSpells),
				upload('personeel.csv', staffing)
			])
		);
		expect(outcome.problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ file: 'afwezigheden.csv', line: 1, key: 'signals.format.unknownColumn' }),
				expect.objectContaining({
					file: 'personeel.csv',
					line: 2,
					column: 'fte',
					key: 'signals.problem.notNumber'
				})
			])
		);
	});

	it('imports the same spells file again when the period differs (the period is part of the upload)', async () => {
		const s = await setup();
		const bytes = spellsCsv(SPELLS.slice(0, 2));
		await imported(
			importFiles(s.hr, s.org.id, upload('a.csv', bytes), { period: { from: '2025-01', to: '2025-03' } })
		);
		const wider = await importFiles(s.hr, s.org.id, upload('a.csv', bytes), {
			period: { from: '2024-10', to: '2025-03' }
		});
		expect(wider.status).toBe('imported');
		expect((await figuresIn(s.org.id)).filter((f) => f.month === '2024-10')).toHaveLength(2);
	});
});

describe('importSignals: broken files', () => {
	const HEADER = ['Eenheidscode', 'Maand', 'Aantal medewerkers'];
	const text = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

	// [what, file bytes, the problems expected, how many problems]
	const cases: Array<[string, Buffer, object[], number?]> = [
		['an empty file', Buffer.alloc(0), [{ line: 0, key: 'signals.file.empty', params: {} }]],
		[
			'a file with only a BOM and blank lines',
			Buffer.concat([BOM, text('', ';;', '')]),
			[{ line: 0, key: 'signals.file.empty' }]
		],
		[
			'a header without rows',
			belgianCsv([HEADER, []]),
			[{ line: 0, key: 'signals.file.noRows', params: { headerLine: 1 } }]
		],
		[
			'UTF-16 with BOM',
			Buffer.concat([
				Buffer.from([0xff, 0xfe]),
				Buffer.from(csvText([HEADER, ['WARD1', '01/2025', '3']]), 'utf16le')
			]),
			[{ line: 0, key: 'signals.file.utf16' }]
		],
		[
			'UTF-16 without BOM',
			Buffer.from(csvText([HEADER, ['WARD1', '01/2025', '3']]), 'utf16le'),
			[{ line: 0, key: 'signals.file.utf16' }]
		],
		[
			'UTF-8 with BOM that turns into Windows-1252 on line 3',
			Buffer.concat([
				belgianCsv([HEADER, ['WARD1', '01/2025', '3']]),
				Buffer.from('Café;02/2025;4\r\n', 'latin1')
			]),
			[{ line: 3, key: 'signals.file.invalidUtf8', params: { line: 3 } }]
		],
		[
			'a cut-off Excel workbook (.xlsx is read, this one cannot be)',
			Buffer.from('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml', 'latin1'),
			[{ line: 0, key: 'signals.file.xlsxBroken' }]
		],
		[
			'an old Excel workbook (.xls)',
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
			[{ line: 0, key: 'signals.file.spreadsheet' }]
		],
		[
			'a stray quote inside a cell',
			text(HEADER.join(';'), 'WARD1;01/2025;24', 'WARD1;"02/"2025";24', 'WARD2;01/2025;8'),
			[{ line: 3, format: 'monthly', key: 'signals.file.badQuotes', params: { line: 3 } }]
		],
		[
			'a quote that is never closed',
			text(HEADER.join(';'), 'WARD1;01/2025;24', 'WARD1;"02/2025;24', 'WARD2;01/2025;8', 'WARD2;02/2025;8'),
			[{ line: 3, format: 'monthly', key: 'signals.file.badQuotes', params: { line: 3 } }]
		],
		[
			'rows with too few cells',
			text(HEADER.join(';'), 'WARD1;01/2025;24', 'WARD1;02/2025', 'WARD2;01/2025;8'),
			[
				{
					line: 3,
					format: 'monthly',
					key: 'signals.file.cellCount',
					params: { line: 3, expected: 3, found: 2 }
				}
			]
		],
		[
			'a header of no known format',
			text('naam;adres;geboortedatum', 'Jan;Straat 1;01/01/1980'),
			[{ line: 1, key: 'signals.format.unknown' }]
		],
		[
			'an unknown extra column (a name, say)',
			text('Eenheidscode;Maand;Naam', 'WARD1;01/2025;Jan Peeters'),
			[{ line: 1, format: 'monthly', value: 'Naam', key: 'signals.format.unknownColumn' }]
		],
		[
			'a required column missing',
			text('Medewerkerssleutel;Eenheidscode;Begindatum;Soort afwezigheid', 'p-1;WARD1;01/01/2025;ziekte'),
			[{ line: 1, format: 'spells', column: 'endDate', key: 'signals.format.missingColumn' }]
		],
		[
			'a column twice',
			text('Eenheidscode;Maand;Aantal medewerkers;Headcount', 'WARD1;01/2025;3;3'),
			[{ line: 1, column: 'headcount', value: 'Headcount', key: 'signals.format.duplicateColumn' }]
		],
		[
			'formula cells in number and month columns',
			monthlyCsv(
				['unitCode', 'month', 'headcount', 'fte', 'plannedDays', 'sickDaysShort'],
				[
					['WARD1', '01/2025', '=SUM(A1)', '+1', '@cmd', '-A1'],
					['WARD2', '=TODAY()', '8', '7', '140', '0']
				]
			),
			[
				{ line: 2, column: 'headcount', value: '=SUM(A1)', key: 'signals.problem.formula' },
				{ line: 2, column: 'fte', value: '+1', key: 'signals.problem.formula' },
				{ line: 2, column: 'plannedDays', value: '@cmd', key: 'signals.problem.formula' },
				{ line: 2, column: 'sickDaysShort', value: '-A1', key: 'signals.problem.formula' },
				{ line: 3, column: 'month', value: '=TODAY()', key: 'signals.problem.formula' }
			]
		],
		[
			'formula cells in date columns of a spells file',
			spellsCsv([['p-1', 'WARD1', '=DATE(2025;1;6)', '@now', 'ziekte']]),
			[
				{ line: 2, column: 'startDate', value: '=DATE(2025;1;6)', key: 'signals.problem.formula' },
				{ line: 2, column: 'endDate', value: '@now', key: 'signals.problem.formula' }
			]
		]
	];

	it.each(cases)('refuses %s with its own key and stores nothing', async (_what, bytes, expected, count) => {
		const s = await setup();
		await baseline(s);
		const before = await everything(s.org.id);
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('kapot.csv', bytes, 1000)));
		expect(outcome.problems).toEqual(
			expected.map((p) => expect.objectContaining({ file: 'kapot.csv', ...p }))
		);
		expect(outcome.problemCount).toBe(count ?? expected.length);
		expect(await everything(s.org.id)).toEqual(before);
	});

	/** 50 MB made as it is read, counting what the import pulled. */
	function fiftyMegabytes(fill: (chunk: Buffer, index: number) => void, head = Buffer.alloc(0)) {
		const total = 50 * 1024 * 1024;
		const state = { pulled: 0 };
		async function* stream(): AsyncGenerator<Uint8Array> {
			if (head.length) {
				state.pulled += head.length;
				yield head;
			}
			for (let index = 0; state.pulled < total; index++) {
				const chunk = Buffer.alloc(64 * 1024);
				fill(chunk, index);
				state.pulled += chunk.length;
				yield chunk;
			}
		}
		return { state, file: { name: 'rommel.csv', stream: stream() } satisfies UploadFile };
	}

	const headerLine = Buffer.from(HEADER.join(';') + '\r\n');
	const garbage: Array<[string, () => ReturnType<typeof fiftyMegabytes>, object]> = [
		[
			'random bytes',
			() => fiftyMegabytes((c) => randomBytes(c.length).copy(c)),
			{ key: 'signals.file.notText' }
		],
		[
			'random bytes after a valid header',
			() => fiftyMegabytes((c) => randomBytes(c.length).copy(c), headerLine),
			{ key: 'signals.file.notText' }
		],
		[
			'one endless line of letters',
			() => fiftyMegabytes((c) => c.fill(0x61)),
			{ line: 1, key: 'signals.file.lineTooLong', params: { line: 1, maxChars: 65536 } }
		],
		[
			'lines of text that are no known format',
			() => fiftyMegabytes((c) => c.fill('lorem;ipsum;dolor\r\n')),
			{ line: 1, key: 'signals.format.unknown' }
		]
	];

	it.each(garbage)(
		'refuses 50 MB of %s quickly, after reading little of it',
		async (_what, make, expected) => {
			const s = await setup();
			const before = await everything(s.org.id);
			const { state, file } = make();
			const started = performance.now();
			const outcome = await refused(importFiles(s.hr, s.org.id, file));
			expect(performance.now() - started).toBeLessThan(2000);
			expect(outcome.problems).toEqual([expect.objectContaining(expected)]);
			expect(state.pulled).toBeLessThanOrEqual(256 * 1024);
			expect(await everything(s.org.id)).toEqual(before);
		}
	);

	it('refuses a file over the size limit as soon as it is passed', async () => {
		const s = await setup();
		const { state, file } = fiftyMegabytes((c) => c.fill('\r\n'), headerLine);
		const outcome = await refused(importFiles(s.hr, s.org.id, file, { maxBytes: 1024 * 1024 }));
		expect(outcome.problems).toEqual([
			expect.objectContaining({ line: 0, key: 'signals.file.tooLarge', params: { maxBytes: 1024 * 1024 } })
		]);
		expect(state.pulled).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
		expect(await uploadRows(s.org.id)).toEqual([]);
	});

	it('refuses an upload without files', async () => {
		const s = await setup();
		await expectProblem(importFiles(s.hr, s.org.id, []), 'file', 'signals.fileMissing');
	});

	it('refuses a monthly file together with a spells file', async () => {
		const s = await setup();
		const outcome = await refused(
			importFiles(s.hr, s.org.id, [
				upload('maand.csv', headcountCsv([['WARD1', '01/2025', '3']])),
				upload('afwezig.csv', spellsCsv([['p-1', 'WARD1', '06/01/2025', '07/01/2025', 'ziekte']]))
			])
		);
		expect(outcome.problems).toEqual([
			expect.objectContaining({ line: 0, file: 'afwezig.csv', key: 'signals.problem.filesCombination' })
		]);
		expect(await uploadRows(s.org.id)).toEqual([]);
	});
});

describe('signals access', () => {
	const FILE = headcountCsv([['WARD1', '01/2025', '24']]);

	it.each(['hr', 'advisor'] as const)('lets %s import and undo', async (role) => {
		const s = await setup();
		const outcome = await imported(importFiles(s[role], s.org.id, upload('a.csv', FILE)));
		expect(await uploadRows(s.org.id)).toMatchObject([{ uploaded_by: s[role].userId }]);
		await undoUpload(testDb.db, s[role], s.org.id, outcome.uploadId);
		expect(await figuresIn(s.org.id)).toEqual([]);
	});

	it('lets an admin see the history but not import, undo or map (403)', async () => {
		const s = await setup();
		const { uploadId } = await baseline(s);
		const before = await everything(s.org.id);
		const overview = await signalsOverview(testDb.db, s.admin, s.org.id);
		expect(overview.canImport).toBe(false);
		expect(overview.uploads.map((u) => u.id)).toEqual([uploadId]);
		await expectHttpError(importFiles(s.admin, s.org.id, upload('a.csv', FILE)), 403);
		await expectHttpError(undoUpload(testDb.db, s.admin, s.org.id, uploadId), 403);
		await expectHttpError(mapUnitCodes(testDb.db, s.admin, s.org.id, { X: s.ids.WARD1 }), 403);
		await expectHttpError(importFromRequest(testDb.db, s.admin, s.org.id, formRequest({}, [])), 403);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it('refuses a manager the history and the import (403)', async () => {
		const s = await setup();
		const { uploadId } = await baseline(s);
		const before = await everything(s.org.id);
		await expectHttpError(signalsOverview(testDb.db, s.manager, s.org.id), 403);
		await expectHttpError(importFiles(s.manager, s.org.id, upload('a.csv', FILE)), 403);
		await expectHttpError(undoUpload(testDb.db, s.manager, s.org.id, uploadId), 403);
		expect(await everything(s.org.id)).toEqual(before);
	});

	it.each(['otherHr', 'otherAdmin'] as const)(
		'answers 404 to %s, a member of another organisation',
		async (who) => {
			const s = await setup();
			const { uploadId } = await baseline(s);
			const before = await everything(s.org.id);
			await expectHttpError(signalsOverview(testDb.db, s[who], s.org.id), 404);
			await expectHttpError(importFiles(s[who], s.org.id, upload('a.csv', FILE)), 404);
			await expectHttpError(undoUpload(testDb.db, s[who], s.org.id, uploadId), 404);
			await expectHttpError(mapUnitCodes(testDb.db, s[who], s.org.id, { X: s.ids.WARD1 }), 404);
			expect(await everything(s.org.id)).toEqual(before);
		}
	);

	it('sends a visitor who is not signed in to the sign-in page', async () => {
		const s = await setup();
		const error = await importFiles(null, s.org.id, upload('a.csv', FILE)).catch((e: unknown) => e);
		expect(isRedirect(error)).toBe(true);
		expect(error).toMatchObject({ status: 303, location: '/login' });
		expect(await uploadRows(s.org.id)).toEqual([]);
	});

	it('keeps organisations apart: same unit code, same file, separate figures and undo', async () => {
		const s = await setup();
		await imported(
			importFiles(s.otherHr, s.other.id, upload('a.csv', headcountCsv([['WARD1', '01/2025', '30']])))
		);
		const theirsBefore = await everything(s.other.id);

		const ours = await imported(importFiles(s.hr, s.org.id, upload('a.csv', FILE)));
		expect(await everything(s.other.id)).toEqual(theirsBefore);
		expect(await figuresIn(s.org.id)).toEqual([monthlyMonth('WARD1', '2025-01', { headcount: 24 })]);

		// The identical file in the other organisation is not "unchanged" there.
		const same = await imported(importFiles(s.otherHr, s.other.id, upload('b.csv', FILE)));
		expect(same.uploadId).not.toBe(ours.uploadId);
		expect(await figuresIn(s.other.id)).toEqual([monthlyMonth('WARD1', '2025-01', { headcount: 24 })]);
		await undoUpload(testDb.db, s.otherHr, s.other.id, same.uploadId);
		expect(await figuresIn(s.other.id)).toEqual([monthlyMonth('WARD1', '2025-01', { headcount: 30 })]);

		// Undoing our upload from the other organisation: unknown there, 404 here.
		const oursBefore = await everything(s.org.id);
		await expectProblem(
			undoUpload(testDb.db, s.otherHr, s.other.id, ours.uploadId),
			'upload',
			'signals.uploadUnknown'
		);
		await expectHttpError(undoUpload(testDb.db, s.otherHr, s.org.id, ours.uploadId), 404);
		expect(await everything(s.org.id)).toEqual(oursBefore);
		expect((await signalsOverview(testDb.db, s.otherHr, s.other.id)).uploads.map((u) => u.id)).not.toContain(
			ours.uploadId
		);
	});
});

describe('the pseudonymous employee key', () => {
	const KEY = 'zx-SECRET-7f3a';

	it('never appears in a problem, however its rows are refused', async () => {
		const s = await setup();
		const spells = spellsCsv([
			[KEY, 'WARD1', '03/02/2025', '14/02/2025', 'ziekte'],
			[KEY, 'WARD1', '10/02/2025', '20/02/2025', 'ziekte'],
			[KEY, 'WARD1', '03/02/2025', '14/02/2025', 'ziekte'],
			[KEY, 'WARD1', '31/02/2025', '', 'ziekte'],
			[`${KEY}@example.be`, 'WARD1', '03/03/2025', '04/03/2025', 'ziekte'],
			[KEY + 'x'.repeat(70), 'WARD1', '03/03/2025', '04/03/2025', 'ziekte'],
			[KEY, 'ONBEKEND', '03/03/2025', '04/03/2025', 'ziekte'],
			[`${KEY}-2`, 'WARD1', '03/03/2025', '04/03/2025', 'ziekte']
		]);
		const staffing = staffingCsv([
			[KEY, 'WARD1', '1', '01/01/2020', '', ''],
			[KEY, 'WARD2', '1', '01/01/2020', '', '']
		]);
		const outcome = await refused(
			importFiles(s.hr, s.org.id, [upload('afwezig.csv', spells), upload('personeel.csv', staffing)])
		);
		const keys = outcome.problems.map((p) => p.key);
		expect(keys).toEqual(
			expect.arrayContaining([
				'signals.problem.overlap',
				'signals.problem.duplicateRow',
				'signals.problem.notDate',
				'signals.problem.keyIdentifying',
				'signals.problem.keyTooLong',
				'signals.problem.duplicateKey'
			])
		);
		for (const p of outcome.problems) expect(p.value).not.toContain('SECRET');
		expect(JSON.stringify(outcome)).not.toContain('SECRET');
		expect(outcome.unknownUnits).toEqual([{ code: 'ONBEKEND', rows: 1, lines: [8] }]);
		// A key missing from a staffing file (whose rows all name their employee) and a formula key.
		const missing = await refused(
			importFiles(s.hr, s.org.id, [
				upload('afwezig.csv', spellsCsv([[`${KEY}-2`, 'WARD1', '03/03/2025', '04/03/2025', 'ziekte']])),
				upload(
					'personeel.csv',
					staffingCsv([
						[KEY, 'WARD1', '1', '01/01/2020', '', ''],
						[`=${KEY}`, 'WARD1', '1', '01/01/2020', '', '']
					])
				)
			])
		);
		expect(missing.problems.map((p) => p.key)).toEqual(['signals.problem.formula']);
		const alone = await refused(
			importFiles(s.hr, s.org.id, [
				upload('afwezig.csv', spellsCsv([[`${KEY}-2`, 'WARD1', '03/03/2025', '04/03/2025', 'ziekte']])),
				upload('personeel.csv', staffingCsv([[KEY, 'WARD1', '1', '01/01/2020', '', '']]))
			])
		);
		expect(alone.problems.map((p) => p.key)).toEqual(['signals.problem.keyNotInStaffing']);
		expect(JSON.stringify([missing, alone])).not.toContain('SECRET');
	});

	it('is stored nowhere: not in uploads, figures, figures in force, aliases or the audit log', async () => {
		const s = await setup();
		const spells = spellsCsv([
			[KEY, 'WARD1', '03/02/2025', '14/02/2025', 'ziekte'],
			[`${KEY}-2`, 'WARD2', '03/03/2025', '', 'ziekte']
		]);
		const staffing = staffingCsv([
			[KEY, 'WARD1', '0,5', '01/01/2020', '', ''],
			[`${KEY}-2`, 'WARD2', '1', '01/01/2020', '', '']
		]);
		const first = await imported(
			importFiles(s.hr, s.org.id, [upload('afwezig.csv', spells), upload('personeel.csv', staffing)])
		);
		await undoUpload(testDb.db, s.hr, s.org.id, first.uploadId);
		await imported(importFiles(s.hr, s.org.id, upload('afwezig.csv', spells)));
		for (const table of ['signal_upload', 'signal_figure', 'signal_month', 'unit_code_alias', 'audit_log']) {
			const found = await sql<{ n: number }>`
				select count(*)::int as n from ${sql.table(table)} t where t::text ilike ${'%secret%'}
			`.execute(testDb.db);
			expect(found.rows[0]!.n, table).toBe(0);
		}
		expect((await figureRows(s.org.id)).length).toBeGreaterThan(0);
	});

	it('refuses keys that look like national register numbers', async () => {
		const s = await setup();
		// 85.07.30-033.28 and 00.02.29-123.23 style numbers with a valid check (mod 97).
		const national = (first9: number, after2000 = false) => {
			const check = 97 - ((after2000 ? 2_000_000_000 + first9 : first9) % 97);
			return `${String(first9).padStart(9, '0')}${String(check).padStart(2, '0')}`;
		};
		const keys = [national(850730033), national(900101123), national(22914, true)];
		const outcome = await refused(
			importFiles(
				s.hr,
				s.org.id,
				upload(
					'rrn.csv',
					spellsCsv(keys.map((k, i) => [k, 'WARD1', `0${i + 1}/01/2025`, `0${i + 1}/01/2025`, 'ziekte']))
				)
			)
		);
		expect(outcome.problems).toEqual([
			expect.objectContaining({ line: 0, key: 'signals.problem.identifyingKeys', value: '' })
		]);
		for (const k of keys) expect(JSON.stringify(outcome)).not.toContain(k);
	});
});

/** A multipart upload as the browser's form sends it: the period fields first, then the files. */
function formRequest(fields: Record<string, string>, files: Array<[string, Uint8Array]>): Request {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	for (const [name, bytes] of files)
		form.append('file', new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
	return new Request('http://localhost/o/org/signals/upload', { method: 'POST', body: form });
}

describe('importFromRequest', () => {
	// A long spell (sickness since Tuesday 2 January 2024) and a short one, in a period of four
	// months. 2 January 2024 + 365 days is 1 January 2025: December 2024 (days 335–365) is medium,
	// 2025 is long and ongoing for more than a year at each month end.
	const SPELLS = spellsCsv([
		['p-long', 'OFFICE', '02/01/2024', '', 'ziekte'],
		['p-short', 'WARD1', '06/01/2025', '07/01/2025', 'ziekte']
	]);

	it('imports a streamed multipart upload with the period fields', async () => {
		const s = await setup();
		const progress: ImportProgress[] = [];
		const outcome = expectStatus(
			await importFromRequest(
				testDb.db,
				s.hr,
				s.org.id,
				formRequest({ from: '2024-12', to: '2025-03' }, [['afwezigheden.csv', SPELLS]]),
				(p) => progress.push(p)
			),
			'imported'
		);
		expect(outcome).toMatchObject({
			formats: ['spells'],
			period: { from: '2024-12', to: '2025-03' },
			units: 2,
			unitMonths: 8
		});
		expect(progress.find((p) => p.phase === 'reading')).toMatchObject({ file: 'afwezigheden.csv', rows: 2 });
		expect(await uploadRows(s.org.id)).toMatchObject([
			{
				file_name: 'afwezigheden.csv',
				period_from: '2024-12-01',
				period_to: '2025-03-01',
				byte_size: SPELLS.length
			}
		]);
		expect(await figuresIn(s.org.id)).toEqual([
			unitMonth('OFFICE', '2024-12', { ...SPELLS_ZERO, sick_days_medium: 22, people: 1 }),
			unitMonth('OFFICE', '2025-01', {
				...SPELLS_ZERO,
				sick_days_long: 23,
				ongoing_incapacity_1y: 1,
				people: 1
			}),
			unitMonth('OFFICE', '2025-02', {
				...SPELLS_ZERO,
				sick_days_long: 20,
				ongoing_incapacity_1y: 1,
				people: 1
			}),
			unitMonth('OFFICE', '2025-03', {
				...SPELLS_ZERO,
				sick_days_long: 21,
				ongoing_incapacity_1y: 1,
				people: 1
			}),
			// Spells files count only the people in their figures.
			unitMonth('WARD1', '2024-12', { ...SPELLS_ZERO, people: 0 }),
			unitMonth('WARD1', '2025-01', {
				...SPELLS_ZERO,
				people: 1,
				sick_days_short: 2,
				spells: 1,
				spells_ended: 1,
				spells_ended_days: 2
			}),
			unitMonth('WARD1', '2025-02', { ...SPELLS_ZERO, people: 0 }),
			unitMonth('WARD1', '2025-03', { ...SPELLS_ZERO, people: 0 })
		]);
	});

	it('takes the period from the file without the fields, and reads two files of one form', async () => {
		const s = await setup();
		const staffing = staffingCsv([
			['p-long', 'OFFICE', '1', '01/01/2020', '', ''],
			['p-short', 'WARD1', '0,5', '01/01/2020', '', '']
		]);
		const outcome = expectStatus(
			await importFromRequest(
				testDb.db,
				s.advisor,
				s.org.id,
				formRequest({ from: '', to: '' }, [
					['afwezigheden.csv', SPELLS],
					['personeel.csv', staffing]
				])
			),
			'imported'
		);
		// From the earliest date (January 2024) to the latest (January 2025): 13 months, 2 units.
		expect(outcome).toMatchObject({
			formats: ['spells', 'staffing'],
			period: { from: '2024-01', to: '2025-01' },
			unitMonths: 26
		});
		expect(
			(await figuresIn(s.org.id)).find((f) => f.unit === 'WARD1' && f.month === '2025-01')
		).toMatchObject({
			headcount: 1,
			fte: 0.5,
			planned_days: 11.5,
			sick_days_short: 1
		});
	});

	it.each([
		['a period that ends before it starts', { from: '2025-03', to: '2024-12' }],
		['only a start month', { from: '2025-01' }],
		['a month that is no month', { from: '2025-13', to: '2025-14' }]
	])('refuses %s', async (_label, fields) => {
		const s = await setup();
		await expectProblem(
			importFromRequest(testDb.db, s.hr, s.org.id, formRequest(fields, [['a.csv', SPELLS]])),
			'period',
			'signals.periodInvalid'
		);
		expect(await uploadRows(s.org.id)).toEqual([]);
	});

	it('refuses a form without a file, and a body that is not a form', async () => {
		const s = await setup();
		await expectProblem(
			importFromRequest(testDb.db, s.hr, s.org.id, formRequest({ from: '2025-01', to: '2025-01' }, [])),
			'file',
			'signals.fileMissing'
		);
		const form = new FormData();
		form.append('file', new File([], ''));
		await expectProblem(
			importFromRequest(
				testDb.db,
				s.hr,
				s.org.id,
				new Request('http://localhost/x', { method: 'POST', body: form })
			),
			'file',
			'signals.fileMissing'
		);
		await expectProblem(
			importFromRequest(
				testDb.db,
				s.hr,
				s.org.id,
				new Request('http://localhost/x', {
					method: 'POST',
					body: new Uint8Array(SPELLS),
					headers: { 'content-type': 'text/csv' }
				})
			),
			'file',
			'signals.fileMissing'
		);
		expect(await uploadRows(s.org.id)).toEqual([]);
	});

	it('reports the problems of a broken upload like importSignals does', async () => {
		const s = await setup();
		const outcome = expectStatus(
			await importFromRequest(testDb.db, s.hr, s.org.id, formRequest({}, [['leeg.csv', new Uint8Array(0)]])),
			'refused'
		);
		expect(outcome.problems).toEqual([
			expect.objectContaining({ file: 'leeg.csv', key: 'signals.file.empty' })
		]);
	});
});

describe('importSignals: problems as an HR officer meets them', () => {
	it('refuses formula-like employee keys, unit codes and words as formulas, never echoing a key', async () => {
		const s = await setup();
		const spells = spellsCsv([
			['=HYPERLINK("x")', 'WARD1', '03/02/2025', '04/02/2025', 'ziekte'],
			['+32475123456', 'WARD1', '03/02/2025', '04/02/2025', 'ziekte'],
			['@SUM(1)', 'WARD1', '03/02/2025', '04/02/2025', 'ziekte'],
			['p-1', '=WARD1', '03/02/2025', '04/02/2025', 'ziekte'],
			['p-2', 'WARD1', '03/02/2025', '04/02/2025', '-ziekte']
		]);
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('formules.csv', spells)));
		expect(
			outcome.problems.map(({ line, column, value, key, rows }) => ({ line, column, value, key, rows }))
		).toEqual([
			{ line: 2, column: 'employeeKey', value: '', key: 'signals.problem.formula', rows: 3 },
			{ line: 5, column: 'unitCode', value: '=WARD1', key: 'signals.problem.formula', rows: undefined },
			{ line: 6, column: 'absenceType', value: '-ziekte', key: 'signals.problem.formula', rows: undefined }
		]);
		expect(outcome.unknownUnits).toEqual([]);
		expect(JSON.stringify(outcome)).not.toMatch(/HYPERLINK|32475/);
	});

	it('reports an FTE written as 100,0 once per row, not again as employees missing from the staffing file', async () => {
		const s = await setup();
		const spells = spellsCsv([
			['p-1', 'WARD1', '03/02/2025', '04/02/2025', 'ziekte'],
			['p-2', 'WARD2', '03/02/2025', '04/02/2025', 'ziekte']
		]);
		const staffing = staffingCsv([
			['p-1', 'WARD1', '100,0', '01/01/2020', '', ''],
			['p-2', 'WARD2', '100,0', '01/01/2020', '', '']
		]);
		const outcome = await refused(
			importFiles(s.hr, s.org.id, [upload('afwezig.csv', spells), upload('personeel.csv', staffing)])
		);
		expect(outcome.problemCount).toBe(2);
		expect(outcome.problems).toEqual([
			expect.objectContaining({
				file: 'personeel.csv',
				line: 2,
				column: 'fte',
				value: '100,0',
				key: 'signals.problem.fteRange',
				params: { max: 1.5 },
				rows: 2,
				lines: [2, 3]
			})
		]);
	});

	it('lists 2,477 dates written d/m/yy as one problem, first at line 2', async () => {
		const s = await setup();
		const rows = Array.from({ length: 2477 }, (_, i) => [
			`p-${i}`,
			'WARD1',
			`${(i % 28) + 1}/2/25`,
			'',
			'ziekte'
		]);
		const outcome = await refused(importFiles(s.hr, s.org.id, upload('kort.csv', spellsCsv(rows))));
		expect(outcome.problemCount).toBe(2477);
		expect(outcome.problems).toEqual([
			expect.objectContaining({
				line: 2,
				column: 'startDate',
				value: '1/2/25',
				key: 'signals.problem.notDate',
				rows: 2477,
				lines: [2, 3, 4, 5, 6]
			})
		]);
	});

	it('groups the reader’s problems too, and a staffing row it could not read hides no missing key twice', async () => {
		const s = await setup();
		const spells = spellsCsv([['p-1', 'WARD1', '03/02/2025', '04/02/2025', 'ziekte']]);
		const good = staffingCsv([['p-2', 'WARD1', '1', '01/01/2020', '', '']]).toString('utf8');
		// Two rows with a cell too many: p-1's among them.
		const staffing = Buffer.from(good + 'p-1;WARD1;1;01/01/2020;;;x\r\np-3;WARD1;1;01/01/2020;;;x\r\n');
		const outcome = await refused(
			importFiles(s.hr, s.org.id, [upload('afwezig.csv', spells), upload('personeel.csv', staffing)])
		);
		expect(outcome.problemCount).toBe(2);
		expect(outcome.problems).toEqual([
			expect.objectContaining({
				file: 'personeel.csv',
				line: 3,
				key: 'signals.file.cellCount',
				rows: 2,
				lines: [3, 4]
			})
		]);
	});
});
