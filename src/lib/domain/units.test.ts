import { describe, expect, it } from 'vitest';
import {
	distinctNames,
	checkArchive,
	checkMove,
	creationOrder,
	flattenTree,
	matchUnitHeaders,
	normaliseHeader,
	pathToRoot,
	planUnitImport,
	subtreeIds,
	validateUnitFields,
	type UnitNode
} from './units';

const unit = (id: string, parentId: string | null, headcount: number | null, archived = false): UnitNode => ({
	id,
	parentId,
	code: id,
	name: `Unit ${id}`,
	headcount,
	archived
});

// R ─┬─ A ─┬─ A1
//    │     └─ A2
//    ├─ B
//    └─ X (archived)
// Listed out of order on purpose: the tree logic must sort by code itself.
const tree: UnitNode[] = [
	unit('B', 'R', 20),
	unit('A2', 'A', null),
	unit('X', 'R', 7, true),
	unit('A', 'R', 10),
	unit('R', null, 5),
	unit('A1', 'A', 3)
];

const rows = (units: readonly UnitNode[], options?: { includeArchived?: boolean }) =>
	flattenTree(units, options).map((r) => [r.unit.id, r.depth, r.subtreeHeadcount]);

describe('flattenTree', () => {
	it('walks depth first with children sorted by code and sums active headcount', () => {
		expect(rows(tree)).toEqual([
			['R', 0, 38],
			['A', 1, 13],
			['A1', 2, 3],
			['A2', 2, 0],
			['B', 1, 20]
		]);
	});
	it('includes archived units on request, contributing no headcount', () => {
		expect(rows(tree, { includeArchived: true })).toEqual([
			['R', 0, 38],
			['A', 1, 13],
			['A1', 2, 3],
			['A2', 2, 0],
			['B', 1, 20],
			['X', 1, 0]
		]);
	});
	it('sorts by code, not by id or input order', () => {
		const units = [
			{ ...unit('1', null, 1), code: 'ZZ' },
			{ ...unit('2', null, 2), code: 'AA' },
			{ ...unit('3', null, 3), code: 'MM' }
		];
		expect(flattenTree(units).map((r) => r.unit.code)).toEqual(['AA', 'MM', 'ZZ']);
	});
	it.each([
		[
			'a subtree without its parent (a manager view)',
			['A', 'A1', 'A2'],
			[
				['A', 0, 13],
				['A1', 1, 3],
				['A2', 1, 0]
			]
		],
		['a lone leaf', ['A1'], [['A1', 0, 3]]],
		[
			'siblings without their parent',
			['A1', 'B'],
			[
				['A1', 0, 3],
				['B', 0, 20]
			]
		]
	])('shows units whose parent is absent as roots: %s', (_name, ids, expected) => {
		expect(rows(tree.filter((u) => ids.includes(u.id)))).toEqual(expected);
	});
	it('gives no rows for no units', () => {
		expect(flattenTree([])).toEqual([]);
	});
});

describe('pathToRoot', () => {
	it.each([
		['R', ['R']],
		['A', ['R', 'A']],
		['A2', ['R', 'A', 'A2']],
		['X', ['R', 'X']],
		['unknown', []]
	])('path to %s', (id, expected) => {
		expect(pathToRoot(tree, id)).toEqual(expected);
	});
	it('stops on a cycle in the data', () => {
		const cyclic = [unit('P', 'Q', null), unit('Q', 'P', null), unit('C', 'P', null)];
		expect(pathToRoot(cyclic, 'C')).toEqual(['Q', 'P', 'C']);
		expect(pathToRoot([unit('S', 'S', null)], 'S')).toEqual(['S']);
	});
	it('stops at a parent missing from the list', () => {
		expect(pathToRoot([unit('A1', 'A', 3)], 'A1')).toEqual(['A1']);
	});
});

