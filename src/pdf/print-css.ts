/**
 * What every printed page of the guide (the handout and the quick card, printed by the handouts
 * stage) shares: its fonts, its page frame and the parts of a Starlight page that paper has no use for.
 *
 * Fonts ship with the project; every script the PDFs use has one, embedded in them. Which fonts,
 * for which languages, is the guide's data (content/data/print-fonts.yaml and each language's
 * printFonts, whose letters the content check finds in them).
 */
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import arabic400 from '@fontsource/amiri/files/amiri-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/amiri/files/amiri-arabic-700-normal.woff2?url';
import { dataFile } from '../check/sources.ts';

/**
 * The font files the generator can print with, by package, subset and weight: Vite must see each
 * file's import to ship it. Which of them a guide prints with is its data (content/data/print-fonts.yaml);
 * the content check refuses a font or subset that is not here.
 */
export const FONT_FILES: Record<string, Record<string, Record<400 | 700, string>>> = {
	'@fontsource/noto-sans': { latin: { 400: latin400, 700: latin700 }, 'latin-ext': { 400: latinExt400, 700: latinExt700 } },
	'@fontsource/amiri': { arabic: { 400: arabic400, 700: arabic700 } },
};

/** The address of a font file the generator ships, or an error that says what to add. */
function fontFile(pkg: string, subset: string, weight: 400 | 700): string {
	const url = FONT_FILES[pkg]?.[subset]?.[weight];
	if (!url) throw new Error(`${dataFile('print-fonts')} prints with ${pkg}, subset ${subset}, which the generator does not ship: add the imports of its ${weight} and other weights' woff2 files to FONT_FILES in src/pdf/print-css.ts, or use a font it ships (${Object.entries(FONT_FILES).map(([p, s]) => `${p}: ${Object.keys(s).join(', ')}`).join('; ')})`);
	return url;
}

/** One font of content/data/print-fonts.yaml as a printed page needs it: each subset's unicode-range is the package's (its unicode.json). */
export interface PrintFontFaces {
	package: string;
	subsets: { name: string; range: string }[];
	sizeAdjust?: string;
	kerning: boolean;
	/** The languages (their `lang`) printed in it, for the rules that follow the font (no kerning). */
	langs: string[];
}

const FAMILY = 'Playbook Print';

const fontFace = (weight: number, url: string, range: string, adjust = '') =>
	`@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${weight};font-display:block;src:url(${url}) format('woff2');unicode-range:${range};${adjust && `size-adjust:${adjust};`}}`;

/**
 * A text as a CSS string, for a style sheet written into a <style> element: `<` is escaped too, so
 * that a title holding "</style>" cannot end the element.
 */
export const cssString = (text: string): string => JSON.stringify(text).replace(/</g, '\\3c ');

/** "Page {{page}} of {{pages}}" as the content of a page-margin box: `"Page " counter(page) " of " counter(pages)`. */
export function pageOfContent(template: string): string {
	return template
		.split(/(\{\{pages?\}\})/)
		.filter(Boolean)
		.map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part)))
		.join(' ');
}

export interface PrintFrame {
	/** The page size and margins, as in `@page { size; margin }`. */
	size: string;
	margin: string;
	/** The running title at the top of every page. */
	title: string;
	/** "Page {{page}} of {{pages}}" in the page's language, at the bottom of every page; none if absent. */
	pageOf?: string;
	/** The fonts to print in (content/data/print-fonts.yaml), in order. */
	fonts: readonly PrintFontFaces[];
}

/** The style sheet of a printed page: fonts, page frame, and no navigation on paper. Inline, unlayered, so that it wins over Starlight's. */
export function printCss({ size, margin, title, pageOf, fonts }: PrintFrame): string {
	const box = `font-family:'${FAMILY}';font-size:9pt;color:#555;`;
	return [
		...fonts.flatMap((font) => font.subsets.flatMap(({ name, range }) => ([400, 700] as const).map((weight) => fontFace(weight, fontFile(font.package, name, weight), range, font.sizeAdjust)))),
		`:root{--sl-font:'${FAMILY}';--sl-font-system-mono:'${FAMILY}';}`,
		// A font whose kerning moves letters apart far enough that PDF readers split words there (Amiri after و or ر: "شر يكة").
		...fonts.filter((font) => !font.kerning && font.langs.length).map((font) => `${font.langs.map((l) => `:root:lang(${l})`).join(',')}{font-kerning:none}`),
		// Paper has no navigation: no header, sidebar, page footer links or quick exit. Nor the page
		// footer, whose padding alone would start an empty last page.
		`@media print{header.header,.sidebar,.right-sidebar,.pagination-links,starlight-theme-select,starlight-lang-select,site-search,main footer,quick-exit,.sl-skip-link{display:none!important}`,
		`.main-pane,main,.content-panel,.sl-container{padding-block-end:0!important;margin-block-end:0!important}`,
		// A heading stays with what follows it, also in the pages' prose (Starlight wraps those headings).
		`:is(h2,h3,h4,h5,h6,caption,.sl-heading-wrapper){break-after:avoid-page}}`,
		// The running title and the page number sit next to the text, not near the paper's edge, where
		// a printer, or an A4 page printed on US Letter, cuts them off.
		`@page{size:${size};margin:${margin};@top-center{content:${cssString(title)};${box}vertical-align:bottom;padding-block-end:3mm;}${pageOf ? `@bottom-center{content:${pageOfContent(pageOf)};${box}color:inherit;vertical-align:top;padding-block-start:3mm;}` : ''}}`,
	].join('');
}
