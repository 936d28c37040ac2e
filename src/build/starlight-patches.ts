/**
 * The two places where the site changes Starlight's own files as Vite loads them, rather than
 * through an option or an override, because Starlight offers neither:
 *
 * - "no sidebar state": Page.astro loads components-internals/SidebarPersistState, which saves the
 *   sidebar's state in sessionStorage (a trace of reading on a shared device); it is replaced by
 *   an empty module.
 * - "no code-block print rules": style/print.css carries rules for code blocks, which this site
 *   never shows (expressiveCode is off); they are taken out.
 *
 * Each patch matches Starlight's files by path and text, which an upgrade can change. So each one
 * is checked before the build (the files are there and hold what the patch expects), where it
 * applies (a transform that changes nothing is an error), and after the build (it did apply).
 * A patch that did not apply stops the build, naming the patch and what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface StarlightPatch {
	name: string;
	/** What the patch is for, as a sentence that follows "It". */
	does: string;
	/** The Starlight file the patch changes or replaces, relative to the package folder. */
	file: string;
	/** What must hold in Starlight's files for the patch to work: file (relative) and text it must contain. */
	expects: { file: string; text: string }[];
}

export const SIDEBAR_STATE: StarlightPatch = {
	name: 'no sidebar state',
	does: 'replaces the script that stores the sidebar’s state in sessionStorage with an empty module',
	file: 'dist/components-internals/SidebarPersistState.js',
	expects: [
		{ file: 'dist/components/Page.astro', text: 'components-internals/SidebarPersistState' },
		{ file: 'dist/components-internals/SidebarPersistState.js', text: 'sessionStorage' },
	],
};

export const PRINT_RULES: StarlightPatch = {
	name: 'no code-block print rules',
	does: 'removes the print rules for code blocks (.expressive-code) from Starlight’s print stylesheet',
	file: 'dist/style/print.css',
	expects: [
		{ file: 'dist/components/Page.astro', text: '../style/print.css' },
		{ file: 'dist/style/print.css', text: '.expressive-code' },
	],
};

export const PATCHES = [SIDEBAR_STATE, PRINT_RULES] as const;

/** Module ids each patch acts on. */
export const SIDEBAR_STATE_ID = /components-internals[\\/]SidebarPersistState(\.[jt]s)?$/;
export const PRINT_STYLESHEET_ID = /@astrojs[\\/]starlight[\\/]dist[\\/]style[\\/]print\.css(\?.*)?$/;

/**
 * Whether a module is Starlight's print stylesheet itself. Page.astro imports it with `?url`, which
 * Vite loads as a small JavaScript module pointing at the stylesheet, loaded under another query.
 */
export function isPrintStylesheet(id: string, code: string): boolean {
	return PRINT_STYLESHEET_ID.test(id) && !/^\s*(import|export)\b/.test(code);
}

/** The error a patch that did not apply stops the build with. */
export function patchError(patch: StarlightPatch, what: string, version = 'installed'): Error {
	return new Error(
		`Starlight patch "${patch.name}" did not apply: ${what}. ` +
			`It ${patch.does}. Starlight ${version} is installed: compare ${patch.file} of @astrojs/starlight with the patch in src/build/starlight-patches.ts, ` +
			'then update the patch (its file, its pattern, or the `expects` list), or remove it if Starlight now offers an option for this, and build again.',
	);
}

/** Removes every selector about Expressive Code (code blocks) from a stylesheet, and rules left with none. */
export function withoutCodeBlockRules(css: string): string {
	return css.replace(/([^{};]+)\{([^{}]*)\}/g, (rule, selectors: string, body: string) => {
		if (!selectors.includes('.expressive-code')) return rule;
		const kept = selectors.split(',').filter((s) => !s.includes('.expressive-code'));
		const lead = /^\s*/.exec(selectors)![0];
		return kept.length ? `${lead}${kept.map((s) => s.trim()).join(', ')} {${body}}` : '';
	});
}

/** The print-rules patch applied to Starlight's print stylesheet; throws when it changes nothing. */
export function patchPrintStylesheet(css: string, version?: string): string {
	const patched = withoutCodeBlockRules(css);
	if (patched === css) throw patchError(PRINT_RULES, 'the print stylesheet has no rule about .expressive-code left to remove', version);
	return patched;
}

/** The folder of the installed @astrojs/starlight, found from `root` as Node finds packages. */
export function starlightFolder(root: string): string | undefined {
	for (let dir = root; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'node_modules', '@astrojs', 'starlight', 'package.json'))) return join(dir, 'node_modules', '@astrojs', 'starlight');
		if (dirname(dir) === dir) return undefined;
	}
}

export function starlightVersion(folder: string): string {
	return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Checks, before the build, that each patch's files are there and hold what it expects; returns the errors. */
export function checkPatches(folder: string, patches: readonly StarlightPatch[] = PATCHES): Error[] {
	const version = starlightVersion(folder);
	const errors: Error[] = [];
	for (const patch of patches)
		for (const { file, text } of patch.expects) {
			const path = join(folder, file);
			if (!existsSync(path)) errors.push(patchError(patch, `${file} is missing`, version));
			else if (!readFileSync(path, 'utf8').includes(text)) errors.push(patchError(patch, `${file} no longer contains "${text}"`, version));
		}
	return errors;
}

/** Counts, during one build, how often each patch applied. */
export class PatchLedger {
	readonly #counts = new Map<string, number>();
	applied(patch: StarlightPatch) {
		this.#counts.set(patch.name, (this.#counts.get(patch.name) ?? 0) + 1);
	}
	/** The errors for patches that never applied. */
	missing(patches: readonly StarlightPatch[] = PATCHES, version?: string): Error[] {
		return patches.filter((p) => !this.#counts.get(p.name)).map((p) => patchError(p, `the build never loaded ${p.file}`, version));
	}
}
