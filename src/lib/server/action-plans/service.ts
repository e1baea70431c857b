import { error } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import {
	canManagerChange,
	measureChanges,
	measureFlags,
	validateMeasure,
	validateNote,
	type MeasureFields,
	type MeasureFlags
} from '../../domain/action-plans/measures';
import { pathToRoot } from '../../domain/units';
import { ValidationError, unwrap, isUuid } from '../../domain/validation';
import { authorize, decide, scopeOf, type Access, type Actor, type Target } from '../access';
import { insertAuditEntry } from '../audit/queries';
import { todayInBelgium } from '../clock';
import type { Database } from '../db/schema';
import { findUnits, type UnitRecord } from '../units/queries';
import {
	findMeasure,
	findMeasures,
	findOwnerChoices,
	findNotes,
	insertMeasure,
	insertNote,
	isActiveMember,
	updateMeasureFields,
	type MeasureNoteRecord,
	type MeasureRecord
} from './queries';

export type { MeasureNoteRecord, MeasureRecord };

/**
 * Measures of action plans. Advisors and HR write them; a manager sees those of units in their own
 * subtree and may move their status along and add notes (`canManagerChange`). Measures of the
 * organisation as a whole are for advisors and HR only. Every change is audited with the old and
 * new values of what changed, in the transaction of the change.
 */

type MeasureAction = 'measure.view' | 'measure.edit' | 'measure.progress';

/**
 * The role's permission, asked before anything of the organisation is read. For a manager the
 * target stands for their own unit: whether the measure itself is in reach is asked again once it
 * is read (`targetOf`).
 */
function authorizeRole<A extends MeasureAction>(
	actor: Actor | null,
	action: A,
	organisationId: string
): Access<A> {
	const own = actor?.memberships.find((m) => m.organisationId === organisationId)?.unitId;
	return authorize(actor, action, { organisationId, unitPath: own ? [own] : [] });
}

/** The access target of a measure: its unit's path, or none for a measure of the whole organisation. */
function targetOf(organisationId: string, units: readonly UnitRecord[], unitId: string | null): Target {
	return { organisationId, unitPath: unitId ? pathToRoot(units, unitId) : [] };
}

export interface MeasureListItem extends MeasureRecord {
	flags: MeasureFlags;
	/** The owning member's name; null without one, or when that account is no longer active. */
	ownerName: string | null;
}

/** Each active member's name by id, to name the owners of measures. */
async function ownerNames(db: Kysely<Database>, organisationId: string): Promise<Map<string, string>> {
	return new Map((await findOwnerChoices(db, organisationId)).map((o) => [o.id, o.name]));
}

const nameOf = (names: Map<string, string>, userId: string | null) =>
	userId === null ? null : (names.get(userId) ?? null);

/**
 * The measures the actor may see, by due date: all of them for advisors and HR, those of the
 * manager's subtree for a manager. With `unitId`, only the measures of that unit (404 when the
 * unit is unknown or out of reach).
 */
export async function listMeasures(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { unitId?: string; today?: string } = {}
): Promise<MeasureListItem[]> {
	const access = authorizeRole(actor, 'measure.view', organisationId);
	const today = options.today ?? todayInBelgium();
	const units = await findUnits(db, organisationId);
	let filter: { unitIds: readonly string[] | null; organisationLevel: boolean };
	if (options.unitId !== undefined) {
		const unit = units.find((u) => u.id === options.unitId);
		authorize(actor, 'measure.view', { organisationId, unitPath: unit ? pathToRoot(units, unit.id) : [] });
		if (!unit) error(404, 'error.notFound');
		filter = { unitIds: [unit.id], organisationLevel: false };
	} else {
		const scope = scopeOf(access, units);
		filter = {
			unitIds: scope.size === units.length ? null : [...scope],
			organisationLevel: decide(actor, 'measure.view', targetOf(organisationId, units, null)).allowed
		};
	}
	const [measures, names] = await Promise.all([
		findMeasures(db, organisationId, filter),
		ownerNames(db, organisationId)
	]);
	return measures.map((m) => ({
		...m,
		flags: measureFlags(m, today),
		ownerName: nameOf(names, m.ownerUserId)
	}));
}

/** Reads a measure the actor may reach with `action`: 404 when it is unknown, malformed or out of reach. */
async function reachMeasure(
	db: Kysely<Database> | Transaction<Database>,
	actor: Actor | null,
	action: MeasureAction,
	organisationId: string,
	measureId: string,
	options: { lock?: boolean } = {}
) {
	if (!isUuid(measureId)) error(404, 'error.notFound');
	const measure = await findMeasure(db, organisationId, measureId, options);
	if (!measure) error(404, 'error.notFound');
	const units = await findUnits(db, organisationId);
	const target = targetOf(organisationId, units, measure.unitId);
	authorize(actor, action, target);
	return { measure, units, target };
}

