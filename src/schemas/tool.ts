import { z } from 'astro/zod';
import { IdSchema, PastDateSchema, UrlSchema, type RefFactory } from './common.ts';

export const PLATFORMS = ['android', 'ios', 'windows', 'macos', 'linux', 'web', 'live-usb'] as const;
export const LOGGING = ['minimal', 'some', 'extensive', 'depends-on-server'] as const;
/** "optional": not by default, but a user can switch it on (Jitsi Meet). */
export const E2EE = ['yes', 'partial', 'optional', 'no'] as const;
/** Facts whose yes or no needs a sentence more; the sentence is `tool.<id>.<fact>` in content/text/<lang>.yaml. */
export const CAVEAT_FACTS = ['platforms', 'e2eeByDefault', 'logs', 'needsPhoneNumber', 'needsAccount', 'needsInstall'] as const;

/** The facts about one tool. Written once; every language renders them. */
export const ToolSchema = (ref: RefFactory) =>
	z.strictObject({
		/** Stable id, used in URLs (`/en/tools/<id>/`) and references. */
		id: IdSchema(),
		/** The tool's own name, never translated. */
		name: z.string().min(1),
		/** Other names the tool goes by in texts ("Protonmail", "Tor"), so that the content check finds them in advice that must not name the tool. */
		otherNames: z.array(z.string().min(1)).default([]),
		/** What sort of tool it is, an id of content/data/tool-kinds.yaml; decides where it is listed and compared. */
		kind: ref('tool-kinds').transform((r) => r.id),
		/** The official site. */
		homepage: UrlSchema(),
		/** Where it runs. */
		platforms: z.array(z.enum(PLATFORMS)).min(1),
		/** Is the source code public under an open-source licence? */
		openSource: z.boolean(),
		/** Are messages or calls end-to-end encrypted without the user switching anything on? Omit when it does not apply. */
		e2eeByDefault: z.enum(E2EE).optional(),
		/** How much the service keeps about its users. Omit for software that talks to no service. */
		logs: z.enum(LOGGING).optional(),
		/** Must a phone number be given to sign up? Omit when there is no account. */
		needsPhoneNumber: z.boolean().optional(),
		/** Does it work without one central operator? */
		decentralised: z.boolean(),
		/** Can an organisation run its own server? */
		selfHostable: z.boolean(),
		/** Does it need an account? */
		needsAccount: z.boolean(),
		/** Does it need to be installed (false: it runs in a browser or ships with the system)? */
		needsInstall: z.boolean(),
		/** What people use it for: ids of content/data/use-cases.yaml. */
		useCases: z.array(ref('use-cases').transform((r) => r.id)).min(1),
		/**
		 * Where using such tools is suspect, does this one draw attention, and of which kind (an id of
		 * content/data/attention.yaml, such as an encrypted app whose use can be seen on the network
		 * or found on a device)? Omit for a tool in common use or built into the system.
		 */
		drawsAttention: ref('attention').transform((r) => r.id).optional(),
		/** Which threats it helps against. */
		protectsAgainst: z.array(ref('threats')).default([]),
		/** Instructions in other languages or from other guides. */
		guides: z
			.array(z.strictObject({ url: UrlSchema(), lang: z.string().min(2) }))
			.default([]),
		/** Extra facts that only some tools have, e.g. resolver addresses. */
		addresses: z.array(z.string().min(1)).optional(),
		/**
		 * Facts above that a yes or no would overstate, such as an account that only the organiser of a
		 * meeting needs. Each needs its sentence, `tool.<id>.<fact>`, in every content/text/<lang>.yaml;
		 * the tool page shows it next to the value.
		 */
		caveats: z.array(z.enum(CAVEAT_FACTS)).default([]),
		/** The page of the tool's maker (or an independent review) that backs the facts above. Shown under the facts. */
		source: UrlSchema(),
		/**
		 * The day someone last compared every fact above with `source`, as YYYY-MM-DD. Shown with the
		 * source; the build warns when it is more than 12 months old.
		 */
		checked: PastDateSchema(),
	});

/** A channel that is not a recommended tool but appears in advice, usually as one to avoid. */
export const ChannelSchema = () =>
	z.strictObject({
		id: IdSchema(),
		/** The channel's name, never translated (e.g. "SMS"). Omit when the name needs translating; the text file then holds it. */
		name: z.string().min(1).optional(),
	});

export type Tool = z.output<ReturnType<typeof ToolSchema>>;
export type Channel = z.output<ReturnType<typeof ChannelSchema>>;
