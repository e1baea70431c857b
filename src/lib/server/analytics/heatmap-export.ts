import type { Kysely } from 'kysely';
import { showsOrganisationRow, type DimensionGroup } from '../../charts/heatmap-view';
import type { Disclosed } from '../../domain/anonymity';
import { legendSteps, percentOf, riskColour, textColourOn } from '../../charts/heatmap-scale';
import { spreadsheetCsv } from '../../domain/csv-export';
import { fileSlug } from '../../domain/file-name';
import { translate, type Locale } from '../../i18n';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { heatmap, type Heatmap, type HeatmapRow } from './heatmap';
import { cellAt } from '../../domain/cells';
import type { DimensionFigure } from '../../domain/wave-results';

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
			...columns.flatMap(({ index }) => figure(cellAt(r.cells, index), share))
		];
	};
	const rows: string[][] = [];
	if (map.organisation && showsOrganisationRow(map.rows))
		rows.push(line(map.organisation, tr('results.organisation'), '', ''));
	for (const r of map.rows) rows.push(line(r, r.name, r.code, String(r.depth)));
	const wave = map.wave ? `-${fileSlug(map.wave.name, 'wave')}` : '';
	return { filename: `${tr('results.csv.filename')}${wave}.csv`, csv: spreadsheetCsv(header, rows) };
}

/**
 * The results heatmap as a standalone SVG image for slides and reports: the same rows and shown
 * groups as the CSV, each cell in the band colouring with its whole percentage written in it (so
 * the image reads in grey too), a suppressed cell pale grey with a dash, never a number. Units are
 * indented by level; columns carry the themes' short names, turned upright.
 */
export async function heatmapSvg(
	db: Kysely<Database>,
	actor: Actor | null,
	organisationId: string,
	options: { waveId: string | null; groups: readonly DimensionGroup[] },
	locale: Locale
): Promise<{ filename: string; svg: string }> {
	const map = await heatmap(db, actor, organisationId, { waveId: options.waveId });
	return heatmapSvgOf(map, options.groups, locale);
}

const CELL = { width: 40, height: 20 };
const NAME_WIDTH = 260;
const HEADER_HEIGHT = 150;
const TITLE_HEIGHT = 28;
/** Room on the right for the last column's upright label, and below for the key. */
const RIGHT = 90;
const KEY_HEIGHT = 40;

const xml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

/** The SVG of a heatmap already read through the gate. */
export function heatmapSvgOf(
	map: Heatmap,
	groups: readonly DimensionGroup[],
	locale: Locale
): { filename: string; svg: string } {
	const columns = map.dimensions
		.map((dimension, index) => ({ dimension, index }))
		.filter((c) => groups.includes(c.dimension.group));
	const rows: Array<{ row: HeatmapRow; name: string; depth: number; organisation: boolean }> = [];
	if (map.organisation && showsOrganisationRow(map.rows))
		rows.push({
			row: map.organisation,
			name: translate(locale, 'results.organisation'),
			depth: 0,
			organisation: true
		});
	for (const r of map.rows) rows.push({ row: r, name: r.name, depth: r.depth, organisation: false });
	const top = TITLE_HEIGHT + HEADER_HEIGHT;
	const width = Math.max(NAME_WIDTH + columns.length * CELL.width + RIGHT, 640);
	const bottom = top + rows.length * CELL.height;
	const height = bottom + KEY_HEIGHT;
	const title = map.wave
		? `${translate(locale, 'results.heatmapTitle')} · ${map.wave.name}`
		: translate(locale, 'results.heatmapTitle');
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
		`<title>${xml(title)}</title>`,
		`<rect width="100%" height="100%" fill="#ffffff"/>`,
		`<text x="4" y="18" font-size="14" font-weight="600" fill="#1c1917">${xml(title)}</text>`
	];
	columns.forEach(({ dimension }, c) => {
		const x = NAME_WIDTH + c * CELL.width + CELL.width / 2 + 4;
		parts.push(
			`<text transform="translate(${x} ${top - 6}) rotate(-60)" fill="#1c1917">${xml(dimension.shortName[locale])}</text>`
		);
	});
	rows.forEach(({ row, name, depth, organisation }, r) => {
		const y = top + r * CELL.height;
		const label = name.length > 38 ? `${name.slice(0, 37)}…` : name;
		parts.push(
			`<text x="${4 + Math.min(depth, 6) * 10}" y="${y + CELL.height / 2}" dominant-baseline="middle" fill="#1c1917"${
				organisation ? ' font-weight="600"' : ''
			}>${xml(label)}</text>`
		);
		columns.forEach(({ index }, c) => {
			const x = NAME_WIDTH + c * CELL.width;
			const cell = cellAt(row.cells, index);
			if (cell.shown) {
				const share = cell.value.orange + cell.value.red;
				const fill = riskColour(share);
				parts.push(
					`<rect x="${x}" y="${y}" width="${CELL.width}" height="${CELL.height}" fill="${fill}" stroke="#ffffff"/>`,
					`<text x="${x + CELL.width / 2}" y="${y + CELL.height / 2}" text-anchor="middle" dominant-baseline="middle" fill="${textColourOn(fill)}">${percentOf(share)}</text>`
				);
			} else {
				parts.push(
					`<rect x="${x}" y="${y}" width="${CELL.width}" height="${CELL.height}" fill="#f5f5f4" stroke="#ffffff"/>`,
					`<text x="${x + CELL.width / 2}" y="${y + CELL.height / 2}" text-anchor="middle" dominant-baseline="middle" fill="#57534e">—</text>`
				);
			}
		});
	});
	// The key: each colour step with the percentages it covers, and the dash of a hidden figure.
	const keyY = bottom + 24;
	const range = (from: number | null, to: number | null) =>
		translate(locale, 'results.legendRange', { from: String(from ?? 0), to: String(to ?? 100) });
	parts.push(
		`<text x="4" y="${keyY}" dominant-baseline="middle" fill="#1c1917">${xml(translate(locale, 'results.legend'))}</text>`
	);
	let x = 190;
	for (const step of legendSteps('bands')) {
		parts.push(
			`<rect x="${x}" y="${keyY - 8}" width="16" height="16" fill="${step.colour}" stroke="#a8a29e"/>`,
			`<text x="${x + 21}" y="${keyY}" dominant-baseline="middle" fill="#1c1917">${xml(range(step.from, step.to))}</text>`
		);
		x += 86;
	}
	parts.push(
		`<text x="${x}" y="${keyY}" dominant-baseline="middle" fill="#1c1917">— ${xml(translate(locale, 'results.legendSuppressed'))}</text>`,
		'</svg>'
	);
	const wave = map.wave ? `-${fileSlug(map.wave.name, 'wave')}` : '';
	return { filename: `${translate(locale, 'results.csv.filename')}${wave}.svg`, svg: parts.join('') };
}
