/**
 * Reads a PDF back with pdfjs-dist (npm), as a reader's viewer would: page count, text with its
 * position and direction, fonts, link annotations. No system tool is needed.
 *
 * Chromium writes right-to-left text glyph by glyph, and Noto Sans Arabic draws a letter's dots as
 * glyphs of their own that map to no character, so the text pdfjs extracts from an Arabic page
 * misses letters. Chromium records each shaped cluster's characters in the content stream, as
 * marked content `/Span <</ActualText …>> BDC`, inside `/ReversedChars BMC` where a run is drawn
 * right to left. pdfjs does not expose those; `actualText` reads them from the page's content
 * stream, in reading order, as poppler does.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfItem {
	str: string;
	dir: string;
	x: number;
	y: number;
}

export interface PdfPage {
	/** Text as pdfjs extracts it, items joined, lines separated by newlines. */
	text: string;
	items: PdfItem[];
	/** The text in reading order, with the characters of every ActualText span (see readingOrder). */
	actualText: string;
	/** How many runs Chromium marked as drawn right to left. */
	reversedRuns: number;
}

export interface Pdf {
	/** The document's title, as a PDF reader shows it. */
	title: string;
	pages: PdfPage[];
	/** Every font the pages use: its name and whether its file is embedded. */
	fonts: { name: string; embedded: boolean }[];
	/** The address of every link annotation, page by page. */
	links: string[];
}

const latin1 = new TextDecoder('latin1');

/** The bytes of stream object `num`, inflated when compressed with Flate. */
function streamOf(pdf: Uint8Array, text: string, num: number): Uint8Array {
	const start = new RegExp(`(?:^|[^0-9])${num} 0 obj\\s*<<`).exec(text);
	if (!start) throw new Error(`object ${num} not found in the PDF`);
	const dictStart = start.index + start[0].length - 2;
	const streamAt = text.indexOf('stream', dictStart);
	const dict = text.slice(dictStart, streamAt);
	const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1]);
	if (!Number.isFinite(length)) throw new Error(`object ${num}: no direct /Length`);
	let from = streamAt + 'stream'.length;
	if (text[from] === '\r') from++;
	if (text[from] === '\n') from++;
	const raw = pdf.subarray(from, from + length);
	return /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
}

/** The page object's content streams, as text. */
function contentOf(pdf: Uint8Array, text: string, page: number): string {
	const at = new RegExp(`(?:^|[^0-9])${page} 0 obj\\s*<<`).exec(text);
	if (!at) throw new Error(`page object ${page} not found`);
	const dict = text.slice(at.index, text.indexOf('endobj', at.index));
	const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
	return [...contents.matchAll(/(\d+) 0 R/g)].map((m) => latin1.decode(streamOf(pdf, text, Number(m[1])))).join('\n');
}

