import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { chunk, deduplicate, toStringList } from '../lists';
import { isSuccess, type PushStatus } from '../outcomes';
import { failureOf, providerApiError, type ProviderFailure } from '../providerError';
import { readDeliverySettings, type DeliverySettings } from './options';
import { pace } from './pacer';
import { takeSlot } from './parallelLimit';
import { addToTally, newTally, summaryItem, toItem } from './items';
import { thrownAnswerOf, type ProviderAnswer } from '../answers';
import { clock } from './clock';
import { credentialGate, type CredentialGate } from './credentialGate';
import { backoffMs, judge } from './retryPolicy';

export type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** What one recipient (or one whole request, when there is no list) came to. */
export interface Outcome {
	status: PushStatus;
	/** Provider fields for the output item (token, topic, message id...). */
	json: IDataObject;
	failure?: ProviderFailure;
}

export interface FanOut {
	/**
	 * Dot path of the recipient list in the body (or in the query string, with `in: 'qs'`), or a
	 * function choosing it (undefined: no list, one request).
	 */
	listPath: string | ((body: IDataObject) => string | undefined);
	/**
	 * Where the list is: the JSON body (default), or a query parameter holding a comma-separated list
	 * (reads such as `?message_ids=a,b`), written back comma-joined for each part.
	 */
	in?: 'body' | 'qs';
	/** Output field naming the recipient. */
	recipientField: string;
	maxPerRequest(context: IExecuteSingleFunctions): number;
	/** Adjusts the body of part `index` of `count` (e.g. its own idempotency key), when a list is split (body lists only). */
	tagPart?(body: IDataObject, index: number, count: number): IDataObject;
}

/** The provider-wide facts the delivery hook needs. */
export interface ProviderProfile {
	/** The provider's name as users know it, for messages about its host. */
	provider: string;
	/** Credential type name; its id keys the rate bucket. */
	credentialType: string;
	defaultRequestsPerSecond: number;
	/**
	 * Paces its operations in a bucket of their own (per credential), e.g. 'unpublished' for the
	 * operations without a published limit of a provider whose sends have one.
	 */
	rateBucket?: string;
	/**
	 * For providers whose node lets n8n throw on HTTP errors (so that n8n can refresh a token after a
	 * 401): what a thrown answer means. Without it, thrown errors are judged as transport failures.
	 */
	failureOfAnswer?(answer: ProviderAnswer): ProviderFailure | undefined;
}

export interface DeliveryPlan {
	/** Fields every output item of the operation carries (the token, the topic...), from the built body when possible. */
	commonFields?(context: IExecuteSingleFunctions, body: IDataObject): IDataObject;
	/** For operations that carry a list of recipients, split over as many requests as needed. */
	fanOut?: FanOut;
	/** Outcomes of a request the provider accepted: one per recipient when fanning out, else one. */
	accepted(
		context: IExecuteSingleFunctions,
		response: IDataObject,
		recipients?: string[],
	): Outcome[];
	/** True when the provider de-duplicates this request, so sending it again cannot deliver twice. */
	idempotent?(requestData: RequestData): boolean;
}

interface PlannedRequest {
	requestData: RequestData;
	recipients?: string[];
}

/** An item's requests, built one at a time when sent (a long list would otherwise exist twice). */
interface PlannedRequests {
	length: number;
	recipients(index: number): string[] | undefined;
	build(index: number): PlannedRequest;
}

/** The pacer's key: the credential (or the node without one), and the profile's own bucket if any. */
export function rateKeyOf(node: INode, profile: ProviderProfile): string {
	const owner = node.credentials?.[profile.credentialType]?.id ?? node.id;
	return [profile.credentialType, owner, profile.rateBucket].filter(Boolean).join(':');
}

/**
 * The around-hook of every operation, plugged in as the declarative `pagination` function because
 * that is where n8n lets a node wrap its own requests (README, "How a push is sent"). It splits
 * recipient lists, paces every request per credential, retries what the provider did not take, and
 * turns every answer into per-recipient outcomes. A failure fails the node only while nothing of the
 * item was accepted, so re-running a failed node never repeats a push the provider took.
 */
