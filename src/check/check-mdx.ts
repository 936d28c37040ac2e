/**
 * A page of the guide is data, not a program. An MDX page is compiled into a JavaScript module
 * that runs during the build, with the build's access to files and to the environment: an
 * `export` in a translated page could read a secret or write a file, and an element could
 * redirect readers or hide the quick exit. So every page is read here, as the syntax tree of the
 * parser Astro's MDX uses (satteri), before Astro runs any page, and may hold only:
 *
 * - Markdown: text, emphasis, headings, lists, tables, links, images from the site itself, and
 *   Starlight's asides (`:::note`);
 * - the generator's components (src/check/page-components.ts), given literal values (text,
 *   numbers, true or false, or a list of texts by key) for the props they take; the build provides
 *   them, so a page imports nothing;
 * - a short list of plain HTML elements (HTML_ELEMENTS), with the attributes listed for each.
 *
 * Refused, with file, line, column and fix: `import` and `export`; JavaScript expressions `{…}`
 * (a comment `{/* … *\/}` is fine); any other element, or an element whose name is computed; event
 * attributes, `style`, Astro directives (`set:html`, `is:raw`, …), spread attributes; addresses
 * other than http(s), mailto and tel (javascript:, data:, also written with character references
 * or tabs inside), and images or other files loaded from another site; a page the parser cannot read.
 * A `.md` page may hold no HTML at all. The rules are the same in every language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';
import { closest } from './closest.ts';
import { filesUnder } from '../build/files.ts';
import { isPageComponent, PAGE_COMPONENTS, PAGE_COMPONENT_NAMES, type PropKind } from './page-components.ts';
import { isReleaseCondition, RELEASE_CONDITIONS } from '../site/release-conditions.ts';
import { docsDir } from './sources.ts';

export interface MdxProblem {
	file: string;
	/** `line N, column M` in the file itself, frontmatter included. */
	field: string;
	message: string;
	fix: string;
}

/** The parser's features, as Astro's MDX and Starlight set them (Starlight turns directives on for its asides). */
const FEATURES: Features = { gfm: true, frontmatter: true, directive: true };

const GLOBAL_ATTRIBUTES = ['dir', 'lang', 'title', 'translate'];

/**
 * The HTML elements a page may use, each with the attributes it may carry on top of
 * GLOBAL_ATTRIBUTES. Text, lists, tables and disclosure: nothing that runs, loads or submits.
 */
export const HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
	a: ['href', 'hreflang', 'rel'],
	abbr: [],
	b: [],
	bdi: [],
	bdo: [],
	blockquote: ['cite'],
	br: [],
	caption: [],
	cite: [],
	code: [],
	dd: [],
	del: ['cite', 'datetime'],
	details: ['open'],
	dfn: [],
	div: [],
	dl: [],
	dt: [],
	em: [],
	figcaption: [],
	figure: [],
	h2: [],
	h3: [],
	h4: [],
	h5: [],
	h6: [],
	hr: [],
	i: [],
	img: ['src', 'alt', 'width', 'height'],
	ins: ['cite', 'datetime'],
	kbd: [],
	li: ['value'],
	mark: [],
	ol: ['start', 'reversed', 'type'],
	p: [],
	pre: [],
	q: ['cite'],
	s: [],
	samp: [],
	small: [],
	span: [],
	strong: [],
	sub: [],
	summary: [],
	sup: [],
	table: [],
	tbody: [],
	td: ['colspan', 'rowspan'],
	tfoot: [],
	th: ['colspan', 'rowspan', 'scope', 'abbr'],
	thead: [],
	time: ['datetime'],
	tr: [],
	u: [],
	ul: [],
	var: [],
	wbr: [],
};

