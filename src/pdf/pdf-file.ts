/**
 * What the build needs to know of, and change in, the PDFs Chromium prints.
 *
 * Two things in a PDF printed by Chromium change from one printing to the next: the time it was
 * printed (`/CreationDate` and `/ModDate` of its document information), and the ids of the
 * structure elements of a tagged PDF (`(node00001041)`, used by table cells to name their
 * headers), which are the numbers of the page's DOM nodes in that browser process. `reproducible`
 * sets the dates to the build date (src/build/build-date.ts) and numbers the ids in the order they
 * first appear, so that the same source gives the same bytes. Everything is replaced in place, by
 * strings of the same length, so that every byte offset of the file stays right.
 */

const DATE = /\/(CreationDate|ModDate) \((D:\d{14}[^)]*)\)/g;

/** A date in the PDF format, in UTC: D:20261128000000+00'00'. */
export function pdfDate(date: Date): string {
	return `D:${date.toISOString().replace(/\D/g, '').slice(0, 14)}+00'00'`;
}

/** The PDF with every creation and modification date set to `date` and its structure ids numbered in order. */
export function reproducible(pdf: Uint8Array, date: Date): Buffer {
	return withNodeIds(withDates(pdf, date));
}

/** The PDF with its structure element ids, `(node<digits>)`, numbered 1, 2, 3… in the order they first appear, each with as many digits as before. */
export function withNodeIds(pdf: Uint8Array): Buffer {
	const bytes = Buffer.from(pdf);
	const text = bytes.toString('latin1');
	const ids = new Map<string, number>();
	for (const match of text.matchAll(/\(node(\d+)\)/g)) {
		const id = match[1]!;
		if (!ids.has(id)) ids.set(id, ids.size + 1);
		const number = String(ids.get(id)!).padStart(id.length, '0');
		if (number.length !== id.length) throw new Error(`the PDF has more structure ids than ${id.length} digits can number`);
		bytes.write(number, match.index + '(node'.length, 'latin1');
	}
	return bytes;
}

/** The PDF with every creation and modification date set to `date`; throws if it holds none or one cannot be replaced in place. */
export function withDates(pdf: Uint8Array, date: Date): Buffer {
	const bytes = Buffer.from(pdf);
	// latin1 maps every byte to one character and back, so string positions are byte positions.
	const text = bytes.toString('latin1');
	const stamp = pdfDate(date);
	let found = 0;
	for (const match of text.matchAll(DATE)) {
		const [, key, value] = match;
		if (value!.length !== stamp.length)
			throw new Error(`the PDF's /${key} is "${value}", ${value!.length} characters, and cannot be replaced in place by "${stamp}": Chromium changed how it writes dates; adapt src/pdf/pdf-file.ts`);
		bytes.write(stamp, match.index + `/${key} (`.length, 'latin1');
		found++;
	}
	if (!found) throw new Error('the PDF holds no /CreationDate or /ModDate: Chromium changed how it writes them; adapt src/pdf/pdf-file.ts');
	return bytes;
}

/** How many pages a PDF written by Chromium has: the /Count of its page tree. */
export function pdfPageCount(pdf: Uint8Array): number {
	const counts = [...Buffer.from(pdf).toString('latin1').matchAll(/\/Type \/Pages\b[^>]*?\/Count (\d+)/g)].map((m) => Number(m[1]));
	if (!counts.length) throw new Error('the PDF has no page tree with a /Count');
	return Math.max(...counts);
}
