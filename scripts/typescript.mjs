/**
 * `node --import <this file> <script.ts>`: runs the generator's TypeScript also when the generator
 * is installed below node_modules/ (scripts/typescript-hooks.mjs says why).
 */
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
