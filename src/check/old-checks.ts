/**
 * Tool facts go out of date as apps change: which tools' facts were last compared with their source
 * too long ago. Pure; the build prints the result as warnings, like pages not reviewed for a year.
 */

/** A tool whose facts were last checked too long ago. */
export interface OldCheck {
	/** Id of the tool in content/data/tools.yaml. */
	id: string;
	/** The `checked` date, as YYYY-MM-DD. */
	checked: string;
}

/** Tools whose `checked` date is more than `months` months before `now`. */
export function oldChecks(tools: readonly { id: string; checked: Date }[], now: Date, months = 12): OldCheck[] {
	const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
	return tools.filter((tool) => tool.checked < limit).map((tool) => ({ id: tool.id, checked: tool.checked.toISOString().slice(0, 10) }));
}

/** The warning for one tool: what is old, and what to do; `file` is the guide's tools file (src/check/sources.ts dataFile('tools')). */
export function oldCheckMessage(old: OldCheck, file = 'content/data/tools.yaml'): string {
	return `${file}: the facts of "${old.id}" were last checked on ${old.checked}, more than 12 months ago. Compare them with its "source:", then update "checked:".`;
}
