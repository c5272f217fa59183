import type { IExecuteData, IExecuteSingleFunctions } from 'n8n-workflow';

import type { ProviderFailure } from '../providerError';

/** The provider's refusal of a credential, as the first request that met it got it. */
export interface Refusal {
	failure: ProviderFailure;
	error: unknown;
}

interface RunCredential {
	/** Settles once the run's first request with this credential has its answer. */
	firstAnswer?: Promise<void>;
	answerFirst(): void;
	refusal?: Refusal;
}

// Keyed by the node run's execute data, which n8n shares between the items of one run only.
const runs = new WeakMap<IExecuteData, Map<string, RunCredential>>();

/**
 * One run's use of one credential. Its first request goes alone and the others wait for that answer;
 * once the provider refuses the credential itself, requests that have not left stop and report the
 * same refusal. A wrong service token then costs one request per run, not one per item.
 */
export class CredentialGate {
	constructor(private readonly run: RunCredential) {}

	/** Resolves when a request may leave, or with the refusal that stops it. */
	async enter(): Promise<Refusal | undefined> {
		if (!this.run.firstAnswer) {
			// The first caller is the probe: the others wait for its answer.
			this.run.firstAnswer = new Promise((resolve) => (this.run.answerFirst = resolve));
			return this.run.refusal;
		}
		await this.run.firstAnswer;
		return this.run.refusal;
	}

	/** Any answer (or transport failure) of a request that left: a refusal of the credential stops the rest. */
	answered(failure?: ProviderFailure, error?: unknown): void {
		if (failure?.refusesCredential && !this.run.refusal) this.run.refusal = { failure, error };
		this.run.answerFirst();
	}
}

export function credentialGate(context: IExecuteSingleFunctions, key: string): CredentialGate {
	const executeData = context.getExecuteData();
	let byKey = runs.get(executeData);
	if (!byKey) {
		byKey = new Map();
		runs.set(executeData, byKey);
	}
	let run = byKey.get(key);
	if (!run) {
		run = { answerFirst: () => {} };
		byKey.set(key, run);
	}
	return new CredentialGate(run);
}
