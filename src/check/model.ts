/**
 * Facts about how the content fits together, shared by the build-time check, the pages and the islands.
 * Pure: no file system, no DOM.
 */
import type { DataCollection } from '../schemas/common';

/** Page folders whose files are named after a data id; each id has one such page per language. */
export const SECTIONS: readonly { folder: string; collection: DataCollection }[] = [
	{ folder: 'tools', collection: 'tools' },
	{ folder: 'practices', collection: 'practices' },
	{ folder: 'scenarios', collection: 'scenarios' },
];

/** Keys of `content/text/<lang>.yaml` that the data needs, each a short piece of prose. */
export interface TextSources {
	categories: { id: string }[];
	threats: { id: string }[];
	channels: { id: string; name?: string }[];
	questions: { id: string }[];
	rules: { id: string }[];
	scenarios: { id: string; steps: { id: string }[] }[];
	/** Tools with the facts that carry a caveat sentence. */
	tools?: { id: string; caveats: string[] }[];
}

export function requiredTextKeys(data: TextSources): Set<string> {
	const keys = new Set<string>();
	for (const { id } of data.categories) keys.add(`category.${id}`);
	for (const { id } of data.threats) keys.add(`threat.${id}`);
	for (const channel of data.channels) if (!channel.name) keys.add(`channel.${channel.id}`);
	for (const { id } of data.questions) {
		keys.add(`question.${id}`);
		keys.add(`question.${id}.short`);
		keys.add(`question.${id}.help`);
	}
	for (const { id } of data.rules) keys.add(`rule.${id}`);
	for (const scenario of data.scenarios) {
		keys.add(`scenario.${scenario.id}`);
		for (const step of scenario.steps) keys.add(`step.${scenario.id}.${step.id}`);
	}
	for (const tool of data.tools ?? []) for (const fact of tool.caveats) keys.add(`tool.${tool.id}.${fact}`);
	return keys;
}

/**
 * Keys of `content/text/<lang>.yaml` that a language may have or not: the names people type for a
 * tool in that language (`tool.whatsapp.names: واتساب`), shown on the tool page and found by search.
 */
export function optionalTextKeys(data: Pick<TextSources, 'tools'>): Set<string> {
	return new Set((data.tools ?? []).map((tool) => `tool.${tool.id}.names`));
}
