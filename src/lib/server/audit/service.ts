import { error } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import { auditDetailLines, parseAuditFilter, type AuditFilter } from '../../domain/audit';
import { spreadsheetCsv } from '../../domain/csv-export';
import { asMessageKey, formatDateTime, isMessageKey, translate, type Locale } from '../../i18n';
import { auditLineText } from '../../i18n/audit-text';
import { authorize, type Actor } from '../access';
import type { Database } from '../db/schema';
import {
	findAuditActors,
	findAuditEntries,
	insertAuditEntry,
	insertAuditEntryForMemberships
} from './queries';

export const AUDIT_PAGE_SIZE = 50;
/** The most entries one CSV export holds; a narrower filter gets the rest. */
export const AUDIT_EXPORT_LIMIT = 50_000;

const MAX_BIGINT = 2n ** 63n - 1n;

/**
 * Whether a paging cursor is an audit entry id as the page writes it: canonical digits within
 * bigint. Anything else would reach the database as a value it cannot compare.
 */
export function isAuditId(value: string): boolean {
	return /^(0|[1-9]\d{0,18})$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

function filterOf(params: URLSearchParams): AuditFilter {
	const parsed = parseAuditFilter(params);
	if (!parsed.ok) error(400, 'error.badRequest');
	return parsed.filter;
}

function entryView(r: Awaited<ReturnType<typeof findAuditEntries>>[number]) {
	return {
		id: String(r.id),
		action: r.action,
		objectType: r.object_type,
		objectName: r.object_name,
		actorName: r.actor_name,
		at: r.at.toISOString(),
		details: auditDetailLines(r.detail)
	};
}

/** A page of the log, narrowed by the filter in the query string, with the choices of the filter. */
export async function listAuditLog(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	params: URLSearchParams
) {
	authorize(actor, 'audit.view', { organisationId });
	const filter = filterOf(params);
	const before = params.get('before');
	if (before !== null && !isAuditId(before)) error(400, 'error.badRequest');
	const [rows, actors] = await Promise.all([
		findAuditEntries(db, organisationId, {
			limit: AUDIT_PAGE_SIZE + 1,
			before: before ?? undefined,
			kind: filter.kind,
			actorUserId: filter.user,
			from: filter.from,
			to: filter.to
		}),
		findAuditActors(db, organisationId)
	]);
	return {
		filter,
		actors: actors.map((a) => ({ id: a.id, name: a.display_name })),
		entries: rows.slice(0, AUDIT_PAGE_SIZE).map(entryView),
		older: rows.length > AUDIT_PAGE_SIZE ? String(rows[AUDIT_PAGE_SIZE - 1]!.id) : null
	};
}

/** The log as CSV (the same filter as the page, every page of it), in the user's language. */
export async function auditCsv(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	params: URLSearchParams,
	locale: Locale
): Promise<{ filename: string; csv: string }> {
	authorize(actor, 'audit.view', { organisationId });
	const filter = filterOf(params);
	const rows = await findAuditEntries(db, organisationId, {
		limit: AUDIT_EXPORT_LIMIT,
		kind: filter.kind,
		actorUserId: filter.user,
		from: filter.from,
		to: filter.to
	});
	const header = ['when', 'who', 'what', 'about', 'details'].map((c) =>
		translate(locale, asMessageKey(`audit.${c}`))
	);
	const data = rows.map((r) => {
		const e = entryView(r);
		const action = `audit.action.${e.action}`;
		return [
			formatDateTime(locale, e.at),
			e.actorName ?? translate(locale, 'audit.system'),
			isMessageKey(action) ? translate(locale, action) : e.action,
			e.objectName ?? '',
			e.details.map((line) => auditLineText(locale, line)).join('; ')
		];
	});
	return { filename: `${translate(locale, 'audit.filename')}.csv`, csv: spreadsheetCsv(header, data) };
}

/**
 * A sign-in, in the log of every organisation the account belongs to. Only the outcome is kept:
 * never the password typed, nor the address, and nothing for an e-mail address without an account
 * (what was typed there might be a password). Throttled attempts are not written: they are refused
 * before any password is checked, and writing each would let anyone fill the log.
 */
export async function recordSignIn(
	db: Kysely<Database> | Transaction<Database>,
	userId: string,
	outcome: 'success' | 'wrong-password' | 'inactive'
): Promise<void> {
	await insertAuditEntryForMemberships(db, userId, {
		actorUserId: userId,
		action: outcome === 'success' ? 'auth.signIn' : 'auth.signInFailed',
		objectType: 'user',
		objectId: userId,
		detail: outcome === 'success' ? {} : { reason: outcome }
	});
}

/**
 * Who opened which unit's results, and when: not what they saw (the page's figures depend on the
 * day and on the anonymity gate, and would repeat what the page already keeps from everyone else).
 */
export async function recordUnitResultsOpened(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	unit: { id: string; code: string }
): Promise<void> {
	authorize(actor, 'analytics.view', { organisationId });
	await insertAuditEntry(db, {
		organisationId,
		actorUserId: actor!.userId,
		action: 'unit.results.view',
		objectType: 'unit',
		objectId: unit.id,
		detail: { code: unit.code }
	});
}
