import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * What a delivery receipt says happened to a push, in the package's words, the same for every
 * provider's trigger. `invalid_token` only where the receipt names the target itself invalid;
 * a kind the package does not know is `unknown`, never an error.
 */
export type ReceiptStatus =
	| 'targeted'
	| 'sent'
	| 'delivered'
	| 'clicked'
	| 'failed'
	| 'invalid_token'
	| 'withdrawn'
	| 'withdraw_failed'
	| 'unknown';

// Plain names: n8n's node panel lists a trigger's events as "On <name>" actions.
export const RECEIPT_STATUSES: ReadonlyArray<{
	name: string;
	value: ReceiptStatus;
	description: string;
}> = [
	{ name: 'Delivered', value: 'delivered', description: 'The push reached the device' },
	{ name: 'Clicked', value: 'clicked', description: 'The user opened the push' },
	{ name: 'Sent', value: 'sent', description: 'The provider sent the push on' },
	{ name: 'Failed', value: 'failed', description: 'Sending or delivery failed' },
	{
		name: 'Invalid Token',
		value: 'invalid_token',
		description: 'The provider calls the target invalid: stop sending to it',
	},
	{ name: 'Targeted', value: 'targeted', description: 'The provider found the target valid' },
	{ name: 'Withdrawn', value: 'withdrawn', description: 'The push was recalled' },
	{ name: 'Withdraw Failed', value: 'withdraw_failed', description: 'A recall failed' },
	{ name: 'Unknown', value: 'unknown', description: 'A kind this package does not know yet' },
];

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON with object keys sorted, so the same content always gives the same text. Built with an
 * explicit stack, not recursion: a deeply nested body must not exhaust the call stack.
 */
function canonical(root: unknown): string {
	const out: string[] = [];
	// Each entry is a value still to write or a piece of punctuation already decided.
	const stack: Array<{ value: unknown } | string> = [{ value: root }];
	while (stack.length > 0) {
		const next = stack.pop() as { value: unknown } | string;
		if (typeof next === 'string') {
			out.push(next);
			continue;
		}
		const { value } = next;
		if (Array.isArray(value)) {
			// JSON.stringify writes null for undefined (and other non-JSON) array entries.
			const parts: Array<{ value: unknown } | string> = ['['];
			value.forEach((entry: unknown, at) => parts.push(...(at ? [','] : []), { value: entry }));
			parts.push(']');
			for (let at = parts.length - 1; at >= 0; at--) stack.push(parts[at]);
		} else if (isObject(value)) {
			const keys = Object.keys(value)
				.sort()
				.filter((key) => value[key] !== undefined);
			const parts: Array<{ value: unknown } | string> = ['{'];
			keys.forEach((key, at) =>
				parts.push(`${at ? ',' : ''}${JSON.stringify(key)}:`, { value: value[key] }),
			);
			parts.push('}');
			for (let at = parts.length - 1; at >= 0; at--) stack.push(parts[at]);
		} else out.push(JSON.stringify(value ?? null));
	}
	return out.join('');
}

/**
 * Whether a parsed body nests objects or arrays deeper than `limit` levels (counted without
 * recursion). Such a body is answered with a clean 400 before anything else touches it.
 */
export function nestsDeeperThan(root: unknown, limit: number): boolean {
	const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
	while (stack.length > 0) {
		const { value, depth } = stack.pop() as { value: unknown; depth: number };
		if (typeof value !== 'object' || value === null) continue;
		if (depth + 1 > limit) return true;
		for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
	}
	return false;
}

/**
 * Far deeper than any documented callback (EngageLab's rows nest 4 levels, Sber's 5; custom_args is
 * the sender's own JSON), and shallow enough for n8n to store and show the run.
 */
export const MAX_BODY_DEPTH = 1000;

/**
 * A key to de-duplicate on: the same event, delivered again by a provider's retry, gives the same
 * key (the hash covers the event's content, never the delivery's headers or arrival time).
 */
export function dedupeKey(provider: string, event: unknown): string {
	return `${provider}:${createHash('sha256').update(canonical(event)).digest('hex').slice(0, 40)}`;
}

/**
 * Constant-time equality of two secrets of any length: both sides are hashed first, so the
 * comparison never stops early and never reveals the expected length.
 */
export function sameSecret(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Lower-case hex HMAC-SHA256, as EngageLab signs its callbacks. */
export function hmacHex(secret: string, message: string): string {
	return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/**
 * A timestamp in seconds or milliseconds (above 1e10 is taken as milliseconds, as n8n's own
 * triggers do) within `windowSeconds` of `nowMs`, either side (clocks drift both ways).
 */
export function withinWindow(timestamp: string, windowSeconds: number, nowMs: number): boolean {
	if (!/^\d{1,16}$/.test(timestamp.trim())) return false;
	const value = Number(timestamp.trim());
	const seconds = value > 1e10 ? value / 1000 : value;
	return Math.abs(nowMs / 1000 - seconds) <= windowSeconds;
}

const REFUSAL_LOG_INTERVAL_MS = 60_000;
// Bounded: one entry per workflow that was refused lately; the oldest goes first.
const MAX_REFUSAL_WINDOWS = 1000;
const refusalWindows = new Map<string, { since: number; count: number }>();

/**
 * Counts a refused call for `key` (a workflow and node) and says whether to log now: at most once a
 * minute per key, with the number of calls refused since the last line (this one included), so
 * unauthenticated traffic cannot flood the log. Kept in memory: nothing is written per call.
 */
export function refusalToLog(key: string, nowMs: number): number | undefined {
	const window = refusalWindows.get(key);
	if (window && nowMs - window.since < REFUSAL_LOG_INTERVAL_MS) {
		window.count += 1;
		return undefined;
	}
	const count = (window?.count ?? 0) + 1;
	refusalWindows.delete(key);
	refusalWindows.set(key, { since: nowMs, count: 0 });
	if (refusalWindows.size > MAX_REFUSAL_WINDOWS)
		refusalWindows.delete(refusalWindows.keys().next().value as string);
	return count;
}

/** A refused call: logged (rate-limited, see refusalToLog) and answered with a small JSON, never a run. */
export function refuse(
	context: IWebhookFunctions,
	status: 400 | 401,
	answer: string,
	logReason: string,
): IWebhookResponseData {
	const { name } = context.getNode();
	const workflowId = context.getWorkflow().id;
	const count = refusalToLog(`${workflowId ?? ''}:${name}`, Date.now());
	if (count !== undefined)
		context.logger.warn(
			`${name} answered ${status}: ${logReason} (${count} call(s) refused since the last such line)`,
			{ workflowId, refused: count },
		);
	context.getResponseObject().status(status).json({ code: status, message: answer }).end();
	return { noWebhookResponse: true };
}

/**
 * For a trigger whose URL a person enters at the provider (EngageLab's console, Sber's callbackUrl
 * header of each send): there is nothing to register or remove, so the URL always "exists".
 */
export const manualUrlWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
