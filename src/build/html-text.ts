/**
 * The text of an HTML element as a reader sees it: every piece of text on its own, so that the
 * contents of neighbouring elements stay separate words ("Also called" and "واتساب" in two cells do
 * not become one word, as node-html-parser's `.text` makes them). Scripts and styles are left out;
 * a line-break opportunity (<wbr>, inside a web address) joins its two sides without a space.
 */
import { NodeType, type HTMLElement, type Node } from 'node-html-parser';

/** `skip`: elements left out with everything inside them. */
export function wordsOf(node: Node, skip: (element: HTMLElement) => boolean = () => false): string {
	const JOIN = '\u0000';
	const pieces: string[] = [];
	const walk = (current: Node) => {
		if (current.nodeType === NodeType.TEXT_NODE) return void pieces.push(current.text);
		const tag = (current as { rawTagName?: string }).rawTagName?.toLowerCase() ?? '';
		if (tag === 'wbr') return void pieces.push(JOIN);
		if (['script', 'style', 'template'].includes(tag) || (current.nodeType === NodeType.ELEMENT_NODE && skip(current as HTMLElement))) return;
		for (const child of current.childNodes) walk(child);
	};
	walk(node);
	return pieces.join(' ').replace(/\s*\u0000\s*/g, '').replace(/\s+/g, ' ').trim();
}
