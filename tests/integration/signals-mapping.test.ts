import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeFileStart, mappingOf, suggestMapping, VERDICT_BYTES } from '../../src/lib/domain/signals';
import {
	importFromRequest,
	importSignals,
	undoUpload,
	type ImportOptions,
	type ImportOutcome,
	type UploadFile
} from '../../src/lib/server/signals/service';
import { useTestDatabase } from '../helpers/db';
import { makeOrganisation, makeUnits, memberOf, nextNumber } from '../helpers/factories';
import { auditOf } from '../helpers/queries';
import {
	PAYROLL_HEADER,
	payrollCsv,
	payrollRows,
	payrollXlsx,
	recountPayroll,
	type PayrollRow
} from '../helpers/signals-payroll';
import { xlsx } from '../helpers/signals-xlsx';

const testDb = useTestDatabase();
const TODAY = '2026-03-10';

const UNITS = {
	'AFD-010': 'Verpleging; dag',
	'AFD-020': 'Keuken',
	'AFD-030': 'Administratie',
	'AFD-040': 'Onderhoud "technisch"'
};
const ROWS: PayrollRow[] = payrollRows(UNITS, 90);

async function setup() {
	const n = nextNumber();
	const org = await makeOrganisation(testDb.db, `Loonexport ${n}`);
	await makeUnits(testDb.db, org.id, [
		['ROOT', null, 120],
		['AFD-010', 'ROOT', 40],
		['AFD-020', 'ROOT', 30],
		['AFD-030', 'ROOT', 25],
		['AFD-040', 'ROOT', 25]
	]);
	const member = memberOf(testDb.db, n, org.id);
	return { org, hr: await member('hr') };
}

async function* chunks(bytes: Uint8Array, size = 16 * 1024): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
const upload = (name: string, bytes: Uint8Array): UploadFile => ({ name, stream: chunks(bytes) });

type Setup = Awaited<ReturnType<typeof setup>>;
function importOne(s: Setup, file: UploadFile, options: ImportOptions = {}) {
	return importSignals(testDb.db, s.hr, s.org.id, [file], { today: TODAY, ...options });
}

function expectStatus<S extends ImportOutcome['status']>(outcome: ImportOutcome, status: S) {
	if (outcome.status !== status)
		throw new Error(`expected ${status}, got ${JSON.stringify(outcome).slice(0, 600)}`);
	return outcome as Extract<ImportOutcome, { status: S }>;
}

/** The suggested mapping of the payroll header: what the mapping step offers and HR accepts. */
function suggested() {
	const suggestion = suggestMapping([...PAYROLL_HEADER]);
	return { [suggestion.format]: mappingOf([...PAYROLL_HEADER], suggestion.columns) };
}

/** The stored figures in force that the recount covers, by `CODE yyyy-mm`. */
async function storedFigures(organisationId: string) {
	const rows = await testDb.db
		.selectFrom('signal_month as m')
		.innerJoin('unit as u', 'u.id', 'm.unit_id')
		.select([
			'u.code',
			'm.month',
			'm.spells',
			'm.work_accidents',
			'm.spells_ended',
			'm.sick_days_short',
			'm.sick_days_medium',
			'm.sick_days_long'
		])
		.where('m.organisation_id', '=', organisationId)
		.execute();
	return new Map(
		rows.map((r) => [
			`${r.code} ${String(r.month).slice(0, 7)}`,
			{
				spells: r.spells ?? 0,
				workAccidents: r.work_accidents ?? 0,
				spellsEnded: r.spells_ended ?? 0,
				sickDays: (r.sick_days_short ?? 0) + (r.sick_days_medium ?? 0) + (r.sick_days_long ?? 0)
			}
		])
	);
}

/** Every stored unit-month equals the recount (0 where it counted nothing), and nothing counted is missing. */
async function expectRecount(organisationId: string) {
	const stored = await storedFigures(organisationId);
	const recount = recountPayroll(ROWS);
	const zero = { spells: 0, workAccidents: 0, spellsEnded: 0, sickDays: 0 };
	expect(stored.size).toBeGreaterThan(0);
	for (const [key, figures] of stored)
		expect({ key, ...figures }).toEqual({ key, ...(recount.get(key) ?? zero) });
	for (const key of recount.keys()) expect(stored.has(key), key).toBe(true);
	// The file is not trivial: spells, accidents and long spells in several units.
	const totals = [...recount.values()].reduce((a, f) => ({
		spells: a.spells + f.spells,
		workAccidents: a.workAccidents + f.workAccidents,
		spellsEnded: a.spellsEnded + f.spellsEnded,
		sickDays: a.sickDays + f.sickDays
	}));
	expect(totals.spells).toBeGreaterThan(50);
	expect(totals.workAccidents).toBeGreaterThan(3);
	return stored;
}

