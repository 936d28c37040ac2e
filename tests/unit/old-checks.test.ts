import { describe, expect, test } from 'vitest';
import { oldCheckMessage, oldChecks } from '../../src/check/old-checks';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('oldChecks', () => {
	test('lists the tools checked more than 12 months before the given day, and only those', () => {
		const tools = [
			{ id: 'signal', checked: day('2025-11-22') },
			{ id: 'wire', checked: day('2025-11-23') },
			{ id: 'tails', checked: day('2026-06-01') },
		];
		expect(oldChecks(tools, new Date('2026-11-23T12:00:00Z'))).toEqual([{ id: 'signal', checked: '2025-11-22' }]);
	});

	test('the warning names the file, the tool, the date and what to do', () => {
		expect(oldCheckMessage({ id: 'signal', checked: '2025-11-22' })).toBe(
			'content/data/tools.yaml: the facts of "signal" were last checked on 2025-11-22, more than 12 months ago. Compare them with its "source:", then update "checked:".',
		);
	});

});
