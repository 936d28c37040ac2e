import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { markCurrent, markTextsCurrent, readPage, textStatus, translationStatus } from '../../src/i18n/translation-status';
import { copyProject } from '../helpers/project';

let copy: ReturnType<typeof copyProject> | undefined;
afterEach(() => copy?.cleanup());
const stateOf = (root: string, lang: string, slug: string) => translationStatus(root).languages[lang]!.find((p) => p.slug === slug)?.state;

describe('textStatus', () => {
	const stateOf = (root: string, lang: string, key: string) => textStatus(root).languages[lang]!.find((t) => t.key === key)?.state;

	test('finds a text stale in every language when its source text changes, until each is marked again', () => {
		copy = copyProject(['content']);
		for (const lang of ['es', 'fr', 'ar']) markTextsCurrent(copy.dir, lang);
		copy.edit('content/text/en.yaml', (t) => t.replace(/^(step\.clean-up\.agree-end: ).*$/m, '$1Tell the other person that the contact is ending, and agree on what each side deletes.'));
		copy.edit('content/i18n/en.json', (t) => t.replace('"risk.use": "Use"', '"risk.use": "Use these"'));
		const stale = textStatus(copy.dir).languages.fr!.filter((t) => t.state === 'stale');
		expect(stale.map((t) => [t.key, t.translation])).toEqual([
			['risk.use', 'content/i18n/fr.json'],
			['step.clean-up.agree-end', 'content/text/fr.yaml'],
		]);
		expect(stale[1]!.source).toBe('Tell the other person that the contact is ending, and agree on what each side deletes.');
		expect(markTextsCurrent(copy.dir, 'fr', ['step.clean-up.agree-end'])).toBe(1);
		expect(stateOf(copy.dir, 'fr', 'step.clean-up.agree-end')).toBe('current');
		expect(stateOf(copy.dir, 'fr', 'risk.use')).toBe('stale');
		expect(stateOf(copy.dir, 'es', 'step.clean-up.agree-end')).toBe('stale');
	});

	test('calls a text never marked "not reviewed", and refuses to mark the source language or an unknown key', () => {
		copy = copyProject(['content']);
		rmSync(join(copy.dir, 'content/text/es.follows.json'), { force: true });
		expect(new Set(textStatus(copy.dir).languages.es!.map((t) => t.state))).toEqual(new Set(['not-reviewed']));
		expect(() => markTextsCurrent(copy!.dir, 'en')).toThrow('"en" is the source language');
		expect(() => markTextsCurrent(copy!.dir, 'es', ['step.nothing'])).toThrow('no source text "step.nothing"');
	});
});

describe('translationStatus', () => {
	// Whether today's translations are current is the content's state: \`npm run i18n:status -- --strict\` checks it before a release.
	test('reads the source language and every other language', () => {
		copy = copyProject(['content']);
		const { source, languages } = translationStatus(copy.dir);
		expect(source).toBe('en');
		expect(Object.keys(languages)).toEqual(['es', 'fr', 'ar']);
	});

	test('marks every translation stale when the source text changes, and current again after review', () => {
		copy = copyProject(['content']);
		copy.edit('content/docs/en/tools/signal.mdx', (t) => t.replace('Signal encrypts every message', 'Signal now encrypts every message'));
		for (const lang of ['es', 'fr', 'ar']) expect(stateOf(copy.dir, lang, 'tools/signal')).toBe('stale');
		expect(stateOf(copy.dir, 'fr', 'tools/wire')).toBe('current');
		const { hash, file } = markCurrent(copy.dir, 'fr', 'tools/signal');
		expect(file).toBe('content/docs/fr/tools/signal.mdx');
		expect(stateOf(copy.dir, 'fr', 'tools/signal')).toBe('current');
		expect(stateOf(copy.dir, 'es', 'tools/signal')).toBe('stale');
		expect(readPage(join(copy.dir, 'content/docs/fr/tools/signal.mdx')).raw).toContain(`\nsourceHash: '${hash}'\n`);
	});

	test('does not count a change of review date alone as a new version', () => {
		copy = copyProject(['content']);
		copy.edit('content/docs/en/tools/signal.mdx', (t) => t.replace(/reviewed: .*/, 'reviewed: 2027-01-15'));
		expect(stateOf(copy.dir, 'es', 'tools/signal')).toBe('current');
	});

	test('reports a translation never marked as following its source as not reviewed, not stale', () => {
		copy = copyProject(['content']);
		copy.edit('content/docs/es/tools/wire.mdx', (t) => t.replace(/^sourceHash: .*\n/m, ''));
		expect(stateOf(copy.dir, 'es', 'tools/wire')).toBe('not-reviewed');
		markCurrent(copy.dir, 'es', 'tools/wire');
		expect(stateOf(copy.dir, 'es', 'tools/wire')).toBe('current');
	});

	test('records the day a fluent speaker reviewed a translation', () => {
		copy = copyProject(['content']);
		copy.edit('content/docs/ar/tools/signal.mdx', (t) => t.replace(/^reviewed: (.*)$/m, 'reviewed: $1\nfluentReview: 2026-11-20'));
		const pages = translationStatus(copy.dir).languages;
		expect(pages.ar!.find((p) => p.slug === 'tools/signal')?.fluentReview).toBe('2026-11-20');
		expect(pages.ar!.find((p) => p.slug === 'tools/wire')?.fluentReview).toBeUndefined();
	});

	test('reports a page that is not translated as missing', () => {
		copy = copyProject(['content']);
		rmSync(join(copy.dir, 'content/docs/ar/practices/plain-text.mdx'));
		expect(stateOf(copy.dir, 'ar', 'practices/plain-text')).toBe('missing');
		expect(() => markCurrent(copy!.dir, 'ar', 'practices/plain-text')).toThrow('no translation of "practices/plain-text" in "ar": write content/docs/ar/practices/plain-text.mdx first');
	});
});

