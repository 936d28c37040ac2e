/**
 * The content check (src/check/check-content.ts) on the small second guide (tests/fixtures/newsroom,
 * English and Persian, its content in guide/): each fault is seeded into a copy of it, and the
 * problem must name its file, the field or line, what is wrong and the fix.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { closest, formatPath, formatProblems, oldReviews, type Problem } from '../../src/check/check-content';
import { parseYaml } from '../../src/check/sources';
import { checkGuide, FIXTURE_DIR, fixtureLine, fixtureText, guideCopy, type GuideCopy } from '../helpers/fixture';
import { inContentDir } from '../helpers/content-dir';

/** The second guide, as it is in tests/fixtures/, and its content folder. */
const CONTENT = 'guide';

let project: GuideCopy | undefined;
afterEach(() => {
	project?.cleanup();
	project = undefined;
});

/** Copies the second guide, applies one change to a file of it (a path such as `guide/data/tools.yaml`), and returns the problems the check reports. */
function problemsAfter(rel: string, change: (text: string) => string): Problem[] {
	project?.cleanup();
	project = guideCopy();
	expect(project.content).toBe(CONTENT);
	project.edit(rel, change);
	return checkGuide(project.dir, project.content).problems;
}


const TOOLS = `${CONTENT}/data/tools.yaml`;
const SCENARIOS = `${CONTENT}/data/scenarios.yaml`;
/** The ids of the second guide's tools, in the order of its tools.yaml. */
const toolIds = () => (parseYaml(fixtureText(TOOLS), TOOLS) as { id: string }[]).map((t) => t.id);
/** A page of the second guide. */
const page = (lang: string, slug: string) => `${CONTENT}/docs/${lang}/${slug}.mdx`;

