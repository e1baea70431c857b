import { restoreCell } from './csv-export';
import type { FieldProblems, Problem, Validated } from './validation';

/** A unit as the tree logic needs it. `archived` units keep their place for history but take no changes. */
export interface UnitNode {
	id: string;
	parentId: string | null;
	code: string;
	name: string;
	headcount: number | null;
	archived: boolean;
}

export interface TreeRow<T extends UnitNode = UnitNode> {
	unit: T;
	depth: number;
	/** Headcount of the unit and all its active descendants. */
	subtreeHeadcount: number;
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

function childrenIndex<T extends UnitNode>(units: readonly T[]): Map<string | null, T[]> {
	const byParent = new Map<string | null, T[]>();
	const ids = new Set(units.map((u) => u.id));
	for (const u of units) {
		// A unit whose parent is not in the list (a manager's view) is shown as a root.
		const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
		const list = byParent.get(key) ?? [];
		list.push(u);
		byParent.set(key, list);
	}
	for (const list of byParent.values()) list.sort((a, b) => a.code.localeCompare(b.code));
	return byParent;
}

/** Depth-first rows, children sorted by code, for an indented tree view. */
export function flattenTree<T extends UnitNode>(
	units: readonly T[],
	options: { includeArchived?: boolean } = {}
): TreeRow<T>[] {
	const visible = options.includeArchived ? units : units.filter((u) => !u.archived);
	const byParent = childrenIndex(visible);
	const rows: TreeRow<T>[] = [];
	const walk = (parentId: string | null, depth: number): number => {
		let total = 0;
		for (const unit of byParent.get(parentId) ?? []) {
			const row: TreeRow<T> = { unit, depth, subtreeHeadcount: 0 };
			rows.push(row);
			row.subtreeHeadcount = (unit.archived ? 0 : (unit.headcount ?? 0)) + walk(unit.id, depth + 1);
			total += row.subtreeHeadcount;
		}
		return total;
	};
	walk(null, 0);
	return rows;
}

/**
 * A name for each unit that tells it apart in a flat list: its own name when no other unit has
 * it (case and spaces aside), else "name (parent's name)", and where that still repeats (same
 * name under parents of the same name, or no parent) "name (code)". Codes are unique, so every
 * unit ends up with a name of its own.
 */
export function distinctNames(
	units: readonly Pick<UnitNode, 'id' | 'parentId' | 'code' | 'name'>[]
): Map<string, string> {
	const byId = new Map(units.map((u) => [u.id, u]));
	const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
	const counts = <T>(values: readonly T[]) => {
		const count = new Map<T, number>();
		for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
		return count;
	};
	const sameName = counts(units.map((u) => key(u.name)));
	const withParent = new Map(
		units.map((u) => {
			const parent = u.parentId ? byId.get(u.parentId) : undefined;
			return [u.id, parent ? `${u.name} (${parent.name})` : null] as const;
		})
	);
	const sameWithParent = counts([...withParent.values()].filter((n) => n !== null).map(key));
	const names = new Map<string, string>();
	for (const u of units) {
		const parentName = withParent.get(u.id);
		names.set(
			u.id,
			sameName.get(key(u.name))! < 2
				? u.name
				: parentName && sameWithParent.get(key(parentName))! < 2
					? parentName
					: `${u.name} (${u.code})`
		);
	}
	return names;
}

/** Ids from the root down to the unit itself; empty when unknown. Stops on a cycle rather than looping. */
export function pathToRoot(units: readonly UnitNode[], unitId: string): string[] {
	const byId = new Map(units.map((u) => [u.id, u]));
	const path: string[] = [];
	const seen = new Set<string>();
	let current = byId.get(unitId);
	while (current && !seen.has(current.id)) {
		seen.add(current.id);
		path.unshift(current.id);
		current = current.parentId ? byId.get(current.parentId) : undefined;
	}
	return path;
}

/** The unit and all its descendants. */
export function subtreeIds(
	units: ReadonlyArray<Pick<UnitNode, 'id' | 'parentId'>>,
	rootId: string
): Set<string> {
	const byParent = new Map<string, string[]>();
	for (const u of units) {
		if (!u.parentId) continue;
		byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u.id]);
	}
	const result = new Set<string>();
	const stack = [rootId];
	while (stack.length) {
		const id = stack.pop()!;
		if (result.has(id)) continue;
		result.add(id);
		stack.push(...(byParent.get(id) ?? []));
	}
	return result;
}

export interface UnitFields {
	code: string;
	name: string;
	headcount: number | null;
}

