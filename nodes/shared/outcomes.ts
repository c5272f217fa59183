/**
 * The normalised result every output item carries, the same for all providers, so a workflow can
 * route on it: delete tokens marked invalid_token, re-queue rate_limited and unavailable ones (not
 * sent), look into rejected ones, and check unknown ones (may have been taken) before sending again.
 */
export type PushStatus =
	| 'sent'
	| 'validated'
	| 'subscribed'
	| 'unsubscribed'
	| 'invalid_token'
	| 'rate_limited'
	| 'unavailable'
	| 'rejected'
	| 'unknown';

export const SUCCESS_STATUSES: ReadonlySet<PushStatus> = new Set([
	'sent',
	'validated',
	'subscribed',
	'unsubscribed',
]);

export function isSuccess(status: PushStatus): boolean {
	return SUCCESS_STATUSES.has(status);
}

/** Not sent, and safe to send again later: the provider throttled it or could not take it. */
export function isRetryable(status: PushStatus): boolean {
	return status === 'rate_limited' || status === 'unavailable';
}
