/**
 * The risk plan: for one set of answers, everything the guide says to do, resolved into one
 * consistent whole. The rules that fire (src/plan/risk.ts) each add a little; the plan joins them:
 * one route, one Use list, one Avoid list that wins over everything else, the options, and the
 * steps of the route's scenario that apply, with avoided tools taken out of their tool lists.
 *
 * Pure and data-driven: the build renders every plan from it, the content check proves every
 * plan consistent with it, and the tests compare it with the source's table.
 */
import { stepApplies } from './scenario';
import { allAnswerCombinations, answersKey, effectiveAnswers, evaluate, type Answers, type Between, type Condition, type Reason, type RiskModel, type Route, type Suspicion } from './risk';

/** A step of a scenario, with its references flattened to ids. */
export interface PlanStep {
	id: string;
	kind: 'action' | 'verify' | 'cleanup';
	when: readonly Condition[];
	tools: readonly string[];
	needs: readonly string[];
	fallback: readonly string[];
	practices: readonly string[];
}

/** What the plan needs beyond the risk model: which tools draw attention, what kind of tool each is, and the scenarios' steps. */
export interface PlanModel extends RiskModel {
	tools: readonly { id: string; kind?: string; drawsAttention?: Suspicion }[];
	scenarios: readonly { id: string; route: Route; steps: readonly PlanStep[] }[];
	/** The kinds of tools that carry what people say (`carriesMessages` of content/data/tool-kinds.yaml); a browser or an operating system only carries them. Absent: none. */
	channelKinds?: readonly string[];
	/** The kinds of attention drawn by tools that carry other tools' traffic and say nothing themselves (`carriesOtherTools` of attention.yaml). Absent: none. */
	carriersOfOtherTools?: readonly Suspicion[];
	/** The routes on which contact goes through a partner (`throughPartner` of routes.yaml). Absent: none. */
	partnerRoutes?: readonly Route[];
}

/** Tools, and channels that are not tools (a meeting in person), recommended by one rule for use between two parties. */
export interface UseGroup {
	rule: string;
	between: Between;
	tools: string[];
	channels: string[];
	reasons: Reason[];
}

/** Tools and channels to avoid, for one reason: a rule, or a question that makes a kind of tool suspect. */
export interface AvoidGroup {
	/** The rule that says to avoid them. */
	rule?: string;
	/** The kind of attention these tools draw, when a question's answer makes it suspect. */
	suspicion?: Suspicion;
	tools: string[];
	channels: string[];
	reasons: Reason[];
}

export interface Plan {
	/** The effective answers, as "yes-no-no-yes" in question order (see answersKey). */
	key: string;
	/** The effective answers by question ("not sure" read as the safer answer); a question not asked is left out. */
	answers: Record<string, 'yes' | 'no'>;
	route: Route | undefined;
	/** The route goes through a partner (routes.yaml): the plan adds that the partner talks to the person. */
	throughPartner: boolean;
	/** The rule whose text heads the plan: the first one that set its route. */
	headline: string | undefined;
	/** Rules whose text is an option offered with the plan. */
	options: { rule: string; reasons: Reason[] }[];
	use: UseGroup[];
	avoid: AvoidGroup[];
	practices: { rule: string; practices: string[]; reasons: Reason[] }[];
	scenario: string | undefined;
	/** The scenario's steps that apply, with avoided tools left out of `tools` and `fallback`. */
	steps: PlanStep[];
	/** Every tool and channel on the Avoid list. */
	avoidTools: string[];
	avoidChannels: string[];
	/** Every tool on the Use list. */
	useTools: string[];
	/** Every channel on the Use list that is not a tool. */
	useChannels: string[];
	/** Questions the reader answered "not sure". */
	unsure: string[];
}

