/**
 * The headings a page's source puts inside <WhenSigned> only, and inside <WhenUnsigned> only
 * (src/site/release-conditions.ts; a heading both kinds of passage hold is in neither list), for
 * tests that look for them in a built page.
 */
export function releasePassages(source: string): { signed: string[]; unsigned: string[] } {
	const headings = (name: string) =>
		[...source.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].flatMap((m) => [...m[1]!.matchAll(/^#{2,6} (.+)$/gm)].map((h) => h[1]!.trim()));
	const signed = headings('WhenSigned');
	const unsigned = headings('WhenUnsigned');
	return { signed: signed.filter((h) => !unsigned.includes(h)), unsigned: unsigned.filter((h) => !signed.includes(h)) };
}

/** The text of every heading of a page's main part and of its table of contents (Starlight's "On this page"). */
export function shownHeadings(html: string, parse: (html: string) => { querySelectorAll(selector: string): { textContent: string }[] }): { main: string[]; contents: string[] } {
	const page = parse(html);
	return {
		main: page.querySelectorAll('main .sl-markdown-content h2, main .sl-markdown-content h3').map((h) => h.textContent.trim()),
		contents: page.querySelectorAll('starlight-toc a, mobile-starlight-toc a').map((a) => a.textContent.trim()),
	};
}
