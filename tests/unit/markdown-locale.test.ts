import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { asStarlightPath, relocateDocs } from '../../src/i18n/markdown-locale';

const DOCS = '/site/content/docs/';
const EXPECTED = '/site/src/content/docs/';

describe('relocateDocs', () => {
	test('hands Starlight’s plugin factories each page as if it lay under src/content/docs', () => {
		const seen: string[] = [];
		const factory = ({ fileURL }: { fileURL?: URL }) => void seen.push(fileURL!.pathname);
		const other = { name: 'another-plugin' };
		const processor = { name: 'satteri', options: { mdastPlugins: [other, factory], hastPlugins: [factory] } };
		expect(relocateDocs(processor, DOCS, EXPECTED)).toBeUndefined();
		expect(processor.options.mdastPlugins[0]).toBe(other);
		(processor.options.mdastPlugins[1] as typeof factory)({ fileURL: pathToFileURL('/site/content/docs/fr/tools/signal.mdx') });
		(processor.options.hastPlugins[0] as typeof factory)({ fileURL: pathToFileURL('/site/src/pages/index.md') });
		expect(seen).toEqual(['/site/src/content/docs/fr/tools/signal.mdx', '/site/src/pages/index.md']);
		// Wrapping twice (a second build in the same process) leaves one wrapper.
		expect(relocateDocs(processor, DOCS, EXPECTED)).toBeUndefined();
		(processor.options.hastPlugins[0] as typeof factory)({ fileURL: pathToFileURL('/site/content/docs/ar/index.mdx') });
		expect(seen.at(-1)).toBe('/site/src/content/docs/ar/index.mdx');
	});

	test('errors when the processor is not as Starlight 0.42 leaves it', () => {
		expect(relocateDocs({ name: 'unified', options: {} }, DOCS, EXPECTED)).toMatch(/^the Markdown processor is "unified"/);
		expect(relocateDocs({ name: 'satteri', options: { mdastPlugins: [], hastPlugins: [() => {}] } }, DOCS, EXPECTED)).toMatch(
			/^expected one Starlight plugin factory among the Sätteri mdastPlugins, found 0: compare node_modules\/@astrojs\/starlight\/dist\/integrations\/satteri\.js/,
		);
	});

	test('leaves addresses outside the pages as they are', () => {
		const url = pathToFileURL('/elsewhere/readme.md');
		expect(asStarlightPath(url, DOCS, EXPECTED)).toBe(url);
	});
});
