/**
 * What the app asks of a new passphrase, apart from the encryption itself (encryption.ts, which
 * re-exports these): the forms that take a passphrase draw with these rules and need not load the
 * cipher and its key derivation (hash-wasm's Argon2, a few hundred kilobytes of script) to do so.
 */

/** Shortest passphrase the app accepts when encrypting. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** Why a new passphrase (typed twice) cannot be used, in the person's words; null when it can. */
export function passphraseProblem(passphrase: string, confirmation: string): string | null {
  if (Array.from(passphrase).length < MIN_PASSPHRASE_LENGTH) {
    return `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  }
  if (passphrase !== confirmation) return 'The two passphrases are not the same.';
  return null;
}

export type PassphraseStrength = { level: 'weak' | 'fair' | 'strong'; hint: string };

/**
 * A rough strength hint for a new passphrase, from its length and the variety of its characters
 * (not a guarantee: a famous quotation is long and still guessable, which the hint says).
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const characters = Array.from(passphrase);
  const words = passphrase.trim().split(/\s+/).filter(Boolean).length;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/, /\s/].filter((kind) =>
    kind.test(passphrase),
  ).length;
  const distinct = new Set(characters).size;
  if (characters.length < MIN_PASSPHRASE_LENGTH || distinct < 5) {
    return { level: 'weak', hint: 'Weak: too short or too repetitive. Add a few unrelated words.' };
  }
  if (characters.length >= 20 && (words >= 4 || kinds >= 3)) {
    return {
      level: 'strong',
      hint: 'Strong, as long as it is not a well-known phrase or quotation.',
    };
  }
  return { level: 'fair', hint: 'Fair: another unrelated word or two would make it strong.' };
}
