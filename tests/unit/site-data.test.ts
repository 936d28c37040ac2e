import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSiteData } from '../../src/check/site-data';
import { ROOT } from '../helpers/project';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function project(languages: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'site-data-'));
	dirs.push(dir);
	mkdirSync(join(dir, 'content/data'), { recursive: true });
	mkdirSync(join(dir, 'content/i18n'), { recursive: true });
	writeFileSync(join(dir, 'content/data/languages.yaml'), languages);
	writeFileSync(join(dir, 'content/i18n/en.json'), '{"site.title": "Guide"}');
	writeFileSync(join(dir, 'package.json'), '{"version": "1.2.3"}');
	return dir;
}

describe('loadSiteData', () => {
	test('reads the project’s languages in order, their strings and the version', () => {
		const data = loadSiteData(ROOT);
		expect(data.languages.map((l) => l.id)).toEqual(['en', 'es', 'fr', 'ar']);
		expect(data.languages.find((l) => l.id === 'ar')!.dir).toBe('rtl');
		expect(data.strings.fr!['site.title']).toBeTruthy();
	});

	test('names the file, the field and the fix when a language is invalid', () => {
		const dir = project('- id: en\n  lang: en\n  label: English\n  quickExit: http://example.org/\n  printFonts: [sans]\n  letters: abc\n');
		expect(() => loadSiteData(dir)).toThrow('content/data/languages.yaml: at 0.quickExit: must be a full address starting with https://. Fix: see src/schemas/language.ts');
	});

	test('names a missing strings file and how to make it', () => {
		const dir = project('- id: en\n  lang: en\n  label: English\n  quickExit: https://example.org/\n  printFonts: [sans]\n  letters: abc\n- id: de\n  lang: de\n  label: Deutsch\n  quickExit: https://example.org/\n  printFonts: [sans]\n  letters: abc\n');
		expect(() => loadSiteData(dir)).toThrow('content/i18n/de.json: the file is missing. Fix: copy content/i18n/en.json to content/i18n/de.json and translate it');
	});
});
