/**
 * Checks all content before Astro builds anything: every data file against its schema,
 * every cross-reference, every page's frontmatter, and every translation key.
 * Each problem names the file, the field and the fix, so an editor can act on it alone.
 */
import { z } from 'astro/zod';
import type { DataCollection, RefFactory } from '../schemas/common';
import { groupFingerprint, publicKeyFingerprint } from '../release/release-keys';
import { missingLetters, subsetRanges } from '../pdf/print-fonts.ts';
import { PAGE_KEYS, PageFrontmatterSchema, REFUSED_PAGE_KEYS } from '../schemas/page';
import { docsSchema } from '@astrojs/starlight/schema';
import { UI_KEYS } from '../schemas/ui';
import { optionalTextKeys, requiredTextKeys, SECTIONS } from './model';
import { askedWhen, toRiskModel } from '../plan/risk';
import { checkPlans, toPlanModel } from '../plan/plan';
import { checkSequences, toSequences } from '../plan/scenario';
import { checkMarkup } from './check-markup';
import { checkMdx } from './check-mdx.ts';
import { checkLinks } from './check-links.ts';
import { closest } from './closest.ts';
import { lineOf } from './yaml-lines.ts';
import { checkPageFiles } from './check-pages';
import { checkTypography } from './check-typography';
import { i18nSchema } from '@astrojs/starlight/schema';
import { COLLECTIONS, DATA_COLLECTIONS, type DataCollectionName, type EntryOf } from '../schemas/collections';
import { CARD_PLACES, HANDOUT_PLACES, PAGE_ROLES } from '../schemas/vocabulary';
import {
	ContentError,
	contentDir,
	dataFile,
	docsDir,
	encodingProblems,
	linePosition,
	listPages,
	parseJson,
	parseYaml,
	readText,
	splitFrontmatter,
	textFile,
	uiFile,
} from './sources';

export interface Problem {
	/** File to open, relative to the project root. */
	file: string;
	/** Where in the file: an entry and field path, a frontmatter field, or a key. */
	field?: string;
	/** What is wrong. */
	message: string;
	/** What to do about it. */
	fix: string;
}

/** Everything the data files hold once they are valid: each collection of src/schemas/collections.ts, by name. */
export type SiteData = { [N in DataCollectionName]: EntryOf<N>[] };

/** What one entry of a collection is called in messages. */
const SINGULAR = (name: DataCollectionName) => COLLECTIONS[name].singular;

const schemaFor = (name: DataCollectionName, ref: RefFactory): z.ZodType => COLLECTIONS[name].schema(ref);

/** Formats a zod path such as `['steps', 4, 'tools', 0]` as `steps[4].tools[0]`; given the value the path starts from, an item with an id is named by it: `steps[4] (id "ongoing-channel").tools[0]`. */
export function formatPath(path: readonly PropertyKey[], value?: unknown): string {
	return path
		.map((part, i) => {
			if (typeof part !== 'number') return `${i === 0 ? '' : '.'}${String(part)}`;
			const id = value === undefined || i === path.length - 1 ? undefined : valueAt(value, [...path.slice(0, i + 1), 'id']);
			return typeof id === 'string' ? `[${part}] (id "${id}")` : `[${part}]`;
		})
		.join('');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	let current = value;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[part];
	}
	return current;
}

export { closest };

/** A reference factory that checks ids against the data loaded so far and explains a miss. */
function checkingRef(ids: Map<DataCollection, Set<string>>): RefFactory {
	return (name) => {
		if (!Object.hasOwn(COLLECTIONS, name)) throw new Error(`a schema refers to "${name}", which is not a collection of src/schemas/collections.ts (${DATA_COLLECTIONS.join(', ')})`);
		const collection = name as DataCollection;
		return z.string().superRefine((id, ctx) => {
			const known = ids.get(collection) ?? new Set<string>();
			if (known.has(id)) return;
			const guess = closest(id, known);
			const noun = SINGULAR(collection);
			ctx.addIssue({
				code: 'custom',
				message: `unknown ${noun} "${id}"`,
				params: {
					fix:
						(guess ? `did you mean "${guess}"? ` : '') +
						`Use an id listed in ${dataFile(collection)}` +
						(known.size ? ` (${[...known].join(', ')})` : '') +
						`, or add a ${noun} with id "${id}" there.`,
				},
			});
		}).transform((id) => ({ id, collection }));
	};
}

/**
 * The keys an object of `schema` may have at `path` (through lists, optional values, defaults and
 * unions), to suggest the one an unknown key was meant to be.
 */
