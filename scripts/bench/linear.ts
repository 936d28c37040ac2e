/**
 * Whether every stage of the build stays linear: for builds of the same project at several sizes
 * (1×, 10×, 100× the content pages), each stage's time per built page, its ratio to the time per
 * page at 1× (the goal of #20: at most 1.1× at 10×), and its peak memory (goal: under 4 GB at
 * 100×). The rows are given to the benchmark's table printer.
 */
import type { BuildTimes } from './build.ts';

export interface SizedBuild {
	/** "1×", "10×", "100×". */
	label: string;
	build: BuildTimes;
}

const MB = 1024 ** 2;

/**
 * The head and rows of the table; the first build is the one the others are compared with. Time
 * per page is given by the wall clock and in processor time (the stage's processes, with what
 * they started), which other work on a shared machine does not inflate; the ratios are per page.
 */
export function linearityTable(builds: readonly SizedBuild[]): { head: string[]; rows: string[][] } {
	const [first] = builds;
	if (!first?.build.stages) return { head: [], rows: [] };
	const compared = (i: number, cells: string[]) => (i ? cells : []);
	const head = ['stage', ...builds.flatMap((b, i) => [`${b.label} s`, 'ms/page', 'cpu ms/page', 'peak MB', ...compared(i, [`×${first.label} wall`, `×${first.label} cpu`])])];
	const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : '–');
	/** A stage's figures per page in a build, or undefined where it did not run or failed. */
	const figures = (b: BuildTimes, name: string) => {
		const s = b.stages?.find((x) => x.name === name);
		if (!s || s.failed) return { failed: !!s?.failed };
		return { wall: (s.seconds * 1000) / b.pages, cpu: s.cpu === undefined ? undefined : (s.cpu * 1000) / b.pages, seconds: s.seconds, peak: s.tree === undefined ? undefined : Math.max(s.tree, s.largest ?? 0) };
	};
	const rows = first.build.stages.map(({ name }) => {
		const base = figures(first.build, name);
		return [
			name,
			...builds.flatMap(({ build }, i) => {
				const own = figures(build, name);
				if (own.wall === undefined) return [own.failed ? 'failed' : '–', '–', '–', '–', ...compared(i, ['–', '–'])];
				return [own.seconds!.toFixed(1), own.wall.toFixed(2), own.cpu?.toFixed(2) ?? '–', own.peak === undefined ? '–' : (own.peak / MB).toFixed(0), ...compared(i, [ratio(own.wall, base.wall), ratio(own.cpu, base.cpu)])];
			}),
		];
	});
	const cpu = (b: BuildTimes) => (b.stages?.some((s) => s.cpu === undefined) ? undefined : b.stages!.reduce((sum, s) => sum + s.cpu!, 0));
	const perPage = (seconds: number | undefined, b: BuildTimes) => (seconds === undefined ? undefined : (seconds * 1000) / b.pages);
	rows.push([
		'total',
		...builds.flatMap(({ build }, i) => [
			build.total.toFixed(1),
			perPage(build.total, build)!.toFixed(2),
			perPage(cpu(build), build)?.toFixed(2) ?? '–',
			'',
			...compared(i, [ratio(perPage(build.total, build), perPage(first.build.total, first.build)), ratio(perPage(cpu(build), build), perPage(cpu(first.build), first.build))]),
		]),
	]);
	rows.push(['HTML pages', ...builds.flatMap(({ build }, i) => [String(build.pages), '', '', '', ...compared(i, ['', ''])])]);
	return { head, rows };
}

/** The stages that failed in any of the builds, one line each, with their reasons. */
export function failures(builds: readonly SizedBuild[]): string[] {
	return builds.flatMap(({ label, build }) => (build.stages ?? []).filter((s) => s.failed).map((s) => `${label}: stage "${s.name}" failed: ${s.failed}`));
}

/** The hundredfold run against its targets: under 15 minutes in all, under 4 GB for any stage. */
export function hundredfoldVerdict(build: BuildTimes): { minutes: number; peakGB: number; fast: boolean; small: boolean } {
	const minutes = build.total / 60;
	const peakGB = Math.max(...(build.stages ?? []).map((s) => Math.max(s.tree ?? 0, s.largest ?? 0))) / 1024 ** 3;
	return { minutes, peakGB, fast: minutes < 15, small: peakGB < 4 };
}
