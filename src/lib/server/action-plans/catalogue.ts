import { error } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import { CATALOGUE } from '../../domain/action-plans/catalogue';
import {
	asCatalogueEntry,
	catalogueEntryChanges,
	validateCatalogueEntry,
	type CatalogueEntryFields,
	type EntryLanguage
} from '../../domain/action-plans/catalogue-entry';
import { suggestMeasures } from '../../domain/action-plans/suggest';
import type { CatalogueEntry, MeasureTargets } from '../../domain/action-plans/types';
import { isUuid, unwrap, ValidationError } from '../../domain/validation';
import { authorize, type Actor } from '../access';
import { insertAuditEntry } from '../audit/queries';
import type { Database } from '../db/schema';
import { findOrganisation } from '../organisations/queries';
import {
	deleteHidden,
	findHiddenEntryIds,
	findOwnEntries,
	findOwnEntry,
	insertHidden,
	insertOwnEntry,
	updateOwnEntry,
	type OwnEntryRecord
} from './catalogue-queries';

export type { OwnEntryRecord };

/**
 * The catalogue of measures as one organisation uses it: the project's built-in entries (never
 * changed, but an organisation may hide one from its suggestions) and the organisation's own
 * entries, written in its language, which advisors and HR add, change, retire and restore. A
 * retired entry is no longer suggested but stays readable; a measure made from an entry copied
 * its text, so nothing that happens to the entry changes the measure. Every change is audited
 * with the old and new values, in the transaction of the change.
 */

type Db = Kysely<Database> | Transaction<Database>;

const OBJECT_TYPE = 'catalogue_entry';

export interface CatalogueOverview {
	/** The built-in entries, in the catalogue's order, and whether the organisation hides each. */
	builtIn: { entry: CatalogueEntry; hidden: boolean }[];
	/** The organisation's own entries, in use first. */
	own: OwnEntryRecord[];
}

/** The whole catalogue as the organisation's advisors and HR manage it. */
export async function listCatalogue(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
): Promise<CatalogueOverview> {
	authorize(actor, 'catalogue.edit', { organisationId });
	const hidden = await findHiddenEntryIds(db, organisationId);
	return {
		builtIn: CATALOGUE.map((entry) => ({ entry, hidden: hidden.has(entry.id) })),
		own: await findOwnEntries(db, organisationId)
	};
}

/** Reads an own entry: 404 when it is unknown, malformed or of another organisation. */
async function reachEntry(
	db: Db,
	organisationId: string,
	entryId: string,
	options: { lock?: boolean } = {}
): Promise<OwnEntryRecord> {
	if (!isUuid(entryId)) error(404, 'error.notFound');
	const entry = await findOwnEntry(db, organisationId, entryId.toLowerCase(), options);
	if (!entry) error(404, 'error.notFound');
	return entry;
}

export async function getOwnEntry(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	entryId: string
): Promise<OwnEntryRecord> {
	authorize(actor, 'catalogue.edit', { organisationId });
	return reachEntry(db, organisationId, entryId);
}

function fieldsOf(entry: OwnEntryRecord): CatalogueEntryFields {
	const { title, how, watchOut, targets, domain, level, application } = entry;
	return { title, how, watchOut, targets, domain, level, application };
}

/** Adds an own entry, written in the organisation's language. */
export async function createOwnEntry(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	input: Record<string, unknown>
): Promise<OwnEntryRecord> {
	authorize(actor, 'catalogue.edit', { organisationId });
	const fields = unwrap(validateCatalogueEntry(input));
	return db.transaction().execute(async (trx) => {
		const organisation = await findOrganisation(trx, organisationId);
		if (!organisation) error(404, 'error.notFound');
		const entry = await insertOwnEntry(trx, organisationId, organisation.language, fields);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'catalogue.create',
			objectType: OBJECT_TYPE,
			objectId: entry.id,
			detail: { before: {}, after: { ...fields, language: entry.language } }
		});
		return entry;
	});
}

/**
 * Changes an own entry: `input` is laid over the stored fields and the whole is checked. A retired
 * entry may be changed too (it stays retired). Nothing changed, nothing written.
 */
