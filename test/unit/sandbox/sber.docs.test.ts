import { randomUUID } from 'node:crypto';

import { serviceCodeOf } from '../../../nodes/SberSmartPush/errors';
import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { windowClock } from '../../../dev/sandbox/rateWindow';
import { sberDocExamples, type SberDocExample } from '../../fixtures/provider-docs/sber';

/**
 * The Sber sandbox against Sber's page and SDK examples, not against the node: it takes every
 * request they send (the time frame in each destination, no priority, either case of delivery
 * mode, wrapped or not) and answers in the page's shape.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({
		faults: {},
		latencyMs: 0,
		sber: {
			ratePerSecond: undefined,
			extendedBody: 'either',
			templates: {
				'49061553-27c7-4471-9145-d8d6137657da': {
					header: ['clientname', 'bandname'],
					body: ['formatname', 'bandname', 'releasename'],
				},
			},
		},
	});
});

async function token(): Promise<string> {
	const response = await fetch(`${sandbox.baseUrls.sber}/api/v2/oauth`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}`,
			rquid: randomUUID(),
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'scope=SMART_PUSH',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

async function send(path: string, body: unknown) {
	const rquid = randomUUID();
	const response = await fetch(`${sandbox.baseUrls.sber}/api/v2/smartpush/${path}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${await token()}`,
			rquid,
			'content-type': 'application/json',
		},
		body: JSON.stringify(body),
	});
	return {
		rquid,
		status: response.status,
		json: (await response.json()) as Record<string, unknown>,
	};
}

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const projectOf = (body: Body): string =>
	String(body.projectId ?? (body.requestPayload ?? body).payload.sender.projectId);

describe.each(sberDocExamples.filter((example) => example.request))(
	'$name ($source)',
	(example: SberDocExample) => {
		it('is accepted, with the answer envelope of the page', async () => {
			const { path, body } = example.request!;
			sandbox.configure({ sber: { projectId: projectOf(body) } });
			const answer = await send(path, body);
			expect(answer.status).toBe(200);
			expect(answer.json).toMatchObject({ requestId: answer.rquid, code: 200 });
			expect(typeof answer.json.responseId).toBe('string');
			expect(typeof answer.json.timestamp).toBe('string');
			expect(serviceCodeOf(answer.json)).toBeUndefined();
			expect(sandbox.deliveries).toHaveLength(1);
		});
	},
);

const extended = sberDocExamples.find((example) => example.name === 'extended request')!.request!
	.body as Body;
const withPayload = (change: (payload: Body) => void): Body => {
	const body = structuredClone(extended);
	change(body.payload);
	return body;
};
const destination = (payload: Body): Body => payload.deliveryConfig.destinations[0];

const realWindowClock = windowClock.now;
afterEach(() => {
	windowClock.now = realWindowClock;
});

describe('answers a broken request with its service code, in the page’s 400 shape', () => {
	it.each<[number, string, Body]>([
		[
			1000,
			'a protocol version over 16 characters',
			{ ...extended, protocolVersion: 'V'.repeat(17) },
		],
		[
			1000,
			'a time frame in deliveryConfig (there is no such field)',
			withPayload((payload) => {
				payload.deliveryConfig.timeFrame = destination(payload).templateContent.timeFrame;
			}),
		],
		[1001, 'no destination', withPayload((payload) => (payload.deliveryConfig.destinations = []))],
		[
			1002,
			'a client id type other than SUB',
			withPayload((payload) => (payload.recipient.clientId.idType = 'USER')),
		],
		[
			1004,
			'an unknown surface',
			withPayload((payload) => (destination(payload).surface = 'WATCH')),
		],
		[
			1006,
			'mobile and device parameters together',
			withPayload(
				(payload) => (destination(payload).templateContent.deviceParameters = { deepLink: 'x' }),
			),
		],
		[
			1008,
			'a time written without seconds',
			withPayload(
				(payload) => (destination(payload).templateContent.timeFrame.startTime = '13:30'),
			),
		],
		[
			1009,
			'mobile app parameters on a device',
			withPayload((payload) => {
				destination(payload).surface = 'SBERBOX';
				destination(payload).channel = 'B2C';
			}),
		],
		[
			1016,
			'a template the project does not have',
			withPayload((payload) => (destination(payload).templateContent.id = 'nope')),
		],
		[
			1017,
			'variables the template does not use',
			withPayload((payload) => (destination(payload).templateContent.bodyValues = { other: 'x' })),
		],
	])('%i: %s', async (code, _case, body) => {
		sandbox.configure({ sber: { projectId: projectOf(body) } });
		const answer = await send('apprequest', body);
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({ requestId: answer.rquid, code: 400 });
		expect(serviceCodeOf(answer.json)?.code).toBe(code);
		expect(sandbox.deliveries).toHaveLength(0);
	});

	it('1014: over the sending limit', async () => {
		sandbox.configure({ sber: { projectId: projectOf(extended), ratePerSecond: 1 } });
		// The burst counts as one instant, however busy the machine.
		windowClock.now = () => 1_000_000;
		await send('apprequest', extended);
		const answer = await send('apprequest', extended);
		expect(serviceCodeOf(answer.json)?.code).toBe(1014);
	});
});
