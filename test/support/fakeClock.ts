import type { Clock } from '../../nodes/shared/delivery/clock';

/** Lets every pending promise callback run (a macrotask comes after all microtasks). */
const settle = async () => await new Promise((resolve) => setImmediate(resolve));

interface Timer {
	at: number;
	order: number;
	fire: () => void;
}

/**
 * A clock whose time moves only when the test runs it: `run` fires the pending sleeps in time order,
 * letting the code under test react after each, so seconds of pacing take milliseconds.
 */
export class FakeClock implements Clock {
	private time = 0;
	private order = 0;
	private timers: Timer[] = [];

	now = () => this.time;

	sleep = async (ms: number) =>
		await new Promise<void>((fire) => {
			this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, fire });
		});

	/** Runs the clock until `work` settles and returns its value. */
	async run<T>(work: Promise<T>): Promise<T> {
		let outcome: { value: T } | { error: unknown } | undefined;
		work.then(
			(value) => (outcome = { value }),
			(error: unknown) => (outcome = { error }),
		);
		for (;;) {
			await settle();
			if (outcome) {
				if ('error' in outcome) throw outcome.error;
				return outcome.value;
			}
			if (!this.fireNext())
				throw new Error('Nothing left to wait for, but the work has not settled');
		}
	}

	/** Moves the clock to `time`, firing every sleep due on the way. */
	async advanceTo(time: number): Promise<void> {
		for (;;) {
			await settle();
			const next = this.nextTimer();
			if (!next || next.at > time) break;
			this.fireNext();
		}
		this.time = Math.max(this.time, time);
		await settle();
	}

	private nextTimer(): Timer | undefined {
		return this.timers.reduce<Timer | undefined>(
			(first, timer) =>
				!first || timer.at < first.at || (timer.at === first.at && timer.order < first.order)
					? timer
					: first,
			undefined,
		);
	}

	/** Fires every sleep due at the earliest pending time. */
	private fireNext(): boolean {
		const next = this.nextTimer();
		if (!next) return false;
		this.time = Math.max(this.time, next.at);
		const due = this.timers.filter((timer) => timer.at <= this.time);
		this.timers = this.timers.filter((timer) => timer.at > this.time);
		due.sort((a, b) => a.order - b.order).forEach((timer) => timer.fire());
		return true;
	}
}
