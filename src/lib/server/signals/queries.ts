import { sql, type Kysely, type Transaction } from 'kysely';
import type { FigureId } from '../../domain/signals/formats';
import { BinaryCopyWriter, type CopyIn } from '../db/bulk';
import { signalFigureColumns, type Database, type SignalFigures } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The database column of each figure of the domain. */
export const COLUMN_OF: Record<FigureId, keyof SignalFigures> = {
	headcount: 'headcount',
	fte: 'fte',
	plannedDays: 'planned_days',
	sickDaysShort: 'sick_days_short',
	sickDaysMedium: 'sick_days_medium',
	sickDaysLong: 'sick_days_long',
	spells: 'spells',
	frequentAbsentees: 'frequent_absentees',
	leaversVoluntary: 'leavers_voluntary',
	leaversInvoluntary: 'leavers_involuntary',
	newIncapacity4w: 'new_incapacity_4w',
	ongoingIncapacity1y: 'ongoing_incapacity_1y',
	workAccidents: 'work_accidents',
	jobAdaptationRequests: 'job_adaptation_requests',
	psychosocialRequests: 'psychosocial_requests',
	spellsEnded: 'spells_ended',
	spellsEndedDays: 'spells_ended_days',
	people: 'people'
};

/** The figure columns, in one fixed order for the bulk insert. */
export const FIGURE_NAMES = Object.keys(signalFigureColumns) as Array<keyof SignalFigures>;

/** Whole days, FTE and day counts are fractional; the rest are counts of people or spells. */
const FRACTIONAL = new Set<keyof SignalFigures>([
	'headcount',
	'fte',
	'planned_days',
	'sick_days_short',
	'sick_days_medium',
	'sick_days_long',
	'spells_ended_days'
]);

export interface FigureRow extends SignalFigures {
	unitId: string;
	/** First day of the month, yyyy-mm-01. */
	month: string;
}

export interface NewUpload {
	organisationId: string;
	format: 'monthly' | 'spells' | 'staffing' | 'spells+staffing';
	fileName: string;
	contentHash: string;
	byteSize: number;
	rowCount: number;
	periodFrom: string;
	periodTo: string;
	unitCount: number;
	uploadedBy: string | null;
}

export async function insertUpload(db: Db, upload: NewUpload): Promise<{ id: string; seq: number }> {
	return db
		.insertInto('signal_upload')
		.values({
			organisation_id: upload.organisationId,
			format: upload.format,
			file_name: upload.fileName,
			content_hash: upload.contentHash,
			byte_size: upload.byteSize,
			row_count: upload.rowCount,
			period_from: upload.periodFrom,
			period_to: upload.periodTo,
			unit_count: upload.unitCount,
			uploaded_by: upload.uploadedBy
		})
		.returning(['id', 'seq'])
		.executeTakeFirstOrThrow();
}

const INSERT_BATCH = 20_000;

/** How to read the figures of a row: FigureRow by default, or any shape (no copy needed). */
export interface FigureAccess<T> {
	unitId(row: T): string;
	/** First day of the month, yyyy-mm-01. */
	month(row: T): string;
	value(row: T, column: keyof SignalFigures): number | null;
}

const FIGURE_ROW_ACCESS: FigureAccess<FigureRow> = {
	unitId: (r) => r.unitId,
	month: (r) => r.month,
	value: (r, column) => r[column]
};

/**
 * Stores an upload's figures with one statement per batch of rows: each column travels as one
 * array parameter and `unnest` turns them back into rows (far fewer parameters and round trips
 * than a multi-row VALUES list). With `latest`, the same statement brings the figures in force up
 * to date: the upload is the newest, so each figure it supplies wins and the others stay.
 */
