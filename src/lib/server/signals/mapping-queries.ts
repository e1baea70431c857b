import { sql, type Kysely, type Transaction } from 'kysely';
import type { ColumnMapping, ColumnMappings } from '../../domain/signals/mapping';
import type { SignalsFormat } from '../../domain/signals/formats';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The column mappings an organisation's HR chose, per format. */
export async function findColumnMappings(db: Db, organisationId: string): Promise<ColumnMappings> {
	const rows = await db
		.selectFrom('signal_column_mapping')
		.select(['format', 'mapping'])
		.where('organisation_id', '=', organisationId)
		.execute();
	const mappings: ColumnMappings = {};
	for (const row of rows) mappings[row.format] = row.mapping as ColumnMapping;
	return mappings;
}

/** Remembers a format's mapping; the headers of an earlier mapping that this one does not name stay. */
export async function upsertColumnMapping(
	db: Db,
	organisationId: string,
	format: SignalsFormat,
	mapping: ColumnMapping,
	userId: string
): Promise<void> {
	const json = JSON.stringify(mapping);
	await db
		.insertInto('signal_column_mapping')
		.values({ organisation_id: organisationId, format, mapping: json, updated_by: userId })
		.onConflict((oc) =>
			oc.columns(['organisation_id', 'format']).doUpdateSet({
				mapping: sql`signal_column_mapping.mapping || ${json}::jsonb`,
				updated_by: userId,
				updated_at: sql`now()`
			})
		)
		.execute();
}
