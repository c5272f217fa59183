import type { INodeProperties } from 'n8n-workflow';

import { fieldsShown } from './shown';

const targets = { ...fieldsShown, audience: ['targets'] };

function listField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: `${description} One per line or separated by commas, or an array from an expression`,
		displayOptions: { show: targets },
	};
}

export const audienceFields: INodeProperties[] = [
	{
		displayName: 'Audience',
		name: 'audience',
		type: 'options',
		options: [
			{
				name: 'Everyone',
				value: 'all',
				description: 'Every device of the app (Web Push: active in the last 30 days)',
			},
			{
				name: 'Chosen Devices, Tags, Aliases or Segment',
				value: 'targets',
				description: 'Any combination below; all given conditions must match',
			},
		],
		default: 'targets',
		displayOptions: { show: fieldsShown },
	},
	listField(
		'Registration IDs',
		'registrationIds',
		'Devices by registration id. Lists over 1,000 are sent as several pushes, each id with its own result.',
	),
	listField('Tags', 'tags', 'Devices with any of these tags (each at most 40 bytes).'),
	listField('Tags AND', 'tagsAnd', 'Devices with all of these tags (at most 20).'),
	listField(
		'Tags NOT',
		'tagsNot',
		'Leaves out devices with any of these tags (at most 20); only together with another condition.',
	),
	listField('Aliases', 'aliases', 'Devices by alias (at most 1,000, each at most 40 bytes).'),
	{
		displayName: 'Segment ID',
		name: 'segmentId',
		type: 'string',
		default: '',
		description: 'A segment defined in the EngageLab console',
		displayOptions: { show: targets },
	},
];
