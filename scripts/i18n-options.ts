/**
 * What the translators' tools (scripts/i18n-status.ts, i18n-mark.ts, i18n-fix-typography.ts) share:
 * the `--content <folder>` option, the guide's folder from the project root ("content" unless
 * given, as for scripts/build.ts and `playbook({ content })`), set before anything is read; and the
 * command that runs a tool, for the messages that say what to run next: `npx playbook <tool>` in a
 * guide's project that installed the generator (scripts/playbook.mjs sets PLAYBOOK_COMMAND),
 * `npm run i18n:<tool> --` in this repository.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir, dataFile, setContentDir } from '../src/check/sources.ts';
import { commandLine, toolCommand as commandFor, type I18nTool } from '../src/i18n/tool-command.ts';

/** The environment variable with which scripts/playbook.mjs tells a tool how it was started. */
export const COMMAND_VARIABLE = 'PLAYBOOK_COMMAND';

/** Whether this process was started by this repository's npm scripts rather than by `npx playbook`. */
const npmScript = () => !process.env[COMMAND_VARIABLE];

/**
 * The command that runs `tool` with `args`, as the reader would type it: the way this process was
 * started, with `--content <folder>` when the guide's folder is not "content".
 */
export const toolCommand = (tool: I18nTool, args = ''): string => commandFor(tool, args, { npmScript: npmScript() });

/**
 * The arguments of a tool, `--content <folder>` taken out and set as the guide's folder. Stops the
 * process with status 2 and the usage line when the option has no folder or the folder holds no
 * guide (no data/languages.yaml), so that nothing is read from, or written to, the wrong place.
 */
export function toolArguments(tool: I18nTool, usage: string, argv = process.argv.slice(2)): string[] {
	const rest: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg !== '--content' && !arg.startsWith('--content=')) {
			rest.push(arg);
			continue;
		}
		const folder = arg === '--content' ? argv[++i] : arg.slice('--content='.length);
		if (!folder || folder.startsWith('-')) fail(tool, usage, '--content needs the guide’s folder, such as --content guide');
		setContentDir(folder);
	}
	if (!existsSync(join(process.cwd(), dataFile('languages'))))
		fail(
			tool,
			usage,
			`no guide in ${contentDir()}/: ${dataFile('languages')} is missing. Run the tool in the guide’s project, and give the guide’s folder with --content <folder> (the content of playbook({ content }) in astro.config)`,
		);
	return rest;
}

/** Prints what is wrong and the usage line, and stops with status 2. */
export function fail(tool: I18nTool, usage: string, problem: string): never {
	console.error(`${tool.replace('-', ':')}: ${problem}`);
	console.error(`usage: ${commandLine(tool, `${usage} [--content <folder>]`.trim(), { npmScript: npmScript() })}`);
	process.exit(2);
}
