/**
 * The line of a data file that a problem is about. The content check names a place in a YAML list
 * by its ids ("entry 1 (id "direct-contact") → steps[4] (id "ongoing-channel").fallback[0]", or
 * "rule "whatsapp-fallback""); an editor also wants the line to open. The ids are looked for in
 * order, each as a list item `- id: …` after the one before, then the field's last key inside that
 * item. Read from the file's text, so that it works whatever the YAML parser keeps.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/** The 1-based line that `field` points to in `text`, or undefined when its ids are not found there. */
export function lineOf(text: string, field: string): number | undefined {
	const lines = text.split('\n');
	const ids = [...field.matchAll(/\(id "([^"]+)"\)|\b(?:rule|scenario|step) "([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
	let at = -1;
	for (const id of ids) {
		const item = new RegExp(`^\\s*- id: ['"]?${escape(id)}['"]?\\s*$`);
		const found = lines.findIndex((line, i) => i > at && item.test(line));
		if (found < 0) break;
		at = found;
	}
	if (at < 0) return undefined;
	// The field's last key, when it ends with one: "….fallback[0]" or "… → checked".
	const key = /(?:\.|→ )([A-Za-z][\w-]*)(?:\[\d+\])*$/.exec(field)?.[1];
	if (key) {
		const own = indentOf(lines[at]!);
		const line = new RegExp(`^\\s+${escape(key)}:`);
		for (let i = at + 1; i < lines.length; i++) {
			// The next item of the same list, or of a list around it, ends this one.
			if (/^\s*- /.test(lines[i]!) && indentOf(lines[i]!) <= own) break;
			if (line.test(lines[i]!)) return i + 1;
		}
	}
	return at + 1;
}