describe('the column mapping step', () => {
	it('a payroll export is refused without a mapping only for the columns the import does not know', async () => {
		const s = await setup();
		const outcome = expectStatus(
			await importOne(s, upload('loonexport.csv', Buffer.from(payrollCsv(ROWS)))),
			'refused'
		);
		// Both extra columns, and nothing else: the payroll names themselves are accepted as they are.
		expect(outcome.problemCount).toBe(2);
		expect(outcome.problems[0]).toMatchObject({
			line: 1,
			key: 'signals.format.unknownColumn',
			value: 'Afdelingsnaam'
		});
		expect(await storedFigures(s.org.id)).toEqual(new Map());
	});

	it('imports the payroll export through the suggested mapping with the figures of a recount, and remembers it', async () => {
		const s = await setup();
		const outcome = expectStatus(
			await importOne(s, upload('loonexport.csv', Buffer.from(payrollCsv(ROWS))), { mappings: suggested() }),
			'imported'
		);
		expect(outcome.rows).toBe(ROWS.length);
		await expectRecount(s.org.id);

		const remembered = await testDb.db
			.selectFrom('signal_column_mapping')
			.select(['format', 'mapping'])
			.where('organisation_id', '=', s.org.id)
			.execute();
		expect(remembered).toEqual([
			{
				format: 'spells',
				mapping: {
					personeelsnummer: 'employeeKey',
					afdeling: 'unitCode',
					afdelingsnaam: null,
					beginafwezigheid: 'startDate',
					eindeafwezigheid: 'endDate',
					soort: 'absenceType',
					percentage: null
				}
			}
		]);
		const audit = (await auditOf(testDb.db, s.org.id)).map((a) => a.action);
		expect(audit).toContain('signals.mapColumns');

		// The next export (here the same one as a workbook) imports without choosing again.
		await undoUpload(testDb.db, s.hr, s.org.id, outcome.uploadId);
		expectStatus(await importOne(s, upload('loonexport.xlsx', payrollXlsx(ROWS))), 'imported');
		await expectRecount(s.org.id);
	});

	it('imports the .xlsx version of the export with the same figures as the CSV', async () => {
		const csv = await setup();
		expectStatus(
			await importOne(csv, upload('a.csv', Buffer.from(payrollCsv(ROWS))), { mappings: suggested() }),
			'imported'
		);
		const book = await setup();
		expectStatus(
			await importOne(book, upload('a.xlsx', payrollXlsx(ROWS)), { mappings: suggested() }),
			'imported'
		);
		const fromCsv = await expectRecount(csv.org.id);
		const fromXlsx = await expectRecount(book.org.id);
		expect(fromXlsx).toEqual(fromCsv);
	});

	it('a mapped workbook names its problems by Excel row and the file’s own column, with its letter', async () => {
		const s = await setup();
		const bad = ROWS.slice(0, 6).map((r) => [
			Number(r.employee),
			r.unit,
			r.unitName,
			{ date: r.start },
			{ date: r.end },
			r.type,
			100
		]);
		bad[3]![3] = '31/2/2025';
		const book = xlsx([{ name: 'Afwezigheden', firstRow: 2, rows: [[...PAYROLL_HEADER], ...bad] }]);
		const outcome = expectStatus(
			await importOne(s, upload('fout.xlsx', book), { mappings: suggested() }),
			'refused'
		);
		expect(outcome.problems.map((p) => [p.line, p.column, p.header, p.value, p.key])).toEqual([
			[6, 'startDate', 'D · Begin afwezigheid', '31/2/2025', 'signals.problem.notDate']
		]);
		expect(await storedFigures(s.org.id)).toEqual(new Map());
	});

	it('a CSV problem names the file’s own column', async () => {
		const s = await setup();
		const text = payrollCsv(ROWS.slice(0, 4)).replace(
			/;Ziekte;|;ziekte;|;ZIEKTE;|;ander;|;Arbeidsongeval;/,
			';vakantie?;'
		);
		const outcome = expectStatus(
			await importOne(s, upload('x.csv', Buffer.from(text)), { mappings: suggested() }),
			'refused'
		);
		expect(outcome.problems[0]).toMatchObject({ line: 2, column: 'absenceType', header: 'Soort' });
	});

	it('the same bytes through another mapping are not “unchanged”', async () => {
		const s = await setup();
		const bytes = Buffer.from(payrollCsv(ROWS.filter((r) => r.type.toLowerCase() === 'ziekte')));
		const first = expectStatus(
			await importOne(s, upload('a.csv', bytes), { mappings: suggested() }),
			'imported'
		);
		await undoUpload(testDb.db, s.hr, s.org.id, first.uploadId);
		const other = suggested();
		other.spells!.percentage = null;
		other.spells!.afdelingsnaam = 'unitCode';
		other.spells!.afdeling = null;
		// Unit names are no unit codes: refused, rather than taken for the earlier upload.
		expect((await importOne(s, upload('a.csv', bytes), { mappings: other })).status).toBe('refused');
	});

	it('refuses an upload whose mapping field is not a mapping', async () => {
		const s = await setup();
		const form = new FormData();
		form.set('mapping', '{"spells":{"Personeelsnummer":"employeeKey"}}');
		form.set('file', new Blob([payrollCsv(ROWS)]), 'loonexport.csv');
		const request = new Request('http://localhost/upload', { method: 'POST', body: form });
		await expect(importFromRequest(testDb.db, s.hr, s.org.id, request)).rejects.toMatchObject({
			problems: { mapping: { key: 'signals.mapping.invalid' } }
		});
	});
});

describe('one verdict on the file, in the preview and on the server', () => {
	const fixtures = new URL('../fixtures/signals/', import.meta.url);
	it.each([
		['empty.csv', readFileSync(new URL('empty.csv', fixtures))],
		['utf16le.csv', readFileSync(new URL('utf16le.csv', fixtures))],
		['blank lines', Buffer.from('\r\n \r\n;;\r\n')],
		['old Excel (.xls)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])]
	])('%s', async (_name, bytes) => {
		const verdict = judgeFileStart(bytes.subarray(0, VERDICT_BYTES), bytes.length <= VERDICT_BYTES);
		expect(verdict.kind).toBe('refused');
		const s = await setup();
		const outcome = expectStatus(await importOne(s, upload('f', bytes)), 'refused');
		expect(outcome.problems.map((p) => p.key)).toEqual([verdict.kind === 'refused' ? verdict.key : '']);
	});
});
