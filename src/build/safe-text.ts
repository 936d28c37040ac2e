/**
 * Translated strings and data texts are never rendered as HTML. Where a string needs something
 * other than text in its middle (the build date in an element the build fills in later), it
 * holds a placeholder, `{{name}}`, and code puts the element there: `fill` cuts the string into
 * text parts and named slots, and components render the text parts as text.
 *
 * The syntax is only this: `{{name}}`, a name of letters, digits, dots and underscores. Anything
 * else, `<b>` or `<script>` included, stays text and is escaped like any other text.
 */

/** A part of a filled string: text to escape, or the name of a slot that code fills. */
export type Part = { text: string } | { slot: string };

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Cuts `template` at its placeholders. Placeholders named in `values` become text; those named in
 * `slots` become slots; any other placeholder stays as it was written, so a typo is visible.
 */
export function fill(template: string, values: Record<string, string> = {}, slots: readonly string[] = []): Part[] {
	const parts: Part[] = [];
	let text = '';
	let last = 0;
	for (const match of template.matchAll(PLACEHOLDER)) {
		const name = match[1]!;
		text += template.slice(last, match.index);
		last = match.index + match[0].length;
		if (slots.includes(name)) {
			if (text) parts.push({ text });
			text = '';
			parts.push({ slot: name });
		} else text += name in values ? values[name] : match[0];
	}
	text += template.slice(last);
	if (text) parts.push({ text });
	return parts;
}

/** The string with its placeholders replaced by text: for places that take text only. */
export const fillText = (template: string, values: Record<string, string>): string =>
	fill(template, values)
		.map((part) => ('text' in part ? part.text : ''))
		.join('');

/** Escapes text for HTML written by code (the offline bundles' rewriting), attributes included. */
export const escapeHtml = (text: string): string =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
