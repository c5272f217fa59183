import type { INodeProperties } from 'n8n-workflow';

import { pushResources, version1 } from './shown';

export const bodyInputField: INodeProperties = {
	displayName: 'Define Push Using',
	name: 'bodyInput',
	type: 'options',
	options: [
		{ name: 'Fields Below', value: 'fields' },
		{
			name: 'JSON',
			value: 'json',
			description: 'Give the whole request body (from, to, body, request_id, custom_args)',
		},
	],
	default: 'fields',
	displayOptions: { show: { resource: pushResources } },
};

export const bodyJsonField: INodeProperties = {
	displayName: 'Push (JSON)',
	name: 'bodyJson',
	type: 'json',
	default:
		'{\n  "to": "all",\n  "body": {\n    "platform": "all",\n    "notification": { "alert": "Hello" }\n  }\n}',
	displayOptions: { show: { resource: pushResources, bodyInput: ['json'] } },
};

export const optionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: pushResources } },
	options: [
		{ displayName: 'APNs Collapse ID', name: 'apnsCollapseId', type: 'string', default: '' },
		{
			displayName: 'APNs Production',
			name: 'apnsProduction',
			type: 'boolean',
			default: true,
			description: 'Whether iOS pushes go to the production APNs environment (off: development)',
		},
		{
			displayName: 'Big Push Duration (Minutes)',
			name: 'bigPushDuration',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 1, maxValue: 1440 },
			description: 'Spread the delivery over this many minutes (at most 1440)',
		},
		{
			displayName: 'Custom Args',
			name: 'customArgs',
			type: 'string',
			default: '',
			description:
				"Text or a JSON object, returned in EngageLab's callbacks to match events to this push",
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'string',
			default: '',
			description: "The sender name shown in EngageLab's statistics",
		},
		{
			displayName: 'Idempotency Key (CID)',
			name: 'cid',
			type: 'string',
			default: '',
			description:
				'EngageLab sends a push only once per key. Empty: the node makes one per item, so its retries are safe.',
		},
		{
			displayName: 'Multi-Language (JSON)',
			name: 'multiLanguage',
			type: 'json',
			default: '{}',
			placeholder: '{"en": {"title": "Sale", "content": "20% off"}}',
			description: 'Content and title per language code',
		},
		{
			displayName: 'Override Message ID',
			name: 'overrideMsgId',
			type: 'string',
			default: '',
			description:
				'The message ID of a push of the last 24 hours to replace (not for group pushes); sent as a number',
		},
		{
			displayName: 'Plan ID',
			name: 'planId',
			type: 'string',
			default: '',
			description: 'A push plan created in EngageLab, for its statistics',
		},
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			description: 'Your ID for this request; EngageLab echoes it',
		},
		{
			displayName: 'Third-Party Channel Distribution',
			name: 'distribution',
			type: 'options',
			options: [
				{ name: 'App Push: EngageLab First, Then FCM', value: 'mtpush_fcm' },
				{ name: 'App Push: EngageLab First, Then Vendor', value: 'mtpush_pns' },
				{ name: 'App Push: EngageLab Only', value: 'mtpush' },
				{ name: 'App Push: FCM First, Then EngageLab', value: 'fcm_mtpush' },
				{ name: 'App Push: Vendor First, Then EngageLab (Default)', value: 'pns_mtpush' },
				{ name: 'Web Push: Browser Push First', value: 'first_ospush' },
				{ name: 'Web Push: Browser Push Only', value: 'ospush' },
				{ name: 'Web Push: EngageLab Only', value: 'mtpush_web' },
				{ name: 'Web Push: Secondary Push', value: 'secondary_push' },
			],
			default: 'pns_mtpush',
		},
		{
			displayName: 'Time to Live (Seconds)',
			name: 'timeToLive',
			type: 'number',
			default: 86400,
			typeOptions: { minValue: 0 },
			description: 'How long EngageLab keeps the push for offline devices; 0: online devices only',
		},
	],
};

/** Version 1 (0.1.0) only: the node chose the product, and it had to match the credential's. */
export const productField: INodeProperties = {
	displayName: 'Product',
	name: 'product',
	type: 'options',
	options: [
		{ name: 'App Push', value: 'appPush' },
		{ name: 'Web Push', value: 'webPush' },
	],
	default: 'appPush',
	description: 'Must match the credential; decides which fields are shown',
	displayOptions: { show: { resource: pushResources, ...version1 } },
};
