import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/check-content';
import { checkTypography } from '../../src/lib/check-typography';
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
});
