import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';

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

/** JSON with object keys sorted, so the same content always gives the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value))
		return `{${Object.keys(value)
			.sort()
			.filter((key) => value[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
			.join(',')}}`;
	return JSON.stringify(value ?? null);
}

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
