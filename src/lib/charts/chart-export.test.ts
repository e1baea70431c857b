import { describe, expect, it } from 'vitest';
import { fileSlug } from '../domain/file-name';
import { headerMarkup, wrapWords, type KeyItem } from './chart-export';

const line = (label: string, dash?: string): KeyItem => ({ label, style: { colour: '#1d4ed8', dash } });

/** The x and y of every key label in the header's markup. */
const labels = (markup: string) =>
	[...markup.matchAll(/<text x="([\d.]+)" y="(\d+)" font-size="10"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
		x: Number(m[1]),
		y: Number(m[2]),
		text: m[3]
	}));

describe('headerMarkup', () => {
	it.each([
		{ width: 1000, key: [line('Deze eenheid'), line('Organisatie', '4 3')], lines: 1 },
		{ width: 200, key: [line('Deze eenheid'), line('Organisatie', '4 3')], lines: 2 },
		{ width: 120, key: [line('a'), line('b'), line('c'), line('d'), line('e')], lines: 3 },
		{
			width: 300,
			key: [line('Voortschrijdend jaar'), line('De maand zelf'), line('België (privésector)')],
			lines: 2
		}
	])('wraps a key of $key.length entries into $lines line(s) at width $width', ({ width, key, lines }) => {
		const { markup, height } = headerMarkup('Titel', key, width);
		const placed = labels(markup);
		expect(placed.map((p) => p.text)).toEqual(key.map((k) => k.label));
		expect(new Set(placed.map((p) => p.y)).size).toBe(lines);
		// Every entry starts inside the width and the header is tall enough for its last line.
		for (const p of placed) expect(p.x).toBeLessThan(width);
		expect(height).toBeGreaterThan(Math.max(...placed.map((p) => p.y)));
	});

	it('draws a dashed series dashed and a mark as a dot, and escapes every text', () => {
		const { markup } = headerMarkup(
			'A <b> & "c"',
			[line('x & y', '4 3'), { label: 'Maand', dot: '#b2182b' }],
			400
		);
		expect(markup).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
		expect(markup).toContain('x &amp; y');
		expect(markup).toContain('stroke-dasharray="4 3"');
		expect(markup).toMatch(/<circle [^>]*fill="#b2182b"/);
		expect(markup).not.toContain('<b>');
	});

	it('wraps a long title and puts the key under its last line', () => {
		const { markup, height } = headerMarkup(
			'Zorggroep Zonnedael · Kort verzuim (tot 1 maand)',
			[line('x')],
			160
		);
		const titles = [...markup.matchAll(/<text x="0" y="(\d+)" font-size="13"/g)].map((m) => Number(m[1]));
		expect(titles.length).toBeGreaterThan(1);
		expect(labels(markup)[0]!.y).toBeGreaterThan(Math.max(...titles));
		expect(height).toBeGreaterThan(labels(markup)[0]!.y);
	});

	it('is only the title without a key', () => {
		const { markup, height } = headerMarkup('Titel', [], 300);
		expect(labels(markup)).toEqual([]);
		expect(height).toBe(24);
	});
});

describe('wrapWords', () => {
	it.each([
		[
			'Zorggroep Zonnedael · Kort verzuim (tot 1 maand)',
			20,
			['Zorggroep Zonnedael', '· Kort verzuim (tot', '1 maand)']
		],
		['kort', 20, ['kort']],
		['een onbreekbaarwoordvanlengte', 10, ['een', 'onbreekbaarwoordvanlengte']],
		['', 10, ['']]
	])('%j at %i characters', (text, max, lines) => {
		expect(wrapWords(text, max)).toEqual(lines);
		for (const line of wrapWords(text, max))
			if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(max);
	});
	it('keeps every word, in order', () => {
		const text = 'Nieuwe arbeidsongeschiktheid van meer dan 4 weken · Woonzorgcentrum De Linde';
		for (const max of [5, 12, 30, 100]) expect(wrapWords(text, max).join(' ')).toBe(text);
	});
});

describe('fileSlug', () => {
	it.each([
		['Zorggroep Zonnedael · Ziekteverzuim', 'zorggroep-zonnedael-ziekteverzuim'],
		['Énergie & équipe', 'energie-equipe'],
		['  --  ', 'export'],
		['=HYPERLINK("x")', 'hyperlink-x'],
		['a'.repeat(80), 'a'.repeat(60)]
	])('%j → %s', (title, slug) => {
		expect(fileSlug(title)).toBe(slug);
	});
	it('takes its fallback for a title without letters or digits', () => {
		expect(fileSlug('…', 'wave')).toBe('wave');
	});
});
