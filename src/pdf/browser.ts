/**
 * The one way this project starts Chromium, for the PDF handouts, the benchmark and the tests:
 *
 * 1. the executable `CHROME_PATH` names, if set (it must exist);
 * 2. else a Chromium or Google Chrome installed in its usual place on Linux, macOS or Windows;
 * 3. else the Chromium shipped inside the npm package `@sparticuz/chromium` (Linux x64 only),
 *    unpacked to the system's temporary folder on first use.
 *
 * Nothing downloads a browser. Every launch gets a fresh profile and no background traffic, so
 * the only requests made are the site's own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Our flags: no sandbox (CI runs as root), no GPU, and none of Chromium's own calls home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Flags of @sparticuz/chromium (made for serverless hosts) that are left out: they would turn off
 * the browser's protections that the site relies on and the tests check (same-origin rules, mixed
 * content, site isolation), or run every page in the browser's own process.
 */
const DROPPED_BUNDLED_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process']);

/** Where Chromium or Google Chrome is usually installed, in the order they are tried. */
export function systemChromiumPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
	if (platform === 'linux')
		return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
	if (platform === 'darwin')
		return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
	if (platform === 'win32') {
		const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter((r): r is string => !!r);
		return roots.flatMap((root) => [`${root}\\Google\\Chrome\\Application\\chrome.exe`, `${root}\\Chromium\\Application\\chrome.exe`]);
	}
	return [];
}

export type ChromiumChoice =
	/** An installed browser: `from` says how it was found. */
	| { kind: 'system'; path: string; from: string }
	/** The Chromium inside @sparticuz/chromium. */
	| { kind: 'bundled' };

export interface Machine {
	env: NodeJS.ProcessEnv;
	platform: NodeJS.Platform;
	arch: string;
	exists: (path: string) => boolean;
	/** Whether the package @sparticuz/chromium is installed. */
	bundledInstalled: boolean;
}

const WAYS_OUT =
	'Install Chromium or Google Chrome (Debian and Ubuntu: `apt-get install chromium`; macOS: Google Chrome from its site or `brew install --cask chromium`; Windows: Google Chrome), or set CHROME_PATH to the executable of a Chromium-based browser, then run the command again.';

/** Which Chromium to start on this machine; throws an error naming what was looked for and what to do. */
export function chooseChromium(machine: Machine): ChromiumChoice {
	const named = machine.env.CHROME_PATH;
	if (named) {
		if (!machine.exists(named)) throw new Error(`CHROME_PATH is set to ${named}, but there is no file there. Set CHROME_PATH to the executable of Chromium or Google Chrome, or unset it to use an installed one.`);
		return { kind: 'system', path: named, from: 'CHROME_PATH' };
	}
	const paths = systemChromiumPaths(machine.platform, machine.env);
	const found = paths.find((p) => machine.exists(p));
	if (found) return { kind: 'system', path: found, from: 'installed' };
	const looked = `Looked for CHROME_PATH (not set)${paths.length ? ` and at ${paths.join(', ')}` : ''}.`;
	if (machine.platform !== 'linux' || machine.arch !== 'x64')
		throw new Error(`No Chromium found. ${looked} The Chromium that ships in the npm package @sparticuz/chromium runs only on Linux x64, and this machine is ${machine.platform} ${machine.arch}. ${WAYS_OUT}`);
	if (!machine.bundledInstalled)
		throw new Error(`No Chromium found. ${looked} The npm package @sparticuz/chromium, which ships one, is not installed: run \`npm ci\` in the project's folder. Or: ${WAYS_OUT}`);
	return { kind: 'bundled' };
}

export interface ChromiumLaunch {
	/** An installed browser, or the headless shell from @sparticuz/chromium (which, for one, never fetches a page's icon). */
	kind: ChromiumChoice['kind'];
	executablePath: string;
	args: string[];
	/** What was started, for messages: "/usr/bin/chromium (installed)", "@sparticuz/chromium 153.0.0". */
	description: string;
}

const require = createRequire(import.meta.url);

function bundledVersion(): string | undefined {
	try {
		// The package exports no package.json; its entry point is build/index.js.
		const entry = require.resolve('@sparticuz/chromium');
		return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
	} catch {
		return undefined;
	}
}

let resolved: Promise<ChromiumLaunch> | undefined;

/** The executable and flags to start, found once per process (unpacking the bundled Chromium if needed). */
export function resolveChromium(): Promise<ChromiumLaunch> {
	resolved ??= (async () => {
		const version = bundledVersion();
		const choice = chooseChromium({ env: process.env, platform: process.platform, arch: process.arch, exists: existsSync, bundledInstalled: version !== undefined });
		if (choice.kind === 'system') return { kind: 'system', executablePath: choice.path, args: CHROMIUM_ARGS, description: `${choice.path} (${choice.from})` };
		const { default: bundled } = await import('@sparticuz/chromium');
		// Its own fonts.conf points at fonts it unpacks next to the binary; the handouts embed their own.
		const executablePath = await bundled.executablePath();
		const args = [...new Set([...bundled.args.filter((a) => !DROPPED_BUNDLED_ARGS.has(a)), ...CHROMIUM_ARGS])];
		return { kind: 'bundled', executablePath, args, description: `@sparticuz/chromium ${version} (${executablePath})` };
	})();
	resolved.catch(() => (resolved = undefined));
	return resolved;
}

/** Starts headless Chromium with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
	const { executablePath, args, description } = await resolveChromium();
	try {
		return await chromium.launch({ executablePath, args, headless: true });
	} catch (cause) {
		throw new Error(`Chromium (${description}) did not start: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}. ${WAYS_OUT}`, { cause });
	}
}
