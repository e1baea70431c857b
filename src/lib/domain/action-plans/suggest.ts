import type { ApplicationLevel, CatalogueEntry, MeasureTargets, PreventionLevel } from './types';

export interface SuggestOptions {
	/** Ids of catalogue entries the organisation has retired: never suggested. */
	exclude?: ReadonlySet<string>;
}

/**
 * The catalogue entries that aim at any of the findings, best first:
 * 1. more targets in common (barometer dimensions, work factors and signal indicators together);
 * 2. among equals, collective measures (organisation or group) before individual ones, then
 *    primary before secondary before tertiary: the order the law and the Superior Health Council
 *    give, change the work before helping people cope with it;
 * 3. then by id, so the same findings always give the same list.
 * An entry that shares no target with the findings is not suggested.
 */
export function suggestMeasures(
	targets: MeasureTargets,
	catalogue: readonly CatalogueEntry[],
	options: SuggestOptions = {}
): CatalogueEntry[] {
	const wanted = new Set<string>([...targets.dimensions, ...targets.signals]);
	const exclude = options.exclude ?? new Set<string>();
	return catalogue
		.filter((entry) => !exclude.has(entry.id))
		.map((entry) => ({ entry, matched: matchedTargets(entry, wanted) }))
		.filter(({ matched }) => matched > 0)
		.sort(
			(a, b) =>
				b.matched - a.matched ||
				applicationRank(a.entry.application) - applicationRank(b.entry.application) ||
				LEVEL_RANK[a.entry.level] - LEVEL_RANK[b.entry.level] ||
				compareIds(a.entry.id, b.entry.id)
		)
		.map(({ entry }) => entry);
}

function matchedTargets(entry: CatalogueEntry, wanted: ReadonlySet<string>): number {
	const own = new Set<string>([...entry.targets.dimensions, ...entry.targets.signals]);
	let matched = 0;
	for (const id of own) if (wanted.has(id)) matched++;
	return matched;
}

/** Organisation and group are both collective: the rule sets them apart from the individual only. */
function applicationRank(application: ApplicationLevel): number {
	return application === 'individual' ? 1 : 0;
}

const LEVEL_RANK: Record<PreventionLevel, number> = { primary: 0, secondary: 1, tertiary: 2 };

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export interface PlanBalance {
	/** True when more than half of the measures are individual-level or tertiary. */
	warn: boolean;
	/** Measures that apply to a person or that are tertiary (a measure that is both counts once). */
	individualOrTertiary: number;
	total: number;
}

/**
 * Whether a plan leans on individual or after-the-fact measures. The law on psychosocial risks and
 * the Superior Health Council put collective, primary measures first (change the work before
 * helping people cope with it or caring for them afterwards), so a plan in which more than half of
 * the measures apply to individuals or are tertiary gets a calm warning. Exactly half does not
 * warn, and neither does an empty plan.
 */
export function planBalance(
	measures: readonly { level: PreventionLevel; application: ApplicationLevel }[]
): PlanBalance {
	const individualOrTertiary = measures.filter(
		(m) => m.application === 'individual' || m.level === 'tertiary'
	).length;
	return { warn: individualOrTertiary * 2 > measures.length, individualOrTertiary, total: measures.length };
}
