import { randomUUID } from 'node:crypto';

import { startSandbox, type Sandbox } from '../../../dev/sandbox';
import { citationProblem, isAnswerOf } from '../../fixtures/provider-docs/facts';
import { answerFactById, answerFacts } from '../../fixtures/provider-docs/index';
import { universalFacts } from '../../fixtures/provider-docs/rustoreUniversal';
import { sberAnswerFacts, sberDocExamples } from '../../fixtures/provider-docs/sber';
import { engageLabAnswerFacts } from '../../fixtures/provider-docs/engagelab';
import { answerFrom } from '../../../dev/sandbox/documented';

/**
 * One copy of each documented answer: the sandbox's converted routes answer only through a fact of
 * test/fixtures/provider-docs (answerFrom), and every fact names its source. The walk below sends
 * every route of every mount what reaches its answers (the facts' own requests, an unknown path, a
 * 500, the 429 and 503 faults) and fails on an answer that no registered, cited fact holds.
 *
 * Mounts not converted yet answer in their own words; they are listed here by name, and the test
 * fails when the list and the sandbox disagree, so converting a mount means emptying its entry.
 */
const UNCONVERTED: Record<string, string> = {
	'/sber/api/v2/oauth': 'Sber’s NGW OAuth endpoint: a stand-in, not the SmartPush API',
	'/google-oauth': 'Google’s OAuth token endpoint: a stand-in, not a push provider’s API',
	'/huawei-oauth': 'Huawei’s OAuth token endpoint: a stand-in, not a push provider’s API',
};

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

const post = async (url: string, body: unknown) =>
	await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});

const mountOf = (path: string) =>
	Object.keys(UNCONVERTED)
		.concat(
			'/rustore',
			'/rustore-topics',
			'/rustore-universal',
			'/sber',
			'/engagelab-app',
			'/engagelab-web',
		)
		.filter((prefix) => path === prefix || path.startsWith(`${prefix}/`))
		.sort((a, b) => b.length - a.length)[0];

async function walk(): Promise<void> {
	const universal = sandbox.baseUrls.rustoreUniversal;
	const own = {
		rustore: {
			project_id: sandbox.rustoreUniversal.options.projectId,
			auth_token: sandbox.rustoreUniversal.options.serviceToken,
		},
	};
	// The pages' own examples, as written (their credentials are not the sandbox's), and with the
	// sandbox's RuStore credentials (success).
	for (const fact of universalFacts.filter((candidate) => candidate.request)) {
		await post(`${universal}${fact.route}`, fact.request);
		const { fcm: _fcm, ...tokens } = (fact.request!.tokens ?? {}) as Record<string, unknown>;
		await post(`${universal}${fact.route}`, {
			...fact.request,
			providers: own,
			...(fact.request!.tokens ? { tokens } : {}),
		});
	}
	await post(`${universal}/v1/send`, {
		providers: own,
		tokens: { rustore: ['expired-rs-1'] },
		message: { data: { k: 'v' } },
	});
	sandbox.rustoreUniversal.failNext(1);
	await post(`${universal}/v1/send`, {});
	// The OAuth stand-ins' own routes.
	await fetch(`${sandbox.baseUrls.googleToken}/token`, { method: 'POST', body: 'grant_type=x' });
	await fetch(`${sandbox.baseUrls.huaweiToken}/oauth2/v3/token`, {
		method: 'POST',
		body: 'grant_type=x',
	});
	await walkRuStore();
	await walkSber();
	await walkEngageLab();
	// Every mount: a path it does not have, and the two fault answers.
	for (const base of Object.values(sandbox.baseUrls)) await post(`${base}/no/such/route`, {});
	for (const fault of ['rate429', 'rate503'] as const) {
		sandbox.configure({ faults: { [fault]: 1 } });
		for (const base of Object.values(sandbox.baseUrls)) await post(`${base}/no/such/route`, {});
	}
	sandbox.configure({ faults: {} });
}

