import { isRetryable } from '../outcomes';
import type { ProviderFailure } from '../providerError';
import { failureOf } from '../providerError';

/** Transport errors where the request cannot have reached the provider. */
const NEVER_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
]);

export type Verdict =
	| { kind: 'retry'; failure: ProviderFailure }
	| { kind: 'final'; failure: ProviderFailure };

function transportCode(error: unknown): string | undefined {
	const candidate = error as
		| { cause?: { code?: unknown }; code?: unknown; httpCode?: unknown }
		| undefined;
	const code = candidate?.cause?.code ?? candidate?.code ?? candidate?.httpCode;
	return typeof code === 'string' ? code : undefined;
}

function transportFailure(
	error: unknown,
	code: string | undefined,
	neverSent: boolean,
	provider: string,
): ProviderFailure {
	return {
		provider,
		httpStatus: 0,
		code,
		providerMessage: (error as Error)?.message,
		meaning: neverSent
			? `${provider}'s host could not be reached and the push was not sent`
			: `The connection to ${provider}'s host failed after the request was sent; the push may or may not have been delivered`,
		action: neverSent
			? 'Check the network and the base URL in the credential, then send it again.'
			: `Check the delivery in the ${provider} console before sending it again, so nobody gets it twice.`,
		status: neverSent ? 'unavailable' : 'unknown',
	};
}

/**
 * Whether a failed request may be sent again. Rate limits and "try again" answers were not accepted,
 * so they are retried. An answer that may hide an accepted push (5xx, a reset or timeout after sending)
 * is retried only when the provider de-duplicates the request (`idempotent`), else reported as unknown.
 */
export function judge(error: unknown, idempotent: boolean, provider: string): Verdict {
	const failure = failureOf(error);
	if (failure) {
		if (failure.retryable ?? isRetryable(failure.status)) return { kind: 'retry', failure };
		if (failure.status === 'unknown' && idempotent) return { kind: 'retry', failure };
		return { kind: 'final', failure };
	}
	const code = transportCode(error);
	const neverSent = code !== undefined && NEVER_SENT.has(code);
	const transport = transportFailure(error, code, neverSent, provider);
	return neverSent || idempotent
		? { kind: 'retry', failure: transport }
		: { kind: 'final', failure: transport };
}

/** Exponential back-off with full jitter, never shorter than what the provider asked for. */
export function backoffMs(attempt: number, failure: ProviderFailure, random = Math.random): number {
	const ceiling = Math.min(30_000, 500 * 2 ** (attempt - 1));
	return Math.max(failure.retryAfterMs ?? 0, Math.round(ceiling * (0.5 + random() / 2)));
}
