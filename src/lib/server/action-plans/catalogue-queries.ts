import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CatalogueEntryFields, EntryLanguage } from '../../domain/action-plans/catalogue-entry';
import type { ApplicationLevel, PreventionLevel, RiskDomain } from '../../domain/action-plans/types';
import type { IndicatorId } from '../../domain/signals/registry';
import type { CatalogueEntryTable, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The table's literal types are written out in schema.ts; this fails to compile when they drift from the domain's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type CatalogueVocabularyMatches = Holds<
	Same<
		[
			CatalogueEntryTable['domain'],
			CatalogueEntryTable['prevention_level'],
			CatalogueEntryTable['application_level'],
			CatalogueEntryTable['language']
		],
		[RiskDomain, PreventionLevel, ApplicationLevel, EntryLanguage]
	>
>;

/** An organisation's own catalogue entry as stored. */
export interface OwnEntryRecord extends CatalogueEntryFields {
	id: string;
	organisationId: string;
	language: EntryLanguage;
	/** Null while in use; when set, the entry is no longer suggested. */
	retiredAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
}

function rowToEntry(row: Selectable<CatalogueEntryTable>): OwnEntryRecord {
	return {
		id: row.id,
		organisationId: row.organisation_id,
		language: row.language,
		title: row.title,
		how: row.how,
		watchOut: row.watch_out,
		targets: { dimensions: row.targets.dimensions, signals: row.targets.signals as IndicatorId[] },
		domain: row.domain,
		level: row.prevention_level,
		application: row.application_level,
		retiredAt: row.retired_at,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

function fieldsToColumns(fields: Partial<CatalogueEntryFields>) {
	const columns: Partial<{
		title: string;
		how: string;
		watch_out: string;
		targets: string;
		domain: RiskDomain;
		prevention_level: PreventionLevel;
		application_level: ApplicationLevel;
	}> = {};
	if (fields.title !== undefined) columns.title = fields.title;
	if (fields.how !== undefined) columns.how = fields.how;
	if (fields.watchOut !== undefined) columns.watch_out = fields.watchOut;
	if (fields.targets !== undefined)
		columns.targets = JSON.stringify({
			dimensions: fields.targets.dimensions,
			signals: fields.targets.signals
		});
	if (fields.domain !== undefined) columns.domain = fields.domain;
	if (fields.level !== undefined) columns.prevention_level = fields.level;
	if (fields.application !== undefined) columns.application_level = fields.application;
	return columns;
}

/** The organisation's own entries, in use first, then by title; with `activeOnly`, the retired ones left out. */
export async function findOwnEntries(
	db: Db,
	organisationId: string,
	options: { activeOnly?: boolean } = {}
): Promise<OwnEntryRecord[]> {
	let query = db.selectFrom('catalogue_entry').selectAll().where('organisation_id', '=', organisationId);
	if (options.activeOnly) query = query.where('retired_at', 'is', null);
	const rows = await query
		.orderBy(sql`retired_at is not null`)
		.orderBy('title')
		.orderBy('id')
		.execute();
	return rows.map(rowToEntry);
}

/** One own entry of the organisation; `lock` holds it until the transaction ends. */
export async function findOwnEntry(
	db: Db,
	organisationId: string,
	entryId: string,
	options: { lock?: boolean } = {}
): Promise<OwnEntryRecord | undefined> {
	let query = db
		.selectFrom('catalogue_entry')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', entryId);
	if (options.lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row && rowToEntry(row);
}

export async function insertOwnEntry(
	db: Db,
	organisationId: string,
	language: EntryLanguage,
	fields: CatalogueEntryFields
): Promise<OwnEntryRecord> {
	const columns = fieldsToColumns(fields) as Required<ReturnType<typeof fieldsToColumns>>;
	const row = await db
		.insertInto('catalogue_entry')
		.values({ organisation_id: organisationId, language, ...columns })
		.returningAll()
		.executeTakeFirstOrThrow();
	return rowToEntry(row);
}

/** Sets the given fields (and, when given, retired or in use) and marks the entry as updated now. */
export async function updateOwnEntry(
	db: Db,
	organisationId: string,
	entryId: string,
	fields: Partial<CatalogueEntryFields>,
	retired?: boolean
): Promise<OwnEntryRecord> {
	const row = await db
		.updateTable('catalogue_entry')
		.set({
			...fieldsToColumns(fields),
			...(retired === undefined ? {} : { retired_at: retired ? sql<Date>`now()` : null }),
			updated_at: sql<Date>`now()`
		})
		.where('organisation_id', '=', organisationId)
		.where('id', '=', entryId)
		.returningAll()
		.executeTakeFirstOrThrow();
	return rowToEntry(row);
}

/** The ids of the built-in entries the organisation hides. */
export async function findHiddenEntryIds(db: Db, organisationId: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('catalogue_hidden')
		.select('entry_id')
		.where('organisation_id', '=', organisationId)
		.execute();
	return new Set(rows.map((r) => r.entry_id));
}

/** Hides a built-in entry; false when it was hidden already. */
export async function insertHidden(db: Db, organisationId: string, entryId: string): Promise<boolean> {
	const result = await db
		.insertInto('catalogue_hidden')
		.values({ organisation_id: organisationId, entry_id: entryId })
		.onConflict((oc) => oc.columns(['organisation_id', 'entry_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Shows a hidden built-in entry again; false when it was not hidden. */
export async function deleteHidden(db: Db, organisationId: string, entryId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('catalogue_hidden')
		.where('organisation_id', '=', organisationId)
		.where('entry_id', '=', entryId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