export function validateUnitFields(input: Record<string, unknown>): Validated<UnitFields> {
	const problems: FieldProblems = {};
	const code = typeof input.code === 'string' ? input.code.trim() : '';
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	const rawHeadcount = typeof input.headcount === 'string' ? input.headcount.trim() : '';
	if (!code) problems.code = { key: 'validation.required' };
	else if (!CODE_PATTERN.test(code)) problems.code = { key: 'validation.unitCode' };
	if (!name) problems.name = { key: 'validation.required' };
	else if (name.length > 120) problems.name = { key: 'validation.tooLong', params: { max: 120 } };
	let headcount: number | null = null;
	if (rawHeadcount) {
		if (!/^\d+$/.test(rawHeadcount) || Number(rawHeadcount) > 100_000)
			problems.headcount = { key: 'validation.wholeNumber' };
		else headcount = Number(rawHeadcount);
	}
	if (Object.keys(problems).length) return { ok: false, problems };
	return { ok: true, value: { code, name, headcount } };
}

/** Why a unit may not get this parent, or null when the move is fine. */
export function checkMove(
	units: readonly UnitNode[],
	unitId: string,
	newParentId: string | null
): Problem | null {
	const unit = units.find((u) => u.id === unitId);
	if (!unit) return { key: 'error.notFound' };
	if (unit.archived) return { key: 'units.archivedNoChange' };
	if (newParentId === null) return null;
	const parent = units.find((u) => u.id === newParentId);
	if (!parent) return { key: 'units.parentUnknown' };
	if (parent.archived) return { key: 'units.parentArchived' };
	if (subtreeIds(units, unitId).has(newParentId)) return { key: 'units.moveIntoOwnSubtree' };
	return null;
}

/** Why a unit may not be archived, or null. Active children must be moved or archived first. */
export function checkArchive(units: readonly UnitNode[], unitId: string): Problem | null {
	const unit = units.find((u) => u.id === unitId);
	if (!unit) return { key: 'error.notFound' };
	if (unit.archived) return { key: 'units.archivedNoChange' };
	const activeChildren = units.filter((u) => u.parentId === unitId && !u.archived);
	if (activeChildren.length)
		return { key: 'units.hasActiveChildren', params: { count: activeChildren.length } };
	return null;
}

// ---- CSV import of the unit tree ------------------------------------------------------------

/** Header names accepted in nl, fr and en; compared without case, accents, spaces or punctuation. */
const HEADER_ALIASES: Record<'code' | 'name' | 'parent' | 'headcount', string[]> = {
	code: ['code', 'eenheidscode', 'unitcode', 'codeunite', 'codeeenheid'],
	name: ['naam', 'name', 'nom', 'eenheid', 'unit', 'unite', 'afdeling', 'service'],
	parent: [
		'parent',
		'parentcode',
		'bovenliggendecode',
		'bovenliggende',
		'bovenliggendeeenheid',
		'codeparent',
		'uniteparente',
		'parentunit'
	],
	headcount: ['headcount', 'aantalmedewerkers', 'medewerkers', 'effectif', 'effectifs', 'personnel', 'aantal']
};

export function normaliseHeader(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

export type UnitColumn = keyof typeof HEADER_ALIASES;

/** Maps each recognised column to its header as written in the file. */
export function matchUnitHeaders(headers: readonly string[]): {
	columns: Partial<Record<UnitColumn, string>>;
	problems: Problem[];
} {
	const columns: Partial<Record<UnitColumn, string>> = {};
	for (const header of headers) {
		const n = normaliseHeader(header);
		for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [UnitColumn, string[]][]) {
			if (aliases.includes(n) && !columns[column]) columns[column] = header;
		}
	}
	const problems: Problem[] = [];
	if (!columns.code) problems.push({ key: 'import.missingColumn', params: { column: 'code' } });
	if (!columns.name) problems.push({ key: 'import.missingColumn', params: { column: 'name' } });
	return { columns, problems };
}

export interface ImportRowProblem extends Problem {
	/** Line in the file, counting the header as line 1. */
	line: number;
	column: string;
	value: string;
}

export interface UnitImportPlan {
	creates: Array<{ code: string; name: string; parentCode: string | null; headcount: number | null }>;
	updates: Array<{
		id: string;
		code: string;
		name: string;
		parentCode: string | null;
		headcount: number | null;
	}>;
	unchanged: number;
	problems: ImportRowProblem[];
}

/**
 * Plans an import of unit rows against the existing tree. Rows create units with a new code and
 * update those with a known code; parents may be named before or after their children. The plan
 * is all or nothing: the caller applies it only when `problems` is empty.
 */