export async function insertFigures<T = FigureRow>(
	db: Db,
	organisationId: string,
	uploadId: string,
	rows: readonly T[],
	options: { latest?: boolean; access?: FigureAccess<T> } = {}
): Promise<void> {
	const access = (options.access ?? FIGURE_ROW_ACCESS) as FigureAccess<T>;
	const names = sql.join(FIGURE_NAMES.map((n) => sql.ref(n)));
	for (let start = 0; start < rows.length; start += INSERT_BATCH) {
		const batch = rows.slice(start, start + INSERT_BATCH);
		const columns = FIGURE_NAMES.map(
			(name) =>
				sql`${batch.map((r) => access.value(r, name))}::${sql.raw(FRACTIONAL.has(name) ? 'float8[]' : 'int4[]')}`
		);
		const inserted = sql`
			insert into signal_figure (organisation_id, upload_id, unit_id, month, ${names})
			select ${organisationId}::uuid, ${uploadId}::uuid, t.*
			from unnest(
				${batch.map((r) => access.unitId(r))}::uuid[],
				${batch.map((r) => access.month(r))}::date[],
				${sql.join(columns)}
			) as t
			returning *
		`;
		if (!options.latest) {
			await sql`with inserted as (${inserted}) select count(*) from inserted`.execute(db);
			continue;
		}
		const keep = sql.join(
			FIGURE_NAMES.map(
				(n) => sql`${sql.ref(n)} = coalesce(excluded.${sql.ref(n)}, signal_month.${sql.ref(n)})`
			)
		);
		await sql`
			with inserted as (${inserted})
			insert into signal_month (organisation_id, unit_id, month, ${names})
			select organisation_id, unit_id, month, ${names} from inserted
			on conflict (organisation_id, unit_id, month) do update set ${keep}
		`.execute(db);
	}
}

/** The staging table of an upload's figures, dropped when its transaction ends. */
const STAGED = 'signal_figure_staged';

/** Per figure, in FIGURE_NAMES order: whether its column is float8 (else int4). */
const FRACTIONAL_AT = FIGURE_NAMES.map((n) => FRACTIONAL.has(n));

/**
 * The rows in COPY's binary format: the `ids` given (uuids: the organisation, the upload) for
 * every row, then unit, month and the figures. `inForce` leaves out `people` when the row supplies
 * no other figure, as signal_month keeps it (see storeLatestFigures).
 */
