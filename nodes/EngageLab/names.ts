import { z } from 'zod/v4';

import { utf8Length } from '../shared/parameters';

/**
 * EngageLab's rules for the names people choose: tags and aliases (Tag Alias API page, App and Web
 * Push) and schedule names (Scheduled Tasks API page): letters, digits, underscores and Chinese
 * characters, within a byte length. Sources: test/fixtures/provider-docs/engagelab.ts.
 */
export const MAX_LABEL_BYTES = 40;
export const MAX_SCHEDULE_NAME_BYTES = 255;

/** Letters (A–Z, a–z), digits, underscores and Chinese (Han) characters. */
const NAME_CHARACTERS = /^[A-Za-z0-9_\p{Script=Han}]+$/u;
const CHARACTERS_RULE = 'may hold only letters, digits, underscores and Chinese characters';

const withinBytes = (max: number) => (value: string) => utf8Length(value) <= max;

/** The characters EngageLab refuses in a name, for the message (spaces shown as "space"). */
export function refusedCharacters(value: string): string {
	const refused = [...new Set([...value].filter((char) => !NAME_CHARACTERS.test(char)))];
	return refused.map((char) => (/\s/.test(char) ? 'space' : `"${char}"`)).join(', ');
}

/** Whether a name holds only the allowed characters (its length is checked apart). */
export const validCharacters = (value: string) => NAME_CHARACTERS.test(value);
const characters = validCharacters;
const charactersMessage = (value: string) => `${CHARACTERS_RULE} (not ${refusedCharacters(value)})`;

/** A tag or an alias, trimmed: 1 to 40 bytes of the allowed characters. */
export const labelRule = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.refine(withinBytes(MAX_LABEL_BYTES), `at most ${MAX_LABEL_BYTES} bytes`)
	.refine(characters, { error: (issue) => charactersMessage(String(issue.input)) });

/** A schedule's name, trimmed: 1 to 255 bytes of the allowed characters. */
export const scheduleNameRule = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.refine(withinBytes(MAX_SCHEDULE_NAME_BYTES), `at most ${MAX_SCHEDULE_NAME_BYTES} bytes`)
	.refine(characters, { error: (issue) => charactersMessage(String(issue.input)) });
