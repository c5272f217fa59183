import { createRuStore, type RuStoreControl, type RuStoreOptions } from './providers/rustore';
import { startServer, type SandboxServer, type ServerOptions } from './server';

export type { Delivery, FaultOptions, RecordedRequest } from './types';
export type { RuStoreControl, RuStoreOptions } from './providers/rustore';

export interface SandboxOptions extends ServerOptions {
	rustore?: Partial<RuStoreOptions>;
}

export interface Sandbox extends Omit<SandboxServer, 'configureServer'> {
	rustore: RuStoreControl;
	/** Changes latency, faults and provider settings while running. */
	configure(patch: SandboxOptions): void;
}

/**
 * A loopback server that answers like the push providers (status codes, error bodies, limits and
 * rate caps), records every request and every accepted push, and injects latency and faults.
 * One module per provider: see providers/.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const { rustore: ruStoreOptions, ...serverOptions } = options;
	const rustore = createRuStore(ruStoreOptions);
	const server = await startServer([rustore.module], serverOptions);
	const { configureServer, ...rest } = server;
	return {
		...rest,
		rustore: rustore.control,
		configure(patch) {
			const { rustore: ruStorePatch, ...serverPatch } = patch;
			if (ruStorePatch) Object.assign(rustore.control.options, ruStorePatch);
			configureServer(serverPatch);
		},
	};
}
