/**
 * Recipient lists arrive either as an array (from an expression) or as text with one entry per
 * line or separated by commas. Both become a list of trimmed, non-empty strings.
 */
export function toStringList(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap((entry) => toStringList(entry));
	if (value === undefined || value === null) return [];
	return String(value)
		.split(/[\n,]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry.length > 0);
}

export interface DeduplicatedList {
	/** Entries in the order of their first appearance. */
	unique: string[];
	/** How many extra times an entry appeared, for the entries that repeated. */
	repeats: Map<string, number>;
}

export function deduplicate(list: string[]): DeduplicatedList {
	const seen = new Set<string>();
	const repeats = new Map<string, number>();
	for (const entry of list) {
		if (seen.has(entry)) repeats.set(entry, (repeats.get(entry) ?? 0) + 1);
		else seen.add(entry);
	}
	return { unique: [...seen], repeats };
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}
