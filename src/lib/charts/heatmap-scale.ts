import { scaleSequential } from 'd3-scale';
import { interpolateYlOrRd } from 'd3-scale-chromatic';

/**
 * Colours of the results heatmap: the share of people in orange or red on a dimension, from pale
 * yellow (none) to dark red (RISK_SHARE_MAX or more). The text colour keeps a contrast of at least
 * 4.5:1 against the cell (WCAG 2.1 AA).
 */
export const RISK_SHARE_MAX = 0.6;

const scale = scaleSequential(interpolateYlOrRd).domain([0, RISK_SHARE_MAX]).clamp(true);

export function riskColour(share: number): string {
	return scale(share);
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

/** The legend: a few steps of the scale with their lower bound. */
export function legendSteps(count = 4): Array<{ from: number; colour: string }> {
	return Array.from({ length: count }, (_, i) => {
		const from = (RISK_SHARE_MAX * i) / count;
		return { from, colour: riskColour(from + RISK_SHARE_MAX / count / 2) };
	});
}
