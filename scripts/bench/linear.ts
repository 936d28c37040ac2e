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

/** The head and rows of the table; the first build is the one the others are compared with. */
export function linearityTable(builds: readonly SizedBuild[]): { head: string[]; rows: string[][] } {
	const [first, ...rest] = builds;
	if (!first?.build.stages) return { head: [], rows: [] };
	const head = ['stage', ...builds.flatMap((b, i) => [`${b.label} s`, 'ms/page', 'peak MB', ...(i ? [`×${first.label}/page`] : [])])];
	const perPage = (b: BuildTimes, name: string) => {
		const s = b.stages?.find((x) => x.name === name);
		return s && { s, ms: (s.seconds * 1000) / b.pages };
	};
	const rows = first.build.stages.map(({ name }) => {
		const base = perPage(first.build, name)!;
		const baseMs = base.s.failed ? undefined : base.ms;
		return [
			name,
			...builds.flatMap(({ build }, i) => {
				const own = perPage(build, name);
				if (!own) return ['–', '–', '–', ...(i ? ['–'] : [])];
				if (own.s.failed) return ['failed', '–', '–', ...(i ? ['–'] : [])];
				const peak = own.s.tree === undefined ? '–' : (Math.max(own.s.tree, own.s.largest ?? 0) / MB).toFixed(0);
				return [own.s.seconds.toFixed(1), own.ms.toFixed(2), peak, ...(i ? [baseMs ? `${(own.ms / baseMs).toFixed(2)}×` : '–'] : [])];
			}),
		];
	});
	const total = (b: BuildTimes) => [b.total.toFixed(1), ((b.total * 1000) / b.pages).toFixed(2), ''];
	rows.push(['total', ...builds.flatMap(({ build }, i) => [...total(build), ...(i ? [`${((build.total / build.pages) / (first.build.total / first.build.pages)).toFixed(2)}×`] : [])])]);
	rows.push(['HTML pages', ...builds.flatMap(({ build }, i) => [String(build.pages), '', '', ...(i ? [''] : [])])]);
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
