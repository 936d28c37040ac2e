/**
 * A copy of plain data (strings, numbers, arrays, objects) whose strings are new. V8 keeps a whole
 * string alive as long as a part cut from it is: a search entry holding a title and some words
 * taken from a page would otherwise hold the page's whole HTML until the index is written, and a
 * build that keeps an entry per page would hold every page.
 */
export const detached = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
