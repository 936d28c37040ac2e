/**
 * Prints the handout of every language (dist/<lang>/handout/) to dist/downloads/handout-<lang>.pdf
 * with headless Chromium, driven by playwright-core: Debian's chromium, or the one CHROME_PATH
 * names. The handout is built by Astro from the same content as the site.
 *
 *   node scripts/build-pdf.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { chromium } from 'playwright-core';
import { serveStatic } from '../src/lib/static-server.ts';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'downloads');
const log = (message: string) => console.log(`pdf: ${message}`);

function chromiumPath(): string {
	const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path))
		throw new Error(
			`no Chromium at ${path}. The PDF handouts are printed by Chromium: install Debian's package (sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary, then run the build again.`,
		);
	return path;
}

async function main() {
	const started = performance.now();
	if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no site: run `astro build` first (npm run build does both).');
	const executablePath = chromiumPath();
	const languages = (yaml.load(readFileSync(join(ROOT, 'content/data/languages.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as { id: string }[]).map((l) => l.id);
	mkdirSync(OUT, { recursive: true });
	const site = await serveStatic(DIST);
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		for (const lang of languages) {
			const t0 = performance.now();
			const page = await browser.newPage();
			const failed: string[] = [];
			page.on('requestfailed', (r) => failed.push(r.url()));
			page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
			await page.goto(`${site.url}/${lang}/handout/`, { waitUntil: 'networkidle' });
			await page.evaluate(() => document.fonts.ready);
			if (failed.length) throw new Error(`the ${lang} handout could not load: ${failed.join(', ')}`);
			await page.emulateMedia({ media: 'print' });
			const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
			await page.close();
			const file = `handout-${lang}.pdf`;
			writeFileSync(join(OUT, file), pdf);
			log(`${file.padEnd(16)} ${(pdf.length / 1024).toFixed(1).padStart(7)} KB  ${Math.round(performance.now() - t0)} ms`);
		}
	} finally {
		await browser.close();
		await site.close();
	}
	log(`${languages.length} handouts in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
	console.error(`pdf: failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
