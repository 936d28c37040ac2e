/**
 * The output check: every HTML file the build wrote (the site's pages, the pages inside the
 * offline bundles, the single-file guides) against what the generator emits. Content is checked
 * before Astro runs (src/check/check-content.ts); this is the second lock, after the build, on what
 * readers get: anything below stops the build before checksums and signatures.
 *
 * - `<meta>`: only the generator's kinds (charset, the names and properties it writes, and one
 *   `http-equiv`, its own Content-Security-Policy); never `refresh` or any other `http-equiv`;
 * - no `<base>`; no `<iframe>`, `<object>`, `<embed>`, `<frame>`, `<frameset>`, `<portal>`,
 *   `<applet>`, `<fencedframe>`; a `<form>` only as the risk check writes it;
 * - `<style>`: only the generator's own, recognised exactly by the hash of their text;
 * - `<script>`: a file only if the build emitted it, inline only with a hash the generator writes;
 *   no `on…` attribute, no `javascript:` address;
 * - nothing that makes the browser contact another host: `src`, `srcset`, `poster`, `data`,
 *   `action`, `formaction`, `background`, `ping`, `href` outside `<a>` and `<area>` (`<link>`,
 *   SVG's `<image>` and `<use>`), `xlink:href`, `url()` or `@import` in a style. Links (`<a href>`)
 *   to other sites stay: readers choose to follow them.
 *
 * The HTML is read by a tokenizer that follows the HTML standard's (attributes separated by `/`,
 * the first of two equal attributes wins, character references decoded), since a lenient parser
 * can miss a `<meta/http-equiv=refresh>` that a browser obeys. The text of raw-text elements
 * (`<noscript>`, `<noembed>`, `<title>`, `<textarea>`, an unknown `<script>` or `<style>`) is read
 * once more as markup, as a browser reads it with scripting off or inside SVG.
 *
 * Pure: HTML text and what the build emitted in, problems out. The build stage (output check in
 * scripts/build/stages.ts) reads the files and finds the content file each problem came from.
 */

/** One thing in a built page that the generator does not write. */
export interface OutputProblem {
	/** The page: `dist/fr/tools/signal/index.html`, `dist/downloads/playbook-fr.zip: playbook-fr/fr/index.html`. */
	page: string;
	/** The line in the built page. */
	line: number;
	/** What was found. */
	what: string;
	/** What to do. */
	fix: string;
	/** Text to look for in the content files, to name the one it came from. */
	needles: string[];
	/** For a single-file guide: the page of the site the section holding it was made from (`/fr/tools/signal/`). */
	sitePage?: string;
}

/** What a page may refer to and hold: the build's own files and texts. */
export interface OutputRules {
	/** The page's path inside its site or bundle, from the root: `fr/tools/signal/index.html`. */
	path: string;
	/** How the page is named in messages. */
	page: string;
	/** Whether a file of the site or bundle (a path from its root, no leading slash) is a script the build emitted. */
	isScript: (path: string) => boolean;
	/** Whether a file of the site or bundle is a stylesheet, font, icon or image the build emitted or copied. */
	isAsset: (path: string) => boolean;
	/** Hashes (CSP form, `'sha256-…'`) of the inline scripts the generator writes. */
	scripts: ReadonlySet<string>;
	/** Hashes (CSP form) of the `<style>` texts the generator writes. */
	styles: ReadonlySet<string>;
	/**
	 * The page's one print style that the generator computes for it (the handout's and the quick
	 * card's, src/routes/[lang]/handout.astro and card.astro): the first `<style>` of the page,
	 * which comes before any content, accepted when it loads nothing from another host.
	 */
	printStyle?: boolean;
	/** The site's public address (SITE_URL), whose addresses are not another host's. */
	site?: string;
	/** The policy the page must carry, given the page's text; no check of the policy's text when absent. */
	policy?: (html: string) => string;
	/** The hash function for inline texts (CSP form), given by the caller (node:crypto). */
	hash: (text: string) => string;
}

