import { randomInt, randomUUID } from 'crypto';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	compact,
	jsonObjectOf,
	keyValueRowsToRecord,
	readJsonObject,
} from '../../shared/parameters';
import { credentialsForRun, joinUrl } from '../../shared/runCredentials';
import { callbackUrlFor } from '../callback';
import { validateOrThrow } from '../../shared/validation';
import {
	DEFAULT_CHANNEL,
	extendedBodySchema,
	fieldLabels,
	liteBodySchema,
	SURFACES,
	VARIABLES_LABEL,
} from '../schema';

const INT32_MAX = 2_147_483_647;

// A random start, then one step per request: unique for the life of the process, always int32.
let nextMessageId = randomInt(1, INT32_MAX);
function generatedMessageId(): number {
	nextMessageId = nextMessageId >= INT32_MAX ? 1 : nextMessageId + 1;
	return nextMessageId;
}

/** Every request carries its own RqUID, and the callback URL when the user chose one (callback.ts). */
async function sberRequest(
	context: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
	path: string,
	body: IDataObject,
): Promise<IHttpRequestOptions> {
	const credentials = await credentialsForRun(context, 'sberSmartPushApi');
	const callbackUrl = await callbackUrlFor(context);
	return {
		...request,
		url: joinUrl(credentials.baseUrl, path),
		headers: { ...request.headers, RqUID: randomUUID(), ...(callbackUrl ? { callbackUrl } : {}) },
		body,
	};
}

function text(context: IExecuteSingleFunctions, name: string): string {
	return String(context.getNodeParameter(name, '') ?? '').trim();
}

/** Send (Lite): `POST /api/v2/smartpush/apprequest-lite`. */
export async function buildLiteBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	// Version 1 (0.1.0) saved name/value rows under the same parameter names; 1.1 saves JSON.
	const variables = (part: 'header' | 'body') =>
		this.getNode().typeVersion < 1.1
			? keyValueRowsToRecord(this.getNodeParameter(`${part}Values`, {}) as IDataObject)
			: templateVariables(this, this.getNodeParameter(`${part}Values`, ''), part);
	const body = compact({
		projectId: text(this, 'projectId'),
		clientId: text(this, 'clientId'),
		surface: this.getNodeParameter('surface', 'COMPANION'),
		templateContent: {
			id: text(this, 'templateId'),
			headerValues: variables('header'),
			bodyValues: variables('body'),
		},
	});
	const valid = validateOrThrow(this, liteBodySchema, body, 'Sber SmartPush request', fieldLabels);
	return await sberRequest(
		this,
		request,
		'/api/v2/smartpush/apprequest-lite',
		valid as IDataObject,
	);
}

/**
 * A variables field (Lite, or `within` an Extended destination) as a map of strings. It holds JSON text,
 * or an object when an expression gives one.
 */
function templateVariables(
	context: IExecuteSingleFunctions,
	value: unknown,
	part: 'header' | 'body',
	within?: string,
): Record<string, string> | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim()))
		return undefined;
	const object = jsonObjectOf(value);
	if (!object) {
		const label = within ? `${within} → ${VARIABLES_LABEL[part]}` : VARIABLES_LABEL[part];
		throw new NodeOperationError(
			context.getNode(),
			`Invalid Sber SmartPush request: ${label} must be a JSON object like {"name": "value"}`,
			{ itemIndex: context.getItemIndex() },
		);
	}
	// Values become strings by the same rule as version 1's rows.
	return keyValueRowsToRecord({
		pairs: Object.entries(object).map(([key, value]) => ({ key, value })),
	});
}

function destinationFromRow(
	context: IExecuteSingleFunctions,
	row: IDataObject,
	timeFrame: IDataObject | undefined,
): IDataObject {
	const surface = String(row.surface ?? 'COMPANION') as (typeof SURFACES)[number];
	const channel = String(row.channel ?? '').trim() || DEFAULT_CHANNEL[surface];
	const parameters = row.parameters as string | undefined;
	return compact({
		surface,
		channel,
		priority: row.priority ?? 0,
		templateContent: {
			id: String(row.templateId ?? '').trim(),
			headerValues: templateVariables(context, row.headerValues, 'header', 'Destination'),
			bodyValues: templateVariables(context, row.bodyValues, 'body', 'Destination'),
			mobileAppParameters:
				parameters === 'mobile'
					? {
							deeplinkAndroid: row.deeplinkAndroid,
							deeplinkIos: row.deeplinkIos,
							buttonText: row.buttonText,
							androidVersion: row.androidVersion,
							iosVersion: row.iosVersion,
							imageLink: row.imageLink,
						}
					: undefined,
			deviceParameters:
				parameters === 'device'
					? {
							deepLink: row.deepLink,
							backgroundImageUri: row.backgroundImageUri,
							deviceSerialFilter: row.serialNumber
								? { serialNumber: row.serialNumber, product: row.serialProduct }
								: undefined,
							productFilter: row.productFilter,
						}
					: undefined,
			timeFrame,
		},
	});
}

function payloadFromFields(context: IExecuteSingleFunctions): IDataObject {
	const rows =
		((context.getNodeParameter('destinations', {}) as IDataObject).destination as
			| IDataObject[]
			| undefined) ?? [];
	const application = context.getNodeParameter('application', {}) as IDataObject;
	// Sber sets the time frame per destination; the node's one Time Frame applies to each of them.
	const timeFrame = compact(context.getNodeParameter('timeFrame', {}) as IDataObject);
	const frame = Object.keys(timeFrame).length ? timeFrame : undefined;
	return compact({
		sender: {
			projectId: text(context, 'projectId'),
			application: application.appId ? application : undefined,
		},
		recipient: { clientId: { idType: 'SUB', id: text(context, 'clientId') } },
		deliveryConfig: {
			deliveryMode: context.getNodeParameter('deliveryMode', 'BROADCAST'),
			destinations: rows.map((row) => destinationFromRow(context, row, frame)),
		},
	}) as IDataObject;
}

/** Send (Extended): `POST /api/v2/smartpush/apprequest`, optionally wrapped in `requestPayload`. */
export async function buildExtendedBody(
	this: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('messageOptions', {}) as IDataObject;
	const payload =
		this.getNodeParameter('payloadInput', 'fields') === 'json'
			? readJsonObject(this, 'payloadJson', 'Payload (JSON)')
			: payloadFromFields(this);
	const body = {
		protocolVersion: String(options.protocolVersion ?? 'V1').trim(),
		messageId: Number(options.messageId) > 0 ? Number(options.messageId) : generatedMessageId(),
		messageName: 'SEND_PUSH',
		payload,
	};
	const valid = validateOrThrow(
		this,
		extendedBodySchema,
		body,
		'Sber SmartPush request',
		fieldLabels,
	) as IDataObject;
	const sent = options.wrapInRequestPayload === true ? { requestPayload: valid } : valid;
	return await sberRequest(this, request, '/api/v2/smartpush/apprequest', sent);
}
