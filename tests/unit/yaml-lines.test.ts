import { describe, expect, test } from 'vitest';
import { lineOf } from '../../src/check/yaml-lines';

const yaml = [
	'# Scenarios.', // 1
	'- id: first', // 2
	'  route: direct', // 3
	'  steps:', // 4
	'    - id: meet', // 5
	'      tools: [a, b]', // 6
	'    - id: talk', // 7
	'      needs: [a]', // 8
	'      fallback: [b]', // 9
	'  checked: 2026-11-28', // 10
	'- id: second', // 11
	'  route: partner', // 12
	'  steps:', // 13
	'    - id: talk', // 14
	'      tools: [c]', // 15
].join('\n');

describe('lineOf', () => {
	test('finds an entry, an item inside it and the key the field ends with', () => {
		expect(lineOf(yaml, 'entry 1 (id "first") → steps[1] (id "talk").fallback[0]')).toBe(9);
		expect(lineOf(yaml, 'entry 2 (id "second") → steps[0] (id "talk").tools[0]')).toBe(15);
		expect(lineOf(yaml, 'entry 1 (id "first") → checked')).toBe(10);
		expect(lineOf(yaml, 'entry 2 (id "second") → route')).toBe(12);
	});

	test('stops at the next item: a key the item lacks points to the item itself', () => {
		expect(lineOf(yaml, 'entry 1 (id "first") → steps[0] (id "meet").needs[0]')).toBe(5);
	});

	test('reads the places the plan check names, and gives up on an id it cannot find', () => {
		expect(lineOf(yaml, 'answers q=yes → scenario "second" → step "talk"')).toBe(14);
		expect(lineOf(yaml, 'answers q=yes → rule "nothing"')).toBeUndefined();
		expect(lineOf(yaml, 'entry 3')).toBeUndefined();
	});
});
