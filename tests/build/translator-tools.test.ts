/**
 * The translators' tools, as an organisation's project runs them: `npx playbook <command>` (the
 * package's "bin", scripts/playbook.mjs) in a copy of the second guide (tests/fixtures/newsroom/,
 * content folder `guide`), with the generator installed in node_modules/safe-comms-playbook/ (what
 * `npm pack` ships) and linked from node_modules/.bin/ as npm links it. Node strips no TypeScript
 * below node_modules/: the tools run only if the launcher starts them with the module hooks. Every
 * path they read and name is the guide's own folder, guide/, never content/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseYaml } from '../../src/check/sources';
import { guideCopy, type GuideCopy } from '../helpers/fixture';
import { ROOT } from '../helpers/project';

let guide: GuideCopy;

beforeAll(() => {
	guide = guideCopy();
	const installed = join(guide.dir, 'node_modules/safe-comms-playbook');
	const { version, bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
	writeFileSync(join(guide.dir, 'package.json'), JSON.stringify({ name: 'newsroom-guide', version: '1.0.0', private: true, type: 'module', dependencies: { 'safe-comms-playbook': version } }, null, 2));
	for (const part of ['src', 'components', 'scripts', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
	// npm links each "bin" of an installed package into node_modules/.bin/.
	mkdirSync(join(guide.dir, 'node_modules/.bin'), { recursive: true });
	for (const [name, file] of Object.entries(bin)) symlinkSync(join('../safe-comms-playbook', file), join(guide.dir, 'node_modules/.bin', name));
});
afterAll(() => guide?.cleanup());

/**
 * `npx playbook <args>` in the guide's project: the linked bin, started by its #! line with the
 * node that npx finds first on the PATH (this one).
 */
function playbook(...args: string[]): { status: number | null; stdout: string; output: string } {
	const run = spawnSync(join(guide.dir, 'node_modules/.bin/playbook'), args, {
		cwd: guide.dir,
		encoding: 'utf8',
		env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' },
		timeout: 50_000,
	});
	return { status: run.status, stdout: run.stdout, output: `${run.stdout}\n${run.stderr}` };
}

