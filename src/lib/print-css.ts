/**
 * What every printed page of the guide (the handout and the quick card, printed by the handouts
 * stage) shares: its fonts, its page frame and the parts of a Starlight page that paper has no use for.
 *
 * Fonts ship with the project; every script the PDFs use has one, embedded in them. Arabic is
 * printed in Amiri: its glyphs map one to one to letters, so the PDF's text layer gives whole
 * words. Noto Sans Arabic draws a letter's dots as glyphs of their own that map to no character,
 * and PDF readers then split words where the dots are ("الت واصل"). Amiri is drawn smaller than
 * Noto Sans at the same size, hence its size-adjust.
 */
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import arabic400 from '@fontsource/amiri/files/amiri-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/amiri/files/amiri-arabic-700-normal.woff2?url';

const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
const ARABIC = 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';
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
}

/** The style sheet of a printed page: fonts, page frame, and no navigation on paper. Inline, unlayered, so that it wins over Starlight's. */
export function printCss({ size, margin, title, pageOf }: PrintFrame): string {
	const box = `font-family:'${FAMILY}';font-size:9pt;color:#555;`;
	return [
		fontFace(400, latin400, LATIN),
		fontFace(700, latin700, LATIN),
		fontFace(400, latinExt400, LATIN_EXT),
		fontFace(700, latinExt700, LATIN_EXT),
		fontFace(400, arabic400, ARABIC, '120%'),
		fontFace(700, arabic700, ARABIC, '120%'),
		`:root{--sl-font:'${FAMILY}';--sl-font-system-mono:'${FAMILY}';}`,
		// Amiri's kerning moves a letter that follows و or ر far enough that PDF readers split the word there ("شر يكة").
		`:root:lang(ar){font-kerning:none}`,
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