/** RuStore native: the send and topics pages' cases, and the refusals the sandbox meets by itself. */
async function walkRuStore(): Promise<void> {
	const auth = (token = 'sandbox-service-token') => ({
		authorization: `Bearer ${token}`,
		'content-type': 'application/json',
	});
	const send = `${sandbox.baseUrls.rustoreSend}/v1/projects/sandbox-project/messages:send`;
	const topic = (action: string, name = 'hello') =>
		`${sandbox.baseUrls.rustoreTopics}/v1/projects/sandbox-project/topics/${name}/${action}`;
	const call = async (url: string, body: unknown, token?: string) =>
		await fetch(url, { method: 'POST', headers: auth(token), body: JSON.stringify(body) });
	const notification = { title: 'Hi', body: 'There' };
	for (const token of ['good-1', 'bad-push-token', 'expired-1', 'unregistered-1'])
		await call(send, { message: { token, notification } });
	await call(send, { message: { token: 'good-1', unknown: 1 } });
	await call(send, { message: { token: 'good-1', notification } }, 'wrong');
	await call(topic('batch_subscribe'), { push_tokens: ['good-1'] });
	await call(topic('batch_subscribe'), { push_tokens: ['good-1', 'expired-2'] });
	sandbox.configure({ rustore: { serviceTokenRefusal: 'perToken' } });
	await call(topic('batch_unsubscribe'), { push_tokens: ['good-1'] }, 'wrong');
	sandbox.configure({ rustore: { serviceTokenRefusal: 'status' } });
	await call(topic('publish'), { message: { notification } });
	await call(topic('publish'), { message: { notification } }, 'wrong');
	await call(topic('publish', 'no spaces allowed'), { message: { notification } });
	for (const url of [send, topic('publish')]) {
		sandbox.rustore.failNext(1);
		await call(url, { message: { notification } });
	}
}

