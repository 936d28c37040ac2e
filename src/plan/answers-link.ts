/**
 * A link to the answers of the risk check (components/risk-selector.ts) carries them after `#`,
 * each named by its question's id: `#answers=surveilled:no,direct-contact-dangerous:yes`. Named,
 * they cannot land on other questions when an editor adds, removes or reorders questions: a link
 * that does not fit the questions of the page exactly (an unknown question or answer, an answer to
 * a question the other answers do not ask, an older link by position) is refused whole, never read
 * in part, so that it can never show the plan for someone else's situation.
 */

/** The answers a question takes (as src/schemas/risk.ts, whose zod the browser's scripts do not load). */
export const ANSWERS: readonly string[] = ['yes', 'no', 'unsure'];

/**
 * A question as a link reads it: its id, the answer "not sure" counts as, and the answers to
 * earlier questions under which it is asked, as askedWhen of src/plan/risk.ts gives them (empty:
 * always asked; undefined: never asked).
 */
export interface LinkQuestion {
	id: string;
	saferAnswer: string;
	askedWhen: readonly { question: string; answer: string }[] | undefined;
}

/** The text after `answers=` for the answers given, by question position ('' where none is): `id:answer` pairs in question order. */
export function answersLink(questions: readonly LinkQuestion[], answers: readonly string[]): string {
	return questions.flatMap((q, i) => (answers[i] ? [`${q.id}:${answers[i]}`] : [])).join(',');
}

/**
 * The answers a link carries, by question position ('' where it gives none), read from the text
 * after `answers=`; undefined when the link does not fit these questions: an item that is not
 * `id:answer`, a question not on the page or named twice, an answer other than yes, no or unsure,
 * or an answer to a question that the link's other answers do not ask. A question the link does
 * not name is left unanswered (a link made before some answers were given, or before a question was added).
 */
export function readAnswersLink(text: string, questions: readonly LinkQuestion[]): string[] | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(text);
	} catch {
		return undefined;
	}
	const given = new Map<string, string>();
	for (const item of decoded ? decoded.split(',') : []) {
		const [id, answer, ...rest] = item.split(':');
		if (!id || !answer || rest.length || !ANSWERS.includes(answer) || given.has(id) || !questions.some((q) => q.id === id)) return undefined;
		given.set(id, answer);
	}
	// What each answer reads as, in question order, for the questions after it ("not sure": the safer answer).
	const reads = new Map<string, string>();
	const answers: string[] = [];
	for (const q of questions) {
		const answer = given.get(q.id) ?? '';
		const asked = q.askedWhen?.every((c) => reads.get(c.question) === c.answer) ?? false;
		if (answer && !asked) return undefined;
		if (answer) reads.set(q.id, answer === 'unsure' ? q.saferAnswer : answer);
		answers.push(answer);
	}
	return answers;
}
