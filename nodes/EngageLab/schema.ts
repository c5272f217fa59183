import { z } from 'zod/v4';

import { editorWording } from '../shared/issueWording';
import { utf8Length } from '../shared/parameters';
import type { FieldLabels } from '../shared/validation';
import { labelCharacters, MAX_LABEL_BYTES } from './names';

export const MAX_IDS_PER_PUSH = 1000;
export const MAX_TAG_FILTERS = 20;
export const MAX_BODY_BYTES = 4000;
export const MAX_WEB_NOTIFICATION_BYTES = 2048;
export const APP_PLATFORMS = ['android', 'ios', 'hmos'] as const;

/** A tag or an alias of the audience: EngageLab's label rule (names.ts), checked on each entry. */
const label = z
	.string()
	.refine(
		(value) => utf8Length(value) <= MAX_LABEL_BYTES,
		`each must be at most ${MAX_LABEL_BYTES} bytes`,
	)
	.refine((value) => value.trim().length > 0, 'must not be empty')
	.refine((value) => !value.trim() || labelCharacters.valid(value.trim()), {
		error: (issue) => `each ${labelCharacters.message(String(issue.input).trim())}`,
	});

const ids = z.array(z.string().trim().min(1, 'must not be empty'));

/** `to` other than "all": registration ids, tags (OR), tags AND, tags NOT, aliases and a segment, combined with AND. */
export const targetsSchema = z.strictObject({
	registration_id: ids.optional(),
	tag: z.array(label).optional(),
	tag_and: z.array(label).max(MAX_TAG_FILTERS, `at most ${MAX_TAG_FILTERS} tags`).optional(),
	tag_not: z.array(label).max(MAX_TAG_FILTERS, `at most ${MAX_TAG_FILTERS} tags`).optional(),
	alias: z
		.array(label)
		.max(MAX_IDS_PER_PUSH, `at most ${MAX_IDS_PER_PUSH} aliases per push`)
		.optional(),
	seg: z.strictObject({ id: z.string().trim().min(1, 'must not be empty') }).optional(),
});

const extras = z.record(z.string(), z.unknown()).optional();
const intent = z.strictObject({ url: z.string().min(1, 'must not be empty') }).optional();

const androidSchema = z.strictObject({
	alert: z.string().optional(),
	title: z.string().optional(),
	builder_id: z.number().int().optional(),
	channel_id: z.string().optional(),
	priority: z.number().int().optional(),
	category: z.string().optional(),
	style: z.number().int().optional(),
	big_text: z.string().optional(),
	inbox: z.record(z.string(), z.unknown()).optional(),
	big_pic_path: z.string().optional(),
	intent,
	large_icon: z.string().optional(),
	small_icon: z.string().optional(),
	sound: z.string().optional(),
	badge_add_num: z.number().int().optional(),
	badge_class: z.string().optional(),
	display_foreground: z.enum(['0', '1'], 'must be "1" or "0"').optional(),
	extras,
});

const iosSchema = z.strictObject({
	alert: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
	sound: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
	badge: z
		.union([
			z.number().int(),
			z.string().regex(/^[+-]?\d+$/, 'must be a number or "+1"-style change'),
		])
		.optional(),
	'content-available': z.boolean().optional(),
	'mutable-content': z.boolean().optional(),
	category: z.string().optional(),
	'thread-id': z.string().optional(),
	'interruption-level': z
		.enum(
			['passive', 'active', 'time-sensitive', 'critical'],
			'must be passive, active, time-sensitive or critical',
		)
		.optional(),
	extras,
});

