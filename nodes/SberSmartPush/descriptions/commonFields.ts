import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const sendOperations = ['sendLite', 'sendExtended'];

export const surfaceOptions: INodePropertyOptions[] = [
	{ name: 'Huawei Vision (TV_HUAWEI)', value: 'TV_HUAWEI' },
	{ name: 'Salut App (COMPANION)', value: 'COMPANION' },
	{ name: 'Salut TV (TV)', value: 'TV' },
	{ name: 'SberBox (SBERBOX)', value: 'SBERBOX' },
	{ name: 'SberBox Time (TIME)', value: 'TIME' },
	{ name: 'SberBox Top (SATELLITE)', value: 'SATELLITE' },
	{ name: 'SberPortal (STARGATE)', value: 'STARGATE' },
];

/** Template variables as name/value rows; `part` is "header" or "body". */
export function variablesField(
	part: 'header' | 'body',
	show: Record<string, string[]>,
): INodeProperties {
	const title = part === 'header' ? 'Header' : 'Body';
	return {
		displayName: `${title} Variables`,
		name: `${part}Values`,
		type: 'fixedCollection',
		placeholder: 'Add Variable',
		default: {},
		typeOptions: { multipleValues: true },
		description: `Values for the {{variables}} of the template's ${part} (${part === 'header' ? 'at most 3; the header is at most 80 characters' : 'at most 10; the body is at most 480 characters'})`,
		displayOptions: { show },
		options: [
			{
				displayName: 'Variable',
				name: 'pairs',
				values: [
					{ displayName: 'Name', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

export const commonFields: INodeProperties[] = [
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '83cdd6c6-757a-42ce-b4fe-03912fb7d6e1',
		description: "The smartapp's project ID in SmartMarket Studio",
		// The JSON payload of an extended send carries its own.
		displayOptions: { show: { operation: sendOperations }, hide: { payloadInput: ['json'] } },
	},
	{
		displayName: 'Client ID (Sub)',
		name: 'clientId',
		type: 'string',
		required: true,
		default: '',
		description:
			'The user to notify: the "sub" the assistant sends in its requests to the smartapp',
		displayOptions: { show: { operation: sendOperations }, hide: { payloadInput: ['json'] } },
	},
];

export const requestOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { operation: sendOperations } },
	options: [
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/sber/push-status',
			description: 'Where Sber posts delivery statuses: a Sber SmartPush Trigger URL + ?secret=…',
		},
	],
};
