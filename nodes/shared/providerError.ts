import type { IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { PushStatus } from './outcomes';

/** What a provider's error answer means, in the user's terms. */
export interface ProviderFailure {
	provider: string;
	httpStatus: number;
	/** The provider's own code or status name, as it sent it. */
	code?: string | number;
	providerMessage?: string;
	/** One line: what went wrong. */
	meaning: string;
	/** What the user should do about it. */
	action: string;
	status: PushStatus;
	/** Whether sending again may succeed; by default rate_limited and unavailable failures are retried. */
	retryable?: boolean;
	/** Set when the provider said when to come back (Retry-After). */
	retryAfterMs?: number;
	/** How many times the request was tried, when it was retried (0: stopped before sending). */
	attempts?: number;
	/**
	 * The provider refuses the credential or the account itself (not this push): every other request of
	 * the run with that credential would be refused the same way, so they stop before sending.
	 */
	refusesCredential?: boolean;
}

const FAILURE = Symbol('providerFailure');

type ClassifiedError = NodeApiError & { [FAILURE]?: ProviderFailure };

/**
 * A provider's error answer as a NodeApiError: the message says what went wrong, the description
 * what to do. Only the provider's body goes in, never the request, so no secret can leak.
 * The failure stays attached for the delivery hook, which decides between retrying and reporting.
 */
export function providerApiError(
	context: IExecuteSingleFunctions,
	failure: ProviderFailure,
	body: unknown,
): NodeApiError {
	const error: ClassifiedError = new NodeApiError(context.getNode(), toJsonObject(body), {
		message: errorMessage(failure),
		description: errorDescription(failure),
		httpCode: String(failure.httpStatus),
		itemIndex: context.getItemIndex(),
	});
	error[FAILURE] = failure;
	return error;
}

/** "<Provider>: <what went wrong> (<code>)" */
export function errorMessage(failure: ProviderFailure): string {
	const code = failure.code === undefined ? '' : ` (${failure.code})`;
	return `${failure.provider}: ${failure.meaning}${code}`;
}

/** What the provider said, then what to do. */
export function errorDescription(failure: ProviderFailure): string {
	// The provider's own sentence may end in a full stop already.
	const message = failure.providerMessage?.trim().replace(/[.\s]+$/, '');
	const said = message ? `${failure.provider} says: ${message}. ` : '';
	return `${said}${failure.action}`;
}

export function failureOf(error: unknown): ProviderFailure | undefined {
	return (error as ClassifiedError | undefined)?.[FAILURE];
}

function toJsonObject(body: unknown): JsonObject {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as JsonObject;
	return {
		body:
			typeof body === 'string'
				? body.slice(0, 1000)
				: ((body as JsonObject[keyof JsonObject]) ?? null),
	};
}

/** Reads a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(
	headers: Record<string, unknown> | undefined,
	now = Date.now(),
): number | undefined {
	const raw = headers?.['retry-after'];
	if (raw === undefined) return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
