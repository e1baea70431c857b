import { describe, expect, it } from 'vitest';
import {
	cellColour,
	contrast,
	differenceColour,
	differenceOf,
	legendSteps,
	percentOf,
	riskColour,
	textColourOn,
	type Colouring
} from './heatmap-scale';

describe('riskColour', () => {
	it('gets darker step by step as the share at risk grows, darkest from 80%', () => {
		const shares = [0, 0.2, 0.4, 0.6, 0.8];
		const dark = shares.map((s) => contrast(riskColour(s), '#ffffff'));
		for (let i = 1; i < dark.length; i++) expect(dark[i]).toBeGreaterThan(dark[i - 1]!);
		expect(riskColour(1)).toBe(riskColour(0.8));
		expect(riskColour(0.95)).toBe(riskColour(0.8));
	});
	it.each([
		// share, same colour as
		[0.194, 0],
		[0.196, 0.2], // shown as 20: the colour of 20
		[0.59, 0.4],
		[0.795, 0.8]
	])('colours %s as the whole percent the cell shows (like %s)', (share, like) => {
		expect(riskColour(share)).toBe(riskColour(like));
	});
	it.each([0, 0.1, 0.25, 0.45, 0.65, 0.85, 1])(
		'text on a cell of share %s keeps a contrast of 4.5:1',
		(share) => {
			const background = riskColour(share);
			expect(contrast(background, textColourOn(background))).toBeGreaterThanOrEqual(4.5);
		}
	);
});

describe('differenceOf and differenceColour', () => {
	it.each([
		// share, reference, points: the difference of the percentages on screen
		[0.42, 0.37, 5],
		[0.424, 0.376, 4],
		[0.3, 0.45, -15],
		[0.5, null, null]
	])('%s against %s is %s points', (share, reference, points) => {
		expect(differenceOf(share, reference)).toBe(points);
	});
	it('is neutral within 4 points, symmetric, and strongest from 15', () => {
		expect(differenceColour(4)).toBe(differenceColour(0));
		expect(differenceColour(-4)).toBe(differenceColour(0));
		expect(differenceColour(5)).not.toBe(differenceColour(4));
		expect(differenceColour(-5)).not.toBe(differenceColour(-4));
		expect(differenceColour(15)).not.toBe(differenceColour(14));
		expect(differenceColour(-15)).not.toBe(differenceColour(-14));
		expect(differenceColour(60)).toBe(differenceColour(15));
		// worse and better are told apart by lightness too, not by hue alone
		expect(contrast(differenceColour(20), '#ffffff')).toBeGreaterThan(
			contrast(differenceColour(5), '#ffffff')
		);
		expect(contrast(differenceColour(-20), '#ffffff')).toBeGreaterThan(
			contrast(differenceColour(-5), '#ffffff')
		);
	});
	it.each([-30, -10, 0, 10, 30])('text on a difference of %s keeps a contrast of 4.5:1', (points) => {
		const background = differenceColour(points);
		expect(contrast(background, textColourOn(background))).toBeGreaterThanOrEqual(4.5);
	});
});

describe('cellColour', () => {
	it.each<[Colouring, number, number | null, string | null]>([
		['bands', 0.5, null, riskColour(0.5)],
		['bands', 0.5, 0.1, riskColour(0.5)],
		['organisation', 0.5, 0.3, differenceColour(20)],
		['change', 0.3, 0.5, differenceColour(-20)],
		['change', 0.3, null, null],
		['organisation', 0.3, null, null]
	])('%s of %s against %s', (colouring, share, reference, colour) => {
		expect(cellColour(colouring, share, reference)).toBe(colour);
	});
});

describe('legendSteps', () => {
	it.each<[Colouring, Array<[number | null, number | null]>]>([
		[
			'bands',
			[
				[0, 19],
				[20, 39],
				[40, 59],
				[60, 79],
				[80, 100]
			]
		],
		[
			'organisation',
			[
				[null, -15],
				[-14, -5],
				[-4, 4],
				[5, 14],
				[15, null]
			]
		]
	])('%s covers every whole number once, each step in its own colour', (colouring, ranges) => {
		const steps = legendSteps(colouring);
		expect(steps.map((s) => [s.from, s.to])).toEqual(ranges);
		expect(new Set(steps.map((s) => s.colour)).size).toBe(steps.length);
		for (const step of steps) {
			const inside = step.from ?? step.to!;
			const colour = colouring === 'bands' ? riskColour(inside / 100) : differenceColour(inside);
			expect(colour).toBe(step.colour);
		}
	});
	it('change uses the legend of differences', () => {
		expect(legendSteps('change')).toEqual(legendSteps('organisation'));
	});
	it('percentOf rounds to whole percent', () => {
		expect([0.005, 0.424, 0.999].map(percentOf)).toEqual([1, 42, 100]);
	});
});
