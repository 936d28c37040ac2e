/**
 * A real Astro build of a copy of the project whose risk plan contradicts itself: the content
 * check stops it before any page is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject } from '../helpers/project';

const astroBin = join(createRequire(import.meta.url).resolve('astro/package.json'), '../bin/astro.mjs');
const copy = copyProject(['src', 'components', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'], { buildable: true });
afterAll(() => copy.cleanup());

test('astro build stops when a step of a plan needs a tool that the same plan avoids, with the answers, the step and the fix', () => {
	// The partner's channel step shown whatever the answers: where secure apps are risky it would ask for Signal.
	copy.edit('content/data/scenarios.yaml', (t) =>
		t.replace("      needs: [signal, proton-mail]\n      fallback: [wire]\n      when:\n        - question: secure-apps-risky\n          answer: 'no'\n", '      needs: [signal, proton-mail]\n      fallback: [wire]\n'),
	);
	const result = spawnSync(process.execPath, [astroBin, 'build'], { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 170_000 });
	const output = `${result.stdout}\n${result.stderr}`;
	expect(result.status).not.toBe(0);
	expect(output).toContain('1. content/data/scenarios.yaml');
	const line = readFileSync(join(copy.dir, 'content/data/scenarios.yaml'), 'utf8').split('\n').indexOf('    - id: secure-partner-channel') + 1;
	expect(output).toContain(`at:   line ${line}, answers surveilled=yes, secure-apps-risky=yes, direct-contact-dangerous=yes, anonymity-tools-risky=yes → scenario "via-partner" → step "secure-partner-channel"`);
	expect(output).toContain('what: says the other person needs tool "signal", which the plan says to avoid (it draws attention where encrypted apps are suspect, and "secure-apps-risky" is answered yes)');
	expect(output).toContain('fix:  give step "secure-partner-channel" a "when" so that it is not shown for these answers');
	// The step text names Signal too, in every language: one problem, with every language file.
	expect(output).toContain('the text "step.via-partner.secure-partner-channel" in content/text/en.yaml, content/text/es.yaml, content/text/fr.yaml, content/text/ar.yaml names Signal');
	expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
}, 180_000);
