/**
 * The phone-width check (tests/browser/phone-width.test.ts): one function that runs inside a page
 * and returns what a reader on a narrow screen would find wrong. It is passed to
 * `page.evaluate`, so it is self-contained: every helper is defined inside it.
 *
 * What it reports:
 * - `overflow`: the page is wider than the screen (it scrolls sideways), with the elements that stick out;
 * - `cut`: text that lies outside the screen, or outside an element that clips it, so part of it cannot be read;
 * - `broken`: a word split across lines (text broken mid-word, "Whats/App"): a Range over the word has boxes on two lines;
 * - `narrow`: a word wider than the column it sits in (it sticks out of it, or would be broken);
 * - `small`: a control smaller than `minTarget` × `minTarget` CSS pixels (see `Options.minTarget`);
 * - `covered`: a link or control whose centre, once scrolled into view, is under another element;
 *   or text under the quick exit at some scroll position;
 * - `checksum`: a checksum that is not shown whole, inside the screen.
 */

export interface PhoneProblem {
	kind: 'overflow' | 'cut' | 'broken' | 'narrow' | 'small' | 'covered' | 'checksum';
	/** The element: its tag, classes and the start of its text. */
	where: string;
	detail: string;
}

export interface Options {
	/**
	 * The smallest width and height of a control, in CSS pixels (44: the size the issue asks for, as
	 * WCAG 2.5.5). Controls are buttons, inputs (a radio button or checkbox counts with its label,
	 * which takes the same press), selects, summaries, and links in navigation (`navigation`).
	 */
	minTarget: number;
	/**
	 * Where links are controls: the header, menus, the table of contents, the footer's previous and
	 * next links, the quick exit, the root page's language cards.
	 *
	 * Other links are content. A link inside running text (its block holds other text around it) is
	 * exempt, as in WCAG 2.5.8: its height is the line's, and making it taller would space every
	 * line of prose apart. A link that stands alone in content (an entry of a list of links, a cell
	 * of a table) must meet WCAG 2.5.8: at least 24 × 24 px, or spaced so that a 24 px circle on its
	 * centre touches no other target.
	 */
	navigation: string;
	/** The quick exit link. */
	quickExit: string;
	/** Only what is inside these elements is checked (an open menu, which covers the page), besides the page's width. */
	scope?: string;
	/** Elements whose text is a checksum: shown whole, wrapped anywhere (a 64-character checksum is wider than a phone). */
	checksums: string;
}

