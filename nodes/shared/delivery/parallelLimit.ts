interface Slots {
	inUse: number;
	waiting: Array<() => void>;
}

// Module scope on purpose, like the pacer: one limit per credential, shared by every run of this n8n instance.
const slotsByKey = new Map<string, Slots>();

/**
 * Waits for one of `limit` request slots for this key and returns its release. n8n starts every item
 * at once; without a bound, thousands of connections open together, overflow the server's accept
 * queue and stall on TCP retransmits, which is slower than a few dozen at a time.
 */
export async function takeSlot(key: string, limit: number): Promise<() => void> {
	let slots = slotsByKey.get(key);
	if (!slots) {
		slots = { inUse: 0, waiting: [] };
		slotsByKey.set(key, slots);
	}
	const held = slots;
	if (held.inUse >= Math.max(1, limit)) {
		await new Promise<void>((resolve) => held.waiting.push(resolve));
	} else {
		held.inUse += 1;
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		// Hand the slot straight to the next waiter, so the count never dips and lets a newcomer jump the queue.
		const next = held.waiting.shift();
		if (next) next();
		else held.inUse -= 1;
	};
}
