import { describe, expect, it } from 'vitest';
import { contrast, legendSteps, riskColour, RISK_SHARE_MAX, textColourOn } from './heatmap-scale';

describe('riskColour', () => {
	it('gets darker as the share at risk grows, and stops at the maximum', () => {
		const shares = [0, 0.1, 0.2, 0.3, 0.4, 0.5, RISK_SHARE_MAX];
		const dark = shares.map((s) => contrast(riskColour(s), '#ffffff'));
		for (let i = 1; i < dark.length; i++) expect(dark[i]).toBeGreaterThan(dark[i - 1]!);
		expect(riskColour(1)).toBe(riskColour(RISK_SHARE_MAX));
		expect(riskColour(-0.1)).toBe(riskColour(0));
	});
	it.each([0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.6, 0.9])(
		'text on a cell of share %s keeps a contrast of at least 4.5:1',
		(share) => {
			const background = riskColour(share);
			expect(contrast(background, textColourOn(background))).toBeGreaterThanOrEqual(4.5);
		}
	);
});

describe('legendSteps', () => {
	it('covers the scale from 0 in equal steps', () => {
		const steps = legendSteps(4);
		steps.forEach((s, i) => expect(s.from).toBeCloseTo(0.15 * i, 10));
		expect(new Set(steps.map((s) => s.colour)).size).toBe(4);
	});
});