function decodePdfString(token: string): string {
	if (token.startsWith('<')) {
		const hex = token.slice(1, -1).replace(/\s/g, '');
		const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
		if (bytes[0] === 0xfe && bytes[1] === 0xff) {
			let out = '';
			for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
			return out;
		}
		return String.fromCharCode(...bytes);
	}
	return token.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/** The marked-content operators of a content stream, in order: BMC gives its tag, BDC its tag and ActualText. */
export function markedContent(content: string): { op: 'BMC' | 'BDC'; tag: string; actualText?: string }[] {
	const found: { op: 'BMC' | 'BDC'; tag: string; actualText?: string }[] = [];
	for (const m of content.matchAll(/\/(\w+)\s*(?:(BMC)\b|(<<(?:[^<>]|<[0-9A-Fa-f\s]*>|<<[^]*?>>)*>>|\/\w+)\s*(BDC)\b)/g)) {
		if (m[2]) found.push({ op: 'BMC', tag: m[1]! });
		else {
			const actual = /\/ActualText\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(m[3] ?? '');
			found.push({ op: 'BDC', tag: m[1]!, actualText: actual ? decodePdfString(actual[1]!) : undefined });
		}
	}
	return found;
}

type TextPiece = { str: string } | { type: string };

/**
 * Text in reading order: pdfjs's items, where a span carries ActualText its characters instead of
 * its glyphs, and the clusters of a run Chromium drew right to left put back in reading order.
 */
export function readingOrder(pieces: TextPiece[], marks: ReturnType<typeof markedContent>): { text: string; reversedRuns: number } {
	let next = 0;
	const stack: { reversed: boolean; actual: boolean }[] = [];
	const runs: string[][] = [[]];
	let reversedRuns = 0;
	for (const piece of pieces) {
		if ('str' in piece) {
			if (!stack.some((s) => s.actual)) runs.at(-1)!.push(piece.str.replace(/\0/g, ''));
			continue;
		}
		if (piece.type === 'beginMarkedContent' || piece.type === 'beginMarkedContentProps') {
			const mark = marks[next++];
			if (!mark) throw new Error('pdfjs found more marked content than the content stream holds');
			const reversed = mark.tag === 'ReversedChars';
			if (reversed) {
				runs.push([]);
				reversedRuns++;
			}
			if (mark.actualText !== undefined && !stack.some((s) => s.actual)) runs.at(-1)!.push(mark.actualText);
			stack.push({ reversed, actual: mark.actualText !== undefined });
		} else if (piece.type === 'endMarkedContent') {
			if (stack.pop()?.reversed) {
				const run = runs.pop()!;
				runs.at(-1)!.push(run.reverse().join(''));
			}
		}
	}
	if (next !== marks.length) throw new Error(`pdfjs found ${next} marked-content sequences, the content stream holds ${marks.length}: the page's text cannot be put in reading order`);
	return { text: runs.flat().join(''), reversedRuns };
}

export async function readPdf(path: string): Promise<Pdf> {
	const bytes = new Uint8Array(readFileSync(path));
	const raw = latin1.decode(bytes);
	const task = getDocument({ data: bytes.slice(), verbosity: 0, fontExtraProperties: true, disableFontFace: true });
	const doc = await task.promise;
	try {
		const pages: PdfPage[] = [];
		const fonts = new Map<string, boolean>();
		const links: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent({ includeMarkedContent: true });
			const items: PdfItem[] = [];
			let text = '';
			for (const item of content.items) {
				if (!('str' in item)) continue;
				const str = item.str.replace(/\0/g, '');
				items.push({ str, dir: item.dir, x: item.transform[4] as number, y: item.transform[5] as number });
				text += str + (item.hasEOL ? '\n' : '');
			}
			const actual = readingOrder(content.items as TextPiece[], markedContent(contentOf(bytes, raw, page.ref!.num)));
			pages.push({ text, items, actualText: actual.text, reversedRuns: actual.reversedRuns });
			const operators = await page.getOperatorList();
			operators.fnArray.forEach((fn, i) => {
				if (fn !== OPS.setFont) return;
				const font = page.commonObjs.get(operators.argsArray[i][0]) as { name: string; missingFile: boolean };
				fonts.set(font.name, !font.missingFile);
			});
			for (const annotation of await page.getAnnotations()) if (annotation.subtype === 'Link' && annotation.url) links.push(annotation.url as string);
		}
		const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
		return { title: info.Title ?? '', pages, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })), links };
	} finally {
		await task.destroy();
	}
}

/**
 * Every QR code on page `n` (from 1) of a PDF, decoded: pdfjs draws the page on a canvas
 * (@napi-rs/canvas, from npm) and jsQR reads it. jsQR looks for one code in an image and misses
 * small codes on a whole page of text, so it reads overlapping windows of the page, each as wide
 * as a third of the page.
 */
export async function qrCodes(path: string, n: number, scale = 2): Promise<string[]> {
	const task = getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 });
	const doc = await task.promise;
	try {
		const page = await doc.getPage(n);
		const viewport = page.getViewport({ scale });
		const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
		const context = canvas.getContext('2d');
		context.fillStyle = '#fff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
		const found = new Set<string>();
		const size = Math.round(canvas.width / 3);
		const step = Math.round(size / 3);
		for (let y = 0; y < canvas.height; y += step)
			for (let x = 0; x < canvas.width; x += step) {
				const w = Math.min(size, canvas.width - x);
				const h = Math.min(size, canvas.height - y);
				if (w < size / 2 || h < size / 2) continue;
				const code = jsQR(context.getImageData(x, y, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
				// A window of text can read as an empty code: only codes with content count.
				if (code?.data) found.add(code.data);
			}
		return [...found];
	} finally {
		await task.destroy();
	}
}

/**
 * Text without spaces, direction marks and Arabic vowel signs, in compatibility form (Arabic
 * presentation forms become letters): Chromium splits Arabic runs, so words may lose their spaces.
 */
export const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670]/g, '');

/** The words of a text, in compatibility form, without vowel signs and punctuation, in any order. */
export const words = (s: string) =>
	s
		.normalize('NFKC')
		.replace(/[\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670]/g, '')
		// A number drawn next to a right-to-left word ("1. تقييم") comes out stuck to it.
		.replace(/(\d)(?=\p{L})|(\p{L})(?=\d)/gu, '$1$2 ')
		.split(/\s+/)
		.map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
		.filter(Boolean);
