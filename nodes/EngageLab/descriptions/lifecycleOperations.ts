import type { IHttpRequestMethods, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { pushRouting, type DeliveryPlan } from '../../shared/delivery';
import type { AnswerReader } from '../../shared/answers';
import {
	buildAliasRequest,
	buildDeviceDeleteRequest,
	buildDeviceGetRequest,
	buildDeviceStatusRequest,
	buildDeviceUpdateRequest,
	buildRecallRequest,
	buildReportRequest,
	buildTagCountRequest,
	buildTagDeleteRequest,
	buildTagUpdateRequest,
} from '../hooks/lifecycleRequests';
import {
	aliasDeletePlan,
	aliasGetPlan,
	deviceDeletePlan,
	deviceGetPlan,
	deviceStatusPlan,
	deviceUpdatePlan,
	readLifecycleAnswer,
	readRecallAnswer,
	recallPlan,
	reportPlan,
	scheduleCreatePlan,
	scheduleDeletePlan,
	scheduleGetPlan,
	scheduleListPlan,
	scheduleUpdatePlan,
	tagCountPlan,
	tagDeletePlan,
	tagUpdatePlan,
} from '../hooks/lifecyclePlans';
import {
	buildScheduleCreateRequest,
	buildScheduleListRequest,
	buildScheduleRequest,
	buildScheduleUpdateRequest,
} from '../hooks/scheduleRequests';
import { engageLabLifecycleProfile } from '../profile';

/** The resources after a send; they all use the app credential (AppKey). */
export const lifecycleResourceValues = ['message', 'schedule', 'device', 'tag', 'alias'];

type Builder = Parameters<typeof pushRouting>[0]['build'];

// Operation values are unique across resources: n8n's node panel keys actions by operation value.
function operation(
	name: string,
	value: string,
	action: string,
	description: string,
	method: IHttpRequestMethods,
	build: Builder,
	plan: DeliveryPlan,
	read: AnswerReader = readLifecycleAnswer,
): INodePropertyOptions {
	return {
		name,
		value,
		action,
		description,
		routing: pushRouting({ profile: engageLabLifecycleProfile, build, plan, read, method }),
	};
}

const operationsOf = (
	resource: string,
	options: INodePropertyOptions[],
	defaultValue: string,
): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	options,
	default: defaultValue,
});

export const lifecycleOperations: INodeProperties[] = [
	operationsOf(
		'message',
		[
			operation(
				'Get Device Status',
				'getDeviceStatus',
				'Get the delivery status of a message per device',
				'Whether a message reached each of the given registration IDs (App Push only; endpoint of the official SDKs)',
				'GET',
				buildDeviceStatusRequest,
				deviceStatusPlan,
			),
			operation(
				'Get Report',
				'getReport',
				'Get the statistics of messages',
				'Targets, sent, delivered, impressions and clicks per message, with each channel',
				'GET',
				buildReportRequest,
				reportPlan,
			),
			operation(
				'Recall',
				'recall',
				'Recall a message',
				'Withdraw a push from devices that have not shown it yet (App Push only; within one day, once)',
				'DELETE',
				buildRecallRequest,
				recallPlan,
				readRecallAnswer,
			),
		],
		'getReport',
	),
	operationsOf(
		'schedule',
		[
			operation(
				'Create',
				'createSchedule',
				'Create a scheduled push',
				'A push sent once at a set time, or repeatedly over a period',
				'POST',
				buildScheduleCreateRequest,
				scheduleCreatePlan,
			),
			operation(
				'Delete',
				'deleteSchedule',
				'Delete a scheduled push',
				'Delete a task made through the API',
				'DELETE',
				buildScheduleRequest,
				scheduleDeletePlan,
			),
			operation(
				'Get',
				'getSchedule',
				'Get a scheduled push',
				'A task with its trigger and push',
				'GET',
				buildScheduleRequest,
				scheduleGetPlan,
			),
			operation(
				'List',
				'listSchedules',
				'List scheduled pushes',
				'One page of tasks, one item per task',
				'GET',
				buildScheduleListRequest,
				scheduleListPlan,
			),
			operation(
				'Update',
				'updateSchedule',
				'Update a scheduled push',
				'Replace the name, trigger and push of a task',
				'PUT',
				buildScheduleUpdateRequest,
				scheduleUpdatePlan,
			),
		],
		'createSchedule',
	),
	operationsOf(
		'device',
		[
			operation(
				'Delete',
				'deleteDevice',
				'Delete a device',
				'Remove a registration ID with its tags and alias (cannot be undone)',
				'DELETE',
				buildDeviceDeleteRequest,
				deviceDeletePlan,
			),
			operation(
				'Get',
				'getDevice',
				"Get a device's tags and alias",
				"A registration ID's tags and alias",
				'GET',
				buildDeviceGetRequest,
				deviceGetPlan,
			),
			operation(
				'Update',
				'updateDevice',
				"Set or remove a device's tags and alias",
				'Add or remove tags, remove them all, set or remove the alias',
				'POST',
				buildDeviceUpdateRequest,
				deviceUpdatePlan,
			),
		],
		'getDevice',
	),
	operationsOf(
		'tag',
		[
			operation(
				'Count Devices',
				'countTags',
				'Count the devices of tags',
				'How many devices carry each tag',
				'GET',
				buildTagCountRequest,
				tagCountPlan,
			),
			operation(
				'Delete',
				'deleteTag',
				'Delete a tag',
				'Remove a tag from every device',
				'DELETE',
				buildTagDeleteRequest,
				tagDeletePlan,
			),
			operation(
				'Update Devices',
				'updateTag',
				'Add or remove devices of a tag',
				'Add registration IDs to a tag, or remove them from it',
				'POST',
				buildTagUpdateRequest,
				tagUpdatePlan,
			),
		],
		'countTags',
	),
	operationsOf(
		'alias',
		[
			operation(
				'Delete',
				'deleteAlias',
				'Delete an alias',
				'Remove an alias from its devices',
				'DELETE',
				buildAliasRequest,
				aliasDeletePlan,
			),
			operation(
				'Get',
				'getAlias',
				'Get the devices of an alias',
				'The registration IDs bound to an alias',
				'GET',
				buildAliasRequest,
				aliasGetPlan,
			),
		],
		'getAlias',
	),
];
