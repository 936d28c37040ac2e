/**
 * Without JavaScript, Starlight's theme script never runs and every page keeps the dark theme that
 * Starlight writes into `<html data-theme="dark">`, whatever the reader's system asks for (Tor
 * Browser at its Safest level asks for light). This copies each rule written for
 * `[data-theme='light']` into a `@media (prefers-color-scheme: light) and (scripting: none)` block
 * that applies to any theme: only where scripts cannot run, so with JavaScript the reader's choice
 * and Starlight's script decide as before.
 * Pure: text in, text out; used as a Vite transform of the CSS sources (src/integration.ts).
 */

const LIGHT = /\[data-theme=(['"]?)light\1\]/;
const LIGHT_ALL = /\[data-theme=(['"]?)light\1\]/g;
export const NO_SCRIPT_LIGHT = '@media (prefers-color-scheme: light) and (scripting: none)';

/** Adds, after every rule for the light theme, the same rule for a light system where scripts cannot run. */
export function withSystemLightTheme(css: string): string {
	return css.replace(/([^{};]+)\{([^{}]*)\}/g, (rule, selectors: string, body: string) => {
		if (!LIGHT.test(selectors) || /^\s*@/.test(selectors)) return rule;
		const light = selectors
			.split(',')
			.filter((s) => LIGHT.test(s))
			.map((s) => s.trim().replace(LIGHT_ALL, '[data-theme]'));
		return `${rule}${NO_SCRIPT_LIGHT}{${light.join(',')}{${body}}}`;
	});
}