export async function changeOwnEntry(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	entryId: string,
	input: Record<string, unknown>
): Promise<OwnEntryRecord> {
	authorize(actor, 'catalogue.edit', { organisationId });
	return db.transaction().execute(async (trx) => {
		const entry = await reachEntry(trx, organisationId, entryId, { lock: true });
		const before = fieldsOf(entry);
		const after = unwrap(validateCatalogueEntry({ ...before, ...input }));
		const changes = catalogueEntryChanges(before, after);
		if (!changes.fields.length) return entry;
		const updated = await updateOwnEntry(trx, organisationId, entry.id, changes.after);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: 'catalogue.update',
			objectType: OBJECT_TYPE,
			objectId: entry.id,
			detail: { before: changes.before, after: changes.after }
		});
		return updated;
	});
}

/** Retires an own entry (no longer suggested) or restores it; the same state again writes nothing. */
export async function setOwnEntryRetired(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	entryId: string,
	retired: boolean
): Promise<OwnEntryRecord> {
	authorize(actor, 'catalogue.edit', { organisationId });
	return db.transaction().execute(async (trx) => {
		const entry = await reachEntry(trx, organisationId, entryId, { lock: true });
		if ((entry.retiredAt !== null) === retired) return entry;
		const updated = await updateOwnEntry(trx, organisationId, entry.id, {}, retired);
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: retired ? 'catalogue.retire' : 'catalogue.restore',
			objectType: OBJECT_TYPE,
			objectId: entry.id,
			detail: { before: { retired: !retired }, after: { retired } }
		});
		return updated;
	});
}

/**
 * Hides a built-in entry from the organisation's suggestions, or shows it again. The entry itself
 * never changes; an id the catalogue does not have is refused. The same state again writes nothing.
 */
export async function setBuiltInHidden(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	entryId: string,
	hidden: boolean
): Promise<void> {
	authorize(actor, 'catalogue.edit', { organisationId });
	if (!CATALOGUE.some((e) => e.id === entryId))
		throw new ValidationError({ entry: { key: 'catalogue.unknownEntry' } });
	await db.transaction().execute(async (trx) => {
		const changed = hidden
			? await insertHidden(trx, organisationId, entryId)
			: await deleteHidden(trx, organisationId, entryId);
		if (!changed) return;
		await insertAuditEntry(trx, {
			organisationId,
			actorUserId: actor!.userId,
			action: hidden ? 'catalogue.hide' : 'catalogue.show',
			objectType: OBJECT_TYPE,
			objectId: entryId,
			detail: { before: { hidden: !hidden }, after: { hidden } }
		});
	});
}

export interface Suggestions {
	/** Best first (`suggestMeasures`): built-in entries the organisation does not hide, and its own entries in use. */
	entries: CatalogueEntry[];
	/** The ids among `entries` that are the organisation's own. */
	own: ReadonlySet<string>;
}

/** The entries an advisor may fill a new measure from: every built-in one, and the own ones in use. */
async function usableEntries(db: Db, organisationId: string) {
	const own = (await findOwnEntries(db, organisationId, { activeOnly: true })).map(asCatalogueEntry);
	return { entries: [...CATALOGUE, ...own], own: new Set(own.map((e) => e.id)) };
}

/**
 * The suggestions for a new measure's targets: the organisation's catalogue ranked as the
 * built-in one is (`suggestMeasures`), hidden built-in entries and retired own entries left out.
 */
export async function suggestFromCatalogue(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	targets: MeasureTargets
): Promise<Suggestions> {
	authorize(actor, 'measure.edit', { organisationId });
	const { entries, own } = await usableEntries(db, organisationId);
	const exclude = await findHiddenEntryIds(db, organisationId);
	return { entries: suggestMeasures(targets, entries, { exclude }), own };
}

/**
 * The entry a new measure is filled from (`?from=`): a built-in one, or an own one in use; null
 * for anything else (a retired entry, another organisation's, a made-up id).
 */
export async function catalogueEntryToUse(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	entryId: string | null
): Promise<{ entry: CatalogueEntry; own: boolean } | null> {
	authorize(actor, 'measure.edit', { organisationId });
	if (!entryId) return null;
	const builtIn = CATALOGUE.find((e) => e.id === entryId);
	if (builtIn) return { entry: builtIn, own: false };
	if (!isUuid(entryId)) return null;
	const own = await findOwnEntry(db, organisationId, entryId.toLowerCase());
	return own && own.retiredAt === null ? { entry: asCatalogueEntry(own), own: true } : null;
}

/** The language a new own entry is written in: the organisation's. */
export async function ownEntryLanguage(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string
): Promise<EntryLanguage> {
	authorize(actor, 'catalogue.edit', { organisationId });
	const organisation = await findOrganisation(db, organisationId);
	if (!organisation) error(404, 'error.notFound');
	return organisation.language;
}
