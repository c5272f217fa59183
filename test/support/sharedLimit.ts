import { Pacer } from '../../nodes/shared/delivery/pacer';
import { RateWindow } from '../../dev/sandbox/rateWindow';
import { seededRandom } from '../../dev/sandbox/prng';
import type { FakeClock } from './fakeClock';

export interface SharedLimitRun {
	/** Pushes the provider took, per sender. */
	delivered: number[];
	requests: number;
	refusals: number;
	/** From the first request to the last answer. */
	seconds: number;
	/** Admission times at the provider, for window checks. */
	accepted: number[];
	/** When each sender's last answer came, seconds. */
	finished: number[];
}

/**
 * Independent senders (each with its own Pacer, as separate n8n processes) pushing `perSender`
 * messages through one credential at a provider that caps the credential at `cap` per sliding second
 * and answers 429 above it. Each sender works as the delivery layer does: `parallel` requests at a
 * time, a throttled one retried after a jittered back-off.
 */
export async function runSharedLimit(
	clock: FakeClock,
	options: {
		senders: number;
		/** Messages per sender: one number for all, or one each. */
		perSender: number | number[];
		ceiling: number;
		cap: number;
		latencyMs?: number;
		parallel?: number;
		/** When each sender starts, ms. */
		startAt?: number[];
	},
): Promise<SharedLimitRun> {
	const latency = options.latencyMs ?? 10;
	const window = new RateWindow();
	const random = seededRandom(7);
	const run: SharedLimitRun = {
		delivered: [],
		requests: 0,
		refusals: 0,
		seconds: 0,
		accepted: [],
		finished: [],
	};
	const sender = async (index: number) => {
		const pacer = new Pacer(clock);
		run.delivered[index] = 0;
		await clock.sleep(options.startAt?.[index] ?? 0);
		const count = Array.isArray(options.perSender) ? options.perSender[index] : options.perSender;
		let next = 0;
		const worker = async () => {
			while (next < count) {
				next++;
				for (let attempt = 1; ; attempt++) {
					const done = await pacer.pace('credential', options.ceiling);
					await clock.sleep(latency);
					run.requests++;
					const taken = window.admit('credential', options.cap, clock.now());
					if (taken) run.accepted.push(clock.now());
					await clock.sleep(latency);
					done(!taken);
					if (taken) {
						run.delivered[index]++;
						break;
					}
					run.refusals++;
					// The delivery layer's back-off: 500 ms doubling, full jitter above half.
					await clock.sleep(Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.5 + random() / 2));
				}
			}
		};
		await Promise.all(Array.from({ length: options.parallel ?? 20 }, worker));
		run.finished[index] = clock.now() / 1000;
	};
	await clock.run(
		Promise.all(Array.from({ length: options.senders }, async (_, index) => await sender(index))),
	);
	run.seconds = clock.now() / 1000;
	return run;
}
