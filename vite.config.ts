import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		// A test that asserts nothing fails: every test says what it checks.
		expect: { requireAssertions: true },
		// Each layer has its own setup: pure unit tests need nothing, integration tests a migrated
		// database template, browser tests a built server on a seeded database.
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: [
						'src/**/*.test.ts',
						'seed/**/*.test.ts',
						'tests/helpers/**/*.test.ts',
						'tests/reference/**/*.test.ts'
					],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/setup/database.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/setup/server.ts'],
					testTimeout: 60_000,
					hookTimeout: 240_000,
					fileParallelism: false
				}
			}
		]
	}
});
