import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ManagementSupport, MeasureFields, MeasureNote } from '../../domain/action-plans/measures';
import type {
	ApplicationLevel,
	MeasureStatus,
	PreventionLevel,
	RiskDomain
} from '../../domain/action-plans/types';
import type { IndicatorId } from '../../domain/signals/registry';
import type { Database, MeasureNoteTable, MeasureTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The table's literal types are written out in schema.ts; this fails to compile when they drift from the domain's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type MeasureVocabularyMatches = Holds<
	Same<
		[
			MeasureTable['status'],
			MeasureTable['domain'],
			MeasureTable['prevention_level'],
			MeasureTable['application_level'],
			MeasureTable['management_support']
		],
		[MeasureStatus, RiskDomain, PreventionLevel, ApplicationLevel, ManagementSupport | null]
	>
>;

export interface MeasureRecord extends MeasureFields {
	id: string;
	organisationId: string;
	createdAt: Date;
	updatedAt: Date;
}

export interface MeasureNoteRecord extends MeasureNote {
	id: string;
	measureId: string;
	authorUserId: string | null;
	/** The author's display name; null when the account is gone. */
	authorName: string | null;
	createdAt: Date;
}

const amount = (value: string | null) => (value === null ? null : Number(value));

function rowToMeasure(row: Selectable<MeasureTable>): MeasureRecord {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		unitId: row.unit_id,
		targets: {
			dimensions: row.targets.dimensions,
			signals: row.targets.signals as IndicatorId[]
		},
		title: row.title,
		domain: row.domain,
		preventionLevel: row.prevention_level,
		applicationLevel: row.application_level,
		ownerUserId: row.owner_user_id,
		ownerRole: row.owner_role,
		startsOn: row.starts_on,
		dueOn: row.due_on,
		status: row.status,
		droppedReason: row.dropped_reason,
		budgetEuro: amount(row.budget_euro),
		hours: amount(row.hours),
		description: row.description,
		implementation: row.implementation,
		perception: row.perception,
		managementSupport: row.management_support,
		followUp: row.follow_up,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

type MeasureColumns = Omit<
	Selectable<MeasureTable>,
	'organisation_id' | 'id' | 'created_at' | 'updated_at' | 'targets' | 'budget_euro' | 'hours'
> & { targets: string; budget_euro: number | null; hours: number | null };

function fieldsToColumns(fields: Partial<MeasureFields>): Partial<MeasureColumns> {
	const columns: Partial<MeasureColumns> = {};
	const set = <K extends keyof MeasureColumns>(key: K, value: MeasureColumns[K] | undefined) => {
		if (value !== undefined) columns[key] = value;
	};
	set('unit_id', fields.unitId);
	set(
		'targets',
		fields.targets &&
			JSON.stringify({ dimensions: fields.targets.dimensions, signals: fields.targets.signals })
	);
	set('title', fields.title);
	set('domain', fields.domain);
	set('prevention_level', fields.preventionLevel);
	set('application_level', fields.applicationLevel);
	set('owner_user_id', fields.ownerUserId);
	set('owner_role', fields.ownerRole);
	set('starts_on', fields.startsOn);
	set('due_on', fields.dueOn);
	set('status', fields.status);
	set('dropped_reason', fields.droppedReason);
	set('budget_euro', fields.budgetEuro);
	set('hours', fields.hours);
	set('description', fields.description);
	set('implementation', fields.implementation);
	set('perception', fields.perception);
	set('management_support', fields.managementSupport);
	set('follow_up', fields.followUp);
	return columns;
}

/**
 * The measures of an organisation, by due date: those of the given units (every unit when
 * `unitIds` is null), and those of the organisation as a whole when `organisationLevel` is set.
 */
export async function findMeasures(
	db: Db,
	organisationId: string,
	filter: { unitIds: readonly string[] | null; organisationLevel: boolean }
): Promise<MeasureRecord[]> {
	const { unitIds, organisationLevel } = filter;
	if (unitIds !== null && unitIds.length === 0 && !organisationLevel) return [];
	let query = db.selectFrom('measure').selectAll().where('organisation_id', '=', organisationId);
	query = query.where((eb) => {
		const ofUnits =
			unitIds === null
				? eb('unit_id', 'is not', null)
				: unitIds.length
					? eb('unit_id', 'in', unitIds)
					: eb.val(false);
		return organisationLevel ? eb.or([ofUnits, eb('unit_id', 'is', null)]) : ofUnits;
	});
	const rows = await query.orderBy('due_on').orderBy('title').orderBy('id').execute();
	return rows.map(rowToMeasure);
}

/** One measure of the organisation; `lock` holds it until the transaction ends (read, change, write). */
export async function findMeasure(
	db: Db,
	organisationId: string,
	measureId: string,
	options: { lock?: boolean } = {}
): Promise<MeasureRecord | undefined> {
	let query = db
		.selectFrom('measure')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', measureId);
	if (options.lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row && rowToMeasure(row);
}

export async function insertMeasure(
	db: Db,
	organisationId: string,
	fields: MeasureFields
): Promise<MeasureRecord> {
	const columns = fieldsToColumns(fields) as MeasureColumns;
	const row = await db
		.insertInto('measure')
		.values({ organisation_id: organisationId, ...columns })
		.returningAll()
		.executeTakeFirstOrThrow();
	return rowToMeasure(row);
}

/** Sets the given fields and marks the measure as updated now. */
export async function updateMeasureFields(
	db: Db,
	organisationId: string,
	measureId: string,
	fields: Partial<MeasureFields>
): Promise<MeasureRecord> {
	const row = await db
		.updateTable('measure')
		.set({ ...fieldsToColumns(fields), updated_at: sql<Date>`now()` })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', measureId)
		.returningAll()
		.executeTakeFirstOrThrow();
	return rowToMeasure(row);
}

function rowToNote(row: Selectable<MeasureNoteTable> & { author_name: string | null }): MeasureNoteRecord {
	return {
		id: row.id,
		measureId: row.measure_id,
		writtenOn: row.written_on,
		text: row.text,
		authorUserId: row.author_user_id,
		authorName: row.author_name,
		createdAt: row.created_at
	};
}

function notesQuery(db: Db, organisationId: string) {
	return db
		.selectFrom('measure_note as n')
		.leftJoin('app_user as u', 'u.id', 'n.author_user_id')
		.selectAll('n')
		.select('u.display_name as author_name')
		.where('n.organisation_id', '=', organisationId);
}

/** The notes of a measure, oldest first. */
export async function findNotes(
	db: Db,
	organisationId: string,
	measureId: string
): Promise<MeasureNoteRecord[]> {
	const rows = await notesQuery(db, organisationId)
		.where('n.measure_id', '=', measureId)
		.orderBy('n.written_on')
		.orderBy('n.created_at')
		.orderBy('n.id')
		.execute();
	return rows.map(rowToNote);
}

export async function insertNote(
	db: Db,
	organisationId: string,
	measureId: string,
	note: MeasureNote & { authorUserId: string }
): Promise<MeasureNoteRecord> {
	const { id } = await db
		.insertInto('measure_note')
		.values({
			organisation_id: organisationId,
			measure_id: measureId,
			written_on: note.writtenOn,
			text: note.text,
			author_user_id: note.authorUserId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const notes = await notesQuery(db, organisationId).where('n.id', '=', id).execute();
	return rowToNote(notes[0]!);
}

/** Whether the user is an active member of the organisation, with an active account (someone who can carry a measure). */
export async function isActiveMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('membership as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.select('m.user_id')
		.where('m.organisation_id', '=', organisationId)
		.where('m.user_id', '=', userId)
		.where('m.active', '=', true)
		.where('u.active', '=', true)
		.executeTakeFirst();
	return row !== undefined;
}

/** The organisation's active members who may own a measure, by name. */
export async function findOwnerChoices(
	db: Db,
	organisationId: string
): Promise<Array<{ id: string; name: string }>> {
	return db
		.selectFrom('membership as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.select(['u.id as id', 'u.display_name as name'])
		.where('m.organisation_id', '=', organisationId)
		.where('m.active', '=', true)
		.where('u.active', '=', true)
		.orderBy('u.display_name')
		.orderBy('u.id')
		.execute();
}