export function deliver(profile: ProviderProfile, plan: DeliveryPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		const settings = readDeliverySettings(this, profile.defaultRequestsPerSecond);
		requestData.options.timeout = settings.timeoutMs;
		const rateKey = rateKeyOf(this.getNode(), profile);
		const { requests, repeats, listed } = plan.fanOut
			? splitByRecipients(this, requestData, plan.fanOut)
			: single(requestData);

		// Each answer is turned into its recipients' outcomes as it comes, so that a long list keeps no
		// response bodies; a summarised campaign keeps only counts and the recipients not sent.
		const summarise = settings.results === 'summary' && listed;
		const tally = newTally();
		const gate = credentialGate(this, rateKey);
		const record = (index: number, attempted: Attempted): Part => {
			if ('failure' in attempted) return attempted;
			const outcomes = plan.accepted(this, attempted.response, requests.recipients(index));
			// A 200 whose every recipient was refused for the credential (RuStore's topic batches can
			// answer a wrong service token that way) is the credential's refusal, as a 403 would be.
			const refusal = refusalOfAll(outcomes);
			if (refusal)
				return { failure: refusal, error: providerApiError(this, refusal, attempted.response) };
			if (!summarise) return { outcomes };
			addToTally(tally, outcomes);
			return { outcomes: outcomes.filter((outcome) => !isSuccess(outcome.status)) };
		};
		const send = async (index: number) => {
			const attempted = await sendWithRetries(
				this,
				requests.build(index),
				plan,
				profile,
				settings,
				rateKey,
				gate,
			);
			const part = record(index, attempted);
			// The gate opens for the run's other requests once this answer is read, refusal or not.
			if ('failure' in part) gate.answered(part.failure, part.error);
			else gate.answered();
			return part;
		};

		// The first request goes alone, so that a wrong credential or project fails once and not once per
		// part; the rest go together, bounded by the pacer and the parallel limit. A dead first token is
		// only that recipient's failure: the campaign goes on.
		const parts: Part[] = new Array(requests.length);
		if (requests.length > 0) parts[0] = await send(0);
		const first = parts[0];
		const aboutItsRecipient =
			listed && first && 'failure' in first && first.failure.status === 'invalid_token';
		if (first && 'failure' in first && !aboutItsRecipient && !this.continueOnFail())
			throw asNodeError(this, first.error);
		// The rest through as many workers as requests may be in flight: a list of 50,000 tokens keeps a
		// few dozen requests alive at a time, not 50,000 waiting promises.
		let next = 1;
		const worker = async () => {
			while (next < requests.length) {
				const index = next++;
				parts[index] = await send(index);
			}
		};
		await Promise.all(
			Array.from({ length: Math.min(settings.maxParallel, requests.length - 1) }, worker),
		);

		const accepted = parts.some((part) => !('failure' in part));
		const outcomes: Outcome[] = [];
		parts.forEach((part, index) => {
			if (!('failure' in part)) outcomes.push(...part.outcomes);
			// Once any part was taken the item must not fail (a re-run would repeat it): failures become outcomes.
			else if (!accepted && !this.continueOnFail()) throw asNodeError(this, part.error);
			else {
				const failed = failedOutcomes(part.failure, requests.recipients(index), plan.fanOut);
				if (summarise) addToTally(tally, failed);
				outcomes.push(...failed);
			}
		});
		const common = plan.commonFields?.(this, (requestData.options.body ?? {}) as IDataObject) ?? {};
		const items = outcomes.map((outcome) =>
			toItem(this, outcome, common, plan.fanOut?.recipientField, repeats),
		);
		return summarise ? [summaryItem(this, tally, common, repeats), ...items] : items;
	};
}

type Attempted = { response: IDataObject } | { failure: ProviderFailure; error: unknown };
/** What one request came to, once its answer is read: its recipients' outcomes, or its failure. */
type Part = { outcomes: Outcome[] } | { failure: ProviderFailure; error: unknown };

async function sendWithRetries(
	context: IExecutePaginationFunctions,
	request: PlannedRequest,
	plan: DeliveryPlan,
	profile: ProviderProfile,
	settings: DeliverySettings,
	rateKey: string,
	gate: CredentialGate,
): Promise<Attempted> {
	const idempotent = plan.idempotent?.(request.requestData) ?? false;
	let waited = 0;
	// Set once an attempt may have been taken (a 5xx, a reset or timeout after sending): a later refusal
	// of a retry does not make the push "not sent", since the provider may have delivered that attempt.
	let mayHaveBeenTaken = false;
	const stop = (failure: ProviderFailure, error: unknown): Attempted =>
		mayHaveBeenTaken && failure.status !== 'unknown'
			? unknownAfterTakenAttempt(context, failure)
			: { failure, error };
	for (let attempt = 1; ; attempt++) {
		const refusal = await gate.enter();
		if (refusal) return stop({ ...refusal.failure, attempts: attempt - 1 }, refusal.error);
		// The slot first, then the pace: a request admitted by the pacer leaves at once, as paced.
		const release = await takeSlot(rateKey, settings.maxParallel);
		let answered: (throttled?: boolean) => void = () => {};
		try {
			answered = await pace(rateKey, settings.requestsPerSecond);
			const [answer] = await context.makeRoutingRequest(request.requestData);
			return { response: (answer?.json ?? {}) as IDataObject };
		} catch (thrown) {
			const error = classifyThrown(context, thrown, profile);
			const verdict = judge(error, idempotent, profile.provider);
			if (verdict.failure.status === 'unknown') mayHaveBeenTaken = true;
			// A throttling answer slows this credential's pacer down (then it regrows).
			answered(verdict.failure.status === 'rate_limited');
			release();
			gate.answered(verdict.failure, error);
			const wait = backoffMs(attempt, verdict.failure);
			if (
				verdict.kind === 'final' ||
				attempt >= settings.maxAttempts ||
				waited + wait > settings.maxRetryWaitMs
			) {
				return stop({ ...verdict.failure, attempts: attempt }, error);
			}
			waited += wait;
			await clock.sleep(wait);
		} finally {
			answered();
			release();
		}
	}
}

