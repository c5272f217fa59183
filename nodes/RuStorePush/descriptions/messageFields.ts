import type { INodeProperties } from 'n8n-workflow';

/** Shown for Message → Send, Send to Many and Topic → Publish, which send the same message object. */
const show = { resource: ['message', 'topic'], operation: ['send', 'sendMany', 'publish'] };
const showFields = { ...show, messageInput: ['fields'] };

export const messageFields: INodeProperties[] = [
	{
		displayName: 'Define Message Using',
		name: 'messageInput',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{ name: 'JSON', value: 'json', description: 'Give the whole RuStore message object' },
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Message (JSON)',
		name: 'messageJson',
		type: 'json',
		default:
			'{\n  "notification": {\n    "title": "Hello",\n    "body": "Your order has shipped"\n  }\n}',
		description:
			'The RuStore message object: data, notification and android. When sending to a token, the Push Token field sets its token.',
		displayOptions: { show: { ...show, messageInput: ['json'] } },
	},
	{
		displayName: 'Notification',
		name: 'notification',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'What the user sees, on every platform',
		displayOptions: { show: showFields },
		options: [
			{ displayName: 'Body', name: 'body', type: 'string', default: '', typeOptions: { rows: 2 } },
			{
				displayName: 'Image URL',
				name: 'image',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/picture.jpg',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Data',
		name: 'data',
		type: 'fixedCollection',
		placeholder: 'Add Pair',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Key/value pairs delivered to the app; values are sent as text',
		displayOptions: { show: showFields },
		options: [
			{
				displayName: 'Pair',
				name: 'pairs',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Android Notification',
		name: 'androidNotification',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Android-specific notification fields; they override Notification where both are set',
		displayOptions: { show: showFields },
		options: [
			{ displayName: 'Body', name: 'body', type: 'string', default: '', typeOptions: { rows: 2 } },
			{ displayName: 'Channel ID', name: 'channelId', type: 'string', default: '' },
			{
				displayName: 'Click Action',
				name: 'clickAction',
				type: 'string',
				default: '',
				description: 'An intent action, or a deep link when Click Action Type is Deep Link',
			},
			{
				displayName: 'Click Action Type',
				name: 'clickActionType',
				type: 'options',
				options: [
					{
						name: 'Deep Link',
						value: 1,
						description:
							'Click Action is a deep link (needs RuStore 1.39.0 or newer on the device)',
					},
					{
						name: 'Intent Action',
						value: 0,
						description: 'Click Action is an Android intent action',
					},
				],
				default: 0,
			},
			{
				displayName: 'Color',
				name: 'color',
				type: 'color',
				default: '#000000',
				description: 'Colour of the notification icon',
			},
			{
				displayName: 'Icon',
				name: 'icon',
				type: 'string',
				default: '',
				description: 'Name of a drawable in the app',
			},
			{
				displayName: 'Image URL',
				name: 'image',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/picture.jpg',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Android Options',
		name: 'androidOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showFields },
		options: [
			{
				displayName: 'Time to Live',
				name: 'ttl',
				type: 'string',
				default: '',
				placeholder: '3600s',
				description:
					'How long RuStore keeps the message for an offline device: seconds, as "3600s", "3.5s" or a plain number. RuStore keeps it 4 weeks when empty.',
			},
		],
	},
];
