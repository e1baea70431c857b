import {
	formatDate,
	formatNumber,
	formatYearMonth,
	translate,
	type Locale,
	type MessageKey,
	type Params
} from '../../i18n';

/**
 * The words of an import problem in the user's language. Its parameters travel as data (numbers,
 * ISO days and months, byte counts, as the server found them) and are written here the way the
 * user reads them: numbers in the language's format (`1,5`, not `1.5`), the limits of dates and
 * months with formatDate and formatYearMonth, file sizes as "200 MB" ("200 Mo"). Values the user
 * typed are not parameters but the problem's `value`, shown exactly as the cell held it.
 */

/** Parameters that are limits on a date or month cell: an ISO day or month, shown in the language. */
const LIMIT_PARAMS = new Set(['min', 'max']);
/** Parameters that are a size in bytes. */
const BYTE_PARAMS = new Set(['maxBytes']);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;
const PLURAL_NAMES = /\{(\w+), plural,/g;

const KIB = 1024;
const MIB = 1024 * 1024;

/** A size in bytes as people read it: "200 MB", "1,5 Mo", "512 kB". */
export function formatFileSize(locale: Locale, bytes: number): string {
	const [value, unit] =
		bytes >= MIB ? [bytes / MIB, 'megabyte'] : bytes >= KIB ? [bytes / KIB, 'kilobyte'] : [bytes, 'byte'];
	return new Intl.NumberFormat(`${locale}-BE`, {
		style: 'unit',
		unit,
		unitDisplay: 'short',
		maximumFractionDigits: 1
	}).format(value);
}

/** One parameter as shown: see the module comment. */
export function displayParam(locale: Locale, name: string, value: string | number): string {
	if (typeof value === 'number')
		return BYTE_PARAMS.has(name) ? formatFileSize(locale, value) : formatNumber(locale, value);
	if (LIMIT_PARAMS.has(name)) {
		if (ISO_DAY.test(value)) return formatDate(locale, value);
		if (ISO_MONTH.test(value)) return formatYearMonth(locale, value);
	}
	return value;
}

/**
 * The message of a problem with its parameters shown in the language. A parameter that chooses a
 * plural form stays a number: the plural rule formats it (`#`).
 */
export function problemMessage(locale: Locale, key: MessageKey, params?: Params): string {
	if (!params) return translate(locale, key);
	const template = translate(locale, key);
	const counted = new Set([...template.matchAll(PLURAL_NAMES)].map((m) => m[1]!));
	const shown: Params = {};
	for (const [name, value] of Object.entries(params))
		shown[name] = counted.has(name) ? value : displayParam(locale, name, value);
	return translate(locale, key, shown);
}

/** How often a problem occurs, when more than once: "The same problem on 2,477 rows, first on line 2, 3, …". */
export function repeatedMessage(locale: Locale, problem: { rows?: number; lines?: number[] }): string | null {
	if (!problem.rows || problem.rows < 2) return null;
	const lines = problem.lines ?? [];
	const listed = lines.map((line) => formatNumber(locale, line)).join(', ');
	return translate(locale, 'signals.problem.repeated', {
		count: problem.rows,
		lines: problem.rows > lines.length ? `${listed}, …` : listed
	});
}