function* copyRows<T>(
	rows: readonly T[],
	access: FigureAccess<T>,
	ids: readonly string[] = [],
	inForce = false
): Generator<Uint8Array<ArrayBuffer>> {
	const writer = new BinaryCopyWriter();
	const fields = ids.length + 2 + FIGURE_NAMES.length;
	for (const row of rows) {
		writer.row(fields);
		for (const id of ids) writer.uuid(id);
		writer.uuid(access.unitId(row));
		writer.date(access.month(row));
		let supplies = false;
		for (let f = 0; f < FIGURE_NAMES.length; f++) {
			const name = FIGURE_NAMES[f]!;
			let value = access.value(row, name);
			if (name === 'people') {
				if (inForce && !supplies) value = null;
			} else if (value !== null && value !== undefined) supplies = true;
			if (FRACTIONAL_AT[f]) writer.float8(value);
			else writer.int4(value);
		}
		const chunk = writer.take();
		if (chunk) yield chunk;
	}
	yield writer.end();
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows by unit, then month: the order of the keys of signal_figure and signal_month (a uuid
 * orders as its lower-case text does). Each index then takes the rows at its right edge, one page
 * after the other, instead of a unit's months here and the next unit's there: 86,000 rows of one
 * upload went into signal_figure in 287–422 ms in this order against 473–722 ms grouped by unit
 * in no order of units, as a file gives them (docs/scaling.md).
 */
export function inKeyOrder<T>(rows: readonly T[], access: FigureAccess<T>): T[] {
	return [...rows].sort(
		(a, b) => byText(access.unitId(a), access.unitId(b)) || byText(access.month(a), access.month(b))
	);
}

/** Whether any unit-month of the rows (or of their units crossed with their months) has figures in force. */
async function anyInForce<T>(
	db: Transaction<Database>,
	organisationId: string,
	rows: readonly T[],
	access: FigureAccess<T>
): Promise<boolean> {
	const units = [...new Set(rows.map((r) => access.unitId(r)))];
	const months = [...new Set(rows.map((r) => access.month(r)))];
	const found = await sql<{ found: boolean }>`
		select exists (
			select 1 from signal_month
			where organisation_id = ${organisationId} and unit_id = any(${units}::uuid[]) and month = any(${months}::date[])
		) as found
	`.execute(db);
	return found.rows[0]?.found !== false;
}

/**
 * Stores the figures of the newest upload and brings the figures in force up to date: each figure
 * it supplies wins, the others stay. The rows go by COPY (when `copy` is given) into a temporary
 * table of the transaction, with the same types the figures had as parameters, and one statement
 * moves them into signal_figure and signal_month: sending ~100,000 rows as parameters cost most of
 * an import's time. Returns how many of the unit-months already had figures in force (from other
 * uploads): with none, the upload replaces nothing and `people` needs no refresh (see refreshPeople).
 * A unit-month's `people` counts only when the upload supplies one of its other figures, as
 * refreshPeople would set it.
 */
export async function storeLatestFigures<T>(
	db: Transaction<Database>,
	copy: CopyIn | null,
	organisationId: string,
	uploadId: string,
	rows: readonly T[],
	access: FigureAccess<T>
): Promise<{ shared: number }> {
	const names = sql.join(FIGURE_NAMES.map((n) => sql.ref(n)));
	const ordered = inKeyOrder(rows, access);
	if (copy && !(await anyInForce(db, organisationId, ordered, access))) {
		// Nothing of these units and months is in force (the lock keeps it so): the rows are the
		// upload's figures and, people aside, its figures in force. COPY writes both tables directly,
		// in batches, without staging them first.
		await copy(
			`signal_figure (organisation_id, upload_id, unit_id, month, ${FIGURE_NAMES.join(', ')})`,
			copyRows(ordered, access, [organisationId, uploadId])
		);
		await copy(
			`signal_month (organisation_id, unit_id, month, ${FIGURE_NAMES.join(', ')})`,
			copyRows(ordered, access, [organisationId], true)
		);
		return { shared: 0 };
	}
	const types = FIGURE_NAMES.map((n) => `${n} ${FRACTIONAL.has(n) ? 'float8' : 'int4'}`).join(', ');
	await sql`create temporary table ${sql.raw(STAGED)} (unit_id uuid, month date, ${sql.raw(types)}) on commit drop`.execute(
		db
	);
	const columns = `${STAGED} (unit_id, month, ${FIGURE_NAMES.join(', ')})`;
	if (copy) await copy(columns, copyRows(ordered, access));
	else
		for (let start = 0; start < ordered.length; start += INSERT_BATCH) {
			const batch = ordered.slice(start, start + INSERT_BATCH);
			const values = FIGURE_NAMES.map(
				(name) =>
					sql`${batch.map((r) => access.value(r, name))}::${sql.raw(FRACTIONAL.has(name) ? 'float8[]' : 'int4[]')}`
			);
			await sql`
				insert into ${sql.raw(columns)}
				select * from unnest(
					${batch.map((r) => access.unitId(r))}::uuid[],
					${batch.map((r) => access.month(r))}::date[],
					${sql.join(values)}
				)
			`.execute(db);
		}
	// Read before the statement below adds the upload's own unit-months.
	const shared = await sql<{ n: number }>`
		select count(*)::int as n from ${sql.raw(STAGED)} s
		join signal_month m on m.organisation_id = ${organisationId} and m.unit_id = s.unit_id and m.month = s.month
	`.execute(db);
	await sql`
		insert into signal_figure (organisation_id, upload_id, unit_id, month, ${names})
		select ${organisationId}::uuid, ${uploadId}::uuid, unit_id, month, ${names} from ${sql.raw(STAGED)}
	`.execute(db);
	const supplies = sql.join(
		FIGURE_NAMES.filter((n) => n !== 'people').map((n) => sql`${sql.ref(n)} is not null`),
		sql` or `
	);
	const current = sql.join(
		FIGURE_NAMES.map((n) => (n === 'people' ? sql`case when ${supplies} then people end` : sql.ref(n)))
	);
	const n = shared.rows[0]?.n ?? 0;
	// A plain insert when no unit-month has figures yet (the lock keeps it so): checking each row
	// for a conflict costs about half as much again.
	const conflict =
		n === 0
			? sql``
			: sql`on conflict (organisation_id, unit_id, month) do update set ${sql.join(
					FIGURE_NAMES.map(
						(f) => sql`${sql.ref(f)} = coalesce(excluded.${sql.ref(f)}, signal_month.${sql.ref(f)})`
					)
				)}`;
	await sql`
		insert into signal_month (organisation_id, unit_id, month, ${names})
		select ${organisationId}::uuid, unit_id, month, ${current} from ${sql.raw(STAGED)}
		${conflict}
	`.execute(db);
	return { shared: n };
}

/**
 * Rebuilds the figures in force for the unit-months an upload touched: field by field, the value
 * of the latest active upload that supplied it. A unit-month no active upload supplies any more
 * disappears.
 */
export async function refreshCurrentFigures(db: Db, organisationId: string, uploadId: string): Promise<void> {
	const touched = sql`
		select distinct unit_id, month from signal_figure
		where organisation_id = ${organisationId} and upload_id = ${uploadId}
	`;
	await sql`
		delete from signal_month m using (${touched}) t
		where m.organisation_id = ${organisationId} and m.unit_id = t.unit_id and m.month = t.month
	`.execute(db);
	const latest = FIGURE_NAMES.map(
		(n) => sql`(array_agg(f.${sql.ref(n)} order by u.seq desc) filter (where f.${sql.ref(n)} is not null))[1]`
	);
	await sql`
		insert into signal_month (organisation_id, unit_id, month, ${sql.join(FIGURE_NAMES.map((n) => sql.ref(n)))})
		select f.organisation_id, f.unit_id, f.month, ${sql.join(latest)}
		from signal_figure f
		join signal_upload u on u.organisation_id = f.organisation_id and u.id = f.upload_id
		join (${touched}) t on t.unit_id = f.unit_id and t.month = f.month
		where f.organisation_id = ${organisationId} and u.undone_at is null
		group by f.organisation_id, f.unit_id, f.month
	`.execute(db);
	await refreshPeople(db, organisationId, uploadId);
}

/**
 * Sets `people` of the figures in force for the unit-months an upload touched: the largest
 * `people` of the active uploads that still supply one of the unit-month's figures in force. Each
 * upload counts the people its own figures are about, so a spells file after a monthly file
 * (people on staff) does not make the unit look smaller, and a corrected file that replaces every
 * figure of the earlier one replaces its people too. Runs after every import and undo.
 */
export async function refreshPeople(db: Db, organisationId: string, uploadId: string): Promise<void> {
	const others = FIGURE_NAMES.filter((n) => n !== 'people');
	const supplies = sql.join(
		others.map((n) => sql`u.seq = max(case when f.${sql.ref(n)} is not null then u.seq end) over w`),
		sql` or `
	);
	await sql`
		update signal_month m set people = p.people
		from (
			select unit_id, month, max(people) filter (where supplies) as people
			from (
				select f.unit_id, f.month, f.people, (${supplies}) as supplies
				from signal_figure f
				join signal_upload u on u.organisation_id = f.organisation_id and u.id = f.upload_id
				join (
					select distinct unit_id, month from signal_figure
					where organisation_id = ${organisationId} and upload_id = ${uploadId}
				) t on t.unit_id = f.unit_id and t.month = f.month
				where f.organisation_id = ${organisationId} and u.undone_at is null
				window w as (partition by f.unit_id, f.month)
			) r
			group by unit_id, month
		) p
		where m.organisation_id = ${organisationId} and m.unit_id = p.unit_id and m.month = p.month
			and m.people is distinct from p.people
	`.execute(db);
}

/**
 * An active upload of the same file whose figures are all still in force: importing the file
 * again would change nothing. (If a later upload replaced some of them, the same file imports
 * anew, which is how an earlier version is brought back.)
 */
export async function findCurrentUploadByHash(db: Db, organisationId: string, contentHash: string) {
	return db
		.selectFrom('signal_upload as u')
		.select(['u.id', 'u.uploaded_at', 'u.file_name'])
		.where('u.organisation_id', '=', organisationId)
		.where('u.content_hash', '=', contentHash)
		.where('u.undone_at', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('signal_upload as l')
						.innerJoin('signal_figure as lf', (j) =>
							j.onRef('lf.organisation_id', '=', 'l.organisation_id').onRef('lf.upload_id', '=', 'l.id')
						)
						.innerJoin('signal_figure as f', (j) =>
							j
								.onRef('f.organisation_id', '=', 'lf.organisation_id')
								.onRef('f.unit_id', '=', 'lf.unit_id')
								.onRef('f.month', '=', 'lf.month')
						)
						.select(sql`1`.as('one'))
						.whereRef('l.organisation_id', '=', 'u.organisation_id')
						.whereRef('l.seq', '>', 'u.seq')
						.where('l.undone_at', 'is', null)
						.whereRef('f.upload_id', '=', 'u.id')
				)
			)
		)
		.orderBy('u.seq', 'desc')
		.executeTakeFirst();
}

