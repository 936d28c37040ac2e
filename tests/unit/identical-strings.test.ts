import { afterEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/check-content';
import { identicalStrings } from '../../src/check/identical-strings';
import { copyProject } from '../helpers/project';

let project: ReturnType<typeof copyProject> | undefined;
afterEach(() => project?.cleanup());

describe('identicalStrings', () => {
	test('reports an interface string and a data text left in English, with file and key', () => {
		project = copyProject(['content']);
		project.edit('content/i18n/ar.json', (t) => t.replace(/"tool.homepage": "[^"]*"/, '"tool.homepage": "Website"'));
		project.edit('content/text/ar.yaml', (t) => t.replace(/^channel\.sms: .*$/m, 'channel.sms: SMS text messages'));
		expect(identicalStrings(project.dir, 'en', 'ar')).toEqual([
			{ file: 'content/i18n/ar.json', key: 'tool.homepage', value: 'Website' },
			{ file: 'content/text/ar.yaml', key: 'channel.sms', value: 'SMS text messages' },
		]);
	});

	test('leaves out strings made only of proper names, numbers and signs', () => {
		project = copyProject(['content']);
		project.edit('content/i18n/ar.json', (t) => t.replace(/"platform.windows": "[^"]*"/, '"platform.windows": "Windows"').replace(/"tool.homepage": "[^"]*"/, '"tool.homepage": "Signal (2FA)"'));
		project.edit('content/i18n/en.json', (t) => t.replace(/"tool.homepage": "[^"]*"/, '"tool.homepage": "Signal (2FA)"'));
		expect(identicalStrings(project.dir, 'en', 'ar', ['Signal'])).toEqual([]);
	});

	test('leaves out the keys a reviewer confirmed as rightly the same, and the content check refuses a key that does not exist', () => {
		project = copyProject(['content']);
		project.edit('content/i18n/ar.json', (t) => t.replace(/"tool.homepage": "[^"]*"/, '"tool.homepage": "Website"'));
		expect(identicalStrings(project.dir, 'en', 'ar', [], ['tool.homepage'])).toEqual([]);
		project.edit('content/data/languages.yaml', (t) => t.replace('quickExit: https://ar.wikipedia.org/', 'quickExit: https://ar.wikipedia.org/\n  sameAsSource: [tool.homepage, tool.homepag]'));
		expect(checkContent(project.dir).problems).toEqual([
			{ file: 'content/data/languages.yaml', field: 'entry 4 (id "ar") → sameAsSource', message: '"tool.homepag" is no key of content/i18n/en.json or content/text/en.yaml', fix: 'correct the key, or remove it from the list.' },
		]);
	});
});
