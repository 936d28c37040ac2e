import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { loadSiteConfig } from '../../src/check/site-config';
import { printedPage, rolePage, type PrintedPage } from '../../src/schemas/vocabulary';
import { copyProject } from '../helpers/project';

let project: ReturnType<typeof copyProject> | undefined;
afterEach(() => project?.cleanup());

/** A copy of the content with a tool kind "sled" added to content/data/tool-kinds.yaml, then `change`d. */
function withKind(change: (project: ReturnType<typeof copyProject>) => void = () => {}) {
	project?.cleanup();
	project = copyProject(['content']);
	project.edit('content/data/tool-kinds.yaml', (t) => `${t}- id: sled\n`);
	change(project);
	return { problems: checkContent(project.dir).problems };
}

describe('the guide’s vocabulary (content/data, src/schemas/vocabulary.ts)', () => {
	test('a value needs its name in every language’s interface strings', () => {
		const { problems } = withKind();
		const missing = problems.filter((p) => p.field === 'kind.sled');
		expect(missing.map((p) => p.file).sort()).toEqual(['content/i18n/ar.json', 'content/i18n/en.json', 'content/i18n/es.json', 'content/i18n/fr.json']);
		expect(missing.find((p) => p.file === 'content/i18n/en.json')!.message).toBe('missing text "kind.sled" in the source language "en"');
		expect(problems).toHaveLength(4);
	});

	test('named in every language, a value is one a tool may have; a value the list lacks is refused with the list', () => {
		const named = (p: ReturnType<typeof copyProject>) => {
			for (const lang of ['en', 'es', 'fr', 'ar']) p.edit(`content/i18n/${lang}.json`, (t) => t.replace(/\n\}\s*$/, ',\n\t"kind.sled": "Sled"\n}\n'));
		};
		expect(withKind(named).problems).toEqual([]);
		const { problems } = withKind((p) => {
			named(p);
			p.edit('content/data/tools.yaml', (t) => t.replace(/kind: messenger/, 'kind: sleds'));
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/data/tools.yaml', message: 'unknown tool kind "sleds"' });
		expect(problems[0]!.fix).toMatch(/^did you mean "sled"\? Use an id listed in content\/data\/tool-kinds\.yaml \(.*sled\)/);
	});

	test('a name for a value the vocabulary does not have is refused', () => {
		project = copyProject(['content']);
		project.edit('content/i18n/fr.json', (t) => t.replace(/\n\}\s*$/, ',\n\t"kind.sled": "Luge"\n}\n'));
		const problems = checkContent(project.dir).problems;
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/i18n/fr.json', message: 'unknown key "kind.sled": no page shows it' });
	});

	test('the sidebar is content/data/sidebar.yaml: its groups in order, named by "nav.<id>", their pages, then their entries’ pages, grouped by a field when it says so', () => {
		project = copyProject(['content']);
		project.write('content/data/sidebar.yaml', '- id: start\n  pages: [risk-check, index]\n- id: practices\n  entries: practices\n  groupBy: category\n- id: tools\n  entries: tools\n- id: reference\n  pages: [downloads]\n- id: scenarios\n  entries: scenarios\n');
		const { sidebar } = loadSiteConfig(project.dir) as { sidebar: { label: string; translations: Record<string, string>; items: { slug?: string; label?: string; items?: { slug: string }[] }[] }[] };
		const strings = JSON.parse(readFileSync(join(project.dir, 'content/i18n/en.json'), 'utf8')) as Record<string, string>;
		expect(sidebar.map((g) => g.label)).toEqual(['start', 'practices', 'tools', 'reference', 'scenarios'].map((id) => strings[`nav.${id}`]));
		expect(sidebar[3]!.items).toEqual([{ slug: 'downloads' }]);
		expect(sidebar[0]!.translations.fr).toBe((JSON.parse(readFileSync(join(project.dir, 'content/i18n/fr.json'), 'utf8')) as Record<string, string>)['nav.start']);
		expect(sidebar[0]!.items).toEqual([{ slug: 'risk-check' }, { slug: 'index' }]);
		const categories = sidebar[1]!.items;
		expect(categories.length).toBeGreaterThan(1);
		for (const category of categories) expect(category.items!.length).toBeGreaterThan(0);
		expect(categories.flatMap((c) => c.items!.map((i) => i.slug)).every((slug) => slug.startsWith('practices/'))).toBe(true);
		expect(sidebar[2]!.items.every((i) => i.slug!.startsWith('tools/'))).toBe(true);
	});

	test('a sidebar group names a page that does not exist, or a group has no name: the file, the entry and the fix', () => {
		project = copyProject(['content']);
		project.edit('content/data/sidebar.yaml', (t) => t.replace('pages: [index, risk-assessment, risk-check]', 'pages: [index, risk-asessment, risk-check]\n- id: elsewhere\n  pages: [downloads]'));
		const problems = checkContent(project.dir).problems;
		expect(problems.find((p) => p.file === 'content/data/sidebar.yaml')).toMatchObject({ field: 'entry 1 (id "start") → pages[1]', message: 'no page "risk-asessment" in the source language' });
		expect(problems.find((p) => p.file === 'content/data/sidebar.yaml')!.fix).toMatch(/^did you mean "risk-assessment"\?/);
		expect(problems.filter((p) => p.field === 'nav.elsewhere').map((p) => p.file).sort()).toEqual(['content/i18n/ar.json', 'content/i18n/en.json', 'content/i18n/es.json', 'content/i18n/fr.json']);
	});

	test('each place of the quick card and the handout prints one page of content/data/printed-pages.yaml, which exists', () => {
		project = copyProject(['content']);
		project.edit('content/data/printed-pages.yaml', (t) => t.replace('  card: closing\n', '').replace('page: resources\n  handout: last', 'page: resourcez\n  handout: last').replace('page: risk-check\n', 'page: risk-check\n  handout: first\n'));
		const problems = checkContent(project.dir).problems.filter((p) => p.file === 'content/data/printed-pages.yaml');
		expect(problems.map((p) => p.message).sort()).toEqual([
			'2 pages have "handout: first"; the handout prints one there',
			'no page "resourcez" in the source language',
			'no page has "card: closing", a place the quick card prints a page at',
		]);
		expect(problems.find((p) => p.message.startsWith('2 pages'))!.field).toBe('id "risk-assessment", id "risk-check"');
		expect(problems).toHaveLength(3);
	});

	test('each role of content/data/page-roles.yaml is held by one page at most, which exists', () => {
		project = copyProject(['content']);
		project.write('content/data/page-roles.yaml', '- id: a\n  page: check-a-copy\n  role: download-list\n- id: b\n  page: no-such-page\n  role: download-list\n- id: c\n  page: check-a-copy\n  role: translation-help\n');
		const problems = checkContent(project.dir).problems.filter((p) => p.file === 'content/data/page-roles.yaml');
		expect(problems.map((p) => [p.field, p.message])).toEqual([
			['entry 2 (id "b") → page', 'no page "no-such-page" in the source language'],
			['id "a", id "b"', '2 pages have "role: download-list"; one page holds it'],
		]);
		project.write('content/data/page-roles.yaml', '- id: a\n  page: check-a-copy\n  role: download-page\n');
		expect(checkContent(project.dir).problems.filter((p) => p.file === 'content/data/page-roles.yaml').map((p) => p.message).join()).toMatch(/download-list.*translation-help/);
		project.write('content/data/page-roles.yaml', '[]\n');
		expect(checkContent(project.dir).problems.filter((p) => p.file === 'content/data/page-roles.yaml')).toEqual([]);
	});

	test('a rule that names no role takes the one marked default in roles.yaml: the check requires one, and refuses two', () => {
		project = copyProject(['content']);
		project.edit('content/data/roles.yaml', (t) => t.replace(/^  default: true\n/m, ''));
		const none = checkContent(project.dir).problems.filter((p) => p.file === 'content/data/roles.yaml');
		expect(none).toHaveLength(1);
		expect(none[0]!.message).toMatch(/^no role has "default: true", and rule "[a-z0-9-]+" names none \("between"\)$/);
		project.write('content/data/roles.yaml', readFileSync(join(project.dir, 'content/data/roles.yaml'), 'utf8').replace(/^(- id: [a-z0-9-]+)$/gm, '$1\n  default: true'));
		const two = checkContent(project.dir).problems.filter((p) => p.file === 'content/data/roles.yaml');
		expect(two.map((p) => p.message)).toEqual([expect.stringMatching(/^\d+ roles have "default: true"; a rule that names no role takes the one that has it$/)]);
	});

	test('rolePage finds the page of a role, and none when no page holds it', () => {
		expect(rolePage([{ id: 'a', page: 'get/it', role: 'download-list' }], 'download-list')).toBe('get/it');
		expect(rolePage([{ id: 'a', page: 'get/it', role: 'download-list' }], 'translation-help')).toBeUndefined();
	});

	test('printedPage finds the page printed at a place, and names the place and the file when none is', () => {
		const entries: { data: PrintedPage }[] = [{ data: { id: 'a', page: 'one', card: 'closing' } }, { data: { id: 'b', page: 'two/three', handout: 'first' } }];
		expect(printedPage(entries, 'card', 'closing')).toBe('one');
		expect(printedPage(entries, 'handout', 'first')).toBe('two/three');
		expect(() => printedPage(entries, 'card', 'questions')).toThrow('no page of content/data/printed-pages.yaml has card: questions');
	});
});
