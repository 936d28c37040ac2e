/**
 * The icon Starlight links on every page (/favicon.svg), for a guide whose project has no
 * public/favicon.svg of its own: the generator's (src/integration.ts injects this route then).
 */
import icon from '../assets/favicon.svg?raw';

export const prerender = true;

export function GET(): Response {
	return new Response(icon, { headers: { 'Content-Type': 'image/svg+xml' } });
}
