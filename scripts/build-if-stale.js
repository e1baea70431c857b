import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** @param {string} path @returns {number} */
function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

/**
 * Builds the app into `outDir` unless its build is newer than every source. Returns the path of
 * the server entry.
 */
/** @param {string} [outDir] @param {{ quiet?: boolean }} [options] */
export function buildIfStale(outDir = 'build', { quiet = false } = {}) {
	// Builds share .svelte-kit/: one at a time (npm test while npm start builds, parallel runs).
	const lock = join(root, '.build-lock');
	const deadline = Date.now() + 300_000;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			// A lock older than five minutes was left by a build that died.
			if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
				rmSync(lock, { recursive: true, force: true });
			if (Date.now() > deadline) throw new Error(`Another build holds ${lock}`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
		}
	}
	try {
		return buildLocked(outDir, quiet);
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** @param {string} outDir @param {boolean} quiet */
function buildLocked(outDir, quiet) {
	const buildDir = join(root, outDir);
	// The entry is our own server (scripts/serve.js) around the adapter's handler.
	const entry = join(buildDir, 'server.js');
	const sources = [
		'scripts/serve.js',
		'src',
		'migrations',
		'seed',
		'static',
		'package-lock.json',
		'svelte.config.js',
		'vite.config.ts'
	]
		.map((p) => join(root, p))
		.filter(existsSync);
	const stale = !existsSync(entry) || Math.max(...sources.map(newestMtime)) > statSync(entry).mtimeMs;
	if (stale) {
		if (!quiet) console.log(`Building Knipperlicht into ${outDir}/ (about a minute) …`);
		const started = Date.now();
		// The build's own output is for those who work on the build ("npm run build" shows it): the
		// adapter's progress, "Run npm run preview", Rollup's notes on empty chunks. It is shown only
		// when the build fails.
		const result = spawnSync(
			process.execPath,
			[join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
			{
				cwd: root,
				stdio: 'pipe',
				env: { ...process.env, KNIPPERLICHT_BUILD_DIR: outDir }
			}
		);
		if (result.status !== 0) {
			throw new Error(
				`The build failed (exit ${result.status}).\n${result.stderr?.toString() ?? ''}${result.stdout?.toString() ?? ''}`
			);
		}
		if (!quiet) console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
		const serveModule = relative(buildDir, join(root, 'scripts/serve.js'));
		writeFileSync(
			entry,
			`// Written by scripts/build-if-stale.js: serves this build.\n` +
				`import { serve } from '${serveModule.startsWith('.') ? serveModule : `./${serveModule}`}';\n` +
				`await serve(new URL('.', import.meta.url).pathname);\n`
		);
	}
	return entry;
}
