/**
 * The date a build carries: SOURCE_DATE_EPOCH if set, else the last git commit's date, else the
 * newest `reviewed` date in content/docs. Never the clock, so that the same source gives the
 * same files.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { filesUnder } from './files.ts';
import { docsDir, readText } from '../check/sources.ts';

export function buildDate(root: string): Date {
	if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
	try {
		const seconds = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		if (seconds) return new Date(Number(seconds) * 1000);
	} catch {
		// Not a git checkout (a tarball): fall back to the content's own dates.
	}
	const dates = filesUnder(join(root, docsDir()))
		.map((f) => /^reviewed:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(readText(root, `${docsDir()}/${f.split('\\').join('/')}`) ?? '')?.[1])
		.filter((d): d is string => !!d)
		.sort();
	return new Date(`${dates.at(-1) ?? '2026-01-01'}T00:00:00Z`);
}
