import { z } from 'zod/v4';

import type { FieldLabels } from '../shared/validation';

/** RuStore's documented limit for a whole send request. */
export const MAX_BODY_BYTES = 4096;
/** Not published by RuStore; FCM's batch limit, kept as the default of the Batch Size option. */
export const MAX_TOKENS_PER_BATCH = 1000;

// RuStore's send page types these fields as plain strings and forbids no value, the empty one included:
// what it accepts is accepted here (an empty text shows nothing; an empty image is no image).
const text = z.string();
const imageUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ })], {
	error: 'must be an http(s) URL (or empty)',
});

const androidNotification = z
	.strictObject({
		title: text,
		body: text,
		icon: text,
		color: z
			.string()
			.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb, for example #ff8800'),
		image: imageUrl,
		channel_id: text,
		click_action: text,
		click_action_type: z.union([z.literal(0), z.literal(1)], {
			error: 'must be 0 (intent action) or 1 (deep link)',
		}),
	})
	.partial();

const messageFields = {
	data: z.record(z.string(), z.string({ error: 'values must be strings' })).optional(),
	notification: z.strictObject({ title: text, body: text, image: imageUrl }).partial().optional(),
	android: z
		.strictObject({
			ttl: z
				.string()
				.regex(/^\d+(\.\d{1,9})?s$/, 'must be a duration in seconds such as "3600s" or "3.5s"'),
			notification: androidNotification,
		})
		.partial()
		.optional(),
};

type MessageFields = z.infer<z.ZodObject<typeof messageFields>>;

/** RuStore's own validation algorithm: a non-empty data map, or a notification of either kind. */
const hasPayload = (message: MessageFields) =>
	Object.keys(message.data ?? {}).length > 0 ||
	message.notification !== undefined ||
	message.android?.notification !== undefined;
const payloadRule =
	'RuStore needs a payload: at least one Data pair, or a Notification, or an Android Notification';

/** Only the documented fields are accepted (RuStore rejects others). */
export const sendMessageSchema = z
	.strictObject({ token: z.string().trim().min(1, 'must not be empty'), ...messageFields })
	.refine(hasPayload, payloadRule);

export const topicMessageSchema = z.strictObject(messageFields).refine(hasPayload, payloadRule);

// FCM's topic rule (RuStore publishes none): URL-safe characters only, since the name goes in the path.
export const topicSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(900, 'must be at most 900 characters')
	.regex(/^[a-zA-Z0-9\-_.~%]+$/, 'may contain only letters, digits and - _ . ~ %');

export const tokenListSchema = z
	.array(z.string().regex(/^\S+$/, 'must be a push token without spaces'))
	.min(1, 'must contain at least one push token');

export const fieldLabels: FieldLabels = {
	'message.token': 'Push Token',
	'message.data': 'Data',
	'message.notification.title': 'Notification → Title',
	'message.notification.body': 'Notification → Body',
	'message.notification.image': 'Notification → Image URL',
	'message.android.ttl': 'Android Options → Time to Live',
	'message.android.notification.title': 'Android Notification → Title',
	'message.android.notification.body': 'Android Notification → Body',
	'message.android.notification.icon': 'Android Notification → Icon',
	'message.android.notification.color': 'Android Notification → Color',
	'message.android.notification.image': 'Android Notification → Image URL',
	'message.android.notification.channel_id': 'Android Notification → Channel ID',
	'message.android.notification.click_action': 'Android Notification → Click Action',
	'message.android.notification.click_action_type': 'Android Notification → Click Action Type',
	topic: 'Topic',
	push_tokens: 'Push Tokens',
	'push_tokens[]': 'Push Tokens',
};
