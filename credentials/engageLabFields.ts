import type { INodeProperties } from 'n8n-workflow';

/** Product and data centre: the same two choices on the app and the group credential. */
export const hostFields: INodeProperties[] = [
	{
		displayName: 'Product',
		name: 'product',
		type: 'options',
		options: [
			{ name: 'App Push', value: 'appPush', description: 'Android, iOS and HarmonyOS apps' },
			{ name: 'Web Push', value: 'webPush', description: 'Browsers' },
		],
		default: 'appPush',
	},
	{
		displayName: 'Data Centre',
		name: 'dataCenter',
		type: 'options',
		options: [
			{ name: 'Custom Base URL', value: 'custom' },
			{ name: 'Frankfurt (App Push Only)', value: 'defra' },
			{ name: 'Hong Kong', value: 'hk' },
			{ name: 'Singapore', value: 'sgp' },
			{ name: 'Virginia, USA (App Push Only)', value: 'usva' },
		],
		default: 'sgp',
		description: 'Where the app was created in the EngageLab console; it cannot be changed later',
	},
	{
		displayName: 'Base URL',
		name: 'customBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://pushapi-sgp.engagelab.com',
		description: 'For other data centres, proxies or a sandbox; a trailing /v4 is ignored',
		displayOptions: { show: { dataCenter: ['custom'] } },
	},
];
