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
	| { kind: 'band'; band: 'under25' | '25to50' | '50to75' | '75plus' | 'unknown' }
	| { kind: 'final'; count: number; rate: number | null };

/**
 * What an advisor may see of a unit's participation. Below k nothing but "fewer than k" (no live
 * count that would let anyone watch a colleague answer). From k on, only a band of the response
 * rate while the wave is open, because an exact count that ticks up dates each answer. The exact
 * count appears once the wave is closed and the unit reached k.
 */
export function responseProgress(
	count: number,
	headcount: number | null,
	k: number,
	status: WaveStatus
): ResponseProgress {
	if (count < k) return { kind: 'belowK', k };
	const rate = headcount && headcount > 0 ? Math.min(1, count / headcount) : null;
	if (status === 'closed')
		return { kind: 'final', count, rate: rate === null ? null : Math.round(rate * 100) };
	if (rate === null) return { kind: 'band', band: 'unknown' };
	return {
		kind: 'band',
		band: rate < 0.25 ? 'under25' : rate < 0.5 ? '25to50' : rate < 0.75 ? '50to75' : '75plus'
	};
}

export interface WaveInput {
	name: string;
	instrument: { key: string; version: number };
	includeModule: boolean;
	language: Language;
	opensOn: string;
	closesOn: string;
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
