import type { BrowserType } from '@playwright/test';

export type CrashRunsResult = {
  runs: number;
  acknowledged: number;
  lost: string[];
  failedOpens: number;
  /** Of those: the documents attached (small real files) and those lost or with other bytes. */
  documents: { acknowledged: number; lost: number };
};

export function crashRuns(options: {
  chromium: BrowserType;
  executablePath: string;
  args: string[];
  userDataDir: string;
  baseURL: string;
  runs: number;
  log?: (line: string) => void;
}): Promise<CrashRunsResult>;
