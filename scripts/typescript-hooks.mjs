/**
 * Lets Node run the generator's TypeScript files where it will not on its own: Node strips the
 * types of a .ts file it runs, except below node_modules/, which is where the generator is when a
 * guide's project installs it as a package. These module hooks strip the types of such files
 * themselves (node:module's stripTypeScriptTypes, the same stripping). Registered with
 * `node --import <scripts/typescript.mjs>` for the processes the build starts (src/integration.ts,
 * scripts/build/signatures.ts). Plain JavaScript, so that Node can load it from anywhere.
 */
import { stripTypeScriptTypes } from 'node:module';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
	if (!url.startsWith('file:') || !/\.m?ts$/.test(url) || !url.includes('/node_modules/')) return nextLoad(url, context);
	const loaded = await nextLoad(url, { ...context, format: 'module' });
	return { format: 'module', source: stripTypeScriptTypes(String(loaded.source), { mode: 'strip' }), shortCircuit: true };
}