describe('checkContent', () => {
	test('finds no problem in a valid guide, and gives its data', () => {
		const { problems, data } = checkGuide(FIXTURE_DIR, CONTENT);
		expect(formatProblems(problems)).toBe('0 content problems found:');
		expect(data?.tools.map((t) => t.id)).toEqual(toolIds());
	});

	test('gives no data when a data file of the guide has a problem, in the guide\'s own folder; the data when only a page has one', () => {
		project = guideCopy();
		expect(project.content).toBe(CONTENT);
		project.edit(TOOLS, (t) => t.replace(/(id: dangerzone[\s\S]*?checked: )[\d-]+/, '$12026-02-30'));
		const broken = checkGuide(project.dir, project.content);
		expect(broken.problems.map((p) => [p.file, p.field])).toEqual([[TOOLS, 'entry 3 (id "dangerzone") → checked']]);
		expect(broken.data).toBeUndefined();
		// A problem in a page, not in the data: the data is valid, and given.
		project.cleanup();
		project = guideCopy();
		const file = page('fa', 'tools/mta2');
		project.write(file, '---\ntitle: mat2\nreviewed: 2026-11-23\n---\n\nمتن.\n');
		const pageOnly = checkGuide(project.dir, project.content);
		expect(pageOnly.problems.map((p) => p.file)).toEqual([file]);
		expect(pageOnly.data?.tools.map((t) => t.id)).toEqual(toolIds());
	});

	test('errors if a scenario step names a tool that does not exist', () => {
		const problems = problemsAfter(SCENARIOS, (t) => t.replace('tools: [dangerzone]', 'tools: [dangerzon]'));
		expect(problems).toEqual([
			{
				file: SCENARIOS,
				field: 'entry 1 (id "protect-a-source") → steps[4] (id "open-safely").tools[0]',
				message: 'unknown tool "dangerzon"',
				fix: `did you mean "dangerzone"? Use an id listed in ${TOOLS} (${toolIds().join(', ')}), or add a tool with id "dangerzon" there.`,
			},
		]);
	});

	test('errors if a practice has an unknown category', () => {
		const file = `${CONTENT}/data/practices.yaml`;
		const problems = problemsAfter(file, (t) => t.replace('category: newsroom', 'category: gadgets'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file, field: 'entry 2 (id "two-factor") → category', message: 'unknown category "gadgets"' });
		expect(problems[0]!.fix).toContain('or add a category with id "gadgets" there.');
	});

	test('errors if two tools share an id', () => {
		const problems = problemsAfter(TOOLS, (t) => t.replace('- id: onionshare\n', '- id: securedrop\n'));
		expect(problems.map((p) => p.message)).toContain('duplicate id "securedrop", already used by entry 1');
		const duplicate = problems.find((p) => p.message.startsWith('duplicate'))!;
		expect(duplicate.file).toBe(TOOLS);
		expect(duplicate.field).toBe('entry 2 (id "securedrop") → id');
		expect(duplicate.fix).toBe(`give one of the two tools another id; ids must be unique within ${TOOLS}.`);
	});

	test('errors if a required field is missing', () => {
		const problems = problemsAfter(TOOLS, (t) => t.replace('  homepage: https://dangerzone.rocks\n', ''));
		expect(problems).toEqual([
			{
				file: TOOLS,
				field: 'entry 3 (id "dangerzone") → homepage',
				message: 'required field "homepage" is missing',
				fix: 'add "homepage:" to this entry; src/schemas/tool.ts says what it means.',
			},
		]);
	});

	test('errors if a reviewed date is not a real date', () => {
		const file = page('en', 'tools/mat2');
		const problems = problemsAfter(file, (t) => t.replace(/reviewed: .*/, 'reviewed: 2026-02-30'));
		expect(problems).toEqual([
			{
				file,
				field: `line ${fixtureLine(file, 'reviewed:')}, frontmatter → reviewed`,
				message: 'must be a real date written as YYYY-MM-DD, such as 2026-11-23',
				fix: 'correct the value; src/schemas/page.ts says what is allowed.',
			},
		]);
	});

	test('errors if a page has no reviewed date', () => {
		const file = page('en', 'tools/mat2');
		const problems = problemsAfter(file, (t) => t.replace(/reviewed: .*\n/, ''));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file, field: 'frontmatter → reviewed', message: 'required field "reviewed" is missing' });
	});

	test('errors if a page frontmatter names an unknown tool', () => {
		const file = page('en', 'tools/mat2');
		const problems = problemsAfter(file, (t) => t.replace(/reviewed: (.*)\n/, 'reviewed: $1\ntools: [aegis, mta2]\n'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file, field: `line ${fixtureLine(file, 'reviewed:') + 1}, frontmatter → tools[1]`, message: 'unknown tool "mta2"' });
		expect(problems[0]!.fix).toMatch(/^did you mean "mat2"\?/);
	});

	test('errors on an unknown frontmatter key, at its line, with the key it was meant to be', () => {
		const file = page('fa', 'tools/mat2');
		const problems = problemsAfter(file, (t) => t.replace(/^reviewed: (.*)$/m, 'reviewd: $1'));
		const line = fixtureLine(file, 'reviewed:');
		// The key is named once: not again as a missing "reviewed" and an unrecognised key by the schema.
		expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
			[file, `line ${line}, frontmatter → reviewd`, 'unknown key "reviewd"'],
			[file, 'frontmatter → reviewed', 'required field "reviewed" is missing'],
		]);
		expect(problems[0]!.fix).toMatch(/^did you mean "reviewed"\? A page's frontmatter holds title, description, reviewed/);
	});

	test.each([
		['head', 'head:\n  - tag: meta\n    attrs:\n      http-equiv: refresh\n      content: 0;url=https://evil.example/', /^"head" is not allowed in a page: it writes elements into the page’s head/],
		['banner', 'banner:\n  content: Read <a href="https://evil.example/">this</a>', /^"banner" is not allowed in a page: its content is written into the page as HTML/],
		['hero', 'hero:\n  tagline: <b>x</b>', /^"hero" is not allowed in a page/],
		['sidebar', 'sidebar:\n  attrs:\n    style: display:none', /^"sidebar" is not allowed in a page: the sidebar is written from guide\/data, the same in every language$/],
	])('refuses Starlight’s "%s" in a page’s frontmatter, at its line', (key, lines, message) => {
		const file = page('en', 'tools/mat2');
		const problems = problemsAfter(file, (t) => t.replace(/^---\n/, `---\n${lines}\n`));
		expect(problems.map((p) => [p.file, p.field])).toEqual([[file, `line 2, frontmatter → ${key}`]]);
		expect(problems[0]!.message).toMatch(message);
		expect(problems[0]!.fix).toMatch(new RegExp(`^remove "${key}:" and everything indented under it`));
	});

	test('refuses markup in a title or a description: they are plain text', () => {
		const file = page('fa', 'tools/mat2');
		const problems = problemsAfter(file, (t) =>
			t.replace(/^title: .*$/m, 'title: "x</title><meta http-equiv=refresh content=0;url=https://evil.example/>"').replace(/^description: .*$/m, 'description: یک &#60;b> متن'),
		);
		expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
			[file, `line ${fixtureLine(file, 'title:')}, frontmatter → title`, 'must be plain text, without markup: "</" is markup'],
			[file, `line ${fixtureLine(file, 'description:')}, frontmatter → description`, 'must be plain text, without markup: "&#60;" is markup'],
		]);
	});

	test('accepts the layout keys a page may set, and plain text with & and < in it', () => {
		const problems = problemsAfter(page('en', 'tools/mat2'), (t) => t.replace(/^title: .*$/m, 'title: mat2 & co, for 2 < 3 people\ntemplate: doc\ntableOfContents: false'));
		expect(problems).toEqual([]);
	});

	test('an unknown field in a data entry, also deep in it, names the field it was meant to be', () => {
		const tool = problemsAfter(TOOLS, (t) => t.replace('  homepage: https://getaegis.app', '  homepage: https://getaegis.app\n  homepag: https://getaegis.app'));
		expect(tool.map((p) => [p.file, p.field, p.message])).toEqual([[TOOLS, 'entry 5 (id "aegis")', 'unknown field(s) "homepag"']]);
		expect(tool[0]!.fix).toMatch(/^"homepag": did you mean "homepage"\? Check the spelling against src\/schemas\/tool\.ts \(id, name, /);
		const step = problemsAfter(SCENARIOS, (t) => t.replace('      fallback: [onionshare]', '      fallbak: [onionshare]'));
		expect(step.map((p) => [p.file, p.field, p.message])).toEqual([[SCENARIOS, 'entry 1 (id "protect-a-source") → steps[2]', 'unknown field(s) "fallbak"']]);
		expect(step[0]!.fix).toMatch(/^"fallbak": did you mean "fallback"\?/);
	});

	test('errors if a page in tools/ is named after no tool', () => {
		project = guideCopy();
		const file = page('fa', 'tools/mta2');
		project.write(file, '---\ntitle: mat2\nreviewed: 2026-11-23\n---\n\nمتن.\n');
		expect(checkGuide(project.dir, project.content).problems).toEqual([
			{
				file,
				message: 'the page is in tools/ but there is no tool with id "mta2"',
				fix: `did you mean "mat2"? Name the file after an id in ${TOOLS}, or add that tool there.`,
			},
		]);
	});

	test('errors if a tool has no page in the source language, naming the page in the guide\'s own folder', () => {
		const id = 'example-tool-without-page';
		const problems = problemsAfter(
			TOOLS,
			(t) =>
				`${t}\n- id: ${id}\n  name: Example Tool\n  kind: file-transfer\n  homepage: https://example.org\n  platforms: [linux]\n  openSource: true\n  decentralised: true\n  selfHostable: false\n  needsAccount: false\n  needsInstall: true\n  useCases: [receiving-files]\n  source: https://example.org/manual/\n  checked: 2026-11-28\n`,
		);
		expect(problems).toEqual([
			{
				file: page('en', `tools/${id}`),
				message: `the tool "${id}" has no page in the source language`,
				fix: `write this page (title, reviewed and its prose), or remove "${id}" from ${TOOLS}.`,
			},
		]);
	});

	test('errors if a tool has no source for its facts', () => {
		const problems = problemsAfter(TOOLS, (t) => t.replace('  source: https://0xacab.org/jvoisin/mat2\n', ''));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: TOOLS, field: 'entry 4 (id "mat2") → source', message: 'required field "source" is missing' });
	});

	test('errors if a checked date is not a real date', () => {
		const problems = problemsAfter(TOOLS, (t) => t.replace(/(id: dangerzone[\s\S]*?checked: )[\d-]+/, '$12026-02-30'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: TOOLS, field: 'entry 3 (id "dangerzone") → checked', message: 'must be a real date written as YYYY-MM-DD, such as 2026-11-23' });
	});

	test('errors if a checked or reviewed date has not come yet', () => {
		const tools = problemsAfter(TOOLS, (t) => t.replace(/(id: dangerzone[\s\S]*?checked: )[\d-]+/, '$12999-06-01'));
		expect(tools).toEqual([
			expect.objectContaining({ file: TOOLS, field: 'entry 3 (id "dangerzone") → checked', message: 'is after today: 2999-06-01 has not come yet; write the day it was done, as YYYY-MM-DD' }),
		]);
		const file = page('fa', 'tools/dangerzone');
		const pages = problemsAfter(file, (t) => t.replace(/^reviewed: .*$/m, 'reviewed: 2999-06-01'));
		expect(pages.map((p) => [p.file, p.message])).toEqual([[file, 'is after today: 2999-06-01 has not come yet; write the day it was done, as YYYY-MM-DD']]);
	});

	test('errors if a caveat has no sentence in a language', () => {
		const problems = problemsAfter(TOOLS, (t) => t.replace(/(id: dangerzone[\s\S]*?)(\n  source:)/, '$1\n  caveats: [needsInstall]$2'));
		const [en, fa] = [`${CONTENT}/text/en.yaml`, `${CONTENT}/text/fa.yaml`];
		expect(problems.map((p) => p.file)).toEqual([en, fa]);
		// In the source language the sentence is to be written, not translated.
		expect(problems[0]).toMatchObject({ message: 'missing text "tool.dangerzone.needsInstall" in the source language "en"', fix: `add "tool.dangerzone.needsInstall: ..." to ${en}: write it in this language; every other language translates it from here.` });
		expect(problems[1]).toMatchObject({ message: 'missing translation of "tool.dangerzone.needsInstall" in language "fa"', fix: `add "tool.dangerzone.needsInstall: ..." to ${fa}, translated from ${en}.` });
	});

	test('errors if an interface string is missing in a language', () => {
		const [en, fa] = [`${CONTENT}/i18n/en.json`, `${CONTENT}/i18n/fa.json`];
		const source = (JSON.parse(fixtureText(en)) as Record<string, string>)['tool.logs'];
		expect(source).toBeTruthy();
		const problems = problemsAfter(fa, (t) => t.replace(/\s*"tool\.logs": "[^"]*",/, ''));
		expect(problems).toEqual([
			{
				file: fa,
				field: 'tool.logs',
				message: 'missing translation of "tool.logs" in language "fa"',
				// The source's text comes with it, so that the translator need not open another file.
				fix: `add "tool.logs" to ${fa}, translated from ${en}, where it reads: "${source}".`,
			},
		]);
	});

	test('errors if a step text is missing in a language, and if a text belongs to no data', () => {
		const file = `${CONTENT}/text/fa.yaml`;
		const problems = problemsAfter(file, (t) => t.replace(/^step\.protect-a-source\.check-story:/m, 'step.protect-a-source.check-stories:'));
		expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
			[file, 'step.protect-a-source.check-story', 'missing translation of "step.protect-a-source.check-story" in language "fa"'],
			[file, 'step.protect-a-source.check-stories', '"step.protect-a-source.check-stories" belongs to no data entry'],
		]);
		expect(problems[1]!.fix).toBe(`check the id in the key against ${CONTENT}/data/, or remove the line.`);
	});

	test('errors if the sidebar, the printouts or a role name a page the source language does not have, saying where pages are in the guide\'s folder', () => {
		project = guideCopy();
		const sidebar = `${CONTENT}/data/sidebar.yaml`;
		const printed = `${CONTENT}/data/printed-pages.yaml`;
		const roles = `${CONTENT}/data/page-roles.yaml`;
		project.edit(sidebar, (t) => t.replace('pages: [index, risk-check, risk-assessment]', 'pages: [index, risk-chek, risk-assessment]'));
		project.edit(printed, (t) => t.replace('page: risk-assessment', 'page: risk-assesment'));
		project.edit(roles, (t) => t.replace('page: translations', 'page: translation'));
		expect(checkGuide(project.dir, project.content).problems).toEqual([
			{
				file: sidebar,
				field: 'entry 1 (id "begin") → pages[1]',
				message: 'no page "risk-chek" in the source language',
				fix: `did you mean "risk-check"? Name a page by its path below ${CONTENT}/docs/en/ without extension, or write ${CONTENT}/docs/en/risk-chek.mdx (or risk-chek/index.mdx).`,
			},
			{
				file: printed,
				field: 'entry 3 (id "risk-assessment") → page',
				message: 'no page "risk-assesment" in the source language',
				fix: `name a page by its path below ${CONTENT}/docs/en/ without extension, or write ${CONTENT}/docs/en/risk-assesment.mdx.`,
			},
			{
				file: roles,
				field: 'entry 2 (id "translations") → page',
				message: 'no page "translation" in the source language',
				fix: `name a page by its path below ${CONTENT}/docs/en/ without extension, or write ${CONTENT}/docs/en/translation.mdx.`,
			},
		]);
	});

	test('errors if a rule names an unknown question, and formats every problem for the terminal', () => {
		const file = `${CONTENT}/data/rules.yaml`;
		const problems = problemsAfter(file, (t) => t.replace('question: receiving-files', 'question: receiving-file'));
		const questions = (parseYaml(fixtureText(`${CONTENT}/data/questions.yaml`), 'questions.yaml') as { id: string }[]).map((q) => q.id);
		expect(formatProblems(problems)).toBe(
			[
				'1 content problem found:',
				'',
				`1. ${file}`,
				'   at:   entry 5 (id "sanitise-files") → when[0].question',
				'   what: unknown question "receiving-file"',
				`   fix:  did you mean "receiving-files"? Use an id listed in ${CONTENT}/data/questions.yaml (${questions.join(', ')}), or add a question with id "receiving-file" there.`,
			].join('\n'),
		);
	});

	test('errors if a page a plan links to tells the reader to use a tool that plan avoids, naming the page file, unless the passage is marked for other answers', () => {
		const file = page('fa', 'practices/strip-metadata');
		// "Send the cleaned file back over OnionShare": OnionShare runs over Tor, which the plan avoids where Tor is watched.
		const sentence = '\n\nفایل پاک‌شده را با OnionShare برگردانید.\n';
		const problems = problemsAfter(file, (t) => t + sentence);
		expect(problems.map((p) => [p.file, p.field])).toEqual([[file, 'answers source-at-risk=yes, tor-watched=yes, receiving-files=yes → page "practices/strip-metadata"']]);
		expect(problems[0]!.message).toMatch(/^the page "practices\/strip-metadata", which the plan links to, names OnionShare in guide\/docs\/fa\/practices\/strip-metadata\.mdx, which the plan says to avoid/);
		expect(problems[0]!.fix).toContain('only-where');
		const marked = problemsAfter(file, (t) => `${t}\n\n{/* only-where: tor-watched=no */}${sentence}{/* end only-where */}\n`);
		expect(marked).toEqual([]);
	});

	test('errors if a data file is not valid YAML', () => {
		const file = `${CONTENT}/data/threats.yaml`;
		const problems = problemsAfter(file, (t) => t.replace('- id: source-exposure', '- id: source-exposure\n  - broken'));
		expect(problems[0]).toMatchObject({ file, field: `line ${fixtureLine(file, '- id: source-exposure') + 1}, column 1` });
		expect(problems[0]!.message).toMatch(/^the indentation here does not fit the lines around it \(a block sequence may not be used as an implicit map key\)$/);
	});
});

