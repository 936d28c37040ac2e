#!/usr/bin/env node
/**
 * `npx playbook <command>`: the translators' tools, for a guide's project that installed the
 * generator as a package (package.json "bin"), and for this repository (its npm scripts i18n:*
 * run the same tools). The tools are TypeScript, which Node does not strip below node_modules/:
 * this launcher is plain JavaScript and runs each tool with the generator's module hooks
 * (scripts/typescript.mjs), in the Node that runs it, from the folder it is run in, and ends with
 * the tool's exit status.
 *
 *   npx playbook help
 *   npx playbook i18n-status [--strict] [--content guide]
 *   npx playbook i18n-mark <lang> <page>|--texts [key …]|--all [--content guide]
 *   npx playbook i18n-fix-typography <lang> [--content guide]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The commands: the tool each runs (a file of scripts/), its arguments and what it does. */
const COMMANDS = {
	'i18n-status': {
		script: 'i18n-status.ts',
		args: '[--strict]',
		does: 'lists, per language, the pages and texts missing, stale, not reviewed or current; --strict exits with 1 while any page is missing or stale, or any text stale',
	},
	'i18n-mark': {
		script: 'i18n-mark.ts',
		args: '<lang> <page>|--texts [key …]|--all',
		does: 'marks a reviewed translation current: a page (its path below docs/<lang>/, without extension), the interface strings and data texts, or all',
	},
	'i18n-fix-typography': {
		script: 'i18n-fix-typography.ts',
		args: '<lang>',
		does: 'corrects, in every file of a language, the typography the content check refuses (French apostrophes and spaces)',
	},
};

/** How the reader called this launcher, for the tools' messages and the usage lines. */
const LAUNCHER = 'npx playbook';
/** The Node versions that strip TypeScript, with scripts/typescript-hooks.mjs below node_modules/ and on their own elsewhere. */
const NODE_NEEDED = [22, 18];

function usage(out = console.error) {
	out(`usage: ${LAUNCHER} <command> [arguments] [--content <folder>]\n`);
	out('commands:');
	for (const [name, { args, does }] of Object.entries(COMMANDS)) out(`  ${LAUNCHER} ${name} ${args} [--content <folder>]\n      ${does}`);
	out(`  ${LAUNCHER} help\n      this list`);
	out('\n--content <folder>: the guide’s folder, from the project’s root, as given to playbook({ content }) in astro.config (content unless given)');
}

const [name, ...args] = process.argv.slice(2);
if (name === 'help' || name === '--help' || name === '-h') {
	usage(console.log);
	process.exit(0);
}
const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (!command) {
	console.error(name === undefined ? `${LAUNCHER}: which command?` : `${LAUNCHER}: unknown command "${name}"`);
	usage();
	process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NODE_NEEDED[0] || (major === NODE_NEEDED[0] && minor < NODE_NEEDED[1])) {
	console.error(`${LAUNCHER}: the generator needs Node ${NODE_NEEDED.join('.')} or later (this is Node ${process.versions.node}, ${process.execPath})`);
	process.exit(2);
}
const run = spawnSync(
	process.execPath,
	[
		'--disable-warning=ExperimentalWarning',
		'--import',
		fileURLToPath(new URL('./typescript.mjs', import.meta.url)),
		fileURLToPath(new URL(`./${command.script}`, import.meta.url)),
		...args,
	],
	{ stdio: 'inherit', env: { ...process.env, PLAYBOOK_COMMAND: LAUNCHER } },
);
if (run.error) {
	console.error(`${LAUNCHER}: could not start ${process.execPath}: ${run.error.message}`);
	process.exit(1);
}
// A tool ended by a signal ends this process by the same signal.
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 1);
