import type { INodeProperties } from 'n8n-workflow';

import { messageFields as nativeMessageFields } from '../../RuStorePush/descriptions/messageFields';

const show = { resource: ['universal'], operation: ['send', 'sendToTopic'] };

const tokenField = (displayName: string, name: string, where: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	typeOptions: { rows: 2 },
	placeholder: 'token-1, token-2',
	description: `Push tokens ${where}, one per line or separated by commas, or an array from an expression. Duplicates are sent once; each token gets its own output item.`,
	displayOptions: { show: { resource: ['universal'], operation: ['send'] } },
});

export const tokenFields: INodeProperties[] = [
	tokenField('RuStore Tokens', 'rustoreTokens', 'that the universal SDK took from RuStore'),
	tokenField('FCM Tokens', 'fcmTokens', 'that the universal SDK took from Firebase (FCM)'),
	tokenField('HMS Tokens', 'hmsTokens', 'that the universal SDK took from Huawei (HMS)'),
];

export const topicField: INodeProperties = {
	displayName: 'Topic',
	name: 'topic',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'news',
	description:
		'Topic name: letters, digits and - _ . ~ %. It goes to RuStore, and to FCM and HMS when the credential sends to them.',
	displayOptions: { show: { resource: ['universal'], operation: ['sendToTopic'] } },
};

/**
 * The message fields and JSON mode of the RuStore Push node (the universal API takes the same message
 * object), shown for this node's operations instead of the native ones.
 */
export const messageFields: INodeProperties[] = nativeMessageFields.map((field) => ({
	...field,
	...(field.name === 'messageJson'
		? {
				description:
					'The message object: data, notification and android. HMS tokens need the android block.',
			}
		: {}),
	displayOptions: {
		show: {
			...show,
			...(field.displayOptions?.show?.messageInput
				? { messageInput: field.displayOptions.show.messageInput }
				: {}),
		},
	},
}));
