import type { AnswerFact } from '../../test/fixtures/provider-docs/facts';
import type { ProviderAnswer } from './types';

/**
 * The one way a converted provider module answers: from a fact of test/fixtures/provider-docs, with
 * its status and body (the fact's variable paths, e.g. 'error.message', filled per request). The answer carries the fact's
 * id, which the server records, so a test can tell every answer's source.
 */
export function answerFrom(
	fact: AnswerFact,
	fill: Record<string, unknown> = {},
	headers?: Record<string, string>,
): ProviderAnswer {
	if (!fact.answer) throw new Error(`fact ${fact.id} has no captured answer to serve`);
	const paths = [...(fact.variable ?? []), ...(fact.echoed ?? [])];
	// A keyed collection ('schedules.*', or '*' for the body) is filled whole, by its own path ('schedules', '').
	const unknown = Object.keys(fill).filter(
		(key) => !paths.includes(key) && !paths.includes(key ? `${key}.*` : '*'),
	);
	if (unknown.length) throw new Error(`fact ${fact.id} does not let ${unknown.join(', ')} vary`);
	if ('' in fill) return { status: fact.answer.httpStatus, body: fill[''], headers, fact: fact.id };
	const body = structuredClone(fact.answer.body) as Record<string, unknown>;
	for (const [path, value] of Object.entries(fill)) {
		const keys = path.split('.');
		let here = body;
		for (const key of keys.slice(0, -1)) here = here[key] as Record<string, unknown>;
		here[keys[keys.length - 1]] = value;
	}
	return { status: fact.answer.httpStatus, body, headers, fact: fact.id };
}