/** Resolves the rules that fire for these answers into one plan. */
export function resolvePlan(model: PlanModel, answers: Answers): Plan {
	const outcome = evaluate(model, answers);
	const rules = new Map(model.rules.map((r) => [r.id, r]));
	const fired = outcome.fired.map((f) => ({ ...f, data: rules.get(f.rule)! }));
	const effective = Object.fromEntries(Object.entries(effectiveAnswers(model.questions, answers)).filter(([, a]) => a !== undefined)) as Record<string, 'yes' | 'no'>;

	// Avoid: the kinds of tools that the answers make suspect, then what fired rules name.
	const avoid: AvoidGroup[] = [];
	const avoidTools = new Set<string>();
	const avoidChannels = new Set<string>();
	for (const question of model.questions) {
		if (!question.suspects || effective[question.id] !== 'yes') continue;
		const tools = model.tools.filter((t) => t.drawsAttention === question.suspects && !avoidTools.has(t.id)).map((t) => t.id);
		tools.forEach((t) => avoidTools.add(t));
		if (tools.length)
			avoid.push({ suspicion: question.suspects, tools, channels: [], reasons: [{ question: question.id, given: answers[question.id] ?? 'unsure', readAs: 'yes' }] });
	}
	for (const { rule, reasons, data } of fired) {
		const tools = data.avoidTools.filter((t) => !avoidTools.has(t));
		const channels = data.avoidChannels.filter((c) => !avoidChannels.has(c));
		tools.forEach((t) => avoidTools.add(t));
		channels.forEach((c) => avoidChannels.add(c));
		if (tools.length || channels.length) avoid.push({ rule, tools, channels, reasons });
	}

	const use = fired
		.filter(({ data }) => data.useTools.length > 0 || (data.useChannels ?? []).length > 0)
		// Every rule has a role once the data is read (toRiskModel gives the default one); none only in a model built without roles.
		.map(({ rule, reasons, data }) => ({ rule, between: data.between ?? '', tools: [...data.useTools], channels: [...(data.useChannels ?? [])], reasons }));
	const useTools = [...new Set(use.flatMap((g) => g.tools))];
	const useChannels = [...new Set(use.flatMap((g) => g.channels))];
	const route = outcome.route;
	const headline = fired.find(({ data }) => data.route && data.route === route && !data.option)?.rule;
	const scenario = outcome.scenario;
	const steps = (model.scenarios.find((s) => s.id === scenario)?.steps ?? [])
		.filter((step) => stepApplies(step, model.questions, answers))
		.map((step) => ({ ...step, tools: step.tools.filter((t) => !avoidTools.has(t)), fallback: step.fallback.filter((t) => !avoidTools.has(t)) }));

	return {
		key: answersKey(model, answers),
		answers: effective,
		route,
		throughPartner: route !== undefined && (model.partnerRoutes ?? []).includes(route),
		headline,
		options: fired.filter(({ data }) => data.option).map(({ rule, reasons }) => ({ rule, reasons })),
		use,
		avoid,
		practices: fired.filter(({ data }) => data.practices.length > 0).map(({ rule, reasons, data }) => ({ rule, practices: [...data.practices], reasons })),
		scenario,
		steps,
		avoidTools: [...avoidTools],
		avoidChannels: [...avoidChannels],
		useTools,
		useChannels,
		unsure: outcome.unsure,
	};
}

/** One plan for each combination of effective answers ("yes" and "no") a reader can reach: what a page must be able to show. */
export function allPlans(model: PlanModel): Plan[] {
	return [...allAnswerCombinations(model, ['yes', 'no'])].map((answers) => resolvePlan(model, answers));
}

/** Answers to some of the questions: they pick every plan whose effective answers include them. */
export type Cube = Record<string, 'yes' | 'no'>;

/** A cube picks a plan when the plan's effective answers include all of the cube's. */
export const picks = (cube: Cube, plan: Plan) => Object.entries(cube).every(([q, a]) => plan.answers[q] === a);

/**
 * Covers a set of plans with cubes of answers that pick those plans and no others, no two picking
 * the same plan: "secure-apps-risky=yes" rather than eight full sets. Each cube picks as many of
 * the plans left as any can, then has the fewest answers: a page renders a part once per cube.
 */
