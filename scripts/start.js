// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// in this same process (so signals reach the server directly and it can close the database cleanly).
import { createServer } from 'node:net';
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

// Refuse a busy port before the database opens: a server that dies after opening PGlite can leave
// its folder needing recovery.
const host = process.env.HOST ?? '0.0.0.0';
const free = await new Promise((resolve) => {
	const probe = createServer();
	probe.once('error', () => resolve(false));
	probe.listen(Number(port), host, () => probe.close(() => resolve(true)));
});
if (!free) {
	console.error(
		`Port ${port} is already in use. Stop what runs there, or start with PORT=<another port> npm start.`
	);
	process.exit(1);
}
// The app limits request bodies per route itself (src/lib/server/limits.ts); HR files may be large.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
// SvelteKit refuses form posts whose Origin differs from ORIGIN: default to what the browser uses.
process.env.ORIGIN ??= `http://localhost:${port}`;
console.log(
	`Knipperlicht serves ${process.env.ORIGIN} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${process.env.KNIPPERLICHT_DATA_DIR ?? '.data'}`})`
);
await import(pathToFileURL(entry).href);
