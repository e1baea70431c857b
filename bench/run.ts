// `npm run bench [-- prefix]`: runs every bench/*.bench.ts whose figures may start with the prefix,
// one after another, prints a table per benchmark and writes bench/results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, Figure } from './harness';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = join(benchDir, 'results');

function isBenchmark(value: unknown): value is Benchmark {
	const b = value as Partial<Benchmark> | null;
	return typeof b?.id === 'string' && typeof b.run === 'function';
}

async function loadBenchmarks(): Promise<Benchmark[]> {
	const files = readdirSync(benchDir)
		.filter((f) => f.endsWith('.bench.ts'))
		.sort();
	const benchmarks: Benchmark[] = [];
	for (const file of files) {
		const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { default?: unknown };
		if (!isBenchmark(module.default))
			throw new Error(`bench/${file} does not export a Benchmark ({ id, run }) as its default`);
		benchmarks.push(module.default);
	}
	return benchmarks;
}

/** A benchmark is run when its figures (whose ids start with its id) can start with the prefix. */
function mayMatch(benchmarkId: string, prefix: string): boolean {
	return benchmarkId.startsWith(prefix) || prefix.startsWith(`${benchmarkId}.`);
}

function formatNumber(n: number): string {
	return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 100 ? 1 : 2 });
}

function table(figures: Figure[]): string {
	const header = ['id', 'value', 'unit', 'baseline', 'ratio', 'better'];
	const rows = figures.map((f) => [
		f.id,
		formatNumber(f.value),
		f.unit,
		f.baseline ? `${f.baseline.label}: ${formatNumber(f.baseline.value)}` : '—',
		f.ratio === null ? '—' : f.ratio.toFixed(2),
		f.better
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const rightAligned = new Set([1, 4]);
	const line = (cells: string[]) =>
		`| ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
	const prefix = process.argv[2] ?? '';
	const postgresUrl = process.env.DATABASE_URL || null;
	const selected = (await loadBenchmarks()).filter((b) => mayMatch(b.id, prefix));
	if (selected.length === 0) {
		console.error(`No benchmark produces figures starting with '${prefix}'.`);
		return 1;
	}
	console.log(
		`Benchmarks: ${selected.map((b) => b.id).join(', ')}${prefix ? ` (figures starting with '${prefix}')` : ''}`
	);
	if (!postgresUrl) console.log('DATABASE_URL is not set: the PostgreSQL figures are left out.');
	else console.log(`PostgreSQL figures on ${new URL(postgresUrl).host} (a fresh database per benchmark).`);

	const all: Figure[] = [];
	let failed = 0;
	for (const benchmark of selected) {
		console.log(`\n== ${benchmark.id}`);
		const started = performance.now();
		try {
			const figures = await benchmark.run({
				postgresUrl,
				log: (msg) => console.log(`[${benchmark.id}] ${msg}`)
			});
			for (const f of figures)
				if (!f.id.startsWith(`${benchmark.id}.`))
					console.warn(`[${benchmark.id}] figure ${f.id} does not start with '${benchmark.id}.'`);
			const shown = figures.filter((f) => f.id.startsWith(prefix));
			all.push(...shown);
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			console.log(`\n${benchmark.id} (${seconds} s)\n${shown.length ? table(shown) : '(no figures)'}`);
		} catch (e) {
			failed++;
			console.error(`\n${benchmark.id} failed:`, e);
		}
	}

	mkdirSync(resultsDir, { recursive: true });
	const file = join(resultsDir, 'latest.json');
	writeFileSync(file, `${JSON.stringify(all, null, '\t')}\n`);
	console.log(`\n${all.length} figures written to bench/results/latest.json.`);
	if (failed) console.error(`${failed} of ${selected.length} benchmarks failed.`);
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(e);
		process.exit(1);
	}
);
