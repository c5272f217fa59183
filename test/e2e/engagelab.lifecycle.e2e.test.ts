import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { startE2E, type CredentialFixture, type E2E } from './harness';
import { PACKAGE_NAME } from '../../dev/n8n/installPackage';

let sandbox: Sandbox;
let n8n: E2E;
let credential: CredentialFixture;

/** Manual Trigger → each EngageLab node in turn, under its own name. */
function chain(id: string, steps: Array<[string, INodeParameters]>): IDataObject {
	const names = ['Start', ...steps.map(([name]) => name)];
	const nodes: IDataObject[] = [
		{
			id: `${id}-0`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...steps.map(([name, parameters], index) => ({
			id: `${id}-${index + 1}`,
			name,
			type: `${PACKAGE_NAME}.engageLab`,
			typeVersion: 2,
			position: [220 * (index + 1), 0],
			parameters,
			credentials: { engageLabApi: { id: credential.id, name: credential.name } },
		})),
	];
	const connections: IDataObject = {};
	names.slice(0, -1).forEach((name, index) => {
		connections[name] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	});
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const inDays = (days: number) =>
	new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

const push: INodeParameters = {
	resource: 'push',
	operation: 'send',
	audience: 'targets',
	// One registration id: one output item, so the next nodes run once (a second recall would be refused).
	to: { registrationIds: 'rid-1' },
	alert: 'Hello',
};

beforeAll(async () => {
	sandbox = await startSandbox();
	n8n = await startE2E();
	credential = {
		id: 'elLife',
		name: 'EngageLab lifecycle',
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
	await n8n.importWorkflows([
		chain('elReport', [
			['Send', push],
			['Report', { resource: 'message', operation: 'getReport', messageIds: '={{ $json.msgId }}' }],
			['Recall', { resource: 'message', operation: 'recall', messageId: '={{ $json.msgId }}' }],
		]),
		chain('elSchedule', [
			[
				'Create',
				{
					...push,
					resource: 'schedule',
					operation: 'createSchedule',
					scheduleName: 'Digest',
					triggerType: 'single',
					time: inDays(2),
				},
			],
			[
				'Get',
				{ resource: 'schedule', operation: 'getSchedule', scheduleId: '={{ $json.scheduleId }}' },
			],
			[
				'Delete',
				{
					resource: 'schedule',
					operation: 'deleteSchedule',
					scheduleId: '={{ $json.scheduleId }}',
				},
			],
		]),
		chain('elDevice', [
			[
				'Set Tags',
				{
					resource: 'device',
					operation: 'updateDevice',
					registrationId: 'rid-7',
					tagsToAdd: 'vip, ru',
					aliasAction: 'set',
					alias: 'user_7',
				},
			],
			[
				'Get Device',
				{
					resource: 'device',
					operation: 'getDevice',
					registrationId: '={{ $json.registrationId }}',
				},
			],
		]),
	]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());

describe('EngageLab after the send, in a real n8n', () => {
	it('sends a push, reads its report and recalls it', async () => {
		const result = await n8n.execute('elReport');
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);
		const [sent] = result.outputs('Send')[0];
		const msgId = sent.json.msgId as string;
		expect(result.outputs('Report')[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ status: 'sent', msgId, targets: 1, delivered: 1 }),
		]);
		expect(result.outputs('Recall')[0][0].json).toMatchObject({
			status: 'sent',
			msgId,
			recalled: true,
		});
		expect(sandbox.engagelab.lifecycle.messages.get(msgId)?.recalled).toBe(true);
	}, 120_000);

	it('creates a schedule, gets it and deletes it', async () => {
		const result = await n8n.execute('elSchedule');
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);
		const [created] = result.outputs('Create')[0];
		expect(created.json).toMatchObject({ status: 'sent', name: 'Digest' });
		// A list of tasks, as EngageLab's SDKs read it: one item per task, every field, the raw answer.
		expect(result.outputs('Get')[0]).toHaveLength(1);
		expect(result.outputs('Get')[0][0].json).toMatchObject({
			scheduleId: created.json.scheduleId,
			name: 'Digest',
			enabled: true,
			trigger: {
				single: {
					time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
					zone_type: 1,
				},
			},
			push: expect.objectContaining({ body: expect.any(Object) }),
			raw: [expect.objectContaining({ schedule_id: created.json.scheduleId, name: 'Digest' })],
		});
		expect(result.outputs('Delete')[0][0].json).toMatchObject({ deleted: true });
		expect(sandbox.engagelab.lifecycle.schedules.size).toBe(0);
	}, 120_000);

	it("sets a device's tags and alias and reads them back", async () => {
		const result = await n8n.execute('elDevice');
		expect(result.error).toBeUndefined();
		expect(result.ok).toBe(true);
		expect(result.outputs('Get Device')[0][0].json).toMatchObject({
			registrationId: 'rid-7',
			tags: ['vip', 'ru'],
			alias: 'user_7',
		});
	}, 120_000);
});
