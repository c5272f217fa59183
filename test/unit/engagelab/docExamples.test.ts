import type { IExecuteSingleFunctions } from 'n8n-workflow';

import {
	engageLabAnswerFailure,
	engageLabGroupAnswerFailure,
	ERROR_CODES,
} from '../../../nodes/EngageLab/errors';
import { groupPushPlan, pushPlan } from '../../../nodes/EngageLab/hooks/readResponses';
import { pushBodySchema, pushRulesSchema } from '../../../nodes/EngageLab/schema';
import { errorDescription, errorMessage } from '../../../nodes/shared/providerError';
import {
	engageLabAnswerExamples,
	engageLabRequestExamples,
} from '../../fixtures/provider-docs/engagelab';

/** As the node checks a body: each field, then (when they pass) the rules across fields. */
function problems(value: unknown): string[] {
	const fields = pushBodySchema.safeParse(JSON.parse(JSON.stringify(value)));
	const issues = fields.success
		? (pushRulesSchema.safeParse(fields.data).error?.issues ?? [])
		: fields.error.issues;
	return issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const context = {} as IExecuteSingleFunctions;

describe("EngageLab's own request examples (docs 003, 004)", () => {
	it.each(engageLabRequestExamples.map((example) => [example.name, example]))(
		'the node accepts: %s',
		(_name, example) => {
			expect(problems(example.request)).toEqual([]);
		},
	);
});

describe("EngageLab's own answer examples (docs 003, 004)", () => {
	it.each(engageLabAnswerExamples.map((example) => [example.name, example]))(
		'reads as documented: %s',
		(_name, example) => {
			const group = example.endpoint?.path === '/v4/grouppush';
			const answer = {
				statusCode: example.answer!.httpStatus,
				body: example.answer!.body,
				headers: {},
			};
			const failure = (group ? engageLabGroupAnswerFailure : engageLabAnswerFailure)(answer);
			if (example.expected!.status === 'sent') {
				expect(failure).toBeUndefined();
				const outcomes = (group ? groupPushPlan : pushPlan).accepted(
					context,
					example.answer!.body as Record<string, never>,
				);
				expect(outcomes.length).toBeGreaterThan(0);
				for (const outcome of outcomes) expect(outcome.status).toBe('sent');
				return;
			}
			expect(failure).toMatchObject({
				provider: 'EngageLab',
				status: example.expected!.status,
				code: example.expected!.code,
			});
			const code = example.expected!.code!;
			if (ERROR_CODES[code]) expect(failure!.meaning).toBe(ERROR_CODES[code].meaning);
			// Every text reads well after "EngageLab: ".
			expect(errorMessage(failure!)).toMatch(/^EngageLab: (?!EngageLab)[A-Z].*[^.]\s\(\d+\)$/);
			expect(errorDescription(failure!)).not.toContain('..');
		},
	);

	it("has a cited fixture for every code of the node's table (no branch of the reader without a source)", () => {
		const documented = new Set(
			engageLabAnswerExamples.map((example) => example.expected?.code).filter(Boolean),
		);
		expect(
			Object.keys(ERROR_CODES)
				.map(Number)
				.filter((code) => !documented.has(code)),
		).toEqual([]);
	});

	it('calls no recipient dead on a request-level answer: invalid_token appears nowhere in the table', () => {
		for (const [code, meaning] of Object.entries(ERROR_CODES))
			expect([code, meaning.status]).not.toEqual([code, 'invalid_token']);
	});

	it('a per-app failure in a group answer has the status of its code, and may-be-taken is never retried', () => {
		const outcomes = groupPushPlan.accepted(context, {
			'app-a': { request_id: '1', msg_id: '2460001' },
			'app-b': { error: { code: 21011, message: 'no target' } },
			'app-c': { error: { code: 21030, message: 'timeout' } },
			'app-d': { error: { code: 23008, message: 'rate' } },
			group_msgid: 'g-1',
		});
		expect(outcomes.map((outcome) => [outcome.json.appKey, outcome.status])).toEqual([
			['app-a', 'sent'],
			['app-b', 'rejected'],
			['app-c', 'unknown'],
			['app-d', 'rate_limited'],
		]);
		expect(outcomes[2].failure).toMatchObject({ retryable: false });
		expect(outcomes[2].failure!.action).toContain('does not document');
	});
});
