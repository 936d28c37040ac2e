/**
 * Content cannot carry active markup. Pages, data, texts and interface strings are written by
 * editors and translators, partner organisations included; none of them may add a script, an
 * event handler, an embedded frame or object, or a script address. This check reads every
 * content file as text, before anything parses it, and names the file, the line and the fix.
 *
 * What it rejects, anywhere in content/ (MDX and Markdown pages, YAML, JSON):
 * - `<script`, `<iframe`, `<object`, `<embed`, and `set:html` (Astro's raw HTML);
 * - the same elements added through a page's frontmatter (`head: [{ tag: script, … }]`);
 * - event attributes in a tag: `<img onerror=…>`, `<a onClick={…}>`;
 * - `javascript:`, `vbscript:` and `data:` addresses, also written with character references;
 * - anything a page would load from another site: an image, sound or video (`![…](https://…)`,
 *   `<img src="https://…">`, `srcset`, `poster`), a stylesheet or a CSS `url(…)`. The site's policy
 *   would block it, so the reader would see a broken image, and asking another site for it would
 *   tell that site who reads the guide. Links to other sites are fine: a reader chooses to follow them.
 *
 * Pages are first read as MDX by src/check/check-mdx.ts, which allows only what a page may hold; this
 * check on the text is the one for YAML and JSON, and a second lock on pages (the content check does
 * not report a page line twice).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../build/files.ts';
import { contentDir } from './sources.ts';

export interface MarkupProblem {
	file: string;
	field: string;
	message: string;
	fix: string;
}

interface Rule {
	pattern: RegExp;
	message: (match: RegExpExecArray) => string;
	fix: string;
}

const OUTSIDE_FIX = 'save the file in public/ (for example public/images/) and use its path, such as /images/name.png: pages load nothing from another site, so that no other site learns who reads the guide. A link to another site, [text](https://…), is allowed.';

const RULES: Rule[] = [
	{
		pattern: /<\s*(script|iframe|object|embed)\b/gi,
		message: (m) => `<${m[1]!.toLowerCase()}> is not allowed in content`,
		fix: 'remove the element. Content cannot run scripts or embed other pages and objects; link to them instead, with an ordinary https:// address.',
	},
	{
		// Starlight writes a page's frontmatter `head:` entries into the page as they are.
		pattern: /\btag\s*:\s*['"]?(script|iframe|object|embed)\b/gi,
		message: (m) => `a <${m[1]!.toLowerCase()}> in the frontmatter's head is not allowed in content`,
		fix: 'remove this entry from "head:". Content cannot add scripts or embeds to a page.',
	},
	{
		pattern: /<\s*[a-zA-Z][\w:.-]*(?:\s[^>]*?)?\s(on[a-zA-Z]+)\s*=/g,
		message: (m) => `the event attribute "${m[1]}" is not allowed in content`,
		fix: `remove the attribute: content cannot run scripts. A behaviour belongs in a component (components/), written by developers.`,
	},
	{
		pattern: /(?<![\w/.-])(javascript|vbscript|data)\s*:(?=[^\s])/gi,
		message: (m) => `a ${m[1]!.toLowerCase()}: address is not allowed in content`,
		fix: 'link to a page of the guide or to an ordinary https:// address; an image goes in public/ and is linked by its path.',
	},
	{
		pattern: /!\[[^\]]*\]\(\s*<?\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^\s)>]+)/gi,
		message: (m) => `an image from another site (${m[1]}) is not allowed in content`,
		fix: OUTSIDE_FIX,
	},
	{
		pattern: /<\s*(img|image|picture|source|audio|video|track|input|link)\b[^>]*?\s(src|srcset|href|poster|data)\s*=\s*[{"'`]?\s*[{"'`]?\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^\s"'`}>]+)/gi,
		message: (m) => `<${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}> loads ${m[3]} from another site, which is not allowed in content`,
		fix: OUTSIDE_FIX,
	},
	{
		pattern: /(url\(|@import)\s*['"]?\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^\s'")]+)/gi,
		message: (m) => `${m[1] === '@import' ? '@import' : 'url()'} loads ${m[2]} from another site, which is not allowed in content`,
		fix: OUTSIDE_FIX,
	},
	{
		pattern: /\bset:html\b/g,
		message: () => 'set:html (raw HTML) is not allowed in content',
		fix: 'write the text itself; Markdown gives links and emphasis.',
	},
];

/** Character references turned back into characters, so `&#106;avascript:` is read as what it is. */
function decodeReferences(line: string): string {
	return line
		.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&colon;/gi, ':')
		.replace(/&tab;|&newline;/gi, '');
}

/** The problems of one content file's text; `file` is its path from the project root. */
export function checkMarkupText(file: string, text: string): MarkupProblem[] {
	const problems: MarkupProblem[] = [];
	text.split('\n').forEach((raw, index) => {
		// JSON and YAML strings may escape characters: "\u003cscript" and "\x3cscript" are "<script".
		const line = decodeReferences(raw.replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, u?: string, x?: string) => String.fromCharCode(parseInt((u ?? x)!, 16))));
		for (const rule of RULES)
			for (const match of line.matchAll(rule.pattern))
				problems.push({ file, field: `line ${index + 1}, column ${match.index + 1}`, message: rule.message(match as RegExpExecArray), fix: rule.fix });
	});
	return problems;
}

/** Every content file that is read into pages: MDX and Markdown pages, YAML and JSON. */
export function checkMarkup(root: string): MarkupProblem[] {
	const base = join(root, contentDir());
	if (!existsSync(base)) return [];
	return filesUnder(base)
		.filter((f) => /\.(mdx?|ya?ml|json)$/.test(f))
		.sort()
		.flatMap((f) => checkMarkupText(`${contentDir()}/${f.split('\\').join('/')}`, readFileSync(join(base, f), 'utf8')));
}
