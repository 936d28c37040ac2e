/**
 * The one way this project starts Firefox, for the tests that read the site as Tor Browser's
 * readers do (Tor Browser is built on Firefox ESR): Debian's `firefox-esr`, or the executable
 * `FIREFOX_PATH` names, driven by puppeteer-core over WebDriver BiDi. Firefox is a system program
 * here, like nginx: nothing downloads it. Every launch gets a fresh profile, the preferences
 * given (a security level's, tests/helpers/firefox.ts) and none of Firefox's own calls home, so
 * the only requests made are the site's own.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL = 'apt-get install firefox-esr';

/** The executable to start: FIREFOX_PATH if set, else Debian's. */
export const firefoxPath = (env: NodeJS.ProcessEnv = process.env) => env.FIREFOX_PATH || FIREFOX_PATH;

/** Firefox's own traffic, turned off: updates, telemetry, safe-browsing lists, captive-portal and connectivity checks, prefetching. */
export const QUIET_PREFS: Record<string, unknown> = {
	'app.update.enabled': false,
	'app.normandy.enabled': false,
	'browser.safebrowsing.malware.enabled': false,
	'browser.safebrowsing.phishing.enabled': false,
	'browser.safebrowsing.downloads.enabled': false,
	'browser.safebrowsing.provider.mozilla.updateURL': '',
	'datareporting.healthreport.uploadEnabled': false,
	'datareporting.policy.dataSubmissionEnabled': false,
	'toolkit.telemetry.enabled': false,
	'network.captive-portal-service.enabled': false,
	'network.connectivity-service.enabled': false,
	'network.dns.disablePrefetch': true,
	'network.prefetch-next': false,
	'browser.newtabpage.enabled': false,
	'extensions.getAddons.cache.enabled': false,
};

/** Starts headless Firefox with a fresh profile and these preferences; a clear error when it cannot. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
	const executablePath = firefoxPath();
	if (!existsSync(executablePath))
		throw new Error(`No Firefox at ${executablePath}: install it (${FIREFOX_INSTALL}) or set FIREFOX_PATH to the executable of Firefox ESR or Tor Browser's Firefox.`);
	try {
		return await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: { ...QUIET_PREFS, ...prefs }, protocolTimeout: 30_000 });
	} catch (cause) {
		throw new Error(`Firefox (${executablePath}) did not start: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}. Install it (${FIREFOX_INSTALL}) or set FIREFOX_PATH.`, { cause });
	}
}
