/**
 * The fonts the PDFs are printed in, from the guide's data (content/data/print-fonts.yaml and each
 * language's printFonts) and the font packages' own account of their letters: the unicode-range of
 * each subset, in the package's unicode.json. Build time only: it reads the installed packages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PrintFontFaces } from './print-css.ts';
import { dataFile } from '../check/sources.ts';

/**
 * The unicode-range of each subset of an installed @fontsource package, by subset name; `undefined`
 * when the package is not installed. Found where the generator finds the font files it prints
 * with (src/pdf/print-css.ts imports them): from its own folder.
 */
export function subsetRanges(pkg: string): Record<string, string> | undefined {
	let dir: string;
	try {
		dir = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
	} catch {
		return undefined;
	}
	const file = join(dir, 'unicode.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : undefined;
}

/** Whether a code point is in a CSS unicode-range such as "U+0000-00FF,U+0131". */
export function inRange(range: string, codePoint: number): boolean {
	return range.split(',').some((part) => {
		const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
		const low = parseInt(from!, 16);
		return codePoint >= low && codePoint <= (to === undefined ? low : parseInt(to, 16));
	});
}

/** The letters of `letters` (spaces aside) that none of the ranges has, each once, in order. */
export function missingLetters(letters: string, ranges: readonly string[]): string[] {
	return [...new Set([...letters].filter((c) => c.trim() && !ranges.some((range) => inRange(range, c.codePointAt(0)!))))];
}

/** The fonts as a printed page needs them: every font of print-fonts.yaml in its order, each subset with its range, and the languages printed in it. */
export function printFontFaces(
	fonts: readonly { id: string; package: string; subsets: readonly string[]; sizeAdjust?: string; kerning: boolean }[],
	languages: readonly { lang: string; printFonts: readonly string[] }[],
): PrintFontFaces[] {
	return fonts.map((font) => {
		const ranges = subsetRanges(font.package);
		if (!ranges) throw new Error(`the print font "${font.id}" (${dataFile('print-fonts')}) is the package ${font.package}, which is not installed: npm install ${font.package}`);
		return {
			package: font.package,
			subsets: font.subsets.map((name) => ({ name, range: ranges[name] ?? '' })),
			...(font.sizeAdjust ? { sizeAdjust: font.sizeAdjust } : {}),
			kerning: font.kerning,
			langs: languages.filter((l) => l.printFonts.includes(font.id)).map((l) => l.lang),
		};
	});
}
