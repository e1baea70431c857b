import { normaliseHeader } from '../units';
import {
	COLUMNS,
	SIGNALS_FORMATS,
	columnOfHeader,
	detectSignalsFormat,
	type ColumnId,
	type HeaderMatch,
	type HeaderProblem,
	type SignalsFormat
} from './formats';

/**
 * The column mapping step: when a file's header does not match a format, HR says for each file
 * column which field it holds, or that it is to be ignored. A mapping is kept by normalised header
 * (normaliseHeader), so that it applies to the next export of the same system whatever the order
 * of its columns, and it only renames: the rows then go through the same checks as any file.
 */

/** Normalised header → the field it holds, or null for a column to ignore. */
export type ColumnMapping = Record<string, ColumnId | null>;

/** The mappings an upload may use, per format (the one sent with the upload, or the one remembered). */
export type ColumnMappings = Partial<Record<SignalsFormat, ColumnMapping>>;

/** Parts of a header that say a column holds a person's name: never suggested as a key or code. */
const NAME_WORDS = ['naam', 'nom', 'name', 'prenom', 'voornaam', 'rijksregister', 'niss', 'inss'];

/** Shortest alias a header may merely contain to be suggested for its field. */
const MIN_CONTAINED = 5;

/** What the mapping step proposes for one file. */
export interface MappingSuggestion {
	format: SignalsFormat;
	/** The suggested field of each header cell, by position; null = ignore. */
	columns: (ColumnId | null)[];
}

/**
 * Suggests a field for each header cell in a format: the remembered mapping first, then a header
 * the format knows by name (nl, fr, en or a payroll name), then a header that contains such a name
 * (`Datum begin afwezigheid`), longest name first. A field is given to one file column only: the
 * first exact match, else the best containing one. Unknown columns are suggested as ignored.
 */
export function suggestColumns(
	header: readonly string[],
	format: SignalsFormat,
	remembered: ColumnMapping = {}
): (ColumnId | null)[] {
	const normalised = header.map(normaliseHeader);
	const columns: (ColumnId | null)[] = normalised.map(() => null);
	const taken = new Set<ColumnId>();
	const known = new Set(COLUMNS[format].map((c) => c.id));
	const assign = (index: number, id: ColumnId | null | undefined) => {
		if (columns[index] !== null || !id || taken.has(id) || !known.has(id)) return false;
		columns[index] = id;
		taken.add(id);
		return true;
	};
	const settled = new Set<number>();
	normalised.forEach((n, i) => {
		if (Object.hasOwn(remembered, n)) {
			assign(i, remembered[n]);
			settled.add(i); // remembered as ignored stays ignored
		}
	});
	normalised.forEach((n, i) => {
		if (!settled.has(i)) assign(i, columnOfHeader(format, n));
	});
	// Containing matches, best (longest alias) first over the whole header.
	const aliases = COLUMNS[format].flatMap((c) =>
		Object.values(c.headers)
			.flat()
			.map((h) => ({ id: c.id, alias: normaliseHeader(h) }))
			.filter((a) => a.alias.length >= MIN_CONTAINED)
	);
	const candidates: { index: number; id: ColumnId; length: number }[] = [];
	normalised.forEach((n, i) => {
		if (settled.has(i) || columns[i] !== null || n === '') return;
		const personal = NAME_WORDS.some((w) => n.includes(w));
		for (const { id, alias } of aliases) {
			if (!n.includes(alias)) continue;
			if (personal && (id === 'employeeKey' || id === 'unitCode')) continue;
			candidates.push({ index: i, id, length: alias.length });
		}
	});
	candidates.sort((a, b) => b.length - a.length || a.index - b.index);
	for (const c of candidates) assign(c.index, c.id);
	return columns;
}

/**
 * The format a file most likely is and the suggested field of each column: the format whose
 * required fields the suggestions cover best (a remembered mapping counts), ties to the one with
 * most columns suggested, then to the order of SIGNALS_FORMATS.
 */
export function suggestMapping(
	header: readonly string[],
	remembered: ColumnMappings = {},
	only: readonly SignalsFormat[] = SIGNALS_FORMATS
): MappingSuggestion {
	let best: MappingSuggestion | null = null;
	let bestScore = -1;
	for (const format of only) {
		const columns = suggestColumns(header, format, remembered[format]);
		const required = COLUMNS[format].filter((c) => c.required);
		const covered = required.filter((c) => columns.includes(c.id)).length;
		const score = (covered / required.length) * 1000 + columns.filter((c) => c !== null).length;
		if (score > bestScore) {
			best = { format, columns };
			bestScore = score;
		}
	}
	return best!;
}

