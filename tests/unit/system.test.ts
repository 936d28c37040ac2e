import { describe, expect, test } from 'vitest';
import { locate, missingPrograms, serversRequired } from '../helpers/system';

describe('missingPrograms', () => {
	test('names a missing program, where it was looked for, how to install it and the variable that can name it', () => {
		expect(missingPrograms([{ name: 'nginx', path: '/nonexistent/sbin/nginx', install: 'apt-get install nginx', variable: 'NGINX_PATH' }])).toEqual([
			'no nginx at /nonexistent/sbin/nginx: install it (apt-get install nginx) or set NGINX_PATH',
		]);
		expect(missingPrograms([{ name: 'openssl', path: 'no-such-program-here', install: 'apt-get install openssl' }], { PATH: '/nonexistent' })).toEqual([
			'no openssl in PATH: install it (apt-get install openssl)',
		]);
	});

	test('finds a program by absolute path or in PATH, and then reports nothing', () => {
		expect(missingPrograms([{ name: 'node', path: process.execPath, install: '-' }])).toEqual([]);
		expect(locate('node', { PATH: `/nonexistent:${process.execPath.replace(/\/node$/, '')}` })).toBe(process.execPath);
	});

	test('requires the servers only when PLAYBOOK_REQUIRE_SERVERS is 1', () => {
		expect(serversRequired({ PLAYBOOK_REQUIRE_SERVERS: '1' })).toBe(true);
		expect(serversRequired({})).toBe(false);
	});
});
