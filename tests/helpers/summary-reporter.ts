import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, "tests: N passed, N failed, N skipped", for tools that read
 * only the last line; before it, one line per reason tests were skipped, with their number.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		const reasons = new Map<string, number>();
		for (const module of testModules)
			for (const test of module.children.allTests()) {
				const result = test.result();
				if (result.state === 'passed') passed++;
				else if (result.state === 'failed') failed++;
				else {
					skipped++;
					const reason = (result.state === 'skipped' && result.note) || 'skipped in the test file';
					reasons.set(`${module.moduleId.replace(/^.*\/tests\//, 'tests/')}: ${reason}`, (reasons.get(`${module.moduleId.replace(/^.*\/tests\//, 'tests/')}: ${reason}`) ?? 0) + 1);
				}
			}
		const lines = [...reasons].map(([reason, n]) => `skipped ${n}: ${reason}`);
		process.stdout.write(`\n${lines.length ? `${lines.join('\n')}\n` : ''}tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}