describe('subtreeIds', () => {
	it.each([
		['R', ['R', 'A', 'A1', 'A2', 'B', 'X']],
		['A', ['A', 'A1', 'A2']],
		['A1', ['A1']],
		['B', ['B']],
		['unknown', ['unknown']]
	])('subtree of %s', (id, expected) => {
		expect([...subtreeIds(tree, id)].sort()).toEqual([...expected].sort());
	});
	it('does not loop on a cycle in the data', () => {
		const cyclic = [unit('P', 'Q', null), unit('Q', 'P', null)];
		expect([...subtreeIds(cyclic, 'P')].sort()).toEqual(['P', 'Q']);
	});
});

describe('validateUnitFields', () => {
	it('accepts valid fields and trims them', () => {
		expect(validateUnitFields({ code: '  HR-01  ', name: '  Human resources ', headcount: ' 42 ' })).toEqual({
			ok: true,
			value: { code: 'HR-01', name: 'Human resources', headcount: 42 }
		});
	});
	it.each([
		['empty string', ''],
		['blank string', '   '],
		['missing', undefined]
	])('gives a null headcount when it is %s', (_name, headcount) => {
		expect(validateUnitFields({ code: 'A', name: 'Alpha', headcount })).toEqual({
			ok: true,
			value: { code: 'A', name: 'Alpha', headcount: null }
		});
	});
	it.each([
		['code with dots, underscores and dashes', 'a.b_c-d'],
		['code of 32 characters', 'x'.repeat(32)],
		['single character code', '7']
	])('accepts a %s', (_name, code) => {
		expect(validateUnitFields({ code, name: 'Alpha' }).ok).toBe(true);
	});
	it.each([
		['missing code', { code: undefined }, 'code', 'validation.required'],
		['blank code', { code: '   ' }, 'code', 'validation.required'],
		['code not a string', { code: 12 }, 'code', 'validation.required'],
		['code with a space', { code: 'HR 01' }, 'code', 'validation.unitCode'],
		['code longer than 32', { code: 'x'.repeat(33) }, 'code', 'validation.unitCode'],
		['code with a leading dash', { code: '-HR' }, 'code', 'validation.unitCode'],
		['code with a leading dot', { code: '.HR' }, 'code', 'validation.unitCode'],
		['code with a slash', { code: 'HR/01' }, 'code', 'validation.unitCode'],
		['code with an accent', { code: 'Unité' }, 'code', 'validation.unitCode'],
		['missing name', { name: undefined }, 'name', 'validation.required'],
		['blank name', { name: '  ' }, 'name', 'validation.required'],
		['name longer than 120', { name: 'n'.repeat(121) }, 'name', 'validation.tooLong'],
		['headcount not a number', { headcount: 'ten' }, 'headcount', 'validation.wholeNumber'],
		['headcount fractional', { headcount: '4.5' }, 'headcount', 'validation.wholeNumber'],
		['headcount negative', { headcount: '-3' }, 'headcount', 'validation.wholeNumber'],
		['headcount absurdly high', { headcount: '100001' }, 'headcount', 'validation.wholeNumber']
	])('refuses %s', (_name, change, field, key) => {
		const result = validateUnitFields({ code: 'HR', name: 'Human resources', headcount: '10', ...change });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems[field]?.key).toBe(key);
			expect(Object.keys(result.problems)).toEqual([field]);
		}
	});
	it('gives the maximum length with a too long name', () => {
		const result = validateUnitFields({ code: 'HR', name: 'n'.repeat(121) });
		expect(result).toEqual({
			ok: false,
			problems: { name: { key: 'validation.tooLong', params: { max: 120 } } }
		});
	});
	it('accepts a name of exactly 120 and a headcount of 100000', () => {
		expect(validateUnitFields({ code: 'HR', name: 'n'.repeat(120), headcount: '100000' }).ok).toBe(true);
	});
	it('reports every bad field at once', () => {
		const result = validateUnitFields({ code: '', name: '', headcount: 'x' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(['code', 'headcount', 'name']);
	});
});