export async function findUploads(db: Db, organisationId: string, limit = 200) {
	return db
		.selectFrom('signal_upload as s')
		.leftJoin('app_user as up', 'up.id', 's.uploaded_by')
		.leftJoin('app_user as un', 'un.id', 's.undone_by')
		.select([
			's.id',
			's.format',
			's.file_name',
			's.byte_size',
			's.row_count',
			's.period_from',
			's.period_to',
			's.unit_count',
			's.uploaded_at',
			's.undone_at',
			'up.display_name as uploaded_by_name',
			'un.display_name as undone_by_name',
			// Figures of this upload that a later active upload replaced.
			sql<number>`(
				select count(*) from signal_figure f
				where f.organisation_id = s.organisation_id and f.upload_id = s.id and exists (
					select 1 from signal_figure lf join signal_upload l
						on l.organisation_id = lf.organisation_id and l.id = lf.upload_id
					where lf.organisation_id = f.organisation_id and lf.unit_id = f.unit_id
						and lf.month = f.month and l.seq > s.seq and l.undone_at is null
				)
			)`.as('replaced_unit_months')
		])
		.where('s.organisation_id', '=', organisationId)
		.orderBy('s.seq', 'desc')
		.limit(limit)
		.execute();
}

export async function findUpload(db: Db, organisationId: string, uploadId: string) {
	return db
		.selectFrom('signal_upload')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.where('id', '=', uploadId)
		.executeTakeFirst();
}