/** A start tag as a browser reads it. */
export interface Tag {
	name: string;
	/** Attributes, names in lower case, values decoded; the first of two with one name. */
	attributes: Map<string, string>;
	/** Offset of `<` in the text. */
	at: number;
	/** The tag's own text, as written. */
	raw: string;
	/** For raw-text elements: the text up to the end tag. */
	body?: string;
	/** Offset of the body. */
	bodyAt?: number;
	/** The open elements around it, outermost first, as names (approximate: implied end tags are not applied). */
	within: string[];
	/** The `data-page` of the nearest enclosing element that has one. */
	section?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame']);
const WHITESPACE = /[\t\n\f\r ]/;

const NAMED: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', sol: '/', bsol: '\\', period: '.', comma: ',', semi: ';',
	Tab: '\t', NewLine: '\n', excl: '!', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')', ast: '*', plus: '+', equals: '=', quest: '?',
	commat: '@', lsqb: '[', rsqb: ']', lowbar: '_', grave: '`', lcub: '{', rcub: '}', verbar: '|', hyphen: '‐', dash: '‐', copy: '©', reg: '®',
	mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', middot: '·', times: '×',
};
/** Marks a named character reference the table above does not know, so that an address holding one is not read as harmless. */
export const UNKNOWN_REFERENCE = '\u{fffe}';

/** Decodes the character references of an attribute value. */
export function decodeReferences(value: string): string {
	return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string) => {
		if (ref.startsWith('#')) {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
		}
		if (ref in NAMED) return NAMED[ref]!;
		return whole.endsWith(';') ? UNKNOWN_REFERENCE : whole;
	});
}

/**
 * The start tags of an HTML text, as the HTML standard's tokenizer reads them, with the text of
 * raw-text elements as their body. Comments, doctypes and end tags are passed over.
 */
export function startTags(html: string): Tag[] {
	const tags: Tag[] = [];
	const open: { name: string; section?: string }[] = [];
	const n = html.length;
	let i = 0;
	while (i < n) {
		const lt = html.indexOf('<', i);
		if (lt < 0) break;
		i = lt + 1;
		const c = html[i] ?? '';
		if (c === '!') {
			if (html.startsWith('!--', i)) {
				if (html.startsWith('!-->', i)) i += 4;
				else if (html.startsWith('!--->', i)) i += 5;
				else {
					const end = html.slice(i + 3).search(/--!?>/);
					i = end < 0 ? n : i + 3 + end + html.slice(i + 3 + end).indexOf('>') + 1;
				}
			} else {
				const end = html.indexOf('>', i);
				i = end < 0 ? n : end + 1;
			}
			continue;
		}
		if (c === '?') {
			const end = html.indexOf('>', i);
			i = end < 0 ? n : end + 1;
			continue;
		}
		const closing = c === '/';
		if (closing) i++;
		if (!/[a-zA-Z]/.test(html[i] ?? '')) {
			// "</" followed by something else is a bogus comment up to ">"; "<" alone is text.
			if (closing) {
				const end = html.indexOf('>', i);
				i = end < 0 ? n : end + 1;
			}
			continue;
		}
		let name = '';
		while (i < n && !WHITESPACE.test(html[i]!) && html[i] !== '/' && html[i] !== '>') name += html[i++]!;
		name = name.toLowerCase().replace(/\0/g, '\ufffd');
		const attributes = new Map<string, string>();
		let selfClosing = false;
		let complete = false;
		while (i < n) {
			const ch = html[i]!;
			if (WHITESPACE.test(ch)) {
				i++;
				continue;
			}
			if (ch === '>') {
				i++;
				complete = true;
				break;
			}
			if (ch === '/') {
				i++;
				if (html[i] === '>') selfClosing = true;
				continue;
			}
			let attribute = html[i++]!;
			while (i < n && !WHITESPACE.test(html[i]!) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') attribute += html[i++]!;
			attribute = attribute.toLowerCase();
			while (i < n && WHITESPACE.test(html[i]!)) i++;
			let value = '';
			if (html[i] === '=') {
				i++;
				while (i < n && WHITESPACE.test(html[i]!)) i++;
				const quote = html[i];
				if (quote === '"' || quote === "'") {
					const end = html.indexOf(quote, i + 1);
					value = html.slice(i + 1, end < 0 ? n : end);
					i = end < 0 ? n : end + 1;
				} else {
					while (i < n && !WHITESPACE.test(html[i]!) && html[i] !== '>') value += html[i++]!;
				}
			}
			if (!attributes.has(attribute)) attributes.set(attribute, decodeReferences(value));
		}
		if (!complete) break;
		const raw = html.slice(lt, i);
		if (closing) {
			const at = open.map((o) => o.name).lastIndexOf(name);
			if (at >= 0) open.length = at;
			continue;
		}
		const within = open.map((o) => o.name);
		const own = attributes.get('data-page');
		const tag: Tag = { name, attributes, at: lt, raw, within, section: own ?? [...open].reverse().find((o) => o.section)?.section };
		tags.push(tag);
		if (RAW_TEXT.has(name) && !selfClosing) {
			// The body ends at "</name" followed by a space, "/" or ">", in any case; plaintext never ends.
			const end = name === 'plaintext' ? -1 : html.slice(i).search(new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'i'));
			tag.body = html.slice(i, end < 0 ? n : i + end);
			tag.bodyAt = i;
			i = end < 0 ? n : i + end;
			continue;
		}
		if (!VOID.has(name) && !selfClosing) open.push({ name, section: own });
	}
	return tags;
}

