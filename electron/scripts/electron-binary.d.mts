export type EnsuredElectron = { ok: true; path: string } | { ok: false; message: string };

export function electronPackageDir(): string;
export function electronVersion(): string;
export function missingElectronMessage(version: string, reason: string): string;
export function ensureElectron(options?: {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<EnsuredElectron>;

export type SandboxFacts = {
  platform: NodeJS.Platform;
  uid: number | undefined;
  helperPath: string;
  helper: { uid: number; mode: number } | undefined;
  restrictUserNamespaces: string | undefined;
  unprivilegedUserNamespaces: string | undefined;
};
export function sandboxFacts(executablePath: string): SandboxFacts;
export function chromeSandboxProblem(facts: SandboxFacts): string | undefined;
