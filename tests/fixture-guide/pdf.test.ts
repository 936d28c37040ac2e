/**
 * The second guide's PDFs, read back with pdfjs: the handout and the quick card of each language
 * carry the guide's own title, questions and tools, with every font embedded; the Persian ones
 * hold Persian as text, its own letters پ چ ژ گ included (letters Arabic does not have).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPdf, squash, words, type Pdf } from '../helpers/pdf';
import { parseYaml } from '../../src/check/sources';
import { FIXTURE } from './build';
import { LANGS, ui, useFixtureBuild, type Lang } from './site';

const build = useFixtureBuild();
const pdfs = new Map<string, Pdf>();
beforeAll(async () => {
	for (const kind of ['handout', 'card'])
		for (const lang of LANGS) pdfs.set(`${kind}-${lang}`, await readPdf(join(build.dist, 'downloads', `${kind}-${lang}.pdf`)));
}, 120_000);

/** The text of every page, in reading order where Chromium marked it. */
const text = (name: string) =>
	pdfs
		.get(name)!
		.pages.map((p) => `${p.text}\n${p.actualText}`)
		.join('\n');

/** A text of the guide's guide/text/<lang>.yaml. */
const guideText = (lang: Lang, key: string) => {
	const file = `guide/text/${lang}.yaml`;
	const texts = parseYaml(readFileSync(join(FIXTURE, file), 'utf8'), file) as Record<string, string>;
	if (!(key in texts)) throw new Error(`no "${key}" in the fixture's ${file}`);
	return texts[key]!;
};

describe.each(['handout', 'card'] as const)('the second guide’s %s', (kind) => {
	test.each(LANGS)('in %s: titled with the guide’s title, every font embedded, the guide’s own questions and tools and none of the other guide’s', (lang) => {
		const pdf = pdfs.get(`${kind}-${lang}`)!;
		expect(pdf.title).toEqual(kind === 'handout' ? ui(lang, 'site.title') : expect.stringContaining(ui(lang, 'site.title')));
		expect(pdf.fonts.length).toBeGreaterThan(0);
		for (const font of pdf.fonts) expect(font.embedded, font.name).toBe(true);
		if (kind === 'card') expect(pdf.pages).toHaveLength(2);
		const content = squash(text(`${kind}-${lang}`));
		// Each question's short name, word by word (a right-to-left line's words come in the order they are drawn).
		const extracted = new Set(words(text(`${kind}-${lang}`).replace(/\u200c/g, '')));
		for (const question of ['source-at-risk', 'tor-watched', 'receiving-files'])
			for (const word of words(guideText(lang, `question.${question}.short`).replace(/\u200c/g, ''))) expect(extracted, `${question}: ${word}`).toContain(word);
		for (const tool of ['SecureDrop', 'Dangerzone', 'mat2']) expect(content, tool).toContain(tool);
		// Every interface string filled in: no key or "undefined" where a text belongs (a question not asked has no answer to print).
		expect(text(`${kind}-${lang}`)).not.toMatch(/undefined|\b(?:risk|seq|card|handout)\.[a-z]+\b/);
		// Nothing of the guide the generator ships with.
		for (const other of ['Signal', 'WhatsApp', 'Proton']) expect(content, other).not.toContain(other);
	});

	test('in Persian: the letters of Persian that Arabic does not have (پ چ ژ گ) are text, and Persian words come out whole', () => {
		const pdf = pdfs.get(`${kind}-fa`)!;
		const content = squash(text(`${kind}-fa`));
		for (const letter of ['پ', 'چ', 'ژ', 'گ']) expect(content, letter).toContain(letter);
		// Chromium drew the Persian runs right to left, and marked them.
		expect(pdf.pages.some((p) => p.reversedRuns > 0)).toBe(true);
		// Every Persian word of a question of the guide, whole, as a reader that copies the text gets it (pdfjs
		// gives a line's words in the order they are drawn; a joiner within a word is not kept).
		const extracted = new Set(pdf.pages.flatMap((p) => words(p.actualText.replace(/\u200c/g, ''))));
		const question = words(guideText('fa', 'question.tor-watched').replace(/\u200c/g, '')).filter((word) => /\p{Script=Arabic}/u.test(word));
		expect(question.length).toBeGreaterThan(5);
		expect(question.filter((word) => !extracted.has(word))).toEqual([]);
	});
});
