/**
 * Exports of what a page shows, made in the browser from the page itself so that a file can never
 * hold a figure the screen does not: a chart's SVG as a standalone file with its title and key
 * drawn in, and the same image as PNG at twice its size (a table's cells as CSV are in
 * table-csv.ts, loaded only when asked for, as it brings the CSV writer). The pure parts (file names, the header of an image) are tested
 * on their own; the DOM parts run in the browser tests.
 */
import type { SeriesStyle } from './signal-trend';

/** An entry of a chart's key (ChartKey.svelte): a series drawn in its style, or a kind of mark. */
export type KeyItem = { label: string; style: SeriesStyle } | { label: string; dot: string };

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

/** Room around an exported chart, in SVG units. */
export const PADDING = 10;

/** Width of a key entry: its sample and its label at 10 px (a generous 6.2 units a character). */
const entryWidth = (item: KeyItem) => 22 + item.label.length * 6.2 + 14;

/**
 * The header drawn above an exported chart: the title, then the key as a short line sample per
 * series (solid, dashed or dotted as in the chart) or a dot per kind of mark, with its name,
 * wrapped onto as many lines as the chart's width needs. Returns the markup and its height.
 */
export function headerMarkup(
	title: string,
	key: readonly KeyItem[],
	width: number
): { markup: string; height: number } {
	const titleLines = wrapWords(title, Math.max(12, Math.floor(width / 8.4)));
	const parts = titleLines.map(
		(text, i) =>
			`<text x="0" y="${14 + i * 17}" font-size="13" font-weight="600" fill="#1c1917">${escapeXml(text)}</text>`
	);
	let x = 0;
	let y = 36 + (titleLines.length - 1) * 17;
	for (const item of key) {
		if (x > 0 && x + entryWidth(item) > width) {
			x = 0;
			y += 16;
		}
		parts.push(
			'dot' in item
				? `<circle cx="${x + 9}" cy="${y - 3}" r="4" fill="${escapeXml(item.dot)}"/>`
				: `<line x1="${x}" x2="${x + 18}" y1="${y - 3}" y2="${y - 3}" stroke="${escapeXml(item.style.colour)}" stroke-width="${Math.max(2, item.style.width ?? 2)}"${
						item.style.dash ? ` stroke-dasharray="${escapeXml(item.style.dash)}"` : ''
					}/>`,
			`<text x="${x + 22}" y="${y}" font-size="10" fill="#1c1917">${escapeXml(item.label)}</text>`
		);
		x += entryWidth(item);
	}
	return { markup: parts.join(''), height: key.length ? y + 10 : 24 + (titleLines.length - 1) * 17 };
}

/** Words joined into lines of at most `max` characters (a longer word keeps a line of its own). */
export function wrapWords(text: string, max: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= max)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines.length ? lines : [''];
}

/** The style properties an exported SVG carries inline, as the page's stylesheet drew them. */
const INLINE = [
	'fill',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'font-size',
	'font-weight',
	'font-family',
	'text-anchor',
	'dominant-baseline'
] as const;

/**
 * A chart's SVG as a standalone file: the page's styles written onto each element (the file has
 * no stylesheet), a white background, and the title and key above the chart.
 */
export function svgFile(
	svg: SVGSVGElement,
	title: string,
	key: readonly KeyItem[]
): { markup: string; width: number; height: number } {
	const box = svg.viewBox.baseVal;
	const width = box && box.width ? box.width : svg.clientWidth;
	const chartHeight = box && box.height ? box.height : svg.clientHeight;
	const header = headerMarkup(title, key, width);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	originals.forEach((element, i) => {
		const style = getComputedStyle(element);
		const copy = copies[i] as SVGElement;
		for (const property of INLINE) {
			const value = style.getPropertyValue(property);
			if (value) copy.style.setProperty(property, value);
		}
		copy.removeAttribute('class');
	});
	const inner = clone.innerHTML;
	const outerWidth = width + 2 * PADDING;
	const height = chartHeight + header.height + 2 * PADDING;
	const markup =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${outerWidth}" height="${height}" viewBox="0 0 ${outerWidth} ${height}" font-family="system-ui, sans-serif">` +
		`<title>${escapeXml(title)}</title>` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		`<g transform="translate(${PADDING} ${PADDING})">${header.markup}</g>` +
		`<g transform="translate(${PADDING} ${PADDING + header.height})">${inner}</g></svg>`;
	return { markup, width: outerWidth, height };
}

/** A PNG of an SVG file, drawn at `scale` times its size on a white ground. */
export async function pngOf(
	file: { markup: string; width: number; height: number },
	scale = 2
): Promise<Blob> {
	const image = new Image();
	const loaded = new Promise<void>((resolve, reject) => {
		image.onload = () => resolve();
		image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
	});
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.markup)}`;
	await loaded;
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(file.width * scale);
	canvas.height = Math.round(file.height * scale);
	const context = canvas.getContext('2d')!;
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('No PNG'))), 'image/png')
	);
}

/** Offers a file to the user as a download. */
export function download(body: Blob | string, filename: string, type: string): void {
	const blob = typeof body === 'string' ? new Blob([body], { type }) : body;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
