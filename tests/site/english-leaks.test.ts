/**
 * No English in the other languages: none of Starlight's or the project's English interface strings
 * appears in a page of another language, except proper names and words spelt the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { englishPhrases, findEnglish } from '../../src/i18n/english-leaks';
import { DIST, requireDist, ROOT } from '../helpers/project';
import { htmlFiles, readDist, siteData } from '../helpers/site';

beforeAll(requireDist);
const data = siteData();

/** Starlight's English strings, read from the installed package. */
function starlightEnglish(): Record<string, string> {
	const source = readFileSync(join(ROOT, 'node_modules/@astrojs/starlight/dist/translations/en.js'), 'utf8');
	const entries = [...source.matchAll(/^\t"([^"]+)": "((?:[^"\\]|\\.)*)",?$/gm)].map((m) => [m[1]!, JSON.parse(`"${m[2]}"`) as string]);
	if (entries.length < 20) throw new Error('Starlight’s English strings were not found in dist/translations/en.js: update this reader.');
	return Object.fromEntries(entries);
}

const phrases = [
	...englishPhrases(starlightEnglish(), 'Starlight'),
	...englishPhrases(JSON.parse(readFileSync(join(ROOT, 'content/i18n/en.json'), 'utf8')) as Record<string, string>, 'content/i18n/en.json'),
];

/** Proper names: tools, systems, keys. Never translated, and some hold English words. */
const NAMES = [
	...data.tools.flatMap((t) => [t.name, ...t.otherNames]),
	'Android',
	'iOS',
	'Windows',
	'macOS',
	'Linux',
	'Ctrl',
	'Encrypting File System',
	// Menu items of programs that show them in English where they have no translation.
	'File → Import',
	'File → Decrypt/Verify',
	'OpenPGP: Verify Signature of File',
];
/** Words that the language spells as English does. */
const SAME_WORD: Record<string, string[]> = { es: [], fr: ['Note', 'Question', 'Menu', 'Auto', 'Danger', 'Messages', 'Guides', 'Page'], ar: [] };

describe('pages in languages other than English', () => {
	const others = data.languages.filter((l) => l.id !== data.languages[0]!.id);

	test.each(others.map((l) => [l.id] as const))('%s: no English interface string on any page', (lang) => {
		const files = htmlFiles().filter((f) => f.startsWith(`${lang}/`));
		expect(files.length).toBeGreaterThan(40);
		const found = files.flatMap((file) =>
			findEnglish(readDist(file), phrases, { names: NAMES, sameWord: SAME_WORD[lang] }).map((p) => `${file}: "${p.phrase}" (${p.from})`),
		);
		expect(found).toEqual([]);
	});

	test('an English callout title or anchor label slipped into a page is found', () => {
		const page = readFileSync(join(DIST, 'fr/tools/signal/index.html'), 'utf8');
		expect(findEnglish(page, phrases, { names: NAMES, sameWord: SAME_WORD.fr })).toEqual([]);
		const seeded = page.replace('<main', '<main><aside aria-label="Caution"><p>Caution</p></aside><span class="sr-only">Section titled “Qui”</span>');
		expect(findEnglish(seeded, phrases, { names: NAMES, sameWord: SAME_WORD.fr }).map((p) => p.phrase)).toEqual(['Caution', 'Section titled']);
		// A proper name that holds an English word is not a leak; the word alone is.
		expect(findEnglish(page.replace('<main', '<main><p>Browser</p>'), phrases, { names: NAMES }).map((p) => p.phrase)).toContain('Browser');
	});
});
