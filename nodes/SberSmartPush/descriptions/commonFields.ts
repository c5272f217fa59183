import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
	show?: Record<string, string[]>,
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