describe('oldReviews', () => {
	test('lists the pages reviewed more than 12 months before the given day, and only those', () => {
		project = guideCopy();
		project.edit(page('fa', 'tools/mat2'), (t) => t.replace(/reviewed: .*/, 'reviewed: 2025-11-22'));
		project.edit(page('en', 'tools/aegis'), (t) => t.replace(/reviewed: .*/, 'reviewed: 2025-11-23'));
		const copy = project;
		expect(inContentDir(copy.content, () => oldReviews(copy.dir, new Date('2026-11-23T12:00:00Z')))).toEqual([{ file: page('fa', 'tools/mat2'), reviewed: '2025-11-22' }]);
	});
});

describe('helpers', () => {
	test('formatPath writes indexes in brackets', () => {
		expect(formatPath(['steps', 2, 'tools', 0])).toBe('steps[2].tools[0]');
		// An item with an id is named by it, so that the editor finds it without counting from 0.
		const scenario = { steps: [{ id: 'a' }, { id: 'b' }, { id: 'open-safely', tools: ['x'] }] };
		expect(formatPath(['steps', 2, 'tools', 0], scenario)).toBe('steps[2] (id "open-safely").tools[0]');
	});
	test('closest suggests only near misses', () => {
		expect(closest('mta2', ['mat2', 'aegis'])).toBe('mat2');
		expect(closest('telegram', ['mat2', 'aegis'])).toBeUndefined();
	});
});
