import { contentDir, setContentDir } from '../../src/check/sources';

/**
 * Runs `run` with the guide's content in `content` (a folder of the project root, such as the
 * second guide's `guide`), as the build sets it for `playbook({ content })`, and sets back the
 * folder it was before: for the generator's functions that read the guide through it
 * (loadSiteConfig, oldReviews, listPages).
 */
export function inContentDir<T>(content: string, run: () => T): T {
	const before = contentDir();
	setContentDir(content);
	try {
		return run();
	} finally {
		setContentDir(before);
	}
}
