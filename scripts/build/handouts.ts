/**
 * The handouts stage: prints, for every language, the full handout (dist/<lang>/handout/) to
 * dist/downloads/handout-<lang>.pdf, and the two-page quick card (dist/<lang>/card/) to
 * dist/downloads/card-<lang>.pdf, with headless Chromium (src/lib/browser.ts: an installed one, or
 * the one shipped in @sparticuz/chromium). Both pages are built by Astro from the same content as
 * the site and embed their own fonts, so the PDFs look the same whichever Chromium prints them.
 * They carry the build date, never the time of printing, and ids numbered in order, never as the
 * browser numbered them (src/lib/pdf-file.ts), so that the same source gives the same bytes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, resolveChromium } from '../../src/lib/browser.ts';
import { buildDate } from '../../src/lib/build-date.ts';
import { pdfPageCount, reproducible } from '../../src/lib/pdf-file.ts';
import { formatBytes, type Stage } from '../../src/lib/pipeline.ts';
import { serveStatic } from '../../src/lib/static-server.ts';
import type { BuildContext } from './context.ts';

/**
 * What is printed for each language: the page it is printed from, the file, and the pages it must
 * have. A print with text sizes is printed at the largest that keeps it to its pages (the page reads
 * the size from --print-text): the quick card's text grows into the room a language leaves.
 */
export const PRINTS: readonly { page: string; file: (lang: string) => string; pages?: number; textSizes?: string[] }[] = [
	{ page: 'handout', file: (lang) => `handout-${lang}.pdf` },
	{ page: 'card', file: (lang) => `card-${lang}.pdf`, pages: 2, textSizes: ['9.3pt', '9pt', '8.7pt', '8.3pt'] },
];

/** Prints one page of the site served at `origin` to PDF; links to other pages point at `siteUrl`, or are plain text without it. */
async function print(browser: Browser, origin: string, path: string, siteUrl: string, textSize?: string): Promise<Buffer> {
	const page = await browser.newPage();
	try {
		const failed: string[] = [];
		page.on('requestfailed', (r) => failed.push(r.url()));
		page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
		await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
		await page.evaluate(() => document.fonts.ready);
		if (failed.length) throw new Error(`${path} could not load: ${failed.join(', ')}`);
		// Links to other pages of the site would point at this temporary server: they point at
		// SITE_URL when it is set, and are plain text otherwise. Links within the page stay.
		await page.evaluate((siteUrl) => {
			for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
				if (a.origin !== location.origin || a.pathname === location.pathname) continue;
				if (siteUrl) a.href = new URL(a.pathname.slice(1) + a.search + a.hash, siteUrl.replace(/\/?$/, '/')).href;
				else a.removeAttribute('href');
			}
		}, siteUrl);
		if (textSize) await page.evaluate((size) => document.documentElement.style.setProperty('--print-text', size), textSize);
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
	} finally {
		await page.close();
	}
}

export const handouts: Stage<BuildContext> = {
	name: 'handouts',
	does: 'prints the PDFs of every language with Chromium',
	async run(context, progress) {
		const { languages } = context.data();
		for (const { id } of languages)
			for (const { page } of PRINTS)
				if (!existsSync(join(context.dist, id, page, 'index.html'))) throw new Error(`dist/${id}/${page}/index.html is missing: run the site stage first (npm run build runs every stage).`);
		const siteUrl = process.env.SITE_URL ?? '';
		progress(
			siteUrl
				? `public address on every cover, with its QR code: ${siteUrl}`
				: 'no address on the handouts and quick cards: SITE_URL is not set. Set it to the public address (SITE_URL=https://guide.example.org npm run build) to print the address and its QR code on every cover.',
		);
		progress(`Chromium: ${(await resolveChromium()).description}`);
		mkdirSync(context.downloads, { recursive: true });
		const date = buildDate(context.root);
		const site = await serveStatic(context.dist);
		const browser = await launchChromium();
		let bytes = 0;
		let count = 0;
		const total = languages.length * PRINTS.length;
		try {
			for (const { id } of languages)
				for (const { page, file: name, pages: required, textSizes = [undefined] } of PRINTS) {
					const t0 = performance.now();
					// The largest text size that keeps the print to its pages, else the smallest (and the error below).
					let pdf: Buffer | undefined;
					let textSize: string | undefined;
					for (const size of textSizes) {
						textSize = size;
						pdf = reproducible(await print(browser, site.url, `/${id}/${page}/`, siteUrl, size), date);
						if (!required || pdfPageCount(pdf) === required) break;
					}
					pdf = pdf!;
					const file = name(id);
					const pages = pdfPageCount(pdf);
					if (required && pages !== required)
						throw new Error(`dist/downloads/${file} has ${pages} pages instead of ${required}: shorten the texts it prints (src/routes/[lang]/${page}.astro lists them) or tighten its layout`);
					writeFileSync(join(context.downloads, file), pdf);
					bytes += pdf.length;
					progress(`${++count}/${total} ${file.padEnd(16)} ${String(pages).padStart(3)} pages ${formatBytes(pdf.length).padStart(9)}  ${Math.round(performance.now() - t0)} ms${textSize ? `, text ${textSize}` : ''}`);
				}
		} finally {
			await browser.close();
			await site.close();
		}
		return { made: `${count} PDFs in dist/downloads/ (${PRINTS.map((p) => p.file('<lang>')).join(', ')})`, bytes };
	},
};