/** Sber: the pages' requests (lite and extended), the refusals it can meet, and its facts replayed. */
async function walkSber(): Promise<void> {
	const base = sandbox.baseUrls.sber;
	const oauth = await fetch(`${base}/api/v2/oauth`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}`,
			rquid: randomUUID(),
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: 'scope=SMART_PUSH',
	});
	const { access_token: token } = (await oauth.json()) as { access_token: string };
	const send = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
		await fetch(`${base}/api/v2/smartpush/${path}`, {
			method: headers.method ?? 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				rquid: randomUUID(),
				'content-type': 'application/json',
				...headers,
			},
			body: headers.method === 'GET' ? undefined : JSON.stringify(body),
		});
	const requests = sberDocExamples.filter((example) => example.request);
	for (const { request } of requests) {
		const body = request!.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		const projectId = String(
			body.projectId ?? (body.requestPayload ?? body).payload.sender.projectId,
		);
		sandbox.configure({ sber: { projectId, extendedBody: 'either' } });
		await send(request!.path, body);
		await send(request!.path, { ...body, projectId: 'another-project' });
	}
	const [lite] = requests;
	await send(lite.request!.path, lite.request!.body, { rquid: 'not-a-uuid' });
	await send(lite.request!.path, lite.request!.body, { authorization: 'Bearer expired' });
	await send(lite.request!.path, {}, { method: 'GET' });
	sandbox.sber.failNext(1);
	await send(lite.request!.path, lite.request!.body);
	// The refusals the sandbox cannot meet by itself, replayed from their facts (as the codes tests do).
	for (const fact of sberAnswerFacts.filter((candidate) => candidate.served !== false)) {
		sandbox.sber.scriptedAnswers.set('replayed', answerFrom(fact));
		await send('apprequest-lite', { ...(lite.request!.body as object), clientId: 'replayed' });
	}
	sandbox.sber.scriptedAnswers.clear();
}

/**
 * EngageLab, on both hosts: every route after a send, pushes and group pushes (all apps taking it,
 * one refusing), the refusals the sandbox meets by itself, and each documented code asked for.
 */
async function walkEngageLab(): Promise<void> {
	const basic = (user: string, secret: string) =>
		`Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
	for (const [host, web] of [
		[sandbox.baseUrls.engagelabApp, false],
		[sandbox.baseUrls.engagelabWeb, true],
	] as const) {
		const call = async (
			method: string,
			path: string,
			body?: unknown,
			authorization = basic('app-key-1', 'master-secret-1'),
		) => {
			const response = await fetch(`${host}${path}`, {
				method,
				headers: { authorization, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return (await response.json()) as Record<string, unknown>;
		};
		const platform = web ? 'web' : 'all';
		const push = (content: object, to: unknown = { registration_id: ['rid-1', 'rid-2'] }) => ({
			to,
			body: { platform, ...content },
		});
		const notification = web
			? { notification: { web: { alert: 'Hi', url: 'https://example.com' } } }
			: { notification: { alert: 'Hi' } };
		const message = { message: { msg_content: 'Hi' } };
		const sent = String((await call('POST', '/v4/push', push(notification))).msg_id);
		const sentMessage = String((await call('POST', '/v4/push', push(message, 'all'))).msg_id);
		await call('POST', '/v4/push/validate', push(notification));
		await call('GET', '/v4/push');
		await call('POST', '/v4/push', push(notification), basic('app-key-1', 'wrong'));
		await call('POST', '/v4/push', {});
		await call('POST', '/v4/push', push(notification, { registration_id: ['unknown-1'] }));
		const group = basic('group-gk-1', 'group-secret-1');
		await call('POST', '/v4/grouppush', push(notification), group);
		sandbox.engagelab.failingGroupApps.add('app-key-2');
		await call('POST', '/v4/grouppush', push(notification), group);
		sandbox.engagelab.failingGroupApps.clear();
		const codes = engageLabAnswerFacts
			.filter((fact) => fact.served !== false && fact.answer)
			.map((fact) => {
				const body = fact.answer!.body as { code?: number; error?: { code?: number } };
				return fact.id.startsWith('engagelab.push.') ? body.code : body.error?.code;
			})
			.filter((code): code is number => code !== undefined && code !== 404 && code !== 23008);
		for (const code of [...new Set(codes), 23008]) {
			sandbox.engagelab.answerWith = { code };
			await call('POST', '/v4/push', push(notification));
		}
		// Statistics of both kinds; the other host's statistics path.
		await call(
			'GET',
			`/v4/${web ? 'messages/details' : 'status/detail'}?message_ids=${sent},${sentMessage},1`,
		);
		await call('GET', `/v4/${web ? 'status/detail' : 'messages/details'}?message_ids=${sent}`);
		await call(
			'GET',
			`/v4/status/message?message_id=${sent}&registration_ids=rid-1,rid-9,unknown-1`,
		);
		await call('DELETE', `/v4/push/withdraw/${sent}`);
		await call('DELETE', `/v4/push/withdraw/${sent}`);
		const inAWeek = new Date(Date.now() + 7 * 86_400_000)
			.toISOString()
			.slice(0, 19)
			.replace('T', ' ');
		const task = {
			name: 'Weekly_digest',
			enabled: true,
			trigger: { single: { time: inAWeek } },
			push: push(notification, 'all'),
		};
		const id = String((await call('POST', '/v4/schedules', task)).schedule_id);
		await call('POST', '/v4/schedules', { ...task, name: 'weekly digest' });
		await call('GET', `/v4/schedules/${id}`);
		await call('PUT', `/v4/schedules/${id}`, { name: 'Monthly_digest' });
		await call('GET', '/v4/schedules?page=1');
		await call('DELETE', `/v4/schedules/${id}`);
		await call('POST', '/v4/devices/rid-1', { tags: { add: ['vip'] }, alias: 'user_1' });
		await call('POST', '/v4/devices/rid-1', { tags: { add: ['vip club'] } });
		await call('GET', '/v4/devices/rid-1');
		await call('GET', '/v4/tags_count?tags=vip');
		await call('POST', '/v4/tags/vip', { registration_ids: { add: ['rid-2'] } });
		await call('DELETE', '/v4/tags/vip');
		await call('GET', '/v4/aliases/user_1');
		await call('DELETE', '/v4/aliases/user_1');
		await call('DELETE', '/v4/devices/rid-1');
	}
}

describe('the sandbox answers from the provider-docs facts', () => {
	it('every fact names its source (or says it is not documented), and ids are unique', () => {
		expect(answerFacts.map((fact) => [fact.id, citationProblem(fact)])).toEqual(
			answerFacts.map((fact) => [fact.id, undefined]),
		);
		expect(answerFactById.size).toBe(answerFacts.length);
	});

	it('every answer of a converted mount is a registered fact’s; the rest are the listed mounts', async () => {
		await walk();
		const unsourced = new Set<string>();
		const wrong: string[] = [];
		for (const request of sandbox.requests) {
			const mount = mountOf(request.path) ?? request.path;
			if (request.fact === undefined) {
				unsourced.add(mount);
				continue;
			}
			const fact = answerFactById.get(request.fact);
			if (!fact) wrong.push(`${request.path}: unregistered fact ${request.fact}`);
			else if (!isAnswerOf(fact, request.answerBody))
				wrong.push(`${request.path}: ${JSON.stringify(request.answerBody)} is not ${fact.id}'s`);
			else if (fact.answer?.httpStatus !== request.status)
				wrong.push(`${request.path}: status ${request.status} is not ${fact.id}'s`);
		}
		expect(wrong).toEqual([]);
		expect([...unsourced].sort()).toEqual(Object.keys(UNCONVERTED).sort());
	});

	it('the walk reaches every captured fact of a converted mount', async () => {
		sandbox.reset();
		await walk();
		const served = new Set(sandbox.requests.map((request) => request.fact));
		const unserved = answerFacts
			.filter((fact) => fact.answer && fact.served !== false && !served.has(fact.id))
			.map((fact) => fact.id);
		expect(unserved).toEqual([]);
	});
});
