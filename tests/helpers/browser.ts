import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the one CHROME_PATH names. No test downloads a browser. */
export function chromiumPath(): string {
	const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path))
		throw new Error(`No Chromium at ${path}. Install Debian's package (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`);
	return path;
}

/** Starts headless Chromium, with a fresh profile and no background traffic, so only the site's own requests are made. */
export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}
