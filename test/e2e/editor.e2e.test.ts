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

import {
	chromium,
	selectors,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from 'playwright-core';

import { prepareLocalN8n } from '../../dev/n8n/localN8n';
import { OWNER, serverEnv, startN8nServer, type N8nServer } from '../../dev/n8n/n8nServer';
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { REPO_ROOT } from '../../dev/n8n/n8nInstall';
import { readSavedWorkflows } from '../fixtures/savedWorkflows';
import { CHROMIUM, CHROMIUM_FLAGS } from './harness/browser';

const SHOTS = join(REPO_ROOT, 'test-output', 'editor');

interface ActionCheck {
	action: string;
	/** The resource and operation the action must open (their dropdowns' shown values). */
	opens: { resource: string; operation: string };
	/** The sandbox credential chosen for it (names from dev/n8n/localN8n.ts). */
	credential: string;
	shown: string[];
	hidden: string[];
}

/** `shots` names the screenshots when two nodes share an icon (default: the icon's name). */
const NODES: Array<{ name: string; icon: string; shots?: string; actions: ActionCheck[] }> = [
	{
		name: 'RuStore Push',
		icon: 'rustore',
		actions: [
			{
				action: 'Send a push to a device',
				credential: 'RuStore (sandbox)',
				opens: { resource: 'Message', operation: 'Send' },
				shown: ['Push Token', 'Define Message Using', 'Notification'],
				hidden: ['Topic', 'Push Tokens'],
			},
			{
				action: 'Send a push to many devices',
				credential: 'RuStore (sandbox)',
				opens: { resource: 'Message', operation: 'Send to Many' },
				shown: ['Push Tokens', 'Notification'],
				hidden: ['Push Token', 'Topic'],
			},
			{
				action: 'Subscribe devices to a topic',
				credential: 'RuStore (sandbox)',
				opens: { resource: 'Topic', operation: 'Subscribe' },
				shown: ['Topic', 'Push Tokens'],
				hidden: ['Push Token', 'Notification'],
			},
		],
	},
	{
		name: 'RuStore Universal Push',
		icon: 'rustore',
		shots: 'rustore-universal',
		actions: [
			{
				action: 'Send a universal push to devices',
				credential: 'RuStore Universal (sandbox)',
				opens: { resource: 'Universal', operation: 'Send' },
				shown: [
					'RuStore Tokens',
					'FCM Tokens',
					'HMS Tokens',
					'Define Message Using',
					'Notification',
				],
				hidden: ['Topic', 'Push Token'],
			},
			{
				action: 'Send a universal push to a topic',
				credential: 'RuStore Universal (sandbox)',
				opens: { resource: 'Universal', operation: 'Send to Topic' },
				shown: ['Topic', 'Define Message Using', 'Notification'],
				hidden: ['RuStore Tokens', 'FCM Tokens', 'HMS Tokens'],
			},
		],
	},
	{
		name: 'Sber SmartPush',
		icon: 'sber',
		actions: [
			{
				action: 'Send a template push',
				credential: 'Sber SmartPush (sandbox)',
				opens: { resource: 'Push', operation: 'Send (Lite)' },
				shown: [
					'Project ID',
					'Client ID (Sub)',
					'Surface',
					'Template ID',
					'Header Variables (JSON)',
					'Callback',
				],
				hidden: ['Delivery Mode', 'Destinations'],
			},
			{
				action: 'Send a push with delivery options',
				credential: 'Sber SmartPush (sandbox)',
				opens: { resource: 'Push', operation: 'Send (Extended)' },
				shown: ['Delivery Mode', 'Destinations', 'Time Frame', 'Callback'],
				hidden: ['Template ID'],
			},
		],
	},
	{
		name: 'EngageLab',
		icon: 'engagelab',
		actions: [
			{
				action: 'Send a push to devices',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Push', operation: 'Send' },
				// No Product: the credential's decides. Recipients are added one kind at a time.
				shown: ['Audience', 'Recipients', 'Platforms', 'Alert', 'Web Notification'],
				hidden: ['Product', 'Registration IDs', 'Tags AND', 'Segment ID', 'Push (JSON)'],
			},
			{
				action: 'Validate a push without sending it',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Push', operation: 'Validate' },
				shown: ['Audience', 'Recipients', 'Platforms'],
				hidden: ['Product', 'Registration IDs'],
			},
			{
				action: 'Send a push to all apps of a group',
				credential: 'EngageLab Group (sandbox)',
				opens: { resource: 'Group Push', operation: 'Send' },
				shown: ['Audience', 'Recipients', 'Platforms', 'Alert'],
				hidden: ['Product', 'Tags'],
			},
			{
				action: 'Get the statistics of messages',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Message', operation: 'Get Report' },
				shown: ['Message IDs'],
				hidden: ['Audience', 'Alert', 'Registration IDs'],
			},
			{
				action: 'Recall a message',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Message', operation: 'Recall' },
				shown: ['Message ID'],
				hidden: ['Message IDs', 'Audience'],
			},
			{
				action: 'Create a scheduled push',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Schedule', operation: 'Create' },
				shown: ['Name', 'When', 'Time', 'Audience', 'Recipients', 'Alert'],
				hidden: ['Schedule ID', 'Page', 'Enabled', 'Product'],
			},
			{
				action: 'List scheduled pushes',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Schedule', operation: 'List' },
				shown: ['Page'],
				hidden: ['Audience', 'Alert', 'Name'],
			},
			{
				action: "Set or remove a device's tags and alias",
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Device', operation: 'Update' },
				shown: ['Registration ID', 'Tags to Add', 'Tags to Remove', 'Alias Change'],
				hidden: ['Audience', 'Alias'],
			},
			{
				action: 'Count the devices of tags',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Tag', operation: 'Count Devices' },
				shown: ['Tags', 'Platform'],
				hidden: ['Audience', 'Tag'],
			},
			{
				action: 'Get the devices of an alias',
				credential: 'EngageLab App Push (sandbox)',
				opens: { resource: 'Alias', operation: 'Get' },
				shown: ['Alias', 'Platform'],
				hidden: ['Audience'],
			},
		],
	},
];

/** The trigger nodes: no actions, one panel each; the URL to paste into the provider shows in it. */
const TRIGGERS: Array<{
	name: string;
	/** The trigger action picked in the node panel. */
	action: string;
	/** The event kind that action chooses in the Events field. */
	events?: string;
	icon: string;
	credential: string;
	shown: string[];
	hidden: string[];
	/** The set-up order in the notice above the fields. */
	setUp: RegExp;
	/** The same in the trigger panel's executions help (n8n's triggerPanel). */
	help: RegExp;
}> = [
	{
		name: 'EngageLab Trigger',
		action: 'On delivered',
		events: 'Delivered',
		icon: 'engagelab',
		credential: 'EngageLab Callback (sandbox)',
		shown: ['Verify Signature', 'Timestamp Window (Seconds)', 'Events'],
		hidden: ['Audience', 'Registration IDs'],
		setUp: /publish the workflow first, then paste this node's Production URL into EngageLab/i,
		help: /To receive EngageLab's callbacks, publish the workflow first, then paste the Production URL/i,
	},
	{
		name: 'Sber SmartPush Trigger',
		action: 'On new Sber SmartPush event',
		icon: 'sber',
		credential: 'Sber SmartPush Callback (sandbox)',
		shown: [],
		hidden: ['Project ID', 'Destinations'],
		setUp: /publish the workflow first, then put this node's Production URL/i,
		help: /To receive Sber's statuses, publish the workflow first, then put the Production URL/i,
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
	const context = await browser.newContext({
		colorScheme: theme,
		viewport: { width: 1440, height: 900 },
	});
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
	const item = page.getByTestId('node-creator-item-name').getByText(action, { exact: true });
	// A provider with a trigger node lists its triggers first, and on an empty workflow folds the actions.
	const actions = page.getByText(/^Actions \(\d+\)$/);
	await item.or(actions).first().waitFor({ state: 'visible' });
	if (!(await item.isVisible())) await actions.click();
	await item.click();
	await page.getByTestId('ndv').waitFor({ state: 'visible' });
}

/** Adds a trigger node from the node panel of an empty workflow; its parameters panel opens. */
async function addTrigger(page: Page, nodeName: string, action: string): Promise<void> {
	await page.goto(`${server.url}/workflow/new`);
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill(nodeName);
	// n8n lists a trigger under its provider's name (without "Trigger"), its events as "On …" actions.
	const provider = nodeName.replace(/ Trigger$/, '');
	await page.getByTestId('node-creator-item-name').getByText(provider, { exact: true }).click();
	await page.getByTestId('node-creator-item-name').getByText(action, { exact: true }).click();
	await page.getByTestId('ndv').waitFor({ state: 'visible' });
}

/** The value a dropdown parameter shows. */
async function shownValue(page: Page, parameter: string): Promise<string> {
	return await page
		.getByTestId('ndv')
		.getByTestId(`parameter-input-${parameter}`)
		.locator('input')
		.first()
		.inputValue();
}

/** The credential the node's credential dropdown shows as chosen (n8n picks the one of the right type). */
async function chosenCredential(page: Page): Promise<string> {
	return await page
		.getByTestId('ndv')
		.getByTestId('node-credentials-select')
		.locator('input')
		.first()
		.inputValue();
}

/**
 * Opens a dropdown and clicks one of its items. A click sometimes lands while a dropdown is still
 * closing from the last choice, so the dropdown is opened again until the item shows.
 */
async function pick(page: Page, dropdown: Locator, item: Locator): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await dropdown.click();
		try {
			await item.waitFor({ state: 'visible', timeout: 3_000 });
			break;
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
	await item.click();
}

/** Chooses a sandbox credential in the node's credential dropdown, unless n8n already has. */
async function useCredential(page: Page, name: string): Promise<void> {
	if ((await chosenCredential(page)) !== name) {
		const dropdown = page
			.getByTestId('ndv')
			.getByTestId('node-credentials-select')
			.locator('input')
			.first();
		await pick(
			page,
			dropdown,
			page.locator('[data-test-id^="node-credentials-select-item-"]:visible', { hasText: name }),
		);
	}
	expect(await chosenCredential(page)).toBe(name);
}

/** Picks an option of a dropdown parameter by its shown name. */
async function choose(page: Page, parameter: string, option: string): Promise<void> {
	const dropdown = page
		.getByTestId('ndv')
		.getByTestId(`parameter-input-${parameter}`)
		.locator('input')
		.first();
	await pick(
		page,
		dropdown,
		page.locator('.el-select-dropdown__item:visible').getByText(option, { exact: true }),
	);
	expect(await shownValue(page, parameter)).toBe(option);
}

/** Adds one kind of recipient to EngageLab's Recipients collection (empty until the user adds one). */
async function addRecipients(page: Page, kind: string): Promise<void> {
	const ndv = page.getByTestId('ndv');
	const add = ndv.getByPlaceholder('Add Recipients').or(ndv.getByText('Add Recipients'));
	const item = page
		.locator('.el-select-dropdown__item:visible, [role="menuitem"]:visible')
		.getByText(kind, { exact: true });
	await pick(page, add.first(), item.first());
}

/** The labels of the parameters shown in the panel (a label's first line; the rest is its Fixed/Expression toggle). */
/** The node's icon on the canvas: loaded, and the file of the theme. */
async function expectThemedIcon(page: Page, icon: string, theme: 'light' | 'dark'): Promise<void> {
	const image = page.locator(`[data-test-id="canvas-node"] img[src*="${icon}"]`).first();
	await image.waitFor({ state: 'attached' });
	const { loaded, src } = await image.evaluate((element) => {
		const img = element as unknown as { complete: boolean; naturalWidth: number; src: string };
		return { loaded: img.complete && img.naturalWidth > 0, src: img.src };
	});
	expect(loaded).toBe(true);
	expect(src.endsWith(`${icon}.dark.svg`)).toBe(theme === 'dark');
}

async function parameterLabels(page: Page): Promise<string[]> {
	const labels = await page.getByTestId('ndv').locator('label').allInnerTexts();
	return labels.map((label) => label.split('\n')[0].trim());
}

describe("The nodes in n8n's editor (Chromium)", () => {
	for (const theme of ['light', 'dark'] as const) {
		for (const node of NODES) {
			it(`${node.name}: found, added, its operations and fields shown and hidden, ${theme} theme`, async () => {
				const context = await signedIn(theme);
				const page = await context.newPage();
				try {
					for (const [index, check] of node.actions.entries()) {
						await addThroughAction(page, node.name, check.action);
						expect({
							resource: await shownValue(page, 'resource'),
							operation: await shownValue(page, 'operation'),
						}).toEqual(check.opens);
						await useCredential(page, check.credential);
						const labels = await parameterLabels(page);
						for (const field of check.shown) expect(labels).toContain(field);
						for (const field of check.hidden) expect(labels).not.toContain(field);
						await page.screenshot({
							path: join(SHOTS, `${node.shots ?? node.icon}-${index + 1}-${theme}.png`),
						});
						await page.keyboard.press('Escape');
					}
					await expectThemedIcon(page, node.icon, theme);
					await page.screenshot({
						path: join(SHOTS, `${node.shots ?? node.icon}-canvas-${theme}.png`),
					});
				} catch (error) {
					// What the panel showed when a check failed, for the one who reads the failure.
					await page.screenshot({
						path: join(SHOTS, `${node.shots ?? node.icon}-failed-${theme}.png`),
					});
					throw error;
				} finally {
					await context.close();
				}
			}, 120_000);
		}
	}

	for (const theme of ['light', 'dark'] as const) {
		for (const trigger of TRIGGERS) {
			it(`${trigger.name}: found, added, its credential, fields and webhook URL shown, ${theme} theme`, async () => {
				const context = await signedIn(theme);
				const page = await context.newPage();
				const shot = `${trigger.icon}-trigger`;
				try {
					await addTrigger(page, trigger.name, trigger.action);
					await useCredential(page, trigger.credential);
					const labels = await parameterLabels(page);
					// n8n 1.x renders a boolean's name outside a <label>: look for it in the panel's text.
					const panelText = await page.getByTestId('ndv').innerText();
					for (const field of trigger.shown) expect(panelText).toContain(field);
					for (const field of trigger.hidden) expect(labels).not.toContain(field);
					// Publish first, then paste: in the notice, and in the trigger panel's help (n8n's triggerPanel).
					expect(panelText).toMatch(trigger.setUp);
					await page.getByText('When will this node trigger my flow?').first().click();
					await page.getByText(trigger.help).first().waitFor({ state: 'visible' });
					// The production URL a person pastes into the provider's settings.
					const ndv = page.getByTestId('ndv');
					await ndv.getByText('Webhook URLs').first().click();
					// Exact: the set-up notice and help mention the Production URL too.
					await ndv.getByText('Production URL', { exact: true }).first().click();
					const url = new RegExp(`^${server.url}/webhook/[0-9a-f-]{36}/(webhook|status)$`);
					await ndv.getByText(url).first().waitFor({ state: 'visible' });
					if (trigger.events)
						expect(await ndv.getByTestId('parameter-input-events').innerText()).toContain(
							trigger.events,
						);
					await page.screenshot({ path: join(SHOTS, `${shot}-${theme}.png`) });
					await page.keyboard.press('Escape');
					await expectThemedIcon(page, trigger.icon, theme);
					await page.screenshot({ path: join(SHOTS, `${shot}-canvas-${theme}.png`) });
				} catch (error) {
					await page.screenshot({ path: join(SHOTS, `${shot}-failed-${theme}.png`) });
					throw error;
				} finally {
					await context.close();
				}
			}, 300_000);
		}
	}

	it('EngageLab: switching the resource switches the credential, and the push then goes out with the right key', async () => {
		const context = await signedIn('light');
		const page = await context.newPage();
		try {
			await addThroughAction(page, 'EngageLab', 'Send a push to devices');
			await useCredential(page, 'EngageLab App Push (sandbox)');
			await choose(page, 'resource', 'Group Push');
			expect(await shownValue(page, 'operation')).toBe('Send');
			// n8n drops the app key (or picks the group one); it never keeps a key of the wrong kind.
			expect(await chosenCredential(page)).not.toBe('EngageLab App Push (sandbox)');
			await useCredential(page, 'EngageLab Group (sandbox)');
			await choose(page, 'resource', 'Push');
			expect(await chosenCredential(page)).not.toBe('EngageLab Group (sandbox)');
			await useCredential(page, 'EngageLab App Push (sandbox)');
			await addRecipients(page, 'Registration IDs');
			await page
				.getByTestId('ndv')
				.getByTestId('parameter-input-registrationIds')
				.locator('textarea')
				.fill('rid-editor-1');
			await page
				.getByTestId('ndv')
				.getByTestId('parameter-input-alert')
				.locator('textarea, input')
				.first()
				.fill('Sent from the editor');
			const before = sandbox.requests.length;
			await page.getByTestId('node-execute-button').first().click();
			await page
				.getByTestId('output-panel')
				.getByText('rid-editor-1')
				.first()
				.waitFor({ state: 'visible' });
			const sent = sandbox.requests
				.slice(before)
				.filter((request) => request.path.endsWith('/v4/push'));
			expect(sent).toHaveLength(1);
			expect(sent[0].headers.authorization).toBe(
				`Basic ${Buffer.from('app-key-1:master-secret-1').toString('base64')}`,
			);
		} catch (error) {
			await page.screenshot({ path: join(SHOTS, 'engagelab-switch-failed.png') });
			throw error;
		} finally {
			await context.close();
		}
	}, 120_000);

	it('RuStore: after a run of many items one per push, the output pane hints at Send to Many and the campaign example', async () => {
		const context = await signedIn('light');
		const page = await context.newPage();
		try {
			// Manual Trigger → 120 items → Message → Send, one push per item.
			const tokens = Array.from({ length: 120 }, (_, n) => `hint-${n}`);
			const created = await context.request.post(`${server.url}/rest/workflows`, {
				data: {
					name: 'Per-item hint',
					active: false,
					settings: { executionOrder: 'v1' },
					nodes: [
						{
							id: 'hint-t',
							name: 'Start',
							type: 'n8n-nodes-base.manualTrigger',
							typeVersion: 1,
							position: [0, 0],
							parameters: {},
						},
						{
							id: 'hint-c',
							name: 'Devices',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							position: [220, 0],
							parameters: {
								jsCode: `return ${JSON.stringify(tokens)}.map((token) => ({ json: { token } }));`,
							},
						},
						{
							id: 'hint-p',
							name: 'RuStore Push',
							type: 'n8n-nodes-push-gateways.ruStorePush',
							typeVersion: 1,
							position: [440, 0],
							credentials: { ruStorePushApi: { id: 'sandboxRuStore', name: 'RuStore (sandbox)' } },
							parameters: {
								resource: 'message',
								operation: 'send',
								recipient: '={{ $json.token }}',
								notification: { title: 'Hello' },
								delivery: { requestsPerSecond: 1000 },
							},
						},
					],
					connections: {
						Start: { main: [[{ node: 'Devices', type: 'main', index: 0 }]] },
						Devices: { main: [[{ node: 'RuStore Push', type: 'main', index: 0 }]] },
					},
				},
			});
			expect(created.ok()).toBe(true);
			const body = (await created.json()) as { id?: string; data?: { id: string } };
			const id = body.data?.id ?? body.id;
			await page.goto(`${server.url}/workflow/${id}`);
			await page.getByTestId('execute-workflow-button').first().click();
			await page.getByTestId('canvas-node').filter({ hasText: 'RuStore Push' }).first().dblclick();
			const hint = page
				.getByTestId('output-panel')
				.getByText('This node sent one push per input item', { exact: false })
				.first();
			await hint.waitFor({ state: 'visible', timeout: 60_000 });
			expect(await hint.innerText()).toContain('Send to Many');
			expect(await hint.innerText()).toContain('Campaign to every stored token');
			expect(
				sandbox.deliveries.filter((delivery) => delivery.target.startsWith('hint-')),
			).toHaveLength(120);
			await page.screenshot({ path: join(SHOTS, 'rustore-per-item-hint-light.png') });
		} catch (error) {
			await page.screenshot({ path: join(SHOTS, 'rustore-per-item-hint-failed.png') });
			throw error;
		} finally {
			await context.close();
		}
	}, 180_000);
	it.each([
		[
			'v010ElIds',
			'EngageLab',
			['Product', 'Registration IDs', 'Tags', 'Tags AND', 'Tags NOT', 'Aliases', 'Segment ID'],
			['Recipients'],
		],
		[
			'v010SberLite',
			'Sber SmartPush',
			['Header Variables', 'Body Variables'],
			['Header Variables (JSON)'],
		],
	])(
		'%s: a node saved by 0.1.0 (typeVersion 1) opens with 0.1.0’s fields',
		async (workflowId, nodeName, shown, hidden) => {
			const { workflow } = readSavedWorkflows('0.1.0').find(
				(entry) => entry.workflow.id === workflowId,
			)!;
			const context = await signedIn('light');
			const page = await context.newPage();
			try {
				const { id: _id, ...data } = workflow;
				const created = await context.request.post(`${server.url}/rest/workflows`, {
					data: { ...data, active: false },
				});
				expect(created.ok()).toBe(true);
				const body = (await created.json()) as { id?: string; data?: { id: string } };
				await page.goto(`${server.url}/workflow/${body.data?.id ?? body.id}`);
				await page.getByTestId('canvas-node').filter({ hasText: nodeName }).first().dblclick();
				await page.getByTestId('ndv').waitFor({ state: 'visible' });
				const labels = await parameterLabels(page);
				for (const field of shown) expect(labels).toContain(field);
				for (const field of hidden) expect(labels).not.toContain(field);
				await page.screenshot({ path: join(SHOTS, `${workflowId}-version1-light.png`) });
			} catch (error) {
				await page.screenshot({ path: join(SHOTS, `${workflowId}-version1-failed.png`) });
				throw error;
			} finally {
				await context.close();
			}
		},
		120_000,
	);
});
