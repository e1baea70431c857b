import type { Bands } from '../../instruments/types';
import { checkShown, type Checked } from './shared';

/**
 * Survey dimensions per wave: share orange + red and mean score against the previous wave and
 * against the organisation, with a minimum effect size and a z test.
 */

/**
 * A barometer dimension of one group in one wave that passed the anonymity gate (k, or the higher
 * k of a sensitive dimension): n respondents with a score, the mean and standard deviation of
 * their 0-100 scores, and the share (0-1) of them in orange or red.
 */
export interface ShownDimension {
	shown: true;
	n: number;
	mean: number;
	sd: number;
	shareOrangeRed: number;
}

/** One wave of the organisation, oldest first; `unit` is null when the unit was not shown. */
export interface DimensionWave {
	wave: string;
	unit: ShownDimension | null;
	organisation: ShownDimension | null;
}

export interface SurveyParameters {
	/** Minimum rise of the share orange + red (0.10 = 10 percentage points). */
	minShareChange: number;
	/** Minimum change of the mean in the direction of risk, in points on 0-100. */
	minMeanChange: number;
	/** Minimum z of the same change (1.96: two-sided 5 %). */
	zCritical: number;
}

export const SURVEY_PARAMETERS: Readonly<SurveyParameters> = Object.freeze({
	minShareChange: 0.1,
	minMeanChange: 8,
	zCritical: 1.96
});

/** Below this standard deviation (points on 0-100: everyone answered alike) 1 is used. */
const MIN_SD = 1;
/** Tolerance for comparing a difference with its minimum (0.38 - 0.28 is 0.0999... in binary). */
const EPSILON = 1e-9;

export interface DimensionChange {
	/** Rise of the share orange + red (0-1) and its z. */
	shareChange: number;
	shareZ: number;
	/** Change of the mean in the direction of risk (positive = worse) and its z. */
	meanChange: number;
	meanZ: number;
	/** Which rule fired (the share first), or null when neither did. */
	worse: 'share' | 'mean' | null;
}

function checkDimension(value: ShownDimension, what: string): void {
	checkShown(value, what);
	const { mean, sd, shareOrangeRed } = value;
	if (!(mean >= 0 && mean <= 100)) throw new RangeError(`${what}: mean must be within 0-100`);
	if (!(sd >= 0 && Number.isFinite(sd))) throw new RangeError(`${what}: sd must be a number ≥ 0`);
	if (!(shareOrangeRed >= 0 && shareOrangeRed <= 1))
		throw new RangeError(`${what}: share orange + red must be within 0-1`);
}

/**
 * How much worse `current` is than `reference`. Against a previous wave the two groups are
 * independent samples (pooled two-proportion z, Welch z for the mean); against the organisation,
 * which contains the unit, the organisation is the reference value and only the unit's sampling
 * error counts (as in a p-chart: standard error from the organisation's share and the unit's n).
 */
export function compareDimension(
	current: ShownDimension,
	reference: ShownDimension,
	riskWhen: Bands['riskWhen'],
	against: 'previous-wave' | 'organisation',
	parameters: Partial<SurveyParameters> = {}
): DimensionChange {
	const p: SurveyParameters = { ...SURVEY_PARAMETERS, ...parameters };
	checkDimension(current, 'current');
	checkDimension(reference, 'reference');
	const shareChange = current.shareOrangeRed - reference.shareOrangeRed;
	const meanChange = (current.mean - reference.mean) * (riskWhen === 'high' ? 1 : -1);
	const sd1 = Math.max(current.sd, MIN_SD);
	const sd0 = Math.max(reference.sd, MIN_SD);
	let shareSe: number;
	let meanSe: number;
	if (against === 'previous-wave') {
		const pooled =
			(current.shareOrangeRed * current.n + reference.shareOrangeRed * reference.n) /
			(current.n + reference.n);
		shareSe = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / reference.n));
		meanSe = Math.sqrt((sd1 * sd1) / current.n + (sd0 * sd0) / reference.n);
	} else {
		const floor = 0.5 / reference.n;
		const q = Math.min(Math.max(reference.shareOrangeRed, floor), 1 - floor);
		shareSe = Math.sqrt((q * (1 - q)) / current.n);
		meanSe = sd0 / Math.sqrt(current.n);
	}
	const shareZ = shareSe > 0 ? shareChange / shareSe : 0;
	const meanZ = meanChange / meanSe;
	const shareWorse = shareChange >= p.minShareChange - EPSILON && shareZ >= p.zCritical;
	const meanWorse = meanChange >= p.minMeanChange - EPSILON && meanZ >= p.zCritical;
	return {
		shareChange,
		shareZ,
		meanChange,
		meanZ,
		worse: shareWorse ? 'share' : meanWorse ? 'mean' : null
	};
}

export type DimensionFinding = Checked & {
	kind: 'dimension';
	dimension: string;
	comparison: 'previous-wave' | 'organisation';
	/** The rule that fired in the last wave: share orange + red, or the mean. */
	measure: 'share' | 'mean';
	direction: 'worse';
	wave: string;
	/** Plain numbers: the share in percent (0-100) or the mean (0-100), the unit's and the reference's. */
	value: number;
	reference: number;
	/** value - reference in the direction of risk: percentage points or points. */
	change: number;
	z: number;
	/** Waves in a row, ending with the last, in which the rule fired. */
	consecutiveWaves: number;
	/** Two or more waves in a row. */
	persistent: boolean;
	/** The unit's n in the last wave. */
	n: number;
};

/**
 * Findings of one barometer dimension of one unit in the last wave of `waves`: worse than the
 * previous wave, and worse than the organisation. The direction of risk is the dimension's
 * (`riskWhen`); the share orange + red is worse when higher whatever the direction.
 */
export function dimensionFindings(
	dimension: { id: string; riskWhen: Bands['riskWhen'] },
	waves: readonly DimensionWave[],
	parameters: Partial<SurveyParameters> = {}
): DimensionFinding[] {
	const last = waves.length - 1;
	const current = waves[last]?.unit;
	if (!current) return [];
	const versusPrevious = (i: number) => {
		const now = waves[i]?.unit;
		const before = waves[i - 1]?.unit;
		return now && before
			? compareDimension(now, before, dimension.riskWhen, 'previous-wave', parameters)
			: null;
	};
	const versusOrganisation = (i: number) => {
		const now = waves[i]?.unit;
		const org = waves[i]?.organisation;
		return now && org ? compareDimension(now, org, dimension.riskWhen, 'organisation', parameters) : null;
	};
	const findings: DimensionFinding[] = [];
	for (const [comparison, compare] of [
		['previous-wave', versusPrevious],
		['organisation', versusOrganisation]
	] as const) {
		const change = compare(last);
		if (!change?.worse) continue;
		let consecutiveWaves = 1;
		while (compare(last - consecutiveWaves)?.worse) consecutiveWaves++;
		const reference = comparison === 'previous-wave' ? waves[last - 1]!.unit! : waves[last]!.organisation!;
		const share = change.worse === 'share';
		findings.push({
			kind: 'dimension',
			dimension: dimension.id,
			comparison,
			measure: change.worse,
			direction: 'worse',
			wave: waves[last]!.wave,
			value: share ? current.shareOrangeRed * 100 : current.mean,
			reference: share ? reference.shareOrangeRed * 100 : reference.mean,
			change: share ? change.shareChange * 100 : change.meanChange,
			z: share ? change.shareZ : change.meanZ,
			consecutiveWaves,
			persistent: consecutiveWaves >= 2,
			n: current.n
		} as DimensionFinding);
	}
	return findings;
}
