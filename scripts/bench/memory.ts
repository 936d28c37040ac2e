/**
 * Peak memory of a process and everything it starts (Astro, Pagefind's binary, Chromium and its
 * helpers), read from /proc on Linux: the resident memory of the whole tree, summed, sampled every
 * quarter second, with its highest value; and the largest peak of any one process (VmHWM, which the
 * kernel keeps exactly). The sampled sum can miss a peak shorter than a sample; the largest single
 * peak cannot. Elsewhere than Linux there is no /proc, and both stay undefined.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface PeakMemory {
	/** Highest sum of the resident memory of the process and its descendants, sampled; bytes. */
	tree?: number;
	/** Highest resident memory any one of them reached (VmHWM); bytes. */
	largest?: number;
}

const read = (path: string) => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined; // the process ended between listing and reading
	}
};

/** The process `root` and its descendants, from the parent of every process in /proc. */
function tree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		// The command name, in parentheses, may hold spaces: the parent is the second field after it.
		const stat = read(`/proc/${name}/stat`);
		const ppid = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
	}
	const found = [root];
	for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
	return found;
}

const kB = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/** Starts watching the process `pid` and its descendants; `stop()` gives the peaks. */
export function watchMemory(pid: number): { stop: () => PeakMemory } {
	if (!existsSync('/proc/self/status')) return { stop: () => ({}) };
	const peak = { tree: 0, largest: 0 };
	const sample = () => {
		let sum = 0;
		for (const p of tree(pid)) {
			const status = read(`/proc/${p}/status`);
			if (!status) continue;
			sum += kB(status, 'VmRSS');
			peak.largest = Math.max(peak.largest, kB(status, 'VmHWM'));
		}
		peak.tree = Math.max(peak.tree, sum);
	};
	sample();
	const timer = setInterval(sample, 250);
	return {
		stop() {
			clearInterval(timer);
			return { ...peak };
		},
	};
}
