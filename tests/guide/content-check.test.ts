/**
 * This guide's content passes the content check: every data file, text, interface string and page
 * of content/ as it is today. About the guide in content/, not the generator (whose checks are
 * tested on the small second guide in tests/unit/check-content.test.ts): when it fails, the
 * problem is in the guide, and the message says which file to open and what to do.
 */
import { expect, test } from 'vitest';
import { checkContent, formatProblems } from '../../src/check/check-content';
import { ROOT } from '../helpers/project';

test('this guide’s content has no problem, and its data is given', () => {
	const { problems, data } = checkContent(ROOT);
	expect(formatProblems(problems, ROOT)).toBe('0 content problems found:');
	expect(data).toBeDefined();
	expect(data!.tools.length).toBeGreaterThan(0);
});
