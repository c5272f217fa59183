import {
	asObject,
	failureFrom,
	isSuccessfulAnswer,
	meaningOfHttpStatus,
	type Meaning,
	type ProviderAnswer,
} from '../shared/answers';
import type { ProviderFailure } from '../shared/providerError';

const PROVIDER = 'EngageLab';

const FIX = 'Correct the field EngageLab names and send again.';
const CREDENTIAL =
	'Check the AppKey (or GroupKey), the Master Secret and the data centre in the credential.';
const IDS_UNNAMED =
	'Remove no id on this answer alone: check that the ids belong to this AppKey, platform and data centre, and look a doubtful id up in the EngageLab console.';
const TRY_AGAIN =
	'Sent again automatically with the same idempotency key (cid), so it cannot arrive twice; reported if it never gets through.';

/** EngageLab's error codes (Push API v4 table), in the user's terms. */
export const ERROR_CODES: Record<number, Meaning> = {
	// EngageLab's answer names no id (doc 004 and the SDKs: only code and message), so a request-level
	// code never marks the request's ids dead: one bad id, the wrong app or data centre look alike.
	20101: {
		meaning:
			'A registration id of this push is not valid or not of this AppKey; the answer does not say which',
		action: IDS_UNNAMED,
		status: 'rejected',
	},
	21001: { meaning: 'Only POST is supported for this request', action: FIX, status: 'rejected' },
	21002: { meaning: 'A required parameter is missing', action: FIX, status: 'rejected' },
	21003: { meaning: 'A parameter value is not valid', action: FIX, status: 'rejected' },
	21004: {
		meaning: 'The credentials were refused',
		action: CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	21005: {
		meaning:
			'The message is too large (notification and message at most 4000 bytes, Web notification 2048)',
		action: 'Shorten the texts or the extras.',
		status: 'rejected',
	},
	21008: {
		meaning: 'The AppKey is not valid',
		action: 'Check the AppKey for typing errors and stray spaces.',
		status: 'rejected',
		refusesCredential: true,
	},
	21009: {
		meaning: 'Internal error',
		action: 'Check the push in the EngageLab console before sending again.',
		status: 'unknown',
	},
	21011: {
		meaning: 'No device of this app and platform matches the audience',
		action:
			'Check the platforms, the AppKey and the data centre, and the tags, aliases or segment; remove no registration id on this answer alone.',
		status: 'rejected',
	},
	21015: {
		meaning: 'The request has parameters EngageLab does not expect',
		action: FIX,
		status: 'rejected',
	},
	21016: { meaning: 'A parameter has the wrong type or length', action: FIX, status: 'rejected' },
	21030: {
		meaning: 'Internal timeout',
		action: TRY_AGAIN,
		status: 'unknown',
		retryable: true,
	},
	21038: {
		meaning: 'The app has no push permission (subscription expired or not active)',
		action: 'Renew or activate the plan in the EngageLab console.',
		status: 'rejected',
		refusesCredential: true,
	},
	21050: { meaning: 'Live Activity: the event is not valid', action: FIX, status: 'rejected' },
	21051: {
		meaning: 'Live Activity: the audience must be everyone or registration ids',
		action: FIX,
		status: 'rejected',
	},
	21052: { meaning: 'Live Activity: attributes-type is missing', action: FIX, status: 'rejected' },
	21053: { meaning: 'Live Activity: content-state is missing', action: FIX, status: 'rejected' },
	21054: {
		meaning: 'Live Activity cannot be combined with other message types',
		action: FIX,
		status: 'rejected',
	},
	21055: {
		meaning: 'Live Activity needs a P8 certificate',
		action: 'Upload an APNs P8 key in the EngageLab console.',
		status: 'rejected',
	},
	21056: { meaning: 'Live Activity is for iOS only', action: FIX, status: 'rejected' },
	21057: {
		meaning: 'VoIP cannot be combined with other message types',
		action: FIX,
		status: 'rejected',
	},
	21058: { meaning: 'VoIP is for iOS only', action: FIX, status: 'rejected' },
	21059: {
		meaning: 'This message type does not support a big push duration',
		action: 'Remove Big Push Duration.',
		status: 'rejected',
	},
	// EngageLab's error table (engagelab-skills) lists 21306; its group push page sends both together,
	// so the node lets EngageLab decide and only explains the code.
	21306: {
		meaning: 'A notification and a custom message cannot be sent together in this push',
		action: 'Send them as two pushes.',
		status: 'rejected',
	},
	23006: {
		meaning: 'A parameter is out of range (for example a big push duration over 1440 minutes)',
		action: FIX,
		status: 'rejected',
	},
	23008: {
		meaning:
			'The rate limit (500 requests per second per AppKey) was reached and the push was not sent',
		action: 'This is a rate limit: lower Requests per Second, or ask EngageLab for a higher quota.',
		status: 'rate_limited',
	},
	23009: {
		meaning: "This n8n's IP address is not in the app's IP whitelist",
		action: "Add this n8n's outgoing IP address to the whitelist in the EngageLab console.",
		status: 'rejected',
		refusesCredential: true,
	},
	27000: {
		meaning: 'Internal memory error',
		action: TRY_AGAIN,
		status: 'unknown',
		retryable: true,
	},
	27001: {
		meaning: 'The verification information is empty',
		action: CREDENTIAL,
		status: 'rejected',
		refusesCredential: true,
	},
	27002: {
		meaning: 'Unknown error',
		action: 'Check the push in the EngageLab console before sending again.',
		status: 'unknown',
	},
	27008: {
		meaning: 'A third-party channel distribution is set but the alert is empty',
		action: 'Give the notification an alert text.',
		status: 'rejected',
	},
	27009: {
		meaning: 'The third-party channel distribution is empty or not valid',
		action: 'Choose a valid distribution strategy in the options.',
		status: 'rejected',
	},
	1003: {
		meaning: 'The message to override is unknown or older than a day',
		action: 'Remove Override Message ID, or give the id of a push from the last 24 hours.',
		status: 'rejected',
	},
};

/** Where EngageLab's answer carries no code: only what differs from the shared HTTP meanings. */
const BY_HTTP_STATUS: Record<number, Meaning> = {
	404: {
		meaning: 'No such endpoint at this base URL',
		action:
			'Check the data centre and the product (App Push or Web Push) in the credential, and that EngageLab offers this operation for that product.',
		status: 'rejected',
	},
};

/** The error in either of EngageLab's shapes: `{error:{code,message}}` or flat `{code,message}`. */
export function readEngageLabError(body: unknown): { code?: number; message?: string } {
	const answer = asObject(body);
	const error = answer.error !== undefined ? asObject(answer.error) : answer;
	const code = Number(error.code);
	return {
		code: Number.isInteger(code) && code > 0 ? code : undefined,
		message: typeof error.message === 'string' ? error.message : undefined,
	};
}

export function engageLabFailure(answer: ProviderAnswer): ProviderFailure {
	const { code, message } = readEngageLabError(answer.body);
	const meaning =
		(code !== undefined ? ERROR_CODES[code] : undefined) ??
		BY_HTTP_STATUS[answer.statusCode] ??
		(code !== undefined && answer.statusCode < 500
			? { meaning: `Unknown error code ${code}`, action: FIX, status: 'rejected' as const }
			: meaningOfHttpStatus(answer.statusCode, CREDENTIAL));
	return failureFrom(PROVIDER, answer, meaning, code ?? answer.statusCode, message);
}

/** What an EngageLab answer means, or undefined when it accepted the request. */
export function engageLabAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	return isSuccessfulAnswer(answer) ? undefined : engageLabFailure(answer);
}

const GROUP_MAY_BE_TAKEN =
	'Check the group push in the EngageLab console before sending it again: EngageLab does not document that it de-duplicates a group push, so it is not sent again automatically.';

/**
 * A group push (or one app's part of it): no document says EngageLab honours a `cid` on
 * /v4/grouppush, so an answer that may hide an accepted push stays `unknown` and is never re-sent.
 */
export function engageLabGroupFailure(answer: ProviderAnswer): ProviderFailure {
	const failure = engageLabFailure(answer);
	return failure.status === 'unknown'
		? { ...failure, retryable: false, action: GROUP_MAY_BE_TAKEN }
		: failure;
}

export function engageLabGroupAnswerFailure(answer: ProviderAnswer): ProviderFailure | undefined {
	return isSuccessfulAnswer(answer) ? undefined : engageLabGroupFailure(answer);
}
