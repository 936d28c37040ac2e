/**
 * The "Check a copy" island (components/copy-verifier.ts) in real Chromium, from file://, with a
 * throwaway release key: each verdict belongs to the files chosen now. A verdict is cleared as soon
 * as new files are chosen, a check overtaken by a newer choice is dropped, a file the browser cannot
 * read says so, a device clock set behind the signature's date is not taken for a changed copy, and
 * a download's own `.asc` is checked against that download and named as such. The island is bundled
 * as the offline bundles bundle it (one classic script); the page around it is the component's markup.
 */
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupFingerprint } from '../../src/release/release-keys';
import { sha256 } from '../../src/release/release-check';
import en from '../../content/i18n/en.json';
import { launch, useBuiltSite } from '../helpers/browser';
import { makeKey, sign, type TestKey } from '../helpers/keys';
import { releasePassages } from '../helpers/release-passages';
import { DIST, ROOT } from '../helpers/project';
import { serveStatic } from '../helpers/serve';

const scratch = mkdtempSync(join(tmpdir(), 'copy-verifier-'));
let browser: Browser;
let key: TestKey;
let pageUrl: string;
/** The same page on a website that publishes downloads/SHA256SUMS, with and without its signature. */
const websites: Record<'signed' | 'unsigned', { url: string; close: () => Promise<void> }> = {} as never;

/** A folder of files as a reader holds them: a download, and optionally SHA256SUMS and signatures. */
const sets: Record<string, string> = {};
const path = (set: string, ...names: string[]) => names.map((n) => join(sets[set]!, n));

async function writeSet(name: string, files: { zip: Uint8Array | { sparse: number }; listed?: Uint8Array; sumsSigned?: boolean; zipSigned?: boolean }) {
	const dir = join(scratch, name);
	mkdirSync(dir);
	sets[name] = dir;
	const zip = join(dir, 'playbook-en.zip');
	let zipBytes: Uint8Array;
	if ('sparse' in files.zip) {
		// A file of zeros that takes no room on disk.
		closeSync(openSync(zip, 'w'));
		truncateSync(zip, files.zip.sparse);
		zipBytes = files.listed ?? new Uint8Array(files.zip.sparse);
	} else {
		writeFileSync(zip, files.zip);
		zipBytes = files.zip;
	}
	const sums = new TextEncoder().encode(`${await sha256(files.listed ?? zipBytes)}  playbook-en.zip\n`);
	writeFileSync(join(dir, 'SHA256SUMS'), sums);
	if (files.sumsSigned !== false) writeFileSync(join(dir, 'SHA256SUMS.asc'), await sign(sums, key));
	if (files.zipSigned) writeFileSync(join(dir, 'playbook-en.zip.asc'), await sign(files.listed ?? zipBytes, key));
}

beforeAll(async () => {
	key = await makeKey('Playbook release key (test)');
	const keys = [{ fingerprint: key.fingerprint, publicKey: key.publicKey }];
	const messages = Object.fromEntries(Object.entries(en).filter(([k]) => k.startsWith('verify.')));
	const script = await esbuild({
		stdin: {
			contents: `import { attachVerifier } from './components/copy-verifier.ts';
customElements.define('copy-verifier', class extends HTMLElement { connectedCallback() { attachVerifier(this); } });`,
			resolveDir: ROOT,
			loader: 'ts',
		},
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2020',
		write: false,
		logLevel: 'silent',
	});
	const attr = (value: unknown) => JSON.stringify(value).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
	const writePage = (dir: string, published: typeof keys) => {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'verifier.js'), script.outputFiles[0]!.contents);
		writeFileSync(
			join(dir, 'index.html'),
			`<!doctype html><html lang="en"><meta charset="utf-8"><title>Check a copy</title>
<copy-verifier data-keys='${attr(published)}' data-messages='${attr(messages)}' data-sums="/downloads/SHA256SUMS"${published.length ? '' : ' data-unsigned'}>
<div class="controls"><label><span>Files</span><input type="file" multiple data-files></label></div>
<div class="result" role="status" aria-live="polite" data-result></div>
</copy-verifier>
<script src="verifier.js"></script>`,
		);
	};
	writePage(scratch, keys);
	pageUrl = pathToFileURL(join(scratch, 'index.html')).href;

	const guide = new TextEncoder().encode('the guide, as published\n'.repeat(2000));
	const changed = guide.slice();
	changed[100]! ^= 1;
	await writeSet('genuine', { zip: guide, zipSigned: true });
	await writeSet('changed', { zip: changed, listed: guide, zipSigned: true });
	// Far larger than any download of the guide, and than what Chromium reads into memory.
	await writeSet('huge', { zip: { sparse: 3 * 1024 ** 3 }, listed: guide, sumsSigned: false });
	// Large enough that reading and hashing it takes a while.
	await writeSet('slow', { zip: { sparse: 160 * 1024 ** 2 } });
	for (const kind of ['signed', 'unsigned'] as const) {
		const dir = join(scratch, `website-${kind}`);
		writePage(dir, kind === 'signed' ? keys : []);
		mkdirSync(join(dir, 'downloads'));
		for (const name of kind === 'signed' ? ['SHA256SUMS', 'SHA256SUMS.asc'] : ['SHA256SUMS']) copyFileSync(join(sets.genuine!, name), join(dir, 'downloads', name));
		websites[kind] = await serveStatic(dir);
	}
	browser = await launch();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	for (const site of Object.values(websites)) await site.close();
	rmSync(scratch, { recursive: true, force: true });
});

