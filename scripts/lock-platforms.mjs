#!/usr/bin/env node
/**
 * Adds lockfile entries for platform-specific optional packages that the registry mirror used
 * here does not serve (Pagefind and Astro compiler builds for other systems). npm leaves them out of
 * package-lock.json, and `npm ci` then refuses the lockfile as out of sync. Each added entry names
 * its operating system and CPU, so npm skips it on every other machine, exactly as it would skip
 * a normally locked foreign build. Run after `npm install` changes the lockfile:
 *   node scripts/lock-platforms.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', win32: 'win32', windows: 'win32', wasm32: undefined };
const CPU = { arm64: 'arm64', x64: 'x64', wasm32: 'wasm32' };

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const key = `node_modules/${name}`;
		if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
		const parts = name.split('/').pop().split('-');
		const os = parts.map((p) => OS[p]).find(Boolean);
		const cpu = parts.map((p) => CPU[p]).find(Boolean);
		const libc = parts.includes('musl') ? ['musl'] : parts.includes('gnu') ? ['glibc'] : undefined;
		lock.packages[key] = {
			version,
			...(cpu ? { cpu: [cpu] } : {}),
			license: entry.license ?? 'MIT',
			...(libc ? { libc } : {}),
			optional: true,
			...(os ? { os: [os] } : {}),
		};
		added++;
	}
}

writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: ${added} platform package${added === 1 ? '' : 's'} added to package-lock.json`);
