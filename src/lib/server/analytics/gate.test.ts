import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The analytics gate is the only path from responses and signals to what people see. These tests
 * read the sources: nothing but the gate and the modules that write the data touches the tables
 * of answers and figures, and pages and components get figures only as the gate's output types.
 */
const SRC = new URL('../../../', import.meta.url).pathname;

function filesUnder(dir: string, pattern: RegExp): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
		else if (pattern.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
	}
	return out;
}

const rel = (path: string) => relative(SRC, path);
const source = (path: string) => readFileSync(path, 'utf8');

/** Tables holding answers or figures about people, and the only modules allowed to name them. */
const PEOPLE_TABLES = /\b(response|wave_unit_summary|wave_summary_pack|signal_month|signal_figure)\b['"`\s]/;
const MAY_TOUCH_PEOPLE_TABLES = new Set([
	'lib/server/db/schema.ts', // the table types
	'lib/server/barometer/participation.ts', // stores a response
	'lib/server/barometer/queries.ts', // counts responses for the participation band (waves.ts gates it)
	'lib/server/signals/queries.ts', // stores figures
	'lib/server/analytics/summaries.ts', // summarises closed waves
	'lib/server/analytics/service.ts' // the gate
]);

/** Modules that compute figures from raw data: only the gate may use them (their types are harmless). */
const RAW_FIGURE_MODULES = [
	/\/analytics\/summaries['"]/,
	/\/signals\/queries['"]/,
	/\/barometer\/queries['"]/,
	/\/domain\/wave-results['"]/,
	/\/domain\/signals\/indicators['"]/,
	/\/domain\/anonymity['"]/
];

describe('the analytics gate', () => {
	const server = filesUnder(join(SRC, 'lib/server'), /\.ts$/);
	const ui = [
		...filesUnder(join(SRC, 'routes'), /\.(ts|svelte)$/),
		...filesUnder(join(SRC, 'lib/components'), /\.svelte$/),
		...filesUnder(join(SRC, 'lib/charts'), /\.(ts|svelte)$/)
	];

	it('finds the sources it checks', () => {
		expect(server.length).toBeGreaterThan(20);
		expect(ui.length).toBeGreaterThan(30);
	});

	it('is the only reader of the tables of answers and figures', () => {
		const touching = [...server, ...ui]
			.filter((f) => PEOPLE_TABLES.test(source(f).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
			.map(rel);
		expect(touching.filter((f) => !MAY_TOUCH_PEOPLE_TABLES.has(f))).toEqual([]);
	});

	it('pages, endpoints and components never import what computes figures from raw data', () => {
		const offending = ui.flatMap((f) => {
			const imports = [...source(f).matchAll(/^\s*import\s[^;]*?from\s+(['"][^'"]+['"])/gm)].map((m) => m[0]);
			return imports
				.filter((line) => !/^\s*import\s+type\b/.test(line))
				.filter((line) => RAW_FIGURE_MODULES.some((re) => re.test(line)))
				.map((line) => `${rel(f)}: ${line.trim()}`);
		});
		expect(offending).toEqual([]);
	});

	it('components and charts import the analytics service for its types only', () => {
		const components = ui.filter((f) => !rel(f).startsWith('routes/'));
		const valueImports = components.flatMap((f) =>
			[...source(f).matchAll(/^\s*import\s+(?!type\b)[^;]*from\s+['"]\$lib\/server\/[^'"]+['"]/gm)].map(
				(m) => `${rel(f)}: ${m[0].trim()}`
			)
		);
		expect(valueImports).toEqual([]);
	});

	it('routes reach analytics only through the gate: the service and the unit page', () => {
		const analytics = ui
			.filter((f) => /\$lib\/server\/analytics\//.test(source(f)))
			.flatMap((f) =>
				[...source(f).matchAll(/from\s+['"](\$lib\/server\/analytics\/[^'"]+)['"]/g)].map((m) => m[1])
			);
		expect(analytics.length).toBeGreaterThan(0);
		expect(new Set(analytics)).toEqual(
			new Set(['$lib/server/analytics/service', '$lib/server/analytics/unit'])
		);
	});
});
