import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toStringList } from '../../shared/lists';
import { compact } from '../../shared/parameters';
import { validateOrThrow } from '../../shared/validation';
import { engageLabHost } from './host';
import {
	deviceUpdateSchema,
	labelSchema,
	lifecycleLabels,
	tagUpdateSchema,
} from '../lifecycleSchema';

/**
 * The requests of the operations after a send (reports, recall, devices, tags, aliases): each reads
 * its fields, checks them and sets the URL from the credential. Schedules are in scheduleRequests.ts.
 */

export function fail(
	context: IExecuteSingleFunctions,
	message: string,
	description?: string,
): never {
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description,
	});
}

/** The app credential's host, and whether it is a Web Push app (some paths differ). */
export const appHost = async (context: IExecuteSingleFunctions) => await engageLabHost(context);

/**
 * The App Push host, for operations EngageLab offers for App Push only (recall, per-device status:
 * provider-docs engageLabLifecycleRules.appPushOnly): a Web Push credential is refused before sending.
 */
async function appPushOnlyHost(context: IExecuteSingleFunctions, operation: string) {
	const host = await appHost(context);
	if (host.web)
		fail(
			context,
			`${operation} is not available for Web Push`,
			'EngageLab offers it for App Push only. Choose an App Push credential (Product: App Push) for this operation.',
		);
	return host;
}

/** One id from a field: trimmed, not empty, and safe as one path segment. */
export function idField(context: IExecuteSingleFunctions, name: string, label: string): string {
	const value = String(context.getNodeParameter(name, '') ?? '').trim();
	if (!value) fail(context, `${label} must not be empty`);
	if (value.includes('/')) fail(context, `${label} must not contain "/"`);
	return value;
}

function listField(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	required = true,
): string[] {
	const values = toStringList(context.getNodeParameter(name, ''));
	if (required && values.length === 0) fail(context, `${label}: give at least one`);
	return values;
}

/** A label (tag or alias) field: at most 40 bytes. */
function labelField(context: IExecuteSingleFunctions, name: string, label: string): string {
	const value = idField(context, name, label);
	validateOrThrow(context, labelSchema, value, `EngageLab ${label.toLowerCase()}`, {});
	return value;
}

function platformQs(context: IExecuteSingleFunctions): IDataObject {
	const platform = String(context.getNodeParameter('platform', '') ?? '');
	return platform ? { platform } : {};
}

type Request = IHttpRequestOptions;

export async function buildReportRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl, web } = await appHost(this);
	const ids = listField(this, 'messageIds', 'Message IDs');
	const path = web ? '/v4/messages/details' : '/v4/status/detail';
	// The delivery layer splits the list into calls of at most 100 ids.
	return { ...request, url: `${baseUrl}${path}`, qs: { message_ids: ids.join(',') } };
}

export async function buildRecallRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appPushOnlyHost(this, 'Recall');
	const msgId = idField(this, 'messageId', 'Message ID');
	return { ...request, url: `${baseUrl}/v4/push/withdraw/${encodeURIComponent(msgId)}` };
}

export async function buildDeviceStatusRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appPushOnlyHost(this, 'Get Device Status');
	const messageId = idField(this, 'messageId', 'Message ID');
	const ids = listField(this, 'registrationIds', 'Registration IDs');
	return {
		...request,
		url: `${baseUrl}/v4/status/message`,
		qs: { message_id: messageId, registration_ids: ids.join(',') },
	};
}

export async function buildDeviceGetRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const rid = idField(this, 'registrationId', 'Registration ID');
	return { ...request, url: `${baseUrl}/v4/devices/${encodeURIComponent(rid)}` };
}

export const buildDeviceDeleteRequest = buildDeviceGetRequest;

export async function buildDeviceUpdateRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const rid = idField(this, 'registrationId', 'Registration ID');
	const add = listField(this, 'tagsToAdd', 'Tags to Add', false);
	const remove = listField(this, 'tagsToRemove', 'Tags to Remove', false);
	const clearTags = this.getNodeParameter('removeAllTags', false) === true;
	const aliasAction = String(this.getNodeParameter('aliasAction', 'keep'));
	if (clearTags && (add.length || remove.length))
		fail(this, 'Remove All Tags cannot be combined with tags to add or remove');
	const body: IDataObject = compact({
		tags: clearTags
			? undefined
			: { add: add.length ? add : undefined, remove: remove.length ? remove : undefined },
		alias:
			aliasAction === 'set' ? String(this.getNodeParameter('alias', '') ?? '').trim() : undefined,
	});
	if (aliasAction === 'set' && !body.alias) fail(this, 'Alias must not be empty');
	const valid = validateOrThrow(
		this,
		deviceUpdateSchema,
		{
			...body,
			...(clearTags ? { clearTags } : {}),
			...(aliasAction === 'remove' ? { alias: '' } : {}),
		},
		'EngageLab device update',
		lifecycleLabels,
	);
	const update: IDataObject = { ...(valid as IDataObject) };
	delete update.clearTags;
	// "" removes all tags; an alias of "" removes the alias.
	if (clearTags) update.tags = '';
	if (aliasAction === 'remove') update.alias = '';
	return { ...request, url: `${baseUrl}/v4/devices/${encodeURIComponent(rid)}`, body: update };
}

export async function buildTagCountRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl, web } = await appHost(this);
	const tags = listField(this, 'tags', 'Tags');
	const platform = platformQs(this).platform;
	if (platform !== undefined && (platform === 'web') !== web)
		fail(
			this,
			web
				? `Platform "${String(platform)}" is for App Push apps; this credential is a Web Push app`
				: 'Platform "web" is for Web Push apps; this credential is an App Push app',
			"Choose All, or the platform of the credential's product.",
		);
	for (const tag of tags) validateOrThrow(this, labelSchema, tag, 'EngageLab tag', {});
	return {
		...request,
		url: `${baseUrl}/v4/tags_count`,
		qs: { tags: tags.join(','), ...platformQs(this) },
	};
}

export async function buildTagUpdateRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const tag = labelField(this, 'tag', 'Tag');
	const add = listField(this, 'registrationIdsToAdd', 'Registration IDs to Add', false);
	const remove = listField(this, 'registrationIdsToRemove', 'Registration IDs to Remove', false);
	const body = {
		registration_ids: compact({
			add: add.length ? add : undefined,
			remove: remove.length ? remove : undefined,
		}),
	};
	const valid = validateOrThrow(
		this,
		tagUpdateSchema,
		body,
		'EngageLab tag update',
		lifecycleLabels,
	);
	return { ...request, url: `${baseUrl}/v4/tags/${encodeURIComponent(tag)}`, body: valid };
}

export async function buildTagDeleteRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const tag = labelField(this, 'tag', 'Tag');
	return {
		...request,
		url: `${baseUrl}/v4/tags/${encodeURIComponent(tag)}`,
		qs: platformQs(this),
	};
}

export async function buildAliasRequest(
	this: IExecuteSingleFunctions,
	request: Request,
): Promise<Request> {
	const { baseUrl } = await appHost(this);
	const alias = labelField(this, 'alias', 'Alias');
	return {
		...request,
		url: `${baseUrl}/v4/aliases/${encodeURIComponent(alias)}`,
		qs: platformQs(this),
	};
}
