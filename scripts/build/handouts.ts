/**
 * The handouts stage: prints, for every language, the full handout (dist/<lang>/handout/) to
 * dist/downloads/handout-<lang>.pdf, and the two-page quick card (dist/<lang>/card/) to
 * dist/downloads/card-<lang>.pdf, with headless Chromium (src/pdf/browser.ts: an installed one, or
 * the one shipped in @sparticuz/chromium). Both pages are built by Astro from the same content as
 * the site and embed their own fonts, so the PDFs look the same whichever Chromium prints them.
 * They carry the build date, never the time of printing, and ids numbered in order, never as the
 * browser numbered them (src/pdf/pdf-file.ts), so that the same source gives the same bytes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, resolveChromium } from '../../src/pdf/browser.ts';
import { buildDate } from '../../src/build/build-date.ts';
import { ALONE_ATTRIBUTE, CARD_LEVELS, levelAttribute, topLevel, type CardPage } from '../../src/plan/card-fit.ts';
import { pdfPageCount, reproducible } from '../../src/pdf/pdf-file.ts';
import { formatBytes, type Stage } from '../../src/build/pipeline.ts';
import { serveStatic } from '../../src/build/static-server.ts';
import type { BuildContext } from './context.ts';

/**
 * What is printed for each language: the page it is printed from, the file, and the pages it must
 * have. A print with text sizes is printed at the largest that keeps it to its pages (the page reads
 * the size from --print-text): the quick card's text grows into the room a language leaves. A print
 * with levels (the quick card: src/plan/card-fit.ts) that does not fit whole at any size is
 * shortened: each of its pages at the first level at which it fits one page by itself.
 */
export const PRINTS: readonly { page: string; file: (lang: string) => string; pages?: number; textSizes?: string[]; levels?: boolean }[] = [
	{ page: 'handout', file: (lang) => `handout-${lang}.pdf` },
	{ page: 'card', file: (lang) => `card-${lang}.pdf`, pages: 2, textSizes: ['9.3pt', '9pt', '8.7pt', '8.3pt'], levels: true },
];

/** How one print is made: its text size, and the attributes set on the document (the card's levels, one page alone). */
export interface PrintSettings {
	textSize?: string | undefined;
	attributes?: Record<string, string>;
}

/** One page of the site served at `origin`, loaded once and printed to PDF with any settings; links to other pages point at `siteUrl`, or are plain text without it. */
async function openPrint(browser: Browser, origin: string, path: string, siteUrl: string): Promise<{ pdf: (settings: PrintSettings) => Promise<Buffer>; close: () => Promise<void> }> {
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
		await page.emulateMedia({ media: 'print' });
	} catch (error) {
		await page.close();
		throw error;
	}
	let set: string[] = [];
	return {
		async pdf({ textSize, attributes = {} }) {
			await page.evaluate(
				({ textSize, attributes, set }) => {
					const root = document.documentElement;
					for (const name of set) root.removeAttribute(name);
					for (const [name, value] of Object.entries(attributes)) root.setAttribute(name, value);
					if (textSize) root.style.setProperty('--print-text', textSize);
					else root.style.removeProperty('--print-text');
				},
				{ textSize, attributes, set },
			);
			set = Object.keys(attributes);
			return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
		},
		close: () => page.close(),
	};
}

/** The levels of the quick card's pages, as the attributes that set them on the document. */
const levelAttributes = (levels: Record<CardPage, number>) => Object.fromEntries(Object.entries(levels).map(([page, level]) => [levelAttribute(page as CardPage), String(level)]));

/**
 * Prints a page with text sizes to exactly `required` pages: whole, at the largest size that fits;
 * else, with levels, each part of the card alone at the smallest size, at the first level at which
 * it fits one page (src/plan/card-fit.ts says what each level leaves out), then the whole card at
 * those levels at the largest size that fits. Gives the PDF that fits, or the smallest one tried
 * with what did not fit.
 */
export async function printFitted(print: (settings: PrintSettings) => Promise<Buffer>, pages: (pdf: Buffer) => number, required: number | undefined, sizes: (string | undefined)[], levels: boolean): Promise<{ pdf: Buffer; textSize?: string | undefined; levels?: Record<CardPage, number>; unfit?: string }> {
	let last: Buffer | undefined;
	for (const textSize of sizes) {
		last = await print({ textSize });
		if (!required || pages(last) === required) return { pdf: last, textSize };
	}
	if (!levels) return { pdf: last!, textSize: sizes.at(-1) };
	const smallest = sizes.at(-1);
	const fitted = {} as Record<CardPage, number>;
	for (const part of Object.keys(CARD_LEVELS) as CardPage[]) {
		let level = 0;
		while (pages(await print({ textSize: smallest, attributes: { ...levelAttributes({ [part]: level } as Record<CardPage, number>), [ALONE_ATTRIBUTE]: part } })) > 1) {
			if (level === topLevel(part)) return { pdf: last!, textSize: smallest, unfit: `its ${part} page does not fit one page even with ${CARD_LEVELS[part][level]} (its last level, src/plan/card-fit.ts)` };
			level++;
		}
		fitted[part] = level;
	}
	for (const textSize of sizes) {
		last = await print({ textSize, attributes: levelAttributes(fitted) });
		if (pages(last) === required) return { pdf: last, textSize, levels: fitted };
	}
	return { pdf: last!, textSize: smallest, levels: fitted, unfit: `each page fits alone, at levels ${JSON.stringify(fitted)}, but not the two together` };
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
				for (const { page, file: name, pages: required, textSizes = [undefined], levels = false } of PRINTS) {
					const t0 = performance.now();
					const printed = await openPrint(browser, site.url, `/${id}/${page}/`, siteUrl);
					let fitted: Awaited<ReturnType<typeof printFitted>>;
					try {
						fitted = await printFitted(async (settings) => reproducible(await printed.pdf(settings), date), pdfPageCount, required, textSizes, levels);
					} finally {
						await printed.close();
					}
					const { pdf, textSize } = fitted;
					const file = name(id);
					const pages = pdfPageCount(pdf);
					if (required && pages !== required)
						throw new Error(
							`dist/downloads/${file} has ${pages} pages instead of ${required}${fitted.unfit ? `: ${fitted.unfit}` : ''}: shorten the texts it prints (src/routes/[lang]/${page}.astro lists them) or tighten its layout`,
						);
					writeFileSync(join(context.downloads, file), pdf);
					bytes += pdf.length;
					const shortened = fitted.levels ? Object.entries(fitted.levels).filter(([, level]) => level > 0).map(([part, level]) => `${part} page at level ${level}`) : [];
					progress(`${++count}/${total} ${file.padEnd(16)} ${String(pages).padStart(3)} pages ${formatBytes(pdf.length).padStart(9)}  ${Math.round(performance.now() - t0)} ms${textSize ? `, text ${textSize}` : ''}${shortened.length ? `, shortened: ${shortened.join(', ')}` : ''}`);
				}
		} finally {
			await browser.close();
			await site.close();
		}
		return { made: `${count} PDFs in dist/downloads/ (${PRINTS.map((p) => p.file('<lang>')).join(', ')})`, bytes };
	},
};
