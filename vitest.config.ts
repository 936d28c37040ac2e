import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Browser and build tests start Chromium or Astro; two cores are shared between them.
		fileParallelism: true,
		maxWorkers: 2,
		testTimeout: 60_000,
		hookTimeout: 180_000,
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		globalSetup: ['./tests/helpers/global-setup.ts'],
	},
});