describe('npm run i18n:status', () => {
	const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/i18n-status.ts', ...args], { cwd: dir, encoding: 'utf8' });

	test('prints a stale text with the file to update and the source text now, and fails with --strict', () => {
		copy = copyProject(['content', 'scripts', 'src', 'package.json'], { buildable: true });
		for (const lang of ['es', 'fr', 'ar']) markTextsCurrent(copy.dir, lang);
		copy.edit('content/text/en.yaml', (t) => t.replace(/^(step\.clean-up\.check-devices: ).*$/m, '$1Check USB keys, cloud folders and backups for copies that remain.'));
		expect(run(copy.dir).status).toBe(0);
		const result = run(copy.dir, '--strict');
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/ar: texts \d+ current, 1 stale, 0 not marked \(content\/text\/ar\.follows\.json\)\n {2}stale text {2}step\.clean-up\.check-devices {2}\(content\/text\/ar\.yaml; en now: "Check USB keys, cloud folders and backups for copies that remain\."\)/);
		expect(result.stdout).toContain('--strict: 0 missing and 0 stale pages, 3 stale texts;');
	});

	test('prints missing, stale and current pages per language, and fails with --strict when a page is missing or stale', () => {
		copy = copyProject(['content', 'scripts', 'src', 'package.json'], { buildable: true });
		// Texts all current first, whatever today's guide has left to review: this test is about pages.
		for (const lang of ['es', 'fr', 'ar']) markTextsCurrent(copy.dir, lang);
		copy.edit('content/docs/en/practices/updates.mdx', (t) => `${t}\nOne more sentence.\n`);
		copy.edit('content/data/languages.yaml', (t) => t.replace('quickExit: https://fr.wikipedia.org/', 'quickExit: https://fr.wikipedia.org/\n  fluentReview: 2026-11-20'));
		const pages = translationStatus(copy.dir).languages.es!.length;
		let result = run(copy.dir);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`es: ${pages - 1} current, 1 stale, 0 not reviewed, 0 missing (of ${pages}); 0 reviewed by a fluent speaker\n  stale    practices/updates  (content/docs/es/practices/updates.mdx)\n`);
		expect(result.stdout).toContain('es: interface strings and data texts not reviewed by a fluent speaker (fluentReview in content/data/languages.yaml)\n');
		expect(result.stdout).toContain('fr: interface strings and data texts reviewed by a fluent speaker on 2026-11-20\n');
		expect(result.stdout).toContain('3 pages stale: the en page changed since the translation.');
		// Before a release: a stale page fails --strict, as a missing one does.
		result = run(copy.dir, '--strict');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('--strict: 0 missing and 3 stale pages, 0 stale texts; translate or update them before a release.');

		rmSync(join(copy.dir, 'content/docs/fr/tools/keeper.mdx'));
		result = run(copy.dir);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`fr: ${pages - 2} current, 1 stale, 0 not reviewed, 1 missing (of ${pages}); 0 reviewed by a fluent speaker\n  stale    practices/updates  (content/docs/fr/practices/updates.mdx)\n  missing  tools/keeper  (content/docs/fr/tools/keeper.mdx)\n`);
		expect(result.stdout).toContain('1 page missing. Readers see the en page with a notice until they are translated.');
		expect(run(copy.dir, '--strict').status).toBe(1);
	});
});
