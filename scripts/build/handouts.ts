/**
 * The handouts stage: prints the handout of every language (dist/<lang>/handout/, built by Astro
 * from the same content as the site) to dist/downloads/handout-<lang>.pdf with headless Chromium
 * (src/lib/browser.ts: an installed one, or the one shipped in @sparticuz/chromium). The page
 * embeds its own fonts, so the PDF looks the same whichever Chromium prints it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, resolveChromium } from '../../src/lib/browser.ts';
import { formatBytes, type Stage } from '../../src/lib/pipeline.ts';
import { serveStatic } from '../../src/lib/static-server.ts';
import type { BuildContext } from './context.ts';

export const handouts: Stage<BuildContext> = {
	name: 'handouts',
	does: 'prints the PDF handout of every language with Chromium',
	async run(context, progress) {
		const { languages } = context.data();
		for (const { id } of languages)
			if (!existsSync(join(context.dist, id, 'handout', 'index.html'))) throw new Error(`dist/${id}/handout/index.html is missing: run the site stage first (npm run build runs every stage).`);
		progress(`Chromium: ${(await resolveChromium()).description}`);
		mkdirSync(context.downloads, { recursive: true });
		const site = await serveStatic(context.dist);
		const browser = await launchChromium();
		let bytes = 0;
		try {
			for (const [i, { id }] of languages.entries()) {
				const t0 = performance.now();
				const page = await browser.newPage();
				const failed: string[] = [];
				page.on('requestfailed', (r) => failed.push(r.url()));
				page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
				await page.goto(`${site.url}/${id}/handout/`, { waitUntil: 'networkidle' });
				await page.evaluate(() => document.fonts.ready);
				if (failed.length) throw new Error(`the ${id} handout could not load: ${failed.join(', ')}`);
				// Links to other pages of the site would point at this temporary server: they point at
				// SITE_URL when it is set, and are plain text otherwise. Links within the handout stay.
				await page.evaluate((siteUrl) => {
					for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
						if (a.origin !== location.origin || a.pathname === location.pathname) continue;
						if (siteUrl) a.href = new URL(a.pathname.slice(1) + a.search + a.hash, siteUrl.replace(/\/?$/, '/')).href;
						else a.removeAttribute('href');
					}
				}, process.env.SITE_URL ?? '');
				await page.emulateMedia({ media: 'print' });
				const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
				await page.close();
				const file = `handout-${id}.pdf`;
				writeFileSync(join(context.downloads, file), pdf);
				bytes += pdf.length;
				progress(`${i + 1}/${languages.length} ${file.padEnd(16)} ${formatBytes(pdf.length).padStart(9)}  ${Math.round(performance.now() - t0)} ms`);
			}
		} finally {
			await browser.close();
			await site.close();
		}
		return { made: `${languages.length} PDF handouts in dist/downloads/`, bytes };
	},
};
