import type { IncomingHttpHeaders } from 'node:http';

/** Every request the sandbox received, for assertions. */
export interface RecordedRequest {
	provider: string;
	method: string;
	path: string;
	/** The query string, without "?" ("" when none). */
	query: string;
	headers: Record<string, string>;
	rawBody: string;
	/** Parsed JSON body, or undefined when it was not JSON. */
	body: unknown;
	receivedAt: number;
	/** The status the sandbox answered with (undefined when the connection was reset). */
	status?: number;
	fault?: FaultName;
	/** The body the sandbox answered with (undefined for a reset or a malformed answer). */
	answerBody?: unknown;
	/** The id of the provider-docs fact the answer came from (converted modules answer only so). */
	fact?: string;
}

/** A push the provider accepted, i.e. would deliver. */
export interface Delivery {
	provider: string;
	kind: string;
	/** The same push sent twice has the same identity. */
	identity: string;
	target: string;
	body: unknown;
	acceptedAt: number;
}

export type FaultName =
	| 'rate429'
	| 'rate503'
	| 'resetBeforeRead'
	| 'resetAfterRead'
	| 'slow'
	| 'malformedJson';

/** Probabilities (0..1) per request; one fault at most is drawn per request. */
export interface FaultOptions {
	rate429?: number;
	rate503?: number;
	resetBeforeRead?: number;
	resetAfterRead?: number;
	slow?: number;
	malformedJson?: number;
	retryAfterSeconds?: number;
	/** How long a slow answer takes. */
	slowMs?: number;
	/** Faults apply only to these providers (default: all). */
	providers?: string[];
	/** At most this many faults, then none (a test of one retry needs no timing). */
	limit?: number;
}

/** What a provider module hands back for one request. */
export interface ProviderAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Set by answerFrom (documented.ts): the fact this answer came from. */
	fact?: string;
}

export interface ProviderRequest {
	method: string;
	/** Path below the provider's mount point, without the query. */
	path: string;
	/** The query string's parameters. */
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** Parsed JSON, or undefined when the body is not valid JSON. */
	json: unknown;
	/** Records an accepted push. */
	deliver(delivery: Omit<Delivery, 'provider' | 'acceptedAt'>): void;
}

/** One provider behind the sandbox: its mount points and how it answers. */
export interface ProviderModule {
	name: string;
	/** Path prefixes this module serves, e.g. ['/rustore', '/rustore-topics'], each mapped to a base URL key. */
	mounts: Record<string, string>;
	handle(mount: string, request: ProviderRequest): ProviderAnswer | Promise<ProviderAnswer>;
	/**
	 * The body of a fault answer (429/503) in the provider's own shape: a body, or (converted
	 * modules) an answer from a fact, whose body and fact id are used.
	 */
	faultBody(status: number, mount: string): unknown;
	reset(): void;
}
