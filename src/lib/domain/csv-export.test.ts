import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell, spreadsheetCsv, unitTemplateCsv } from './csv-export';
import { parseCsvWithLines } from './csv';
import { matchUnitHeaders, planUnitImport, type UnitNode } from './units';

describe('neutraliseCell', () => {
	it.each([
		['=SUM(A1)', "'=SUM(A1)"],
		['+32 2 123', "'+32 2 123"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['Keuken', 'Keuken'],
		["'=x", "''=x"],
		["'Keuken", "'Keuken"],
		['', '']
	])('%j becomes %j', (input, output) => expect(neutraliseCell(input)).toBe(output));
});

describe('restoreCell', () => {
	it.each([
		["'=SUM(A1)", '=SUM(A1)'],
		["'-Keuken", '-Keuken'],
		["'+32", '+32'],
		["'@cmd", '@cmd'],
		["'\tx", '\tx'],
		["'\rx", '\rx'],
		["''=x", "'=x"],
		// Not an escape our export makes: left as it is.
		["'Keuken", "'Keuken"],
		["'", "'"],
		["''", "''"],
		[" '=x", " '=x"],
		['=x', '=x'],
		['Keuken', 'Keuken'],
		['', '']
	])('%j becomes %j', (input, output) => expect(restoreCell(input)).toBe(output));
});

/** Text that starts with what a spreadsheet would run as a formula, sometimes after apostrophes. */
const risky = fc
	.tuple(
		fc.constantFrom('', "'", "''"),
		fc.constantFrom('=', '+', '-', '@', '\t', '\r'),
		fc.string({ maxLength: 12 })
	)
	.map(([quotes, lead, rest]) => quotes + lead + rest);

describe('export and import again', () => {
	it('gives back every cell of a spreadsheet export unchanged', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(risky, fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 6 }),
				(cells) => {
					// A numbered first column keeps a row with an empty value from being skipped as blank.
					const rows = cells.map((cell, i) => [String(i), cell]);
					const parsed = parseCsvWithLines(spreadsheetCsv(['n', 'value'], rows));
					expect(parsed.problems).toEqual([]);
					expect(parsed.rows.map((r) => restoreCell(r.cells.value!))).toEqual(cells);
				}
			)
		);
	});

	it('finds nothing to change when an unchanged unit export is imported again', () => {
		// Names as the unit form stores them: trimmed and not empty.
		const stored = (text: string) => text.trim();
		const name = fc
			.oneof(risky, fc.string({ minLength: 1, maxLength: 12 }))
			.map(stored)
			.filter(Boolean);
		const names = fc.uniqueArray(name, {
			minLength: 1,
			maxLength: 8,
			selector: (n) => n.toLowerCase()
		});
		fc.assert(
			fc.property(names, fc.constantFrom('nl', 'fr', 'en' as const), (values, locale) => {
				const units: UnitNode[] = values.map((value, i) => ({
					id: String(i),
					parentId: i === 0 ? null : '0',
					code: `U${i}`,
					name: value,
					headcount: i,
					archived: false
				}));
				const parsed = parseCsvWithLines(unitTemplateCsv(locale, units));
				expect(parsed.problems).toEqual([]);
				const { columns } = matchUnitHeaders(parsed.fields);
				const plan = planUnitImport(
					units,
					parsed.rows.map((r) => r.cells),
					columns
				);
				expect(plan.problems).toEqual([]);
				expect(plan.creates).toEqual([]);
				expect(plan.updates).toEqual([]);
				expect(plan.unchanged).toBe(units.length);
			})
		);
	});
});

describe('unitTemplateCsv', () => {
	const units = [
		{ id: '1', parentId: null, code: 'ZZ', name: 'Zorggroep', headcount: 7, archived: false },
		{ id: '2', parentId: '1', code: 'KEU', name: '=HYPERLINK("x")', headcount: null, archived: false }
	];
	it.each(['nl', 'fr', 'en'] as const)('round-trips through the importer in %s', (locale) => {
		const csv = unitTemplateCsv(locale, units);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
		const { columns, problems } = matchUnitHeaders(parsed.meta.fields ?? []);
		expect(problems).toEqual([]);
		const plan = planUnitImport([], parsed.data, columns);
		expect(plan.problems).toEqual([]);
		expect(plan.creates).toEqual([
			{ code: 'ZZ', name: 'Zorggroep', parentCode: null, headcount: 7 },
			{ code: 'KEU', name: '=HYPERLINK("x")', parentCode: 'ZZ', headcount: null }
		]);
	});
});
