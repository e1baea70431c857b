// The HTTP server around the built app (adapter-node's handler): every answer carries the security
// headers, static files and the framework's own refusals included; shutdown is graceful; and on
// PostgreSQL it can run one worker per core (KNIPPERLICHT_WORKERS) with node:cluster.
import cluster from 'node:cluster';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** Sent with every answer. The pages add their own Content-Security-Policy (svelte.config.js). */
export const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	// Not 'no-referrer': with it browsers send `Origin: null` on form posts and the CSRF check refuses them.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
};

/** How many processes serve: KNIPPERLICHT_WORKERS, `auto` for one per core; PGlite is always one. */
export function workerCount(env = process.env) {
	const asked = env.KNIPPERLICHT_WORKERS?.trim();
	if (!asked) return 1;
	const n = asked === 'auto' ? availableParallelism() : Number(asked);
	if (!Number.isInteger(n) || n < 1) {
		throw new Error(`KNIPPERLICHT_WORKERS must be a whole number of at least 1, or auto (got "${asked}").`);
	}
	if (n > 1 && !env.DATABASE_URL) {
		console.warn(
			`KNIPPERLICHT_WORKERS=${asked} ignored: the embedded database (PGlite) is used by one process only. ` +
				'Set DATABASE_URL to a PostgreSQL server to run several workers.'
		);
		return 1;
	}
	return n;
}

/**
 * Serves the build in `buildDir`. With several workers this process forks them and restarts any
 * that dies; the first worker migrates the database before the others start.
 */
/** @param {string} buildDir */
export async function serve(buildDir) {
	const workers = cluster.isPrimary ? workerCount() : 1;
	if (cluster.isPrimary && workers > 1) return supervise(workers);
	return serveHere(buildDir);
}

/** @param {string} buildDir */
async function serveHere(buildDir) {
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);
	// The app opens (and migrates) its database while this import runs.
	const { handler } = await import(pathToFileURL(join(buildDir, 'handler.js')).href);

	const server = http.createServer((req, res) => {
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		});
	});
	const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT);
	if (keepAlive > 0) server.keepAliveTimeout = keepAlive * 1000;

	/** @type {NodeJS.Timeout | null} */
	let stopping = null;
	server.on('request', (req) => {
		// While stopping, a connection is closed as soon as its request is done.
		req.on('close', () => stopping && server.closeIdleConnections());
	});

	/** @param {'SIGTERM' | 'SIGINT'} reason */
	const shutdown = (reason) => {
		if (stopping) return;
		// Connections kept alive would hold close() open: close the idle ones now, the others as their
		// requests end, and all of them after SHUTDOWN_TIMEOUT.
		stopping = setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000);
		stopping.unref();
		server.closeIdleConnections();
		server.close(() => {
			if (stopping) clearTimeout(stopping);
			// The app closes its database on this event (src/hooks.server.ts).
			process.emit('sveltekit:shutdown', reason);
			// A worker's channel to the primary would keep it alive: let it go, so the process ends
			// once the database is closed.
			cluster.worker?.disconnect();
		});
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen({ host, port }, () => resolve(undefined));
	});
	const label = cluster.worker ? ` (worker ${cluster.worker.id}, pid ${process.pid})` : '';
	console.log(`Listening on http://${host}:${port}${label}`);
	return server;
}

/** @param {number} count */
async function supervise(count) {
	console.log(`Starting ${count} workers on PostgreSQL.`);
	let stopping = false;
	/** @returns {Promise<import('node:cluster').Worker>} */
	const fork = () =>
		new Promise((resolve) => {
			const worker = cluster.fork();
			worker.once('listening', () => resolve(worker));
			worker.once('exit', () => resolve(worker));
		});
	// The first worker migrates the database and creates the demo; the others start after it.
	const first = await fork();
	if (first.isDead()) {
		console.error('The first worker could not start; see its output above.');
		process.exit(1);
	}
	await Promise.all(Array.from({ length: count - 1 }, fork));

	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		console.error(`Worker ${worker.id} ended (${signal ?? code}); starting another.`);
		setTimeout(() => cluster.fork(), 500);
	});
	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
	// Exit once every worker has.
	cluster.on('exit', () => {
		if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
	});
}
