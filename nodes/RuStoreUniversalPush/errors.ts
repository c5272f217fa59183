import {
	asObject,
	failureFrom,
	meaningOfHttpStatus,
	type Meaning,
	type ProviderAnswer,
} from '../shared/answers';
import type { ProviderFailure } from '../shared/providerError';
import { PROVIDER_LABELS, type TokenProvider } from './schema';

const PROVIDER = 'RuStore Universal';

const CHECK_CREDENTIAL =
	'Check the RuStore Project ID and Service Token, and the FCM and HMS parts, in the RuStore Universal credential.';

/** The universal API's statuses, as its page documents them, in the user's terms. */
const MEANINGS: Record<string, Meaning> = {
	VALIDATION_ERROR: {
		meaning: 'The request was rejected as invalid and nothing was sent',
		action: 'Correct what the errors above name and send again.',
		status: 'rejected',
	},
};

/** The answer's parts: `Status` on success and `status` on errors, as the page writes them. */
export interface UniversalAnswer {
	status?: string;
	code?: number;
	errors: string[];
}

export function readUniversalAnswer(body: unknown): UniversalAnswer {
	const object = asObject(body);
	const status = object.Status ?? object.status;
	const errors = Array.isArray(object.errors)
		? object.errors.filter((error): error is string => typeof error === 'string')
		: [];
	return {
		status: typeof status === 'string' ? status : undefined,
		code: typeof object.code === 'number' ? object.code : undefined,
		errors,
	};
}

/**
 * Answers that echo the request could quote the credentials it carried (community clients strip them
 * before logging): every secret of the request is replaced in the errors' text, in place, before the
 * answer reaches an output or an error.
 */
export function withoutSecrets(body: unknown, secrets: Array<string | undefined>): void {
	const errors = asObject(body).errors;
	if (!Array.isArray(errors)) return;
	const known = secrets.filter((secret): secret is string => !!secret && secret.length >= 4);
	errors.forEach((error, index) => {
		if (typeof error !== 'string') return;
		errors[index] = known.reduce((text, secret) => text.split(secret).join('[credential]'), error);
	});
}

const isOk = (answer: UniversalAnswer) => answer.status?.toUpperCase() === 'OK';

/**
 * The reader's branches, each reached by a fact of test/fixtures/provider-docs/rustoreUniversal.ts
 * (a test fails when one is not): the two documented answers, the HTTP statuses that speak for
 * themselves, and every other answer, whose wording RuStore does not document.
 */
export const UNIVERSAL_READINGS = ['ok', 'validation_error', 'http_status', 'not_ok'] as const;
export type UniversalReading = (typeof UNIVERSAL_READINGS)[number];

export function universalReading(httpStatus: number, body: unknown): UniversalReading {
	if (httpStatus === 401 || httpStatus === 403 || httpStatus === 429 || httpStatus >= 500)
		return 'http_status';
	const read = readUniversalAnswer(body);
	if (read.status?.toUpperCase() === 'VALIDATION_ERROR') return 'validation_error';
	return httpStatus >= 200 && httpStatus < 300 && isOk(read) ? 'ok' : 'not_ok';
}

/** The errors that name a provider ("rustore: ..."), by provider, without the name. */
export function providerErrors(errors: string[]): Map<TokenProvider, string[]> {
	const byProvider = new Map<TokenProvider, string[]>();
	for (const error of errors) {
		const named = /^\s*(rustore|fcm|hms)\s*:\s*(.*)$/is.exec(error);
		if (!named) continue;
		const provider = named[1].toLowerCase() as TokenProvider;
		byProvider.set(provider, [...(byProvider.get(provider) ?? []), named[2].trim()]);
	}
	return byProvider;
}

/**
 * What an answer means for the request as a whole, or undefined when it goes on to the plan: OK,
 * and every undocumented answer (other providers' tokens may have been delivered, so the request
 * must not fail as a whole and be sent again).
 */
export function universalAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	const reading = universalReading(answer.statusCode, answer.body);
	if (reading === 'ok' || reading === 'not_ok') return undefined;
	const read = readUniversalAnswer(answer.body);
	const meaning =
		reading === 'validation_error'
			? MEANINGS.VALIDATION_ERROR
			: meaningOfHttpStatus(answer.statusCode, CHECK_CREDENTIAL);
	return failureFrom(
		PROVIDER,
		answer,
		meaning,
		read.status ?? read.code,
		read.errors.length ? read.errors.join('; ') : undefined,
	);
}

/**
 * A provider's part of an answer that does not say OK. RuStore documents no wording for a
 * provider's refusal (the page's example could not be read: see the fixture), so no text of it can
 * call a token dead or say that nothing was sent: every token of the answer is unknown, with the
 * errors naming its provider (or all of them) and the raw answer on the item.
 */
export function notOkFailure(
	provider: TokenProvider | undefined,
	answer: UniversalAnswer,
): ProviderFailure {
	const named = provider ? (providerErrors(answer.errors).get(provider) ?? []) : [];
	const texts = named.length
		? named.map((text) => `${provider}: ${text}`)
		: answer.errors.length
			? answer.errors
			: [];
	const label = provider ? PROVIDER_LABELS[provider] : 'RuStore';
	return {
		provider: PROVIDER,
		httpStatus: 0,
		code: answer.status ?? answer.code ?? provider,
		providerMessage: texts.length ? texts.join('; ') : undefined,
		meaning: named.length
			? `RuStore's answer names an error of ${label}; the push may or may not have been delivered`
			: "RuStore's answer did not say OK; the push may or may not have been delivered",
		action:
			'See providerAnswer for what RuStore said, and check the delivery before sending again, so nobody gets it twice.',
		status: 'unknown',
	};
}
