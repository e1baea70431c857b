import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findWaves(db: Db, organisationId: string) {
	return db
		.selectFrom('wave')
		.select([
			'id',
			'name',
			'instrument_key',
			'instrument_version',
			'include_module',
			'opens_on',
			'closes_on',
			'closed',
			'language'
		])
		.where('organisation_id', '=', organisationId)
		.orderBy('opens_on', 'desc')
		.orderBy('name')
		.execute();
}

export function findWave(db: Db, organisationId: string, waveId: string) {
	return db
		.selectFrom('wave')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.executeTakeFirst();
}

export function findWaveUnits(db: Db, organisationId: string, waveId: string) {
	return db
		.selectFrom('wave_unit as wu')
		.innerJoin('unit as u', (j) =>
			j.onRef('u.organisation_id', '=', 'wu.organisation_id').onRef('u.id', '=', 'wu.unit_id')
		)
		.select(['u.id', 'u.code', 'u.name', 'u.parent_id', 'u.headcount', 'wu.link_token'])
		.where('wu.organisation_id', '=', organisationId)
		.where('wu.wave_id', '=', waveId)
		.orderBy('u.code')
		.execute();
}

/** Responses per unit of a wave; only ever read to decide what may be shown. */
export async function countResponsesByUnit(
	db: Db,
	organisationId: string,
	waveId: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('response')
		.select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.groupBy('unit_id')
		.execute();
	return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/**
 * How many codes a wave has. Not how many are used: that number would rise with every answer and
 * tell, below k, when someone answered.
 */
export async function countCodes(db: Db, organisationId: string, waveId: string): Promise<number> {
	const row = await db
		.selectFrom('wave_code')
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.executeTakeFirstOrThrow();
	return Number(row.total);
}

/** The wave and unit behind a unit link, with the other units of the wave to choose from. */
export function findWaveUnitByToken(db: Db, token: string) {
	return db
		.selectFrom('wave_unit as wu')
		.innerJoin('wave as w', (j) =>
			j.onRef('w.organisation_id', '=', 'wu.organisation_id').onRef('w.id', '=', 'wu.wave_id')
		)
		.innerJoin('organisation as o', 'o.id', 'w.organisation_id')
		.select(['w.organisation_id', 'w.id as wave_id', 'wu.unit_id', 'o.name as organisation_name'])
		.where('wu.link_token', '=', token)
		.executeTakeFirst();
}

export function findCodeByHash(db: Db, codeHash: string) {
	return db
		.selectFrom('wave_code as c')
		.innerJoin('organisation as o', 'o.id', 'c.organisation_id')
		.select(['c.organisation_id', 'c.wave_id', 'c.used', 'o.name as organisation_name'])
		.where('c.code_hash', '=', codeHash)
		.executeTakeFirst();
}
