/**
 * Secrets and codes: facilitator tokens, session ids, join codes, and the hashes that are stored
 * in their place. Lookups always go through a SHA-256 hash, so the database never holds a usable
 * secret and an index lookup reveals nothing about how close a guess came.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A random secret for a URL or a cookie: 32 bytes (256 bits), base64url (43 characters). */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret, hex: what is stored and looked up instead of the secret. */
export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

/** Letters and digits nobody confuses when reading a code aloud or off a projector (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

/** A new join code: 8 characters, each drawn uniformly from the alphabet (≈ 39.6 bits). */
export function newJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	}
	return code;
}

/**
 * A typed code as stored: upper case, without spaces or dashes. Returns null for anything that
 * cannot be a join code, so the caller answers it exactly like an unknown one.
 */
export function normaliseJoinCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
	return code;
}

/** A well-formed secret as `randomToken` or a browser's submission key makes them (base64url, 22–64 chars). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
