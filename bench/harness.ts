import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { databaseNameFrom, onServer, uniqueName, withDatabase } from '../tests/helpers/postgres';

/** One measured number. `ratio` is always value / baseline.value (null without a baseline). */
export type Figure = {
	id: string;
	value: number;
	unit: string;
	better: 'higher' | 'lower';
	baseline: { label: string; value: number } | null;
	ratio: number | null;
};

export type BenchContext = {
	/** The PostgreSQL server to measure on (DATABASE_URL); null leaves the PostgreSQL figures out. */
	postgresUrl: string | null;
	log(msg: string): void;
};

export type Benchmark = {
	/** The prefix of the ids of the figures it produces, e.g. 'startup'. */
	id: string;
	run(ctx: BenchContext): Promise<Figure[]>;
};

function sorted(xs: readonly number[]): number[] {
	if (xs.length === 0) throw new Error('No measurements');
	return [...xs].sort((a, b) => a - b);
}

export function median(xs: readonly number[]): number {
	const s = sorted(xs);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The p-th percentile (0–100), interpolated linearly between the closest ranks. */
export function percentile(xs: readonly number[], p: number): number {
	if (!(p >= 0 && p <= 100)) throw new Error(`A percentile is between 0 and 100, not ${p}`);
	const s = sorted(xs);
	const rank = (p / 100) * (s.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return s[low]! + (s[high]! - s[low]!) * (rank - low);
}

/** The resident set size of a running process in MB (VmRSS from /proc/<pid>/status). */
export function rssMbOf(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
	if (!match) throw new Error(`No VmRSS in /proc/${pid}/status`);
	return Number(match[1]) / 1024;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Builds a Figure; value and baseline are rounded to 0.01, the ratio is computed from those. */
export function figure(
	id: string,
	value: number,
	unit: string,
	better: 'higher' | 'lower',
	baseline: { label: string; value: number } | null = null
): Figure {
	const v = round2(value);
	const b = baseline ? { label: baseline.label, value: round2(baseline.value) } : null;
	const ratio = b && b.value !== 0 ? v / b.value : null;
	return { id, value: v, unit, better, baseline: b, ratio };
}

/** Milliseconds `fn` takes, and its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await fn();
	return { ms: performance.now() - started, result };
}

export interface TemporaryDatabase {
	name: string;
	url: string;
	drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database on the PostgreSQL server of `serverUrl`, named after the
 * server URL's database and `label`. Call drop() in a finally block.
 */
export async function createPostgresDatabase(serverUrl: string, label: string): Promise<TemporaryDatabase> {
	const name = uniqueName(`${databaseNameFrom(serverUrl)}_${label}`);
	await onServer(serverUrl, `create database "${name}"`);
	return {
		name,
		url: withDatabase(serverUrl, name),
		drop: () => onServer(serverUrl, `drop database if exists "${name}" with (force)`)
	};
}

/**
 * The folder the benchmarks that start the built server build into: KNIPPERLICHT_BENCH_BUILD gives
 * a run a folder of its own, so two runs at once do not rebuild under each other.
 */
export function benchBuildDir(): string {
	return process.env.KNIPPERLICHT_BENCH_BUILD || '.bench-build';
}

/**
 * A full garbage collection, now. A benchmark that builds its data in its own process (hundreds of
 * megabytes of generated rows) calls it before measuring, so that collecting that garbage is not
 * charged to the first calls measured: a server's heap holds no such set-up. It does not warm
 * anything up: code runs as unoptimised as before.
 */
export function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
}
