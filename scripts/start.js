// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// in this same process (so signals reach the server directly and it can close the database cleanly).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const buildDir = join(root, process.env.KNIPPERLICHT_BUILD_DIR ?? 'build');
const entry = join(buildDir, 'index.js');

function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

const sources = [
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
	console.log('Building Knipperlicht…');
	const result = spawnSync(
		process.execPath,
		[join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{
			cwd: root,
			stdio: 'inherit',
			env: process.env
		}
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT ?? '3000';
process.env.PORT = port;
// SvelteKit refuses form posts whose Origin differs from ORIGIN: default to what the browser uses.
process.env.ORIGIN ??= `http://localhost:${port}`;
console.log(
	`Knipperlicht serves ${process.env.ORIGIN} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${process.env.KNIPPERLICHT_DATA_DIR ?? '.data'}`})`
);
await import(pathToFileURL(entry).href);
