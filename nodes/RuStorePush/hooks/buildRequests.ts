import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v4';

import { toStringList } from '../../shared/lists';
import { credentialsForRun, joinUrl } from '../../shared/runCredentials';
import { compact, keyValueRowsToRecord, readJsonObject, utf8Length } from '../../shared/parameters';
import { validateOrThrow } from '../../shared/validation';
import {
	fieldLabels,
	MAX_BODY_BYTES,
	sendMessageSchema,
	tokenListSchema,
	topicMessageSchema,
	topicSchema,
} from '../schema';

/** A number of seconds (or digits only) becomes RuStore's duration format, "3600s". */
export function toDuration(ttl: unknown): unknown {
	if (typeof ttl === 'number') return `${ttl}s`;
	if (typeof ttl === 'string' && /^\d+(\.\d+)?$/.test(ttl.trim())) return `${ttl.trim()}s`;
	return ttl;
}

/** RuStore's data map carries strings only; numbers, booleans and objects are sent as their text. */
function stringifyValues(data: unknown): unknown {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
	return Object.fromEntries(
		Object.entries(data).map(([key, value]) => [
			key,
			typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
		]),
	);
}

function messageFromFields(context: IExecuteSingleFunctions): IDataObject {
	const android = context.getNodeParameter('androidOptions', {}) as IDataObject;
	const notification = context.getNodeParameter('androidNotification', {}) as IDataObject;
	return compact({
		data: keyValueRowsToRecord(context.getNodeParameter('data', {}) as IDataObject),
		notification: context.getNodeParameter('notification', {}) as IDataObject,
		android: {
			ttl: android.ttl,
			notification: {
				title: notification.title,
				body: notification.body,
				icon: notification.icon,
				color: notification.color,
				image: notification.image,
				channel_id: notification.channelId,
				click_action: notification.clickAction,
				click_action_type: notification.clickActionType,
			},
		},
	});
}

function messageFromJson(context: IExecuteSingleFunctions): IDataObject {
	const json = readJsonObject(context, 'messageJson', 'Message (JSON)');
	// People paste whole request bodies too: accept {"message": {...}} as well as the message itself.
	const keys = Object.keys(json);
	return keys.length === 1 && keys[0] === 'message' ? (json.message as IDataObject) : json;
}

/** The message from the node's fields or JSON, normalised (ttl, data values) but not yet validated. */
export function readMessage(context: IExecuteSingleFunctions): IDataObject {
	const message =
		context.getNodeParameter('messageInput', 'fields') === 'json'
			? messageFromJson(context)
			: messageFromFields(context);
	if (message.data !== undefined) message.data = stringifyValues(message.data) as IDataObject;
	const android = message.android as IDataObject | undefined;
	if (android?.ttl !== undefined) android.ttl = toDuration(android.ttl) as string;
	return message;
}

function withinSizeLimit(context: IExecuteSingleFunctions, body: IDataObject): IDataObject {
	const size = utf8Length(JSON.stringify(body));
	if (size > MAX_BODY_BYTES) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid RuStore message: the request is ${size} bytes, RuStore accepts at most ${MAX_BODY_BYTES}`,
			{
				itemIndex: context.getItemIndex(),
				description: 'Shorten the texts or the Data values.',
			},
		);
	}
	return body;
}

const sendBodySchema = z.strictObject({ message: sendMessageSchema });

/** The request URL from the credential (read once per run), so routing needs no per-item expressions. */
async function endpoint(
	context: IExecuteSingleFunctions,
	host: 'sendBaseUrl' | 'topicsBaseUrl',
	path: string,
): Promise<string> {
	const credentials = await credentialsForRun(context, 'ruStorePushApi');
	return joinUrl(
		credentials[host],
		`/v1/projects/${encodeURIComponent(String(credentials.projectId))}${path}`,
	);
}

function topicPath(topic: string, action: string): string {
	return `/topics/${encodeURIComponent(topic)}/${action}`;
}

/** Message → Send: one message to one push token. */
export async function buildSendBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const message = { ...readMessage(this), token: this.getNodeParameter('recipient', '') as string };
	const body = validateOrThrow(this, sendBodySchema, { message }, 'RuStore message', fieldLabels);
	return {
		...request,
		url: await endpoint(this, 'sendBaseUrl', '/messages:send'),
		body: withinSizeLimit(this, body),
	};
}

/**
 * Message → Send to Many: the message once, validated with each token's rules; the delivery hook
 * turns the token list into one request per token.
 */
export async function buildSendManyBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const tokens = validateOrThrow(
		this,
		membershipSchema,
		{ push_tokens: toStringList(this.getNodeParameter('recipients', '')) },
		'RuStore push tokens',
		fieldLabels,
	).push_tokens;
	// The longest token makes the largest request: if that one fits, they all do.
	const longest = tokens.reduce((a, b) => (utf8Length(b) > utf8Length(a) ? b : a));
	const { message } = validateOrThrow(
		this,
		sendBodySchema,
		{ message: { ...readMessage(this), token: longest } },
		'RuStore message',
		fieldLabels,
	);
	withinSizeLimit(this, { message });
	return {
		...request,
		url: await endpoint(this, 'sendBaseUrl', '/messages:send'),
		body: { message: { ...message, token: tokens } },
	};
}

const publishBodySchema = z.strictObject({ message: topicMessageSchema });

const topicParameterSchema = z.object({ topic: topicSchema });

function validTopic(context: IExecuteSingleFunctions): string {
	return validateOrThrow(
		context,
		topicParameterSchema,
		{ topic: context.getNodeParameter('topic', '') },
		'RuStore topic',
		fieldLabels,
	).topic;
}

/** Topic → Publish: one message to every device subscribed to the topic. */
export async function buildPublishBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const topic = validTopic(this);
	const body = validateOrThrow(
		this,
		publishBodySchema,
		{ message: readMessage(this) },
		'RuStore message',
		fieldLabels,
	);
	return {
		...request,
		url: await endpoint(this, 'topicsBaseUrl', topicPath(topic, 'publish')),
		body: withinSizeLimit(this, body),
	};
}

const membershipSchema = z.object({ push_tokens: tokenListSchema });

/** Topic → Subscribe / Unsubscribe: the token list; the delivery hook splits it into batches. */
function membershipBody(action: 'batch_subscribe' | 'batch_unsubscribe') {
	return async function (
		this: IExecuteSingleFunctions,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const topic = validTopic(this);
		const tokens = toStringList(this.getNodeParameter('recipients', ''));
		const body = validateOrThrow(
			this,
			membershipSchema,
			{ push_tokens: tokens },
			'RuStore push tokens',
			fieldLabels,
		);
		return {
			...request,
			url: await endpoint(this, 'topicsBaseUrl', topicPath(topic, action)),
			body,
		};
	};
}

export const buildSubscribeBody = membershipBody('batch_subscribe');
export const buildUnsubscribeBody = membershipBody('batch_unsubscribe');
