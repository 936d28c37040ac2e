import { afterEach, describe, expect, test } from 'vitest';
import { checkContent, closest, formatPath, formatProblems, oldReviews, type Problem } from '../../src/check/check-content';
import { copyProject, ROOT } from '../helpers/project';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let project: ReturnType<typeof copyProject> | undefined;
afterEach(() => project?.cleanup());

/** Copies the shipped content, applies one change, and returns the problems the check reports. */
function problemsAfter(rel: string, change: (text: string) => string): Problem[] {
	project = copyProject(['content']);
	project.edit(rel, change);
	return checkContent(project.dir).problems;
}

/** The line of the shipped file `rel` that starts with `start`. */
const lineIn = (rel: string, start: string) => readFileSync(join(ROOT, rel), 'utf8').split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('checkContent', () => {
	test('finds no problem in the shipped content', () => {
		const { problems, data } = checkContent(ROOT);
		expect(formatProblems(problems)).toBe('0 content problems found:');
		expect(data?.tools.length).toBeGreaterThan(10);
	});

	test('errors if a scenario step names a tool that does not exist', () => {
		const problems = problemsAfter('content/data/scenarios.yaml', (t) => t.replace('tools: [jitsi-meet, whatsapp, proton-mail]', 'tools: [jitsi-meet, whatsap, proton-mail]'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			file: 'content/data/scenarios.yaml',
			field: 'entry 1 (id "direct-contact") → steps[0] (id "first-meeting").tools[1]',
			message: 'unknown tool "whatsap"',
		});
		expect(problems[0]!.fix).toMatch(/^did you mean "whatsapp"\? Use an id listed in content\/data\/tools\.yaml \(proton-mail, /);
	});

	test('errors if a practice has an unknown category', () => {
		const problems = problemsAfter('content/data/practices.yaml', (t) => t.replace('category: devices', 'category: gadgets'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/data/practices.yaml', field: 'entry 1 (id "updates") → category', message: 'unknown category "gadgets"' });
		expect(problems[0]!.fix).toContain('or add a category with id "gadgets" there.');
	});

	test('errors if two tools share an id', () => {
		const problems = problemsAfter('content/data/tools.yaml', (t) => t.replace('- id: wire\n', '- id: signal\n'));
		expect(problems.map((p) => p.message)).toContain('duplicate id "signal", already used by entry 3');
		const duplicate = problems.find((p) => p.message.startsWith('duplicate'))!;
		expect(duplicate.file).toBe('content/data/tools.yaml');
		expect(duplicate.field).toBe('entry 4 (id "signal") → id');
		expect(duplicate.fix).toBe('give one of the two tools another id; ids must be unique within content/data/tools.yaml.');
	});

	test('errors if a required field is missing', () => {
		const problems = problemsAfter('content/data/tools.yaml', (t) => t.replace('  homepage: https://signal.org\n', ''));
		expect(problems).toEqual([
			{
				file: 'content/data/tools.yaml',
				field: 'entry 3 (id "signal") → homepage',
				message: 'required field "homepage" is missing',
				fix: 'add "homepage:" to this entry; src/schemas/tool.ts says what it means.',
			},
		]);
	});

	test('errors if a reviewed date is not a real date', () => {
		const problems = problemsAfter('content/docs/en/tools/signal.mdx', (t) => t.replace(/reviewed: .*/, 'reviewed: 2026-02-30'));
		expect(problems).toEqual([
			{
				file: 'content/docs/en/tools/signal.mdx',
				field: `line ${lineIn('content/docs/en/tools/signal.mdx', 'reviewed:')}, frontmatter → reviewed`,
				message: 'must be a real date written as YYYY-MM-DD, such as 2026-11-23',
				fix: 'correct the value; src/schemas/page.ts says what is allowed.',
			},
		]);
	});

	test('errors if a page has no reviewed date', () => {
		const problems = problemsAfter('content/docs/en/tools/signal.mdx', (t) => t.replace(/reviewed: .*\n/, ''));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/docs/en/tools/signal.mdx', field: 'frontmatter → reviewed', message: 'required field "reviewed" is missing' });
	});

	test('errors if a page frontmatter names an unknown tool', () => {
		const problems = problemsAfter('content/docs/en/tools/signal.mdx', (t) => t.replace(/reviewed: (.*)\n/, 'reviewed: $1\ntools: [wire, sginal]\n'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/docs/en/tools/signal.mdx', field: `line ${lineIn('content/docs/en/tools/signal.mdx', 'reviewed:') + 1}, frontmatter → tools[1]`, message: 'unknown tool "sginal"' });
		expect(problems[0]!.fix).toMatch(/^did you mean "signal"\?/);
	});

	test('errors on an unknown frontmatter key, at its line, with the key it was meant to be', () => {
		const problems = problemsAfter('content/docs/fr/tools/signal.mdx', (t) => t.replace(/^reviewed: (.*)$/m, 'reviewd: $1'));
		const line = lineIn('content/docs/fr/tools/signal.mdx', 'reviewed:');
		// The key is named once: not again as a missing "reviewed" and an unrecognised key by the schema.
		expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
			['content/docs/fr/tools/signal.mdx', `line ${line}, frontmatter → reviewd`, 'unknown key "reviewd"'],
			['content/docs/fr/tools/signal.mdx', 'frontmatter → reviewed', 'required field "reviewed" is missing'],
		]);
		expect(problems[0]!.fix).toMatch(/^did you mean "reviewed"\? A page's frontmatter holds title, description, reviewed/);
	});

	test.each([
		['head', 'head:\n  - tag: meta\n    attrs:\n      http-equiv: refresh\n      content: 0;url=https://evil.example/', /^"head" is not allowed in a page: it writes elements into the page’s head/],
		['banner', 'banner:\n  content: Read <a href="https://evil.example/">this</a>', /^"banner" is not allowed in a page: its content is written into the page as HTML/],
		['hero', 'hero:\n  tagline: <b>x</b>', /^"hero" is not allowed in a page/],
		['sidebar', 'sidebar:\n  attrs:\n    style: display:none', /^"sidebar" is not allowed in a page/],
	])('refuses Starlight’s "%s" in a page’s frontmatter, at its line', (key, lines, message) => {
		const problems = problemsAfter('content/docs/en/tools/signal.mdx', (t) => t.replace(/^---\n/, `---\n${lines}\n`));
		expect(problems.map((p) => p.field)).toEqual([`line 2, frontmatter → ${key}`]);
		expect(problems[0]!.message).toMatch(message);
		expect(problems[0]!.fix).toMatch(new RegExp(`^remove "${key}:" and everything indented under it`));
	});

	test('refuses markup in a title or a description: they are plain text', () => {
		const problems = problemsAfter('content/docs/fr/tools/signal.mdx', (t) =>
			t.replace(/^title: .*$/m, 'title: "x</title><meta http-equiv=refresh content=0;url=https://evil.example/>"').replace(/^description: .*$/m, 'description: Un &#60;b> texte'),
		);
		expect(problems.map((p) => [p.field, p.message])).toEqual([
			[`line ${lineIn('content/docs/fr/tools/signal.mdx', 'title:')}, frontmatter → title`, 'must be plain text, without markup: "</" is markup'],
			[`line ${lineIn('content/docs/fr/tools/signal.mdx', 'description:')}, frontmatter → description`, 'must be plain text, without markup: "&#60;" is markup'],
		]);
	});

	test('accepts the layout keys a page may set, and plain text with & and < in it', () => {
		const problems = problemsAfter('content/docs/en/tools/signal.mdx', (t) => t.replace(/^title: .*$/m, 'title: Signal & co, for 2 < 3 people\ntemplate: doc\ntableOfContents: false'));
		expect(problems).toEqual([]);
	});

	test('an unknown field in a data entry, also deep in it, names the field it was meant to be', () => {
		const tool = problemsAfter('content/data/tools.yaml', (t) => t.replace('  homepage: https://signal.org', '  homepage: https://signal.org\n  homepag: https://signal.org'));
		expect(tool.map((p) => [p.file, p.message])).toEqual([['content/data/tools.yaml', 'unknown field(s) "homepag"']]);
		expect(tool[0]!.fix).toMatch(/^"homepag": did you mean "homepage"\? Check the spelling against src\/schemas\/tool\.ts \(id, name, /);
		const step = problemsAfter('content/data/scenarios.yaml', (t) => t.replace('      fallback: [signal, wire]', '      fallbak: [signal, wire]'));
		expect(step.map((p) => [p.field, p.message])).toEqual([['entry 1 (id "direct-contact") → steps[0]', 'unknown field(s) "fallbak"']]);
		expect(step[0]!.fix).toMatch(/^"fallbak": did you mean "fallback"\?/);
	});

	test('errors if a page in tools/ is named after no tool', () => {
		project = copyProject(['content']);
		project.write('content/docs/fr/tools/sginal.mdx', '---\ntitle: Signal\nreviewed: 2026-11-23\n---\n\nTexte.\n');
		const problems = checkContent(project.dir).problems;
		expect(problems).toEqual([
			{
				file: 'content/docs/fr/tools/sginal.mdx',
				message: 'the page is in tools/ but there is no tool with id "sginal"',
				fix: 'did you mean "signal"? Name the file after an id in content/data/tools.yaml, or add that tool there.',
			},
		]);
	});

	test('errors if a tool has no page in the source language', () => {
		// An id no real tool will take, so that the guide can add any tool without breaking this test.
		const problems = problemsAfter('content/data/tools.yaml', (t) => `${t}\n- id: example-messenger-without-page\n  name: Example Messenger\n  kind: messenger\n  homepage: https://example.org\n  platforms: [android]\n  openSource: true\n  decentralised: true\n  selfHostable: false\n  needsAccount: false\n  needsInstall: true\n  useCases: [messaging]\n  source: https://example.org/manual/\n  checked: 2026-11-28\n`);
		expect(problems).toEqual([
			{
				file: 'content/docs/en/tools/example-messenger-without-page.mdx',
				message: 'the tool "example-messenger-without-page" has no page in the source language',
				fix: 'write this page (title, reviewed and its prose), or remove "example-messenger-without-page" from content/data/tools.yaml.',
			},
		]);
	});

	test('errors if a tool has no source for its facts', () => {
		const problems = problemsAfter('content/data/tools.yaml', (t) => t.replace('  source: https://signal.org/blog/phone-number-privacy-usernames/\n', ''));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/data/tools.yaml', field: 'entry 3 (id "signal") → source' });
	});

	test('errors if a checked date is not a real date', () => {
		const problems = problemsAfter('content/data/tools.yaml', (t) => t.replace(/(id: wire[\s\S]*?checked: )[\d-]+/, '$12026-02-30'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/data/tools.yaml', field: 'entry 4 (id "wire") → checked', message: 'must be a real date written as YYYY-MM-DD, such as 2026-11-23' });
	});

	test('errors if a checked or reviewed date has not come yet', () => {
		const tools = problemsAfter('content/data/tools.yaml', (t) => t.replace(/(id: wire[\s\S]*?checked: )[\d-]+/, '$12999-06-01'));
		expect(tools).toEqual([
			expect.objectContaining({ file: 'content/data/tools.yaml', field: 'entry 4 (id "wire") → checked', message: 'is after today: 2999-06-01 has not come yet; write the day it was done, as YYYY-MM-DD' }),
		]);
		const pages = problemsAfter('content/docs/fr/tools/wire.mdx', (t) => t.replace(/^reviewed: .*$/m, 'reviewed: 2999-06-01'));
		expect(pages.map((p) => [p.file, p.message])).toEqual([['content/docs/fr/tools/wire.mdx', 'is after today: 2999-06-01 has not come yet; write the day it was done, as YYYY-MM-DD']]);
	});

	test('errors if a caveat has no sentence in a language', () => {
		const problems = problemsAfter('content/data/tools.yaml', (t) => t.replace(/(id: signal[\s\S]*?)(\n  source:)/, '$1\n  caveats: [needsPhoneNumber]$2'));
		expect(problems.map((p) => p.file)).toEqual(['content/text/en.yaml', 'content/text/es.yaml', 'content/text/fr.yaml', 'content/text/ar.yaml']);
		expect(problems[0]!.message).toContain('tool.signal.needsPhoneNumber');
		// In the source language the sentence is to be written, not translated.
		expect(problems[0]).toMatchObject({ message: 'missing text "tool.signal.needsPhoneNumber" in the source language "en"', fix: 'add "tool.signal.needsPhoneNumber: ..." to content/text/en.yaml: write it in this language; every other language translates it from here.' });
		expect(problems[1]!.fix).toBe('add "tool.signal.needsPhoneNumber: ..." to content/text/es.yaml, translated from content/text/en.yaml.');
	});

	test('errors if an interface string is missing in a language', () => {
		const problems = problemsAfter('content/i18n/ar.json', (t) => t.replace(/\s*"tool\.logs": "[^"]*",/, ''));
		expect(problems).toEqual([
			{
				file: 'content/i18n/ar.json',
				field: 'tool.logs',
				message: 'missing translation of "tool.logs" in language "ar"',
				// The source's text comes with it, so that the translator need not open another file.
				fix: 'add "tool.logs" to content/i18n/ar.json, translated from content/i18n/en.json, where it reads: "What the service keeps".',
			},
		]);
	});

	test('errors if a step text is missing in a language, and if a text belongs to no data', () => {
		const problems = problemsAfter('content/text/es.yaml', (t) => t.replace(/^step\.clean-up\.agree-end:/m, 'step.clean-up.agree-ending:'));
		expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
			['content/text/es.yaml', 'step.clean-up.agree-end', 'missing translation of "step.clean-up.agree-end" in language "es"'],
			['content/text/es.yaml', 'step.clean-up.agree-ending', '"step.clean-up.agree-ending" belongs to no data entry'],
		]);
	});

	test('errors if a rule names an unknown question, and formats every problem for the terminal', () => {
		const problems = problemsAfter('content/data/rules.yaml', (t) => t.replace('question: direct-contact-dangerous', 'question: direct-contact-dangeros'));
		expect(formatProblems(problems)).toMatchInlineSnapshot(`
			"1 content problem found:

			1. content/data/rules.yaml
			   at:   entry 1 (id "partner-first") → when[0].question
			   what: unknown question "direct-contact-dangeros"
			   fix:  did you mean "direct-contact-dangerous"? Use an id listed in content/data/questions.yaml (surveilled, secure-apps-risky, direct-contact-dangerous, partner-surveilled, partner-secure-apps-risky, anonymity-tools-risky), or add a question with id "direct-contact-dangeros" there."
		`);
	});

	test('errors if a page a plan links to tells the reader to use a tool that plan avoids, naming the page file, unless the passage is marked for other answers', () => {
		const sentence = '\n\nSend the details over WhatsApp.\n';
		const problems = problemsAfter('content/docs/fr/practices/app-lock.mdx', (t) => t + sentence);
		const here = problems.filter((p) => p.file === 'content/docs/fr/practices/app-lock.mdx');
		expect(here.map((p) => p.message)).toEqual([expect.stringMatching(/^the page "practices\/app-lock", which the plan links to, names WhatsApp in content\/docs\/fr\/practices\/app-lock\.mdx, which the plan says to avoid/)]);
		expect(here[0]!.field).toMatch(/^answers .*=(yes|unsure).* → page "practices\/app-lock"$/);
		expect(here[0]!.fix).toContain('only-where');
		const marked = problemsAfter('content/docs/fr/practices/app-lock.mdx', (t) => `${t}\n\n{/* only-where: direct-contact-dangerous=no */}${sentence}{/* end only-where */}\n`);
		expect(marked).toEqual([]);
	});

	test('errors if a data file is not valid YAML', () => {
		const problems = problemsAfter('content/data/threats.yaml', (t) => t.replace('- id: metadata', '- id: metadata\n  - broken'));
		expect(problems[0]).toMatchObject({ file: 'content/data/threats.yaml', field: 'line 4, column 1' });
		expect(problems[0]!.message).toMatch(/^the indentation here does not fit the lines around it \(a block sequence may not be used as an implicit map key\)$/);
	});
});

describe('oldReviews', () => {
	test('lists the pages reviewed more than 12 months before the given day, and only those', () => {
		project = copyProject(['content']);
		project.edit('content/docs/fr/tools/signal.mdx', (t) => t.replace(/reviewed: .*/, 'reviewed: 2025-11-22'));
		project.edit('content/docs/ar/tools/wire.mdx', (t) => t.replace(/reviewed: .*/, 'reviewed: 2025-11-23'));
		expect(oldReviews(project.dir, new Date('2026-11-23T12:00:00Z'))).toEqual([{ file: 'content/docs/fr/tools/signal.mdx', reviewed: '2025-11-22' }]);
	});
});

describe('helpers', () => {
	test('formatPath writes indexes in brackets', () => {
		expect(formatPath(['steps', 2, 'tools', 0])).toBe('steps[2].tools[0]');
		// An item with an id is named by it, so that the editor finds it without counting from 0.
		const scenario = { steps: [{ id: 'a' }, { id: 'b' }, { id: 'ongoing-channel', tools: ['x'] }] };
		expect(formatPath(['steps', 2, 'tools', 0], scenario)).toBe('steps[2] (id "ongoing-channel").tools[0]');
	});
	test('closest suggests only near misses', () => {
		expect(closest('sginal', ['signal', 'wire'])).toBe('signal');
		expect(closest('telegram', ['signal', 'wire'])).toBeUndefined();
	});
});
