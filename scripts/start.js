// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// in this same process (so signals reach the server directly and it can close the database cleanly).
import { pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.js';

let entry;
try {
	entry = buildIfStale(process.env.KNIPPERLICHT_BUILD_DIR ?? 'build');
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}

const port = process.env.PORT ?? '3000';
process.env.PORT = port;
// SvelteKit refuses form posts whose Origin differs from ORIGIN: default to what the browser uses.
process.env.ORIGIN ??= `http://localhost:${port}`;
console.log(
	`Knipperlicht serves ${process.env.ORIGIN} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${process.env.KNIPPERLICHT_DATA_DIR ?? '.data'}`})`
);
await import(pathToFileURL(entry).href);
