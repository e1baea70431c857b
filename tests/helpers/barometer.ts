import { sql, type Kysely } from 'kysely';
import { BAROMETER, itemsOf } from '../../src/lib/instruments';
import type { InstrumentDefinition } from '../../src/lib/instruments/types';
import { openSealed } from '../../src/lib/server/barometer/sealed';
import type { Database } from '../../src/lib/server/db/schema';

/** Helpers for the barometer integration tests (waves, codes, responses). */
type Db = Kysely<Database>;

/** The built-in barometer as the wave form names it. */
export const BUILT_IN = `${BAROMETER.key}@${BAROMETER.version}`;

/** The fields of the wave form; `overrides` replace or add fields. */
export function waveFields(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		name: 'Voorjaar 2026',
		instrument: BUILT_IN,
		language: 'nl',
		opensOn: '2026-03-01',
		closesOn: '2026-03-31',
		// Most tests answer through unit links; the form's default is personal codes.
		entry: 'links',
		...overrides
	};
}

/**
 * A full, valid answer set as form fields `q_<id>`: every item of the definition (and of its
 * module when included), values cycling through the scale.
 */
export function answerFields(
	definition: InstrumentDefinition,
	includeModule: boolean
): Record<string, string> {
	const { min, max } = definition.scale;
	const span = max - min + 1;
	return Object.fromEntries(
		itemsOf(definition, includeModule).map((item, i) => [`q_${item.id}`, String(min + ((i * 3) % span))])
	);
}

/** The answers that `answerFields` stands for, as stored: numbers by item id. */
export function answersOf(fields: Record<string, string>): Record<string, number> {
	return Object.fromEntries(
		Object.entries(fields)
			.filter(([name]) => name.startsWith('q_'))
			.map(([name, value]) => [name.slice(2), Number(value)])
	);
}

/**
 * A deep copy of the built-in barometer under another key (an organisation's own instrument),
 * optionally without its module; `change` may alter the copy further.
 */
export function ownInstrument(
	key: string,
	options: { version?: number; withoutModule?: boolean; change?: (d: InstrumentDefinition) => void } = {}
): InstrumentDefinition {
	const copy = structuredClone(BAROMETER) as InstrumentDefinition;
	copy.key = key;
	copy.version = options.version ?? 1;
	copy.name = { nl: `Eigen ${key}`, fr: `Propre ${key}`, en: `Own ${key}` };
	if (options.withoutModule) delete copy.module;
	options.change?.(copy);
	return copy;
}

/**
 * Rows in each table that a submission writes, over the whole database: responses sealed (the
 * wave takes answers) and mixed (it closed), and receipts.
 */
export async function submissionCounts(db: Db) {
	const count = async (table: 'response' | 'response_sealed' | 'submission_receipt') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const [responses, sealed, receipts] = await Promise.all([
		count('response'),
		count('response_sealed'),
		count('submission_receipt')
	]);
	return { responses: responses + sealed, receipts };
}

export interface StoredAnswer {
	organisation_id: string;
	wave_id: string;
	unit_id: string;
	via: 'link' | 'code';
	instrument_version: number;
	answers: Record<string, number>;
	scores: Record<string, number | null>;
	/** Still sealed (the wave takes answers), or a row of `response`. */
	sealed: boolean;
}

/** A wave's answers as stored: sealed ones opened with the server secret, and mixed ones. */
export async function responsesOf(db: Db, waveId: string): Promise<StoredAnswer[]> {
	const [sealed, mixed] = await Promise.all([
		db.selectFrom('response_sealed').selectAll().where('wave_id', '=', waveId).execute(),
		db.selectFrom('response').selectAll().where('wave_id', '=', waveId).execute()
	]);
	return [
		...sealed.map((row) => {
			const content = openSealed(row);
			return {
				organisation_id: row.organisation_id,
				wave_id: row.wave_id,
				unit_id: row.unit_id,
				via: row.via,
				instrument_version: content.instrumentVersion,
				answers: content.answers,
				scores: content.scores,
				sealed: true
			};
		}),
		...mixed.map((row) => ({
			organisation_id: row.organisation_id,
			wave_id: row.wave_id,
			unit_id: row.unit_id,
			via: row.via,
			instrument_version: row.instrument_version,
			answers: row.answers,
			scores: row.scores,
			sealed: false
		}))
	];
}

export function waveRow(db: Db, waveId: string) {
	return db.selectFrom('wave').selectAll().where('id', '=', waveId).executeTakeFirstOrThrow();
}

export function waveUnitRows(db: Db, waveId: string) {
	return db.selectFrom('wave_unit').selectAll().where('wave_id', '=', waveId).orderBy('unit_id').execute();
}

export function codeRows(db: Db, waveId: string) {
	return db.selectFrom('wave_code').selectAll().where('wave_id', '=', waveId).execute();
}

/** The column names of a table in the public schema, sorted. */
export async function columnsOf(db: Db, table: string): Promise<string[]> {
	const { rows } = await sql<{ column_name: string }>`
		select column_name from information_schema.columns
		where table_schema = 'public' and table_name = ${table}
		order by column_name`.execute(db);
	return rows.map((r) => r.column_name);
}

/**
 * Every row of every table in the public schema, as one JSON text per table, to check that a
 * value (a personal code, say) is stored nowhere.
 */
export async function everythingStored(db: Db): Promise<Record<string, string>> {
	const { rows: tables } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE'
		order by table_name`.execute(db);
	const dump: Record<string, string> = {};
	for (const { table_name } of tables) {
		const { rows } = await sql`select * from ${sql.table(table_name)}`.execute(db);
		dump[table_name] = JSON.stringify(rows);
	}
	return dump;
}
