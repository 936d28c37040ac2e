/**
 * How an editor runs one of the translators' tools (scripts/playbook.mjs, the package's `bin`),
 * for the guide's own folder, as messages and the translation status page name it: the same
 * command works in a guide's project that installed the generator and in this repository.
 */
import { contentDir } from '../check/sources.ts';

/** `npx playbook <command> <args>`, with `--content <folder>` when the guide is not in content/. */
export function toolCommand(command: string, args = ''): string {
	const folder = contentDir();
	return ['npx playbook', command, args, folder === 'content' ? '' : `--content ${folder}`].filter(Boolean).join(' ');
}