const hmosSchema = z
	.strictObject({
		alert: z.string(),
		title: z.string().optional(),
		category: z.string().optional(),
		large_icon: z
			.string()
			.regex(/^https:\/\//, 'must be an https URL')
			.optional(),
		intent,
		badge_add_num: z.number().int().min(1, 'must be 1 to 99').max(99, 'must be 1 to 99').optional(),
		badge_set_num: z.number().int().min(0, 'must be 0 to 99').max(99, 'must be 0 to 99').optional(),
		style: z.union([z.literal(0), z.literal(3)], 'must be 0 (normal) or 3 (multi-line)').optional(),
		inbox_content: z
			.array(z.string().max(1024, 'each line must be at most 1024 characters'))
			.max(3, 'at most 3 lines')
			.optional(),
		push_type: z
			.union([z.literal(0), z.literal(2), z.literal(10)], 'must be 0, 2 or 10')
			.optional(),
		test_message: z.boolean().optional(),
		extras,
	})
	.refine((hmos) => hmos.style !== 3 || (hmos.inbox_content?.length ?? 0) > 0, {
		message: 'is needed when the style is 3 (multi-line)',
		path: ['inbox_content'],
	});

const webSchema = z.strictObject({
	// String or JSON Object (doc 004, notification.web.alert).
	alert: z.union([z.string().min(1, 'must not be empty'), z.record(z.string(), z.unknown())]),
	url: z.string().regex(/^https?:\/\//, 'must be an http(s) URL'),
	title: z.string().optional(),
	icon: z.string().optional(),
	image: z.string().optional(),
	extras,
});

const notificationSchema = z.strictObject({
	alert: z.string().optional(),
	android: androidSchema.optional(),
	ios: iosSchema.optional(),
	hmos: hmosSchema.optional(),
	web: webSchema.optional(),
});

const messageSchema = z.strictObject({
	// String or JSON Object (doc 004, message.msg_content).
	msg_content: z.union([z.string().min(1, 'must not be empty'), z.record(z.string(), z.unknown())]),
	title: z.string().optional(),
	content_type: z.string().optional(),
	extras,
});

const optionsSchema = z.strictObject({
	// Int or String (doc 004).
	time_to_live: z
		.union(
			[z.number().int().min(0), z.string().regex(/^\d+$/)],
			'must be a whole number of seconds (a number or text)',
		)
		.optional(),
	// Long (doc 004): text from the editor is turned into a number when the push is built.
	override_msg_id: z
		.union(
			[z.number().int().min(0), z.string().regex(/^\s*\d+\s*$/)],
			'must be a message id (a whole number)',
		)
		.optional(),
	apns_production: z.boolean().optional(),
	apns_collapse_id: z.string().max(64, 'must be at most 64 bytes').optional(),
	big_push_duration: z
		.number()
		.int()
		.min(1, 'must be 1 to 1440 minutes')
		.max(1440, 'must be at most 1440 minutes (EngageLab code 23006)')
		.optional(),
	multi_language: z
		.record(
			z.string(),
			z.strictObject({ content: z.string().optional(), title: z.string().optional() }),
		)
		.optional(),
	third_party_channel: z.record(z.string(), z.unknown()).optional(),
	plan_id: z.string().optional(),
	cid: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -')
		.optional(),
});

const pushShape = z.strictObject({
	from: z.string().optional(),
	// Checked below, so that an error names the audience field rather than "invalid input".
	to: z.union(
		[z.literal('all'), z.record(z.string(), z.unknown())],
		'must be "all" or an object of targets',
	),
	body: z.strictObject({
		platform: z.union([
			z.literal('all'),
			z.literal('web'),
			z
				.array(z.enum([...APP_PLATFORMS, 'web'], 'must be android, ios, hmos or web'))
				.min(1, 'must name at least one platform'),
		]),
		notification: notificationSchema.optional(),
		message: messageSchema.optional(),
		options: optionsSchema.optional(),
	}),
	request_id: z.string().optional(),
	custom_args: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});

type Push = z.output<typeof pushShape>;

/** The rules across fields, checked once every field is valid on its own (so errors do not repeat). */
function crossFieldRules(push: Push, context: z.RefinementCtx<Push>): void {
	if (push.to !== 'all') {
		const targets = targetsSchema.safeParse(push.to, { error: editorWording });
		for (const issue of targets.error?.issues ?? []) {
			context.addIssue({
				code: 'custom',
				path: ['to', ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
				message: issue.message,
			});
		}
		// Once the targets are valid: here, not in a refine with `when`, which n8n 1.x's zod 3.25.67 ignores.
		if (targets.success && !Object.keys(targets.data).some((key) => key !== 'tag_not'))
			context.addIssue({
				code: 'custom',
				path: ['to', 'tag_not'],
				message:
					'Tags NOT narrows another audience and cannot be used alone: add registration ids, tags, aliases or a segment',
			});
	}
	const { notification, message } = push.body;
	if (!notification && !message)
		context.addIssue({
			code: 'custom',
			path: ['body'],
			message: 'needs a notification or a custom message',
		});
	// No rule against a notification with a custom message: EngageLab's group push page sends both
	// together; its code 21306 (listed without saying when) is explained if EngageLab answers it.
	const size = utf8Length(JSON.stringify({ notification, message }));
	if (size > MAX_BODY_BYTES)
		context.addIssue({
			code: 'custom',
			path: ['body'],
			message: `notification and message are ${size} bytes, EngageLab accepts at most ${MAX_BODY_BYTES} (code 21005)`,
		});
	if (notification?.web) {
		const webSize = utf8Length(JSON.stringify(notification.web));
		if (webSize > MAX_WEB_NOTIFICATION_BYTES)
			context.addIssue({
				code: 'custom',
				path: ['body', 'notification', 'web'],
				message: `is ${webSize} bytes, at most ${MAX_WEB_NOTIFICATION_BYTES} for Web Push (code 21005)`,
			});
	}
}

/** Each field on its own; then `pushRulesSchema` for the rules across fields, on a body that passed. */
export const pushBodySchema = pushShape;
export const pushRulesSchema = z.custom<Push>().superRefine(crossFieldRules);

export const fieldLabels: FieldLabels = {
	to: 'Audience',
	'to.registration_id': 'Recipients → Registration IDs',
	'to.registration_id[]': 'Recipients → Registration IDs',
	'to.tag[]': 'Recipients → Tags',
	'to.tag_and': 'Recipients → Tags AND',
	'to.tag_and[]': 'Recipients → Tags AND',
	'to.tag_not': 'Recipients → Tags NOT',
	'to.tag_not[]': 'Recipients → Tags NOT',
	'to.alias': 'Recipients → Aliases',
	'to.alias[]': 'Recipients → Aliases',
	'to.seg.id': 'Recipients → Segment ID',
	'body.platform': 'Platforms',
	body: 'Content',
	'body.message': 'Custom Message',
	'body.message.msg_content': 'Custom Message → Content',
	'body.notification.web': 'Web Notification',
	'body.notification.web.alert': 'Web Notification → Alert',
	'body.notification.web.url': 'Web Notification → URL',
	'body.notification.android.display_foreground': 'Android → Display in Foreground',
	'body.notification.ios.badge': 'iOS → Badge',
	'body.notification.ios.interruption-level': 'iOS → Interruption Level',
	'body.notification.hmos.alert': 'HarmonyOS → Alert',
	'body.notification.hmos.large_icon': 'HarmonyOS → Large Icon',
	'body.notification.hmos.badge_add_num': 'HarmonyOS → Badge Add Number',
	'body.notification.hmos.inbox_content': 'HarmonyOS → Inbox Lines',
	'body.options.big_push_duration': 'Options → Big Push Duration',
	'body.options.cid': 'Options → Idempotency Key (CID)',
	'body.options.override_msg_id': 'Options → Override Message ID',
	'body.notification.alert': 'Alert',
	'body.options.time_to_live': 'Options → Time to Live',
};
