import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkContent, type SiteData } from '../../src/check/check-content';
import { contentDir, parseYaml, setContentDir } from '../../src/check/sources';
import { copyProject, ROOT } from './project';

/** The small guide of tests/fixtures/ that the build tests build: two languages, a few pages. */
export const FIXTURE = 'newsroom';

/** The folder of that guide in tests/fixtures/. */
export const FIXTURE_DIR = join(ROOT, 'tests/fixtures', FIXTURE);

/** The text of a file of that guide (a path such as `guide/i18n/fa.json`), as it is in tests/fixtures/. */
export const fixtureText = (rel: string): string => readFileSync(join(FIXTURE_DIR, rel), 'utf8');

/** The line (from 1) of that guide's file `rel` that starts with `start`; the test fails when there is none. */
export function fixtureLine(rel: string, start: string): number {
	const line = fixtureText(rel).split('\n').findIndex((l) => l.startsWith(start)) + 1;
	expect(line, `${rel} has no line starting with ${start}`).toBeGreaterThan(0);
	return line;
}

/** The parts of the project that make the generator (what a guide's `safe-comms-playbook` import reaches). */
const GENERATOR = ['src', 'components', 'scripts', 'package.json'];

export interface GuideCopy {
	/** The guide's project folder, where `astro build` runs. */
	dir: string;
	/** Its content folder, relative to dir (`guide`, as in `playbook({ content: './guide' })`). */
	content: string;
	/** Its languages' ids, in the order of its data/languages.yaml. */
	languages: string[];
	/** The generator that builds it: the project's own, or a copy of it in the same temporary folder. */
	generator: string;
	/** Changes a file of the guide (a path relative to dir); fails when the change changes nothing. */
	edit: (rel: string, change: (text: string) => string) => void;
	/** Writes a file of the guide (a path relative to dir). */
	write: (rel: string, text: string) => void;
	/** Changes a file of the generator's copy (a path such as `src/check/check-content.ts`); only with `generator: true`. */
	editGenerator: (rel: string, change: (text: string) => string) => void;
	/** The pages of a language in a folder of its docs (`tools`), as slugs (`tools/mat2`), sorted; the folder's index left out. */
	pages: (lang: string, folder: string) => string[];
	/** The file of a page (`guide/docs/fa/tools/mat2.mdx`), relative to dir. */
	page: (lang: string, slug: string) => string;
	/** The line number (1-based) of the first line of a guide file that includes the text; fails when none does. */
	lineOf: (rel: string, text: string) => number;
	/**
	 * Runs the generator's build command (scripts/build.ts, the same stages as `astro build` and
	 * the signatures) in the guide's folder, with the given arguments and environment; colours off.
	 */
	build: (args?: string[], env?: NodeJS.ProcessEnv, timeout?: number) => { status: number | null; stdout: string; output: string };
	cleanup: () => void;
}

/**
 * A copy of a small guide of tests/fixtures/ for a build test to change and build, in the project's
 * .scratch/ (so that Astro finds the project's node_modules by walking up). The guide imports the
 * generator by the package's name, which Node resolves through the nearest package.json: the
 * project's own, or, with `generator: true`, a copy of src/, components/ and scripts/ made beside
 * the guide, for a test that changes the generator itself (switches a check off).
 */
export function guideCopy({ generator = false, fixture = FIXTURE } = {}): GuideCopy {
	const copy = copyProject(generator ? GENERATOR : [], { buildable: true });
	const dir = join(copy.dir, 'site');
	cpSync(join(ROOT, 'tests/fixtures', fixture), dir, { recursive: true, filter: (source) => !/\/(dist|\.astro|node_modules)$/.test(source) });
	const content = readdirSync(dir).find((name) => existsSync(join(dir, name, 'data', 'languages.yaml')));
	if (!content) throw new Error(`tests/fixtures/${fixture} has no folder with data/languages.yaml: which is its content?`);
	const root = generator ? copy.dir : ROOT;
	const change = (path: string, rel: string, how: (text: string) => string) => {
		const before = readFileSync(path, 'utf8');
		const after = how(before);
		if (after === before) throw new Error(`edit of ${rel} changed nothing: the test's pattern no longer matches`);
		writeFileSync(path, after);
	};
	const languages = (parseYaml(readFileSync(join(dir, content, 'data', 'languages.yaml'), 'utf8'), 'languages.yaml') as { id: string }[]).map((l) => l.id);
	return {
		dir,
		content,
		languages,
		generator: root,
		edit: (rel, how) => change(join(dir, rel), rel, how),
		write(rel, text) {
			mkdirSync(join(dir, rel, '..'), { recursive: true });
			writeFileSync(join(dir, rel), text);
		},
		editGenerator(rel, how) {
			if (!generator) throw new Error('guideCopy({ generator: true }) makes a copy of the generator to change; this one builds with the project’s own');
			change(join(root, rel), rel, how);
		},
		pages: (lang, folder) =>
			readdirSync(join(dir, content, 'docs', lang, folder))
				.filter((name) => name.endsWith('.mdx') && name !== 'index.mdx')
				.map((name) => `${folder}/${name.replace(/\.mdx$/, '')}`)
				.sort(),
		page: (lang, slug) => `${content}/docs/${lang}/${slug}.mdx`,
		lineOf(rel, text) {
			const line = readFileSync(join(dir, rel), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
			if (!line) throw new Error(`${rel} has no line with ${JSON.stringify(text)}`);
			return line;
		},
		build(args = [], env = process.env, timeout = 280_000) {
			const run = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--content', content, ...args], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout });
			return { status: run.status, stdout: run.stdout, output: `${run.stdout}\n${run.stderr}` };
		},
		cleanup: copy.cleanup,
	};
}

/**
 * The words of a text with letters of the Arabic script (Persian), joiners left out. pdfjs gives a
 * right-to-left line's words in the order they are drawn, sometimes without the space between two
 * of them: a printed sentence is checked word by word, each found in `printedText(...)`.
 */
export function arabicScriptWords(text: string): string[] {
	return text
		.replace(/\u200c/g, '')
		.split(/[\s.,،:;!?؟«»()"]+/)
		.filter((word) => /\p{Script=Arabic}/u.test(word));
}

/** A PDF's text with no spaces and no joiners, for finding words of a right-to-left language in it. */
export const printedText = (pages: readonly { actualText: string }[]) => pages.map((p) => p.actualText).join('').replace(/[\s\u200c]/g, '');

/**
 * The content's data of a small guide of tests/fixtures/, as the content check gives it (read from its
 * own folder, which the check reads through the content folder of the process, set for the time of
 * the check): a second model for the generator's pure functions, besides this guide's.
 */
export function fixtureData(fixture = FIXTURE): SiteData {
	const dir = join(ROOT, 'tests/fixtures', fixture);
	const { data, problems } = checkGuide(dir, readdirSync(dir).find((name) => existsSync(join(dir, name, 'data', 'languages.yaml')))!);
	if (!data || problems.length) throw new Error(`tests/fixtures/${fixture} has content problems: ${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
	return data;
}

/** The content check of a guide whose content is in `content` (a folder of `dir`), as the build runs it for `playbook({ content })`. */
export function checkGuide(dir: string, content: string): ReturnType<typeof checkContent> {
	const before = contentDir();
	setContentDir(content);
	try {
		return checkContent(dir);
	} finally {
		setContentDir(before);
	}
}