/** Elements that are never allowed, with the reason given to the editor. */
const REFUSED_ELEMENTS: Record<string, string> = {
	script: 'it would run a script in readers’ browsers',
	style: 'it would change how every part of the page looks, the quick exit included',
	meta: 'it could send readers to another site',
	base: 'it would send every link of the page to another site',
	link: 'it would load a file, possibly from another site',
	iframe: 'it would open another page inside this one, and tell that site who reads the guide',
	frame: 'it would open another page inside this one',
	frameset: 'it would open other pages inside this one',
	object: 'it would embed another document or plug-in',
	embed: 'it would embed another document or plug-in',
	applet: 'it would run a plug-in',
	portal: 'it would open another page inside this one',
	fencedframe: 'it would open another page inside this one',
	form: 'it would send what readers type to an address',
	input: 'pages do not ask readers for anything',
	button: 'pages do not run actions',
	textarea: 'pages do not ask readers for anything',
	select: 'pages do not ask readers for anything',
	option: 'pages do not ask readers for anything',
	svg: 'an image drawn in the page can carry scripts and links',
	math: 'it can carry links and scripts',
	template: 'it holds markup for scripts',
	slot: 'it belongs in components',
	noscript: 'what it holds is shown or run as the page’s own HTML',
	Fragment: 'it writes raw HTML into the page',
	audio: 'it would load a sound, possibly from another site',
	video: 'it would load a video, possibly from another site',
	source: 'it would load a file, possibly from another site',
	track: 'it would load a file',
	picture: 'it would choose among files, possibly from another site',
	canvas: 'it is drawn by scripts',
	dialog: 'it can cover the page',
	title: 'the page title is the frontmatter’s "title:"',
	head: 'the page’s head is written by the generator',
	body: 'the page’s body is written by the generator',
	html: 'the page is written by the generator',
};

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** Attributes holding an address. */
const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'cite']);

const COMPONENT_LIST = [...PAGE_COMPONENT_NAMES.map((n) => `<${n} />`), ...Object.keys(RELEASE_CONDITIONS).map((n) => `<${n}>…</${n}>`)].join(', ');
const CODE_FIX =
	'remove it. A page holds text, Markdown and the guide’s own components, which the build provides without an import (' +
	COMPONENT_LIST +
	'). Anything that computes belongs in a component (components/), written by developers.';

interface Point {
	line: number;
	column: number;
	offset?: number;
}
interface Node {
	type: string;
	value?: string;
	url?: string;
	name?: string | null;
	identifier?: string;
	attributes?: Attribute[];
	children?: Node[];
	position?: { start: Point; end: Point };
}
interface Attribute {
	type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
	name?: string;
	value?: string | null | { type: string; value: string };
}

