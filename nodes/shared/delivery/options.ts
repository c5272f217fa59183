import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeProperties,
} from 'n8n-workflow';

export interface DeliverySettings {
	requestsPerSecond: number;
	maxParallel: number;
	maxAttempts: number;
	maxRetryWaitMs: number;
	timeoutMs: number;
	/** For recipient lists: every recipient as an item, or a summary item and the failed recipients. */
	results: 'each' | 'summary';
}

// Keep in step with the option defaults below (lint wants literal defaults there).
const DEFAULTS = { maxAttempts: 5, maxParallel: 100, maxRetryWaitSeconds: 120, timeoutSeconds: 30 };
/** n8n's own default when its Timeout option is not set. */
const N8N_DEFAULT_TIMEOUT_MS = 300_000;

/**
 * The pace of operations whose provider publishes no rate limit (RuStore's universal API,
 * EngageLab's statistics, devices, tags and schedules): low, since nothing says what the provider
 * takes; the user raises it in the Delivery options once they know their limit.
 */
export const UNPUBLISHED_LIMIT_REQUESTS_PER_SECOND = 10;

/** Whether the provider publishes a rate limit for the operations a Delivery collection serves. */
export type RateLimit = 'published' | 'unpublished';

const RATE_DESCRIPTION: Record<RateLimit, string> = {
	published:
		'The most requests per second sent with this credential, shared by all items and all workflows running at the same time',
	unpublished:
		'The most requests per second sent with this credential for these operations, shared by all items and all workflows running at the same time. The provider publishes no limit for them: the default is deliberately low; raise it once you know yours.',
};

/** For operations that take a list of recipients: how their results are given. */
const resultsOption = (listOperations: string[]): INodeProperties => ({
	displayName: 'Results',
	name: 'results',
	type: 'options',
	options: [
		{
			name: 'One Item per Recipient',
			value: 'each',
			description: 'Every token or ID gets its own item with its status',
		},
		{
			name: 'Summary and Failed Recipients',
			value: 'summary',
			description:
				'One item with the counts, plus one item per recipient that was not sent. Keeps the execution data of a large campaign small.',
		},
	],
	default: 'each',
	description: 'How the results of a list of recipients come out of the node',
	displayOptions: { show: { '/operation': listOperations } },
});

/**
 * The Delivery options every operation offers: pacing, retries and timeout; and for the operations
 * that take a list of recipients, how their results come out. For operations without a published
 * rate limit (`limit: 'unpublished'`), Requests per Second says so; give them a profile with its own
 * `rateBucket` when the node also has operations with a published limit.
 */
export function deliveryOptions(
	defaultRequestsPerSecond: number,
	show: IDisplayOptions['show'],
	listOperations: string[] = [],
	limit: RateLimit = 'published',
): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 1, maxValue: 20 },
			description:
				'How often one request is tried when the provider asks to slow down or is unavailable. A push the provider may already have taken is not sent again.',
		},
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallel',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1 },
			description:
				'The most requests in flight at once with this credential. Enough to reach the rate with a slow provider; the rate itself is set by Requests per Second.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			default: 120,
			typeOptions: { minValue: 0 },
			description: 'The longest time one item waits between its attempts, all waits added up',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: defaultRequestsPerSecond,
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			description: RATE_DESCRIPTION[limit],
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for the provider to answer one request',
		},
	];
	if (listOperations.length) options.push(resultsOption(listOperations));
	// Alphabetical by name, as n8n lists collection options.
	options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: 'Delivery',
		name: 'delivery',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options,
	};
}

export function readDeliverySettings(
	context: IExecuteSingleFunctions,
	defaultRequestsPerSecond: number,
): DeliverySettings {
	const options = context.getNodeParameter('delivery', {}) as IDataObject;
	const n8nTimeout = Number(context.getNodeParameter('requestOptions.timeout', 0)) || 0;
	const timeoutSeconds = Number(options.timeoutSeconds ?? DEFAULTS.timeoutSeconds);
	return {
		requestsPerSecond: Number(options.requestsPerSecond ?? defaultRequestsPerSecond),
		maxParallel: Math.max(1, Number(options.maxParallel ?? DEFAULTS.maxParallel)),
		maxAttempts: Math.max(1, Number(options.maxAttempts ?? DEFAULTS.maxAttempts)),
		maxRetryWaitMs:
			Math.max(0, Number(options.maxRetryWaitSeconds ?? DEFAULTS.maxRetryWaitSeconds)) * 1000,
		// n8n's Timeout option, when the user set it, wins over ours.
		timeoutMs:
			n8nTimeout > 0 && n8nTimeout !== N8N_DEFAULT_TIMEOUT_MS ? n8nTimeout : timeoutSeconds * 1000,
		results: options.results === 'summary' ? 'summary' : 'each',
	};
}