/** Schemes whose addresses are fetched from a host. */
const NETWORK_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);

/** An address as a browser reads it: tabs and newlines removed, spaces and controls trimmed. */
const normalise = (url: string) => url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

/** What an address is: one of the page's own files (`local`), another host's, a script, data, or unreadable. */
export function addressKind(url: string, site?: string): 'local' | 'remote' | 'script' | 'inline' | 'other' | 'unreadable' {
	const address = normalise(url);
	if (address.includes(UNKNOWN_REFERENCE)) return 'unreadable';
	if (/^[\\/][\\/]/.test(address)) return 'remote';
	const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(address)?.[1]?.toLowerCase();
	if (!scheme) return 'local';
	if (scheme === 'javascript' || scheme === 'vbscript') return 'script';
	if (scheme === 'data' || scheme === 'blob') return 'inline';
	if (NETWORK_SCHEMES.has(scheme)) {
		if (site) {
			try {
				if (new URL(address).origin === new URL(site).origin) return 'local';
			} catch {
				return 'unreadable';
			}
		}
		return 'remote';
	}
	return 'other';
}

/** The addresses a CSS text loads: `url()`, `src()`, `@import "…"` and the strings of `image-set()`. */
export function cssAddresses(css: string): string[] {
	const text = css
		.replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
		// CSS escapes: "\75 rl(" is "url(".
		.replace(/\\([0-9a-fA-F]{1,6})[\t\n\f\r ]?/g, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
		.replace(/\\([^\n])/g, '$1');
	const addresses: string[] = [];
	for (const m of text.matchAll(/\b(?:url|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) addresses.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
	for (const m of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) addresses.push(m[1] ?? m[2] ?? '');
	for (const m of text.matchAll(/image-set\(([^)]*)\)/gi)) for (const s of m[1]!.matchAll(/"([^"]*)"|'([^']*)'/g)) addresses.push(s[1] ?? s[2] ?? '');
	return addresses;
}

/** `<meta>` names and properties the generator writes (its own pages and Starlight's head). */
const META_NAMES = new Set(['description', 'viewport', 'color-scheme', 'referrer', 'robots', 'generator', 'playbook-version', 'twitter:card', 'twitter:site']);
const META_PROPERTIES = new Set(['og:title', 'og:type', 'og:url', 'og:locale', 'og:description', 'og:site_name']);
/** `<link rel>` values the generator writes. */
const LINK_RELS = new Set(['icon', 'shortcut icon', 'stylesheet', 'canonical', 'alternate', 'sitemap']);
/** Elements the generator never writes, each of which loads or shows another document. */
const FRAMES = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'portal', 'applet', 'fencedframe']);
/** Attributes whose address a browser fetches by itself. */
const FETCHED = ['src', 'srcset', 'imagesrcset', 'poster', 'data', 'action', 'formaction', 'background', 'ping', 'xlink:href', 'codebase', 'archive', 'manifest', 'lowsrc', 'dynsrc', 'profile', 'icon'];
/** Attributes of the risk check's form, the one form the generator writes (autocomplete="off": no answer filled in again on Back). */
const FORM_ATTRIBUTES = new Set(['class', 'aria-label', 'autocomplete']);

