/**
 * Interface strings and data texts that a translation still holds in the source language's words:
 * a value of content/i18n/<lang>.json or content/text/<lang>.yaml identical to the source value,
 * once proper names (tools, systems, channels) are set aside. Often a string copied and never
 * translated; sometimes a word spelt the same (French "Note"), which a reviewer confirms.
 *
 * Runs in Astro and directly with Node (scripts/i18n-status.ts): it imports with explicit extensions.
 */
import { readStrings, textFile, uiFile } from './sources.ts';

export interface IdenticalString {
	/** The translation's file, relative to the project root. */
	file: string;
	key: string;
	value: string;
}

/** Names that stay the same in every language; a string made only of these (and numbers, signs) is not reported. */
export const PROPER_NAMES = ['Android', 'iOS', 'Windows', 'macOS', 'Linux', 'SMS', 'USB', 'Tor', 'Tails', 'PGP', 'PIN', 'SIM', 'MFA', '2FA', 'DNS', 'VPN'];


/** True when `value` still says something in words once `names` are taken out. */
function hasWords(value: string, names: readonly string[]): boolean {
	let rest = value.replace(/\{\{[^}]*\}\}/g, ' ');
	for (const name of [...names].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(name, ' ');
	return /\p{L}{2}/u.test(rest);
}

/** The strings of `lang` identical to those of `source`, in both string files, but the keys `confirmed` as rightly the same (sameAsSource). */
export function identicalStrings(root: string, source: string, lang: string, names: readonly string[] = [], confirmed: readonly string[] = []): IdenticalString[] {
	const all = [...PROPER_NAMES, ...names];
	const same = new Set(confirmed);
	return [uiFile, textFile].flatMap((fileOf) => {
		const [from, to] = [readStrings(root, fileOf(source)), readStrings(root, fileOf(lang))];
		return Object.entries(to).flatMap(([key, value]) =>
			typeof value === 'string' && value === from[key] && !same.has(key) && hasWords(value, all) ? [{ file: fileOf(lang), key, value }] : [],
		);
	});
}
