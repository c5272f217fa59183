import type { AnswerFact } from '../../test/fixtures/provider-docs/facts';
import type { ProviderAnswer } from './types';

/**
 * The one way a converted provider module answers: from a fact of test/fixtures/provider-docs, with
 * its status and body (the fact's variable keys filled per request). The answer carries the fact's
 * id, which the server records, so a test can tell every answer's source.
 */
export function answerFrom(
	fact: AnswerFact,
	fill: Record<string, unknown> = {},
	headers?: Record<string, string>,
): ProviderAnswer {
	if (!fact.answer) throw new Error(`fact ${fact.id} has no captured answer to serve`);
	const unknown = Object.keys(fill).filter((key) => !fact.variable?.includes(key));
	if (unknown.length) throw new Error(`fact ${fact.id} does not let ${unknown.join(', ')} vary`);
	const body = structuredClone(fact.answer.body);
	if (typeof body === 'object' && body !== null) Object.assign(body, fill);
	return { status: fact.answer.httpStatus, body, headers, fact: fact.id };
}
