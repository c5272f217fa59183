import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { TEMPLATE_LIMITS, VARIABLES_LABEL } from '../schema';

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

/**
 * Template variables as a JSON object, the same field in Send (Lite) and in each Extended destination
 * (a row inside a fixedCollection cannot hold rows of its own, so both take JSON; an expression may give
 * the text or an object). `show` is for Lite: a destination row's fields have no display options.
 */
export function variablesField(
	part: 'header' | 'body',
	show?: IDisplayOptions['show'],
): INodeProperties {
	const { chars, variables } = TEMPLATE_LIMITS[part];
	return {
		displayName: VARIABLES_LABEL[part],
		name: `${part}Values`,
		type: 'json',
		default: '{}',
		description: `Values for the {{variables}} of the template's ${part}, as {"name": "value"}: at most ${variables}; the ${part} is at most ${chars} characters`,
		...(show ? { displayOptions: { show } } : {}),
	};
}

/**
 * n8n's light versioning: a node keeps the typeVersion it was saved with. Version 1 (0.1.0) took Send
 * (Lite)'s variables as name/value rows, 1.1 takes JSON; Extended destinations took JSON in both.
 */
export const version1 = { '@version': [1] };
export const fromVersion1Dot1 = { '@version': [{ _cnd: { gte: 1.1 } }] };

/** Version 1's Send (Lite) variables: name/value rows, as 0.1.0 showed them. */
export function variableRowsField(
	part: 'header' | 'body',
	show: Record<string, string[]>,
): INodeProperties {
	return {
		displayName: `${part === 'header' ? 'Header' : 'Body'} Variables`,
		name: `${part}Values`,
		type: 'fixedCollection',
		placeholder: 'Add Variable',
		default: {},
		typeOptions: { multipleValues: true },
		description: `Values for the {{variables}} of the template's ${part} (${part === 'header' ? 'at most 3; the header is at most 80 characters' : 'at most 10; the body is at most 480 characters'})`,
		displayOptions: { show: { ...show, ...version1 } },
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
			description:
				'Where Sber posts delivery statuses when Callback is "Callback URL Option". For the Sber SmartPush Trigger choose its credential in Callback instead: a URL here holds the secret in the workflow.',
			displayOptions: { show: { '/callback': ['url'] } },
		},
	],
};
