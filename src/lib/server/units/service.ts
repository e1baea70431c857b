import { error } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import { parseCsvWithLines } from '../../domain/csv';
import {
	checkArchive,
	checkMove,
	creationOrder,
	flattenTree,
	matchUnitHeaders,
	pathToRoot,
	planUnitImport,
	subtreeIds,
	validateUnitFields,
	type ImportRowProblem,
	type TreeRow
} from '../../domain/units';
import { ValidationError, unwrap, type Problem } from '../../domain/validation';
import { authorize, decide, scopeOf, type Actor } from '../access';
import { refreshAttentionList } from '../analytics/attention';
import { insertAuditEntry } from '../audit/queries';
import type { Database } from '../db/schema';
import { findUnits, insertUnit, lockUnitTree, updateUnit, type UnitRecord } from './queries';

export type { UnitRecord };

/** The units the actor may see: the whole tree, or a manager's own subtree. */
export async function listVisibleUnits(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
): Promise<TreeRow<UnitRecord>[]> {
	const access = authorize(actor, 'organisation.view', { organisationId });
	const units = await findUnits(db, organisationId);
	const scope = scopeOf(access, units);
	return flattenTree(units.filter((u) => scope.has(u.id)));
}

/** What a list of units shows of each row of the tree (UnitTable). */
export function unitRowView(row: TreeRow<UnitRecord>) {
	return {
		id: row.unit.id,
		code: row.unit.code,
		name: row.unit.name,
		depth: row.depth,
		headcount: row.unit.headcount,
		subtreeHeadcount: row.subtreeHeadcount
	};
}
export type UnitRowView = ReturnType<typeof unitRowView>;

/** One unit with its path and its subtree, if the actor may see it; 404 otherwise. */
export async function getUnit(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string
) {
	// Nothing of the organisation is read for someone who is not a member of it.
	authorize(actor, 'organisation.view', { organisationId });
	const units = await findUnits(db, organisationId);
	const unit = units.find((u) => u.id === unitId);
	// A unit out of a manager's reach is 404, like one that does not exist.
	authorize(actor, 'unit.view', { organisationId, unitPath: unit ? pathToRoot(units, unit.id) : [] });
	if (!unit) error(404, 'error.notFound');
	const byId = new Map(units.map((u) => [u.id, u]));
	const path = pathToRoot(units, unit.id).map((id) => byId.get(id)!);
	// Ancestors a manager may not open are shown by name only.
	const ancestors = path.slice(0, -1).map((u) => ({
		id: u.id,
		name: u.name,
		reachable: decide(actor, 'unit.view', { organisationId, unitPath: pathToRoot(units, u.id) }).allowed
	}));
	const inSubtree = subtreeIds(units, unit.id);
	const subtree = flattenTree(units.filter((u) => inSubtree.has(u.id)));
	return { unit, ancestors, subtree };
}

/** The full tree for the administration page, archived units included. */
export async function listUnitsForAdmin(db: Kysely<Database>, actor: Actor | null, organisationId: string) {
	authorize(actor, 'unit.edit', { organisationId });
	const units = await findUnits(db, organisationId);
	return flattenTree(units, { includeArchived: true });
}

function refuse(field: string, problem: Problem): never {
	throw new ValidationError({ [field]: problem });
}

export async function addUnit(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
) {
	authorize(actor, 'unit.edit', { organisationId });
	const fields = unwrap(validateUnitFields(input));
	const parentId = typeof input.parentId === 'string' && input.parentId ? input.parentId : null;
	const added = await db.transaction().execute(async (trx) => {
		await lockUnitTree(trx, organisationId);
		const units = await findUnits(trx, organisationId);
		if (units.some((u) => u.code.toLowerCase() === fields.code.toLowerCase()))
			refuse('code', { key: 'units.codeTaken' });
		if (parentId) {
			const parent = units.find((u) => u.id === parentId);
			if (!parent) refuse('parentId', { key: 'units.parentUnknown' });
			if (parent.archived) refuse('parentId', { key: 'units.parentArchived' });
		}
		const unit = await insertUnit(trx, { organisation_id: organisationId, parent_id: parentId, ...fields });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'unit.create',
			objectType: 'unit',
			objectId: unit.id,
			detail: { code: unit.code, name: unit.name, parentId }
		});
		return unit;
	});
	void refreshAttentionList(db, organisationId);
	return added;
}

async function withUnit<T>(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	work: (trx: Transaction<Database>, units: UnitRecord[], unit: UnitRecord) => Promise<T>
): Promise<T> {
	authorize(actor, 'unit.edit', { organisationId });
	const result = await db.transaction().execute(async (trx) => {
		await lockUnitTree(trx, organisationId);
		const units = await findUnits(trx, organisationId);
		const unit = units.find((u) => u.id === unitId);
		if (!unit) error(404, 'error.notFound');
		return work(trx, units, unit);
	});
	// The unit tree changed: the attention list is computed now rather than by its next reader.
	void refreshAttentionList(db, organisationId);
	return result;
}

