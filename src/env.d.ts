declare module 'virtual:playbook/config' {
	const config: {
		/** The languages in the order of content/data/languages.yaml; the first is the source language. */
		languages: import('./schemas/language').Language[];
		/** Id of the source language. */
		source: string;
		/** Ids of each data collection in the order of its file, which is the order editors chose. */
		order: Record<string, string[]>;
		/** content/data/release-keys.yaml, validated; dates as YYYY-MM-DD… strings. */
		releaseKeys: { id: string; fingerprint: string; publicKey: string; added: string; retired?: string }[];
	};
	export default config;
}

declare module 'virtual:playbook/search-strings' {
	/** Labels of the search box per `<html lang>` tag, from the `pagefind.*` keys of content/i18n (src/i18n/search-strings.ts). */
	const strings: Record<string, Record<string, string>>;
	export default strings;
}

/** The CSS that picks the risk check's plan without a script, written from the questions (src/integration.ts). */
declare module 'virtual:playbook/risk.css';
