import { describe, expect, test } from 'vitest';
import { withSystemLightTheme } from '../../src/site/no-js-theme';

const MEDIA = '@media (prefers-color-scheme: light) and (scripting: none)';

describe('withSystemLightTheme', () => {
	test('copies a light-theme rule for a light system where scripts cannot run, whatever theme the page says', () => {
		expect(withSystemLightTheme(":root[data-theme='light'], [data-theme='light'] ::backdrop { --a: #fff; }")).toBe(
			`:root[data-theme='light'], [data-theme='light'] ::backdrop { --a: #fff; }${MEDIA}{:root[data-theme],[data-theme] ::backdrop{ --a: #fff; }}`,
		);
		expect(withSystemLightTheme('html[data-theme=light]{color-scheme:light}')).toBe(`html[data-theme=light]{color-scheme:light}${MEDIA}{html[data-theme]{color-scheme:light}}`);
	});

	test('leaves the dark part of a mixed selector list out of the copy', () => {
		expect(withSystemLightTheme('[data-theme=light] .l,[data-theme=dark] .d{display:none}')).toBe(`[data-theme=light] .l,[data-theme=dark] .d{display:none}${MEDIA}{[data-theme] .l{display:none}}`);
	});

	test('leaves every other rule as it is', () => {
		const css = '.a{color:red}@media (min-width: 50em){.b{color:blue}}[data-theme=dark] .c{x:y}';
		expect(withSystemLightTheme(css)).toBe(css);
	});
});