const lineAt = (html: string, offset: number) => {
	let line = 1;
	for (let i = html.indexOf('\n'); i >= 0 && i < offset; i = html.indexOf('\n', i + 1)) line++;
	return line;
};
const short = (text: string, max = 100) => {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** The file a local address of the page at `from` points to, from the root of its site or bundle; undefined outside it. */
export function resolveLocal(from: string, url: string): string | undefined {
	try {
		const resolved = new URL(normalise(url), `http://site.invalid/${from}`);
		if (resolved.host !== 'site.invalid') return undefined;
		return decodeURIComponent(resolved.pathname.slice(1));
	} catch {
		return undefined;
	}
}

/**
 * Every thing in one page that the generator does not write, with its line and what to do.
 * `html` is the page as the build wrote it.
 */
export function checkPage(html: string, rules: OutputRules): OutputProblem[] {
	const problems: OutputProblem[] = [];
	let styles = 0;
	let policies = 0;
	const report = (tag: Tag, what: string, fix: string, needles: string[] = [], offset = tag.at) =>
		problems.push({ page: rules.page, line: lineAt(html, offset), what, fix, needles: [...needles, tag.raw].filter((s) => s.length >= 4), ...(tag.section ? { sitePage: tag.section } : {}) });

	const checkTags = (tags: Tag[], nested: boolean) => {
		for (const tag of tags) {
			const a = tag.attributes;
			const shown = short(tag.raw);
			// Scripts and event attributes.
			for (const [name, value] of a)
				if (name.startsWith('on')) report(tag, `an event attribute ${name}="${short(value, 40)}" in ${shown}`, 'remove the attribute: pages run only the generator\'s scripts, and content holds no code.', [value]);
			for (const [name, value] of a)
				if (addressKind(value, rules.site) === 'script' && (name === 'href' || FETCHED.includes(name)))
					report(tag, `a script address ${name}="${short(value, 40)}" in ${shown}`, 'remove the address: content holds no code.', [value]);
			if (tag.name === 'base') {
				report(tag, `a <base> element: ${shown}`, 'remove it: the generator writes no <base>, and one changes where every address of the page leads.', [a.get('href') ?? '']);
				continue;
			}
			if (FRAMES.has(tag.name)) {
				report(tag, `an <${tag.name}> element: ${shown}`, `remove it: the generator writes no <${tag.name}>, and it opens a connection to another site or document. Link to the page instead.`, [a.get('src') ?? a.get('data') ?? '']);
				continue;
			}
			if (tag.name === 'form' && !(tag.within.includes('risk-selector') && [...a.keys()].every((k) => FORM_ATTRIBUTES.has(k)))) {
				report(tag, `a <form> the generator does not write: ${shown}`, 'remove it: the only form is the risk check\'s (components/RiskSelector.astro), which sends nothing anywhere.', [a.get('action') ?? '']);
				continue;
			}
			if (tag.name === 'meta') checkMeta(tag);
			if (tag.name === 'link') checkLink(tag);
			if (tag.name === 'script') checkScript(tag, nested);
			if (tag.name === 'style') checkStyle(tag, nested);
			// Addresses a browser fetches by itself.
			for (const name of FETCHED) {
				const value = a.get(name);
				if (value === undefined) continue;
				const candidates = name === 'srcset' || name === 'imagesrcset' || name === 'ping' || name === 'archive' ? value.split(/[\s,]+/).filter((s) => s && !/^\d+(\.\d+)?[wx]$/.test(s)) : [value];
				for (const url of candidates) {
					const kind = addressKind(url, rules.site);
					if (kind === 'remote' || kind === 'unreadable' || kind === 'other' || (kind === 'local' && (name === 'ping' || name === 'manifest' || name === 'codebase' || name === 'profile')))
						report(tag, `${kind === 'unreadable' ? 'an address the check cannot read' : 'an address the browser would fetch from another host'}: ${name}="${short(url, 80)}" in <${tag.name}>`, 'save the file in public/ and give its path on the site, or link to the other site with <a href>, which readers choose to follow.', [url]);
				}
			}
			// href outside <a> and <area> is fetched (SVG's <image>, <use>, <feImage>); <link> is checked above.
			const href = a.get('href');
			if (href !== undefined && tag.name !== 'a' && tag.name !== 'area' && tag.name !== 'link') {
				const kind = addressKind(href, rules.site);
				if (kind === 'remote' || kind === 'unreadable' || kind === 'other')
					report(tag, `an address the browser would fetch from another host: href="${short(href, 80)}" in <${tag.name}>`, 'save the file in public/ and give its path on the site.', [href]);
			}
			if (tag.name === 'a' || tag.name === 'area') {
				const kind = href === undefined ? 'local' : addressKind(href, rules.site);
				if (kind === 'unreadable') report(tag, `a link the check cannot read: href="${short(href!, 80)}"`, 'write the address plainly, without character references.', [href!]);
			}
			const style = a.get('style');
			if (style !== undefined) checkCss(tag, style, 'a style attribute', tag.at);
			// A raw-text element's text read as markup: what a browser sees with scripting off, or inside SVG.
			if (tag.body !== undefined && tag.body.includes('<') && !known(tag)) checkTags(startTags(tag.body).map((t) => ({ ...t, at: t.at + tag.bodyAt!, within: [...tag.within, tag.name, ...t.within], section: t.section ?? tag.section })), true);
		}
	};

	/** Whether a raw-text element is exactly the generator's: an inline script or style of known hash. */
	const known = (tag: Tag) =>
		(tag.name === 'script' && !tag.attributes.has('src') && rules.scripts.has(rules.hash(tag.body ?? ''))) || (tag.name === 'style' && rules.styles.has(rules.hash(tag.body ?? '')));

	const checkMeta = (tag: Tag) => {
		const a = tag.attributes;
		const keys = [...a.keys()].sort().join(' ');
		const equiv = a.get('http-equiv');
		if (equiv !== undefined) {
			if (equiv.trim().toLowerCase() !== 'content-security-policy' || keys !== 'content http-equiv') {
				report(tag, `a <meta http-equiv="${short(equiv, 40)}">: ${short(tag.raw)}`, `remove it: the generator writes no such <meta>${/refresh/i.test(equiv) ? ', and this one sends readers to another address, with or without JavaScript' : ''}.`, [a.get('content') ?? '', equiv]);
				return;
			}
			policies++;
			if (policies > 1) report(tag, `a second Content-Security-Policy: ${short(tag.raw)}`, 'remove it: the generator writes one policy per page, first in <head>.', [a.get('content') ?? '']);
			else if (rules.policy && a.get('content') !== rules.policy(html))
				report(tag, `a Content-Security-Policy that is not the generator's for this page: ${short(a.get('content') ?? '', 120)}`, 'build again: the policy stage (and the stage that wrote this file) writes the policy; nothing else may change it.', [a.get('content') ?? '']);
			return;
		}
		const fine =
			keys === 'charset' ||
			(keys === 'content name' && META_NAMES.has(a.get('name')!.toLowerCase()) && (a.get('name')!.toLowerCase() !== 'referrer' || a.get('content') === 'no-referrer')) ||
			(keys === 'content property' && META_PROPERTIES.has(a.get('property')!.toLowerCase()));
		if (!fine) report(tag, `a <meta> the generator does not write: ${short(tag.raw)}`, 'remove it: pages carry only the <meta> elements the generator writes (their title and description come from the frontmatter).', [a.get('content') ?? '', a.get('name') ?? '']);
	};

	const checkLink = (tag: Tag) => {
		const a = tag.attributes;
		const rel = (a.get('rel') ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
		const href = a.get('href') ?? '';
		const kind = addressKind(href, rules.site);
		if (!LINK_RELS.has(rel)) {
			report(tag, `a <link rel="${short(rel, 40)}"> the generator does not write${kind === 'remote' ? ', to another host' : ''}: ${short(tag.raw)}`, 'remove it: the generator links only its own stylesheets and icon, and a page fetches nothing from another host.', [href]);
			return;
		}
		if (kind !== 'local') {
			report(tag, `a <link rel="${rel}"> to ${kind === 'remote' ? 'another host' : 'an address that is not a file of the site'}: ${short(tag.raw)}`, 'remove it: a page fetches nothing from another host.', [href]);
			return;
		}
		if (rel === 'stylesheet' || rel.endsWith('icon')) {
			const file = resolveLocal(rules.path, href);
			if (file === undefined || !rules.isAsset(file)) report(tag, `a <link rel="${rel}"> to a file the build did not write: ${short(tag.raw)}`, 'remove it: pages link only the stylesheets and icon the build writes.', [href]);
		}
	};

	const checkScript = (tag: Tag, nested: boolean) => {
		const src = tag.attributes.get('src');
		if (src !== undefined) {
			const file = addressKind(src, rules.site) === 'local' ? resolveLocal(rules.path, src) : undefined;
			if (file === undefined || !rules.isScript(file))
				report(tag, `a script whose file the build did not emit: ${short(tag.raw)}`, 'remove it: pages load only the scripts the build emits (Astro\'s, Pagefind\'s and the stages\' own).', [src]);
			return;
		}
		if (nested) return;
		const hash = rules.hash(tag.body ?? '');
		if (!rules.scripts.has(hash)) report(tag, `an inline script the generator does not write: <script>${short(tag.body ?? '', 80)}</script>`, 'remove the script from the file named: content and translations cannot add scripts.', [tag.body ?? ''], tag.at);
	};

	const checkStyle = (tag: Tag, nested: boolean) => {
		const body = tag.body ?? '';
		const first = !nested && styles++ === 0;
		if (rules.styles.has(rules.hash(body))) return;
		checkCss(tag, body, 'a <style> element', tag.bodyAt ?? tag.at);
		if (first && rules.printStyle) return;
		report(tag, `a <style> element the generator does not write: <style>${short(body, 80)}</style>`, 'remove it: content has no styles of its own (a rule can hide the quick exit); a component\'s styles go in its .astro file.', [body.split('\n').map((l) => l.trim()).find((l) => l.length >= 4) ?? body]);
	};

	const checkCss = (tag: Tag, css: string, where: string, offset: number) => {
		for (const url of cssAddresses(css)) {
			const kind = addressKind(url, rules.site);
			if (kind === 'remote' || kind === 'unreadable' || kind === 'other' || kind === 'script')
				report(tag, `${where} that loads ${kind === 'remote' ? 'from another host' : 'an address that is not a file of the site'}: url(${short(url, 80)})`, 'remove it: a page loads nothing from another host; save the file in public/ and give its path.', [url], offset);
		}
	};

	checkTags(startTags(html), false);
	return problems;
}

/** The content file (and line) a problem came from, found by the texts it names: first in `preferred`, then in all. */
export function findSource(files: readonly { file: string; text: string }[], needles: readonly string[], preferred?: string): string | undefined {
	const ordered = preferred ? [...files.filter((f) => f.file === preferred), ...files.filter((f) => f.file !== preferred)] : files;
	const variants = needles.flatMap((needle) => {
		const line = needle.split('\n').map((l) => l.trim()).find((l) => l.length >= 4);
		return line ? [line, line.replace(/"/g, "'"), JSON.stringify(line).slice(1, -1)] : [];
	});
	for (const { file, text } of ordered) {
		const lines = text.split('\n');
		for (const needle of variants) {
			const at = lines.findIndex((l) => l.includes(needle));
			if (at >= 0) return `${file}, line ${at + 1}`;
		}
	}
	return preferred && files.some((f) => f.file === preferred) ? preferred : undefined;
}

/**
 * The MDX page a built page was made from: `fr/tools/signal/index.html` → `content/docs/fr/tools/signal.mdx`
 * (or its index.mdx), in the guide's folder of pages `docs` (src/check/sources.ts docsDir()).
 */
export function contentPageOf(path: string, docs = 'content/docs'): string[] {
	const slug = path.replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '').replace(/\/$/, '').replace(/\.html$/, '');
	if (!slug) return [];
	return [`${docs}/${slug}.mdx`, `${docs}/${slug}/index.mdx`, `${docs}/${slug}.md`];
}

/** The error that stops the output check: every problem, where it is, where it came from, and what to do. */
export function outputProblemsError(problems: readonly (OutputProblem & { source?: string })[]): Error {
	const pages = new Set(problems.map((p) => p.page)).size;
	const lines = [`${problems.length} thing${problems.length === 1 ? '' : 's'} the generator does not write found in ${pages} built file${pages === 1 ? '' : 's'}:`];
	problems.slice(0, 30).forEach((p, i) => {
		lines.push('', `${i + 1}. ${p.page}`, `   at:   line ${p.line}${p.sitePage ? `, the section made from ${p.sitePage}` : ''}`, `   what: ${p.what}`, `   from: ${p.source ?? 'no content file holds this text; a component or a build step wrote it'}`, `   fix:  ${p.fix}`);
	});
	if (problems.length > 30) lines.push('', `… and ${problems.length - 30} more.`);
	lines.push('', 'Nothing was checksummed or signed. Correct the files named and build again (npm run check:content checks the content alone).');
	return new Error(lines.join('\n'));
}
