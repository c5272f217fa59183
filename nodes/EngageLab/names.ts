import { z } from 'zod/v4';

import { utf8Length } from '../shared/parameters';

/**
 * EngageLab's rules for the names people choose, within a byte length. Sources:
 * test/fixtures/provider-docs/engagelab.ts (engageLabLifecycleRules).
 * - Tags and aliases: the Tag Alias API page allows letters, digits, underscores and Chinese
 *   characters; EngageLab's client SDK error page (6003/6005) also allows @!#$&*+=. The sources
 *   disagree, so the node accepts the union: it never refuses what a source says EngageLab takes.
 * - Schedule names: the Scheduled Tasks API page's letters, digits, underscores and Chinese characters.
 */
export const MAX_LABEL_BYTES = 40;
export const MAX_SCHEDULE_NAME_BYTES = 255;

interface CharacterRule {
	/** Whether a name holds only the allowed characters (its length is checked apart). */
	valid: (value: string) => boolean;
	/** "may hold only …" with the characters of the value it refuses. */
	message: (value: string) => string;
}

function characterRule(pattern: RegExp, allowed: string): CharacterRule {
	const refused = (value: string) =>
		[...new Set([...value].filter((char) => !pattern.test(char)))]
			.map((char) => (/\s/.test(char) ? 'space' : `"${char}"`))
			.join(', ');
	return {
		valid: (value) => pattern.test(value),
		message: (value) => `may hold only ${allowed} (not ${refused(value)})`,
	};
}

/** Letters (A–Z, a–z), digits, underscores, Chinese (Han) characters and @ ! # $ & * + = . */
export const labelCharacters = characterRule(
	/^[A-Za-z0-9_\p{Script=Han}@!#$&*+=.]+$/u,
	'letters, digits, underscores, Chinese characters and @!#$&*+=.',
);

/** Letters (A–Z, a–z), digits, underscores and Chinese (Han) characters. */
export const scheduleNameCharacters = characterRule(
	/^[A-Za-z0-9_\p{Script=Han}]+$/u,
	'letters, digits, underscores and Chinese characters',
);

const withinBytes = (max: number) => (value: string) => utf8Length(value) <= max;

/** Trimmed text of 1 to `maxBytes` bytes of the characters `characters` allows. */
function nameRule(maxBytes: number, characters: typeof labelCharacters) {
	return z
		.string()
		.trim()
		.min(1, 'must not be empty')
		.refine(withinBytes(maxBytes), `at most ${maxBytes} bytes`)
		.refine(characters.valid, { error: (issue) => characters.message(String(issue.input)) });
}

/** A tag or an alias, trimmed: 1 to 40 bytes of the allowed characters. */
export const labelRule = nameRule(MAX_LABEL_BYTES, labelCharacters);

/** A schedule's name, trimmed: 1 to 255 bytes of the allowed characters. */
export const scheduleNameRule = nameRule(MAX_SCHEDULE_NAME_BYTES, scheduleNameCharacters);
