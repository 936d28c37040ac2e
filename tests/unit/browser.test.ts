import { describe, expect, test } from 'vitest';
import { chooseChromium, systemChromiumPaths, type Machine } from '../../src/pdf/browser';

const machine = (over: Partial<Machine>): Machine => ({ env: {}, platform: 'linux', arch: 'x64', exists: () => false, bundledInstalled: true, ...over });

describe('chooseChromium', () => {
	test('uses CHROME_PATH first, and stops when it names no file', () => {
		expect(chooseChromium(machine({ env: { CHROME_PATH: '/opt/chrome' }, exists: (p) => p === '/opt/chrome' || p === '/usr/bin/chromium' }))).toEqual({ kind: 'system', path: '/opt/chrome', from: 'CHROME_PATH' });
		expect(() => chooseChromium(machine({ env: { CHROME_PATH: '/opt/none' } }))).toThrow('CHROME_PATH is set to /opt/none, but there is no file there.');
	});

	test('uses an installed Chromium or Chrome in its usual place on Linux, macOS and Windows', () => {
		expect(chooseChromium(machine({ exists: (p) => p === '/usr/bin/google-chrome-stable' }))).toMatchObject({ kind: 'system', path: '/usr/bin/google-chrome-stable' });
		const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
		expect(chooseChromium(machine({ platform: 'darwin', arch: 'arm64', exists: (p) => p === mac }))).toMatchObject({ path: mac });
		const windows = systemChromiumPaths('win32', { PROGRAMFILES: 'C:\\Program Files' });
		expect(windows[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
		expect(chooseChromium(machine({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' }, exists: (p) => p === windows[0] }))).toMatchObject({ path: windows[0] });
	});

	test('falls back to the Chromium from npm on Linux x64', () => {
		expect(chooseChromium(machine({}))).toEqual({ kind: 'bundled' });
	});

	test('elsewhere, names the platform and the ways out', () => {
		const error = (() => {
			try {
				chooseChromium(machine({ platform: 'darwin', arch: 'arm64' }));
			} catch (e) {
				return (e as Error).message;
			}
		})();
		expect(error).toContain('No Chromium found.');
		expect(error).toContain('runs only on Linux x64, and this machine is darwin arm64');
		expect(error).toContain('set CHROME_PATH');
		expect(error).toContain('Install Chromium or Google Chrome');
	});

	test('says to run npm ci when the package is missing', () => {
		expect(() => chooseChromium(machine({ bundledInstalled: false }))).toThrow('@sparticuz/chromium, which ships one, is not installed: run `npm ci`');
	});
});