/** Renames a unit and sets its headcount. The code stays: signal uploads refer to it. */
export async function renameUnit(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	input: Record<string, unknown>
) {
	return withUnit(db, actor, organisationId, unitId, async (trx, _units, unit) => {
		if (unit.archived) refuse('name', { key: 'units.archivedNoChange' });
		const fields = unwrap(validateUnitFields({ ...input, code: unit.code }));
		await updateUnit(trx, organisationId, unitId, { name: fields.name, headcount: fields.headcount });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'unit.rename',
			objectType: 'unit',
			objectId: unitId,
			detail: {
				before: { name: unit.name, headcount: unit.headcount },
				after: { name: fields.name, headcount: fields.headcount }
			}
		});
	});
}

export async function moveUnit(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	parentId: string | null
) {
	return withUnit(db, actor, organisationId, unitId, async (trx, units, unit) => {
		const problem = checkMove(units, unitId, parentId);
		if (problem) refuse('parentId', problem);
		await updateUnit(trx, organisationId, unitId, { parent_id: parentId });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'unit.move',
			objectType: 'unit',
			objectId: unitId,
			detail: { code: unit.code, from: unit.parentId, to: parentId }
		});
	});
}

export async function archiveUnit(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unitId: string,
	today: string
) {
	return withUnit(db, actor, organisationId, unitId, async (trx, units, unit) => {
		const problem = checkArchive(units, unitId);
		if (problem) refuse('unit', problem);
		// A unit created today and archived today still keeps a valid period of one day.
		const validTo = today < unit.validFrom ? unit.validFrom : today;
		await updateUnit(trx, organisationId, unitId, { valid_to: validTo });
		const memberships = await trx
			.updateTable('membership')
			.set({ active: false })
			.where('organisation_id', '=', organisationId)
			.where('unit_id', '=', unitId)
			.where('active', '=', true)
			.returning('user_id')
			.execute();
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'unit.archive',
			objectType: 'unit',
			objectId: unitId,
			detail: { code: unit.code, validTo, deactivatedManagers: memberships.length }
		});
	});
}

export const MAX_IMPORT_ERRORS_SHOWN = 50;

export interface UnitImportResult {
	created: number;
	updated: number;
	unchanged: number;
}

export class UnitImportError extends Error {
	constructor(
		readonly problems: ImportRowProblem[],
		readonly fileProblems: Problem[]
	) {
		super('Unit import refused');
	}
}

/**
 * Imports a unit tree from CSV text (delimiter detected, `;` is usual in Belgian Excel exports).
 * All or nothing: any problem and nothing changes.
 */
export async function importUnitsCsv(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	text: string
): Promise<UnitImportResult> {
	authorize(actor, 'unit.edit', { organisationId });
	if (!text.replace(/^\uFEFF/, '').trim()) throw new UnitImportError([], [{ key: 'import.empty' }]);
	const parsed = parseCsvWithLines(text);
	const rowProblems: ImportRowProblem[] = parsed.problems.map((p) => ({
		line: p.line,
		column: '',
		value: '',
		key: p.key
	}));
	const { columns, problems: fileProblems } = matchUnitHeaders(parsed.fields);
	if (!fileProblems.length && parsed.rows.length === 0) fileProblems.push({ key: 'import.headerOnly' });
	if (fileProblems.length || rowProblems.length) throw new UnitImportError(rowProblems, fileProblems);

	const imported = await db.transaction().execute(async (trx) => {
		await lockUnitTree(trx, organisationId);
		const units = await findUnits(trx, organisationId);
		const plan = planUnitImport(
			units,
			parsed.rows.map((r) => r.cells),
			columns,
			parsed.rows.map((r) => r.line)
		);
		if (plan.problems.length) throw new UnitImportError(plan.problems, []);
		const idByCode = new Map(units.map((u) => [u.code.toLowerCase(), u.id]));
		for (const c of creationOrder(plan.creates)) {
			const parentId = c.parentCode ? (idByCode.get(c.parentCode.toLowerCase()) ?? null) : null;
			const unit = await insertUnit(trx, {
				organisation_id: organisationId,
				parent_id: parentId,
				code: c.code,
				name: c.name,
				headcount: c.headcount
			});
			idByCode.set(unit.code.toLowerCase(), unit.id);
		}
		for (const u of plan.updates) {
			const parentId = u.parentCode ? (idByCode.get(u.parentCode.toLowerCase()) ?? null) : null;
			await updateUnit(trx, organisationId, u.id, {
				name: u.name,
				headcount: u.headcount,
				parent_id: parentId
			});
		}
		const result = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'unit.import',
			objectType: 'unit',
			detail: result
		});
		return result;
	});
	void refreshAttentionList(db, organisationId);
	return imported;
}
