import type { Kysely, Transaction } from 'kysely';
import type { UnitNode } from '../../domain/units';
import { todayInBelgium } from '../clock';
import type { Database, NewUnit, Unit } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export type UnitRecord = UnitNode & { validFrom: string; validTo: string | null };

export function unitRowToUnit(row: Unit): UnitRecord {
	return {
		id: row.id,
		parentId: row.parent_id,
		code: row.code,
		name: row.name,
		headcount: row.headcount,
		archived: row.valid_to !== null,
		validFrom: row.valid_from,
		validTo: row.valid_to
	};
}

/** Every unit of the organisation, archived ones included (they keep history). */
export async function findUnits(db: Db, organisationId: string): Promise<UnitRecord[]> {
	const rows = await db
		.selectFrom('unit')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('code')
		.execute();
	return rows.map(unitRowToUnit);
}

/** A new unit is valid from today in Belgium unless told otherwise (not the database's UTC date). */
export async function insertUnit(db: Db, values: NewUnit): Promise<UnitRecord> {
	const row = { ...values, valid_from: values.valid_from ?? todayInBelgium() };
	return unitRowToUnit(await db.insertInto('unit').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function updateUnit(
	db: Db,
	organisationId: string,
	unitId: string,
	values: Partial<{
		name: string;
		headcount: number | null;
		parent_id: string | null;
		valid_to: string | null;
	}>
): Promise<void> {
	await db
		.updateTable('unit')
		.set(values)
		.where('organisation_id', '=', organisationId)
		.where('id', '=', unitId)
		.execute();
}

/** Serialises tree changes per organisation, so two concurrent moves cannot build a cycle together. */
export async function lockUnitTree(trx: Transaction<Database>, organisationId: string): Promise<void> {
	await trx.selectFrom('organisation').select('id').where('id', '=', organisationId).forUpdate().execute();
}
