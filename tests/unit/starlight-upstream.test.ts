/**
 * Starlight code this site depends on beyond its public options: the copied overrides
 * (src/overrides/upstream.json) and the two patches of its files (src/build/starlight-patches.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkPatches, PatchLedger, isPrintStylesheet, patchPrintStylesheet, PATCHES, SIDEBAR_STATE_ID, starlightFolder, starlightVersion } from '../../src/build/starlight-patches';
import { ROOT } from '../helpers/project';

const folder = starlightFolder(ROOT)!;
const installed = starlightVersion(folder);
const manifest = JSON.parse(readFileSync(join(ROOT, 'src/overrides/upstream.json'), 'utf8')) as { starlight: string; copies: Record<string, string[]> };

describe('the copied overrides', () => {
	test('were copied from the installed Starlight version', () => {
		const compare = Object.entries(manifest.copies).map(([copy, sources]) => `  src/overrides/${copy} ← ${sources.map((s) => `node_modules/@astrojs/starlight/${s}`).join(', ')}`);
		expect(
			installed,
			`@astrojs/starlight ${installed} is installed, but the overrides were copied from ${manifest.starlight}. Compare each copy with its source in the new version and carry over what changed:\n${compare.join('\n')}\nThen set "starlight" in src/overrides/upstream.json and the version in each file's header to ${installed}.`,
		).toBe(manifest.starlight);
	});

	test('each names its source and version in its header, and each source exists in Starlight', () => {
		for (const [copy, sources] of Object.entries(manifest.copies)) {
			expect(readFileSync(join(ROOT, 'src/overrides', copy), 'utf8'), copy).toContain(`Copied from Starlight ${manifest.starlight}: ${sources.map((s) => s.replace('dist/', '')).join(', ')}`);
			for (const source of sources) expect(() => readFileSync(join(folder, source)), `${copy} ← ${source}`).not.toThrow();
		}
	});
});

describe('the patches of Starlight’s files', () => {
	const copies: string[] = [];
	afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));
	/** A copy of the installed Starlight's dist/ files that the patches look at, changed by `change`. */
	function starlightCopy(change: (dir: string) => void): string {
		const dir = mkdtempSync(join(tmpdir(), 'starlight-'));
		copies.push(dir);
		cpSync(join(folder, 'package.json'), join(dir, 'package.json'));
		for (const file of new Set(PATCHES.flatMap((p) => p.expects.map((e) => e.file)))) cpSync(join(folder, file), join(dir, file), { recursive: true });
		change(dir);
		return dir;
	}

	test('match the installed Starlight', () => {
		expect(checkPatches(folder)).toEqual([]);
		const css = join(folder, 'dist/style/print.css');
		expect(isPrintStylesheet(`${css}?transform-only&no-inline`, readFileSync(css, 'utf8'))).toBe(true);
		expect(isPrintStylesheet(`${css}?url&no-inline`, `import "${css}?transform-only&no-inline";\nexport default "/_astro/print.css";`)).toBe(false);
		expect(SIDEBAR_STATE_ID.test('../components-internals/SidebarPersistState')).toBe(true);
	});

	test('a print stylesheet with nothing to remove stops the build, naming the patch and what to do', () => {
		expect(() => patchPrintStylesheet('@media print { body { color: black } }', '9.9.9')).toThrow(
			'Starlight patch "no code-block print rules" did not apply: the print stylesheet has no rule about .expressive-code left to remove. It removes the print rules for code blocks (.expressive-code) from Starlight’s print stylesheet. Starlight 9.9.9 is installed: compare dist/style/print.css of @astrojs/starlight with the patch in src/build/starlight-patches.ts',
		);
		expect(patchPrintStylesheet('.expressive-code, pre { break-inside: avoid } a { color: black }')).toBe('pre { break-inside: avoid } a { color: black }');
	});

	test('a Starlight whose page no longer loads the sidebar state script, or that moved the print stylesheet, is reported', () => {
		const moved = starlightCopy((dir) => {
			const page = join(dir, 'dist/components/Page.astro');
			writeFileSync(page, readFileSync(page, 'utf8').replace('components-internals/SidebarPersistState', 'components-internals/SidebarState'));
			rmSync(join(dir, 'dist/style/print.css'));
		});
		const messages = checkPatches(moved).map((e) => e.message);
		expect(messages).toHaveLength(2);
		expect(messages[0]).toContain('Starlight patch "no sidebar state" did not apply: dist/components/Page.astro no longer contains "components-internals/SidebarPersistState".');
		expect(messages[1]).toContain('Starlight patch "no code-block print rules" did not apply: dist/style/print.css is missing.');
	});

	test('a patch the build never applied is reported after the build', () => {
		const ledger = new PatchLedger();
		ledger.applied(PATCHES[0]);
		expect(ledger.missing(PATCHES, '0.42.4').map((e) => e.message)).toEqual([expect.stringContaining('Starlight patch "no code-block print rules" did not apply: the build never loaded dist/style/print.css.')]);
	});
});
