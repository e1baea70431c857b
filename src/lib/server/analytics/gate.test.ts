import { ESLint, RuleTester } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { peopleTables } from '../../../../eslint/people-tables.js';

/**
 * The analytics gate is the only path from responses and signals to what people see. ESLint holds
 * the line (eslint.config.js, `npm run lint` on the whole tree): nothing but the gate and the
 * modules that write the data names the tables of answers and figures, src/lib/domain imports no
 * server code, and pages and components get figures only as the gate's output types. These tests
 * prove that the rules fire where they must and stay quiet where they may not.
 */
RuleTester.describe = describe;
// RuleTester checks each case with node:assert; running it inside expect makes that check the test's assertion.
RuleTester.it = (name: string, run: () => void) => it(name, () => expect(run).not.toThrow());

const ROOT = new URL('../../../../', import.meta.url).pathname;

describe('the people-tables rule', () => {
	new RuleTester({ languageOptions: { parser: ts.parser } }).run('people-tables', peopleTables, {
		valid: [
			"db.selectFrom('unit').selectAll()",
			"db.selectFrom('unit as u').innerJoin('wave', 'wave.id', 'u.id')",
			"db.insertInto('audit_log').values(row)",
			'sql`select count(*) from unit where response_rate > 0`',
			"const label = 'response'; other.selectFrom(table)",
			"sql.table('wave')",
			"db.schema.createTable('response_note')"
		],
		invalid: [
			...[
				"db.selectFrom('response').selectAll()",
				"trx.selectFrom('response as r').select('r.id')",
				"db.insertInto('response_sealed').values(row)",
				"db.updateTable('wave_unit_summary').set(row)",
				"db.deleteFrom('wave_summary_pack')",
				"db.selectFrom('unit').innerJoin('signal_month as m', 'm.unit_id', 'unit.id')",
				"db.selectFrom('unit').leftJoin('signal_figure', 'signal_figure.unit_id', 'unit.id')",
				"db.with('released', (qb) => qb.selectFrom('disclosure_release').selectAll())",
				"db.selectFrom(['unit', 'public.response'])",
				'db.selectFrom(`response`)',
				"sql.table('signal_month')",
				"sql.raw('select * from response')",
				'sql`select count(*) from response where wave_id = ${id}`',
				'sql<number>`delete from disclosure_release`'
			].map((code) => ({ code, errors: [{ messageId: 'named' as const }] })),
			{
				code: 'sql`select * from response r join signal_month m on ${x} = m.unit_id`',
				errors: [{ messageId: 'named' }]
			}
		]
	});
});

describe('eslint.config.js', () => {
	const eslint = new ESLint({ cwd: ROOT });
	const problems = async (code: string, path: string) => {
		const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
		return result!.messages.map((m) => m.ruleId);
	};
	const namesResponses = "export const count = (db) => db.selectFrom('response').selectAll().execute();\n";

	it.each([
		'src/lib/server/units/queries.ts',
		'src/lib/server/analytics/unit.ts',
		'src/routes/o/+page.server.ts'
	])('refuses the tables of answers and figures in %s', async (path) => {
		expect(await problems(namesResponses, path)).toContain('knipperlicht/people-tables');
	});

	it.each([
		'src/lib/server/analytics/summaries.ts',
		'src/lib/server/barometer/participation.ts',
		'migrations/2030-01-01-01-example.ts',
		'tests/helpers/example.ts',
		'bench/example.ts'
	])('lets %s name them', async (path) => {
		expect(await problems(namesResponses, path)).not.toContain('knipperlicht/people-tables');
	});

	it.each([
		["import { findUnits } from '$lib/server/units/queries';", 'findUnits'],
		["import type { Database } from '../server/db/schema';", 'null as unknown as Database'],
		["import { Kysely } from 'kysely';", 'Kysely'],
		["import pg from 'pg';", 'pg'],
		["import { error } from '@sveltejs/kit';", 'error'],
		["import { browser } from '$app/environment';", 'browser'],
		["import { readFileSync } from 'node:fs';", 'readFileSync'],
		["import { spawn } from 'node:child_process';", 'spawn'],
		["import { createServer } from 'node:net';", 'createServer']
	])('keeps src/lib/domain free of server code and I/O: %s', async (line, use) => {
		expect(await problems(`${line}\nexport const used = ${use};\n`, 'src/lib/domain/example.ts')).toEqual([
			'no-restricted-imports'
		]);
	});

	it('lets src/lib/domain import pure modules', async () => {
		const code =
			"import { planDisclosure } from './anonymity';\nimport Papa from 'papaparse';\nexport const used = [planDisclosure, Papa];\n";
		expect(await problems(code, 'src/lib/domain/example.ts')).toEqual([]);
	});

	it.each([
		[
			"import { planDisclosure } from '$lib/domain/anonymity';",
			'src/routes/o/[organisation]/results/+page.server.ts'
		],
		["import { findWaveSummaries } from '$lib/server/analytics/summaries';", 'src/routes/o/+page.server.ts'],
		["import { readSignals } from '$lib/server/signals/queries';", 'src/routes/o/+server.ts'],
		["import { rollUp } from '$lib/server/analytics/rollup';", 'src/routes/o/+page.server.ts'],
		["import { computeIndicators } from '$lib/domain/signals/indicators';", 'src/lib/charts/example.ts'],
		["import { heatmap } from '$lib/server/analytics/heatmap';", 'src/lib/components/example.ts']
	])('pages and components get figures only from the gate: %s in %s', async (line, path) => {
		const name = line.match(/\{ (\w+)/)![1];
		expect(await problems(`${line}\nexport const used = ${name};\n`, path)).toContain(
			'@typescript-eslint/no-restricted-imports'
		);
	});

	it.each([
		["import { heatmap } from '$lib/server/analytics/heatmap';", 'src/routes/o/+page.server.ts'],
		["import { attentionList } from '$lib/server/analytics/attention';", 'src/routes/o/+page.server.ts'],
		["import { heatmapCsv } from '$lib/server/analytics/heatmap-export';", 'src/routes/o/+server.ts'],
		["import { unitResults } from '$lib/server/analytics/unit';", 'src/routes/o/+page.server.ts'],
		["import type { Disclosed } from '$lib/domain/anonymity';", 'src/lib/charts/example.ts'],
		["import type { HeatmapRow } from '$lib/server/analytics/heatmap';", 'src/lib/components/example.ts']
	])('lets pages call the gate and components take its types: %s in %s', async (line, path) => {
		const name = line.match(/\{ (\w+)/)![1];
		const use = line.includes('import type') ? `export type Used = ${name};` : `export const used = ${name};`;
		expect(await problems(`${line}\n${use}\n`, path)).toEqual([]);
	});
});
