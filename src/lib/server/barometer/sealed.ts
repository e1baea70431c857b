import { createCipheriv, createDecipheriv, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { derivedKey } from '../secret';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Answers at rest (docs/anonymity.md, "At rest"). While a wave takes answers, each response is
 * stored sealed in `response_sealed`: AES-256-GCM under a key derived from the server secret per
 * organisation, with only its unit and how it came in (link or code) readable. When the wave
 * stops taking answers, `mixSealedResponses` opens them all in the closing transaction and writes
 * them to `response` in random order with fresh random ids: every response row of a closed wave
 * then carries the closing transaction's id and a physical order that says nothing.
 */
export type Via = 'link' | 'code';

export interface SealedContent {
	instrumentVersion: number;
	answers: Record<string, number>;
	scores: Record<string, number | null>;
	/**
	 * Answers to the wave's perception questions (docs/action-plans.md), by measure id, 1 to 4; only
	 * those answered. Written to `perception_answer` at the close, apart from the response.
	 */
	perception?: Record<string, number>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(organisationId: string): Buffer {
	return derivedKey('response-seal', organisationId);
}

/** What a sealed value is bound to: it opens only as the row it was written for. */
function boundTo(row: { organisationId: string; waveId: string; id: string; unitId: string; via: Via }) {
	return Buffer.from(`${row.organisationId}|${row.waveId}|${row.id}|${row.unitId}|${row.via}`);
}

export interface SealedRow {
	organisation_id: string;
	wave_id: string;
	id: string;
	unit_id: string;
	via: Via;
	sealed: Uint8Array;
}

/** A sealed row for `response_sealed`: iv, tag and ciphertext of the content as JSON. */
export function sealResponse(
	r: { organisationId: string; waveId: string; unitId: string; via: Via },
	content: SealedContent
): SealedRow {
	const id = randomUUID();
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', keyOf(r.organisationId), iv);
	cipher.setAAD(boundTo({ ...r, id }));
	const body = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
	return {
		organisation_id: r.organisationId,
		wave_id: r.waveId,
		id,
		unit_id: r.unitId,
		via: r.via,
		sealed: Buffer.concat([iv, cipher.getAuthTag(), body])
	};
}

/** Opens a sealed row; throws when it was altered or moved to another unit, wave or organisation. */
export function openSealed(row: SealedRow): SealedContent {
	const data = Buffer.from(row.sealed);
	const decipher = createDecipheriv('aes-256-gcm', keyOf(row.organisation_id), data.subarray(0, IV_BYTES));
	decipher.setAAD(
		boundTo({
			organisationId: row.organisation_id,
			waveId: row.wave_id,
			id: row.id,
			unitId: row.unit_id,
			via: row.via
		})
	);
	decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
	const text = Buffer.concat([
		decipher.update(data.subarray(IV_BYTES + TAG_BYTES)),
		decipher.final()
	]).toString('utf8');
	return JSON.parse(text) as SealedContent;
}

/** Fisher-Yates with a cryptographic random source. */
function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}

const BATCH = 500;

/**
 * Opens every sealed response of a wave and stores it in `response` in random order with a fresh
 * random id, deleting the sealed rows, in the caller's transaction (the one that stops the wave
 * taking answers). Perception answers go to `perception_answer`, shuffled on their own, with fresh
 * random ids and no reference to their response. The wave's receipts and wave_unit rows are written again in the same
 * transaction, so none of them keeps the transaction id of a submission either; the link answer
 * counters are set to what is stored.
 */
export async function mixSealedResponses(trx: Db, organisationId: string, waveId: string): Promise<number> {
	const sealed = (await trx
		.deleteFrom('response_sealed')
		.where('organisation_id', '=', organisationId)
		.where('wave_id', '=', waveId)
		.returning(['organisation_id', 'wave_id', 'id', 'unit_id', 'via', 'sealed'])
		.execute()) as SealedRow[];
	const asked = new Set(
		(
			await trx
				.selectFrom('wave_measure')
				.select('measure_id')
				.where('organisation_id', '=', organisationId)
				.where('wave_id', '=', waveId)
				.execute()
		).map((m) => m.measure_id)
	);
	const perception: Array<{ measure_id: string; unit_id: string; answer: number }> = [];
	const rows = shuffle(
		sealed.map((row) => {
			const content = openSealed(row);
			for (const [measureId, answer] of Object.entries(content.perception ?? {}))
				if (asked.has(measureId) && Number.isInteger(answer) && answer >= 1 && answer <= 4)
					perception.push({ measure_id: measureId, unit_id: row.unit_id, answer });
			return {
				organisation_id: organisationId,
				wave_id: waveId,
				unit_id: row.unit_id,
				via: row.via,
				instrument_version: content.instrumentVersion,
				answers: JSON.stringify(content.answers),
				scores: JSON.stringify(content.scores)
			};
		})
	);
	for (let i = 0; i < rows.length; i += BATCH) {
		await trx
			.insertInto('response')
			.values(rows.slice(i, i + BATCH).map((r) => ({ ...r, id: randomUUID() })))
			.execute();
	}
	// Perception answers go apart from their response, in an order of their own: nothing pairs them.
	const answers = shuffle(perception);
	for (let i = 0; i < answers.length; i += BATCH) {
		await trx
			.insertInto('perception_answer')
			.values(
				answers
					.slice(i, i + BATCH)
					.map((a) => ({ ...a, organisation_id: organisationId, wave_id: waveId, id: randomUUID() }))
			)
			.execute();
	}
	await sql`
		with old as (
			delete from submission_receipt where organisation_id = ${organisationId} and wave_id = ${waveId}
			returning nonce_hash
		)
		insert into submission_receipt (organisation_id, wave_id, nonce_hash)
		select ${organisationId}, ${waveId}, nonce_hash from old order by random()
	`.execute(trx);
	await sql`
		update wave_unit wu set link_answers = (
			select count(*)::int from response r
			where r.organisation_id = wu.organisation_id and r.wave_id = wu.wave_id
				and r.unit_id = wu.unit_id and r.via = 'link'
		)
		where wu.organisation_id = ${organisationId} and wu.wave_id = ${waveId}
	`.execute(trx);
	return rows.length;
}
