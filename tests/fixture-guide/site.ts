/**
 * For a test file about the second guide: its build (./build.ts), served on 127.0.0.1, and
 * Chromium, started before the tests and stopped after. Read the fields inside tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../helpers/browser';
import { serveStatic } from '../helpers/serve';
import { FIXTURE, fixtureBuild, type FixtureBuild } from './build';

/** The guide's languages, as its data lists them. */
export const LANGS = ['en', 'fa'] as const;
export type Lang = (typeof LANGS)[number];

/** One of the guide's interface strings, read from its own files. */
export const ui = (lang: Lang, key: string): string => {
	const strings = JSON.parse(readFileSync(join(FIXTURE, 'guide/i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
	if (!(key in strings)) throw new Error(`no "${key}" in the fixture's guide/i18n/${lang}.json`);
	return strings[key]!;
};

/** Builds the fixture (once for all the files of this folder) before a file's tests. */
export function useFixtureBuild() {
	const state = {} as FixtureBuild;
	beforeAll(async () => Object.assign(state, await fixtureBuild()), 900_000);
	return state;
}

/** The fixture built, served and opened in Chromium for a file's tests. */
export function useFixtureSite() {
	const state = {} as FixtureBuild & { url: string; browser: Browser; close: () => Promise<void> };
	beforeAll(async () => {
		Object.assign(state, await fixtureBuild());
		const server = await serveStatic(state.dist);
		state.url = server.url;
		state.close = server.close;
		state.browser = await launch();
	}, 900_000);
	afterAll(async () => {
		await state.browser?.close();
		await state.close?.();
	});
	return state;
}
