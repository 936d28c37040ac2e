import { z } from 'astro/zod';
import type { DataCollectionName } from './collections.ts';

/** Names of the language-neutral data collections that other entries may refer to: any of src/schemas/collections.ts. */
export type DataCollection = DataCollectionName;

/**
 * Builds the schema of a reference to an entry of another collection, named as in
 * src/schemas/collections.ts. Astro's `reference()` is passed in by `src/content.config.ts`; the
 * build-time validator passes one that checks the id against the loaded data and explains the fix.
 * The collection is any text here rather than a `DataCollection`: the names are the keys of
 * src/schemas/collections.ts, whose type is inferred from the schemas that take this factory (a
 * name that is no collection is refused by the content check's factory).
 */
export type RefFactory = (collection: string) => z.ZodType<Reference>;

/** What a reference becomes once parsed, as with Astro's `reference()`. */
export interface Reference {
	id: string;
	collection: string;
}

/** An id: lower-case letters, digits and single hyphens, such as `my-tool`. */
export const IdSchema = () =>
	z
		.string({ error: 'must be an id written as text, such as "my-tool"' })
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
			error: 'must be lower-case letters, digits and hyphens, such as "my-tool"',
		});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date written as YYYY-MM-DD. YAML turns unquoted dates into Date objects,
 * so both forms are accepted; the result is always a Date at midnight UTC.
 */
export const DateSchema = () =>
	z
		.union([z.date(), z.string()], { error: 'must be a date written as YYYY-MM-DD, such as 2026-11-23' })
		.refine((value) => (value instanceof Date ? !Number.isNaN(value.getTime()) : isCalendarDate(value)), {
			error: 'must be a real date written as YYYY-MM-DD, such as 2026-11-23',
		})
		.transform((value) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`)));

/**
 * The day something was done (a review, a check): a date as DateSchema, not after today. A later
 * day is a typo, and the guide would show readers a review that has not happened. One day of
 * leeway: an editor east of UTC may already be on the next day.
 */
export const PastDateSchema = () =>
	DateSchema().refine((date) => date.getTime() <= Date.now() + 86_400_000, {
		error: (issue) => `is after today: ${(issue.input as Date).toISOString().slice(0, 10)} has not come yet; write the day it was done, as YYYY-MM-DD`,
	});

/** A web address starting with https:// (or http:// for the few sites without TLS). */
export const UrlSchema = () =>
	z.string().regex(/^https?:\/\/[^\s]+$/, { error: 'must be a full web address starting with https://' });
