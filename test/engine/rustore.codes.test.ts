import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { ruStoreDocExamples, type RuStoreDocExample } from '../fixtures/provider-docs/rustore';
import { runRuStore } from './harness/providers/rustore';

/**
 * One engine run per documented RuStore answer, through n8n's engine: the sandbox replays the page's
 * answer for one token (or one topic), and the node's results say which recipients got which status.
 * `invalid_token` only where the answer names that token as unknown, expired, unregistered or
 * malformed; never for the other recipients of a list.
 */
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.configure({ faults: {}, latencyMs: 0, rustore: { ratePerSecond: undefined } });
});

const DOC_TOKEN = 'doc-token';
const isSend = (example: RuStoreDocExample) => example.request.url.endsWith('messages:send');
const failures = (examples: RuStoreDocExample[]) =>
	examples.filter((example) => example.answer.httpStatus >= 300);
const refusesCredential = (example: RuStoreDocExample) =>
	/PERMISSION_DENIED|FORBIDDEN/.test(example.expected.code ?? '');

const results = (run: { outputs: Array<Array<{ json: IDataObject }>> }) =>
	run.outputs[0].map((item) => [item.json.token, item.json.status, item.json.providerCode]);

// One attempt: a replayed rate limit would only be replayed again.
const delivery = { maxAttempts: 1 };
const notification = { title: 'Order shipped' };

describe.each(failures(ruStoreDocExamples.filter(isSend)))('send host: $name', (example) => {
	const { status, code } = example.expected;
	const script = () =>
		sandbox.rustore.scriptedAnswers.set(DOC_TOKEN, {
			status: example.answer.httpStatus,
			body: example.answer.body,
		});

	it(`Send: ${status} (${code})`, async () => {
		script();
		const run = await runRuStore(
			sandbox,
			{ resource: 'message', operation: 'send', recipient: DOC_TOKEN, notification, delivery },
			{ onError: 'continueRegularOutput' },
		);
		expect(results(run)).toEqual([[DOC_TOKEN, status, code]]);
		expect(String(run.outputs[0][0].json.action).includes('Remove this token')).toBe(
			status === 'invalid_token',
		);
	});

	it(`Send to Many: only that token is ${status}`, async () => {
		script();
		const run = await runRuStore(
			sandbox,
			{
				resource: 'message',
				operation: 'sendMany',
				recipients: `${DOC_TOKEN}, ok-1, ok-2`,
				notification,
				delivery,
			},
			{ onError: 'continueRegularOutput' },
		);
		// A refused credential stops the others before they leave, with the same refusal.
		const others = refusesCredential(example) ? [status, code] : ['sent', undefined];
		expect(results(run)).toEqual([
			[DOC_TOKEN, status, code],
			['ok-1', ...others],
			['ok-2', ...others],
		]);
	});

	it(`Subscribe: the same error on one token inside a 200 is that token's ${status} alone`, async () => {
		sandbox.rustore.scriptedTokenErrors.set(
			DOC_TOKEN,
			(example.answer.body as { error: Record<string, unknown> }).error,
		);
		const run = await runRuStore(
			sandbox,
			{
				resource: 'topic',
				operation: 'subscribe',
				topic: 'news',
				recipients: `ok-1, ${DOC_TOKEN}, ok-2`,
			},
			{ onError: 'continueRegularOutput' },
		);
		const error = (example.answer.body as { error: { code: number } }).error;
		expect(results(run)).toEqual([
			['ok-1', 'subscribed', undefined],
			[DOC_TOKEN, status, `${code} ${error.code}`],
			['ok-2', 'subscribed', undefined],
		]);
	});
});

const topicExamples = ruStoreDocExamples.filter((example) => !isSend(example));

describe.each(topicExamples.filter((example) => example.expected.token))(
	'topics host, per-token error: $name',
	(example) => {
		it.each(['subscribe', 'unsubscribe'])(
			`%s: only the named token is ${example.expected.status}, the others go through`,
			async (operation) => {
				const [entry] = (example.answer.body as { errors: Array<{ error: IDataObject }> }).errors;
				sandbox.rustore.scriptedTokenErrors.set(DOC_TOKEN, entry.error);
				const run = await runRuStore(
					sandbox,
					{ resource: 'topic', operation, topic: 'hello', recipients: `ok-1, ${DOC_TOKEN}, ok-2` },
					{ onError: 'continueRegularOutput' },
				);
				const done = `${operation}d`;
				expect(results(run)).toEqual([
					['ok-1', done, undefined],
					[DOC_TOKEN, example.expected.status, example.expected.code],
					['ok-2', done, undefined],
				]);
			},
		);
	},
);

describe.each(failures(topicExamples))('topics host, whole request: $name', (example) => {
	const { status, code } = example.expected;
	const script = () =>
		sandbox.rustore.scriptedAnswers.set('topic:hello', {
			status: example.answer.httpStatus,
			body: example.answer.body,
		});

	it(`Publish: ${status} (${code})`, async () => {
		script();
		const run = await runRuStore(
			sandbox,
			{ resource: 'topic', operation: 'publish', topic: 'hello', notification, delivery },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.outputs[0].map((item) => [item.json.status, item.json.providerCode])).toEqual([
			[status, code],
		]);
	});

	it(`Subscribe: every token of the refused request is ${status}, none invalid_token`, async () => {
		script();
		const run = await runRuStore(
			sandbox,
			{ resource: 'topic', operation: 'subscribe', topic: 'hello', recipients: 'a, b, c' },
			{ onError: 'continueRegularOutput' },
		);
		expect(results(run)).toEqual([
			['a', status, code],
			['b', status, code],
			['c', status, code],
		]);
	});
});

it('a whole topic request answered NOT_FOUND marks no token dead', async () => {
	sandbox.rustore.scriptedAnswers.set('topic:hello', {
		status: 404,
		body: { code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' },
	});
	const run = await runRuStore(
		sandbox,
		{ resource: 'topic', operation: 'unsubscribe', topic: 'hello', recipients: 'a, b' },
		{ onError: 'continueRegularOutput' },
	);
	expect(results(run)).toEqual([
		['a', 'rejected', 'NOT_FOUND'],
		['b', 'rejected', 'NOT_FOUND'],
	]);
});