describe('checkMove', () => {
	it.each([
		['A1 to B', 'A1', 'B'],
		['A1 to the root R', 'A1', 'R'],
		['A to the top level', 'A', null],
		['R to the top level, where it already is', 'R', null],
		['A1 to its current parent', 'A1', 'A'],
		['B under A', 'B', 'A']
	])('allows moving %s', (_name, id, parent) => {
		expect(checkMove(tree, id, parent)).toBeNull();
	});
	it.each([
		['a unit into itself', 'A', 'A', 'units.moveIntoOwnSubtree'],
		['a unit under its child', 'A', 'A1', 'units.moveIntoOwnSubtree'],
		['the root under a grandchild', 'R', 'A2', 'units.moveIntoOwnSubtree'],
		['a unit under an unknown parent', 'A1', 'nope', 'units.parentUnknown'],
		['a unit under an archived parent', 'A1', 'X', 'units.parentArchived'],
		['an archived unit', 'X', 'B', 'units.archivedNoChange'],
		['an archived unit to the top level', 'X', null, 'units.archivedNoChange'],
		['an unknown unit', 'nope', 'B', 'error.notFound'],
		['an unknown unit to the top level', 'nope', null, 'error.notFound']
	])('refuses moving %s', (_name, id, parent, key) => {
		expect(checkMove(tree, id, parent)).toEqual({ key });
	});
});

describe('checkArchive', () => {
	it.each([
		['a leaf', 'A1'],
		['another leaf', 'B']
	])('allows archiving %s', (_name, id) => {
		expect(checkArchive(tree, id)).toBeNull();
	});
	it.each([
		['R, with A and B active (X archived does not count)', 'R', 2],
		['A, with A1 and A2', 'A', 2]
	])('refuses archiving %s', (_name, id, count) => {
		expect(checkArchive(tree, id)).toEqual({ key: 'units.hasActiveChildren', params: { count } });
	});
	it('does not count archived children', () => {
		const units = [unit('P', null, null), unit('C1', 'P', null, true), unit('C2', 'P', null, true)];
		expect(checkArchive(units, 'P')).toBeNull();
	});
	it.each([
		['an archived unit', 'X', 'units.archivedNoChange'],
		['an unknown unit', 'nope', 'error.notFound']
	])('refuses %s', (_name, id, key) => {
		expect(checkArchive(tree, id)).toEqual({ key });
	});
});

describe('normaliseHeader', () => {
	it.each([
		['Naam', 'naam'],
		['CODE', 'code'],
		['Bovenliggende code', 'bovenliggendecode'],
		['Unité parente', 'uniteparente'],
		['  Effectif ', 'effectif'],
		['Code_unité', 'codeunite'],
		['Parent-code', 'parentcode'],
		['Aantal medewerkers (FTE)', 'aantalmedewerkersfte'],
		['ÉQUIPE', 'equipe'],
		['', '']
	])('%s becomes %s', (header, expected) => {
		expect(normaliseHeader(header)).toBe(expected);
	});
});

describe('matchUnitHeaders', () => {
	it.each([
		[
			'Dutch',
			['Code', 'Naam', 'Bovenliggende code', 'Aantal medewerkers'],
			{ code: 'Code', name: 'Naam', parent: 'Bovenliggende code', headcount: 'Aantal medewerkers' }
		],
		[
			'French',
			['Code unité', 'Nom', 'Unité parente', 'Effectif'],
			{ code: 'Code unité', name: 'Nom', parent: 'Unité parente', headcount: 'Effectif' }
		],
		[
			'English',
			['Unit code', 'Name', 'Parent code', 'Headcount'],
			{ code: 'Unit code', name: 'Name', parent: 'Parent code', headcount: 'Headcount' }
		],
		[
			'shouting with spaces',
			['CODE', ' NAAM ', 'BOVENLIGGENDE CODE'],
			{ code: 'CODE', name: ' NAAM ', parent: 'BOVENLIGGENDE CODE' }
		],
		['with an unknown extra column', ['code', 'naam', 'opmerking'], { code: 'code', name: 'naam' }]
	])('recognises %s headers', (_name, headers, columns) => {
		expect(matchUnitHeaders(headers)).toEqual({ columns, problems: [] });
	});
	it('keeps the first header when two match the same column', () => {
		expect(matchUnitHeaders(['Code', 'Naam', 'Name']).columns).toEqual({ code: 'Code', name: 'Naam' });
	});
	it.each([
		['no code column', ['Naam', 'Effectif'], ['code']],
		['no name column', ['Code', 'Parent'], ['name']],
		['neither', ['Effectif', 'Opmerking'], ['code', 'name']],
		['no headers at all', [], ['code', 'name']]
	])('reports %s', (_name, headers, missing) => {
		expect(matchUnitHeaders(headers).problems).toEqual(
			missing.map((column) => ({ key: 'import.missingColumn', params: { column } }))
		);
	});
});

