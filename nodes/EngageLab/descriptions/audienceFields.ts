import type { INodeProperties } from 'n8n-workflow';

import { fieldsShown, fromVersion2, version1 } from './shown';

const targets = { ...fieldsShown, audience: ['targets'] };

/** The kinds of recipient, offered one by one (as n8n's own nodes offer optional filters). */
function listOption(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: `${description} One per line or separated by commas, or an array from an expression`,
	};
}

function audienceField(targetsDescription: string, shown: object): INodeProperties {
	return {
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
				description: targetsDescription,
			},
		],
		default: 'targets',
		displayOptions: { show: { ...fieldsShown, ...shown } },
	};
}

/** Version 1 (0.1.0): the six kinds of recipient as fields of their own. */
const version1Recipients = (
	[
		listOption(
			'Registration IDs',
			'registrationIds',
			'Devices by registration id. Lists over 1,000 are sent as several pushes, each id with its own result.',
		),
		listOption('Tags', 'tags', 'Devices with any of these tags (each at most 40 bytes).'),
		listOption('Tags AND', 'tagsAnd', 'Devices with all of these tags (at most 20).'),
		listOption(
			'Tags NOT',
			'tagsNot',
			'Leaves out devices with any of these tags (at most 20); only together with another condition.',
		),
		listOption('Aliases', 'aliases', 'Devices by alias (at most 1,000, each at most 40 bytes).'),
		{
			displayName: 'Segment ID',
			name: 'segmentId',
			type: 'string',
			default: '',
			description: 'A segment defined in the EngageLab console',
		},
	] as INodeProperties[]
).map(
	(field): INodeProperties => ({ ...field, displayOptions: { show: { ...targets, ...version1 } } }),
);

export const audienceFields: INodeProperties[] = [
	audienceField('Any combination below; all given conditions must match', version1),
	audienceField('The recipients added below; all given conditions must match', fromVersion2),
	...version1Recipients,
	{
		displayName: 'Recipients',
		name: 'to',
		type: 'collection',
		placeholder: 'Add Recipients',
		default: {},
		description: 'Add at least one kind; all given conditions must match',
		displayOptions: { show: { ...targets, ...fromVersion2 } },
		options: [
			listOption('Aliases', 'aliases', 'Devices by alias (at most 1,000, each at most 40 bytes).'),
			listOption(
				'Registration IDs',
				'registrationIds',
				'Devices by registration ID. Lists over 1,000 are sent as several pushes, each ID with its own result.',
			),
			{
				displayName: 'Segment ID',
				name: 'segmentId',
				type: 'string',
				default: '',
				description: 'A segment defined in the EngageLab console',
			},
			listOption('Tags', 'tags', 'Devices with any of these tags (each at most 40 bytes).'),
			listOption('Tags AND', 'tagsAnd', 'Devices with all of these tags (at most 20).'),
			listOption(
				'Tags NOT',
				'tagsNot',
				'Leaves out devices with any of these tags (at most 20); only together with another condition.',
			),
		],
	},
];
