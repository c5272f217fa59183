import type { INodeProperties } from 'n8n-workflow';

import { MAX_TOKENS_PER_BATCH } from '../schema';

const topicOperations = ['publish', 'subscribe', 'unsubscribe'];
const membershipOperations = ['subscribe', 'unsubscribe'];

export const topicFields: INodeProperties[] = [
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'news',
		description: 'Topic name: letters, digits and - _ . ~ %.',
		displayOptions: { show: { resource: ['topic'], operation: topicOperations } },
	},
	{
		displayName: 'Push Tokens',
		name: 'recipients',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'token-1, token-2',
		description:
			'Push tokens, one per line or separated by commas, or an array from an expression. Duplicates are sent once; each token gets its own output item.',
		displayOptions: { show: { resource: ['topic'], operation: membershipOperations } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['topic'], operation: membershipOperations } },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: MAX_TOKENS_PER_BATCH,
				typeOptions: { minValue: 1, maxValue: MAX_TOKENS_PER_BATCH },
				description:
					'How many tokens one request to RuStore carries; longer lists are split into several requests',
			},
		],
	},
];
