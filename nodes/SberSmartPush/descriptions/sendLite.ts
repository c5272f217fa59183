import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pushRouting } from '../../shared/delivery';
import { buildLiteBody } from '../hooks/buildRequests';
import { litePlan, readSberAnswer } from '../hooks/readResponses';
import { sberProfile } from '../profile';
import {
	fromVersion1Dot1,
	surfaceOptions,
	variableRowsField,
	variablesField,
} from './commonFields';

export const sendLiteOperation: INodePropertyOptions = {
	name: 'Send (Lite)',
	value: 'sendLite',
	action: 'Send a template push',
	description: 'Send an approved template to one user on one surface, now',
	routing: pushRouting({
		profile: sberProfile,
		build: buildLiteBody,
		plan: litePlan,
		read: readSberAnswer,
	}),
};

const show = { operation: ['sendLite'] };

export const sendLiteFields: INodeProperties[] = [
	{
		displayName: 'Surface',
		name: 'surface',
		type: 'options',
		options: surfaceOptions,
		default: 'COMPANION',
		description: 'Where the user sees the push',
		displayOptions: { show },
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '',
		description:
			'An approved template of the project (SmartMarket Studio → Add-ons → Push notifications)',
		displayOptions: { show },
	},
	variableRowsField('header', show),
	variableRowsField('body', show),
	variablesField('header', { ...show, ...fromVersion1Dot1 }),
	variablesField('body', { ...show, ...fromVersion1Dot1 }),
];
