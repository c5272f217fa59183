import type { INodeProperties } from 'n8n-workflow';

import { fieldsShown, fromVersion2, notificationShown, version1, withMessage } from './shown';

const APP_ONLY = 'For App Push credentials; a Web Push credential refuses it';

const extras: INodeProperties = {
	displayName: 'Extras (JSON)',
	name: 'extras',
	type: 'json',
	default: '{}',
	description: 'Custom key/values for the app',
};
const intentUrl: INodeProperties = {
	displayName: 'Intent URL',
	name: 'intentUrl',
	type: 'string',
	default: '',
	placeholder: 'scheme://host/path',
	description: 'What a tap opens: a deep link, or an intent URI',
};

const contentFieldsOfBothVersions: INodeProperties[] = [
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		options: [
			{ name: 'Android', value: 'android' },
			{ name: 'HarmonyOS', value: 'hmos' },
			{ name: 'iOS', value: 'ios' },
		],
		default: ['android', 'ios', 'hmos'],
		description:
			'For App Push credentials: all three sends to every platform. A Web Push credential sends to the web; leave this as it is.',
		displayOptions: { show: fieldsShown },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		options: [
			{ name: 'Notification', value: 'notification', description: 'Shown to the user' },
			{
				name: 'Custom Message',
				value: 'message',
				description: 'Delivered to the app (or the web page) only, not shown',
			},
			{
				name: 'Notification and Custom Message',
				value: 'both',
				description:
					"Both in one push, as in EngageLab's group push example (EngageLab may refuse it: code 21306)",
			},
		],
		default: 'notification',
		displayOptions: { show: fieldsShown },
	},
	{
		displayName: 'Alert',
		name: 'alert',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description:
			'The notification text on every platform, unless a platform (or the web notification) gives its own',
		displayOptions: { show: notificationShown },
	},
	{
		displayName: 'Android',
		name: 'android',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: APP_ONLY,
		displayOptions: { show: { ...notificationShown, platforms: ['android'] } },
		options: [
			{ displayName: 'Alert', name: 'alert', type: 'string', default: '' },
			{ displayName: 'Badge Add Number', name: 'badge_add_num', type: 'number', default: 1 },
			{
				displayName: 'Badge Class',
				name: 'badge_class',
				type: 'string',
				default: '',
				description: 'The launcher activity, for Huawei and Honor badges',
			},
			{ displayName: 'Big Picture URL', name: 'big_pic_path', type: 'string', default: '' },
			{ displayName: 'Big Text', name: 'big_text', type: 'string', default: '' },
			{ displayName: 'Builder ID', name: 'builder_id', type: 'number', default: 0 },
			{ displayName: 'Category', name: 'category', type: 'string', default: '' },
			{ displayName: 'Channel ID', name: 'channel_id', type: 'string', default: '' },
			{
				displayName: 'Display in Foreground',
				name: 'display_foreground',
				type: 'options',
				options: [
					{ name: 'Yes', value: '1' },
					{ name: 'No', value: '0' },
				],
				default: '1',
			},
			extras,
			{ displayName: 'Inbox (JSON)', name: 'inbox', type: 'json', default: '{}' },
			intentUrl,
			{ displayName: 'Large Icon', name: 'large_icon', type: 'string', default: '' },
			{ displayName: 'Priority', name: 'priority', type: 'number', default: 0 },
			{ displayName: 'Small Icon', name: 'small_icon', type: 'string', default: '' },
			{ displayName: 'Sound', name: 'sound', type: 'string', default: '' },
			{
				displayName: 'Style',
				name: 'style',
				type: 'number',
				default: 0,
				description: '0 normal, 1 big text, 2 inbox, 3 big picture',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	{
		displayName: 'iOS',
		name: 'ios',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: APP_ONLY,
		displayOptions: { show: { ...notificationShown, platforms: ['ios'] } },
		options: [
			{
				displayName: 'Alert',
				name: 'alert',
				type: 'string',
				default: '',
				description: 'Text, or an APNs alert object as JSON ({"title": …, "body": …})',
			},
			{
				displayName: 'Badge',
				name: 'badge',
				type: 'string',
				default: '',
				placeholder: '+1',
				description: 'A number, or "+1" / "-1" to change it',
			},
			{ displayName: 'Category', name: 'category', type: 'string', default: '' },
			{
				displayName: 'Content Available',
				name: 'content-available',
				type: 'boolean',
				default: false,
			},
			extras,
			{
				displayName: 'Interruption Level',
				name: 'interruption-level',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Critical', value: 'critical' },
					{ name: 'Passive', value: 'passive' },
					{ name: 'Time Sensitive', value: 'time-sensitive' },
				],
				default: 'active',
			},
			{ displayName: 'Mutable Content', name: 'mutable-content', type: 'boolean', default: false },
			{ displayName: 'Sound', name: 'sound', type: 'string', default: '' },
			{ displayName: 'Thread ID', name: 'thread-id', type: 'string', default: '' },
		],
	},
	{
		displayName: 'HarmonyOS',
		name: 'hmos',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: APP_ONLY,
		displayOptions: { show: { ...notificationShown, platforms: ['hmos'] } },
		options: [
			{ displayName: 'Alert', name: 'alert', type: 'string', default: '' },
			{
				displayName: 'Badge Add Number',
				name: 'badge_add_num',
				type: 'number',
				default: 1,
				description: '1 to 99',
			},
			{
				displayName: 'Badge Set Number',
				name: 'badge_set_num',
				type: 'number',
				default: 0,
				description: '0 to 99',
			},
			{
				displayName: 'Category',
				name: 'category',
				type: 'string',
				default: '',
				description: "Huawei's notification category, required by Huawei for most apps",
			},
			extras,
			{
				displayName: 'Inbox Lines',
				name: 'inbox_content',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
				description: 'Up to 3 lines, for style 3 (multi-line)',
			},
			intentUrl,
			{
				displayName: 'Large Icon',
				name: 'large_icon',
				type: 'string',
				default: '',
				description: 'An https URL, at most 30 KB',
			},
			{
				displayName: 'Push Type',
				name: 'push_type',
				type: 'options',
				options: [
					{ name: 'Notification', value: 0 },
					{ name: 'Extension', value: 2 },
					{ name: 'VoIP', value: 10 },
				],
				default: 0,
			},
			{
				displayName: 'Style',
				name: 'style',
				type: 'options',
				options: [
					{ name: 'Normal', value: 0 },
					{ name: 'Multi-Line', value: 3 },
				],
				default: 0,
			},
			{ displayName: 'Test Message', name: 'test_message', type: 'boolean', default: false },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Web Notification',
		name: 'web',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'For Web Push credentials (alert and URL required); an App Push credential refuses it',
		displayOptions: { show: notificationShown },
		options: [
			{ displayName: 'Alert', name: 'alert', type: 'string', default: '' },
			extras,
			{
				displayName: 'Icon URL',
				name: 'icon',
				type: 'string',
				default: '',
				description: 'About 192×192, at most 1 MB (Chrome, Firefox)',
			},
			{
				displayName: 'Image URL',
				name: 'image',
				type: 'string',
				default: '',
				description: 'About 360×180, at most 1 MB (Chrome, Edge)',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '',
				description: 'Opened on click',
			},
		],
	},
	{
		displayName: 'Custom Message',
		name: 'message',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Content is required',
		displayOptions: { show: { ...fieldsShown, content: withMessage } },
		options: [
			{ displayName: 'Content', name: 'msg_content', type: 'string', default: '' },
			{ displayName: 'Content Type', name: 'content_type', type: 'string', default: '' },
			extras,
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
];

/**
 * The fields that differ by version, as 0.1.0 showed them in version 1: the node's Product chose
 * between the App Push fields and the Web Notification, each without the credential's wording.
 */
const VERSION_1: Record<string, { product: string; description?: string }> = {
	platforms: { product: 'appPush', description: 'All three sends to every platform' },
	android: { product: 'appPush' },
	ios: { product: 'appPush' },
	hmos: { product: 'appPush' },
	web: { product: 'webPush', description: 'Alert and URL are required' },
};

function byVersion(field: INodeProperties): INodeProperties[] {
	const old = VERSION_1[field.name];
	if (!old) return [field];
	const show = field.displayOptions?.show ?? {};
	// Version 1 keeps 0.1.0's description (or none), not today's.
	const rest: INodeProperties = { ...field };
	delete rest.description;
	return [
		{
			...rest,
			...(old.description ? { description: old.description } : {}),
			displayOptions: { show: { ...show, product: [old.product], ...version1 } },
		},
		{ ...field, displayOptions: { show: { ...show, ...fromVersion2 } } },
	];
}

export const contentFields: INodeProperties[] = contentFieldsOfBothVersions.flatMap(byVersion);