export function cover(model: RiskModel, plans: readonly Plan[], keys: ReadonlySet<string>): Cube[] {
	const candidates: Cube[] = [{}];
	for (const q of model.questions) for (const cube of [...candidates]) candidates.push({ ...cube, [q.id]: 'yes' }, { ...cube, [q.id]: 'no' });
	const picked = candidates.map((cube) => ({ cube, keys: plans.filter((p) => picks(cube, p)).map((p) => p.key) }));
	const left = new Set(keys);
	const cubes: Cube[] = [];
	while (left.size > 0) {
		let best: { cube: Cube; keys: string[] } | undefined;
		for (const c of picked)
			if (c.keys.length > 0 && c.keys.every((k) => left.has(k)) && (!best || c.keys.length > best.keys.length || (c.keys.length === best.keys.length && Object.keys(c.cube).length < Object.keys(best.cube).length))) best = c;
		cubes.push(best!.cube);
		for (const k of best!.keys) left.delete(k);
	}
	return cubes;
}

/** A part that some plans share, with the cubes of answers whose plans hold it. */
export interface SharedPart<T> {
	value: T;
	/** The plans that hold it, by key. */
	keys: string[];
	cubes: Cube[];
}

/**
 * The parts of all plans, each once: what `pick` takes from each plan, told apart by `id`, in the
 * order the plans give them. A page renders each part once, shown for the answers of its cubes,
 * instead of one copy per plan.
 */
export function sharedParts<T>(model: RiskModel, plans: readonly Plan[], pick: (plan: Plan) => readonly T[], id: (value: T) => string): SharedPart<T>[] {
	const parts = new Map<string, { value: T; keys: string[] }>();
	for (const plan of plans)
		for (const value of pick(plan)) {
			const key = id(value);
			const part = parts.get(key) ?? { value, keys: [] };
			part.keys.push(plan.key);
			parts.set(key, part);
		}
	return [...parts.values()].map((part) => ({ ...part, cubes: cover(model, plans, new Set(part.keys)) }));
}

/** What the source guide's situations demand of every plan for some answers (content/data/situations.yaml). */
export interface Situation {
	id: string;
	when: readonly Condition[];
	expect: { route?: Route; use: readonly string[]; useChannels?: readonly string[]; avoid: readonly string[]; avoidChannels: readonly string[]; offers: readonly string[] };
}

/** The texts a plan shows, in one language, for the check that no text names an avoided tool. */
export interface PlanTexts {
	lang: string;
	/** The file the texts are in, as problems name it: the `text` of the check's `PlanFiles` for the language when not given. */
	file?: string;
	/** The text of a key of content/text/<lang>.yaml, or undefined when it is missing. */
	text: (key: string) => string | undefined;
}

/** A page of the guide in one language, as the plan check reads it: its id ("practices/app-lock"), its file and its text. */
export interface PlanPage {
	id: string;
	lang: string;
	file: string;
	text: string;
}

/** The guide's files that problems name, each a path from the project root (src/check/sources.ts gives them for the guide's folder). */
export interface PlanFiles {
	/** The situations of the source guide: `<content>/data/situations.yaml`. */
	situations: string;
	/** The questions: `<content>/data/questions.yaml`. */
	questions: string;
	/** The texts of a language: `<content>/text/<lang>.yaml`. */
	text: (lang: string) => string;
}

/** The files of a guide in the default folder, content/: what problems name when the check is given none. */
const DEFAULT_FILES: PlanFiles = { situations: 'content/data/situations.yaml', questions: 'content/data/questions.yaml', text: (lang) => `content/text/${lang}.yaml` };

export interface PlanProblem {
	/** The answers for which the problem shows, as "question=answer" pairs ("unsure" included). */
	answers: string;
	/** The file to open, when it is not the data file that `source` names (a page of the guide). */
	file?: string;
	/** Where the problem comes from: "rule X", "scenario X → step Y", "situation X". */
	source: string;
	message: string;
	fix: string;
}

/**
 * A passage of a page that applies only for some answers, between two MDX comments (nothing is
 * rendered, and translations keep them as they keep links): `{/* only-where: question=answer … *\/}`
 * and `{/* end only-where *\/}`.
 */
