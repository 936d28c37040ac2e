/**
 * Links to the risk check's answers (src/plan/answers-link.ts), on small models: made with each
 * answer named by its question, read back by those names whatever the order of the questions, and
 * refused whole, never read in part, when they do not fit the questions of the page.
 */
import { describe, expect, test } from 'vitest';
import { answersLink, readAnswersLink, type LinkQuestion } from '../../src/plan/answers-link';
import { askedWhen, type RiskModel } from '../../src/plan/risk';

type Questions = RiskModel['questions'];
const ask = (question: string, answer: 'yes' | 'no') => ({ question, answer });

/** The questions as the page gives them to the link: askedWhen as the fieldsets' data-ask carries it. */
const linkQuestions = (questions: Questions): LinkQuestion[] => questions.map((q) => ({ id: q.id, saferAnswer: q.saferAnswer, askedWhen: askedWhen(questions, q.id) }));

/** "watched" and "apps", then "partner" only after apps = no, then "tor". */
const QUESTIONS: Questions = [
	{ id: 'watched', saferAnswer: 'yes' },
	{ id: 'apps', saferAnswer: 'yes' },
	{ id: 'partner', saferAnswer: 'no', askIf: [ask('apps', 'no')] },
	{ id: 'tor', saferAnswer: 'yes' },
];
const questions = linkQuestions(QUESTIONS);

/** The answers by id, from answers by position. */
const byId = (qs: readonly LinkQuestion[], answers: readonly string[]) => Object.fromEntries(qs.map((q, i) => [q.id, answers[i]]));

describe('a link to the answers', () => {
	test('names each answer by its question, in question order, and leaves out the questions without one', () => {
		expect(answersLink(questions, ['yes', 'no', 'unsure', 'no'])).toBe('watched:yes,apps:no,partner:unsure,tor:no');
		expect(answersLink(questions, ['no', 'yes', '', 'no'])).toBe('watched:no,apps:yes,tor:no');
		expect(answersLink(questions, ['', '', '', ''])).toBe('');
	});

	test('reads back the answers it was made from', () => {
		for (const answers of [['yes', 'no', 'unsure', 'no'], ['no', 'yes', '', 'no'], ['unsure', 'no', 'no', 'unsure'], ['', '', '', ''], ['yes', '', '', '']]) {
			expect(readAnswersLink(answersLink(questions, answers), questions)).toEqual(answers);
		}
	});

	test('gives each answer to its own question after the questions are reordered, or one is added or removed', () => {
		const link = answersLink(questions, ['yes', 'no', 'unsure', 'no']);
		// Reordered: "tor" first, "partner" still after "apps".
		const reordered = linkQuestions([QUESTIONS[3]!, QUESTIONS[1]!, QUESTIONS[0]!, QUESTIONS[2]!]);
		const read = readAnswersLink(link, reordered)!;
		expect(read).toEqual(['no', 'no', 'yes', 'unsure']);
		expect(byId(reordered, read)).toEqual({ watched: 'yes', apps: 'no', partner: 'unsure', tor: 'no' });
		// A question added: it is left unanswered, and the page waits for its answer.
		const added = linkQuestions([QUESTIONS[0]!, { id: 'new', saferAnswer: 'yes' }, ...QUESTIONS.slice(1)]);
		expect(byId(added, readAnswersLink(link, added)!)).toEqual({ watched: 'yes', new: '', apps: 'no', partner: 'unsure', tor: 'no' });
		// A question removed: the link names a question the page does not have.
		expect(readAnswersLink(link, linkQuestions(QUESTIONS.filter((q) => q.id !== 'tor')))).toBeUndefined();
	});

	test('reads "not sure" as the safer answer for the questions after it', () => {
		const chain = linkQuestions([
			{ id: 'a', saferAnswer: 'no' },
			{ id: 'b', saferAnswer: 'yes', askIf: [ask('a', 'no')] },
		]);
		expect(readAnswersLink('a:unsure,b:yes', chain)).toEqual(['unsure', 'yes']);
		expect(readAnswersLink('a:yes,b:yes', chain)).toBeUndefined();
	});

	test.each([
		['the older form, by position', 'yes,no,unsure,no'],
		['the older form with unanswered questions', 'no,no,,no'],
		['an unknown question', 'watched:yes,apps:no,partner:no,tor:no,other:yes'],
		['an unknown answer', 'watched:maybe,apps:no,tor:no'],
		['an answer to a question the other answers do not ask', 'watched:yes,apps:yes,partner:no,tor:no'],
		['a question named twice', 'watched:yes,watched:no,apps:yes,tor:no'],
		['an item without an answer', 'watched:yes,apps:,tor:no'],
		['an item with two answers', 'watched:yes:no,apps:yes,tor:no'],
		['an empty item', 'watched:yes,,tor:no'],
		['a question id of another letter case', 'Watched:yes,apps:yes,tor:no'],
		['broken percent-encoding', 'watched%3Ayes,apps:%E0%A4'],
	])('is refused whole when it holds %s', (_, link) => {
		expect(readAnswersLink(link, questions)).toBeUndefined();
	});

	test('is read when a messenger percent-encoded its colons', () => {
		expect(readAnswersLink('watched%3Ayes,apps%3Ano', questions)).toEqual(['yes', 'no', '', '']);
	});

	test('never answers a question the data never asks', () => {
		// "b" waits for an answer to "c", which comes after it: it is never asked (askedWhen: undefined).
		const never = linkQuestions([
			{ id: 'a', saferAnswer: 'yes' },
			{ id: 'b', saferAnswer: 'yes', askIf: [ask('c', 'yes')] },
			{ id: 'c', saferAnswer: 'yes' },
		]);
		expect(never[1]!.askedWhen).toBeUndefined();
		expect(readAnswersLink('a:yes,c:yes', never)).toEqual(['yes', '', 'yes']);
		expect(readAnswersLink('a:yes,b:yes,c:yes', never)).toBeUndefined();
	});
});