describe('planUnitImport', () => {
	const columns = { code: 'Code', name: 'Naam', parent: 'Bovenliggende code', headcount: 'Aantal' };
	const blank = (cell = '') => ({ Code: cell, Naam: cell, 'Bovenliggende code': cell, Aantal: cell });
	const row = (code: string, name = `Unit ${code}`, parent = '', headcount = '') => ({
		Code: code,
		Naam: name,
		'Bovenliggende code': parent,
		Aantal: headcount
	});
	// The fixture tree as a file would describe it, headcounts included.
	const same = {
		R: row('R', 'Unit R', '', '5'),
		A: row('A', 'Unit A', 'R', '10'),
		A1: row('A1', 'Unit A1', 'A', '3'),
		B: row('B', 'Unit B', 'R', '20')
	};

	it('creates new codes, updates changed units and counts unchanged ones', () => {
		const plan = planUnitImport(
			tree,
			[
				same.R,
				row('A', 'Renamed A', 'R', '10'),
				same.A1,
				row('b', 'Unit B', 'r', '25'),
				row('C', 'New C', 'a', '4'),
				row('D', 'New D')
			],
			columns
		);
		expect(plan).toEqual({
			creates: [
				{ code: 'C', name: 'New C', parentCode: 'A', headcount: 4 },
				{ code: 'D', name: 'New D', parentCode: null, headcount: null }
			],
			updates: [
				{ id: 'A', code: 'A', name: 'Renamed A', parentCode: 'R', headcount: 10 },
				{ id: 'B', code: 'B', name: 'Unit B', parentCode: 'R', headcount: 25 }
			],
			unchanged: 2,
			problems: []
		});
	});
	it('updates a unit moved to another parent', () => {
		const plan = planUnitImport(tree, [row('A1', 'Unit A1', 'B', '3')], columns);
		expect(plan.updates).toEqual([{ id: 'A1', code: 'A1', name: 'Unit A1', parentCode: 'B', headcount: 3 }]);
		expect(plan.problems).toEqual([]);
	});
	it('updates a unit moved to the top level', () => {
		const plan = planUnitImport(tree, [row('A', 'Unit A', '', '10')], columns);
		expect(plan.updates).toEqual([{ id: 'A', code: 'A', name: 'Unit A', parentCode: null, headcount: 10 }]);
	});
	it('keeps the current headcount when the file has no headcount column', () => {
		const { headcount: _omit, ...withoutHeadcount } = columns;
		const plan = planUnitImport(
			tree,
			[row('A', 'Unit A', 'R'), row('B', 'Renamed B', 'R')],
			withoutHeadcount
		);
		expect(plan.unchanged).toBe(1);
		expect(plan.updates).toEqual([{ id: 'B', code: 'B', name: 'Renamed B', parentCode: 'R', headcount: 20 }]);
	});
	it('counts a unit as unchanged when the parent is written in another case', () => {
		const plan = planUnitImport(tree, [row('a1', 'Unit A1', 'a', '3')], columns);
		expect(plan).toEqual({ creates: [], updates: [], unchanged: 1, problems: [] });
	});
	it('accepts parents named later in the file', () => {
		const plan = planUnitImport(
			tree,
			[row('N2', 'Child', 'N1'), row('N1', 'Parent', 'n0'), row('N0', 'Grandparent', 'R')],
			columns
		);
		expect(plan.problems).toEqual([]);
		expect(plan.creates.map((c) => [c.code, c.parentCode])).toEqual([
			['N2', 'N1'],
			['N1', 'N0'],
			['N0', 'R']
		]);
	});
	it('accepts a new unit under an existing unit that the file also lists', () => {
		const plan = planUnitImport(tree, [row('N', 'New', 'A'), same.A], columns);
		expect(plan.problems).toEqual([]);
		expect(plan.creates).toEqual([{ code: 'N', name: 'New', parentCode: 'A', headcount: null }]);
		expect(plan.unchanged).toBe(1);
	});
	it('accepts moving an existing unit under a new unit from the file', () => {
		const plan = planUnitImport(tree, [row('A1', 'Unit A1', 'N', '3'), row('N', 'New', 'B')], columns);
		expect(plan.problems).toEqual([]);
		expect(plan.creates).toEqual([{ code: 'N', name: 'New', parentCode: 'B', headcount: null }]);
		expect(plan.updates).toEqual([{ id: 'A1', code: 'A1', name: 'Unit A1', parentCode: 'N', headcount: 3 }]);
	});
	it('ignores blank rows', () => {
		const plan = planUnitImport(tree, [blank(), row('N', 'New'), blank('  '), { Code: '' }, same.B], columns);
		expect(plan).toEqual({
			creates: [{ code: 'N', name: 'New', parentCode: null, headcount: null }],
			updates: [],
			unchanged: 1,
			problems: []
		});
	});
	it('counts lines from the header, blank rows included', () => {
		const plan = planUnitImport(tree, [blank(), row('', 'Nameless')], columns);
		expect(plan.problems).toEqual([
			{ line: 3, column: 'Code', value: '', key: 'validation.required', params: undefined }
		]);
	});
	it('trims cells', () => {
		const plan = planUnitImport(tree, [row('  N ', ' New ', ' r ', ' 7 ')], columns);
		expect(plan.creates).toEqual([{ code: 'N', name: 'New', parentCode: 'R', headcount: 7 }]);
	});

	it.each([
		[
			'a missing code',
			[same.R, row('', 'Nameless')],
			{ line: 3, column: 'Code', value: '', key: 'validation.required' }
		],
		[
			'a bad code',
			[row('N 1', 'Spaced')],
			{ line: 2, column: 'Code', value: 'N 1', key: 'validation.unitCode' }
		],
		[
			'a code with a leading dash',
			[same.R, same.A, row('-N', 'Dashed')],
			{ line: 4, column: 'Code', value: '-N', key: 'validation.unitCode' }
		],
		['a missing name', [row('N', '')], { line: 2, column: 'Naam', value: '', key: 'validation.required' }],
		[
			'a too long name',
			[row('N', 'n'.repeat(121))],
			{ line: 2, column: 'Naam', value: 'n'.repeat(121), key: 'validation.tooLong', params: { max: 120 } }
		],
		[
			'a non-numeric headcount',
			[same.R, row('N', 'New', 'R', 'veel')],
			{ line: 3, column: 'Aantal', value: 'veel', key: 'validation.wholeNumber' }
		],
		[
			'a fractional headcount',
			[row('N', 'New', '', '2.5')],
			{ line: 2, column: 'Aantal', value: '2.5', key: 'validation.wholeNumber' }
		],
		[
			'an unknown parent',
			[same.R, same.A, row('N', 'New', 'ZZ')],
			{ line: 4, column: 'Bovenliggende code', value: 'ZZ', key: 'units.parentUnknown' }
		],
		[
			'an archived parent',
			[row('N', 'New', 'x')],
			{ line: 2, column: 'Bovenliggende code', value: 'x', key: 'units.parentArchived' }
		],
		[
			'an archived code',
			[same.R, row('x', 'Revived')],
			{ line: 3, column: 'Code', value: 'x', key: 'units.archivedNoChange' }
		],
		[
			'a unit that is its own parent',
			[row('N', 'New', 'n')],
			{ line: 2, column: 'Bovenliggende code', value: 'n', key: 'units.moveIntoOwnSubtree' }
		],
		[
			'an existing unit made its own parent',
			[same.R, row('B', 'Unit B', 'B', '20')],
			{ line: 3, column: 'Bovenliggende code', value: 'B', key: 'units.moveIntoOwnSubtree' }
		],
		[
			'a root moved under its own grandchild',
			[row('R', 'Unit R', 'A1', '5')],
			{ line: 2, column: 'Bovenliggende code', value: 'A1', key: 'import.cycle' }
		]
	])('reports %s', (_name, fileRows, problem) => {
		const plan = planUnitImport(tree, fileRows, columns);
		expect(plan.problems).toEqual([{ params: undefined, ...problem }]);
		expect(plan.creates).toEqual([]);
		expect(plan.updates).toEqual([]);
		expect(plan.unchanged).toBe(0);
	});

	it('reports a code repeated in the file, in any case, with the line it first appeared on', () => {
		const plan = planUnitImport(
			tree,
			[same.R, row('N', 'First'), same.B, row('n', 'Second'), row('N', 'Third')],
			columns
		);
		expect(plan.problems).toEqual([
			{ line: 5, column: 'Code', value: 'n', key: 'import.duplicateCode', params: { firstLine: 3 } },
			{ line: 6, column: 'Code', value: 'N', key: 'import.duplicateCode', params: { firstLine: 3 } }
		]);
		expect(plan.creates).toEqual([]);
		expect(plan.updates).toEqual([]);
	});
	it('reports a cycle made of new units on every line in it', () => {
		const plan = planUnitImport(tree, [row('P', 'P', 'Q'), same.B, row('Q', 'Q', 'P')], columns);
		expect(plan.problems).toEqual([
			{ line: 2, column: 'Bovenliggende code', value: 'Q', key: 'import.cycle' },
			{ line: 4, column: 'Bovenliggende code', value: 'P', key: 'import.cycle' }
		]);
		expect(plan.creates).toEqual([]);
	});
	it('reports a cycle made by swapping an existing parent and child', () => {
		const plan = planUnitImport(
			tree,
			[row('A', 'Unit A', 'A1', '10'), row('A1', 'Unit A1', 'A', '3')],
			columns
		);
		expect(plan.problems.map((p) => [p.line, p.key])).toEqual([
			[2, 'import.cycle'],
			[3, 'import.cycle']
		]);
		expect(plan.updates).toEqual([]);
	});
	it('reports every problem in the file, not only the first', () => {
		const plan = planUnitImport(
			tree,
			[row('', 'Nameless'), row('N', 'New', 'ZZ'), row('M', 'New', '', 'x')],
			columns
		);
		expect(plan.problems.map((p) => [p.line, p.key])).toEqual([
			[2, 'validation.required'],
			[4, 'validation.wholeNumber'],
			[3, 'units.parentUnknown']
		]);
	});
	it('reports a row with several bad cells once per cell', () => {
		const plan = planUnitImport(tree, [row('N N', '', '', 'x')], columns);
		expect(plan.problems.map((p) => [p.line, p.column, p.key])).toEqual([
			[2, 'Code', 'validation.unitCode'],
			[2, 'Naam', 'validation.required'],
			[2, 'Aantal', 'validation.wholeNumber']
		]);
	});
	it('gives an empty plan for an empty file', () => {
		expect(planUnitImport(tree, [], columns)).toEqual({
			creates: [],
			updates: [],
			unchanged: 0,
			problems: []
		});
	});
	it('matches an existing parent case-insensitively even when the file lists it in another case', () => {
		const plan = planUnitImport(
			tree,
			[row('a', 'Unit A', 'R', '10'), row('A1', 'Unit A1', 'A', '3'), row('N', 'New', 'a')],
			columns
		);
		expect(plan.creates).toEqual([{ code: 'N', name: 'New', parentCode: 'A', headcount: null }]);
		expect(plan.updates).toEqual([]);
		expect(plan.problems).toEqual([]);
	});
});

