import type { INodeProperties } from 'n8n-workflow';

import { audienceFields } from './audienceFields';
import { contentFields } from './contentFields';
import { bodyInputField, bodyJsonField, optionsField, productField } from './optionsFields';
import { pushResources } from './shown';

const on = (operation: string[]) => ({ show: { operation } });
const LIST_HINT = 'One per line or separated by commas, or an array from an expression.';

function text(
	displayName: string,
	name: string,
	operations: string[],
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		displayOptions: on(operations),
		...extra,
	};
}

/** `web` where a source names it for Web Push apps (provider-docs: tagCountPlatforms). */
/** EngageLab's rule for tags and aliases (Tag Alias API page and SDK error codes: names.ts). */
const LABEL_RULE =
	'Letters, digits, underscores, Chinese characters and @!#$&*+=. (no spaces or -); at most 40 bytes';

const platformField = (operations: string[], web = false): INodeProperties => ({
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	options: [
		{ name: 'All', value: '' },
		{ name: 'Android', value: 'android' },
		{ name: 'HarmonyOS', value: 'hmos' },
		{ name: 'iOS', value: 'ios' },
		...(web ? [{ name: 'Web (Web Push Apps)', value: 'web' }] : []),
	],
	default: '',
	displayOptions: on(operations),
});

export const messageFields: INodeProperties[] = [
	text(
		'Message IDs',
		'messageIds',
		['getReport'],
		`The msgId of each push (from a send's output). ${LIST_HINT} Sent in calls of up to 100.`,
		{ default: '={{ $json.msgId }}', required: true, typeOptions: { rows: 2 } },
	),
	text('Message ID', 'messageId', ['recall', 'getDeviceStatus'], "The push's msgId", {
		default: '={{ $json.msgId }}',
		required: true,
	}),
	text(
		'Registration IDs',
		'registrationIds',
		['getDeviceStatus'],
		`The devices to look up. ${LIST_HINT} Sent in calls of up to 100.`,
		{ required: true, typeOptions: { rows: 2 } },
	),
];

export const deviceFields: INodeProperties[] = [
	text(
		'Registration ID',
		'registrationId',
		['getDevice', 'updateDevice', 'deleteDevice'],
		'The registration ID of the device',
		{ required: true },
	),
	text(
		'Tags to Add',
		'tagsToAdd',
		['updateDevice'],
		`${LABEL_RULE} each; a device has at most 100 tags. ${LIST_HINT}`,
	),
	text('Tags to Remove', 'tagsToRemove', ['updateDevice'], LIST_HINT),
	{
		displayName: 'Remove All Tags',
		name: 'removeAllTags',
		type: 'boolean',
		default: false,
		description: 'Whether to remove every tag of the device (not with tags to add or remove)',
		displayOptions: on(['updateDevice']),
	},
	{
		displayName: 'Alias Change',
		name: 'aliasAction',
		type: 'options',
		options: [
			{ name: 'Keep', value: 'keep' },
			{ name: 'Set', value: 'set', description: 'A device has one alias: it replaces any other' },
			{ name: 'Remove', value: 'remove' },
		],
		default: 'keep',
		displayOptions: on(['updateDevice']),
	},
	text('Alias', 'alias', ['updateDevice'], LABEL_RULE, {
		displayOptions: { show: { operation: ['updateDevice'], aliasAction: ['set'] } },
	}),
];

export const tagFields: INodeProperties[] = [
	text('Tags', 'tags', ['countTags'], `${LIST_HINT} Sent in calls of up to 1,000.`, {
		required: true,
		typeOptions: { rows: 2 },
	}),
	text('Tag', 'tag', ['updateTag', 'deleteTag'], LABEL_RULE, { required: true }),
	text(
		'Registration IDs to Add',
		'registrationIdsToAdd',
		['updateTag'],
		`At most 1,000. ${LIST_HINT}`,
	),
	text(
		'Registration IDs to Remove',
		'registrationIdsToRemove',
		['updateTag'],
		`At most 1,000. ${LIST_HINT}`,
	),
	platformField(['countTags'], true),
	platformField(['deleteTag']),
];

export const aliasFields: INodeProperties[] = [
	text('Alias', 'alias', ['getAlias', 'deleteAlias'], LABEL_RULE, { required: true }),
	platformField(['getAlias', 'deleteAlias']),
];