/** A mapping as the upload form sends it: the chosen field of each header cell, by position. */
export function mappingOf(header: readonly string[], columns: readonly (ColumnId | null)[]): ColumnMapping {
	const entries: [string, ColumnId | null][] = [];
	header.forEach((cell, i) => {
		const n = normaliseHeader(cell);
		if (n !== '') entries.push([n, columns[i] ?? null]);
	});
	return Object.fromEntries(entries);
}

/**
 * Matches a header through a mapping in one format, with the checks detectSignalsFormat makes:
 * a header cell the mapping does not name must be a column of the format (else it is unknown),
 * no field twice, every required field present. Problems name the file's header cells.
 */
export function matchMapped(
	header: readonly string[],
	format: SignalsFormat,
	mapping: ColumnMapping
): HeaderMatch {
	const known = new Set(COLUMNS[format].map((c) => c.id));
	const problems: HeaderProblem[] = [];
	const columns: (ColumnId | null)[] = [];
	const first = new Map<ColumnId, string>();
	for (const cell of header) {
		const n = normaliseHeader(cell);
		const id =
			n === '' ? null : Object.hasOwn(mapping, n) ? mapping[n]! : (columnOfHeader(format, n) ?? undefined);
		if (id === undefined) {
			columns.push(null);
			problems.push({ line: 1, column: null, value: cell, key: 'signals.format.unknownColumn' });
			continue;
		}
		if (id !== null && !known.has(id)) {
			columns.push(null);
			problems.push({ line: 1, column: null, value: cell, key: 'signals.mapping.notInFormat' });
			continue;
		}
		columns.push(id);
		if (id === null) continue;
		if (first.has(id))
			problems.push({
				line: 1,
				column: id,
				value: cell,
				key: 'signals.format.duplicateColumn',
				params: { header: first.get(id)! }
			});
		else first.set(id, cell);
	}
	for (const column of COLUMNS[format])
		if (column.required && !first.has(column.id))
			problems.push({ line: 1, column: column.id, value: '', key: 'signals.format.missingColumn' });
	return problems.length ? { ok: false, format, problems } : { ok: true, format, columns };
}

/**
 * A header matched as it is, or else through a mapping: the one sent for a format wins over a
 * remembered one. `mapped` says a mapping was used (and is the format's mapping to remember).
 */
export function matchHeader(
	header: readonly string[],
	sent: ColumnMappings = {},
	remembered: ColumnMappings = {}
): HeaderMatch & { mapped: ColumnMapping | null } {
	const sentFormats = SIGNALS_FORMATS.filter((f) => sent[f]);
	// A mapping HR just chose is applied even when the header would also match as it is.
	for (const format of sentFormats) {
		const match = matchMapped(header, format, sent[format]!);
		if (match.ok || sentFormats.length === 1) return { ...match, mapped: sent[format]! };
	}
	const plain = detectSignalsFormat(header);
	if (plain.ok) return { ...plain, mapped: null };
	for (const format of SIGNALS_FORMATS) {
		if (!remembered[format]) continue;
		const match = matchMapped(header, format, remembered[format]);
		if (match.ok) return { ...match, mapped: remembered[format] };
	}
	return { ...plain, mapped: null };
}

/**
 * A mapping as sent by a form (JSON), checked: an object per format of normalised header → a
 * field of that format or null. Anything else is null (the upload is then refused as invalid).
 */
export function parseColumnMappings(text: string | undefined): ColumnMappings | null {
	if (!text) return {};
	if (text.length > 64 * 1024) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
	const result: ColumnMappings = {};
	for (const [format, mapping] of Object.entries(value)) {
		if (!(SIGNALS_FORMATS as readonly string[]).includes(format)) return null;
		if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) return null;
		const known = new Set<string>(COLUMNS[format as SignalsFormat].map((c) => c.id));
		const entries = Object.entries(mapping as Record<string, unknown>);
		if (entries.length > 512) return null;
		for (const [header, id] of entries) {
			if (header !== normaliseHeader(header) || header === '' || header.length > 200) return null;
			if (id !== null && (typeof id !== 'string' || !known.has(id))) return null;
		}
		// fromEntries defines own properties, so a header such as `__proto__` stays a plain key.
		result[format as SignalsFormat] = Object.fromEntries(entries) as ColumnMapping;
	}
	return result;
}