const ONLY_WHERE = /\{\/\*\s*only-where:([^*]*)\*\/\}([\s\S]*?)\{\/\*\s*end only-where\s*\*\/\}/g;

/**
 * The text of a page that a reader of a plan with these effective answers is told to follow: the
 * page without its passages marked for other answers (`{/* only-where: secure-apps-risky=no *\/}`,
 * several conditions separated by spaces, all must hold; a condition on a question not asked, left
 * out of `answers`, does not). Also the marks that name a question not in `questions` (by default
 * those of `answers`) or an unknown answer, which hide nothing.
 */
export function pageTextFor(text: string, answers: Readonly<Record<string, 'yes' | 'no'>>, questions: readonly string[] = Object.keys(answers)): { text: string; invalid: string[] } {
	const invalid: string[] = [];
	const shown = text.replace(ONLY_WHERE, (passage, conditions: string) => {
		const pairs = conditions.trim().split(/[\s,]+/).filter(Boolean).map((c) => c.split('='));
		if (pairs.length === 0 || pairs.some(([q, a]) => !q || !questions.includes(q) || (a !== 'yes' && a !== 'no'))) {
			invalid.push(conditions);
			return passage;
		}
		return pairs.every(([q, a]) => answers[q!] === a) ? passage : '';
	});
	return { text: shown, invalid };
}

