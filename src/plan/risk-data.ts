/**
 * Loads the risk model, the plan model and the names the risk components show, for one language.
 * Build time only (content collections).
 */
import { inFileOrder, localizedEntry, pageUrl, texts } from '../i18n/i18n';
import { toPlanModel } from './plan';
import { toRiskModel } from './risk';

export async function riskModel() {
	const [questions, rules, routes, roles] = await Promise.all([inFileOrder('questions'), inFileOrder('rules'), inFileOrder('routes'), inFileOrder('roles')]);
	return toRiskModel({ questions: questions.map((q) => q.data), rules: rules.map((r) => r.data), routes: routes.map((r) => r.data), roles: roles.map((r) => r.data) });
}

/** The risk model with the tools' facts and the scenarios' steps: what a plan is resolved from. */
export async function planModel() {
	const [risk, tools, scenarios, toolKinds, attention, routes] = await Promise.all([riskModel(), inFileOrder('tools'), inFileOrder('scenarios'), inFileOrder('tool-kinds'), inFileOrder('attention'), inFileOrder('routes')]);
	return toPlanModel(risk, { tools: tools.map((t) => t.data), scenarios: scenarios.map((s) => s.data), 'tool-kinds': toolKinds.map((k) => k.data), attention: attention.map((a) => a.data), routes: routes.map((r) => r.data) });
}

/** Names and links for everything a plan can mention, in one language. */
export async function riskNames(lang: string) {
	const text = await texts(lang);
	const [tools, channels, practices, scenarios] = await Promise.all([
		inFileOrder('tools'),
		inFileOrder('channels'),
		inFileOrder('practices'),
		inFileOrder('scenarios'),
	]);
	const title = async (slug: string) => (await localizedEntry(lang, slug))?.data.title ?? slug;
	const tool = new Map(tools.map((t) => [t.id, { name: t.data.name, href: pageUrl(lang, `tools/${t.id}`) }]));
	const channel = new Map(channels.map((c) => [c.id, c.data.name ?? text(`channel.${c.id}`)]));
	return {
		text,
		tool,
		channel,
		/** Tools as names with their pages' links, and channels as names, for <Names>. */
		tools: (ids: readonly string[]) => ids.map((id) => tool.get(id)!),
		channels: (ids: readonly string[]) => ids.map((id) => ({ name: channel.get(id)!, href: undefined as string | undefined })),
		practice: new Map(await Promise.all(practices.map(async (p) => [p.id, { name: await title(`practices/${p.id}`), href: pageUrl(lang, `practices/${p.id}`) }] as const))),
		scenario: new Map(scenarios.map((s) => [s.id, { name: text(`scenario.${s.id}`), href: pageUrl(lang, `scenarios/${s.id}`) }])),
	};
}

export type RiskNames = Awaited<ReturnType<typeof riskNames>>;