async function open(url = pageUrl): Promise<{ page: Page; verifier: Locator; errors: string[] }> {
	const page = await browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.goto(url);
	const verifier = page.locator('copy-verifier[data-ready]');
	await verifier.waitFor();
	return { page, verifier, errors };
}

const choose = (verifier: Locator, files: string[]) => verifier.locator('input[type=file]').setInputFiles(files);
const verdicts = (verifier: Locator) => verifier.locator('.verdict').evaluateAll((nodes) => nodes.map((n) => `${(n as HTMLElement).dataset.state}: ${n.textContent}`));

describe('the copy checker, in Chromium', () => {
	test('a file too large to read gives its own verdict and never leaves the previous "Genuine"', async () => {
		const { page, verifier, errors } = await open();
		try {
			await choose(verifier, path('genuine', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'));
			await verifier.locator('.verdict[data-state="genuine"]').waitFor({ timeout: 20_000 });
			await choose(verifier, path('huge', 'playbook-en.zip'));
			await verifier.locator('.verdict:not([data-state="genuine"])').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`unreadable: ${en['verify.unreadable']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual([en['verify.tooLarge']!.replace('{{file}}', 'playbook-en.zip').replace('{{size}}', '3072')]);
			expect(errors).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('choosing new files clears the verdict at once and says the check is running', async () => {
		const { page, verifier } = await open();
		try {
			await choose(verifier, path('genuine', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'));
			await verifier.locator('.verdict[data-state="genuine"]').waitFor({ timeout: 20_000 });
			await choose(verifier, path('slow', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'));
			// Read before the slow file is: what the reader sees while it is checked.
			expect(await verdicts(verifier)).toEqual([]);
			expect(await verifier.locator('[data-result]').textContent()).toBe(en['verify.checking']);
			await verifier.locator('.verdict[data-state="genuine"]').waitFor({ timeout: 30_000 });
		} finally {
			await page.close();
		}
	});

	test('a second set chosen quickly shows its own verdict, never the first set’s', async () => {
		// How long the first set alone takes, to know when its check would have ended.
		const alone = await open();
		let start = Date.now();
		await choose(alone.verifier, path('slow', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'));
		await alone.verifier.locator('.verdict[data-state="genuine"]').waitFor({ timeout: 30_000 });
		const slow = Date.now() - start;
		await alone.page.close();

		const { page, verifier } = await open();
		try {
			await choose(verifier, path('slow', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'));
			start = Date.now();
			await choose(verifier, path('changed', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'));
			await verifier.locator('.verdict').first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(Math.max(0, 3 * slow + 1000 - (Date.now() - start)));
			expect(await verdicts(verifier)).toEqual([`reject: ${en['verify.reject']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual([`SHA256SUMS is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`, 'playbook-en.zip: does not match the list of checksums.']);
		} finally {
			await page.close();
		}
	}, 90_000);

	test('a device clock behind the signature’s date is a clock problem, not a changed copy', async () => {
		const { page, verifier, errors } = await open();
		try {
			await page.clock.setFixedTime(new Date('2020-03-01T12:00:00Z'));
			const today = new Date().toISOString().slice(0, 10);
			for (const files of [path('genuine', 'playbook-en.zip', 'SHA256SUMS', 'SHA256SUMS.asc'), path('genuine', 'playbook-en.zip', 'playbook-en.zip.asc')]) {
				await choose(verifier, files);
				await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
				expect(await verdicts(verifier)).toEqual([`genuine: ${en['verify.genuine']}`]);
				const lines = await verifier.locator('li').allTextContents();
				expect(lines).toContain(en['verify.clockBehind'].replace('{{date}}', today).replace('{{now}}', '2020-03-01'));
			}
			// A changed file is still refused with the clock behind.
			await choose(verifier, path('changed', 'playbook-en.zip', 'playbook-en.zip.asc'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`reject: ${en['verify.reject']}`]);
			expect(errors).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('a download’s own .asc is checked against that download and named as its signature', async () => {
		const { page, verifier } = await open();
		try {
			await choose(verifier, path('genuine', 'playbook-en.zip', 'playbook-en.zip.asc'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`genuine: ${en['verify.genuine']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual([`playbook-en.zip is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`]);

			await choose(verifier, path('changed', 'playbook-en.zip', 'playbook-en.zip.asc'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`reject: ${en['verify.reject']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual(['The signature playbook-en.zip.asc does not match playbook-en.zip: one of the two was changed.']);
		} finally {
			await page.close();
		}
	});

	test('on the website, a file chosen alone is compared with the published checksums and their signature', async () => {
		const { page, verifier } = await open(`${websites.signed.url}/`);
		try {
			await choose(verifier, path('genuine', 'playbook-en.zip'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`genuine: ${en['verify.genuine']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual([`SHA256SUMS is signed with the current release key, ${groupFingerprint(key.fingerprint)}.`, 'playbook-en.zip: matches the checksum published on this website.']);
			// The website lists its latest release: a file that differs is not called changed, only not current.
			await choose(verifier, path('changed', 'playbook-en.zip'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`incomplete: ${en['verify.incomplete']}`]);
			expect((await verifier.locator('li').allTextContents())[1]).toMatch(/^playbook-en\.zip: not the file this website publishes now\./);
		} finally {
			await page.close();
		}
	});

	test('an unsigned release says so, and compares a file with the checksums its website publishes', async () => {
		const { page, verifier } = await open(`${websites.unsigned.url}/`);
		try {
			await choose(verifier, path('genuine', 'playbook-en.zip'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`published: ${en['verify.published']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual(['playbook-en.zip: matches the checksum published on this website.']);

			await choose(verifier, path('changed', 'playbook-en.zip'));
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`unsigned: ${en['verify.unsigned']}`]);
		} finally {
			await page.close();
		}
		// From file://, a copy of an unsigned release has nothing to compare with but the checksum it shows.
		const copy = await open(pathToFileURL(join(scratch, 'website-unsigned', 'index.html')).href);
		try {
			await choose(copy.verifier, path('genuine', 'playbook-en.zip'));
			await copy.verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(copy.verifier)).toEqual([`unsigned: ${en['verify.unsigned']}`]);
			expect(await copy.verifier.locator('li').allTextContents()).toEqual([`playbook-en.zip: its SHA-256 checksum is ${await sha256(new TextEncoder().encode('the guide, as published\n'.repeat(2000)))}`]);
		} finally {
			await copy.page.close();
		}
	});
});

describe('the Check a copy page of the built site, unsigned as a build without the signing key is', () => {
	const site = useBuiltSite();

	test('compares a download chosen alone with the website’s SHA256SUMS, and says the release is unsigned', async () => {
		const page = await site.browser.newPage();
		try {
			await page.goto(`${site.url}/en/check-a-copy/`);
			const verifier = page.locator('copy-verifier[data-ready]');
			await verifier.waitFor();
			// With no release key published, the page says at once that the release is not signed.
			if ((await verifier.getAttribute('data-unsigned')) !== null) expect(await verifier.locator('.controls p').textContent()).toBe(en['verify.introUnsigned']);
			await choose(verifier, [join(DIST, 'downloads', 'playbook-en.zip')]);
			await verifier.locator('.verdict').waitFor({ timeout: 20_000 });
			expect(await verdicts(verifier)).toEqual([`published: ${en['verify.published']}`]);
			expect(await verifier.locator('li').allTextContents()).toEqual(['playbook-en.zip: matches the checksum published on this website.']);
		} finally {
			await page.close();
		}
	});

	// The build has no release key, so the page keeps its <WhenUnsigned> passages and none of its <WhenSigned> ones.
	test.each([
		['en', 390],
		['en', 1280],
		['ar', 390],
		['ar', 1280],
	] as const)('%s at %i px: shows the steps for an unsigned release, and no step that needs a signature, in the page or its contents', async (lang, width) => {
		const { signed, unsigned } = releasePassages(readFileSync(join(ROOT, 'content', 'docs', lang, 'check-a-copy.mdx'), 'utf8'));
		expect(signed.length * unsigned.length, 'the page has passages of both kinds').toBeGreaterThan(0);
		const page = await site.browser.newPage({ viewport: { width, height: 844 } });
		try {
			await page.goto(`${site.url}/${lang}/check-a-copy/`);
			const headings = await page.locator('main .sl-markdown-content h2:visible').allTextContents();
			for (const heading of unsigned) expect(headings.map((h) => h.trim()), heading).toContain(heading);
			const text = await page.locator('body').innerText();
			for (const heading of signed) expect(text, heading).not.toContain(heading);
		} finally {
			await page.close();
		}
	});
});
