import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { buildExtendedBody } from '../hooks/buildRequests';
import { extendedPlan, readSberAnswer } from '../hooks/readResponses';
import { sberProfile } from '../profile';
import { destinationsField } from './destinationFields';

export const sendExtendedOperation: INodePropertyOptions = {
	name: 'Send (Extended)',
	value: 'sendExtended',
	action: 'Send a push with delivery options',
	description:
		'Send a template push to several surfaces, with deep links or device parameters, now or in a time frame',
	routing: pushRouting({
		profile: sberProfile,
		build: buildExtendedBody,
		plan: extendedPlan,
		read: readSberAnswer,
	}),
};

const show = { operation: ['sendExtended'] };
const showFields = { ...show, payloadInput: ['fields'] };

export const sendExtendedFields: INodeProperties[] = [
	{
		displayName: 'Define Payload Using',
		name: 'payloadInput',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{
				name: 'JSON',
				value: 'json',
				description: 'Give the whole payload: sender, recipient and deliveryConfig',
			},
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Payload (JSON)',
		name: 'payloadJson',
		type: 'json',
		default:
			'{\n  "sender": { "projectId": "" },\n  "recipient": { "clientId": { "idType": "SUB", "id": "" } },\n  "deliveryConfig": {\n    "deliveryMode": "BROADCAST",\n    "destinations": [\n      { "surface": "COMPANION", "channel": "COMPANION_B2C", "priority": 0, "templateContent": { "id": "" } }\n    ]\n  }\n}',
		description:
			"The request's payload object; a time frame goes in each destination's templateContent.timeFrame. Project ID and Client ID above are not used in this mode.",
		displayOptions: { show: { ...show, payloadInput: ['json'] } },
	},
	{
		displayName: 'Delivery Mode',
		name: 'deliveryMode',
		type: 'options',
		options: [
			{ name: 'Broadcast', value: 'BROADCAST', description: 'Deliver to every destination' },
			{
				name: 'Sequential',
				value: 'SEQUENTIAL',
				description: 'Try destinations by priority (0 first) and stop after the first delivery',
			},
		],
		default: 'BROADCAST',
		displayOptions: { show: showFields },
	},
	destinationsField(showFields),
	{
		displayName: 'Application',
		name: 'application',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The smartapp application sending the push (optional)',
		displayOptions: { show: showFields },
		options: [
			{ displayName: 'App ID', name: 'appId', type: 'string', default: '' },
			{ displayName: 'Version ID', name: 'versionId', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Time Frame',
		name: 'timeFrame',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			"Deliver later, inside this window, on every destination (Sber sets it in each destination's template content). Start time, finish time, time zone and start date are all needed.",
		displayOptions: { show: showFields },
		options: [
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'string',
				default: '',
				placeholder: '2026-12-31',
				description: 'Yyyy-MM-dd; the start date when empty',
			},
			{
				displayName: 'Finish Time',
				name: 'finishTime',
				type: 'string',
				default: '',
				placeholder: '21:00:00',
				description: 'HH:mm:ss',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'string',
				default: '',
				placeholder: '2026-12-01',
				description: 'Yyyy-MM-dd',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'string',
				default: '',
				placeholder: '09:00:00',
				description: 'HH:mm:ss',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: 'GMT+03:00',
				description: 'GMT+hh:mm',
			},
		],
	},
	{
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Message ID',
				name: 'messageId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 2147483647 },
				description:
					'Your ID for this push (a whole number up to 2147483647); 0 makes the node generate a unique one per request',
			},
			{ displayName: 'Protocol Version', name: 'protocolVersion', type: 'string', default: 'V1' },
			{
				displayName: 'Wrap in requestPayload',
				name: 'wrapInRequestPayload',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the body as {"requestPayload": {...}}, as Sber\'s older API page and its JS SDK do. The current page sends it unwrapped; switch this on if Sber answers with a schema error (1000).',
			},
		],
	},
];
