/**
 * An instrument is data: a versioned definition of items, dimensions, the answer scale, reverse
 * scoring, the scoring rule and the traffic-light bands. The built-in barometer is one; an
 * organisation can load its own (licensed) instrument in the same shape. A wave keeps a copy of
 * the definition it started with.
 */
export type Localised = { nl: string; fr: string; en: string };

/** The five domains of psychosocial risk named by Belgian law (28 February 2014). */
export const RISK_DOMAINS = [
	'work-organisation',
	'job-content',
	'terms-of-employment',
	'working-conditions',
	'interpersonal-relations'
] as const;
export type RiskDomain = (typeof RISK_DOMAINS)[number];

export interface AnswerScale {
	/** Lowest and highest answer value, whole numbers (e.g. 1..5). */
	min: number;
	max: number;
	/** One label per value from min to max. */
	labels: Localised[];
}

export interface Bands {
	/**
	 * Scores are 0-100. With `riskWhen: 'high'` a score at or above `orange` is orange and at or
	 * above `red` is red (orange < red). With `riskWhen: 'low'` (engagement, active coping) a score
	 * at or below `orange` is orange and at or below `red` is red (orange > red).
	 */
	riskWhen: 'high' | 'low';
	orange: number;
	red: number;
}

export interface Dimension {
	id: string;
	name: Localised;
	/**
	 * Optional: a label of at most MAX_SHORT_NAME_LENGTH characters for narrow columns (the results
	 * heatmap). Without one, screens use the built-in instrument's short name or else `name`.
	 */
	shortName?: Localised;
	/** A plain-words description of what a high or low score means, for the personal result page. */
	description: Localised;
	bands: Bands;
	/** Needs the organisation's higher minimum group size (e.g. unwanted behaviour at work). */
	sensitive: boolean;
	/** For work factors: the legal risk domain it belongs to. */
	domain?: RiskDomain;
}

export interface Item {
	id: string;
	dimension: string;
	text: Localised;
	/** Reverse-scored: value v counts as (min + max - v). */
	reverse: boolean;
}

export interface ScoringRule {
	/** The dimension score is the mean of its (reversed where needed) items, rescaled to 0-100. */
	method: 'mean';
	/** A dimension is scored only when at least this share (0-1) of its items is answered; else it has no score. */
	minAnsweredShare: number;
}

export interface InstrumentPart {
	dimensions: Dimension[];
	items: Item[];
}

export interface InstrumentDefinition extends InstrumentPart {
	/** Stable key, e.g. 'knipperlicht-barometer'. */
	key: string;
	/** Positive whole number; a changed definition is a new version. */
	version: number;
	name: Localised;
	/** The recall period shown above the questions, e.g. "In de voorbije vier weken…". */
	instruction: Localised;
	scale: AnswerScale;
	scoring: ScoringRule;
	/** Thresholds not validated against an external norm: every screen that shows a band says so. */
	provisionalThresholds: boolean;
	/** Optional module a wave may include (the work factors: job demands and resources). */
	module?: InstrumentPart & { key: string; name: Localised };
}

export type Band = 'green' | 'orange' | 'red';

/** Answers by item id: a whole number within the scale, or absent when skipped. */
export type Answers = Record<string, number>;

export interface DimensionResult {
	dimension: string;
	/** 0-100, or null when too few items were answered. */
	score: number | null;
	band: Band | null;
	answered: number;
	items: number;
}
