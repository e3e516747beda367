/**
 * The app-wide actions, shared by the desktop application menu (through the host's menu events)
 * and the in-app menu, so both do exactly the same thing. What an action needs beyond the shell
 * (its dialog, the sample case file, the backup writer) is a script of its own, fetched when the
 * action is first taken or in idle time once the first screen is drawn (see screens.ts).
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { MenuCommand } from '../../../shared/ipc';
import { db } from '../db/db';
import { BackupProgress } from '../features/backups/BackupProgress';
import { prepareToQuit } from '../features/backups/use-automatic-backups';
import { takeOpenedBundle } from '../features/bundles/opened-bundle';
import { openSearchPalette } from '../features/search/SearchPalette';
import { host, isDesktop, rawHost } from '../host/host';
import { notifyDone } from '../ui/notify';
import { reportError } from '../ui/zod-form';
import { scriptOf } from './screens';

const NewDisputeModal = lazy(() =>
  scriptOf.newDispute().then((m) => ({ default: m.NewDisputeModal })),
);
const ImportBundleDialog = lazy(() =>
  scriptOf.importBundle().then((m) => ({ default: m.ImportBundleDialog })),
);

async function backUpNow(): Promise<void> {
  try {
    await (await scriptOf.backups()).backUpNow();
  } catch (error) {
    reportError(error, 'The backup could not be started');
  }
}

export type AppActions = {
  find: () => void;
  newDispute: () => void;
  loadSample: () => Promise<void>;
  revealDataFolder: () => Promise<void>;
  importBundle: () => void;
  backUpNow: () => Promise<void>;
  restoreBackup: () => void;
  dialogs: ReactNode;
};

export async function openSample(navigate: (to: string) => void): Promise<void> {
  try {
    const { loadSampleCaseFile, SAMPLE_DISPUTE_TITLE } = await scriptOf.sample();
    await loadSampleCaseFile(db);
    const sample = await db.disputes.where('title').equals(SAMPLE_DISPUTE_TITLE).first();
    notifyDone('Sample case file', 'The sample disputes are in your case files.');
    navigate(sample ? `/disputes/${sample.id}` : '/disputes');
  } catch (error) {
    reportError(error, 'The sample case file could not be opened');
  }
}

export function useMenuCommands(): AppActions {
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const [importingBundle, setImportingBundle] = useState(false);
  const [openedBundle, setOpenedBundle] = useState<File | null>(null);
  // A dialog is drawn from its first opening on (then kept, for its closing transition).
  const [dialogsUsed, setDialogsUsed] = useState({ creating: false, importing: false });
  if ((creating && !dialogsUsed.creating) || (importingBundle && !dialogsUsed.importing)) {
    setDialogsUsed({
      creating: dialogsUsed.creating || creating,
      importing: dialogsUsed.importing || importingBundle,
    });
  }

  const actions: Omit<AppActions, 'dialogs'> = {
    find: openSearchPalette,
    newDispute: () => setCreating(true),
    loadSample: () => openSample(navigate),
    importBundle: () => setImportingBundle(true),
    backUpNow: () => backUpNow(),
    restoreBackup: () => navigate('/backups'),
    revealDataFolder: async () => {
      try {
        await host.revealDataFolder({});
      } catch (error) {
        reportError(error, 'The data folder cannot be shown');
      }
    },
  };

  useEffect(() => {
    const importOpenedBundle = async () => {
      try {
        const file = await takeOpenedBundle();
        if (!file) return;
        setOpenedBundle(file);
        setImportingBundle(true);
      } catch (error) {
        reportError(error, 'The case bundle could not be opened');
      }
    };
    // A bundle double-clicked to start Casefile was waiting before this page loaded.
    if (isDesktop) void importOpenedBundle();
    const handlers: Record<MenuCommand, () => void> = {
      'open-bundle-file': () => void importOpenedBundle(),
      'new-dispute': () => setCreating(true),
      'load-sample': () => void openSample(navigate),
      'show-disputes': () => navigate('/disputes'),
      find: openSearchPalette,
      'import-bundle': () => setImportingBundle(true),
      'back-up-now': () => void backUpNow(),
      'restore-backup': () => navigate('/backups'),
      'prepare-to-quit': () => void prepareToQuit(),
    };
    return rawHost.onMenuCommand((command) => handlers[command]());
  }, [navigate]);

  return {
    ...actions,
    dialogs: (
      <>
        <Suspense fallback={null}>
          {(creating || dialogsUsed.creating) && (
            <NewDisputeModal opened={creating} onClose={() => setCreating(false)} />
          )}
          {(importingBundle || dialogsUsed.importing) && (
            <ImportBundleDialog
              opened={importingBundle}
              file={openedBundle}
              onClose={() => {
                setImportingBundle(false);
                setOpenedBundle(null);
              }}
            />
          )}
        </Suspense>
        <BackupProgress />
      </>
    ),
  };
}
