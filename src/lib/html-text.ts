/**
 * The text of an HTML element as a reader sees it: every piece of text on its own, so that the
 * contents of neighbouring elements stay separate words ("Also called" and "واتساب" in two cells do
 * not become one word, as node-html-parser's `.text` makes them). Scripts and styles are left out.
 */
import { NodeType, type Node } from 'node-html-parser';

export function wordsOf(node: Node): string {
	const pieces: string[] = [];
	const walk = (current: Node) => {
		if (current.nodeType === NodeType.TEXT_NODE) pieces.push(current.text);
		else if (!['script', 'style', 'template'].includes((current as { rawTagName?: string }).rawTagName?.toLowerCase() ?? '')) for (const child of current.childNodes) walk(child);
	};
	walk(node);
	return pieces.join(' ').replace(/\s+/g, ' ').trim();
}
