import type { Kysely } from 'kysely';
import { showsOrganisationRow, type DimensionGroup } from '../../charts/heatmap-view';
import type { Disclosed } from '../../domain/anonymity';
import { spreadsheetCsv } from '../../domain/csv-export';
import { translate, type Locale } from '../../i18n';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { heatmap, type Heatmap, type HeatmapRow } from './heatmap';
import type { DimensionFigure } from './wave-results';

/**
 * The results heatmap as CSV for a spreadsheet (csv-export.ts: `;`, BOM, CRLF, no formulas), in
 * the reader's language. The same figures as the screen, from the same service and so the same
 * access rule (a manager gets their subtree): every unit in tree order with its level, the
 * respondents and response rate, and per dimension of the shown groups the share in orange or red
 * in whole percent, as the cells show it. A suppressed figure is an empty cell with its reason in
 * the note column beside it, never a number.
 */
export async function heatmapCsv(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { waveId: string | null; groups: readonly DimensionGroup[] },
	locale: Locale
): Promise<{ filename: string; csv: string }> {
	const map = await heatmap(db, actor, organisationId, { waveId: options.waveId });
	return heatmapCsvOf(map, options.groups, locale);
}

/** The CSV of a heatmap already read through the gate. */
export function heatmapCsvOf(
	map: Heatmap,
	groups: readonly DimensionGroup[],
	locale: Locale
): { filename: string; csv: string } {
	const tr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
		translate(locale, key, params);
	const columns = map.dimensions
		.map((dimension, index) => ({ dimension, index }))
		.filter((c) => groups.includes(c.dimension.group));
	const header = [
		tr('results.csv.code'),
		tr('results.csv.unit'),
		tr('results.csv.level'),
		tr('results.csv.respondents'),
		tr('results.csv.rate'),
		tr('results.csv.note'),
		...columns.flatMap(({ dimension }) => [
			tr('results.csv.share', { dimension: dimension.name[locale] }),
			tr('results.csv.dimensionNote', { dimension: dimension.name[locale] })
		])
	];
	const figure = <T>(
		cell: Disclosed<T> | undefined,
		value: (shown: T, n: number) => string
	): [string, string] =>
		!cell
			? ['', tr('results.suppressed.no-data')]
			: cell.shown
				? [value(cell.value, cell.n), '']
				: ['', tr(`results.suppressed.${cell.reason}`)];
	const share = (f: DimensionFigure) => String(Math.round((f.orange + f.red) * 100));
	const line = (r: HeatmapRow, name: string, code: string, level: string): string[] => {
		const [respondents, note] = figure(r.respondents, (_, n) => String(n));
		const rate =
			r.respondents.shown && r.respondents.value.rate !== null
				? String(Math.round(r.respondents.value.rate * 100))
				: '';
		return [
			code,
			name,
			level,
			respondents,
			rate,
			note,
			...columns.flatMap(({ index }) => figure(r.cells[index], share))
		];
	};
	const rows: string[][] = [];
	if (map.organisation && showsOrganisationRow(map.rows))
		rows.push(line(map.organisation, tr('results.organisation'), '', ''));
	for (const r of map.rows) rows.push(line(r, r.name, r.code, String(r.depth)));
	const wave = map.wave ? `-${slug(map.wave.name)}` : '';
	return { filename: `${tr('results.csv.filename')}${wave}.csv`, csv: spreadsheetCsv(header, rows) };
}

/** A wave's name as a file name part: letters, digits and hyphens. */
function slug(name: string): string {
	return (
		name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'wave'
	);
}