describe('creationOrder', () => {
	const c = (code: string, parentCode: string | null = null) => ({ code, parentCode });
	const order = (creates: ReturnType<typeof c>[]) => creationOrder(creates).map((x) => x.code);
	const parentsFirst = (codes: string[], creates: ReturnType<typeof c>[]) => {
		for (const x of creates) {
			if (!x.parentCode) continue;
			const parent = codes.findIndex((code) => code.toLowerCase() === x.parentCode!.toLowerCase());
			if (parent >= 0) expect(parent).toBeLessThan(codes.indexOf(x.code));
		}
	};
	it.each([
		['already in order', [c('P'), c('C', 'P'), c('G', 'C')]],
		['children first', [c('G', 'C'), c('C', 'P'), c('P')]],
		['mixed', [c('C', 'P'), c('Q'), c('G', 'C'), c('P'), c('D', 'Q')]],
		['parents outside the list', [c('C', 'EXISTING'), c('D', 'C')]],
		['parents in another case', [c('g', 'C'), c('c', 'p'), c('P')]]
	])('puts parents before children: %s', (_name, creates) => {
		const codes = order(creates);
		expect([...codes].sort()).toEqual(creates.map((x) => x.code).sort());
		parentsFirst(codes, creates);
	});
	it('keeps the input order where it can', () => {
		expect(order([c('G', 'C'), c('Z'), c('C', 'P'), c('P'), c('A')])).toEqual(['P', 'C', 'G', 'Z', 'A']);
	});
	it('keeps the same objects', () => {
		const creates = [c('C', 'P'), c('P')];
		const ordered = creationOrder(creates);
		expect(ordered[0]).toBe(creates[1]);
		expect(ordered[1]).toBe(creates[0]);
	});
	it('does not loop on a cycle', () => {
		expect(order([c('P', 'Q'), c('Q', 'P')]).sort()).toEqual(['P', 'Q']);
	});
	it('gives nothing for nothing', () => {
		expect(creationOrder([])).toEqual([]);
	});
});

