/**
 * RuStore's message rules, from its send page: only the documented fields, data values as strings,
 * and the validation algorithm (a non-empty data map, or a notification of either kind).
 * Returns what is wrong, or undefined.
 */
const MESSAGE_FIELDS = ['token', 'data', 'notification', 'android'];
const NOTIFICATION_FIELDS = ['title', 'body', 'image'];
const ANDROID_FIELDS = ['ttl', 'notification'];
const ANDROID_NOTIFICATION_FIELDS = [
	'title',
	'body',
	'icon',
	'color',
	'image',
	'channel_id',
	'click_action',
	'click_action_type',
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownField(object: Json, allowed: string[], where: string): string | undefined {
	const extra = Object.keys(object).find((key) => !allowed.includes(key));
	return extra
		? `Invalid JSON payload received. Unknown name "${extra}" at '${where}': Cannot find field.`
		: undefined;
}

export function messageProblem(message: unknown, withToken: boolean): string | undefined {
	if (!isObject(message)) return "Invalid JSON payload received. 'message' must be an object.";
	const unknown = unknownField(
		message,
		withToken ? MESSAGE_FIELDS : MESSAGE_FIELDS.slice(1),
		'message',
	);
	if (unknown) return unknown;
	if (withToken && (typeof message.token !== 'string' || message.token.trim() === ''))
		return 'message.token is required';
	if (message.data !== undefined) {
		if (!isObject(message.data)) return 'message.data must be a map';
		if (Object.values(message.data).some((value) => typeof value !== 'string'))
			return 'message.data values must be strings';
	}
	if (message.notification !== undefined) {
		if (!isObject(message.notification)) return 'message.notification must be an object';
		const problem = unknownField(message.notification, NOTIFICATION_FIELDS, 'message.notification');
		if (problem) return problem;
	}
	const android = message.android;
	if (android !== undefined) {
		if (!isObject(android)) return 'message.android must be an object';
		const problem = unknownField(android, ANDROID_FIELDS, 'message.android');
		if (problem) return problem;
		if (
			android.ttl !== undefined &&
			!(typeof android.ttl === 'string' && /^\d+(\.\d+)?s$/.test(android.ttl))
		) {
			return `Invalid value at 'message.android.ttl' (type.googleapis.com/google.protobuf.Duration), "${String(android.ttl)}"`;
		}
		const notification = android.notification;
		if (notification !== undefined) {
			if (!isObject(notification)) return 'message.android.notification must be an object';
			const unknownAndroid = unknownField(
				notification,
				ANDROID_NOTIFICATION_FIELDS,
				'message.android.notification',
			);
			if (unknownAndroid) return unknownAndroid;
			if (
				notification.color !== undefined &&
				!/^#[0-9a-fA-F]{6}$/.test(String(notification.color))
			) {
				return 'message.android.notification.color must be in the form #rrggbb';
			}
			if (
				notification.click_action_type !== undefined &&
				![0, 1].includes(notification.click_action_type as number)
			) {
				return 'message.android.notification.click_action_type must be 0 or 1';
			}
		}
	}
	const hasData = isObject(message.data) && Object.keys(message.data).length > 0;
	const hasNotification =
		message.notification !== undefined || (isObject(android) && android.notification !== undefined);
	if (!hasData && !hasNotification)
		return 'message must contain data, notification or android.notification';
	return undefined;
}
