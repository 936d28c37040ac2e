/**
 * The server snippets send `Cache-Control: no-store` with the pages that hold a reader's answers,
 * found by the form the generator writes, whatever the guide calls those pages, and with the
 * single-file guides; with nothing else. (Real nginx and Caddy, and Firefox going Back after a quick
 * exit, are in tests/helpers/self-hosting.ts.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { notStored, sealSite } from '../../src/build/csp';

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site of the given pages (path → body), sealed; returns its snippets and what sealSite says. */
function sealed(pages: Record<string, string>) {
	const dist = mkdtempSync(join(tmpdir(), 'playbook-no-store-'));
	made.push(dist);
	for (const [file, body] of Object.entries(pages)) {
		mkdirSync(dirname(join(dist, file)), { recursive: true });
		writeFileSync(join(dist, file), `<!doctype html><html lang="fa"><head><meta charset="utf-8"></head><body>${body}</body></html>`);
	}
	const result = sealSite(dist, new Set());
	return { result, nginx: readFileSync(join(dist, '_server', 'headers.nginx'), 'utf8'), caddy: readFileSync(join(dist, '_server', 'headers.caddy'), 'utf8') };
}

const FORM = '<risk-selector><form autocomplete="off"><input type="radio" name="q" value="yes"></form></risk-selector>';

describe('pages that hold answers', () => {
	test('are found by the risk check’s form, whatever their address', () => {
		const { result } = sealed({ 'fa/index.html': '<p>خانه</p>', 'fa/sources/who-are-you/index.html': FORM, 'en/check/index.html': FORM, '404.html': '<p>none</p>' });
		expect(result.answers.sort()).toEqual(['en/check/index.html', 'fa/sources/who-are-you/index.html']);
	});

	test('are named by their folder and their file; the single files come with them', () => {
		expect(notStored(['fa/x/index.html', 'page.html'])).toEqual({ exact: ['/fa/x/', '/fa/x/index.html', '/page.html'], downloads: true });
		expect(notStored([])).toEqual({ exact: [], downloads: false });
	});
});

describe('the nginx snippet', () => {
	test('sends no-store for exactly those addresses and the HTML files in downloads/', () => {
		const { nginx } = sealed({ 'fa/index.html': '<p>خانه</p>', 'fa/sources/who-are-you/index.html': FORM });
		expect(nginx).toContain('add_header Cache-Control $playbook_no_store always;');
		// nginx's regular expressions are PCRE; this one uses nothing JavaScript reads otherwise.
		const pattern = new RegExp(/if \(\$uri ~ "([^"]+)"\)/.exec(nginx)![1]!);
		for (const path of ['/fa/sources/who-are-you/', '/fa/sources/who-are-you/index.html', '/downloads/guide-fa.html']) expect(pattern.test(path), path).toBe(true);
		for (const path of ['/fa/', '/fa/sources/who-are-you/x/', '/fa/sources/who-are-youindex.html', '/fa/sources/who-are-you/indexXhtml', '/downloads/playbook-fa.zip', '/downloads/x/guide.html', '/x/fa/sources/who-are-you/']) expect(pattern.test(path), path).toBe(false);
	});

	test('says nothing of caching in a guide without answers', () => {
		const { nginx, caddy } = sealed({ 'fa/index.html': '<p>خانه</p>' });
		expect(nginx).not.toContain('Cache-Control');
		expect(caddy).not.toContain('Cache-Control');
	});
});

test('the Caddy snippet matches the same addresses and sets the header last, over the configuration’s own Cache-Control', () => {
	const { caddy } = sealed({ 'fa/sources/who-are-you/index.html': FORM });
	expect(caddy).toContain('@playbook_no_store path /fa/sources/who-are-you/ /fa/sources/who-are-you/index.html /downloads/*.html');
	expect(caddy).toMatch(/header @playbook_no_store \{\n\tCache-Control "no-store"\n\tdefer\n\}/);
});
