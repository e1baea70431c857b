import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { discloseWithoutMinimum, suppressed, type Disclosed } from '../../domain/anonymity';
import { packCells, type DimensionFigure } from '../../domain/wave-results';
import { nl } from '../../i18n/nl';
import { fr } from '../../i18n/fr';
import { BAROMETER, dimensionsOf, shortNameOf } from '../../instruments';
import type { Heatmap, HeatmapRow } from './heatmap';
import { legendSteps } from '../../charts/heatmap-scale';
import { heatmapCsvOf, heatmapSvgOf } from './heatmap-export';

const figure = (share: number, n: number) =>
	discloseWithoutMinimum<DimensionFigure>(n, {
		mean: 40,
		green: 1 - share,
		orange: share / 2,
		red: share / 2
	});
const dimensions = dimensionsOf(BAROMETER, true)
	.filter((d) => ['stress', 'workload'].includes(d.id))
	.map((d) => ({
		id: d.id,
		name: d.name,
		shortName: shortNameOf(BAROMETER, d),
		riskWhen: d.bands.riskWhen,
		sensitive: d.sensitive,
		group: d.id === 'workload' ? ('work-factor' as const) : ('barometer' as const)
	}));
const row = (
	unitId: string,
	name: string,
	code: string,
	depth: number,
	cells: Disclosed<DimensionFigure>[]
): HeatmapRow => ({
	unitId,
	name,
	code,
	depth,
	respondents: cells[0]!.shown ? discloseWithoutMinimum(cells[0]!.n, { rate: 0.8 }) : suppressed('below-k'),
	cells: packCells(cells),
	previous: null,
	pooled: [],
	overfull: false
});
const map = (rows: HeatmapRow[]): Heatmap => ({
	waves: [],
	wave: { id: 'w', name: 'Voorjaar 2026', closesOn: '2026-05-01', k: 5, sensitiveK: 10 },
	previousWave: null,
	dimensions,
	organisation: row('', '', '', 0, [figure(0.3, 40), figure(0.62, 40)]),
	rows
});
const ROWS = [
	row('a', 'Zorg', 'Z', 0, [figure(0.3, 40), figure(0.62, 40)]),
	row('b', '=HYPERLINK("x")', 'Z-1', 1, [figure(0.424, 12), suppressed('secondary')]),
	row('c', 'Nacht', 'Z-2', 1, [suppressed('below-k'), suppressed('below-k')])
];
const parse = (csv: string) => {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	expect(csv).toContain('\r\n');
	return Papa.parse<string[]>(csv.slice(1).trimEnd(), { delimiter: ';' }).data;
};

describe('heatmapCsvOf', () => {
	it('has the figures of the screen, a suppressed figure empty with its reason, no formulas', () => {
		const { filename, csv } = heatmapCsvOf(map(ROWS), ['barometer', 'work-factor'], 'nl');
		expect(filename).toBe('thema-per-eenheid-voorjaar-2026.csv');
		const [header, ...lines] = parse(csv);
		expect(header).toEqual([
			'code',
			'eenheid',
			'niveau',
			'antwoorden',
			'respons (%)',
			'toelichting',
			'Stressklachten: % oranje of rood',
			'Stressklachten: toelichting',
			'Werkdruk: % oranje of rood',
			'Werkdruk: toelichting'
		]);
		// One top unit: it is the organisation, which gets no row of its own (as on screen).
		expect(lines).toEqual([
			['Z', 'Zorg', '0', '40', '80', '', '30', '', '62', ''],
			['Z-1', `'=HYPERLINK("x")`, '1', '12', '80', '', '42', '', '', nl['results.suppressed.secondary']],
			[
				'Z-2',
				'Nacht',
				'1',
				'',
				'',
				nl['results.suppressed.below-k'],
				'',
				nl['results.suppressed.below-k'],
				'',
				nl['results.suppressed.below-k']
			]
		]);
	});
	it('leaves out the hidden groups and speaks the reader’s language', () => {
		const { csv } = heatmapCsvOf(map(ROWS), ['work-factor'], 'fr');
		const [header, , , nacht] = parse(csv);
		expect(header!.slice(6)).toEqual([
			'Charge de travail : % orange ou rouge',
			'Charge de travail : remarque'
		]);
		expect(nacht!.slice(6)).toEqual(['', fr['results.suppressed.below-k']]);
	});
	it('gives the organisation a row when the view has no single top unit (a manager)', () => {
		const { csv } = heatmapCsvOf(map(ROWS.slice(1)), ['barometer'], 'nl');
		const [, organisation] = parse(csv);
		expect(organisation).toEqual(['', nl['results.organisation'], '', '40', '80', '', '30', '']);
	});
});

describe('heatmapSvgOf', () => {
	/** Each cell's text in row order: a whole percentage, or a dash where the gate hid it. */
	const cellTexts = (svg: string) =>
		[...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle"[^>]*>([^<]*)<\/text>/g)].map(
			(m) => m[1]
		);

	it('draws the figures of the screen, a dash for every hidden one, and escapes names', () => {
		const { filename, svg } = heatmapSvgOf(map(ROWS), ['barometer', 'work-factor'], 'nl');
		expect(filename).toBe('thema-per-eenheid-voorjaar-2026.svg');
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg.endsWith('</svg>')).toBe(true);
		expect(cellTexts(svg)).toEqual(['30', '62', '42', '—', '—', '—']);
		expect(svg).toContain('=HYPERLINK(&quot;x&quot;)');
		expect(svg).not.toContain('"x")');
		expect(svg).toContain('>Stress<');
		// One rectangle per cell beside the background and the key's colour steps, which it names.
		expect(svg.match(/<rect /g)).toHaveLength(1 + 3 * 2 + legendSteps('bands').length);
		expect(svg).toContain(nl['results.legendSuppressed']);
	});
	it('leaves out the hidden groups and adds the organisation row for a manager', () => {
		const { svg } = heatmapSvgOf(map(ROWS.slice(1)), ['work-factor'], 'fr');
		expect(svg).toContain(`>${fr['results.organisation']}<`);
		expect(cellTexts(svg)).toEqual(['62', '—', '—']);
		expect(svg).not.toContain('>Stress<');
	});
});
