import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { validateOrganisationSettings, type OrganisationSettings } from '../../domain/organisation-settings';
import { unwrap } from '../../domain/validation';
import { authorize, navigationFor, type Actor } from '../access';
import { findAuditEntries, insertAuditEntry } from '../audit/queries';
import type { Database } from '../db/schema';
import { findOrganisation, updateOrganisation } from './queries';

export async function getOrganisationSettings(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
) {
	authorize(actor, 'organisation.settings.edit', { organisationId });
	return toSettings(await requireOrganisation(db, organisationId));
}

export async function saveOrganisationSettings(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
): Promise<OrganisationSettings> {
	authorize(actor, 'organisation.settings.edit', { organisationId });
	const settings = unwrap(validateOrganisationSettings(input));
	await db.transaction().execute(async (trx) => {
		const before = toSettings(await requireOrganisation(trx, organisationId));
		await updateOrganisation(trx, organisationId, {
			name: settings.name,
			language: settings.language,
			min_group_size: settings.minGroupSize,
			sensitive_min_group_size: settings.sensitiveMinGroupSize
		});
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'organisation.settings.update',
			objectType: 'organisation',
			objectId: organisationId,
			detail: { before, after: settings }
		});
	});
	return settings;
}

async function requireOrganisation(db: Parameters<typeof findOrganisation>[0], organisationId: string) {
	const org = await findOrganisation(db, organisationId);
	if (!org) throw new Error(`Organisation ${organisationId} vanished`);
	return org;
}

function toSettings(org: {
	name: string;
	language: OrganisationSettings['language'];
	min_group_size: number;
	sensitive_min_group_size: number;
}): OrganisationSettings {
	return {
		name: org.name,
		language: org.language,
		minGroupSize: org.min_group_size,
		sensitiveMinGroupSize: org.sensitive_min_group_size
	};
}

/** What every page of an organisation needs: its name, k, the member's role and navigation. */
export async function getOrganisationContext(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
) {
	const membership = authorize(actor, 'organisation.view', { organisationId });
	const org = await requireOrganisation(db, organisationId);
	return {
		id: org.id,
		name: org.name,
		minGroupSize: org.min_group_size,
		role: membership.role,
		navigation: navigationFor(actor, organisationId)
	};
}

export const AUDIT_PAGE_SIZE = 50;

const MAX_BIGINT = 2n ** 63n - 1n;

/**
 * Whether a paging cursor is an audit entry id as the page writes it: canonical digits within
 * bigint. Anything else would reach the database as a value it cannot compare.
 */
export function isAuditId(value: string): boolean {
	return /^(0|[1-9]\d{0,18})$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

export async function listAuditLog(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	before: string | null
) {
	authorize(actor, 'audit.view', { organisationId });
	if (before !== null && !isAuditId(before)) error(400, 'error.badRequest');
	const rows = await findAuditEntries(db, organisationId, {
		limit: AUDIT_PAGE_SIZE + 1,
		before: before ?? undefined
	});
	return {
		entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
			id: String(r.id),
			action: r.action,
			objectType: r.object_type,
			objectId: r.object_id,
			actorName: r.actor_name,
			at: r.at.toISOString()
		})),
		older: rows.length > AUDIT_PAGE_SIZE ? String(rows[AUDIT_PAGE_SIZE - 1]!.id) : null
	};
}