const withPush = ['createSchedule', 'updateSchedule'];
const periodical = { operation: withPush, triggerType: ['periodical'] };
const zoneOptions = [
	{ name: 'Site Time Zone', value: 1, description: "The time zone set in EngageLab's console" },
	{ name: "Device's Time Zone", value: 2, description: 'Each device gets it at its local time' },
];

export const scheduleFields: INodeProperties[] = [
	text(
		'Schedule ID',
		'scheduleId',
		['getSchedule', 'updateSchedule', 'deleteSchedule'],
		'The schedule_id of the task',
		{
			required: true,
		},
	),
	{
		displayName: 'Page',
		name: 'page',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		displayOptions: on(['listSchedules']),
	},
	text(
		'Name',
		'scheduleName',
		withPush,
		'Letters, digits, underscores and Chinese characters (no spaces); at most 255 bytes',
		{ required: true },
	),
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the task sends its pushes (tasks are always created enabled)',
		displayOptions: on(['updateSchedule']),
	},
	{
		displayName: 'When',
		name: 'triggerType',
		type: 'options',
		options: [
			{ name: 'Once', value: 'single', description: 'At one time, at most a year ahead' },
			{ name: 'Repeatedly', value: 'periodical', description: 'Over a period of at most a year' },
		],
		default: 'single',
		displayOptions: on(withPush),
	},
	text('Time', 'time', withPush, 'When to send: yyyy-MM-dd HH:mm:ss', {
		placeholder: '2026-12-24 09:00:00',
		displayOptions: { show: { operation: withPush, triggerType: ['single'] } },
	}),
	text('Start', 'start', withPush, 'First day of the period: yyyy-MM-dd HH:mm:ss', {
		placeholder: '2026-12-01 00:00:00',
		displayOptions: { show: periodical },
	}),
	text('End', 'end', withPush, 'Last day of the period (at most a year after the start)', {
		placeholder: '2027-02-28 23:59:59',
		displayOptions: { show: periodical },
	}),
	text('Time of Day', 'timeOfDay', withPush, 'HH:mm:ss', {
		placeholder: '09:00:00',
		displayOptions: { show: periodical },
	}),
	{
		displayName: 'Repeat Every',
		name: 'timeUnit',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Week', value: 'week' },
			{ name: 'Month', value: 'month' },
		],
		default: 'day',
		displayOptions: { show: periodical },
	},
	{
		displayName: 'Week Days',
		name: 'weekDays',
		type: 'multiOptions',
		options: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => ({
			name: day,
			value: day,
		})),
		default: [],
		displayOptions: { show: { ...periodical, timeUnit: ['week'] } },
	},
	text('Days of the Month', 'monthDays', withPush, 'Days 1 to 31, separated by commas', {
		placeholder: '1, 15',
		displayOptions: { show: { ...periodical, timeUnit: ['month'] } },
	}),
	{
		displayName: 'Time Zone',
		name: 'zoneType',
		type: 'options',
		options: zoneOptions,
		default: 1,
		displayOptions: on(withPush),
	},
];

/**
 * The push of a task is built by the same fields as Push → Send: the same definitions, shown for the
 * schedule operations that carry a push instead of for the push resources.
 */
function forSchedule(field: INodeProperties): INodeProperties {
	const show = field.displayOptions?.show ?? {};
	const resources = show.resource;
	if (!Array.isArray(resources) || !pushResources.every((name) => resources.includes(name)))
		return field;
	return {
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...show, resource: ['schedule'], operation: withPush },
		},
	};
}

export const schedulePushFields: INodeProperties[] = [
	productField,
	bodyInputField,
	bodyJsonField,
	...audienceFields,
	...contentFields,
	optionsField,
].map(forSchedule);

/** Every field of the resources after a send, each shown for its resource. */
export function lifecycleFields(): INodeProperties[] {
	const of = (resource: string, fields: INodeProperties[]) =>
		fields.map((field) => ({
			...field,
			displayOptions: {
				...field.displayOptions,
				show: { resource: [resource], ...field.displayOptions?.show },
			},
		}));
	return [
		...of('message', messageFields),
		...of('schedule', scheduleFields),
		...schedulePushFields,
		...of('device', deviceFields),
		...of('tag', tagFields),
		...of('alias', aliasFields),
	];
}
