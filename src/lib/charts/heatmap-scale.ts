import { scaleThreshold } from 'd3-scale';

/**
 * Colours of the results heatmap, one scale per colouring. Each is a D3 threshold scale over a few
 * steps, so a cell's colour says which step it is in and the number in the cell says the rest:
 * the bands never rely on colour alone. The palettes are ColorBrewer's colour-blind-safe ones
 * (YlOrBr for the share at risk, PuOr for differences): lightness grows with the risk, so the
 * worst cells stay the darkest in grey print and for every kind of colour blindness. Text on a
 * cell keeps a contrast of at least 4.5:1 (WCAG 2.1 AA).
 */
export const COLOURINGS = ['bands', 'organisation', 'change'] as const;
export type Colouring = (typeof COLOURINGS)[number];

/** A share (0-1) as the whole percentage a cell shows. */
export const percentOf = (share: number) => Math.round(share * 100);

/** Share in orange or red, in whole percent: pale below 20, darkest from 80. */
const SHARE_STEPS = [20, 40, 60, 80];
const SHARE_COLOURS = ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404'];

/**
 * A difference of shown percentages in points (a unit against the organisation, or a wave against
 * the one before): within 4 points counts as the same, from 15 a strong colour. Orange is worse
 * (more people in orange or red), purple better. The thresholds sit between whole numbers, so
 * +5 and -5 are told apart alike.
 */
const DIFFERENCE_STEPS = [-14.5, -4.5, 4.5, 14.5];
const DIFFERENCE_COLOURS = ['#5e3c99', '#b2abd2', '#f7f7f7', '#fdb863', '#e66101'];

const shareScale = scaleThreshold<number, string>().domain(SHARE_STEPS).range(SHARE_COLOURS);
const differenceScale = scaleThreshold<number, string>().domain(DIFFERENCE_STEPS).range(DIFFERENCE_COLOURS);

/** The colour of a share in orange or red (0-1), as rounded for the cell. */
export function riskColour(share: number): string {
	return shareScale(percentOf(share));
}

/** The colour of a difference in whole percentage points. */
export function differenceColour(points: number): string {
	return differenceScale(points);
}

/**
 * The difference a cell shows beside its share, in whole points: its shown percentage minus the
 * reference's (the organisation's, or the previous wave's), so the numbers on screen add up.
 * Null without a reference.
 */
export function differenceOf(share: number, reference: number | null): number | null {
	return reference === null ? null : percentOf(share) - percentOf(reference);
}

/** The colour of a cell; null when there is nothing to compare with (the cell stays uncoloured). */
export function cellColour(colouring: Colouring, share: number, reference: number | null): string | null {
	if (colouring === 'bands') return riskColour(share);
	const points = differenceOf(share, reference);
	return points === null ? null : differenceColour(points);
}

function luminance(colour: string): number {
	const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour) ?? /^#(..)(..)(..)$/.exec(colour);
	if (!m) return 1;
	const channels = m.slice(1, 4).map((c) => (colour.startsWith('#') ? parseInt(c, 16) : Number(c)) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
		number,
		number,
		number
	];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
	return (x + 0.05) / (y + 0.05);
}

/** Black or white text, whichever contrasts more with the cell. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
	return contrast(background, '#000000') >= contrast(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** One step of a legend: its colour and the whole numbers it covers (null: open-ended). */
export interface LegendStep {
	colour: string;
	from: number | null;
	to: number | null;
}

/** The legend of a colouring, from the lowest step to the highest: percent, or points of difference. */
export function legendSteps(colouring: Colouring): LegendStep[] {
	const [steps, colours, lowest, highest] =
		colouring === 'bands'
			? [SHARE_STEPS, SHARE_COLOURS, 0, 100]
			: [DIFFERENCE_STEPS, DIFFERENCE_COLOURS, null, null];
	return colours.map((colour, i) => ({
		colour,
		from: i === 0 ? lowest : Math.ceil(steps[i - 1]!),
		to: i === steps.length ? highest : Math.ceil(steps[i]!) - 1
	}));
}
