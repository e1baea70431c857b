import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { databaseNameFrom, onServer, uniqueName, withDatabase } from '../helpers/postgres';
import { startServer } from '../helpers/server';

/**
 * Browser and HTTP tests run against the real built server on a fresh database seeded with the
 * demo organisations: PGlite in a temporary folder, or a new database on the PostgreSQL server of
 * DATABASE_URL. The build goes to .test-build/ so it never replaces the build `npm start` serves.
 */
export default async function setup(project: TestProject) {
	const entry = buildIfStale('.test-build', { quiet: true });
	const url = process.env.DATABASE_URL;
	let env: NodeJS.ProcessEnv;
	let cleanup: () => Promise<void> | void;
	if (url) {
		const name = uniqueName(`${databaseNameFrom(url)}_e2e`);
		await onServer(url, `create database "${name}"`);
		env = { DATABASE_URL: withDatabase(url, name) };
		cleanup = () => onServer(url, `drop database if exists "${name}" with (force)`);
	} else {
		const dir = mkdtempSync(join(tmpdir(), 'kl-e2e-'));
		env = { DATABASE_URL: '', KNIPPERLICHT_DATA_DIR: dir };
		cleanup = () => rmSync(dir, { recursive: true, force: true });
	}
	const server = await startServer(entry, env);
	project.provide('baseUrl', server.url);
	return async () => {
		await server.stop();
		await cleanup();
	};
}