/** The last answer refused a retry, but an earlier attempt may have been delivered: unknown, not "not sent". */
function unknownAfterTakenAttempt(
	context: IExecuteSingleFunctions,
	last: ProviderFailure,
): Attempted {
	const failure: ProviderFailure = {
		...last,
		status: 'unknown',
		retryable: false,
		meaning: `An earlier attempt may have been delivered (its answer was lost or a server error), and the retries were refused: ${last.meaning}`,
		action: `Check the delivery in the ${last.provider} console before sending it again, so nobody gets it twice.`,
	};
	return {
		failure,
		error: providerApiError(context, failure, { lastAnswer: last.providerMessage ?? null }),
	};
}

/** A provider answer that n8n threw, made into the provider's own failure with its message. */
function classifyThrown(
	context: IExecuteSingleFunctions,
	error: unknown,
	profile: ProviderProfile,
): unknown {
	if (failureOf(error)) return error;
	const answer = profile.failureOfAnswer ? thrownAnswerOf(error) : undefined;
	const failure = answer && profile.failureOfAnswer?.(answer);
	return failure ? providerApiError(context, failure, answer.body) : error;
}

interface Split {
	requests: PlannedRequests;
	repeats: Map<string, number>;
	/** True when the item carried a list of recipients, each with its own outcome. */
	listed: boolean;
}

function single(requestData: RequestData): Split {
	return {
		requests: { length: 1, recipients: () => undefined, build: () => ({ requestData }) },
		repeats: new Map(),
		listed: false,
	};
}

function withPath(body: IDataObject, path: string[], value: IDataObject[string]): IDataObject {
	const [key, ...rest] = path;
	return {
		...body,
		[key]: rest.length ? withPath((body[key] ?? {}) as IDataObject, rest, value) : value,
	};
}

function readPath(body: IDataObject, path: string[]): unknown {
	return path.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
}

function splitByRecipients(
	context: IExecuteSingleFunctions,
	requestData: RequestData,
	fanOut: FanOut,
): Split {
	const inQuery = fanOut.in === 'qs';
	const source = ((inQuery ? requestData.options.qs : requestData.options.body) ??
		{}) as IDataObject;
	const listPath =
		typeof fanOut.listPath === 'function' ? fanOut.listPath(source) : fanOut.listPath;
	if (!listPath) return single(requestData);
	const path = listPath.split('.');
	const listed = readPath(source, path);
	const { unique, repeats } = deduplicate(
		inQuery ? toStringList(listed) : ((listed as string[] | undefined) ?? []),
	);
	const parts = chunk(unique, Math.max(1, fanOut.maxPerRequest(context)));
	const requests: PlannedRequests = {
		length: parts.length,
		recipients: (index) => parts[index],
		build(index) {
			if (inQuery) {
				const qs = withPath(source, path, parts[index].join(','));
				return {
					recipients: parts[index],
					requestData: { ...requestData, options: { ...requestData.options, qs } },
				};
			}
			const partBody = withPath(source, path, parts[index]);
			const tagged = fanOut.tagPart ? fanOut.tagPart(partBody, index, parts.length) : partBody;
			return {
				recipients: parts[index],
				requestData: { ...requestData, options: { ...requestData.options, body: tagged } },
			};
		},
	};
	return { requests, repeats, listed: true };
}

function refusalOfAll(outcomes: Outcome[]): ProviderFailure | undefined {
	const first = outcomes[0]?.failure;
	const all = outcomes.every((outcome) => outcome.failure?.refusesCredential);
	return first && all ? first : undefined;
}

function failedOutcomes(
	failure: ProviderFailure,
	recipients: string[] | undefined,
	fanOut: FanOut | undefined,
): Outcome[] {
	if (!recipients || !fanOut) return [{ status: failure.status, json: {}, failure }];
	return recipients.map((recipient) => ({
		status: failure.status,
		json: { [fanOut.recipientField]: recipient },
		failure,
	}));
}

function asNodeError(
	context: IExecuteSingleFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(
		context.getNode(),
		{ message: (error as Error)?.message ?? String(error) },
		{ itemIndex: context.getItemIndex() },
	);
}