describe('distinctNames', () => {
	const unit = (id: string, name: string, parentId: string | null = null) => ({
		id,
		name,
		parentId,
		code: id.toUpperCase()
	});
	it.each([
		{
			name: 'a unique name stays as it is',
			units: [unit('a', 'Zorg'), unit('b', 'Nachtdienst', 'a')],
			expected: { a: 'Zorg', b: 'Nachtdienst' }
		},
		{
			name: 'two units of one name get their parent, whatever the case and spaces',
			units: [
				unit('a', 'Eik'),
				unit('b', 'Linde'),
				unit('c', 'Nachtdienst', 'a'),
				unit('d', ' nachtdienst', 'b')
			],
			expected: { a: 'Eik', b: 'Linde', c: 'Nachtdienst (Eik)', d: ' nachtdienst (Linde)' }
		},
		{
			name: 'parents of the same name too, or no parent: the code',
			units: [
				unit('a', 'Zorg'),
				unit('b', 'Zorg'),
				unit('c', 'Nacht', 'a'),
				unit('d', 'Nacht', 'b'),
				unit('e', 'Dag'),
				unit('f', 'Dag')
			],
			expected: { a: 'Zorg (A)', b: 'Zorg (B)', c: 'Nacht (C)', d: 'Nacht (D)', e: 'Dag (E)', f: 'Dag (F)' }
		}
	])('$name', ({ units, expected }) => {
		expect(Object.fromEntries(distinctNames(units))).toEqual(expected);
	});

	it('gives every unit of a generated list a name no other unit has', () => {
		const names = ['Nacht', 'Dag', 'Zorg', 'Eik'];
		for (let seed = 1; seed <= 200; seed++) {
			let x = seed;
			const next = () => ((x = (x * 1103515245 + 12345) % 2147483648), x);
			const units = Array.from({ length: 2 + (next() % 12) }, (_, i) =>
				unit(`u${i}`, names[next() % names.length]!, i > 0 && next() % 3 ? `u${next() % i}` : null)
			);
			const distinct = [...distinctNames(units).values()].map((n) => n.trim().toLowerCase());
			expect(new Set(distinct).size).toBe(units.length);
		}
	});
});