export async function markUploadUndone(db: Db, organisationId: string, uploadId: string, userId: string) {
	return db
		.updateTable('signal_upload')
		.set({ undone_at: sql`now()`, undone_by: userId })
		.where('organisation_id', '=', organisationId)
		.where('id', '=', uploadId)
		.where('undone_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
}

/** Imports of one organisation run one after the other (the lock ends with the transaction). */
export async function lockSignalImports(db: Transaction<Database>, organisationId: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext(${`signals:${organisationId}`}))`.execute(db);
}

export async function findUnitCodeAliases(db: Db, organisationId: string) {
	return db
		.selectFrom('unit_code_alias')
		.select(['alias', 'unit_id'])
		.where('organisation_id', '=', organisationId)
		.execute();
}

export async function upsertUnitCodeAlias(db: Db, organisationId: string, alias: string, unitId: string) {
	await db
		.insertInto('unit_code_alias')
		.values({ organisation_id: organisationId, alias, unit_id: unitId })
		.onConflict((oc) => oc.columns(['organisation_id', 'alias']).doUpdateSet({ unit_id: unitId }))
		.execute();
}

export async function findCurrentFigures(
	db: Db,
	organisationId: string,
	range?: { from: string; to: string }
) {
	let q = db.selectFrom('signal_month').selectAll().where('organisation_id', '=', organisationId);
	if (range) q = q.where('month', '>=', range.from).where('month', '<=', range.to);
	return q.orderBy('month').execute();
}

/**
 * The figures in force of the last `months` months up to the organisation's latest month with
 * figures, only the columns named, as one text value: records `unit,yyyy-mm-01,figure,…` split
 * by ';', an empty field for null (floats in PostgreSQL's shortest exact form). For the analytics'
 * attention list (analytics/signal-window.ts parses it): transferring and parsing ~60,000 rows in
 * node-postgres costs more than the query itself. `last` is the latest month (yyyy-mm-01).
 */
export async function findRecentFiguresText(
	db: Db,
	organisationId: string,
	months: number,
	columns: ReadonlyArray<keyof SignalFigures>
): Promise<{ last: string | null; data: string | null }> {
	const values = columns.map((c) => sql`coalesce(${sql.ref(c)}::text, '')`);
	const result = await sql<{ last: string | null; data: string | null }>`
		with last as (select max(month) as month from signal_month where organisation_id = ${organisationId})
		select (select month from last)::text as last,
			(select string_agg(concat_ws(',', unit_id, month, ${sql.join(values)}), ';')
				from signal_month
				where organisation_id = ${organisationId}
					and month >= (select month from last) - make_interval(months => ${months - 1})) as data
	`.execute(db);
	return result.rows[0] ?? { last: null, data: null };
}

/**
 * The people of each unit in the given months (yyyy-mm-01), as findRecentFiguresText gives them
 * (text, null for none): what a month of signals is planned on (analytics/attention-store.ts).
 */
export async function findMonthPeople(
	db: Db,
	organisationId: string,
	months: readonly string[]
): Promise<Array<{ unit_id: string; month: string; people: string | null }>> {
	if (months.length === 0) return [];
	return db
		.selectFrom('signal_month')
		.select(['unit_id', sql<string>`month::text`.as('month'), sql<string | null>`people::text`.as('people')])
		.where('organisation_id', '=', organisationId)
		.where('month', 'in', months)
		.execute();
}

/** Sick days may exceed planned days by this much before a unit-month counts as above 100%. */
const ABOVE_PLANNED_TOLERANCE = 1e-6;

export interface AbovePlannedRow {
	unit_id: string;
	code: string;
	name: string;
	/** yyyy-mm-01 */
	month: string;
	sick_days: number;
	planned_days: number;
}

/**
 * The figures in force of the unit-months an upload touches whose sick days (short + medium + long)
 * exceed their planned days: an absence rate above 100%, which no file may leave behind, whichever
 * uploads the two come from. Read inside the transaction that stores (or undoes) the upload.
 * `onlyUpload`: the upload was just stored by storeLatestFigures and none of its unit-months had
 * figures in force before (`shared` 0), so the figures in force of its unit-months are its own,
 * read by its key instead of matching each unit-month in signal_month (a fifth of storing a large
 * upload).
 */
export async function findAbovePlanned(
	db: Db,
	organisationId: string,
	uploadId: string,
	options: { limit?: number; onlyUpload?: boolean } = {}
): Promise<{ rows: AbovePlannedRow[]; count: number }> {
	const limit = options.limit ?? 50;
	const touched = options.onlyUpload ? sql`signal_figure m` : sql`signal_month m`;
	const ofUpload = options.onlyUpload
		? sql`and m.organisation_id = ${organisationId} and m.upload_id = ${uploadId}`
		: sql`and m.organisation_id = ${organisationId}
			and (m.unit_id, m.month) in (
				select unit_id, month from signal_figure where organisation_id = ${organisationId} and upload_id = ${uploadId}
			)`;
	const above = sql`
		from ${touched}
		join unit un on un.organisation_id = ${organisationId} and un.id = m.unit_id
		where m.planned_days is not null
			${ofUpload}
			and coalesce(m.sick_days_short, 0) + coalesce(m.sick_days_medium, 0) + coalesce(m.sick_days_long, 0)
				> m.planned_days + ${ABOVE_PLANNED_TOLERANCE}::float8
	`;
	// Nearly always none: the unit-months themselves are read only when there are some.
	const count =
		(await sql<{ count: number }>`select count(*)::int as count ${above}`.execute(db)).rows[0]?.count ?? 0;
	if (count === 0) return { rows: [], count };
	const rows = await sql<AbovePlannedRow>`
		select m.unit_id, un.code, un.name, m.month::text as month, m.planned_days,
			coalesce(m.sick_days_short, 0) + coalesce(m.sick_days_medium, 0) + coalesce(m.sick_days_long, 0) as sick_days
		${above}
		order by un.code, m.month
		limit ${limit}
	`.execute(db);
	return { rows: rows.rows, count };
}

export interface SourceUploadRow {
	upload_id: string;
	format: string;
	file_name: string;
	uploaded_at: Date | string;
	uploaded_by_name: string | null;
	unit_months: number;
	unit_count: number;
	/** The first unit codes and names, by code. */
	units: Array<{ code: string; name: string }>;
	from: string;
	to: string;
}

/**
 * Where an upload stands among the active uploads, unit-month by unit-month (`people` aside): the
 * unit-months in which it supplies a figure in force (no later active upload supplies that figure),
 * and for those figures the earlier active upload each falls back to. For an upload being stored
 * (the latest) the earlier uploads are the ones it replaces; for one being undone, the ones that
 * come back in force. `gone`: unit-months where some figure of the upload in force has nothing to
 * fall back to.
 */
export async function findFallbackSources(
	db: Db,
	organisationId: string,
	uploadId: string
): Promise<{ inForce: number; replacing: number; gone: number; sources: SourceUploadRow[] }> {
	const columns = FIGURE_NAMES.filter((n) => n !== 'people');
	const supplied = sql.join(columns.map((c, i) => sql`(f.${sql.ref(c)} is not null) as ${sql.ref(`s${i}`)}`));
	const others = sql.join(
		columns.map(
			(c, i) => sql`bool_or(u.seq > x.seq and f.${sql.ref(c)} is not null) as ${sql.ref(`l${i}`)},
				max(u.seq) filter (where u.seq < x.seq and f.${sql.ref(c)} is not null) as ${sql.ref(`p${i}`)}`
		)
	);
	const inForceOf = (i: number) =>
		sql`(x.${sql.ref(`s${i}`)} and not coalesce(o.${sql.ref(`l${i}`)}, false))`;
	const inForce = sql.join(
		columns.map((_, i) => inForceOf(i)),
		sql` or `
	);
	const previous = sql.join(
		columns.map((_, i) => sql`case when ${inForceOf(i)} then o.${sql.ref(`p${i}`)} end`)
	);
	const gone = sql.join(
		columns.map((_, i) => sql`(${inForceOf(i)} and o.${sql.ref(`p${i}`)} is null)`),
		sql` or `
	);
	const base = sql`
		with x as (
			select f.unit_id, f.month, u.seq, ${supplied}
			from signal_figure f
			join signal_upload u on u.organisation_id = f.organisation_id and u.id = f.upload_id
			where f.organisation_id = ${organisationId} and f.upload_id = ${uploadId}
		),
		o as (
			select x.unit_id, x.month, ${others}
			from x
			join signal_figure f on f.organisation_id = ${organisationId} and f.unit_id = x.unit_id and f.month = x.month
				and f.upload_id <> ${uploadId}
			join signal_upload u on u.organisation_id = f.organisation_id and u.id = f.upload_id and u.undone_at is null
			group by x.unit_id, x.month
		),
		r as (
			select x.unit_id, x.month, (${inForce}) as in_force, (${gone}) as gone, array[${previous}] as previous
			from x left join o on o.unit_id = x.unit_id and o.month = x.month
		)
	`;
	const [totals, sources] = await Promise.all([
		sql<{ in_force: number; replacing: number; gone: number }>`
			${base}
			select count(*) filter (where in_force)::int as in_force,
				count(*) filter (where in_force and exists (select 1 from unnest(previous) p where p is not null))::int as replacing,
				count(*) filter (where gone)::int as gone
			from r
		`.execute(db),
		sql<SourceUploadRow>`
			${base},
			s as (
				select distinct r.unit_id, r.month, p.seq from r cross join lateral unnest(r.previous) as p(seq)
				where p.seq is not null
			),
			g as (
				select s.seq, count(*)::int as unit_months, count(distinct s.unit_id)::int as unit_count,
					min(s.month)::text as "from", max(s.month)::text as "to"
				from s group by s.seq
			)
			select u.id as upload_id, u.format, u.file_name, u.uploaded_at, a.display_name as uploaded_by_name,
				g.unit_months, g.unit_count, g."from", g."to",
				(select coalesce(json_agg(json_build_object('code', v.code, 'name', v.name) order by v.code), '[]'::json)
					from (
						select distinct un.code, un.name from s join unit un on un.organisation_id = ${organisationId} and un.id = s.unit_id
						where s.seq = g.seq order by un.code limit 6
					) v) as units
			from g
			join signal_upload u on u.organisation_id = ${organisationId} and u.seq = g.seq
			left join app_user a on a.id = u.uploaded_by
			order by u.seq desc
		`.execute(db)
	]);
	const t = totals.rows[0] ?? { in_force: 0, replacing: 0, gone: 0 };
	return { inForce: t.in_force, replacing: t.replacing, gone: t.gone, sources: sources.rows };
}

/** What an import or undo was checked against: changes when any upload is stored or undone. */
export async function findSignalsVersion(db: Db, organisationId: string): Promise<string> {
	const row = await sql<{ seq: number | null; undone: number }>`
		select max(seq)::int as seq, count(undone_at)::int as undone
		from signal_upload where organisation_id = ${organisationId}
	`.execute(db);
	const r = row.rows[0];
	return `${r?.seq ?? 0}/${r?.undone ?? 0}`;
}

/** The organisation's mapped codes with their units, by code. */
export async function findUnitCodeAliasList(db: Db, organisationId: string) {
	return db
		.selectFrom('unit_code_alias as a')
		.innerJoin('unit as u', (j) =>
			j.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.unit_id')
		)
		.select(['a.alias', 'a.unit_id', 'u.code as unit_code', 'u.name as unit_name'])
		.where('a.organisation_id', '=', organisationId)
		.orderBy('a.alias')
		.execute();
}

export async function insertUnitCodeAlias(db: Db, organisationId: string, alias: string, unitId: string) {
	return db
		.insertInto('unit_code_alias')
		.values({ organisation_id: organisationId, alias, unit_id: unitId })
		.onConflict((oc) => oc.columns(['organisation_id', 'alias']).doNothing())
		.returning('alias')
		.executeTakeFirst();
}

export async function deleteUnitCodeAlias(db: Db, organisationId: string, alias: string) {
	return db
		.deleteFrom('unit_code_alias')
		.where('organisation_id', '=', organisationId)
		.where('alias', '=', alias)
		.returning(['alias', 'unit_id'])
		.executeTakeFirst();
}
