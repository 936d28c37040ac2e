import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems, oldReviews } from './lib/check-content';
import { toRiskModel } from './lib/risk';

const VIRTUAL_ID = 'virtual:playbook/config';
const RISK_MODEL_ID = 'virtual:playbook/risk-model';
/** Starlight's page frame loads this script to save sidebar state in sessionStorage; see src/overrides/Sidebar.astro. */
const SIDEBAR_STATE_SCRIPT = /components-internals\/SidebarPersistState(\.[jt]s)?$/;
const EMPTY_ID = '\0playbook:nothing';
/** Starlight's print stylesheet, which carries rules for code blocks that this site never shows. */
const PRINT_STYLESHEET = /@astrojs[\\/]starlight[\\/]dist[\\/]style[\\/]print\.css(\?.*)?$/;

/** Removes every selector about Expressive Code (code blocks) from a stylesheet, and rules left with none. */
export function withoutCodeBlockRules(css: string): string {
	return css.replace(/([^{};]+)\{([^{}]*)\}/g, (rule, selectors: string, body: string) => {
		if (!selectors.includes('.expressive-code')) return rule;
		const kept = selectors.split(',').filter((s) => !s.includes('.expressive-code'));
		const lead = /^\s*/.exec(selectors)![0];
		return kept.length ? `${lead}${kept.map((s) => s.trim()).join(', ')} {${body}}` : '';
	});
}

/**
 * Checks every content file before Astro loads anything, so a broken reference, a missing
 * translation or a malformed date stops the build with the file, the field and the fix.
 * Then exposes what pages need in file order (the languages, the source language) as
 * `virtual:playbook/config`; content collections do not keep the order of a file. The risk model
 * (ids only, the same in every language) is `virtual:playbook/risk-model`, for the browser scripts:
 * bundled into a cached script rather than repeated in every page that uses it.
 */
export function playbook(): AstroIntegration {
	return {
		name: 'playbook',
		hooks: {
			'astro:config:setup': ({ config, logger, updateConfig }) => {
				const started = performance.now();
				const { problems, data } = checkContent(fileURLToPath(config.root));
				if (problems.length || !data)
					throw new AstroError(formatProblems(problems), 'Each problem above names the file to open and what to change.');
				logger.info(`content checked in ${Math.round(performance.now() - started)} ms: no problems`);
				// Advice goes out of date: say which pages have not been reviewed for a year.
				const old = oldReviews(fileURLToPath(config.root), new Date());
				for (const page of old) logger.warn(`${page.file}: advice last reviewed on ${page.reviewed}, more than 12 months ago. Check it, then update "reviewed:".`);
				if (old.length) logger.warn(`${old.length} page${old.length === 1 ? '' : 's'} not reviewed for over 12 months`);
				const order = Object.fromEntries(Object.entries(data).map(([name, entries]) => [name, (entries as { id: string }[]).map((e) => e.id)]));
				const exported = JSON.stringify({ languages: data.languages, source: data.languages[0]!.id, order });
				const riskModel = JSON.stringify(toRiskModel(data));
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'playbook:config',
								resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
								load: (id: string) => (id === `\0${VIRTUAL_ID}` ? `export default ${exported};` : undefined),
							},
							{
								name: 'playbook:risk-model',
								resolveId: (id: string) => (id === RISK_MODEL_ID ? `\0${RISK_MODEL_ID}` : undefined),
								load: (id: string) => (id === `\0${RISK_MODEL_ID}` ? `export default ${riskModel};` : undefined),
							},
							{
								// No page shows code, and expressiveCode is off: its print rules go too.
								name: 'playbook:no-code-block-print-rules',
								enforce: 'pre',
								transform: (code: string, id: string) => (PRINT_STYLESHEET.test(id) ? withoutCodeBlockRules(code) : undefined),
							},
							{
								// Nothing about the reader is stored: the sidebar's state script is replaced by an empty module.
								name: 'playbook:no-sidebar-state',
								enforce: 'pre',
								resolveId: (id: string) => (SIDEBAR_STATE_SCRIPT.test(id) ? EMPTY_ID : undefined),
								load: (id: string) => (id === EMPTY_ID ? 'export {};' : undefined),
							},
						],
					},
				});
			},
		},
	};
}
