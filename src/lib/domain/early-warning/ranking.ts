import { reasonMessage } from './messages';
import type { RateFinding } from './rates';
import type { WarningMessage } from './shared';
import type { DimensionFinding } from './survey';

/**
 * The attention list: units ranked by the sum of their reasons' points, every reason returned
 * with its points, its numbers and a message to render in nl, fr or en.
 */

export type Finding = RateFinding | DimensionFinding;

/**
 * Points of a reason. A rate: one per month above the band among the last four (a single spike
 * 1, four months 4). A survey dimension: two per wave in a row in which it was worse, at most two
 * waves (one wave 2, two waves 4): a wave sums up months of work as people report it.
 */
export const POINTS = Object.freeze({ perMonthAbove: 1, perWave: 2, maxWaves: 2 });

export function reasonPoints(finding: Finding): number {
	return finding.kind === 'rate'
		? POINTS.perMonthAbove * finding.monthsAbove
		: POINTS.perWave * Math.min(finding.consecutiveWaves, POINTS.maxWaves);
}

export interface UnitFindings {
	unitId: string;
	findings: readonly Finding[];
}

export interface Reason {
	finding: Finding;
	points: number;
	persistent: boolean;
	message: WarningMessage;
}

export interface AttentionEntry {
	/** 1 for the unit that needs attention most. */
	rank: number;
	unitId: string;
	/** The sum of the reasons' points: nothing else. */
	score: number;
	/** Reasons that repeat: 3 of 4 months above the band, or two waves in a row. */
	persistentReasons: number;
	/** The largest z among the reasons (used only to break ties). */
	maxZ: number;
	/** Most points first. */
	reasons: Reason[];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const subjectOf = (f: Finding) => (f.kind === 'rate' ? f.indicator : f.dimension);

function compareReasons(a: Reason, b: Reason): number {
	return (
		b.points - a.points ||
		Number(b.persistent) - Number(a.persistent) ||
		(b.finding.z > a.finding.z ? 1 : b.finding.z < a.finding.z ? -1 : 0) ||
		compareText(a.finding.kind, b.finding.kind) ||
		compareText(subjectOf(a.finding), subjectOf(b.finding)) ||
		compareText(a.finding.comparison, b.finding.comparison)
	);
}

/** The attention order: score, then persistent reasons, then the largest z, then the unit id. */
export function compareEntries(a: AttentionEntry, b: AttentionEntry): number {
	return (
		b.score - a.score ||
		b.persistentReasons - a.persistentReasons ||
		(b.maxZ > a.maxZ ? 1 : b.maxZ < a.maxZ ? -1 : 0) ||
		compareText(a.unitId, b.unitId)
	);
}

/**
 * Units with at least one finding, most attention first. Every entry carries its reasons with
 * their points, numbers and message; the score is their sum. Units without findings are left out.
 */
export function rankUnits(units: readonly UnitFindings[]): AttentionEntry[] {
	const seen = new Set<string>();
	const entries: AttentionEntry[] = [];
	for (const { unitId, findings } of units) {
		if (seen.has(unitId)) throw new Error(`Unit ${unitId} appears twice`);
		seen.add(unitId);
		if (findings.length === 0) continue;
		const reasons = findings
			.map((finding) => ({
				finding,
				points: reasonPoints(finding),
				persistent: finding.persistent,
				message: reasonMessage(finding)
			}))
			.sort(compareReasons);
		entries.push({
			rank: 0,
			unitId,
			score: reasons.reduce((sum, r) => sum + r.points, 0),
			persistentReasons: reasons.filter((r) => r.persistent).length,
			maxZ: Math.max(...reasons.map((r) => r.finding.z)),
			reasons
		});
	}
	entries.sort(compareEntries);
	entries.forEach((entry, i) => (entry.rank = i + 1));
	return entries;
}

/**
 * How many units of the attention list a page shows before the user asks for all: the strongest
 * signals first, enough for a committee's agenda. A large organisation can rank over a thousand
 * units, which as one list is not read and was most of its results page (docs/scaling.md).
 */
export const ATTENTION_SHOWN = 25;

/** The first `limit` entries of a ranked list (or all), and how many there are. */
export function firstEntries<T>(
	entries: readonly T[],
	all: boolean,
	limit = ATTENTION_SHOWN
): { shown: T[]; total: number } {
	return {
		shown: all ? [...entries] : entries.slice(0, limit),
		total: entries.length
	};
}
