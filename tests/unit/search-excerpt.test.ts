import { describe, expect, test } from 'vitest';
import { excerptAround } from '../../components/search-excerpt';

const TEXT = 'Signal protects the content of messages and calls. It needs a phone number to register, and the number can be hidden from other people with a username. Keep the app updated.';

describe('excerptAround', () => {
	test('starts a few words before the first match, at a word, and marks the match as written', () => {
		const { before, match, after } = excerptAround(TEXT, ['phone'], 80, 20);
		expect(match).toBe('phone');
		expect(before).toBe('…calls. It needs a ');
		expect(after.startsWith(' number to register')).toBe(true);
		expect(after.endsWith('…')).toBe(true);
		expect((before + match + after).length).toBeLessThanOrEqual(85);
	});

	test('finds a match only at the start of a word, in any case', () => {
		expect(excerptAround('Happen to use the app, the App Store', ['app']).before).toBe('Happen to use the ');
		expect(excerptAround('Messages MESSAGES', ['messages'], 10).match).toBe('Messages');
	});

	test('finds Arabic words, not inside another word', () => {
		const text = 'استخدم التطبيق. يحتاج Signal إلى رقم الهاتف للتسجيل.';
		const { before, match } = excerptAround(text, ['الهاتف']);
		expect(match).toBe('الهاتف');
		expect(before).toBe('استخدم التطبيق. يحتاج Signal إلى رقم ');
	});

	test('the longest matching word wins where two start at the same place', () => {
		expect(excerptAround('a password manager', ['pass', 'password']).match).toBe('password');
	});

	test('without a match, the start of the text', () => {
		expect(excerptAround(TEXT, ['zebra'], 30)).toEqual({ before: '', match: '', after: 'Signal protects the content of…' });
		expect(excerptAround('short', [])).toEqual({ before: '', match: '', after: 'short' });
	});
});
