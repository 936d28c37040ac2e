import { z } from 'astro/zod';
import { E2EE, LOGGING, PLATFORMS, TOOL_KINDS, USE_CASES } from './tool';

/**
 * Interface strings that every language must translate, in `content/i18n/<lang>.json`.
 * Labels for every value of the data's fixed lists are derived from those lists, so a new
 * value cannot be added without its label.
 */
export const UI_KEYS = [
	'site.title',
	'site.tagline',
	'site.chooseLanguage',
	'nav.start',
	'nav.tools',
	'nav.practices',
	'nav.scenarios',
	'nav.reference',
	'page.reviewed',
	'page.relatedTools',
	'tool.facts',
	'tool.homepage',
	'tool.platforms',
	'tool.openSource',
	'tool.e2eeByDefault',
	'tool.logs',
	'tool.needsPhoneNumber',
	'tool.needsAccount',
	'tool.needsInstall',
	'tool.decentralised',
	'tool.selfHostable',
	'tool.useCases',
	'tool.protectsAgainst',
	'tool.guides',
	'tool.addresses',
	'tool.notApplicable',
	'table.caption',
	'table.tool',
	'value.yes',
	'value.no',
	'risk.answer.yes',
	'risk.answer.no',
	'risk.answer.unsure',
	'risk.unsureNote',
	'risk.readAsSafer',
	'risk.questionCount',
	'risk.outcome',
	'risk.yourAnswers',
	'risk.route.direct',
	'risk.route.partner',
	'risk.use',
	'risk.avoid',
	'risk.practices',
	'risk.scenario',
	'risk.because',
	'risk.always',
	'risk.clear',
	'risk.startAgain',
	'risk.share',
	'risk.shareNote',
	'risk.privacy',
	'risk.pending',

	...E2EE.map((v) => `e2ee.${v}` as const),
	...LOGGING.map((v) => `logs.${v}` as const),
	...PLATFORMS.map((v) => `platform.${v}` as const),
	...USE_CASES.map((v) => `useCase.${v}` as const),
	...TOOL_KINDS.map((v) => `kind.${v}` as const),
] as const;

export type UiKey = (typeof UI_KEYS)[number];

/** Schema for one language's interface strings; passed to Starlight's `i18nSchema({ extend })`. */
export const UiStringsSchema = () =>
	z.object(Object.fromEntries(UI_KEYS.map((key) => [key, z.string().min(1)])) as Record<UiKey, z.ZodString>);