/** The output names the guide's folder and never content/, which this project has and the guide's has not. */
function namesTheGuide(output: string) {
	expect(output).not.toMatch(/\bcontent\//);
	expect(output).not.toContain('ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING');
}

test('help lists the commands; an unknown command prints the usage and exits with 2', () => {
	const help = playbook('help');
	expect(help.status, help.output).toBe(0);
	for (const command of ['i18n-status', 'i18n-mark', 'i18n-fix-typography']) expect(help.stdout).toContain(`npx playbook ${command} `);
	const unknown = playbook('i18n-statuss');
	expect(unknown.status, unknown.output).toBe(2);
	expect(unknown.output).toContain('unknown command "i18n-statuss"');
	expect(unknown.output).toContain('usage: npx playbook <command>');
});

test('i18n-status lists the Persian pages as current and names the guide’s own files', () => {
	const run = playbook('i18n-status', '--content', guide.content);
	expect(run.status, run.output).toBe(0);
	const [, current, of] = run.stdout.match(/^fa: (\d+) current, 0 stale, 0 not reviewed, 0 missing \(of (\d+)\)/m) ?? [];
	expect(Number(current)).toBeGreaterThan(0);
	expect(current).toBe(of);
	expect(run.stdout).toContain(`(fluentReview in ${guide.content}/data/languages.yaml)`);
	expect(run.stdout).toContain(`(${guide.content}/text/fa.follows.json)`);
	// What to run next is said as the reader runs it, with the guide's folder.
	expect(run.stdout).toContain(`npx playbook i18n-mark <lang> <page> --content ${guide.content}`);
	namesTheGuide(run.output);
});

test('without --content, or with a folder of no guide, the tools say so with the usage line and exit with 2', () => {
	const none = playbook('i18n-status');
	expect(none.status, none.output).toBe(2);
	expect(none.output).toContain('content/data/languages.yaml is missing');
	expect(none.output).toContain('usage: npx playbook i18n-status [--strict] [--content <folder>]');
	const empty = playbook('i18n-mark', 'fa', '--all', '--content');
	expect(empty.status, empty.output).toBe(2);
	expect(empty.output).toContain('--content needs the guide’s folder');
	const extra = playbook('i18n-status', '--content', guide.content, '--strikt');
	expect(extra.status, extra.output).toBe(2);
	expect(extra.output).toContain('unknown argument --strikt');
});

test('an English page changed: its Persian page is stale, --strict exits with 1, and i18n-mark makes it current again', () => {
	const slug = guide.pages('en', 'tools')[0]!;
	const translation = guide.page('fa', slug);
	const hashOf = () => readFileSync(join(guide.dir, translation), 'utf8').match(/^sourceHash: '([0-9a-f]+)'$/m)?.[1];
	const before = hashOf();
	expect(before).toBeDefined();
	guide.edit(guide.page('en', slug), (text) => `${text.trimEnd()}\n\nA sentence added to the English page.\n`);

	const stale = playbook('i18n-status', '--content', guide.content);
	expect(stale.status, stale.output).toBe(0);
	expect(stale.stdout).toMatch(new RegExp(`^fa: \\d+ current, 1 stale,`, 'm'));
	expect(stale.stdout).toMatch(new RegExp(`^  stale +${slug}  \\(${translation}\\)$`, 'm'));
	const strict = playbook('i18n-status', '--strict', '--content', guide.content);
	expect(strict.status, strict.output).toBe(1);
	expect(strict.stdout).toContain('--strict: 0 missing and 1 stale page');
	namesTheGuide(strict.output);

	const mark = playbook('i18n-mark', 'fa', slug, '--content', guide.content);
	expect(mark.status, mark.output).toBe(0);
	const after = hashOf();
	expect(after).toBeDefined();
	expect(after).not.toBe(before);
	expect(mark.stdout).toContain(`fa/${slug} follows source ${after} (${translation})`);
	namesTheGuide(mark.output);

	const current = playbook('i18n-status', '--strict', '--content', guide.content);
	expect(current.status, current.output).toBe(0);
	expect(current.stdout).toMatch(/^fa: \d+ current, 0 stale,/m);
});

test('an English text changed: its Persian text is stale until i18n-mark --texts marks it, in the guide’s follows file', () => {
	const texts = `${guide.content}/text/en.yaml`;
	const [key, value] = Object.entries(parseYaml(readFileSync(join(guide.dir, texts), 'utf8'), texts) as Record<string, string>)[0]!;
	guide.edit(texts, (text) => text.replace(`${key}: ${value}`, `${key}: ${value}, changed`));

	const stale = playbook('i18n-status', '--strict', '--content', guide.content);
	expect(stale.status, stale.output).toBe(1);
	expect(stale.stdout).toContain(`  stale text  ${key}  (${guide.content}/text/fa.yaml;`);
	expect(stale.stdout).toContain(`npx playbook i18n-mark <lang> --texts <key> --content ${guide.content}`);

	const mark = playbook('i18n-mark', 'fa', '--texts', key, '--content', guide.content);
	expect(mark.status, mark.output).toBe(0);
	expect(mark.stdout).toContain(`1 text of fa follows the en texts (${guide.content}/text/fa.follows.json)`);
	namesTheGuide(mark.output);
	expect(playbook('i18n-status', '--strict', '--content', guide.content).status).toBe(0);
});

test('i18n-fix-typography corrects a French page of the guide’s folder, and refuses a language without rules', () => {
	// The guide has no French: a French page is seeded, with the straight apostrophe and the
	// ordinary space before a colon that French typography refuses.
	const page = guide.page('fr', guide.pages('en', 'tools')[0]!);
	guide.write(page, "---\ntitle: L'outil\n---\n\nC'est l'outil : il efface les métadonnées.\n");
	const run = playbook('i18n-fix-typography', 'fr', '--content', guide.content);
	expect(run.status, run.output).toBe(0);
	expect(run.stdout).toMatch(new RegExp(`^i18n:fix-typography: ${page}: [1-9]\\d* corrected$`, 'm'));
	namesTheGuide(run.output);
	const fixed = readFileSync(join(guide.dir, page), 'utf8');
	expect(fixed).toContain('C’est l’outil\u00a0: il');
	expect(fixed).not.toContain("'");

	const persian = playbook('i18n-fix-typography', 'fa', '--content', guide.content);
	expect(persian.status, persian.output).toBe(2);
	expect(persian.output).toContain('"fa" has no typography rules');
	expect(persian.output).toContain('usage: npx playbook i18n-fix-typography <lang> [--content <folder>]');
});
