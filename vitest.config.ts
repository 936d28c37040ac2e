import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// One test file per core: browser and build tests start Chromium or Astro, which keep a core busy.
		fileParallelism: true,
		maxWorkers: availableParallelism(),
		testTimeout: 60_000,
		hookTimeout: 180_000,
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		globalSetup: ['./tests/helpers/global-setup.ts'],
	},
});
