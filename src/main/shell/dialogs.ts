/**
 * The Electron dialog provider: native open-file, open-files, open-folder and save dialogs over the
 * main window, titled in the UI language (`texts.ts`). Services see only the `DialogProvider`.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { DialogProvider } from '../files/dialog-provider.ts';
import { folderDialogOptions, openDialogOptions, saveDialogOptions, type shellTexts } from './texts.ts';

type Texts = ReturnType<typeof shellTexts>;

/** Dialogs attached to the window `getWindow` returns; without a window every dialog is "cancelled". */
export function createElectronDialogs(getWindow: () => BrowserWindow | null, texts: () => Texts): DialogProvider {
  const open = async (options: OpenDialogOptions): Promise<string[]> => {
    const win = getWindow();
    if (!win) return [];
    const result = await dialog.showOpenDialog(win, options);
    return result.canceled ? [] : result.filePaths;
  };
  return {
    openFile: async ({ purpose }) => (await open({ properties: ['openFile'], ...openDialogOptions(texts(), purpose) }))[0] ?? null,
    openFiles: ({ purpose }) => open({ properties: ['openFile', 'multiSelections'], ...openDialogOptions(texts(), purpose, true) }),
    openFolder: async ({ purpose }) => (await open({ properties: ['openDirectory'], ...folderDialogOptions(texts(), purpose) }))[0] ?? null,
    saveFile: async ({ purpose, defaultName }) => {
      const win = getWindow();
      if (!win) return null;
      const result = await dialog.showSaveDialog(win, {
        ...saveDialogOptions(texts(), purpose),
        ...(defaultName === undefined ? {} : { defaultPath: defaultName }),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
