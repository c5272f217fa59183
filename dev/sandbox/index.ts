import { createRuStore, type RuStoreControl, type RuStoreOptions } from './providers/rustore';
import {
	createEngageLab,
	type EngageLabControl,
	type EngageLabOptions,
} from './providers/engagelab';
import { createSber, type SberControl, type SberOptions } from './providers/sber';
import {
	createRuStoreUniversal,
	type RuStoreUniversalControl,
	type RuStoreUniversalOptions,
} from './providers/rustoreUniversal';
import { startServer, type SandboxServer, type ServerOptions } from './server';

export type { Delivery, FaultOptions, RecordedRequest } from './types';
export type { RuStoreControl, RuStoreOptions } from './providers/rustore';
export type { SberControl, SberOptions } from './providers/sber';
export type { EngageLabControl, EngageLabOptions } from './providers/engagelab';
export type {
	RuStoreUniversalControl,
	RuStoreUniversalOptions,
} from './providers/rustoreUniversal';

export interface SandboxOptions extends ServerOptions {
	rustore?: Partial<RuStoreOptions>;
	sber?: Partial<SberOptions>;
	engagelab?: Partial<EngageLabOptions>;
	rustoreUniversal?: Partial<RuStoreUniversalOptions>;
}

export interface Sandbox extends Omit<SandboxServer, 'configureServer'> {
	rustore: RuStoreControl;
	sber: SberControl;
	engagelab: EngageLabControl;
	rustoreUniversal: RuStoreUniversalControl;
	/** Changes latency, faults and provider settings while running. */
	configure(patch: SandboxOptions): void;
}

/**
 * A loopback server that answers like the push providers (status codes, error bodies, limits and
 * rate caps), records every request and every accepted push, and injects latency and faults.
 * One module per provider: see providers/.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const {
		rustore: ruStoreOptions,
		sber: sberOptions,
		engagelab: engageLabOptions,
		rustoreUniversal: ruStoreUniversalOptions,
		...serverOptions
	} = options;
	const rustore = createRuStore(ruStoreOptions);
	const sber = createSber(sberOptions);
	const engagelab = createEngageLab(engageLabOptions);
	const rustoreUniversal = createRuStoreUniversal(ruStoreUniversalOptions);
	const server = await startServer(
		[rustore.module, sber.module, engagelab.module, rustoreUniversal.module],
		serverOptions,
	);
	const { configureServer, ...rest } = server;
	return {
		...rest,
		rustore: rustore.control,
		sber: sber.control,
		engagelab: engagelab.control,
		rustoreUniversal: rustoreUniversal.control,
		configure(patch) {
			const {
				rustore: ruStorePatch,
				sber: sberPatch,
				engagelab: engageLabPatch,
				rustoreUniversal: ruStoreUniversalPatch,
				...serverPatch
			} = patch;
			if (ruStorePatch) Object.assign(rustore.control.options, ruStorePatch);
			if (sberPatch) Object.assign(sber.control.options, sberPatch);
			if (engageLabPatch) Object.assign(engagelab.control.options, engageLabPatch);
			if (ruStoreUniversalPatch)
				Object.assign(rustoreUniversal.control.options, ruStoreUniversalPatch);
			configureServer(serverPatch);
		},
	};
}
