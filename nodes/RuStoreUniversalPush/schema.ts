import { z } from 'zod/v4';

import {
	fieldLabels as messageFieldLabels,
	topicMessageSchema,
	topicSchema,
} from '../RuStorePush/schema';
import type { FieldLabels } from '../shared/validation';

/** The providers the universal API sends to with a token list (APNS left out: its fields are unconfirmed). */
export const TOKEN_PROVIDERS = ['rustore', 'fcm', 'hms'] as const;
export type TokenProvider = (typeof TOKEN_PROVIDERS)[number];

export const PROVIDER_LABELS: Record<TokenProvider, string> = {
	rustore: 'RuStore',
	fcm: 'FCM',
	hms: 'HMS',
};

const tokenList = z
	.array(z.string().regex(/^\S+$/, 'must be a push token without spaces'))
	.min(1, 'must contain at least one push token')
	.optional();

/**
 * RuStore's universal examples pages (§ Пример невалидного сообщения): a notification without its
 * title or its body is refused with VALIDATION_ERROR. The native send takes either alone; this one
 * does not, so the universal message adds the rule (empty counts as missing, as "required" does there).
 */
const universalMessageSchema = topicMessageSchema.superRefine((message, context) => {
	if (message.notification === undefined) return;
	for (const field of ['title', 'body'] as const)
		if (!message.notification[field])
			context.addIssue({
				code: 'custom',
				message: `is required: RuStore's universal API refuses a notification without a ${field}`,
				path: ['notification', field],
			});
});

// RuStore's page: `message.android` is required when HMS tokens are sent.
const androidForHms = (body: { tokens: { hms?: string[] }; message: { android?: unknown } }) =>
	!body.tokens.hms?.length || body.message.android !== undefined;

/** Universal → Send: token lists per provider (at least one) and the message of Message → Send. */
export const universalSendSchema = z
	.strictObject({
		tokens: z
			.strictObject({ rustore: tokenList, fcm: tokenList, hms: tokenList })
			.refine(
				(tokens) => TOKEN_PROVIDERS.some((provider) => tokens[provider]?.length),
				'give push tokens for at least one provider',
			),
		message: universalMessageSchema,
	})
	.refine(androidForHms, {
		message:
			'HMS needs the android block: set an Android Notification field or Android Options → Time to Live',
		path: ['message', 'android'],
	});

/** Universal → Send to Topic: one topic, the message; the providers come from the credential. */
export const universalTopicSchema = z.strictObject({
	topic: topicSchema,
	message: universalMessageSchema,
});

/** The same, when the credential sends to HMS too: then the android block is required. */
export const universalTopicSchemaWithHms = universalTopicSchema.refine(
	(body) => body.message.android !== undefined,
	{
		message:
			'the credential sends to HMS, which needs the android block: set an Android Notification field or Android Options → Time to Live',
		path: ['message', 'android'],
	},
);

export const fieldLabels: FieldLabels = {
	...messageFieldLabels,
	'message.android': 'Android Notification / Android Options',
	tokens: 'Push Tokens',
	'tokens.rustore': 'RuStore Tokens',
	'tokens.rustore[]': 'RuStore Tokens',
	'tokens.fcm': 'FCM Tokens',
	'tokens.fcm[]': 'FCM Tokens',
	'tokens.hms': 'HMS Tokens',
	'tokens.hms[]': 'HMS Tokens',
};
