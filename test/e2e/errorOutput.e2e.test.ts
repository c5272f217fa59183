/**
 * The error output tells the truth, in a real n8n: Push → Recall → Recall again (refused, On Error →
 * Continue (using error output)) → a Set node on the error output that reads what a user's branch
 * would read. n8n merges a paired input item into an item it routes by its json; the package pairs
 * failures by index, which n8n does not merge but still follows (nodes/shared/delivery/errorOutput.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { PACKAGE_NAME } from '../../dev/n8n/installPackage';
import { errorDetails, startE2E, type CredentialFixture, type E2E } from './harness';

let sandbox: Sandbox;
let n8n: E2E;

const engageLab = (credential: CredentialFixture, id: string, name: string, x: number) => ({
	id,
	name,
	type: `${PACKAGE_NAME}.engageLab`,
	typeVersion: 2,
	position: [x, 0],
	credentials: { engageLabApi: { id: credential.id, name: credential.name } },
});

const assignment = (name: string, value: string) => ({ id: name, name, value, type: 'string' });

function recallTwice(credential: CredentialFixture): IDataObject {
	const recall = { resource: 'message', operation: 'recall', messageId: '={{ $json.msgId }}' };
	return {
		id: 'eoRecallTwice',
		name: 'e2e error output',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'eo-0',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				...engageLab(credential, 'eo-1', 'Push', 220),
				parameters: {
					resource: 'push',
					operation: 'send',
					audience: 'targets',
					to: { registrationIds: 'rid-1' },
					alert: 'Hello',
				},
			},
			{ ...engageLab(credential, 'eo-2', 'Recall', 440), parameters: recall },
			{
				...engageLab(credential, 'eo-3', 'Recall Again', 660),
				parameters: recall,
				onError: 'continueErrorOutput',
			},
			{
				id: 'eo-4',
				name: 'On Error',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [880, 100],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							assignment('topStatus', "={{ $json.status ?? 'absent' }}"),
							assignment('topSuccess', "={{ String($json.success ?? 'absent') }}"),
							assignment('ownStatus', '={{ ($json.details ?? $json.message).status }}'),
							assignment('linkedMsgId', "={{ $('Recall').item.json.msgId }}"),
						],
					},
					options: {},
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Push', type: 'main', index: 0 }]] },
			Push: { main: [[{ node: 'Recall', type: 'main', index: 0 }]] },
			Recall: { main: [[{ node: 'Recall Again', type: 'main', index: 0 }]] },
			'Recall Again': { main: [[], [{ node: 'On Error', type: 'main', index: 0 }]] },
		},
	};
}

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	const credential: CredentialFixture = {
		id: 'eoEngageLab',
		name: 'EngageLab error output',
		type: 'engageLabApi',
		data: {
			appKey: 'app-key-1',
			masterSecret: 'master-secret-1',
			product: 'appPush',
			dataCenter: 'custom',
			customBaseUrl: sandbox.baseUrls.engagelabApp,
		},
	};
	await n8n.importCredentials([credential]);
	await n8n.importWorkflows([recallTwice(credential)]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});

describe('the error output in a real n8n: Push → Recall → Recall again', () => {
	it("carries the refused recall's own result, not the recall before it, and links back", async () => {
		const result = await n8n.execute('eoRecallTwice');
		expect(result.error).toBeUndefined();
		const msgId = result.outputs('Push')[0][0].json.msgId as string;
		expect(result.outputs('Recall')[0][0].json).toMatchObject({ status: 'sent', success: true });

		const [succeeded, failed] = result.outputs('Recall Again');
		expect(succeeded).toEqual([]);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/cannot be recalled/);
		expect(errorDetails(failed[0])).toMatchObject({ status: 'rejected', success: false, msgId });

		// What a branch on the error output reads: no status or success of the previous node at the
		// top, the node's own under details (message on n8n before 2.36), and item linking intact.
		expect(result.outputs('On Error')[0].map((item) => item.json)).toEqual([
			{ topStatus: 'absent', topSuccess: 'absent', ownStatus: 'rejected', linkedMsgId: msgId },
		]);
	}, 180_000);
});