/** The pages a plan links to, by id: its scenario, its practices and its steps' practices, and the tools its Use list and its steps name. */
export function linkedPages(plan: Plan): string[] {
	return [
		...(plan.scenario ? [`scenarios/${plan.scenario}`] : []),
		...[...plan.practices.flatMap((g) => g.practices), ...plan.steps.flatMap((s) => s.practices)].map((id) => `practices/${id}`),
		...[...plan.useTools, ...plan.steps.flatMap((s) => [...s.tools, ...s.needs, ...s.fallback])].map((id) => `tools/${id}`),
	].filter((id, i, all) => all.indexOf(id) === i);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern that finds a tool's name as a word. For a name in Latin letters only letters of that
 * script end a word: an Arabic prefix such as "و" (and) written against "Tor" still leaves "Tor" a
 * name. A name in another script ("واتساب") must stand as a word of its own, but for one of the
 * one-letter prefixes Arabic joins to words (و ب ل ف ك).
 */
export function namePattern(names: readonly string[]): RegExp {
	const latin = names.filter((n) => !/[^\p{Script=Latin}\p{N}\p{P}\s]/u.test(n));
	const other = names.filter((n) => !latin.includes(n));
	const parts = [
		...(latin.length ? [`(?<![\\p{Script=Latin}\\p{N}])(?:${latin.map(escape).join('|')})(?![\\p{Script=Latin}\\p{N}])`] : []),
		...(other.length ? [`(?<![\\p{L}\\p{N}])[وبلفك]?(?:${other.map(escape).join('|')})(?![\\p{L}\\p{N}])`] : []),
	];
	return new RegExp(parts.join('|') || '(?!)', 'u');
}

/**
 * Resolves the plan for every combination of answers a reader can reach ("not sure" included, a
 * question not asked without an answer; see allAnswerCombinations) and checks that it is
 * one consistent plan: a route, a headline, a scenario and a non-empty Use list; nothing on the
 * Avoid list used, needed or named anywhere else in it (data and, in every language, its texts and
 * the pages it links to, but for passages marked for other answers); no step left without its
 * tools; Tor or Tails never prescribed without a channel to use over them that the plan does not
 * avoid; and every situation of the source guide honoured. Problems name the guide's files as
 * `options.files` gives them (those of a guide in content/ when it is absent).
 */
export function checkPlans(
	model: PlanModel,
	options: { situations?: readonly Situation[]; toolNames?: ReadonlyMap<string, readonly string[]>; texts?: readonly PlanTexts[]; pages?: readonly PlanPage[]; files?: PlanFiles } = {},
): PlanProblem[] {
	const files = options.files ?? DEFAULT_FILES;
	const problems: PlanProblem[] = [];
	const seen = new Set<string>();
	const push = (problem: PlanProblem) => {
		// The same fault shows for many answers: report it once, with the first answers that show it.
		const key = `${problem.source}|${problem.message}`;
		if (seen.has(key)) return;
		seen.add(key);
		problems.push(problem);
	};
	const suspectedBy = (tool: string, plan: Plan) => plan.avoid.find((g) => g.tools.includes(tool));
	const whyAvoided = (group: AvoidGroup | undefined) =>
		!group ? '' : group.rule ? ` (rule "${group.rule}" says to avoid it)` : ` (it draws attention where ${group.suspicion!.replace('-', ' ')} are suspect, and "${group.reasons[0]!.question}" is answered yes)`;
	const patterns = new Map([...(options.toolNames ?? new Map())].map(([id, names]) => [id, namePattern(names)]));

	for (const answers of allAnswerCombinations(model)) {
		const plan = resolvePlan(model, answers);
		const where = model.questions.filter((q) => answers[q.id] !== undefined).map((q) => `${q.id}=${answers[q.id]}`).join(', ');
		const problem = (source: string, message: string, fix: string) => push({ answers: where, source, message, fix });

		if (!plan.route) problem('rules', 'no rule sets a route (direct, or through a partner)', 'give a rule that fires for these answers a "route".');
		if (!plan.headline) problem('rules', 'no rule heads the plan: none sets its route without being an option', 'give a rule with this route "option: false".');
		if (!plan.scenario) problem('rules', 'no rule names a scenario to follow', 'give a rule that fires for these answers a "scenario".');
		if (plan.useTools.length === 0 && plan.useChannels.length === 0)
			problem('rules', 'the Use list is empty: the plan recommends no tool and no channel', 'add a rule with "useTools" or "useChannels" that fires for these answers.');

		for (const group of plan.use)
			for (const channel of group.channels.filter((c) => plan.avoidChannels.includes(c))) {
				const avoiding = plan.avoid.find((g) => g.channels.includes(channel));
				problem(`rule "${group.rule}"`, `recommends channel "${channel}", which the same plan says to avoid${whyAvoided(avoiding)}`, `add a condition ("when") to rule "${group.rule}" or to rule "${avoiding?.rule}" so that they do not fire together for these answers.`);
			}

		// Tor and Tails carry what people say, they do not say it: a group that prescribes them must name a channel to use over them.
		const channelKinds = model.channelKinds ?? [];
		const anonymity = new Set(model.tools.filter((t) => t.drawsAttention !== undefined && (model.carriersOfOtherTools ?? []).includes(t.drawsAttention)).map((t) => t.id));
		const channelTool = new Set(model.tools.filter((t) => t.kind && channelKinds.includes(t.kind)).map((t) => t.id));
		const kinds = channelKinds.length ? `of kind ${channelKinds.length > 1 ? `${channelKinds.slice(0, -1).join(', ')} or ${channelKinds.at(-1)}` : channelKinds[0]}` : 'of a kind with "carriesMessages: true" in tool-kinds.yaml';
		for (const group of plan.use) {
			const over = group.tools.filter((t) => anonymity.has(t));
			if (over.length === 0 || group.tools.some((t) => channelTool.has(t) && !plan.avoidTools.includes(t))) continue;
			problem(
				`rule "${group.rule}"`,
				`prescribes ${over.join(' and ')} but names no tool to talk over ${over.length > 1 ? 'them' : 'it'} (a tool ${kinds}) that the plan does not avoid`,
				`add to rule "${group.rule}"'s "useTools" a tool ${kinds} that is not avoided for these answers; or, if there is none, give the rule a "when" so that it does not fire for them, and say plainly that there is no safe direct channel (a rule that avoids that channel in "avoidChannels").`,
			);
		}

		for (const group of plan.use)
			for (const tool of group.tools.filter((t) => plan.avoidTools.includes(t)))
			{
				const avoiding = suspectedBy(tool, plan);
				const other = avoiding?.rule && avoiding.rule !== group.rule ? `, or to rule "${avoiding.rule}" if it is the one that should not fire` : '';
				problem(`rule "${group.rule}"`, `recommends tool "${tool}", which the same plan says to avoid${whyAvoided(avoiding)}`, `add a condition ("when") to rule "${group.rule}" so that it does not fire for these answers${other}; or recommend another tool. Start with the rule you changed last.`);
			}

		for (const step of plan.steps) {
			const source = `scenario "${plan.scenario}" → step "${step.id}"`;
			const original = model.scenarios.find((s) => s.id === plan.scenario)!.steps.find((s) => s.id === step.id)!;
			for (const tool of step.needs.filter((t) => plan.avoidTools.includes(t)))
				problem(source, `says the other person needs tool "${tool}", which the plan says to avoid${whyAvoided(suspectedBy(tool, plan))}`, `give step "${step.id}" a "when" so that it is not shown for these answers, and add a step for them that needs another tool.`);
			if (original.tools.length > 0 && step.tools.length === 0)
				problem(source, `every tool of the step (${original.tools.join(', ')}) is on the plan's Avoid list, so the step would be shown without them`, `give step "${step.id}" a "when" so that it is not shown for these answers, and add a step for them with tools that are not avoided.`);
		}

		for (const situation of options.situations ?? []) {
			if (!situation.when.every((c) => plan.answers[c.question] === c.answer)) continue;
			const fail = (message: string) => problem(`situation "${situation.id}"`, message, `change rules.yaml so that every plan for these answers meets situation "${situation.id}" of ${files.situations}.`);
			const { expect } = situation;
			if (expect.route && plan.route !== expect.route) fail(`the route is "${plan.route}", but the source's situation calls for "${expect.route}"`);
			for (const tool of expect.use) if (!plan.useTools.includes(tool)) fail(`tool "${tool}" is not on the Use list`);
			for (const channel of expect.useChannels ?? []) if (!plan.useChannels.includes(channel)) fail(`channel "${channel}" is not on the Use list`);
			for (const tool of expect.avoid) if (!plan.avoidTools.includes(tool)) fail(`tool "${tool}" is not on the Avoid list`);
			for (const channel of expect.avoidChannels) if (!plan.avoidChannels.includes(channel)) fail(`channel "${channel}" is not on the Avoid list`);
			for (const rule of expect.offers) if (!plan.options.some((o) => o.rule === rule)) fail(`the option of rule "${rule}" is not offered`);
		}

		// Texts: the plan's own words must not name what it says to avoid, in any language. One
		// problem per text and tool, naming every language file where it happens.
		const shown = [
			...(plan.headline ? [{ key: `rule.${plan.headline}`, source: `rule "${plan.headline}"` }] : []),
			...plan.options.map((o) => ({ key: `rule.${o.rule}`, source: `rule "${o.rule}"` })),
			...plan.use.map((g) => ({ key: `rule.${g.rule}`, source: `rule "${g.rule}"` })),
			...plan.steps.map((s) => ({ key: `step.${plan.scenario}.${s.id}`, source: `scenario "${plan.scenario}" → step "${s.id}"` })),
		];
		for (const { key, source } of shown)
			for (const tool of plan.avoidTools) {
				const pattern = patterns.get(tool);
				if (!pattern) continue;
				const hits = (options.texts ?? []).flatMap(({ lang, file, text }) => {
					const value = text(key);
					const match = value === undefined ? null : value.match(pattern);
					return match ? [{ file: file ?? files.text(lang), name: match[0] }] : [];
				});
				if (hits.length)
					problem(
						source,
						`the text "${key}" in ${hits.map((h) => h.file).join(', ')} names ${hits[0]!.name}, which the plan says to avoid${whyAvoided(suspectedBy(tool, plan))}`,
						`reword "${key}" in every language so that it names no tool the plan avoids, or give the step a "when" so that it is not shown for these answers.`,
					);
			}

		// Pages the plan links to: a reader who follows a link must not be told to use what the plan avoids.
		if (options.pages?.length) {
			const linked = new Set(linkedPages(plan));
			const byTool = new Map<string, Map<string, { files: string[]; name: string }>>();
			for (const page of options.pages.filter((p) => linked.has(p.id))) {
				const { text: shownText, invalid } = pageTextFor(page.text, plan.answers, model.questions.map((q) => q.id));
				for (const mark of invalid)
					push({
						answers: '',
						source: `page "${page.id}"`,
						file: page.file,
						message: `the mark {/* only-where: ${mark.trim()} */} names no question of ${files.questions} with the answer yes or no`,
						fix: `write it as {/* only-where: question=answer */}, for instance {/* only-where: ${model.questions[0]?.id ?? 'question'}=no */}; several conditions are separated by spaces and must all hold.`,
					});
				// Link targets and frontmatter ids are addresses, not advice.
				const prose = shownText.replace(/\]\([^)]*\)/g, ']').replace(/^tools:.*$/m, '');
				for (const tool of plan.avoidTools) {
					if (page.id === `tools/${tool}`) continue;
					const match = prose.match(patterns.get(tool) ?? /(?!)/);
					if (!match) continue;
					const tools = byTool.get(page.id) ?? new Map();
					const hit = tools.get(tool) ?? { files: [], name: match[0] };
					hit.files.push(page.file);
					tools.set(tool, hit);
					byTool.set(page.id, tools);
				}
			}
			for (const [id, tools] of byTool)
				for (const [tool, { files, name }] of tools)
					push({
						answers: where,
						source: `page "${id}"`,
						file: files[0],
						message: `the page "${id}", which the plan links to, names ${name} in ${files.join(', ')}, which the plan says to avoid${whyAvoided(suspectedBy(tool, plan))}`,
						fix: `reword the passage so that it names no tool the plan avoids; or, where the advice holds only for other answers, say so on the page and put the passage between {/* only-where: question=answer … */} and {/* end only-where */}, with the answers for which it holds (README, "The risk plan"), in every language.`,
					});
		}
	}
	return problems;
}

