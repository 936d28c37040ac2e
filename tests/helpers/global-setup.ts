import { resolveChromium } from '../../src/pdf/browser';

/**
 * Before the test files run in parallel: finds Chromium once, so that the Chromium from npm, when
 * it is the one used, is unpacked by one process rather than by several at the same time. A
 * machine with no Chromium at all still runs the tests that need none; the others report why.
 */
export default async function setup() {
	await resolveChromium().catch(() => undefined);
}
