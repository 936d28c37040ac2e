import { describe, expect, test } from 'vitest';
import { pdfDate, pdfPageCount, reproducible, withDates, withNodeIds } from '../../src/pdf/pdf-file';

const pdf = (created: string, modified: string) => Buffer.from(`%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (${created})\n/ModDate (${modified})>>\nendobj\nxref\n`, 'latin1');

describe('withDates', () => {
	test('writes the given date over the time of printing, keeping every byte offset', () => {
		const printed = pdf("D:20261128211719+00'00'", "D:20261128211720+01'00'");
		const stamped = withDates(printed, new Date('2026-03-04T05:06:07Z'));
		expect(stamped.length).toBe(printed.length);
		expect(stamped.toString('latin1')).toContain("/CreationDate (D:20260304050607+00'00')\n/ModDate (D:20260304050607+00'00')");
	});

	test('gives the same bytes for PDFs printed at different times', () => {
		const date = new Date('2026-01-01T00:00:00Z');
		expect(withDates(pdf("D:20261128211719+00'00'", "D:20261128211719+00'00'"), date)).toEqual(withDates(pdf("D:20251231235959+00'00'", "D:20260101000001+00'00'"), date));
	});

	test('errors when the dates are missing or cannot be replaced in place', () => {
		expect(() => withDates(Buffer.from('%PDF-1.4\n'), new Date())).toThrow(/no \/CreationDate/);
		expect(() => withDates(pdf('D:20261128211719Z', 'D:20261128211719Z'), new Date())).toThrow(/cannot be replaced in place/);
	});

	test('formats dates as PDF dates in UTC', () => {
		expect(pdfDate(new Date('2026-11-28T21:17:19.500Z'))).toBe("D:20261128211719+00'00'");
	});
});

describe('pdfPageCount', () => {
	test('reads the count of the root of a nested page tree', () => {
		const tree = '1 0 obj\n<</Type /Pages\n/Count 8\n/Kids [2 0 R]\n/Parent 3 0 R>>\nendobj\n3 0 obj\n<</Type /Pages\n/Count 27\n/Kids [1 0 R 4 0 R]>>\nendobj\n';
		expect(pdfPageCount(Buffer.from(tree, 'latin1'))).toBe(27);
		expect(() => pdfPageCount(Buffer.from('%PDF-1.4\n'))).toThrow(/no page tree/);
	});
});

describe('withNodeIds', () => {
	test('numbers structure ids in the order they first appear, keeping their length and every reference', () => {
		const printed = Buffer.from('<</S /TH /ID (node00001041)>> <</S /TD /A [<</O /Table /Headers [(node00001041)]>>]>> <</ID (node00000977)>>', 'latin1');
		expect(withNodeIds(printed).toString('latin1')).toBe('<</S /TH /ID (node00000001)>> <</S /TD /A [<</O /Table /Headers [(node00000001)]>>]>> <</ID (node00000002)>>');
	});

	test('gives the same bytes for two printings whose DOM nodes were numbered differently', () => {
		const one = Buffer.from("/CreationDate (D:20261128211719+00'00') (node00001041) (node00001050) (node00001041)", 'latin1');
		const two = Buffer.from("/CreationDate (D:20261128211801+00'00') (node00002210) (node00002219) (node00002210)", 'latin1');
		const date = new Date('2026-01-01T00:00:00Z');
		expect(reproducible(one, date)).toEqual(reproducible(two, date));
	});
});
