import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { COLLECTIONS, DATA_COLLECTIONS } from '../../src/schemas/collections';
import type { RefFactory } from '../../src/schemas/common';
import { ROOT } from '../helpers/project';

describe('the list of data collections (src/schemas/collections.ts)', () => {
	test('every reference a schema makes names a collection of the list', () => {
		// RefFactory takes any text (the names are the list's keys, inferred from these schemas), so this is what keeps a misspelt name out.
		const named = new Set<string>();
		const ref: RefFactory = (collection) => {
			named.add(collection);
			return z.string().transform((id) => ({ id, collection }));
		};
		for (const name of DATA_COLLECTIONS) COLLECTIONS[name].schema(ref);
		expect(named.size).toBeGreaterThan(0);
		expect([...named].filter((name) => !(DATA_COLLECTIONS as string[]).includes(name))).toEqual([]);
	});

	test('each names a schema file that exists and defines its entries', () => {
		for (const name of DATA_COLLECTIONS) {
			const file = COLLECTIONS[name].schemaFile;
			expect(existsSync(join(ROOT, file)), `${name}: ${file}`).toBe(true);
			expect(readFileSync(join(ROOT, file), 'utf8'), `${name}: ${file}`).toMatch(/export const \w+Schema = /);
		}
	});

	test('each is called by a singular noun, for messages such as "unknown tool"', () => {
		for (const name of DATA_COLLECTIONS) expect(COLLECTIONS[name].singular, name).toMatch(/^[a-z][a-z ]*[a-z]$/);
		expect(new Set(DATA_COLLECTIONS.map((name) => COLLECTIONS[name].singular)).size).toBe(DATA_COLLECTIONS.length);
	});
});
