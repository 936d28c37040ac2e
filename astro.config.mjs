// @ts-check
// The guide this repository ships, built with the playbook generator as any organisation's guide
// is: Starlight with the playbook plugin, which reads the guide in ./content (README, "Make your
// own playbook").
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import playbook, { guideLocales } from 'safe-comms-playbook';

const guide = './content';

export default defineConfig({
	// Set SITE_URL to the public address when deploying, e.g. https://guide.example.org
	site: process.env.SITE_URL,
	integrations: [
		starlight({
			// Starlight asks for a title; the playbook shows `site.title` of content/i18n/<lang>.json.
			title: 'Safe communication playbook',
			// The guide's languages (content/data/languages.yaml), which Starlight needs before any plugin runs.
			...guideLocales(guide),
			plugins: [playbook({ content: guide })],
		}),
	],
});
