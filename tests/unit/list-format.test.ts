/**
 * Lists joined as each language joins them (src/i18n/i18n.ts): names side by side, and a list cut
 * short that ends in the count of the rest ("and 12 more"), joined with the language's own "and"
 * and its own punctuation: no comma before "y" in Spanish or "et" in French.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatList, listParts } from '../../src/i18n/list-format';
import { ROOT } from '../helpers/project';

const NAMES = ['Signal', 'Wire', 'Jitsi Meet'];
/** The count of the rest as each language writes it (card.more, filled in): without an "and", which the list adds. */
const MORE = { en: '12 more', es: '12 más', fr: '12 autres', ar: '12 غيرها' } as const;

/** The text listParts gives, items put back in place. */
const fromParts = (lang: string, items: string[], type: 'unit' | 'conjunction') => listParts(lang, items.length, type).map((p) => ('index' in p ? items[p.index] : p.literal)).join('');

describe('a list cut short, ending in the count of the rest', () => {
	test.each([
		['en', 'Signal, Wire, Jitsi Meet, and 12 more', 'Signal and 12 more'],
		['es', 'Signal, Wire, Jitsi Meet y 12 más', 'Signal y 12 más'],
		['fr', 'Signal, Wire, Jitsi Meet et 12 autres', 'Signal et 12 autres'],
		['ar', 'Signal وWire وJitsi Meet و12 غيرها', 'Signal و12 غيرها'],
	] as const)('in %s reads "%s"', (lang, three, one) => {
		expect(formatList(lang, [...NAMES, MORE[lang]], 'conjunction')).toBe(three);
		expect(formatList(lang, [NAMES[0]!, MORE[lang]], 'conjunction')).toBe(one);
		// The names as elements (links) get the same separators.
		expect(fromParts(lang, [...NAMES, MORE[lang]], 'conjunction')).toBe(three);
	});

	test('never says "and" twice: no language of the guide puts it in its card.more', () => {
		const dir = join(ROOT, 'content', 'i18n');
		const langs = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
		expect(langs).toEqual(expect.arrayContaining(['en', 'ar', 'es', 'fr']));
		for (const lang of langs) {
			const more = (JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Record<string, string>)['card.more']!.replace('{{count}}', '12');
			// The word the list puts before its last item ("and", "y", "et", "و"), which the count must not repeat.
			const joint = listParts(lang, 2, 'conjunction').find((p) => 'literal' in p) as { literal: string };
			const and = joint.literal.replace(/[\s,،]/g, '');
			expect(and, lang).not.toBe('');
			expect(more.startsWith(and), `${lang}: "${more}" starts with "${and}"`).toBe(false);
		}
	});
});

describe('names side by side', () => {
	test.each([
		['en', 'Signal, Wire, Jitsi Meet'],
		['es', 'Signal, Wire, Jitsi Meet'],
		['fr', 'Signal, Wire et Jitsi Meet'],
		['ar', 'Signal، وWire، وJitsi Meet'],
	] as const)('in %s read "%s", as before', (lang, text) => {
		expect(formatList(lang, NAMES)).toBe(text);
		expect(fromParts(lang, NAMES, 'unit')).toBe(text);
	});
});
