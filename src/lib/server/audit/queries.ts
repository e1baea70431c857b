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

export async function findAuditEntries(
	db: Db,
	organisationId: string,
	options: { limit: number; before?: string }
) {
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
			'u.display_name as actor_name'
		])
		.where('a.organisation_id', '=', organisationId)
		.orderBy('a.id', 'desc')
		.limit(options.limit);
	// The cursor stays text up to the database: an id near the bigint limit is beyond a number's precision.
	if (options.before) q = q.where('a.id', '<', sql<number>`cast(${options.before} as bigint)`);
	return q.execute();
}
