import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
	organisationId: string;
	actorUserId: string | null;
	action: string;
	objectType: string;
	objectId?: string | null;
	detail?: Record<string, unknown>;
}

export async function insertAuditEntry(db: Db, entry: AuditInput): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			organisation_id: entry.organisationId,
			actor_user_id: entry.actorUserId,
			action: entry.action,
			object_type: entry.objectType,
			object_id: entry.objectId ?? null,
			detail: JSON.stringify(entry.detail ?? {})
		})
		.execute();
}

export interface AuditQuery {
	limit: number;
	/** An entry id as text: the entries older than it. */
	before?: string;
	/** The first part of the action's name (`wave` for `wave.close`). */
	kind?: string | null;
	actorUserId?: string | null;
	/** Inclusive dates in Belgium's calendar. */
	from?: string | null;
	to?: string | null;
}

/**
 * The entries of an organisation, newest first, with the name of who acted and of what the entry
 * is about (a unit, wave, user or signal file of the same organisation) as it is called now.
 */
export async function findAuditEntries(db: Db, organisationId: string, options: AuditQuery) {
	let q = db
		.selectFrom('audit_log as a')
		.leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
		.select([
			'a.id',
			'a.action',
			'a.object_type',
			'a.object_id',
			'a.detail',
			'a.at',
			'a.actor_user_id',
			'u.display_name as actor_name',
			// Object ids are text (an instrument's is key@version): compared as text, never cast.
			sql<string | null>`case a.object_type
				when 'unit' then (select x.name || ' (' || x.code || ')' from unit x
					where x.organisation_id = a.organisation_id and x.id::text = a.object_id)
				when 'wave' then (select x.name from wave x
					where x.organisation_id = a.organisation_id and x.id::text = a.object_id)
				when 'user' then (select x.display_name from app_user x where x.id::text = a.object_id)
				when 'signal_upload' then (select x.file_name from signal_upload x
					where x.organisation_id = a.organisation_id and x.id::text = a.object_id)
				else null end`.as('object_name')
		])
		.where('a.organisation_id', '=', organisationId)
		.orderBy('a.id', 'desc')
		.limit(options.limit);
	// The cursor stays text up to the database: an id near the bigint limit is beyond a number's precision.
	if (options.before) q = q.where('a.id', '<', sql<number>`cast(${options.before} as bigint)`);
	if (options.kind) q = q.where(sql<boolean>`split_part(a.action, '.', 1) = ${options.kind}`);
	if (options.actorUserId) q = q.where('a.actor_user_id', '=', options.actorUserId);
	if (options.from)
		q = q.where(
			sql<boolean>`a.at >= (cast(${options.from} as date)::timestamp at time zone 'Europe/Brussels')`
		);
	if (options.to)
		q = q.where(
			sql<boolean>`a.at < ((cast(${options.to} as date) + 1)::timestamp at time zone 'Europe/Brussels')`
		);
	return q.execute();
}

/** Everyone who appears as the actor of an entry of the organisation: the choices of the user filter. */
export async function findAuditActors(db: Db, organisationId: string) {
	return db
		.selectFrom('app_user as u')
		.select(['u.id', 'u.display_name'])
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('audit_log as a')
					.select('a.id')
					.where('a.organisation_id', '=', organisationId)
					.whereRef('a.actor_user_id', '=', 'u.id')
			)
		)
		.orderBy('u.display_name')
		.execute();
}

/**
 * One entry in every organisation the user is a member of (active or not): a sign-in concerns
 * each of them, and each one's own log shows it.
 */
export async function insertAuditEntryForMemberships(
	db: Db,
	userId: string,
	entry: Omit<AuditInput, 'organisationId'>
): Promise<void> {
	await db
		.insertInto('audit_log')
		.columns(['organisation_id', 'actor_user_id', 'action', 'object_type', 'object_id', 'detail'])
		.expression(
			db
				.selectFrom('membership')
				.select([
					'organisation_id',
					sql<string | null>`cast(${entry.actorUserId} as uuid)`.as('actor_user_id'),
					sql<string>`${entry.action}`.as('action'),
					sql<string>`${entry.objectType}`.as('object_type'),
					sql<string | null>`cast(${entry.objectId ?? null} as text)`.as('object_id'),
					sql<string>`cast(${JSON.stringify(entry.detail ?? {})} as jsonb)`.as('detail')
				])
				.where('user_id', '=', userId)
		)
		.execute();
}
