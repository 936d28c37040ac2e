/**
 * Typography that a program can check, per language. French: a typographic apostrophe (’), never a
 * straight one (l'avis), and a non-breaking space, never an ordinary one, before « : ; ? ! » and
 * after «. Pure: takes a file's text, returns problems in the content check's form, or
 * (`fixTypography`) the text with them corrected, for `npx playbook i18n-fix-typography fr` (npm run i18n:fix-typography -- fr): most
 * keyboards cannot type a non-breaking space.
 */
import { toolCommand } from '../i18n/tool-command.ts';
import type { Problem } from './check-content.ts';

interface Rule {
	pattern: RegExp;
	message: (match: string) => string;
	fix: string;
	/** The same fault found and corrected: what a match becomes. */
	correct: [RegExp, string];
}

const FRENCH: Rule[] = [
	{
		pattern: /\p{L}(?:'|'')\p{L}/gu,
		message: (m) => `straight apostrophe in "${m}"`,
		fix: `write the typographic apostrophe ’ (l’avis, d’accueil), as in the rest of the French texts.`,
		correct: [/(\p{L})(?:''|')(?=\p{L})/gu, '$1’'],
	},
	{
		pattern: /\S (?=[:;?!»])./gu,
		message: (m) => `ordinary space before "${m.at(-1)}"`,
		fix: `put a non-breaking space (U+00A0) before : ; ? ! and », so that the sign never starts a line.`,
		correct: [/(\S) (?=[:;?!»])/gu, '$1\u00a0'],
	},
	{
		pattern: /« /gu,
		message: () => 'ordinary space after "«"',
		fix: 'put a non-breaking space (U+00A0) after «.',
		correct: [/« /gu, '«\u00a0'],
	},
];

const RULES: Record<string, Rule[]> = { fr: FRENCH };

/** Lines of a file that hold prose: in MDX, not the import lines or the component code. */
function proseLines(file: string, text: string): [number, string][] {
	const lines = text.split('\n').map((line, i) => [i + 1, line] as [number, string]);
	if (!file.endsWith('.mdx')) return lines;
	return lines.filter(([, line]) => !/^\s*(import |export |<|\/>|\}|[a-z'"-]+['"]?\s*:\s*['"{])/.test(line) && !/^\s*\t/.test(line));
}

/** The typography problems of one file of language `lang` (none for a language without rules). */
export function checkTypography(lang: string, file: string, text: string): Problem[] {
	const rules = RULES[lang];
	if (!rules) return [];
	const problems: Problem[] = [];
	for (const [number, line] of proseLines(file, text))
		for (const rule of rules)
			for (const match of line.matchAll(rule.pattern))
				problems.push({ file, field: `line ${number}`, message: rule.message(match[0]), fix: `${rule.fix} \`${toolCommand('i18n-fix-typography', lang)}\` corrects it in every file of the language.` });
	return problems;
}

/** `text` with the typography problems of its prose lines corrected; unchanged for a language without rules. */
export function fixTypography(lang: string, file: string, text: string): string {
	const rules = RULES[lang];
	if (!rules) return text;
	const prose = new Set(proseLines(file, text).map(([n]) => n));
	return text
		.split('\n')
		.map((line, i) => (prose.has(i + 1) ? rules.reduce((fixed, rule) => fixed.replace(rule.correct[0], rule.correct[1]), line) : line))
		.join('\n');
}

/** Languages with typography rules. */
export const TYPOGRAPHY_LANGUAGES = Object.keys(RULES);
