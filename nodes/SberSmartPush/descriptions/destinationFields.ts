import type { INodeProperties } from 'n8n-workflow';

import { surfaceOptions, variablesField } from './commonFields';

const mobile = { parameters: ['mobile'] };
const device = { parameters: ['device'] };

/**
 * Extended send: one row per surface to deliver to, each with its template and parameters.
 * n8n's lint wants the row's fields in alphabetical order.
 */
export function destinationsField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Destinations',
		name: 'destinations',
		type: 'fixedCollection',
		placeholder: 'Add Destination',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: { show },
		options: [
			{
				displayName: 'Destination',
				name: 'destination',
				values: [
					{
						displayName: 'Android Deep Link',
						name: 'deeplinkAndroid',
						type: 'string',
						default: '',
						description: 'At most 350 characters',
						displayOptions: { show: mobile },
					},
					{
						displayName: 'Background Image URI',
						name: 'backgroundImageUri',
						type: 'string',
						default: '',
						displayOptions: { show: device },
					},
					variablesField('body'),
					{
						displayName: 'Button Text',
						name: 'buttonText',
						type: 'string',
						default: '',
						description: 'At most 30 characters',
						displayOptions: { show: mobile },
					},
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'string',
						default: '',
						description:
							"Empty for the surface's default: COMPANION_B2C for the Salut app, B2C for devices",
					},
					{
						displayName: 'Deep Link',
						name: 'deepLink',
						type: 'string',
						default: '',
						description: 'At most 350 characters',
						displayOptions: { show: device },
					},
					{
						displayName: 'Device Product',
						name: 'serialProduct',
						type: 'string',
						default: '',
						description: 'The product of the device serial filter',
						displayOptions: { show: device },
					},
					{
						displayName: 'Device Serial Number',
						name: 'serialNumber',
						type: 'string',
						default: '',
						description:
							'Deliver to this device only (device serial filter); not together with Product Filter',
						displayOptions: { show: device },
					},
					variablesField('header'),
					{
						displayName: 'Image Link',
						name: 'imageLink',
						type: 'string',
						default: '',
						displayOptions: { show: mobile },
					},
					{
						displayName: 'iOS Deep Link',
						name: 'deeplinkIos',
						type: 'string',
						default: '',
						description: 'At most 350 characters',
						displayOptions: { show: mobile },
					},
					{
						displayName: 'Minimum Android App Version',
						name: 'androidVersion',
						type: 'string',
						default: '',
						displayOptions: { show: mobile },
					},
					{
						displayName: 'Minimum iOS App Version',
						name: 'iosVersion',
						type: 'string',
						default: '',
						displayOptions: { show: mobile },
					},
					{
						displayName: 'Parameters',
						name: 'parameters',
						type: 'options',
						options: [
							{ name: 'None', value: 'none' },
							{ name: 'Mobile App (Salut App Only)', value: 'mobile' },
							{ name: 'Device', value: 'device' },
						],
						default: 'none',
					},
					{
						displayName: 'Priority',
						name: 'priority',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description: 'For Sequential delivery: 0 is tried first',
					},
					{
						displayName: 'Product Filter',
						name: 'productFilter',
						type: 'string',
						default: '',
						description:
							'Deliver to devices of this product only; not together with Device Serial Number',
						displayOptions: { show: device },
					},
					{
						displayName: 'Surface',
						name: 'surface',
						type: 'options',
						options: surfaceOptions,
						default: 'COMPANION',
					},
					{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '' },
				],
			},
		],
	};
}
