/**
 * A real Astro build of a copy of a small guide (tests/fixtures/) whose risk plan contradicts
 * itself: the content check stops it before any page is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { guideCopy } from '../helpers/fixture';

const astroBin = join(createRequire(import.meta.url).resolve('astro/package.json'), '../bin/astro.mjs');
const copy = guideCopy();
afterAll(() => copy.cleanup());

test('astro build stops when a step of a plan shows a tool that the same plan avoids, with the answers, the step and the fix', () => {
	const file = `${copy.content}/data/scenarios.yaml`;
	// The SecureDrop step shown whatever the answers: where Tor is watched it would send the source to SecureDrop, which runs over Tor.
	copy.edit(file, (t) => t.replace("      tools: [securedrop]\n      fallback: [onionshare]\n      when:\n        - question: tor-watched\n          answer: 'no'\n", '      tools: [securedrop]\n      fallback: [onionshare]\n'));
	const result = spawnSync(process.execPath, [astroBin, 'build'], { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 170_000 });
	const output = `${result.stdout}\n${result.stderr}`;
	expect(result.status).not.toBe(0);
	expect(output).toContain(`1. ${file}`);
	expect(output).toContain(`at:   line ${copy.lineOf(file, '- id: submit-securedrop')}, answers source-at-risk=yes, tor-watched=yes, receiving-files=yes → scenario "protect-a-source" → step "submit-securedrop"`);
	expect(output).toContain('what: every tool of the step (securedrop) is on the plan\'s Avoid list, so the step would be shown without them');
	expect(output).toContain('fix:  give step "submit-securedrop" a "when" so that it is not shown for these answers, and add a step for them with tools that are not avoided.');
	// The step text names SecureDrop too, in every language: one problem, with every language file.
	expect(output).toContain(`the text "step.protect-a-source.submit-securedrop" in ${copy.languages.map((l) => `${copy.content}/text/${l}.yaml`).join(', ')} names SecureDrop`);
	expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
}, 180_000);
