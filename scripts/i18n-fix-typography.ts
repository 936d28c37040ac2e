/**
 * Corrects, in every file of a language, the typography the content check refuses
 * (src/check/check-typography.ts): for French, straight apostrophes and ordinary spaces before
 * « : ; ? ! » and after «, which most keyboards cannot type as they should be.
 *
 *   npm run i18n:fix-typography -- fr
 *   npm run i18n:fix-typography -- fr --content guide   # the guide in ./guide (playbook({ content: './guide' }))
 *   npx playbook i18n-fix-typography fr [--content guide]   # in a project that installed the generator
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTypography, fixTypography, TYPOGRAPHY_LANGUAGES } from '../src/check/check-typography.ts';
import { listPages, readText, textFile, uiFile } from '../src/check/sources.ts';
import { fail, toolArguments } from './i18n-options.ts';

const USAGE = '<lang>';
const [lang, ...more] = toolArguments('i18n-fix-typography', USAGE);
if (!lang || more.length || !TYPOGRAPHY_LANGUAGES.includes(lang))
	fail('i18n-fix-typography', USAGE, `${lang && !more.length ? `"${lang}" has no typography rules` : 'one language is needed'}; the languages with typography rules are ${TYPOGRAPHY_LANGUAGES.join(', ')}`);
const root = process.cwd();
const files = [uiFile(lang), textFile(lang), ...listPages(root).filter((p) => p.lang === lang).map((p) => p.file)];
let total = 0;
for (const file of files) {
	const path = join(root, file);
	// Read strictly (src/check/sources.ts): a file that is not UTF-8 stops here with its line, before it is written back.
	const text = readText(root, file);
	if (text === undefined) continue;
	const found = checkTypography(lang, file, text).length;
	if (!found) continue;
	const fixed = fixTypography(lang, file, text);
	writeFileSync(path, fixed);
	const left = checkTypography(lang, file, fixed);
	total += found - left.length;
	console.log(`i18n:fix-typography: ${file}: ${found - left.length} corrected${left.length ? `, ${left.length} left to correct by hand (${left.map((p) => p.field).join(', ')})` : ''}`);
}
console.log(`i18n:fix-typography: ${total} correction${total === 1 ? '' : 's'} in ${lang}`);
