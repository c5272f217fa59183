/**
 * The nodes in n8n's own editor, in a real browser (Debian's Chromium driven by playwright-core): each
 * node is found in the node panel by name, added through its actions, its parameters open, and the
 * fields that belong to the chosen operation show while the others stay hidden. Screenshots of every
 * panel go to test-output/editor/ (git-ignored), in the light and the dark theme; icons must load in
 * both, each theme with its own icon file.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { chromium, selectors, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { prepareLocalN8n } from '../../scripts/lib/localN8n';
import { OWNER, serverEnv, startN8nServer, type N8nServer } from '../../scripts/lib/n8nServer';
import { startSandbox, type Sandbox } from '../sandbox';
import { REPO_ROOT } from './harness/n8nInstall';
import { CHROMIUM, CHROMIUM_FLAGS } from './harness/browser';

const SHOTS = join(REPO_ROOT, 'test-output', 'editor');

interface ActionCheck {
	action: string;
	shown: string[];
	hidden: string[];
}

const NODES: Array<{ name: string; icon: string; actions: ActionCheck[] }> = [
	{
		name: 'RuStore Push',
		icon: 'rustore',
		actions: [
			{ action: 'Send a push to a device', shown: ['Push Token', 'Define Message Using', 'Notification'], hidden: ['Topic', 'Push Tokens'] },
			{ action: 'Subscribe devices to a topic', shown: ['Topic', 'Push Tokens'], hidden: ['Push Token', 'Notification'] },
		],
	},
	{
		name: 'Sber SmartPush',
		icon: 'sber',
		actions: [
			{ action: 'Send a template push', shown: ['Project ID', 'Client ID (Sub)', 'Surface', 'Template ID'], hidden: ['Delivery Mode', 'Destinations'] },
			{ action: 'Send a push with delivery options', shown: ['Delivery Mode', 'Destinations', 'Time Frame'], hidden: ['Template ID'] },
		],
	},
	{
		name: 'EngageLab',
		icon: 'engagelab',
		actions: [
			{ action: 'Send a push to devices', shown: ['Audience', 'Platforms', 'Alert', 'Registration IDs'], hidden: ['Web Notification', 'Push (JSON)'] },
			{ action: 'Validate a push without sending it', shown: ['Audience', 'Platforms'], hidden: ['Web Notification'] },
		],
	},
];

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

let sandbox: Sandbox;
let server: N8nServer;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	sandbox = await startSandbox();
	const port = await freePort();
	const local = await prepareLocalN8n('editor', sandbox, serverEnv(port));
	server = await startN8nServer(local, port, 'ignore');
	// n8n marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await sandbox?.close();
});

async function signedIn(theme: 'light' | 'dark'): Promise<BrowserContext> {
	// n8n follows the system theme by default: the emulated colour scheme picks it.
	const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1440, height: 900 } });
	const login = await context.request.post(`${server.url}/rest/login`, {
		data: { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password },
	});
	expect(login.ok()).toBe(true);
	return context;
}

/** Adds the node through one of its actions from the node panel; the parameters panel opens. */
async function addThroughAction(page: Page, nodeName: string, action: string): Promise<void> {
	await page.goto(`${server.url}/workflow/new`);
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill(nodeName);
	await page.getByTestId('node-creator-item-name').getByText(nodeName, { exact: true }).click();
	await page.getByTestId('node-creator-item-name').getByText(action, { exact: true }).click();
	await page.getByTestId('ndv').waitFor({ state: 'visible' });
}

/** The labels of the parameters shown in the panel (a label's first line; the rest is its Fixed/Expression toggle). */
async function parameterLabels(page: Page): Promise<string[]> {
	const labels = await page.getByTestId('ndv').locator('label').allInnerTexts();
	return labels.map((label) => label.split('\n')[0].trim());
}

describe('The nodes in n8n\'s editor (Chromium)', () => {
	for (const theme of ['light', 'dark'] as const) {
		for (const node of NODES) {
			it(`${node.name}: found, added, its operations and fields shown and hidden, ${theme} theme`, async () => {
				const context = await signedIn(theme);
				const page = await context.newPage();
				try {
					for (const [index, check] of node.actions.entries()) {
						await addThroughAction(page, node.name, check.action);
						const labels = await parameterLabels(page);
						for (const field of check.shown) expect(labels).toContain(field);
						for (const field of check.hidden) expect(labels).not.toContain(field);
						await page.screenshot({ path: join(SHOTS, `${node.icon}-${index + 1}-${theme}.png`) });
						await page.keyboard.press('Escape');
					}
					// The node's icon on the canvas: loaded, and the themed file.
					const icon = page.locator(`[data-test-id="canvas-node"] img[src*="${node.icon}"]`).first();
					await icon.waitFor({ state: 'attached' });
					const { loaded, src } = await icon.evaluate((element) => {
						const img = element as unknown as { complete: boolean; naturalWidth: number; src: string };
						return { loaded: img.complete && img.naturalWidth > 0, src: img.src };
					});
					expect(loaded).toBe(true);
					expect(src.endsWith(`${node.icon}.dark.svg`)).toBe(theme === 'dark');
					await page.screenshot({ path: join(SHOTS, `${node.icon}-canvas-${theme}.png`) });
				} finally {
					await context.close();
				}
			}, 120_000);
		}
	}
});