export function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
	const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
	if ('innerType' in def) return keysAt(def.innerType as z.core.$ZodType, path);
	if (def.type === 'pipe') return keysAt(def.in as z.core.$ZodType, path);
	if (def.type === 'union') return [...new Set((def.options as z.core.$ZodType[]).flatMap((o) => keysAt(o, path)))];
	if (def.type === 'intersection') return [...keysAt(def.left as z.core.$ZodType, path), ...keysAt(def.right as z.core.$ZodType, path)];
	const [first, ...rest] = path;
	if (def.type === 'array') return first === undefined ? [] : keysAt(def.element as z.core.$ZodType, rest);
	if (def.type !== 'object') return [];
	const shape = def.shape as Record<string, z.core.$ZodType>;
	if (first === undefined) return Object.keys(shape);
	const inner = shape[String(first)];
	return inner ? keysAt(inner, rest) : [];
}

function issueToProblem(file: string, where: string, issue: z.core.$ZodIssue, raw: unknown, schemaHint: string, schema?: z.core.$ZodType): Problem {
	const field = [where, formatPath(issue.path, raw)].filter(Boolean).join(' → ');
	const fix = (issue as { params?: { fix?: string } }).params?.fix;
	if (fix) return { file, field, message: issue.message, fix };
	if (issue.path.length > 0 && valueAt(raw, issue.path) === undefined) {
		const name = String(issue.path.at(-1) ?? 'value');
		return {
			file,
			field,
			message: `required field "${name}" is missing`,
			fix: `add "${name}:" to this entry; ${schemaHint} says what it means.`,
		};
	}
	if (issue.code === 'unrecognized_keys') {
		const known = schema ? keysAt(schema, issue.path) : [];
		const guesses = issue.keys.map((k) => [k, closest(k, known)] as const).filter(([, guess]) => guess);
		return {
			file,
			field,
			message: `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
			fix:
				guesses.map(([k, guess]) => `"${k}": did you mean "${guess}"? `).join('') +
				`Check the spelling against ${schemaHint}${known.length ? ` (${known.join(', ')})` : ''}, or remove the field.`,
		};
	}
	return { file, field, message: issue.message, fix: `correct the value; ${schemaHint} says what is allowed.` };
}

function describeEntry(index: number, entry: unknown): string {
	const id = valueAt(entry, ['id']);
	return typeof id === 'string' ? `entry ${index + 1} (id "${id}")` : `entry ${index + 1}`;
}

/** The problem a reader of content files (src/check/sources.ts) reports; any other error is a fault of the generator and goes on. */
function problemOf(error: unknown): Problem {
	if (error instanceof ContentError) return error.problem;
	throw error;
}

/** Interface strings a language may also give: Starlight's own (callout titles, "Section titled"), which it leaves untranslated in some languages. */
const STARLIGHT_KEYS = new Set(Object.keys(i18nSchema().shape));

/** Reads one YAML data file as a list, reporting a missing file, a YAML error or a non-list. */
function readList(root: string, name: DataCollectionName, problems: Problem[]): unknown[] {
	const file = dataFile(name);
	const text = readText(root, file);
	if (text === undefined) {
		problems.push({ file, message: 'the file is missing', fix: `create ${file} with a YAML list of ${name} (it may be empty: []).` });
		return [];
	}
	let value: unknown;
	try {
		value = parseYaml(text, file);
	} catch (error) {
		problems.push(problemOf(error));
		return [];
	}
	if (value === null || value === undefined) return [];
	if (!Array.isArray(value)) {
		problems.push({ file, message: 'the file must hold a YAML list (each entry starting with "- id: ...")', fix: 'turn the content into a list of entries.' });
		return [];
	}
	return value;
}

/** The ids that texts hang on, read from raw entries that may be otherwise invalid. */
function textSources(raw: Map<DataCollectionName, unknown[]>): Parameters<typeof requiredTextKeys>[0] {
	const withId = (name: DataCollectionName) =>
		raw.get(name)!.filter((e): e is Record<string, unknown> & { id: string } => typeof valueAt(e, ['id']) === 'string');
	return {
		categories: withId('categories'),
		threats: withId('threats'),
		channels: withId('channels').map((c) => ({ id: c.id, name: typeof c.name === 'string' ? c.name : undefined })),
		questions: withId('questions'),
		rules: withId('rules'),
		scenarios: withId('scenarios').map((s) => ({
			id: s.id,
			steps: (Array.isArray(s.steps) ? s.steps : []).filter((step): step is { id: string } => typeof valueAt(step, ['id']) === 'string'),
		})),
		tools: withId('tools').map((t) => ({ id: t.id, caveats: Array.isArray(t.caveats) ? t.caveats.filter((c): c is string => typeof c === 'string') : [] })),
	};
}

export interface CheckResult {
	problems: Problem[];
	/** Present only when the data files themselves are valid. */
	data?: SiteData;
}

/** Checks every content file below `root` and returns the problems found, with the parsed data when it is valid. */
export function checkContent(root: string): CheckResult {
	const problems: Problem[] = [];
	const raw = new Map<DataCollectionName, unknown[]>();
	const ids = new Map<DataCollection, Set<string>>();

	// Every content file is UTF-8 without a byte-order mark, or readers would each see other text: nothing else is checked until it is.
	const encoding = encodingProblems(root);
	if (encoding.length) return { problems: encoding };

	// 0. Pages are data: no code, no element or attribute outside the allow-lists (src/check/check-mdx.ts), read
	// as MDX before Astro runs any page; and no content file carries a script, an event handler, an embed or
	// a script address (src/check/check-markup.ts, on the text, YAML and JSON included). A line of a page that
	// the first check already reports is not reported again by the second.
	const pageProblems = checkMdx(root);
	const pageLines = new Set(pageProblems.map((p) => `${p.file}:${lineNumber(p.field)}`));
	problems.push(...pageProblems, ...checkMarkup(root).filter((p) => !pageLines.has(`${p.file}:${lineNumber(p.field)}`)));

	// 1. Read every list and collect the ids, so references can be checked in any order.
	const unreadable = problems.length;
	for (const name of DATA_COLLECTIONS) {
		const list = readList(root, name, problems);
		raw.set(name, list);
		const seen = new Map<string, number>();
		list.forEach((entry, index) => {
			const id = valueAt(entry, ['id']);
			if (typeof id !== 'string') return;
			const first = seen.get(id);
			if (first !== undefined) {
				problems.push({
					file: dataFile(name),
					field: `${describeEntry(index, entry)} → id`,
					message: `duplicate id "${id}", already used by entry ${first + 1}`,
					fix: `give one of the two ${name} another id; ids must be unique within ${dataFile(name)}.`,
				});
			} else seen.set(id, index);
		});
		ids.set(name as DataCollection, new Set(seen.keys()));
	}

	// A file that cannot be read stops the check here: every reference into it would be reported as unknown.
	if (problems.length > unreadable) return { problems };

	// 2. Validate each entry against its schema, with references checked against the ids.
	const ref = checkingRef(ids);
	const parsed = new Map<DataCollectionName, unknown[]>();
	for (const name of DATA_COLLECTIONS) {
		const schema = schemaFor(name, ref);
		const out: unknown[] = [];
		raw.get(name)!.forEach((entry, index) => {
			const result = schema.safeParse(entry);
			if (result.success) out.push(result.data);
			else
				for (const issue of result.error.issues)
					problems.push(issueToProblem(dataFile(name), describeEntry(index, entry), issue, entry, COLLECTIONS[name].schemaFile, schema));
		});
		parsed.set(name, out);
	}

	const data = Object.fromEntries(parsed) as unknown as SiteData;
	const languages = data.languages;
	const languageIds = new Set(languages.map((l) => l.id));
	const sourceLang = languages[0]?.id;
	if (!languages.length)
		problems.push({ file: dataFile('languages'), message: 'no language is defined', fix: 'add at least one language; the first one is the source language.' });

	// 3. Resources are listed for known languages only.
	data.resources.forEach((resource, index) => {
		resource.listedFor.forEach((lang, i) => {
			if (!languageIds.has(lang))
				problems.push({
					file: dataFile('resources'),
					field: `${describeEntry(index, resource)} → listedFor[${i}]`,
					message: `unknown language "${lang}"`,
					fix: `use a language id from ${dataFile('languages')} (${[...languageIds].join(', ')}).`,
				});
		});
	});

	// 3a. The print fonts are installed with the subsets named, and each language's print fonts have its letters.
	const printFonts = new Map(data['print-fonts'].map((font) => [font.id, font]));
	data['print-fonts'].forEach((font, index) => {
		const ranges = subsetRanges(font.package);
		if (!ranges)
			problems.push({ file: dataFile('print-fonts'), field: `${describeEntry(index, font)} → package`, message: `the package ${font.package} is not installed (or has no unicode.json)`, fix: `run npm install ${font.package}, or name a font package of the @fontsource family that is installed.` });
		else
			font.subsets.forEach((subset, i) => {
				if (!Object.hasOwn(ranges, subset))
					problems.push({ file: dataFile('print-fonts'), field: `${describeEntry(index, font)} → subsets[${i}]`, message: `${font.package} has no subset "${subset}"`, fix: `use one of ${Object.keys(ranges).join(', ')}.` });
			});
	});
	languages.forEach((language, index) => {
		const ranges = language.printFonts.flatMap((id) => {
			const font = printFonts.get(id);
			const all = font && subsetRanges(font.package);
			return font && all ? font.subsets.map((subset) => all[subset] ?? '') : [];
		});
		const missing = missingLetters(language.letters, ranges);
		if (missing.length)
			problems.push({
				file: dataFile('languages'),
				field: `${describeEntry(index, language)} → letters`,
				message: `the print fonts of "${language.id}" (${language.printFonts.join(', ')}) have no ${missing.join(' ')}: its PDFs would show ${missing.length > 1 ? 'them' : 'it'} in another font, or as empty boxes`,
				fix: `add to "printFonts" a font of ${dataFile('print-fonts')} with a subset that has ${missing.length > 1 ? 'them' : 'it'} (each subset's letters are its unicode-range in node_modules/<package>/unicode.json), or add such a font there.`,
			});
	});

	// 3b. Release keys: the fingerprint shown is the key's own, and one key at most is current.
	data['release-keys'].forEach((key, index) => {
		const field = describeEntry(index, key);
		const actual = publicKeyFingerprint(key.publicKey);
		if (!actual)
			problems.push({ file: dataFile('release-keys'), field: `${field} → publicKey`, message: 'the public key cannot be read', fix: 'paste the whole output of `gpg --armor --export <fingerprint>`, every line indented under "publicKey: |".' });
		else if (actual !== key.fingerprint)
			problems.push({
				file: dataFile('release-keys'),
				field: `${field} → fingerprint`,
				message: `the fingerprint is not that of the public key below it, which is ${groupFingerprint(actual)}`,
				fix: 'copy the fingerprint from `gpg --fingerprint`, or the public key of that fingerprint: readers compare this fingerprint with the one they were given.',
			});
		if (key.retired && key.retired < key.added)
			problems.push({ file: dataFile('release-keys'), field: `${field} → retired`, message: 'the key is retired before it was added', fix: 'correct "added" or "retired".' });
	});
	const current = data['release-keys'].filter((k) => !k.retired);
	if (current.length > 1)
		problems.push({
			file: dataFile('release-keys'),
			field: current.map((k) => `id "${k.id}"`).join(', '),
			message: `${current.length} keys are current (no "retired" date); releases are signed with one key`,
			fix: 'add "retired: YYYY-MM-DD" to every key but the one that signs releases now.',
		});

	// 4. Pages: known language folder, valid frontmatter, section pages named after data ids.
	// The schema of src/content.config.ts: Starlight's, extended with the guide's (src/schemas/page.ts).
	const pageSchema = docsSchema({ extend: PageFrontmatterSchema(ref) })({ image: () => z.string() } as never);
	const pages = listPages(root);
	const pageSet = new Set(pages.map((p) => `${p.lang}/${p.slug}`));
	problems.push(...checkPageFiles(root, pages));
	// A link already refused as an address (javascript:, data:) is not also reported as leading to no page.
	problems.push(...checkLinks(root, pages, [...languageIds]).filter((p) => !pageLines.has(`${p.file}:${lineNumber(p.field)}`)));
	for (const page of pages) {
		if (!languageIds.has(page.lang)) {
			problems.push({
				file: page.file,
				message: `"${page.lang}" is not a language of the guide`,
				fix: `move the page into a language folder (${[...languageIds].join(', ')}) or add "${page.lang}" to ${dataFile('languages')}.`,
			});
			continue;
		}
		const { frontmatter } = splitFrontmatter(readText(root, page.file) ?? '');
		let fm: unknown;
		try {
			fm = frontmatter === undefined ? undefined : parseYaml(frontmatter, page.file, 2);
		} catch (error) {
			problems.push(problemOf(error));
			continue;
		}
		if (fm === undefined || fm === null || typeof fm !== 'object') {
			problems.push({ file: page.file, field: 'frontmatter', message: 'the page has no frontmatter', fix: 'start the file with a --- block holding at least "title:" and "reviewed:".' });
			continue;
		}
		// Frontmatter is data: only the keys a page may have, each reported at its line.
		const keyLine = (key: string) => frontmatterLine(frontmatter ?? '', key);
		const at = (path: readonly PropertyKey[]) => {
			const line = path.length ? keyLine(String(path[0])) : undefined;
			return `${line ? `line ${line}, ` : ''}frontmatter → ${formatPath(path)}`;
		};
		const reported = new Set<string>();
		for (const key of Object.keys(fm)) {
			if ((PAGE_KEYS as readonly string[]).includes(key)) continue;
			reported.add(key);
			const reason = Object.hasOwn(REFUSED_PAGE_KEYS, key) ? REFUSED_PAGE_KEYS[key] : undefined;
			const guess = closest(key, PAGE_KEYS);
			problems.push(
				reason
					? { file: page.file, field: at([key]), message: `"${key}" is not allowed in a page: ${reason}`, fix: `remove "${key}:" and everything indented under it. A page's frontmatter holds ${PAGE_KEYS.join(', ')}.` }
					: {
							file: page.file,
							field: at([key]),
							message: `unknown key "${key}"`,
							fix: `${guess ? `did you mean "${guess}"? ` : ''}A page's frontmatter holds ${PAGE_KEYS.join(', ')} (src/schemas/page.ts); correct the key or remove it.`,
						},
			);
		}
		const result = pageSchema.safeParse(fm);
		if (!result.success)
			for (const issue of result.error.issues) {
				if (issue.code === 'unrecognized_keys' || reported.has(String(issue.path[0]))) continue;
				problems.push({ ...issueToProblem(page.file, 'frontmatter', issue, fm, 'src/schemas/page.ts'), field: at(issue.path) });
			}
		const [section, id, ...deeper] = page.slug.split('/');
		const sectionCollection = SECTIONS.find((s) => s.folder === section)?.collection;
		if (sectionCollection && id !== undefined && id !== 'index' && deeper.length === 0 && !ids.get(sectionCollection)?.has(id)) {
			const guess = closest(id, ids.get(sectionCollection) ?? []);
			problems.push({
				file: page.file,
				message: `the page is in ${section}/ but there is no ${SINGULAR(sectionCollection)} with id "${id}"`,
				fix: (guess ? `did you mean "${guess}"? ` : '') + `Name the file after an id in ${dataFile(sectionCollection)}, or add that ${SINGULAR(sectionCollection)} there.`,
			});
		}
	}

	// 4b. The sidebar lists pages that exist, and the entries of a collection whose entries have pages.
	data.sidebar.forEach((group, index) => {
		const field = describeEntry(index, group);
		group.pages.forEach((slug, i) => {
			if (sourceLang && !pageSet.has(`${sourceLang}/${slug}`) && !pageSet.has(`${sourceLang}/${slug}/index`)) {
				const guess = closest(slug, [...pageSet].filter((p) => p.startsWith(`${sourceLang}/`)).map((p) => p.slice(sourceLang.length + 1).replace(/\/index$/, '')));
				problems.push({ file: dataFile('sidebar'), field: `${field} → pages[${i}]`, message: `no page "${slug}" in the source language`, fix: `${guess ? `did you mean "${guess}"? ` : ''}Name a page by its path below ${docsDir()}/${sourceLang}/ without extension, or write ${docsDir()}/${sourceLang}/${slug}.mdx (or ${slug}/index.mdx).` });
			}
		});
		if (group.entries !== undefined && !SECTIONS.some((s) => s.collection === group.entries))
			problems.push({ file: dataFile('sidebar'), field: `${field} → entries`, message: `"${group.entries}" is not a collection whose entries have pages`, fix: `use one of ${SECTIONS.map((s) => s.collection).join(', ')}, or remove "entries:".` });
		else if (group.groupBy !== undefined) {
			const first = group.entries === undefined ? undefined : (data[group.entries as DataCollectionName] as unknown[])[0];
			const by = valueAt(first, [group.groupBy, 'collection']);
			if (group.entries === undefined || (first !== undefined && typeof by !== 'string'))
				problems.push({ file: dataFile('sidebar'), field: `${field} → groupBy`, message: group.entries === undefined ? '"groupBy" without "entries"' : `"${group.groupBy}" is not a field of ${group.entries} that names an entry of another collection`, fix: group.entries === undefined ? 'add "entries:" or remove "groupBy:".' : `name such a field (${COLLECTIONS[group.entries as DataCollectionName].schemaFile} lists the fields), or remove "groupBy:".` });
		}
	});

	// 4c. The printouts' pages exist, and each place of the quick card and the handout is held by one page.
	const sourcePage = (slug: string) => sourceLang !== undefined && (pageSet.has(`${sourceLang}/${slug}`) || pageSet.has(`${sourceLang}/${slug}/index`));
	/** The problem of a data file's entry that names a page the source language lacks. */
	const noSourcePage = (collection: 'printed-pages' | 'page-roles', index: number, entry: { page: string }): Problem => ({
		file: dataFile(collection),
		field: `${describeEntry(index, entry)} → page`,
		message: `no page "${entry.page}" in the source language`,
		fix: `name a page by its path below ${docsDir()}/${sourceLang}/ without extension, or write ${docsDir()}/${sourceLang}/${entry.page}.mdx.`,
	});
	data['printed-pages'].forEach((entry, index) => {
		if (sourceLang && !sourcePage(entry.page))
			problems.push(noSourcePage('printed-pages', index, entry));
	});
	for (const [printout, places] of [['card', CARD_PLACES], ['handout', HANDOUT_PLACES]] as const)
		for (const place of places) {
			const holders = data['printed-pages'].filter((e) => e[printout] === place);
			if (holders.length !== 1)
				problems.push({
					file: dataFile('printed-pages'),
					...(holders.length ? { field: holders.map((e) => `id "${e.id}"`).join(', ') } : {}),
					message: holders.length ? `${holders.length} pages have "${printout}: ${place}"; the ${printout === 'card' ? 'quick card' : 'handout'} prints one there` : `no page has "${printout}: ${place}", a place the ${printout === 'card' ? 'quick card' : 'handout'} prints a page at`,
					fix: holders.length ? `keep "${printout}: ${place}" on one of them.` : `add "${printout}: ${place}" to the page to print there (src/schemas/vocabulary.ts says what each place is).`,
				});
		}

	// 4d. The pages of the generator's roles exist, and each role is held by one page at most.
	data['page-roles'].forEach((entry, index) => {
		if (sourceLang && !sourcePage(entry.page))
			problems.push(noSourcePage('page-roles', index, entry));
	});
	for (const role of PAGE_ROLES) {
		const holders = data['page-roles'].filter((e) => e.role === role);
		if (holders.length > 1)
			problems.push({ file: dataFile('page-roles'), field: holders.map((e) => `id "${e.id}"`).join(', '), message: `${holders.length} pages have "role: ${role}"; one page holds it`, fix: `keep "role: ${role}" on one of them.` });
	}

	// 5. The source language has a page for every tool, practice and scenario.
	if (sourceLang)
		for (const { folder, collection } of SECTIONS)
			for (const id of ids.get(collection) ?? [])
				if (!pageSet.has(`${sourceLang}/${folder}/${id}`))
					problems.push({
						file: `${docsDir()}/${sourceLang}/${folder}/${id}.mdx`,
						message: `the ${SINGULAR(collection)} "${id}" has no page in the source language`,
						fix: `write this page (title, reviewed and its prose), or remove "${id}" from ${dataFile(collection)}.`,
					});

	/** What to do about a missing key: in the source language, write it; elsewhere, translate it, shown the source's text. */
	const missing = (file: string, key: string, lang: string, entry: string, sourceFile: string, source: Record<string, unknown> | undefined): Problem => {
		if (lang === sourceLang) return { file, field: key, message: `missing text "${key}" in the source language "${lang}"`, fix: `add ${entry} to ${file}: write it in this language; every other language translates it from here.` };
		const text = source?.[key];
		const shown = typeof text === 'string' && text.trim() ? `, where it reads: "${text.length > 160 ? `${text.slice(0, 157)}…` : text}"` : '';
		return { file, field: key, message: `missing translation of "${key}" in language "${lang}"`, fix: `add ${entry} to ${file}, translated from ${sourceFile}${shown}.` };
	};

	// 6. Interface strings: every key in every language, those of the generator (src/schemas/ui.ts) and the names of the guide's vocabulary (the labels of src/schemas/collections.ts).
	const uiKeys: readonly string[] = [...new Set([...UI_KEYS, ...DATA_COLLECTIONS.flatMap((name) => [...(ids.get(name) ?? [])].flatMap((id) => COLLECTIONS[name].labels?.(id) ?? []))])];
	let sourceStrings: Record<string, unknown> | undefined;
	for (const lang of languageIds) {
		const file = uiFile(lang);
		const text = readText(root, file);
		if (text === undefined) {
			problems.push({ file, message: 'the interface strings of this language are missing', fix: `copy ${uiFile(sourceLang!)} to ${file} and translate every value.` });
			continue;
		}
		let value: unknown;
		try {
			value = parseJson(text, file);
		} catch (error) {
			problems.push(problemOf(error));
			continue;
		}
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			problems.push({ file, message: 'the file must hold one JSON object: { "key": "text", … }', fix: `start from ${uiFile(sourceLang!)}: copy it and translate every value.` });
			continue;
		}
		const strings = value as Record<string, unknown>;
		if (lang === sourceLang) sourceStrings = strings;
		for (const key of Object.keys(strings))
			if (!uiKeys.includes(key) && !STARLIGHT_KEYS.has(key)) {
				const guess = closest(key, uiKeys);
				const found = new RegExp(`${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).exec(text);
				const place = found ? linePosition(text, found.index) : undefined;
				problems.push({
					file,
					field: place ? `line ${place.line}, column ${place.column}` : `"${key}"`,
					message: `unknown key "${key}": no page shows it`,
					fix: (guess ? `did you mean "${guess}"? ` : '') + `Use a key of ${uiFile(sourceLang!)} (src/schemas/ui.ts lists them, and the vocabulary of ${contentDir()}/data names its own), or remove the line.`,
				});
			}
		for (const key of uiKeys)
			if (typeof strings[key] !== 'string' || !(strings[key] as string).trim()) problems.push(missing(file, key, lang, `"${key}"`, uiFile(sourceLang!), sourceStrings));
	}

	// 7. Texts attached to data ids: every key in every language, and no key that no data uses.
	// Keys come from the raw entries, so one invalid entry does not also orphan its texts.
	const wanted = requiredTextKeys(textSources(raw));
	const optional = optionalTextKeys(textSources(raw));
	const textsByLang = new Map<string, Record<string, unknown>>();
	for (const lang of languageIds) {
		const file = textFile(lang);
		const text = readText(root, file);
		if (text === undefined) {
			problems.push({ file, message: 'the texts of this language are missing', fix: `copy ${textFile(sourceLang!)} to ${file} and translate every value.` });
			continue;
		}
		let texts: unknown;
		try {
			texts = parseYaml(text, file);
		} catch (error) {
			problems.push(problemOf(error));
			continue;
		}
		const map = (texts ?? {}) as Record<string, unknown>;
		textsByLang.set(lang, map);
		for (const key of wanted)
			if (typeof map[key] !== 'string' || !(map[key] as string).trim()) problems.push(missing(file, key, lang, `"${key}: ..."`, textFile(sourceLang!), textsByLang.get(sourceLang!)));
		for (const key of Object.keys(map))
			if (!wanted.has(key) && !optional.has(key))
				problems.push({ file, field: key, message: `"${key}" belongs to no data entry`, fix: `check the id in the key against ${contentDir()}/data/, or remove the line.` });
	}
	// A key confirmed as rightly the same as the source's must be one: a typo would confirm nothing.
	languages.forEach((language, index) => {
		for (const key of language.sameAsSource ?? [])
			if (!(sourceStrings && key in sourceStrings) && !(key in (textsByLang.get(sourceLang!) ?? {})))
				problems.push({
					file: dataFile('languages'),
					field: `entry ${index + 1} (id "${language.id}") → sameAsSource`,
					message: `"${key}" is no key of ${uiFile(sourceLang!)} or ${textFile(sourceLang!)}`,
					fix: 'correct the key, or remove it from the list.',
				});
	});

	// 7b. A rule that names no role ("between") takes the one marked default in roles.yaml: one role at most is, and one is when a rule needs it.
	{
		const defaults = data.roles.filter((r) => r.default);
		const without = data.rules.filter((r) => r.between === undefined && (r.useTools.length > 0 || r.useChannels.length > 0));
		if (defaults.length > 1)
			problems.push({ file: dataFile('roles'), field: defaults.map((r) => `id "${r.id}"`).join(', '), message: `${defaults.length} roles have "default: true"; a rule that names no role takes the one that has it`, fix: 'keep "default: true" on one of them.' });
		else if (defaults.length === 0 && without.length)
			problems.push({ file: dataFile('roles'), message: `no role has "default: true", and rule "${without[0]!.id}" names none ("between")`, fix: `add "default: true" to the role of rules that name none, or give each of them "between" (${dataFile('rules')}).` });
	}

	// 8. The risk plan, for every combination of answers, once the entries it reads are valid:
	// one consistent plan, in the data and in the texts of every language, that meets the source's situations.
	const planFiles = (['rules', 'questions', 'tools', 'scenarios', 'situations', 'roles'] as const).map(dataFile);
	problems.push(...checkAskIf(data.questions));
	if (!problems.some((p) => planFiles.includes(p.file))) {
		const model = toPlanModel(toRiskModel(data), data);
		// A tool's names: its own, its other spellings, and what each language calls it ("tool.<id>.names").
		const localNames = (id: string) =>
			[...textsByLang.values()].flatMap((map) => (typeof map[`tool.${id}.names`] === 'string' ? (map[`tool.${id}.names`] as string).split(/[,،]/).map((n) => n.trim()).filter(Boolean) : []));
		const toolNames = new Map(data.tools.map((t) => [t.id, [t.name, ...t.otherNames, ...localNames(t.id)]]));
		const texts = [...textsByLang].map(([lang, map]) => ({ lang, file: textFile(lang), text: (key: string) => (typeof map[key] === 'string' ? (map[key] as string) : undefined) }));
		const situations = data.situations.map((s) => ({
			id: s.id,
			when: s.when.map((c) => ({ question: c.question.id, answer: c.answer })),
			expect: {
				...(s.expect.route ? { route: s.expect.route } : {}),
				use: s.expect.use.map((r) => r.id),
				useChannels: s.expect.useChannels.map((r) => r.id),
				avoid: s.expect.avoid.map((r) => r.id),
				avoidChannels: s.expect.avoidChannels.map((r) => r.id),
				offers: s.expect.offers.map((r) => r.id),
			},
		}));
		// The pages a plan links to are read as they are written, in every language: a reader who follows a link is told nothing the plan avoids.
		const planPages = pages.filter((p) => languageIds.has(p.lang)).map((p) => ({ id: p.slug, lang: p.lang, file: p.file, text: readText(root, p.file) ?? '' }));
		for (const problem of checkPlans(model, { situations, toolNames, texts, pages: planPages, files: { situations: dataFile('situations'), questions: dataFile('questions'), text: textFile } })) {
			const file = problem.file ?? (problem.source.startsWith('scenario') ? dataFile('scenarios') : problem.source.startsWith('situation') ? dataFile('situations') : dataFile('rules'));
			problems.push({ file, field: [problem.answers && `answers ${problem.answers}`, problem.source].filter(Boolean).join(' → '), message: problem.message, fix: problem.fix });
		}
	}

	// 9. Scenarios: every branch ends.
	if (!problems.some((p) => p.file === dataFile('scenarios') || p.file === dataFile('questions')))
		for (const problem of checkSequences(toSequences(data.scenarios), toRiskModel({ questions: data.questions, rules: [] }).questions, data.routes)) {
			const index = data.scenarios.findIndex((s) => s.id === problem.scenario);
			problems.push({ file: dataFile('scenarios'), field: `${describeEntry(index, data.scenarios[index])} → ${problem.field}`, message: problem.message, fix: problem.fix });
		}

	// 10. Typography that a program can check, such as French apostrophes and spaces.
	for (const lang of languageIds)
		for (const file of [uiFile(lang), textFile(lang), ...pages.filter((p) => p.lang === lang).map((p) => p.file)])
			problems.push(...checkTypography(lang, file, readText(root, file) ?? ''));

	return { problems, data: problems.some((p) => p.file.startsWith(`${contentDir()}/data/`)) ? undefined : data };
}


/**
 * A question's `askIf` names only questions listed before it (the reader answers in order, and the
 * risk check shows a question once the answers it waits for are given), and can hold: conditions
 * that, through the earlier questions' own `askIf`, want two answers to one question, leave it
 * never asked.
 */
export function checkAskIf(questions: readonly { id: string; askIf?: readonly { question: { id: string }; answer: 'yes' | 'no' }[] }[]): Problem[] {
	const problems: Problem[] = [];
	const model = toRiskModel({ questions: questions.map((q) => ({ ...q, saferAnswer: 'yes' as const })), rules: [] }).questions;
	questions.forEach((question, index) => {
		const earlier = questions.slice(0, index).map((q) => q.id);
		const late = (question.askIf ?? []).map((c, i) => ({ c, i })).filter(({ c }) => !earlier.includes(c.question.id));
		for (const { c, i } of late)
			problems.push({
				file: dataFile('questions'),
				field: `${describeEntry(index, question)} → askIf[${i}].question`,
				message:
					c.question.id === question.id
						? `question "${question.id}" is asked only after an answer to itself`
						: `"askIf" names question "${c.question.id}", which is not listed before "${question.id}": a question can wait only for answers given before it`,
				fix: `move question "${question.id}" below "${c.question.id}" in ${dataFile('questions')}, or remove this condition.`,
			});
		if (late.length === 0 && askedWhen(model, question.id) === undefined)
			problems.push({
				file: dataFile('questions'),
				field: `${describeEntry(index, question)} → askIf`,
				message: `question "${question.id}" is never asked: its "askIf", with the "askIf" of the questions it names, wants both answers to one question`,
				fix: 'remove the condition that contradicts the others, here or on the earlier question it names.',
			});
	});
	return problems;
}

/** The line number a field such as `line 12, column 3` starts with, or 0. */
function lineNumber(field: string | undefined): number {
	return Number(/^line (\d+)/.exec(field ?? '')?.[1] ?? 0);
}

/** The line of a top-level key in a page file, given the text of its frontmatter (which starts on line 2). */
function frontmatterLine(frontmatter: string, key: string): number | undefined {
	const index = frontmatter.split('\n').findIndex((line) => new RegExp(`^['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`).test(line));
	return index < 0 ? undefined : index + 2;
}

/**
 * One readable block per problem, numbered, for the terminal. Given the project's root, a problem in
 * a data file that names its place by ids gets the line of that place too (src/check/yaml-lines.ts).
 */
export function formatProblems(problems: Problem[], root?: string): string {
	const texts = new Map<string, string | undefined>();
	const lineIn = (p: Problem) => {
		if (!root || !p.field || !p.file.startsWith(`${contentDir()}/data/`) || !p.file.endsWith('.yaml') || /^line \d+/.test(p.field)) return undefined;
		if (!texts.has(p.file)) texts.set(p.file, readText(root, p.file));
		const text = texts.get(p.file);
		return text === undefined ? undefined : lineOf(text, p.field);
	};
	const lines = [`${problems.length} content problem${problems.length === 1 ? '' : 's'} found:`];
	problems.forEach((p, i) => {
		const line = lineIn(p);
		const at = p.field ? `\n   at:   ${line ? `line ${line}, ` : ''}${p.field}` : '';
		lines.push('', `${i + 1}. ${p.file}${at}`, `   what: ${p.message}`, `   fix:  ${p.fix}`);
	});
	return lines.join('\n');
}

/** A page whose advice was last reviewed too long ago. */
export interface OldReview {
	file: string;
	reviewed: string;
}

/** Pages whose `reviewed` date is more than `months` months before `now`: advice that needs a new look. */
export function oldReviews(root: string, now: Date, months = 12): OldReview[] {
	const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
	return listPages(root).flatMap((page) => {
		const { frontmatter } = splitFrontmatter(readText(root, page.file) ?? '');
		const reviewed = frontmatter ? /^reviewed:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(frontmatter)?.[1] : undefined;
		return reviewed && new Date(`${reviewed}T00:00:00Z`) < limit ? [{ file: page.file, reviewed }] : [];
	});
}
