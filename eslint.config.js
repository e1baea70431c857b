import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import peopleTables from './eslint/people-tables.js';
import svelteConfig from './svelte.config.js';

/**
 * The modules that may name the tables of answers and figures: the writers, the summaries and the
 * release log the analytics gate reads through, and the tests, benchmarks, seed and migrations.
 * Everything else reaches them through the gate. (Table types in db/schema.ts are not names in a
 * query.)
 */
export const MAY_TOUCH_PEOPLE_TABLES = [
	'src/lib/server/barometer/participation.ts', // stores a response
	'src/lib/server/barometer/queries.ts', // counts responses for the participation band (waves.ts gates it)
	'src/lib/server/barometer/sealed.ts', // seals responses at rest
	'src/lib/server/signals/queries.ts', // stores figures
	'src/lib/server/analytics/summaries.ts', // summarises closed waves
	'src/lib/server/analytics/wave-store.ts', // keeps the planned results of closed waves
	'src/lib/server/analytics/releases.ts', // the release log
	'src/lib/server/action-plans/perception.ts', // perception answers, through the wave's released plan
	'migrations/**',
	'tests/**',
	'bench/**',
	'seed/**'
];

/** What src/lib/domain may not import: it is pure, with no I/O and no server code. */
const SERVER_CODE = [
	{
		group: ['$lib/server', '$lib/server/**', '**/server', '**/server/**'],
		message: 'src/lib/domain is pure: no server code.'
	},
	{
		group: ['$app/*', '@sveltejs/kit', '@sveltejs/kit/**'],
		message: 'src/lib/domain knows nothing of SvelteKit.'
	},
	{
		group: ['kysely', 'kysely/**', 'pg', 'pg-*', '@electric-sql/**'],
		message: 'src/lib/domain does no database work.'
	},
	{
		group: [
			'node:fs',
			'node:fs/**',
			'fs',
			'fs/**',
			'node:net',
			'net',
			'node:http',
			'node:https',
			'http',
			'https',
			'node:http2',
			'node:dgram',
			'node:dns',
			'node:tls',
			'node:child_process',
			'child_process',
			'node:cluster',
			'node:worker_threads',
			'node:os',
			'node:process',
			'node:readline',
			'node:sqlite'
		],
		message: 'src/lib/domain does no I/O.'
	}
];

/** Modules that compute figures from raw data: pages and components get figures only from the gate. */
const RAW_FIGURES = [
	{
		group: [
			'**/analytics/summaries',
			'**/signals/queries',
			'**/barometer/queries',
			'**/domain/wave-results',
			'**/domain/signals/indicators',
			'**/domain/anonymity'
		],
		allowTypeImports: true,
		message: 'Pages and components get figures only from the analytics gate (their types are fine).'
	}
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links in this app are plain paths; there is no base path to resolve.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		plugins: { knipperlicht: peopleTables },
		rules: { 'knipperlicht/people-tables': 'error' }
	},
	{
		files: MAY_TOUCH_PEOPLE_TABLES,
		rules: { 'knipperlicht/people-tables': 'off' }
	},
	{
		files: ['src/lib/domain/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: SERVER_CODE }] }
	},
	{
		files: ['src/routes/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						...RAW_FIGURES,
						{
							group: [
								'$lib/server/analytics/*',
								'!$lib/server/analytics/heatmap',
								// The heatmap's CSV: reads only through heatmap() above.
								'!$lib/server/analytics/heatmap-export',
								// The signals view's CSV: reads only through signalsOverview() of the unit page's module.
								'!$lib/server/analytics/signals-export',
								'!$lib/server/analytics/attention',
								'!$lib/server/analytics/unit',
								// The overview: assembled only from the three above.
								'!$lib/server/analytics/overview'
							],
							message:
								'Routes reach analytics only through the gate: the heatmap (and its CSV), the attention list, the unit page and the overview made of them.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/components/**', 'src/lib/charts/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						...RAW_FIGURES,
						{
							group: ['$lib/server/**', '**/server/**'],
							allowTypeImports: true,
							message: 'Components import server modules for their types only.'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.test-build/',
			'.test-build-*/',
			'.bench-build/',
			'.bench-build-*/',
			'.data/',
			'node_modules/',
			'bench/results/'
		]
	}
);
