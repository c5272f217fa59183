/**
 * The EngageLab sandbox against EngageLab's own pages, not against the node: it accepts every request
 * example of docs 003 and 004 and answers in their shapes, with the code and HTTP status of doc 004's
 * table for each cause it models.
 */
import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { windowClock } from '../../../dev/sandbox/rateWindow';
import { isAnswerOf } from '../../fixtures/provider-docs/facts';
import { answerFactById } from '../../fixtures/provider-docs/index';
import {
	engageLabAnswerExamples,
	engageLabCodeFactId,
	engageLabRequestExamples,
	type EngageLabDocExample,
} from '../../fixtures/provider-docs/engagelab';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, engagelab: { ratePerSecond: 500 } });
});

const basic = (user: string, secret: string) =>
	`Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
const APP = basic('app-key-1', 'master-secret-1');
const GROUP = basic('group-gk-1', 'group-secret-1');

async function post(
	example: Pick<EngageLabDocExample, 'endpoint'>,
	body: unknown,
	init: { authorization?: string; method?: string } = {},
) {
	const { product, path } = example.endpoint ?? { product: 'appPush', path: '/v4/push' };
	const base =
		product === 'webPush' ? sandbox.baseUrls.engagelabWeb : sandbox.baseUrls.engagelabApp;
	const response = await fetch(`${base}${path}`, {
		method: init.method ?? 'POST',
		headers: {
			authorization: init.authorization ?? (path === '/v4/grouppush' ? GROUP : APP),
			'content-type': 'application/json',
		},
		body: init.method === 'GET' ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const realWindowClock = windowClock.now;
afterEach(() => {
	windowClock.now = realWindowClock;
});

describe("EngageLab sandbox: the documents' requests", () => {
	it.each(engageLabRequestExamples.map((example) => [example.name, example]))(
		'accepts: %s',
		async (_name, example) => {
			const answer = await post(example, example.request);
			expect(answer.status).toBe(200);
			if (example.endpoint?.path === '/v4/grouppush') {
				// Doc 003: one entry per AppKey of the group, plus group_msgid.
				expect(answer.json).toMatchObject({
					group_msgid: expect.any(String),
					'app-key-1': { request_id: '12345678', msg_id: expect.any(String) },
				});
			} else {
				// Doc 004: {"request_id": "18", "msg_id": "1828256757"}, msg_id as text.
				expect(answer.json).toEqual({
					request_id: (example.request as { request_id?: string }).request_id ?? '',
					msg_id: expect.stringMatching(/^\d+$/),
				});
			}
		},
	);

	it('delivers a group push every time: no document says a cid de-duplicates it', async () => {
		const group = engageLabRequestExamples[0];
		const body = {
			...group.request,
			body: { ...(group.request!.body as object), options: { cid: 'c1' } },
		};
		await post(group, body);
		await post(group, body);
		expect(sandbox.deliveries).toHaveLength(6);
	});

	it('delivers a push with a cid already used by this AppKey once (doc 004, options.cid)', async () => {
		const web = engageLabRequestExamples[1];
		const body = {
			...web.request,
			body: { ...(web.request!.body as object), options: { cid: 'c1' } },
		};
		const first = await post(web, body);
		const second = await post(web, body);
		expect(second.json.msg_id).toBe(first.json.msg_id);
		expect(sandbox.deliveries).toHaveLength(1);
	});
});

/** The documented codes whose cause the sandbox models, and a request that causes each. */
const web = engageLabRequestExamples[1];
const webBody = web.request as { body: Record<string, unknown> };
const causes: Record<number, () => ReturnType<typeof post>> = {
	20101: () => post(web, { ...webBody, to: { registration_id: ['foreign-1', 'rid-1'] } }),
	21001: () => post(web, undefined, { method: 'GET' }),
	21002: () => post(web, { to: 'all' }),
	21003: () => post(web, { ...webBody, body: { ...webBody.body, platform: 'android' } }),
	21004: () => post(web, webBody, { authorization: basic('app-key-1', 'wrong') }),
	21005: () =>
		post(web, {
			...webBody,
			body: { platform: 'web', message: { msg_content: 'x'.repeat(4001) } },
		}),
	21011: () => post(web, { ...webBody, to: { registration_id: ['unknown-1'] } }),
	21016: () =>
		post(web, {
			...webBody,
			body: { ...webBody.body, options: { override_msg_id: '1828256757' } },
		}),
	23006: () =>
		post(web, { ...webBody, body: { ...webBody.body, options: { big_push_duration: 1441 } } }),
};

describe("EngageLab sandbox: the documents' answers", () => {
	it('nests App Push errors in "error", as the SDKs read them', async () => {
		const answer = await post({}, { to: 'all' });
		const fact = answerFactById.get(engageLabCodeFactId(21002, false))!;
		expect(answer.status).toBe(fact.answer!.httpStatus);
		expect(isAnswerOf(fact, answer.json)).toBe(true);
	});

	const table = engageLabAnswerExamples.filter(
		(example) => example.expected?.code !== undefined && causes[example.expected.code],
	);
	it.each(table.map((example) => [example.name, example]))(
		'answers %s with its code and HTTP status',
		async (_name, example) => {
			const answer = await causes[example.expected!.code!]();
			expect(answer.status).toBe(example.answer!.httpStatus);
			// Doc 004 (Web Push) answers flat: {"code": ..., "message": ...}.
			expect(answer.json).toEqual({ code: example.expected!.code, message: expect.any(String) });
		},
	);

	it('answers 23008 (its HTTP status) above the rate per AppKey', async () => {
		sandbox.configure({ engagelab: { ratePerSecond: 2 } });
		// The burst counts as one instant, however busy the machine.
		windowClock.now = () => 1_000_000;
		const answers = await Promise.all([1, 2, 3, 4].map(() => post(web, webBody)));
		const limited = answers.filter((answer) => answer.status !== 200);
		expect(limited.length).toBeGreaterThan(0);
		const documented = answerFactById.get(engageLabCodeFactId(23008, true))!.answer!;
		for (const answer of limited)
			expect(answer).toMatchObject({ status: documented.httpStatus, json: { code: 23008 } });
	});
});
