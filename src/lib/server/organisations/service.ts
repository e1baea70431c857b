import type { Kysely } from 'kysely';
import {
	readOrganisationContacts,
	validateOrganisationContacts,
	validateOrganisationSettings,
	type OrganisationContacts,
	type OrganisationSettings
} from '../../domain/organisation-settings';
import { unwrap } from '../../domain/validation';
import { authorize, navigationFor, type Actor } from '../access';
import { refreshAttentionList } from '../analytics/attention';
import { insertAuditEntry } from '../audit/queries';
import type { Database } from '../db/schema';
import { findOrganisation, findOrganisationContacts, updateOrganisation } from './queries';

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
	// k may have changed: the attention list is computed now rather than by its next reader.
	void refreshAttentionList(db, organisationId);
	return settings;
}

/** The organisation's contacts for employees, as the admin edits them. */
export async function getOrganisationContacts(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
): Promise<OrganisationContacts> {
	authorize(actor, 'organisation.settings.edit', { organisationId });
	await requireOrganisation(db, organisationId);
	return readOrganisationContacts(await findOrganisationContacts(db, organisationId));
}

/**
 * Replaces the contacts shown on the barometer's personal result page. Refused input changes
 * nothing; a change is audited with the contacts before and after (names of roles the
 * organisation publishes to all its employees, no personal data of respondents).
 */
export async function saveOrganisationContacts(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
): Promise<OrganisationContacts> {
	authorize(actor, 'organisation.settings.edit', { organisationId });
	const contacts = unwrap(validateOrganisationContacts(input));
	await db.transaction().execute(async (trx) => {
		await requireOrganisation(trx, organisationId);
		const before = readOrganisationContacts(await findOrganisationContacts(trx, organisationId));
		await updateOrganisation(trx, organisationId, { contacts: JSON.stringify(contacts) });
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'organisation.contacts.update',
			objectType: 'organisation',
			objectId: organisationId,
			detail: { before, after: contacts }
		});
	});
	return contacts;
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