export function planUnitImport(
	existing: readonly UnitNode[],
	rows: readonly Record<string, string>[],
	columns: Partial<Record<UnitColumn, string>>,
	/** The line in the file of each row; without it rows are taken to follow the header directly. */
	lines?: readonly number[]
): UnitImportPlan {
	const problems: ImportRowProblem[] = [];
	const byCode = new Map(existing.map((u) => [u.code.toLowerCase(), u]));
	const seenInFile = new Map<string, number>();
	const parsed: Array<{
		line: number;
		code: string;
		name: string;
		parentCode: string | null;
		headcount: number | null;
	}> = [];
	// Our own export escapes cells a spreadsheet would run as a formula; an unchanged export
	// imported again must give the same names and codes.
	const cell = (row: Record<string, string>, column: UnitColumn) =>
		columns[column] ? restoreCell((row[columns[column]!] ?? '').trim()).trim() : '';

	rows.forEach((row, index) => {
		const line = lines?.[index] ?? index + 2;
		const code = cell(row, 'code');
		const name = cell(row, 'name');
		const parentCode = cell(row, 'parent') || null;
		const rawHeadcount = cell(row, 'headcount');
		if (!code && !name && !parentCode && !rawHeadcount) return; // blank line
		let ok = true;
		const fail = (column: UnitColumn, value: string, key: Problem['key'], params?: Problem['params']) => {
			problems.push({ line, column: columns[column] ?? column, value, key, params });
			ok = false;
		};
		const codeKey = code.toLowerCase();
		if (!code) fail('code', code, 'validation.required');
		else if (!CODE_PATTERN.test(code)) fail('code', code, 'validation.unitCode');
		else if (seenInFile.has(codeKey))
			fail('code', code, 'import.duplicateCode', { firstLine: seenInFile.get(codeKey)! });
		else if (byCode.get(codeKey)?.archived) fail('code', code, 'units.archivedNoChange');
		if (code && !seenInFile.has(codeKey)) seenInFile.set(codeKey, line);
		if (!name) fail('name', name, 'validation.required');
		else if (name.length > 120) fail('name', name, 'validation.tooLong', { max: 120 });
		let headcount: number | null = null;
		if (rawHeadcount) {
			if (!/^\d+$/.test(rawHeadcount) || Number(rawHeadcount) > 100_000)
				fail('headcount', rawHeadcount, 'validation.wholeNumber');
			else headcount = Number(rawHeadcount);
		}
		if (parentCode && code && parentCode.toLowerCase() === codeKey)
			fail('parent', parentCode, 'units.moveIntoOwnSubtree');
		if (ok) parsed.push({ line, code, name, parentCode, headcount });
	});

	// Parents must exist (in the file or the tree) and be active.
	const fileCodes = new Map(parsed.map((r) => [r.code.toLowerCase(), r]));
	for (const r of parsed) {
		if (!r.parentCode) continue;
		const key = r.parentCode.toLowerCase();
		const inTree = byCode.get(key);
		if (!fileCodes.has(key) && !inTree) {
			problems.push({
				line: r.line,
				column: columns.parent ?? 'parent',
				value: r.parentCode,
				key: 'units.parentUnknown'
			});
		} else if (!fileCodes.has(key) && inTree?.archived) {
			problems.push({
				line: r.line,
				column: columns.parent ?? 'parent',
				value: r.parentCode,
				key: 'units.parentArchived'
			});
		}
	}

	// The resulting tree must have no cycles.
	const finalParent = new Map<string, string | null>();
	for (const u of existing) {
		const parent = existing.find((p) => p.id === u.parentId);
		finalParent.set(u.code.toLowerCase(), parent ? parent.code.toLowerCase() : null);
	}
	for (const r of parsed) finalParent.set(r.code.toLowerCase(), r.parentCode?.toLowerCase() ?? null);
	for (const r of parsed) {
		const seen = new Set<string>();
		let current: string | null | undefined = r.code.toLowerCase();
		while (current && !seen.has(current)) {
			seen.add(current);
			current = finalParent.get(current);
		}
		if (current) {
			problems.push({
				line: r.line,
				column: columns.parent ?? 'parent',
				value: r.parentCode ?? '',
				key: 'import.cycle'
			});
		}
	}

	const plan: UnitImportPlan = { creates: [], updates: [], unchanged: 0, problems };
	if (problems.length) return plan;
	// An existing unit keeps its stored spelling whatever case the file uses.
	const canonical = (code: string | null) =>
		code ? (byCode.get(code.toLowerCase())?.code ?? fileCodes.get(code.toLowerCase())?.code ?? code) : null;
	for (const r of parsed) {
		const current = byCode.get(r.code.toLowerCase());
		const parentCode = canonical(r.parentCode);
		if (!current) {
			plan.creates.push({ code: r.code, name: r.name, parentCode, headcount: r.headcount });
			continue;
		}
		const currentParentCode = existing.find((p) => p.id === current.parentId)?.code ?? null;
		const headcount = columns.headcount ? r.headcount : current.headcount;
		if (current.name === r.name && currentParentCode === parentCode && current.headcount === headcount)
			plan.unchanged++;
		else plan.updates.push({ id: current.id, code: current.code, name: r.name, parentCode, headcount });
	}
	return plan;
}

/** Orders new units so that every parent is created before its children. */
export function creationOrder<T extends { code: string; parentCode: string | null }>(
	creates: readonly T[]
): T[] {
	const pending = new Map(creates.map((c) => [c.code.toLowerCase(), c]));
	const ordered: T[] = [];
	const visit = (c: T) => {
		const key = c.code.toLowerCase();
		if (!pending.has(key)) return;
		pending.delete(key);
		const parent = c.parentCode ? pending.get(c.parentCode.toLowerCase()) : undefined;
		if (parent) visit(parent);
		ordered.push(c);
	};
	for (const c of creates) visit(c);
	return ordered;
}
