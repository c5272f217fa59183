/**
 * The normalised result every output item carries, the same for all providers, so a workflow can
 * route on it: delete tokens marked invalid_token, re-queue rate_limited ones, look into the rest.
 */
export type PushStatus =
	| 'sent'
	| 'validated'
	| 'subscribed'
	| 'unsubscribed'
	| 'invalid_token'
	| 'rate_limited'
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