/** Character references and the characters browsers drop inside addresses, so `java&#9;script:` is read as `javascript:`. */
export function normalizeAddress(address: string): string {
	const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', period: '.', lpar: '(', rpar: ')', amp: '&' };
	let text = address;
	// References can be nested (`&amp;#106;`): decode until nothing changes.
	for (let i = 0; i < 5; i++) {
		const next = text
			.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
			.replace(/&#(\d+);?/g, (_, dec: string) => safeCodePoint(Number(dec)))
			.replace(/&([a-z]+);/gi, (whole, name: string) => named[name.toLowerCase()] ?? whole);
		if (next === text) break;
		text = next;
	}
	// URL parsers remove tabs and newlines anywhere, and leading or trailing controls and spaces.
	return text.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

const safeCodePoint = (code: number) => (Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD');

/** The scheme of an address (`javascript`, `https`), lower-case, or undefined for a path on the site. */
export function addressScheme(address: string): string | undefined {
	return /^([a-z][a-z0-9+.-]*):/i.exec(normalizeAddress(address))?.[1]?.toLowerCase();
}

/** Why an address may not be used, or undefined when it may: `load` for what the page loads (an image), else a link. */
export function addressProblem(address: string, use: 'link' | 'load'): { message: string; fix: string } | undefined {
	const normal = normalizeAddress(address);
	const scheme = addressScheme(address);
	if (scheme && !SAFE_SCHEMES.has(scheme))
		return {
			message: `a ${scheme}: address is not allowed in a page ("${shorten(address)}")`,
			fix: 'link to a page of the guide, or to an ordinary https:// address; an image goes in public/ and is used by its path, such as /images/name.png.',
		};
	if (use === 'load' && (scheme || /^[/\\]{2}/.test(normal)))
		return {
			message: `"${shorten(address)}" would be loaded from another site, which is not allowed in a page`,
			fix: 'save the file in public/ (for example public/images/) and use its path, such as /images/name.png: pages load nothing from another site, so that no other site learns who reads the guide. A link to another site, [text](https://…), is allowed.',
		};
	return undefined;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Reads a JavaScript literal: a text in quotes, a number, true, false, null, or a list or object
 * of literals. Anything else (a name, a call, an operator, a template) gives undefined.
 */
export function parseLiteral(source: string): { value: unknown } | undefined {
	let i = 0;
	const space = () => {
		while (i < source.length && /\s/.test(source[i]!)) i++;
	};
	const fail = Symbol('fail');
	const value = (): unknown => {
		space();
		const c = source[i];
		if (c === '"' || c === "'") return string(c);
		if (c === '[') {
			i++;
			const items: unknown[] = [];
			for (;;) {
				space();
				if (source[i] === ']') return i++, items;
				const item = value();
				if (item === fail) return fail;
				items.push(item);
				space();
				if (source[i] === ',') i++;
				else if (source[i] !== ']') return fail;
			}
		}
		if (c === '{') {
			i++;
			const object: Record<string, unknown> = Object.create(null);
			for (;;) {
				space();
				if (source[i] === '}') return i++, object;
				let key: unknown;
				if (source[i] === '"' || source[i] === "'") key = string(source[i]!);
				else {
					const name = /^[A-Za-z_$][\w$]*|^\d+/.exec(source.slice(i))?.[0];
					if (!name) return fail;
					key = name;
					i += name.length;
				}
				if (typeof key !== 'string' || key === '__proto__') return fail;
				space();
				if (source[i++] !== ':') return fail;
				const item = value();
				if (item === fail) return fail;
				object[key] = item;
				space();
				if (source[i] === ',') i++;
				else if (source[i] !== '}') return fail;
			}
		}
		const word = /^(?:true|false|null|-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?![\w$])/i.exec(source.slice(i))?.[0];
		if (!word) return fail;
		i += word.length;
		return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
	};
	const string = (quote: string): unknown => {
		let out = '';
		for (i++; i < source.length; i++) {
			const c = source[i]!;
			if (c === quote) return i++, out;
			if (c === '\n') return fail;
			if (c !== '\\') {
				out += c;
				continue;
			}
			const e = source[++i];
			if (e === 'u' && /^[0-9a-f]{4}$/i.test(source.slice(i + 1, i + 5))) {
				out += String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16));
				i += 4;
			} else if (e !== undefined && `nrt'"\\`.includes(e)) out += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
			else return fail;
		}
		return fail;
	};
	const result = value();
	space();
	return result === fail || i !== source.length ? undefined : { value: result };
}

const isTextMap = (value: unknown): boolean =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

const KIND_TEXT: Record<PropKind, string> = {
	string: 'a text in quotes, such as otherLanguage="(in English)"',
	boolean: 'true or false, such as compact={true}, or the name alone',
	number: 'a number, such as {3}',
	'text-map': "texts by key, such as topics={{ 'first-steps': 'First steps' }}",
};

function fitsKind(kind: PropKind, value: unknown): boolean {
	if (kind === 'string') return typeof value === 'string';
	if (kind === 'boolean') return typeof value === 'boolean';
	if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
	return isTextMap(value);
}

/** Where an attribute is, found in the element's own text: satteri gives attributes no position. */
function attributePoint(text: string, lineStarts: number[], element: Node, attribute: Attribute): Point {
	const start = element.position?.start;
	if (!start?.offset && start?.offset !== 0) return start ?? { line: 1, column: 1 };
	const end = element.position?.end.offset ?? text.length;
	const slice = text.slice(start.offset, end);
	const pattern = attribute.type === 'mdxJsxExpressionAttribute' ? /\{\s*\.\.\./ : new RegExp(`\\s${escapeRegExp(attribute.name ?? '')}(?=[\\s=/>]|$)`);
	const match = pattern.exec(slice);
	if (!match) return start;
	const offset = start.offset + match.index + (attribute.type === 'mdxJsxExpressionAttribute' ? 0 : 1);
	return pointAt(lineStarts, offset);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pointAt(lineStarts: number[], offset: number): Point {
	let line = 0;
	while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
	return { line: line + 1, column: offset - lineStarts[line]! + 1, offset };
}

const at = (point: Point | undefined) => `line ${point?.line ?? 1}, column ${point?.column ?? 1}`;

/** The problems of one page; `file` is its path from the project root, `text` the whole file. */
export function checkMdxText(file: string, text: string): MdxProblem[] {
	const problems: MdxProblem[] = [];
	const add = (point: Point | undefined, message: string, fix: string) => problems.push({ file, field: at(point), message, fix });
	const isMdx = !file.endsWith('.md');
	let tree: Node;
	try {
		tree = (isMdx ? mdxToMdast(text, { features: FEATURES }) : markdownToMdast(text, { features: FEATURES })) as unknown as Node;
	} catch (error) {
		const raw = (error as Error).message ?? String(error);
		const place = /^(\d+):(\d+):\s*/.exec(raw);
		const message = raw
			.replace(/^\d+:\d+:\s*/, '')
			.replace(/\s*\(\d+:\d+\)\s*\([\w:-]+\)\s*$/, '')
			.trim();
		problems.push({
			file,
			field: place ? `line ${place[1]}, column ${place[2]}` : 'line 1, column 1',
			message: `the page cannot be read as MDX: ${message}`,
			fix: 'correct the text at this line. In MDX every element is closed (<br />, not <br>), a literal { or < in the text is written \\{ or &lt;, and a comment is written {/* comment */}.',
		});
		return problems;
	}
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);

	// Definitions ([name]: address) are checked as links; an image that uses one, as an image.
	const definitions = new Map<string, Node>();
	const collect = (node: Node) => {
		if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node);
		node.children?.forEach(collect);
	};
	collect(tree);

	const checkAddress = (point: Point | undefined, address: string | undefined, use: 'link' | 'load') => {
		if (address === undefined) return;
		const problem = addressProblem(address, use);
		if (problem) add(point, problem.message, problem.fix);
	};

	/** Checks one element; false when it is refused whole, so what it holds is not reported too. */
	const checkElement = (node: Node): boolean => {
		const name = node.name;
		const start = node.position?.start;
		if (name === null || name === undefined) {
			add(start, 'a fragment <>…</> is not allowed in a page', 'remove the <> and </> around the text: they group elements for code, and a page holds no code.');
			return true;
		}
		if (/[.:]/.test(name)) {
			add(start, `the element name <${name}> is computed from code, which is not allowed in a page`, `use one of the guide's components (${COMPONENT_LIST}) or a plain HTML element by its name.`);
			return false;
		}
		if (Object.hasOwn(REFUSED_ELEMENTS, name) || Object.hasOwn(REFUSED_ELEMENTS, name.toLowerCase())) {
			const reason = REFUSED_ELEMENTS[name] ?? REFUSED_ELEMENTS[name.toLowerCase()];
			add(start, `<${name}> is not allowed in a page: ${reason}`, 'remove the element. A page holds text; what it shows beyond text comes from the guide’s components, written by developers. To point readers to another site, link to it: [text](https://…).');
			return false;
		}
		// <WhenSigned> and <WhenUnsigned> take nothing but what they hold (src/site/release-conditions.ts).
		const component = isPageComponent(name) ? PAGE_COMPONENTS[name] : isReleaseCondition(name) ? { props: {} } : undefined;
		const allowed = component ? undefined : Object.hasOwn(HTML_ELEMENTS, name) ? [...GLOBAL_ATTRIBUTES, ...HTML_ELEMENTS[name]!] : undefined;
		if (!component && !allowed) {
			const guess = closest(name, [...PAGE_COMPONENT_NAMES, ...Object.keys(RELEASE_CONDITIONS), ...Object.keys(HTML_ELEMENTS)]);
			add(
				start,
				`<${name}> is not an element pages may use`,
				(guess ? `did you mean <${guess}>? ` : '') +
					`A page may use the guide's components (${COMPONENT_LIST}) and plain HTML for text, lists and tables (${Object.keys(HTML_ELEMENTS).join(', ')}); src/check/check-mdx.ts lists them.`,
			);
			return false;
		}
		const given = new Set<string>();
		for (const attribute of node.attributes ?? []) {
			const point = attributePoint(text, lineStarts, node, attribute);
			if (attribute.type === 'mdxJsxExpressionAttribute') {
				add(point, `a spread attribute {${shorten(String(attribute.value ?? '').trim())}} on <${name}> is not allowed in a page`, 'write each attribute with its value, such as href="/en/tools/", or remove it.');
				continue;
			}
			const attrName = attribute.name ?? '';
			given.add(attrName);
			if (/^on/i.test(attrName)) {
				add(point, `the event attribute "${attrName}" on <${name}> is not allowed in a page`, 'remove the attribute: a page cannot run scripts. A behaviour belongs in a component (components/), written by developers.');
				continue;
			}
			if (attrName.includes(':')) {
				add(point, `the directive "${attrName}" on <${name}> is not allowed in a page`, 'remove it: directives such as set:html and is:raw write raw HTML or code into the page; write the text itself.');
				continue;
			}
			if (attrName.toLowerCase() === 'style') {
				add(point, `a style attribute on <${name}> is not allowed in a page`, 'remove it: the guide’s look comes from its style sheet, the same on every page, so that nothing can cover or hide the quick exit.');
				continue;
			}
			const value = attribute.value;
			let literal: unknown = value ?? true;
			if (value !== null && typeof value === 'object') {
				const parsed = parseLiteral(value.value);
				if (!parsed) {
					add(point, `the value of "${attrName}" on <${name}> is a JavaScript expression ({${shorten(value.value.trim())}}), which is not allowed in a page`, component && component.props[attrName as never] ? `write a literal value: ${KIND_TEXT[(component.props as Record<string, { kind: PropKind }>)[attrName]!.kind]}.` : 'write the value in quotes, such as title="…".');
					continue;
				}
				literal = parsed.value;
			}
			if (component) {
				const prop = (component.props as Record<string, { kind: PropKind }>)[attrName];
				if (!prop) {
					const names = Object.keys(component.props);
					const guess = closest(attrName, names);
					add(point, `<${name}> takes no prop "${attrName}"`, (guess ? `did you mean "${guess}"? ` : '') + (names.length ? `Its props are ${names.join(', ')} (src/check/page-components.ts).` : `Write <${name} /> alone: it takes no props.`));
				} else if (!fitsKind(prop.kind, literal))
					add(point, `the prop "${attrName}" of <${name}> must be ${KIND_TEXT[prop.kind]}`, `write its value as ${KIND_TEXT[prop.kind]}.`);
				continue;
			}
			if (!allowed!.includes(attrName)) {
				const guess = closest(attrName, allowed!);
				add(point, `the attribute "${attrName}" is not allowed on <${name}> in a page`, (guess && guess !== attrName ? `did you mean "${guess}"? ` : '') + `<${name}> may have ${allowed!.join(', ')}; remove the others.`);
				continue;
			}
			if (typeof literal !== 'string' && typeof literal !== 'number' && typeof literal !== 'boolean') {
				add(point, `the value of "${attrName}" on <${name}> must be a text or a number`, 'write the value in quotes, such as title="…".');
				continue;
			}
			if (ADDRESS_ATTRIBUTES.has(attrName) && typeof literal === 'string') checkAddress(point, literal, attrName === 'src' ? 'load' : 'link');
		}
		if (component)
			for (const [prop, spec] of Object.entries(component.props as Record<string, { kind: PropKind; required?: boolean }>))
				if (spec.required && !given.has(prop)) add(start, `<${name}> needs the prop "${prop}"`, `add ${prop}=… : ${KIND_TEXT[spec.kind]}.`);
		return true;
	};

	const visit = (node: Node) => {
		const start = node.position?.start;
		switch (node.type) {
			case 'mdxjsEsm': {
				// One block can hold several statements, one after the other: each import or export is named at its own line.
				const lines = (node.value ?? '').split('\n');
				const statements = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*(import|export)\b/.test(line));
				for (const { line, i } of statements.length ? statements : [{ line: lines.find((l) => l.trim()) ?? '', i: 0 }]) {
					const code = line.trim();
					const imported = /^import\s+([A-Za-z_$][\w$]*)\s+from/.exec(code)?.[1];
					const kind = /^export\b/.test(code) ? 'an export' : 'an import';
					add(
						start && { line: start.line + i, column: i === 0 ? start.column : line.length - line.trimStart().length + 1 },
						`${kind} is not allowed in a page: "${shorten(code)}" would run as code during the build`,
						imported && isPageComponent(imported) ? `remove the line: <${imported} /> is provided to every page by the build.` : CODE_FIX,
					);
				}
				return;
			}
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const code = node.value ?? '';
				// A comment, {/* … */}, is how MDX writes a note to other editors: it runs nothing.
				if (/^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(code)) return;
				add(start, `a JavaScript expression {${shorten(code.trim())}} is not allowed in a page`, `${CODE_FIX} A literal { in the text is written \\{.`);
				return;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				if (!checkElement(node)) return;
				break;
			case 'html':
				add(start, `HTML is not allowed in a Markdown (.md) page ("${shorten((node.value ?? '').trim())}")`, 'write it in Markdown; for a table or a component, rename the page to .mdx, where the elements listed in src/check/check-mdx.ts are allowed.');
				return;
			case 'link':
			case 'definition':
				checkAddress(start, node.url, 'link');
				break;
			case 'image':
				checkAddress(start, node.url, 'load');
				break;
			case 'imageReference': {
				const definition = node.identifier ? definitions.get(node.identifier) : undefined;
				if (definition) checkAddress(start, definition.url, 'load');
				break;
			}
		}
		node.children?.forEach(visit);
	};
	visit(tree);
	return problems.sort((a, b) => lineOfField(a.field) - lineOfField(b.field) || columnOfField(a.field) - columnOfField(b.field));
}

const lineOfField = (field: string) => Number(/^line (\d+)/.exec(field)?.[1] ?? 0);
const columnOfField = (field: string) => Number(/column (\d+)/.exec(field)?.[1] ?? 0);

/**
 * The names of the elements an MDX page uses, such as `ToolTable` and `p`; none when the page cannot
 * be read (the MDX compiler then reports why).
 */
export function elementNames(text: string): string[] {
	let tree: Node;
	try {
		tree = mdxToMdast(text, { features: FEATURES, position: false }) as unknown as Node;
	} catch {
		return [];
	}
	const names = new Set<string>();
	const visit = (node: Node) => {
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) names.add(node.name);
		node.children?.forEach(visit);
	};
	visit(tree);
	return [...names].sort();
}

/** Every Markdown and MDX file under content/docs, pages and `_` files alike, checked. */
export function checkMdx(root: string): MdxProblem[] {
	const base = join(root, docsDir());
	if (!existsSync(base)) return [];
	return filesUnder(base)
		.filter((f) => /\.mdx?$/.test(f))
		.flatMap((f) => checkMdxText(`${docsDir()}/${f}`, readFileSync(join(base, f), 'utf8')));
}
