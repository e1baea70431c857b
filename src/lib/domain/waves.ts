import type { FieldProblems, Validated } from './validation';
import { isLanguage, type Language } from './organisation-settings';

export type WaveStatus = 'planned' | 'open' | 'closed';

/** A wave takes answers between its opening and closing date (inclusive) unless it was closed. */
export function waveStatus(
	wave: { opensOn: string; closesOn: string; closed: boolean },
	today: string
): WaveStatus {
	if (wave.closed || today > wave.closesOn) return 'closed';
	if (today < wave.opensOn) return 'planned';
	return 'open';
}

export type ResponseProgress =
	| { kind: 'belowK'; k: number }
	| { kind: 'atLeastK'; k: number }
	| { kind: 'band'; band: 'under25' | '25to50' | 'under50' | '50to75' | '75plus' };

/**
 * What an advisor may see of a unit's participation while its wave takes answers (a closed wave's
 * participation comes from the gate, with the wave's plan: docs/anonymity.md, "Participation").
 * Below k nothing but "fewer than k" (no live count that would let anyone watch a colleague
 * answer). From k on, a band of the response rate, and only bands that each leave at least k
 * possible counts from k to the headcount: a narrower band would pin a small team's count to one
 * or two values, which the wave's closed figures could then turn into the count of a smaller
 * group. So no band below a headcount of 4k (only "at least k", as without a headcount), and
 * "under 50%" instead of "under 25%" and "25 to 50%" below 8k. Which bands a unit can show
 * depends on its headcount and k only, never on its count.
 */
export function responseProgress(count: number, headcount: number | null, k: number): ResponseProgress {
	if (count < k) return { kind: 'belowK', k };
	if (!headcount || headcount < 4 * k) return { kind: 'atLeastK', k };
	const rate = Math.min(1, count / headcount);
	if (rate >= 0.75) return { kind: 'band', band: '75plus' };
	if (rate >= 0.5) return { kind: 'band', band: '50to75' };
	if (headcount < 8 * k) return { kind: 'band', band: 'under50' };
	return { kind: 'band', band: rate < 0.25 ? 'under25' : '25to50' };
}

/**
 * How people answer a wave: personal codes (the default: one answer per code, nobody can add
 * answers to a unit) or unit links (anyone with a link can answer, up to the unit's headcount).
 */
export type WaveEntry = 'codes' | 'links';
export const WAVE_ENTRIES: readonly WaveEntry[] = ['codes', 'links'];

export interface WaveInput {
	name: string;
	instrument: { key: string; version: number };
	includeModule: boolean;
	language: Language;
	opensOn: string;
	closesOn: string;
	entry: WaveEntry;
	unitIds: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Validates the wave form. `instruments` are the choices offered as "key@version"; `units` the active unit ids. */
export function validateWaveInput(
	fields: Record<string, string>,
	unitIds: string[],
	context: { instruments: string[]; units: Set<string>; today: string }
): Validated<WaveInput> {
	const problems: FieldProblems = {};
	const name = (fields.name ?? '').trim();
	if (!name) problems.name = { key: 'validation.required' };
	else if (name.length > 120) problems.name = { key: 'validation.tooLong', params: { max: 120 } };
	const instrument = fields.instrument ?? '';
	const match = /^([a-z0-9][a-z0-9-]{1,62})@(\d+)$/.exec(instrument);
	if (!match || !context.instruments.includes(instrument))
		problems.instrument = { key: 'waves.unknownInstrument' };
	const language = fields.language;
	if (!isLanguage(language)) problems.language = { key: 'validation.language' };
	const opensOn = fields.opensOn ?? '';
	const closesOn = fields.closesOn ?? '';
	if (!isIsoDate(opensOn)) problems.opensOn = { key: 'validation.date' };
	if (!isIsoDate(closesOn)) problems.closesOn = { key: 'validation.date' };
	else if (closesOn < context.today) problems.closesOn = { key: 'waves.closesInPast' };
	else if (isIsoDate(opensOn) && closesOn < opensOn) problems.closesOn = { key: 'waves.closesBeforeOpens' };
	// Personal codes unless the form asks for links.
	const entry = fields.entry === undefined || fields.entry === '' ? 'codes' : fields.entry;
	if (!WAVE_ENTRIES.includes(entry as WaveEntry)) problems.entry = { key: 'waves.entryUnknown' };
	const unique = [...new Set(unitIds)];
	if (unique.length === 0) problems.unitIds = { key: 'waves.noUnits' };
	else if (unique.some((id) => !context.units.has(id))) problems.unitIds = { key: 'units.parentUnknown' };
	if (Object.keys(problems).length) return { ok: false, problems };
	return {
		ok: true,
		value: {
			name,
			instrument: { key: match![1]!, version: Number(match![2]) },
			includeModule: fields.includeModule === 'on' || fields.includeModule === 'true',
			language: language as Language,
			opensOn,
			closesOn,
			entry: entry as WaveEntry,
			unitIds: unique
		}
	};
}

/** Personal codes: 12 characters from an alphabet without look-alikes, shown in groups of four. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function formatCode(random: Uint8Array): string {
	const chars = Array.from(random.subarray(0, 12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
	return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The canonical form of a typed code (case, spaces and dashes do not matter), or null when it cannot be one. */
export function normaliseCode(typed: string): string | null {
	const compact = typed.toUpperCase().replace(/[\s-]/g, '');
	if (compact.length !== 12 || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return null;
	return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
}
