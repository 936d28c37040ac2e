/**
 * A clean build prints no warning, so that a real one stands out: the whole build of a copy of the
 * project, with one page not reviewed for over a year and one tool not checked for over a year,
 * prints exactly the warnings about those two and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject } from '../helpers/project';

const copy = copyProject(['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'], { buildable: true });
afterAll(() => copy.cleanup());

test('the build log holds the warnings about an old review and an old check, and no other warning', () => {
	copy.edit('content/docs/fr/tools/wire.mdx', (t) => t.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-15'));
	copy.edit('content/data/tools.yaml', (t) => t.replace(/(id: delta-chat[\s\S]*?checked: )[\d-]+/, '$12020-02-01'));
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
	delete env.SITE_URL;
	delete env.PLAYBOOK_SIGNING_KEY;
	delete env.PLAYBOOK_SIGNING_KEY_FILE;
	const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: copy.dir, encoding: 'utf8', env, timeout: 280_000 });
	const log = `${run.stdout}\n${run.stderr}`;
	expect(run.status, log).toBe(0);
	// Without SITE_URL the PDFs carry no address: said plainly, with how to set one, and not as a warning.
	expect(log).toMatch(/no address on the handouts.*SITE_URL is not set\. Set it to the public address \(SITE_URL=https:\/\/guide\.example\.org npm run build\)/);
	// The content check's own line says there is more to read below it.
	expect(log).toMatch(/content checked in \d+ ms: no problems; 2 to look at again below \(advice or facts not checked for over 12 months\)/);
	const warnings = log.split('\n').filter((line) => /warn|warning|deprecat/i.test(line));
	expect(warnings.map((line) => line.replace(/^.*?\[WARN\] \[playbook\] /, ''))).toEqual([
		'content/docs/fr/tools/wire.mdx: advice last reviewed on 2020-01-15, more than 12 months ago. Check it, then update "reviewed:".',
		'1 page not reviewed for over 12 months',
		'content/data/tools.yaml: the facts of "delta-chat" were last checked on 2020-02-01, more than 12 months ago. Compare them with its "source:", then update "checked:".',
	]);
	// Without a signing key, the stage says so in one line (and its row of the summary), and signs nothing.
	const unsigned = log.split('\n').filter((line) => line.includes('release unsigned'));
	expect(unsigned).toHaveLength(2);
	expect(unsigned[0]).toContain('signatures       ✓ release unsigned: no signing key configured (PLAYBOOK_SIGNING_KEY_FILE; README, "Sign a release")');
	expect(existsSync(join(copy.dir, 'dist/downloads/SHA256SUMS.asc'))).toBe(false);
}, 300_000);
