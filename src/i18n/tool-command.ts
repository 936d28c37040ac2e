/**
 * How an editor runs one of the translators' tools (scripts/playbook.mjs, the package's `bin`), as
 * messages and the translation status page name it: `npx playbook <tool> …`, which works in a
 * guide's project that installed the generator and in this repository alike; or, for a tool this
 * repository's npm scripts started, the way it was started (`npm run i18n:<tool> -- …`).
 */
import { contentDir } from '../check/sources.ts';

/** The tools, by the name `npx playbook` knows them by. */
export type I18nTool = 'i18n-status' | 'i18n-mark' | 'i18n-fix-typography';

/** The command `npx playbook` is typed as. */
export const LAUNCHER = 'npx playbook';

/** `tool` with `args` as typed (none: the command alone): after the launcher, or as this repository's npm script. */
export function commandLine(tool: I18nTool, args = '', { npmScript = false } = {}): string {
	if (npmScript) return `npm run ${tool.replace('-', ':')}${args ? ` -- ${args}` : ''}`;
	return `${LAUNCHER} ${tool}${args ? ` ${args}` : ''}`;
}

/** The command that runs `tool` with `args` on the guide, with `--content <folder>` when the guide is not in content/. */
export function toolCommand(tool: I18nTool, args = '', options: { npmScript?: boolean } = {}): string {
	const folder = contentDir();
	return commandLine(tool, [args, folder === 'content' ? '' : `--content ${folder}`].filter(Boolean).join(' '), options);
}
