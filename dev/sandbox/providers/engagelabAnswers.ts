import {
	engageLabAnswerFacts,
	engageLabCodeFactId,
} from '../../../test/fixtures/provider-docs/engagelab';
import { answerFrom } from '../documented';
import type { ProviderAnswer } from '../types';

/**
 * How the EngageLab sandbox answers: only from the facts of test/fixtures/provider-docs/engagelab.ts
 * (engageLabAnswerFacts). Refusals are built in App Push's envelope and given Web Push's on its host.
 */
const facts = new Map(engageLabAnswerFacts.map((fact) => [fact.id, fact]));

export function answer(id: string, fill?: Record<string, unknown>): ProviderAnswer {
	const fact = facts.get(id);
	if (!fact) throw new Error(`no EngageLab fact ${id}`);
	return answerFrom(fact, fill);
}

/** A documented code, with the sandbox's text for this case. */
export const refuse = (code: number, message: string, web = false): ProviderAnswer =>
	answer(engageLabCodeFactId(code, web), web ? { message } : { 'error.message': message });

/**
 * A push answered with a documented code: its table fact, or else the page's example that carries it
 * (doc 004's 3002, the multi-language refusal's 400), as printed.
 */
export function documentedCode(code: number): ProviderAnswer {
	if (facts.has(engageLabCodeFactId(code, false))) return refuse(code, 'documented error');
	const example = engageLabAnswerFacts.find(
		(fact) =>
			fact.served !== false &&
			fact.id.startsWith('engagelab.push.') &&
			(fact.answer?.body as { code?: number } | undefined)?.code === code,
	);
	if (!example) throw new Error(`EngageLab documents no answer with code ${code}`);
	return answer(example.id);
}

/**
 * One app's refusal inside a group answer: its code's App Push envelope, or, for a code only a page's
 * example carries (3002, 400), that envelope with the code (engagelab.grouppush.partial's entry).
 */
export function groupPartRefusal(code: number, message: string): unknown {
	if (facts.has(engageLabCodeFactId(code, false))) return refuse(code, message).body;
	return { error: { code, message } };
}

export const notFound = (message: string, web = false): ProviderAnswer =>
	answer(
		`engagelab.${web ? 'web' : 'app'}.notFound`,
		web ? { message } : { 'error.message': message },
	);

/** The answer as the host gives it: Web Push answers its refusals flat (doc 004). */
export function forHost(given: ProviderAnswer, web: boolean): ProviderAnswer {
	const refusal = /^engagelab\.app\.(code\.(\d+)|notFound)$/.exec(given.fact ?? '');
	if (!web || !refusal) return given;
	const message = String((given.body as { error: { message: string } }).error.message);
	return refusal[2] ? refuse(Number(refusal[2]), message, true) : notFound(message, true);
}