/** One measure with its notes and flags, and what the actor may do with it. */
export async function getMeasure(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	measureId: string,
	options: { today?: string } = {}
) {
	authorizeRole(actor, 'measure.view', organisationId);
	const { measure, target } = await reachMeasure(db, actor, 'measure.view', organisationId, measureId);
	const [notes, owners] = await Promise.all([
		findNotes(db, organisationId, measure.id),
		findOwnerChoices(db, organisationId)
	]);
	const canEdit = decide(actor, 'measure.edit', target).allowed;
	return {
		measure: {
			...measure,
			ownerName: nameOf(new Map(owners.map((o) => [o.id, o.name])), measure.ownerUserId)
		},
		notes,
		flags: measureFlags(measure, options.today ?? todayInBelgium()),
		canEdit,
		canProgress: decide(actor, 'measure.progress', target).allowed,
		/** Whom the edit form offers as owner. */
		owners: canEdit ? owners : []
	};
}

/** The fields of a stored measure, as the domain rules take them. */
function fieldsOf(measure: MeasureRecord): MeasureFields {
	const { id: _id, organisationId: _org, createdAt: _created, updatedAt: _updated, ...fields } = measure;
	return fields;
}

/** Refuses a unit or an owner the organisation does not have (any more). */
async function checkReferences(
	trx: Transaction<Database>,
	organisationId: string,
	fields: Pick<MeasureFields, 'unitId' | 'ownerUserId'>,
	units: readonly UnitRecord[]
) {
	if (fields.unitId !== null && !units.some((u) => u.id === fields.unitId && !u.archived))
		throw new ValidationError({ unitId: { key: 'measure.unitUnknown' } });
	if (fields.ownerUserId !== null && !(await isActiveMember(trx, organisationId, fields.ownerUserId)))
		throw new ValidationError({ ownerUserId: { key: 'measure.ownerUnknown' } });
}

export async function createMeasure(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
): Promise<MeasureRecord> {
	authorize(actor, 'measure.edit', { organisationId });
	const fields = unwrap(validateMeasure(input));
	return db.transaction().execute(async (trx) => {
		await checkReferences(trx, organisationId, fields, await findUnits(trx, organisationId));
		const measure = await insertMeasure(trx, organisationId, fields);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'measure.create',
			objectType: 'measure',
			objectId: measure.id,
			detail: { before: {}, after: fieldsOf(measure) }
		});
		return measure;
	});
}

/**
 * Changes a measure: `input` is laid over the stored fields and the whole is checked. Advisors and
 * HR may change every field; a manager only what `canManagerChange` allows (403 otherwise), and
 * only on a measure of their subtree (404 otherwise). Nothing changed, nothing written.
 */
export async function updateMeasure(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	measureId: string,
	input: Record<string, unknown>
): Promise<MeasureRecord> {
	authorizeRole(actor, 'measure.progress', organisationId);
	return db.transaction().execute(async (trx) => {
		const { measure, units, target } = await reachMeasure(
			trx,
			actor,
			'measure.progress',
			organisationId,
			measureId,
			{ lock: true }
		);
		const before = fieldsOf(measure);
		const result = validateMeasure({ ...before, ...input });
		// What the input would change beyond a manager's fields, valid or not, needs the full right.
		const beyondProgress = result.ok
			? measureChanges(before, result.value).fields.some((f) => !canManagerChange(f))
			: Object.keys(result.problems).some((f) => !canManagerChange(f as keyof MeasureFields));
		if (beyondProgress) authorize(actor, 'measure.edit', target);
		const after = unwrap(result);
		const changes = measureChanges(before, after);
		if (!changes.fields.length) return measure;
		if (changes.fields.includes('unitId') || changes.fields.includes('ownerUserId'))
			await checkReferences(
				trx,
				organisationId,
				{
					unitId: changes.fields.includes('unitId') ? after.unitId : null,
					ownerUserId: changes.fields.includes('ownerUserId') ? after.ownerUserId : null
				},
				units
			);
		const updated = await updateMeasureFields(trx, organisationId, measure.id, changes.after);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'measure.update',
			objectType: 'measure',
			objectId: measure.id,
			detail: { before: changes.before, after: changes.after }
		});
		return updated;
	});
}

/** Adds a dated note on the progress of a measure (advisors, HR, and managers within their subtree). */
export async function addNote(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	measureId: string,
	input: Record<string, unknown>,
	today: string = todayInBelgium()
): Promise<MeasureNoteRecord> {
	authorizeRole(actor, 'measure.progress', organisationId);
	return db.transaction().execute(async (trx) => {
		const { measure } = await reachMeasure(trx, actor, 'measure.progress', organisationId, measureId);
		const note = unwrap(validateNote(input, today));
		const saved = await insertNote(trx, organisationId, measure.id, { ...note, authorUserId: actor!.userId });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'measure.note',
			objectType: 'measure',
			objectId: measure.id,
			detail: { before: {}, after: { note: { id: saved.id, writtenOn: saved.writtenOn, text: saved.text } } }
		});
		return saved;
	});
}

/** The members who may own a measure, for the form that writes one: names of accounts only. */
export async function ownerChoices(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
): Promise<Array<{ id: string; name: string }>> {
	authorizeRole(actor, 'measure.edit', organisationId);
	return findOwnerChoices(db, organisationId);
}
