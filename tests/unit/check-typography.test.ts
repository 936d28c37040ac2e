import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTypography, fixTypography } from '../../src/check/check-typography';
import { inContentDir } from '../helpers/content-dir';
import { copyProject } from '../helpers/project';

describe('checkTypography', () => {
	test('finds straight apostrophes and ordinary spaces before French punctuation, with the line', () => {
		const text = 'title: Avant\n\nDemandez l\'avis de l\'\'organisation : vite !\nDéjà correct\u00a0: l’avis\u00a0?\n';
		expect(checkTypography('fr', 'content/docs/fr/x.mdx', text).map((p) => `${p.field}: ${p.message}`)).toEqual([
			'line 3: straight apostrophe in "l\'a"',
			'line 3: straight apostrophe in "l\'\'o"',
			'line 3: ordinary space before ":"',
			'line 3: ordinary space before "!"',
		]);
	});

	test('each fix names the command that corrects the whole language, for the guide’s own folder', () => {
		const fixes = (text: string) => checkTypography('fr', 'x/docs/fr/x.mdx', text).map((p) => p.fix);
		expect(fixes("l'avis")[0]).toMatch(/^write the typographic apostrophe ’ .* `npx playbook i18n-fix-typography fr` corrects it in every file of the language\.$/);
		expect(inContentDir('guides/ours', () => fixes('« vite')[0])).toBe('put a non-breaking space (U+00A0) after «. `npx playbook i18n-fix-typography fr --content guides/ours` corrects it in every file of the language.');
	});

	test('leaves code lines of MDX pages and other languages alone', () => {
		expect(checkTypography('fr', 'content/docs/fr/x.mdx', "import X from '@components/X.astro';\n\t'digital-security': 'Sécurité',\n")).toEqual([]);
		expect(checkTypography('en', 'content/docs/en/x.mdx', "Don't : wait\n")).toEqual([]);
	});

	test('the content check names the French file, the line and the fix', () => {
		const project = copyProject(['content']);
		try {
			project.edit('content/i18n/fr.json', (t) => t.replace('"Pas d’opérateur unique"', '"Pas d\'opérateur unique"'));
			const problems = checkContent(project.dir).problems;
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatchObject({ file: 'content/i18n/fr.json', message: 'straight apostrophe in "d\'o"' });
			expect(problems[0]!.fix).toContain('’');
		} finally {
			project.cleanup();
		}
	});

	test('corrects what it finds, on prose lines only, so that the check then finds nothing', () => {
		const text = 'title: Avant\n\nimport X from \'@components/X.astro\';\nDemandez l\'avis de l\'\'organisation : vite ! « Oui »\n';
		const fixed = fixTypography('fr', 'content/docs/fr/x.mdx', text);
		expect(fixed).toBe('title: Avant\n\nimport X from \'@components/X.astro\';\nDemandez l’avis de l’organisation\u00a0: vite\u00a0! «\u00a0Oui\u00a0»\n');
		expect(checkTypography('fr', 'content/docs/fr/x.mdx', fixed)).toEqual([]);
		expect(fixTypography('en', 'content/docs/en/x.mdx', "Don't : wait\n")).toBe("Don't : wait\n");
	});

	test('npm run i18n:fix-typography -- fr corrects the French files and says what it did', () => {
		const project = copyProject(['content', 'scripts', 'src', 'package.json'], { buildable: true });
		try {
			project.edit('content/text/fr.yaml', (t) => t.replace(/^(step\.clean-up\.agree-end: ).*$/m, "$1'Dites-le à l''autre personne : c''est fini.'"));
			const run = spawnSync(process.execPath, ['scripts/i18n-fix-typography.ts', 'fr'], { cwd: project.dir, encoding: 'utf8' });
			expect(run.status, run.stderr).toBe(0);
			expect(run.stdout).toContain('i18n:fix-typography: content/text/fr.yaml: 3 corrected');
			expect(readFileSync(join(project.dir, 'content/text/fr.yaml'), 'utf8')).toContain("step.clean-up.agree-end: 'Dites-le à l’autre personne\u00a0: c’est fini.'");
			expect(checkContent(project.dir).problems).toEqual([]);
		} finally {
			project.cleanup();
		}
	});
});
