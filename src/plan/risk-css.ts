/**
 * The CSS that picks the plan of the risk check from the answers, with no script
 * (components/RiskSelector.astro): written at build time from the questions, for any number of
 * them. Questions are numbered by position from 1: each question's fieldset carries data-q="<n>",
 * and its "not sure" the answer it reads as (data-reads, the safer answer); each part of the plans
 * carries data-a<n> for the answers it is for; a question asked only after some answers (askIf)
 * has its fieldset marked data-ask with those answers, as "1=yes 3=no".
 */
import { askedWhen, type RiskModel } from './risk';

/** The answers, by position, under which each question is asked: "" for always, undefined for never. */
export function askAttributes(questions: RiskModel['questions']): (string | undefined)[] {
	const position = (id: string) => questions.findIndex((q) => q.id === id) + 1;
	return questions.map((q) => askedWhen(questions, q.id)?.map((c) => `${position(c.question)}=${c.answer}`).join(' '));
}

/**
 * The rules, inside `@supports selector(:has(*))` (a browser without it is pointed to the printed
 * plans instead). For each question n:
 * - asked only after some answers: its fieldset, and every part made for an answer to it, are hidden
 *   while those answers are not all given (an answer left on a question no longer asked counts for nothing);
 * - while it is asked and has no answer, every part is hidden and the line "answer every question" shown;
 * - a part made for the other answer is hidden;
 * - answered "not sure", where it is asked, the note on that answer in the plan is shown.
 */
export function riskCss(questions: RiskModel['questions']): string {
	const root = 'risk-selector';
	// "Yes" and "no" read as themselves; "not sure" carries the answer it reads as.
	const reads = (n: number, answer: string) => `:has([data-q="${n}"] :is([value=${answer}],[data-reads=${answer}]):checked)`;
	const asks = askAttributes(questions);
	const when = (ask: string) => ask.split(' ').filter(Boolean).map((c) => reads(Number(c.split('=')[0]), c.split('=')[1]!)).join('');
	const hidden: string[] = [];
	const pending: string[] = [];
	const unsure: string[] = [];
	const groups = new Map<string, number[]>();
	questions.forEach((_, i) => {
		const n = i + 1;
		const ask = asks[i];
		if (ask === undefined) {
			// Never asked: the question and what depends on it stay hidden.
			hidden.push(`${root} [data-ask="never"]`, `${root} [data-a${n}]`);
			return;
		}
		if (ask) groups.set(ask, [...(groups.get(ask) ?? []), n]);
		pending.push(`${when(ask)}:not(:has([data-q="${n}"] :checked))`);
		hidden.push(`${root}${reads(n, 'yes')} [data-a${n}=no]`, `${root}${reads(n, 'no')} [data-a${n}=yes]`);
		unsure.push(`${root}${when(ask)}:has([data-q="${n}"] [value=unsure]:checked) [data-unsure-q="${n}"]`);
	});
	for (const [ask, ns] of groups) hidden.push(`${root}:not(${when(ask)}) :is([data-ask="${ask}"],${ns.map((n) => `[data-a${n}]`).join(',')})`);
	const waiting = pending.length ? `${root}:is(${pending.join(',')})` : '';
	return [
		'@supports selector(:has(*)){',
		...(waiting ? [`${waiting} [data-part]{display:none}`, `${waiting} .pending{display:block}`] : []),
		...(hidden.length ? [`${hidden.join(',')}{display:none}`] : []),
		...(unsure.length ? [`${unsure.join(',')}{display:inline}`] : []),
		'}',
	].join('');
}
