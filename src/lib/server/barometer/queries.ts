import { error } from '@sveltejs/kit';
import { sql, type Kysely, type Transaction } from 'kysely';
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

/**
 * Responses per unit of a wave, sealed (still taking answers) and stored; only ever read to decide
 * what may be shown.
 */
export async function countResponsesByUnit(
	db: Db,
	organisationId: string,
	waveId: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom((eb) =>
			eb
				.selectFrom('response')
				.select('unit_id')
				.where('organisation_id', '=', organisationId)
				.where('wave_id', '=', waveId)
				.unionAll(
					eb
						.selectFrom('response_sealed')
						.select('unit_id')
						.where('organisation_id', '=', organisationId)
						.where('wave_id', '=', waveId)
				)
				.as('r')
		)
		.select(['r.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('r.unit_id')
		.execute();
	return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/**
 * How many codes a wave was given. Not how many are used (or left): that number would change with
 * every answer and tell, below k, when someone answered.
 */
export async function countCodes(db: Db, organisationId: string, waveId: string): Promise<number> {
	const row = await db
		.selectFrom('wave')
		.select('codes_issued')
		.where('organisation_id', '=', organisationId)
		.where('id', '=', waveId)
		.executeTakeFirst();
	return row?.codes_issued ?? 0;
}

/**
 * The wave and unit behind a unit link, with the other units of the wave to choose from. A wave
 * run with personal codes takes nothing through its links: that is refused here, with a page
 * that says so (a wave's way of answering never changes, so a link's answer never does either).
 */
export async function findWaveUnitByToken(db: Db, token: string) {
	const found = await db
		.selectFrom('wave_unit as wu')
		.innerJoin('wave as w', (j) =>
			j.onRef('w.organisation_id', '=', 'wu.organisation_id').onRef('w.id', '=', 'wu.wave_id')
		)
		.innerJoin('organisation as o', 'o.id', 'w.organisation_id')
		.select(['w.organisation_id', 'w.id as wave_id', 'wu.unit_id', 'o.name as organisation_name', 'w.entry'])
		.where('wu.link_token', '=', token)
		.executeTakeFirst();
	if (found?.entry === 'codes') error(404, 'waves.linkOffCodes');
	return found;
}

/**
 * Opens a personal code: deletes its row (keyed hash, or the plain hash of a code issued before
 * codes were keyed) and creates the claim, in one statement, only while its wave takes answers.
 * Returns the claim's wave, or nothing for an unknown, opened, used or out-of-season code alike.
 */
export async function openCodeClaim(
	db: Db,
	codeHashes: { keyed: string; plain: string },
	claimHash: string,
	today: string
) {
	const { rows } = await sql<{ organisation_id: string; wave_id: string }>`
		with code as (
			delete from wave_code c using wave w
			where ((c.code_hash = ${codeHashes.keyed} and c.keyed) or (c.code_hash = ${codeHashes.plain} and not c.keyed))
				and w.organisation_id = c.organisation_id and w.id = c.wave_id
				and not w.closed and w.summarised_at is null and w.opens_on <= ${today} and w.closes_on >= ${today}
			returning c.organisation_id, c.wave_id
		), claim as (
			insert into response_claim (organisation_id, wave_id, claim_hash)
			select organisation_id, wave_id, ${claimHash} from code
			returning organisation_id, wave_id
		)
		select organisation_id, wave_id from claim
	`.execute(db);
	return rows[0];
}

/** The wave of a claim (an opened code) that has not been used yet. */
export function findClaim(db: Db, claimHash: string) {
	return db
		.selectFrom('response_claim')
		.select(['organisation_id', 'wave_id'])
		.where('claim_hash', '=', claimHash)
		.executeTakeFirst();
}

/** The wave of a submission receipt, found by its nonce alone. */
export function findReceipt(db: Db, nonceHash: string) {
	return db
		.selectFrom('submission_receipt')
		.select(['organisation_id', 'wave_id'])
		.where('nonce_hash', '=', nonceHash)
		.executeTakeFirst();
}

/** Whether a code (not opened) belongs to a wave that has not opened yet. */
export async function isCodeOfPlannedWave(
	db: Db,
	codeHashes: { keyed: string; plain: string },
	today: string
): Promise<boolean> {
	const row = await db
		.selectFrom('wave_code as c')
		.innerJoin('wave as w', (j) =>
			j.onRef('w.organisation_id', '=', 'c.organisation_id').onRef('w.id', '=', 'c.wave_id')
		)
		.select('w.id')
		.where((eb) =>
			eb.or([
				eb.and([eb('c.code_hash', '=', codeHashes.keyed), eb('c.keyed', '=', true)]),
				eb.and([eb('c.code_hash', '=', codeHashes.plain), eb('c.keyed', '=', false)])
			])
		)
		.where('w.closed', '=', false)
		.where('w.opens_on', '>', today)
		.executeTakeFirst();
	return Boolean(row);
}