/** Flattens validated data (references parsed to `{ id }`) into the plan model. */
export function toPlanModel(
	risk: RiskModel,
	data: {
		tools: readonly { id: string; kind?: string; drawsAttention?: Suspicion | undefined }[];
		/** The vocabulary the plan reads (content/data/tool-kinds.yaml, attention.yaml, routes.yaml); absent, none of it. */
		'tool-kinds'?: readonly { id: string; carriesMessages?: boolean }[];
		attention?: readonly { id: string; carriesOtherTools?: boolean }[];
		routes?: readonly { id: string; throughPartner?: boolean }[];
		scenarios: readonly {
			id: string;
			route: Route;
			steps: readonly {
				id: string;
				kind: PlanStep['kind'];
				when: readonly { question: { id: string }; answer: 'yes' | 'no' }[];
				tools: readonly { id: string }[];
				needs: readonly { id: string }[];
				fallback: readonly { id: string }[];
				practices: readonly { id: string }[];
			}[];
		}[];
	},
): PlanModel {
	const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);
	return {
		...risk,
		channelKinds: (data['tool-kinds'] ?? []).filter((k) => k.carriesMessages).map((k) => k.id),
		carriersOfOtherTools: (data.attention ?? []).filter((a) => a.carriesOtherTools).map((a) => a.id),
		partnerRoutes: (data.routes ?? []).filter((r) => r.throughPartner).map((r) => r.id),
		tools: data.tools.map((t) => ({ id: t.id, ...(t.kind ? { kind: t.kind } : {}), ...(t.drawsAttention ? { drawsAttention: t.drawsAttention } : {}) })),
		scenarios: data.scenarios.map((s) => ({
			id: s.id,
			route: s.route,
			steps: s.steps.map((step) => ({
				id: step.id,
				kind: step.kind,
				when: step.when.map((c) => ({ question: c.question.id, answer: c.answer })),
				tools: ids(step.tools),
				needs: ids(step.needs),
				fallback: ids(step.fallback),
				practices: ids(step.practices),
			})),
		})),
	};
}
