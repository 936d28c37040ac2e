import { afterEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { inRange, missingLetters, printFontFaces, subsetRanges } from '../../src/pdf/print-fonts';
import { printCss } from '../../src/pdf/print-css';
import { copyProject } from '../helpers/project';

let project: ReturnType<typeof copyProject> | undefined;
afterEach(() => project?.cleanup());

const PERSIAN = 'پچژگ';

describe('print fonts (content/data/print-fonts.yaml, a language’s printFonts and letters)', () => {
	test('a unicode-range has a letter when one of its parts does', () => {
		expect(inRange('U+0000-00FF,U+0131', 'é'.codePointAt(0)!)).toBe(true);
		expect(inRange('U+0000-00FF,U+0131', 0x131)).toBe(true);
		expect(inRange('U+0000-00FF,U+0131', 0x132)).toBe(false);
		expect(missingLetters('a b é ı', ['U+0000-00FF'])).toEqual(['ı']);
	});

	test('the packages’ own subsets say which letters they have: Amiri’s Arabic has the Persian letters, Noto Sans’s Latin has not', () => {
		const amiri = subsetRanges('@fontsource/amiri')!;
		const noto = subsetRanges('@fontsource/noto-sans')!;
		expect(missingLetters(PERSIAN, [amiri.arabic!])).toEqual([]);
		expect(missingLetters(PERSIAN, [noto.latin!, noto['latin-ext']!])).toEqual([...PERSIAN]);
		expect(subsetRanges('@fontsource/no-such-font')).toBeUndefined();
	});

	test('the content check names a language whose print fonts lack its letters, the letters, and the fix', () => {
		project = copyProject(['content']);
		project.edit('content/data/languages.yaml', (t) => t.replace('  printFonts: [noto-sans]\n  letters: abcdefghijklmnopqrstuvwxyz', `  printFonts: [noto-sans]\n  letters: ${PERSIAN}abcdefghijklmnopqrstuvwxyz`));
		const problems = checkContent(project.dir).problems;
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/data/languages.yaml', field: 'entry 1 (id "en") → letters', message: `the print fonts of "en" (noto-sans) have no پ چ ژ گ: its PDFs would show them in another font, or as empty boxes` });
		project.edit('content/data/languages.yaml', (t) => t.replace(`  printFonts: [noto-sans]\n  letters: ${PERSIAN}`, `  printFonts: [noto-sans, amiri]\n  letters: ${PERSIAN}`));
		expect(checkContent(project.dir).problems).toEqual([]);
	});

	test('a font package that is not installed, or a subset it does not have, is refused with the file and the fix', () => {
		project = copyProject(['content']);
		project.edit('content/data/print-fonts.yaml', (t) => t.replace('package: "@fontsource/amiri"\n  subsets: [arabic]', 'package: "@fontsource/amiri"\n  subsets: [arabik]'));
		const problems = checkContent(project.dir).problems;
		expect(problems.find((p) => p.file === 'content/data/print-fonts.yaml')).toMatchObject({ field: 'entry 2 (id "amiri") → subsets[0]', message: '@fontsource/amiri has no subset "arabik"' });
		project.edit('content/data/print-fonts.yaml', (t) => t.replace('"@fontsource/amiri"', '"@fontsource/no-such-font"'));
		expect(checkContent(project.dir).problems.find((p) => p.field === 'entry 2 (id "amiri") → package')!.fix).toBe('run npm install @fontsource/no-such-font, or name a font package of the @fontsource family that is installed.');
	});

	test('a printed page has every font’s subsets for their letters, and no kerning for the languages of a font without it', () => {
		const fonts = printFontFaces(
			[
				{ id: 'sans', package: '@fontsource/noto-sans', subsets: ['latin'], kerning: true },
				{ id: 'naskh', package: '@fontsource/amiri', subsets: ['arabic'], sizeAdjust: '120%', kerning: false },
			],
			[
				{ lang: 'en', printFonts: ['sans'] },
				{ lang: 'fa', printFonts: ['naskh', 'sans'] },
			],
		);
		const css = printCss({ size: 'A4', margin: '1cm', title: 'T', fonts });
		expect(css.match(/@font-face\{[^}]*\}/g)).toHaveLength(4);
		expect(css).toMatch(/amiri-arabic-700-normal[^}]*unicode-range:U\+0600-06FF[^}]*size-adjust:120%;/);
		expect(css).toContain(':root:lang(fa){font-kerning:none}');
		expect(css).not.toContain(':root:lang(en){font-kerning');
		expect(() => printFontFaces([{ id: 'x', package: '@fontsource/no-such-font', subsets: ['latin'], kerning: true }], [])).toThrow('npm install @fontsource/no-such-font');
	});
});