/** Runs in the page. */
export function phoneProblems(options: Options): PhoneProblem[] {
	const problems: PhoneProblem[] = [];
	const root = document.documentElement;
	const vw = root.clientWidth;
	const vh = window.innerHeight;

	const describe = (node: Node): string => {
		const el = node instanceof Element ? node : node.parentElement!;
		const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
		const parent = el.parentElement ? `${el.parentElement.tagName.toLowerCase()} > ` : '';
		const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
		return `${parent}${el.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ''}`;
	};
	const add = (kind: PhoneProblem['kind'], node: Node, detail: string) => {
		const where = describe(node);
		if (!problems.some((p) => p.kind === kind && p.where === where && p.detail === detail)) problems.push({ kind, where, detail });
	};
	const inScope = (el: Element) => !options.scope || Boolean(el.closest(options.scope));
	const px = (n: number) => `${Math.round(n * 10) / 10}px`;

	/** Hidden from sight: not rendered, invisible, or clipped to nothing (screen-reader-only text). */
	const memo = <T,>(f: (el: Element) => T) => {
		const seen = new Map<Element, T>();
		return (el: Element): T => {
			if (!seen.has(el)) seen.set(el, f(el));
			return seen.get(el)!;
		};
	};
	const hidden = memo((el: Element): boolean => {
		// Not rendered, or inside a closed <details> or a closed popover, or invisible.
		if (!el.getClientRects().length || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
		for (let e: Element | null = el; e; e = e.parentElement) {
			const s = getComputedStyle(e);
			if ((s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none')) return true;
			if (s.overflow !== 'visible') {
				const r = e.getBoundingClientRect();
				if (r.width <= 1 || r.height <= 1) return true;
			}
		}
		return false;
	});
	const isBlock = (el: Element) => !/^(inline|contents)/.test(getComputedStyle(el).display) || el === document.body;
	const blockOf = (el: Element): Element => {
		let e: Element = el;
		while (!isBlock(e) && e.parentElement) e = e.parentElement;
		return e;
	};
	/** The element's content box, in the page's coordinates. */
	const contentWidth = (el: Element) => {
		const s = getComputedStyle(el);
		return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
	};
	const widthOf = memo(contentWidth);
	/** Ancestors that cut off what sticks out of them (overflow other than visible), nearest first. */
	const clippers = memo((el: Element): Element[] => {
		const list: Element[] = [];
		for (let e = el.parentElement; e && e !== document.body && e !== root; e = e.parentElement) if (getComputedStyle(e).overflowX !== 'visible') list.push(e);
		return list;
	});
	const scrollsSideways = memo((el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth);
	const whiteSpace = memo((el: Element) => getComputedStyle(el).whiteSpace);

	// -- The page as a whole: no sideways scrolling. ------------------------------------------------
	if (root.scrollWidth > vw + 1) {
		const out = [...document.body.querySelectorAll('*')].filter((el) => {
			if (hidden(el)) return false;
			const r = el.getBoundingClientRect();
			if (r.right <= vw + 1 && r.left >= -1) return false;
			const p = el.parentElement!.getBoundingClientRect();
			return p.right <= vw + 1 && p.left >= -1;
		});
		add('overflow', root, `the page is ${root.scrollWidth}px wide on a ${vw}px screen; sticking out: ${out.slice(0, 4).map(describe).join('; ') || 'unknown'}`);
	}

	// -- Text: every word whole, inside its column and the screen. -----------------------------------
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) texts.push(n as Text);
	const visibleText: { node: Text; el: Element }[] = [];
	for (const node of texts) {
		const el = node.parentElement!;
		if (el.closest('script, style, noscript, template') || !inScope(el) || hidden(el)) continue;
		visibleText.push({ node, el });
		const checksum = el.closest(options.checksums);
		const block = blockOf(el);
		const available = widthOf(block);
		const data = node.data;
		const range = document.createRange();
		// Words: runs without spaces, split after hyphens, where a line may break.
		for (const match of data.matchAll(/[^\s\u200b-]+-?|-/g)) {
			const word = match[0];
			if (word.length < 2) continue;
			range.setStart(node, match.index);
			range.setEnd(node, match.index + word.length);
			const rects = [...range.getClientRects()].filter((r) => r.width > 0);
			if (!rects.length) continue;
			const lines = new Set(rects.map((r) => Math.round(r.top / 4)));
			const tops = rects.map((r) => r.top);
			const onOneLine = Math.max(...tops) - Math.min(...tops) < rects[0]!.height / 2;
			if (!onOneLine && !checksum && lines.size > 1) {
				add('broken', el, `"${word}" is split across ${lines.size} lines (its column is ${px(available)} wide)`);
				continue;
			}
			const width = range.getBoundingClientRect().width;
			if (!checksum && whiteSpace(el).startsWith('normal') && width > available + 1 && !scrollsSideways(block))
				add('narrow', el, `"${word}" is ${px(width)} wide, its column ${px(available)}`);
			// Inside the screen and inside every element that clips it; text in a box that scrolls sideways (a wide table) can be scrolled to.
			if (clippers(el).some(scrollsSideways)) continue;
			for (const r of rects) {
				if (r.left < -1 || r.right > vw + 1) {
					add('cut', el, `"${word}" runs outside the screen (${px(r.left)} to ${px(r.right)} of ${vw}px)`);
					break;
				}
				const clip = clippers(el).find((c) => {
					const b = c.getBoundingClientRect();
					return r.left < b.left - 1 || r.right > b.right + 1;
				});
				if (clip) {
					add('cut', el, `"${word}" is cut off by ${describe(clip).slice(0, 60)}`);
					break;
				}
			}
		}
	}

	// -- Checksums: whole, inside the screen, not behind a scroll bar. --------------------------------
	for (const el of document.querySelectorAll(options.checksums)) {
		if (hidden(el)) continue;
		const text = (el.textContent ?? '').replace(/\s/g, '');
		const range = document.createRange();
		range.selectNodeContents(el);
		const rects = [...range.getClientRects()].filter((r) => r.width > 0);
		const outside = rects.some((r) => r.left < -1 || r.right > vw + 1 || r.bottom < -1e6);
		const behind = [el, ...clippers(el)].some((c) => c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX !== 'visible');
		if (!/^[0-9a-f]{64}$/.test(text)) add('checksum', el, `holds "${text.slice(0, 20)}…" (${text.length} characters), not a whole SHA-256 checksum`);
		else if (outside || behind) add('checksum', el, outside ? 'runs outside the screen' : 'is partly hidden behind a scroll bar');
	}

	// -- Controls: big enough, and not covered. -----------------------------------------------------
	const exit = document.querySelector<HTMLElement>(options.quickExit);
	const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary')].filter((el) => inScope(el)).filter((el) => !hidden(el) || (el instanceof HTMLInputElement && el.labels?.[0] && !hidden(el.labels[0])));
	/** A link inside running text: its block holds text outside it. */
	const inline = (el: HTMLElement) => {
		if (isBlock(el)) return false;
		const block = blockOf(el);
		const w = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) if ((n as Text).data.trim() && !el.contains(n) && !hidden(n.parentElement!)) return true;
		return false;
	};
	/** What a press on the control lands on: the control, or for a radio button or checkbox, its label too. */
	const targetOf = (el: HTMLElement): HTMLElement => (el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0] : el);
	/**
	 * The area a press on it lands on: its box, or for a link stretched over its card by an absolutely
	 * positioned ::before or ::after at inset 0 (as Starlight's search results), the card's.
	 */
	const areaOf = (el: HTMLElement): DOMRect => {
		for (const pseudo of ['::before', '::after']) {
			const s = getComputedStyle(el, pseudo);
			if (s.content === 'none' || s.position !== 'absolute' || [s.top, s.right, s.bottom, s.left].some((v) => v !== '0px')) continue;
			for (let e = el.parentElement; e; e = e.parentElement) if (getComputedStyle(e).position !== 'static') return e.getBoundingClientRect();
		}
		return targetOf(el).getBoundingClientRect();
	};
	const boxes = new Map(controls.map((el) => [el, areaOf(el)] as const));
	/** WCAG 2.5.8's spacing: a 24 px circle on the target's centre meets no other target. */
	const spaced = (el: HTMLElement, r: DOMRect) => {
		const x = r.left + r.width / 2;
		const y = r.top + r.height / 2;
		for (const [other, o] of boxes) {
			if (other === el || other.contains(el) || el.contains(other) || !o.width) continue;
			const dx = Math.max(o.left - x, 0, x - o.right);
			const dy = Math.max(o.top - y, 0, y - o.bottom);
			if (dx * dx + dy * dy < 12 * 12) return false;
		}
		return true;
	};
	for (const el of controls) {
		if ((el as HTMLButtonElement).disabled) continue;
		const control = el.tagName !== 'A' || Boolean(el.closest(options.navigation));
		if (!control && inline(el)) continue;
		const r = boxes.get(el)!;
		const own = el.getBoundingClientRect();
		const width = Math.max(r.width, own.width);
		const height = Math.max(r.height, own.height);
		const min = control ? options.minTarget : 24;
		if (width >= min - 0.5 && height >= min - 0.5) continue;
		if (!control && spaced(el, r)) continue;
		add('small', el, `${px(width)} × ${px(height)}, under ${min} × ${min}${control ? '' : ' and too close to another link'}`);
	}
	const scrollX = window.scrollX;
	const scrollY = window.scrollY;
	for (const el of controls) {
		const target = targetOf(el);
		target.scrollIntoView({ block: 'center', inline: 'nearest' });
		const box = [...target.getClientRects()].find((r) => r.width > 0 && r.height > 0);
		if (!box) continue;
		const x = Math.min(Math.max(box.left + box.width / 2, 0), vw - 1);
		const y = Math.min(Math.max(box.top + box.height / 2, 0), vh - 1);
		const hit = document.elementFromPoint(x, y);
		if (!hit || target.contains(hit) || el.contains(hit) || (hit as HTMLElement) === el.closest('label')) continue;
		add('covered', el, `its centre is under ${exit?.contains(hit) ? 'the quick exit' : describe(hit).slice(0, 60)}`);
	}

	// -- Text under the quick exit, at every scroll position (half a screen at a time). --------------
	if (exit && !hidden(exit)) {
		// Where each piece of text lies in the page, measured once; the quick exit is measured at each position.
		window.scrollTo(0, 0);
		const pieces = visibleText
			.filter(({ el }) => !exit.contains(el))
			.flatMap(({ node, el }) => {
				const range = document.createRange();
				range.selectNodeContents(node);
				return [...range.getClientRects()].map((r) => ({ el, left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
			});
		const height = root.scrollHeight;
		for (let top = 0; ; top += Math.max(vh * 0.5, 100)) {
			const y = Math.min(top, height - vh);
			window.scrollTo(0, y);
			const q = exit.getBoundingClientRect();
			for (const r of pieces) {
				const left = Math.max(r.left, q.left);
				const right = Math.min(r.right, q.right);
				// Text in the flow moves with the page; text in a fixed bar would not, and is hit-tested as it stands.
				const topEdge = Math.max(r.top - y, q.top);
				const bottom = Math.min(r.bottom - y, q.bottom);
				if (right - left < 2 || bottom - topEdge < 2) continue;
				const stack = document.elementsFromPoint((left + right) / 2, (topEdge + bottom) / 2);
				const first = stack.findIndex((s) => !exit.contains(s) && s !== exit.closest('quick-exit'));
				if (first >= 0 && exit.contains(stack[0]!) && (stack[first] === r.el || r.el.contains(stack[first]!) || stack[first]!.contains(r.el))) add('covered', r.el, 'the quick exit lies over this text');
			}
			if (y >= height - vh) break;
		}
	}
	window.scrollTo(scrollX, scrollY);
	return problems;
}
