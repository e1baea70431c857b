/**
 * The audit log's filter and the shape in which an entry's details are shown. Pure: the server
 * reads the filter from the query string with `parseAuditFilter`, and the page and the CSV export
 * show details through `auditDetailLines`.
 */

/** The kinds of event the log can be narrowed to: the first part of an action's name. */
export const AUDIT_KINDS = [
	'auth',
	'organisation',
	'unit',
	'user',
	'wave',
	'instrument',
	'signals',
	'measure',
	'plan',
	'catalogue'
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditFilter {
	kind: AuditKind | null;
	/** The user who acted (a uuid). */
	user: string | null;
	/** Inclusive dates (yyyy-mm-dd), in Belgium's calendar. */
	from: string | null;
	to: string | null;
}

export type AuditFilterResult = { ok: true; filter: AuditFilter } | { ok: false; field: keyof AuditFilter };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The filter in a query string. An empty field means "any"; a field that is not what the form
 * sends (an unknown kind, a user that is no uuid, an impossible date, a range that ends before it
 * starts) names that field, and nothing is read.
 */
export function parseAuditFilter(params: { get(name: string): string | null }): AuditFilterResult {
	const value = (name: string) => {
		const v = params.get(name)?.trim() ?? '';
		return v === '' ? null : v;
	};
	const kind = value('kind');
	if (kind !== null && !(AUDIT_KINDS as readonly string[]).includes(kind))
		return { ok: false, field: 'kind' };
	const user = value('user');
	if (user !== null && !UUID.test(user.toLowerCase())) return { ok: false, field: 'user' };
	const from = value('from');
	if (from !== null && !isDate(from)) return { ok: false, field: 'from' };
	const to = value('to');
	if (to !== null && (!isDate(to) || (from !== null && to < from))) return { ok: false, field: 'to' };
	return {
		ok: true,
		filter: { kind: kind as AuditKind | null, user: user?.toLowerCase() ?? null, from, to }
	};
}

/** The filter as a query string (without `?`), empty fields left out: for paging and the export link. */
export function auditFilterQuery(filter: AuditFilter): string {
	const params = new URLSearchParams();
	for (const name of ['kind', 'user', 'from', 'to'] as const) {
		const v = filter[name];
		if (v) params.set(name, v);
	}
	return params.toString();
}

/** One line of an entry's details: a field with its value, or its old and new value. */
export type AuditDetailLine =
	{ field: string; value: AuditValue } | { field: string; before: AuditValue; after: AuditValue };

export type AuditValue = string | number | boolean | null;

function scalar(value: unknown): AuditValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
		return value.map((v) => String(v)).join(', ');
	return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The details of an entry as lines. `{ before, after }` becomes one line per field that changed
 * (a field only in one of them too); any other field is a line of its own. Nested objects are shown
 * as compact JSON: the details were written by the app, never by a respondent.
 */
export function auditDetailLines(detail: unknown): AuditDetailLine[] {
	if (!isRecord(detail)) return [];
	const lines: AuditDetailLine[] = [];
	const { before, after, ...rest } = detail;
	if (isRecord(before) || isRecord(after)) {
		const b = isRecord(before) ? before : {};
		const a = isRecord(after) ? after : {};
		for (const field of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
			const old = scalar(b[field]);
			const now = scalar(a[field]);
			if (old !== now) lines.push({ field, before: old, after: now });
		}
	} else {
		if (before !== undefined) lines.push({ field: 'before', value: scalar(before) });
		if (after !== undefined) lines.push({ field: 'after', value: scalar(after) });
	}
	for (const [field, value] of Object.entries(rest)) lines.push({ field, value: scalar(value) });
	return lines;
}
