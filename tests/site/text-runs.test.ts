/**
 * Search indexes, online and offline, read a page's text without its layout: a fact's label and
 * its value, or two facts, must not run together ("Works onAndroid", "LinuxUsed for").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/project';
import { readDist, siteData } from '../helpers/site';

const data = siteData();
/** The text of some HTML as a search index reads it: the tags dropped, nothing added in their place. */
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

describe.each(data.languages.map((l) => l.id))('pages in %s', (lang) => {
	const ui = JSON.parse(readFileSync(join(ROOT, `content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;

	test('keep every fact of a tool apart from its label and from the fact before it', () => {
		for (const tool of data.tools) {
			const html = readDist(`${lang}/tools/${tool.id}/index.html`);
			const facts = text(html.slice(html.indexOf('class="tool-facts'), html.indexOf('</section>', html.indexOf('class="tool-facts'))));
			for (const key of ['tool.platforms', 'tool.useCases', 'tool.openSource', 'tool.needsAccount', 'tool.homepage'])
				expect(facts, `${lang}/tools/${tool.id}: ${ui[key]}`).toMatch(new RegExp(`\\s${ui[key]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\s`));
		}
	});

	test('keep a step’s labels apart from the tools they name', () => {
		const html = readDist(`${lang}/scenarios/direct-contact/index.html`);
		// The label and its colon as the language writes them (French: a non-breaking space before it).
		const label = ui['format.label']!.replace('{{label}}', ui['seq.tools']!);
		expect(text(html)).toMatch(new RegExp(`\\s${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`));
	});
});
