import { readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

import type { Sandbox } from '../sandbox';
import { n8nEnv, runCli } from './cli';
import { installPackage } from './installPackage';
import { DEFAULT_N8N_VERSION, ensureN8n, REPO_ROOT, type N8nInstall } from './n8nInstall';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The secrets the sandbox's callback credentials hold (the trigger examples and tests sign with them). */
export const SANDBOX_CALLBACK = {
	engageLabSecret: 'sandbox-callback-secret',
	engageLabUsername: 'sandbox-user',
	sberUrlSecret: 'sandbox-sber-url-secret-0001',
	// The Sber example's trigger (its webhookId) on `npm start`'s n8n: the send builds its callback URL from it.
	sberTriggerUrl: 'http://localhost:5678/webhook/b6e5d2f3-7a2c-4d2f-8c9b-4f1a6d3e8c22/status',
};

/** Sandbox credentials for every credential type, with the ids the example workflows reference. */
export function sandboxCredentials(sandbox: Sandbox) {
	return [
		{
			id: 'sandboxRuStore',
			name: 'RuStore (sandbox)',
			type: 'ruStorePushApi',
			data: {
				projectId: 'sandbox-project',
				serviceToken: 'sandbox-service-token',
				sendBaseUrl: sandbox.baseUrls.rustoreSend,
				topicsBaseUrl: sandbox.baseUrls.rustoreTopics,
			},
		},
		{
			id: 'sandboxSber',
			name: 'Sber SmartPush (sandbox)',
			type: 'sberSmartPushApi',
			data: {
				authMode: 'clientSecret',
				clientId: 'sandbox-client',
				clientSecret: 'sandbox-secret',
				scope: 'SMART_PUSH',
				tokenUrl: `${sandbox.baseUrls.sber}/api/v2/oauth`,
				baseUrl: sandbox.baseUrls.sber,
				ignoreSslIssues: false,
			},
		},
		{
			id: 'sandboxEngageLab',
			name: 'EngageLab App Push (sandbox)',
			type: 'engageLabApi',
			data: {
				appKey: 'app-key-1',
				masterSecret: 'master-secret-1',
				product: 'appPush',
				dataCenter: 'custom',
				customBaseUrl: sandbox.baseUrls.engagelabApp,
			},
		},
		{
			id: 'sandboxEngageLabGroup',
			name: 'EngageLab Group (sandbox)',
			type: 'engageLabGroupApi',
			data: {
				groupKey: 'gk-1',
				groupMasterSecret: 'group-secret-1',
				product: 'appPush',
				dataCenter: 'custom',
				customBaseUrl: sandbox.baseUrls.engagelabApp,
			},
		},
		{
			id: 'sandboxRuStoreUniversal',
			name: 'RuStore Universal (sandbox)',
			type: 'ruStoreUniversalApi',
			data: {
				projectId: sandbox.rustoreUniversal.options.projectId,
				serviceToken: sandbox.rustoreUniversal.options.serviceToken,
				universalBaseUrl: sandbox.baseUrls.rustoreUniversal,
				useFcm: true,
				fcmServiceAccountPrivateKey: sandbox.rustoreUniversal.serviceAccountKey,
				googleTokenUrl: `${sandbox.baseUrls.googleToken}/token`,
				useHms: true,
				hmsProjectId: sandbox.rustoreUniversal.options.hmsProjectId,
				hmsAppId: sandbox.rustoreUniversal.options.hmsAppId,
				hmsClientSecret: sandbox.rustoreUniversal.options.hmsClientSecret,
				huaweiTokenUrl: `${sandbox.baseUrls.huaweiToken}/oauth2/v3/token`,
			},
		},
		{
			id: 'sandboxEngageLabCallback',
			name: 'EngageLab Callback (sandbox)',
			type: 'engageLabCallbackApi',
			data: {
				callbackSecret: SANDBOX_CALLBACK.engageLabSecret,
				username: SANDBOX_CALLBACK.engageLabUsername,
			},
		},
		{
			id: 'sandboxSberCallback',
			name: 'Sber SmartPush Callback (sandbox)',
			type: 'sberSmartPushCallbackApi',
			data: {
				urlSecret: SANDBOX_CALLBACK.sberUrlSecret,
				triggerUrl: SANDBOX_CALLBACK.sberTriggerUrl,
			},
		},
	];
}

export interface ExampleWorkflow {
	id: string;
	name: string;
	file: string;
	/** Has a Manual Trigger, so `n8n execute` can run it; the others start only from a webhook trigger. */
	startsManually: boolean;
}

export function exampleWorkflows(): ExampleWorkflow[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as {
				id: string;
				name: string;
				nodes: Array<{ type: string }>;
			};
			const startsManually = workflow.nodes.some(
				(node) => node.type === 'n8n-nodes-base.manualTrigger',
			);
			return { id: workflow.id, name: workflow.name, file, startsManually };
		});
}

export interface LocalN8n {
	n8n: N8nInstall;
	userFolder: string;
	env: NodeJS.ProcessEnv;
}

/**
 * A fresh user folder under .cache/ with this package installed as a community package, the sandbox
 * credentials and the example workflows imported. Expects a fresh build.
 */
export async function prepareLocalN8n(
	name: string,
	sandbox: Sandbox,
	extraEnv: Record<string, string> = {},
): Promise<LocalN8n> {
	const n8n = ensureN8n();
	// Another n8n version (npm run test:compat) gets a folder of its own: user data is not portable back.
	const folder = n8n.version === DEFAULT_N8N_VERSION ? name : `${name}-n8n-${n8n.version}`;
	// One folder per checkout: checkouts that share a .cache (worktrees linking one cache) must not
	// delete each other's n8n database under a running n8n (its sessions then answer 401).
	const checkout = createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 8);
	const userFolder = join(REPO_ROOT, '.cache', `${folder}-${checkout}`);
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder);
	const env = n8nEnv(userFolder, extraEnv);
	const credentialsFile = join(userFolder, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandbox)));
	const workflowsFile = join(userFolder, 'workflows.json');
	writeFileSync(
		workflowsFile,
		JSON.stringify(
			exampleWorkflows().map(({ file }) =>
				JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')),
			),
		),
	);
	for (const [command, file] of [
		['import:credentials', credentialsFile],
		['import:workflow', workflowsFile],
	]) {
		const result = await runCli(n8n, [command, `--input=${file}`], env);
		if (result.code !== 0)
			throw new Error(`n8n ${command} failed:\n${result.stdout}\n${result.stderr}`);
	}
	return { n8n, userFolder, env };
}
