import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { PushStatus } from './outcomes';
import { providerApiError, retryAfterMs, type ProviderFailure } from './providerError';

/** A provider's answer, handed to a postReceive or thrown by n8n (nodes that let n8n refresh tokens). */
export interface ProviderAnswer {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** One row of a provider's error table: what a code means in the user's terms. */
export interface Meaning {
	/** What went wrong, without the provider's name (the message puts it in front). */
	meaning: string;
	/** What the user should do about it. */
	action: string;
	status: PushStatus;
	retryable?: boolean;
	refusesCredential?: boolean;
}

/** The provider answer inside an error n8n threw for it (nodes that let n8n refresh tokens on 401). */
export function thrownAnswerOf(error: unknown): ProviderAnswer | undefined {
	const candidate = error as { cause?: { response?: unknown }; response?: unknown } | undefined;
	const response = (candidate?.cause?.response ?? candidate?.response) as
		| {
				status?: number;
				statusCode?: number;
				data?: unknown;
				body?: unknown;
				headers?: Record<string, unknown>;
		  }
		| undefined;
	const statusCode = response?.status ?? response?.statusCode;
	if (typeof statusCode !== 'number') return undefined;
	return { statusCode, body: response?.data ?? response?.body, headers: response?.headers ?? {} };
}

export function asObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

export function isSuccessfulAnswer(answer: ProviderAnswer): boolean {
	return answer.statusCode >= 200 && answer.statusCode < 300;
}

/**
 * What an HTTP status means when the answer carries no code the provider's table knows. Only the
 * credential's check differs between providers.
 */
export function meaningOfHttpStatus(httpStatus: number, credentialAction: string): Meaning {
	if (httpStatus === 401 || httpStatus === 403) {
		return {
			meaning: 'The credential was refused',
			action: credentialAction,
			status: 'rejected',
			refusesCredential: true,
		};
	}
	if (httpStatus === 429) {
		return {
			meaning: 'The rate limit was reached and the push was not sent',
			action:
				'Lower Requests per Second in the Delivery options, or send these pushes again later.',
			status: 'rate_limited',
		};
	}
	if (httpStatus === 503) {
		return {
			meaning: 'The service is unavailable and the push was not sent',
			action: 'Send it again later.',
			status: 'unavailable',
		};
	}
	if (httpStatus >= 500) {
		return {
			meaning: `Internal error (HTTP ${httpStatus}); the push may or may not have been delivered`,
			action: 'Check the delivery in the console before sending again, so nobody gets it twice.',
			status: 'unknown',
		};
	}
	return {
		meaning: `The request was refused (HTTP ${httpStatus})`,
		action: 'Check the request and the base URL in the credential.',
		status: 'rejected',
	};
}

/** A failure from a table row, with the provider's code, its own words and its Retry-After. */
export function failureFrom(
	provider: string,
	answer: ProviderAnswer,
	meaning: Meaning,
	code?: string | number,
	providerMessage?: string,
): ProviderFailure {
	return {
		provider,
		httpStatus: answer.statusCode,
		code,
		providerMessage,
		...meaning,
		retryAfterMs: retryAfterMs(answer.headers),
	};
}

/**
 * The postReceive of every operation that calls a provider: an answer the provider's reader finds
 * no failure in passes on (an accepted push stays accepted even when its body is unreadable); any
 * other becomes a NodeApiError that says what it means.
 */
export type AnswerReader = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

export function answerReader(
	failureOf: (answer: ProviderAnswer) => ProviderFailure | undefined,
): AnswerReader {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const answer = {
			statusCode: response.statusCode,
			body: response.body,
			headers: response.headers,
		};
		const failure = failureOf(answer);
		if (failure) throw providerApiError(this, failure, response.body);
		return typeof response.body === 'object' && response.body !== null ? items : [{ json: {} }];
	};
}
