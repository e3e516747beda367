/**
 * A new passphrase, typed twice, with a hint of its strength as it is typed. The caller keeps the
 * values and checks them with `passphraseProblem` (shared/archive/encryption.ts) on submit.
 */
import { PasswordInput, Stack, Text } from '@mantine/core';
import { passphraseStrength } from '../../../shared/archive/passphrase-rules';

const STRENGTH_COLOUR = { weak: 'red', fair: 'yellow.8', strong: 'green.8' } as const;

export type NewPassphraseFieldsProps = {
  passphrase: string;
  confirmation: string;
  onPassphrase: (value: string) => void;
  onConfirmation: (value: string) => void;
  error: string | null;
  disabled?: boolean;
};

export function NewPassphraseFields({
  passphrase,
  confirmation,
  onPassphrase,
  onConfirmation,
  error,
  disabled,
}: NewPassphraseFieldsProps) {
  const strength = passphrase === '' ? null : passphraseStrength(passphrase);
  return (
    <Stack gap="xs">
      <PasswordInput
        label="Passphrase"
        description="At least 10 characters; a few unrelated words are easy to type and hard to guess."
        value={passphrase}
        onChange={(event) => onPassphrase(event.currentTarget.value)}
        error={error}
        disabled={disabled}
        autoComplete="new-password"
      />
      <Text size="xs" c={strength ? STRENGTH_COLOUR[strength.level] : 'dimmed'} aria-live="polite">
        {strength ? strength.hint : 'Strength is shown as you type.'}
      </Text>
      <PasswordInput
        label="Passphrase again"
        value={confirmation}
        onChange={(event) => onConfirmation(event.currentTarget.value)}
        disabled={disabled}
        autoComplete="new-password"
      />
    </Stack>
  );
}
