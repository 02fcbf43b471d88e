/** A file the core may read or write, by id: paths never reach the page. */
export type ChosenFile = { fileId: string; name: string };

/**
 * The one transport extension besides operations: moving file bytes between the user and the core
 * (docs/architecture.md, "File transfer"). Electron's preload implements it with native dialogs (the `files:*` IPC
 * channels), browser mode with /api/files/*; the page uses it the same way on both, and everything
 * in between is operations (csv:inspect, csv:start-import, csv:export-file with the id).
 */
export type FileTransfer = {
  /** The host's own open dialog (Electron); absent in browser mode, where the page shows a file input. */
  pickCsv?: () => Promise<ChosenFile | null>;
  /** A File the user picked or dropped in the page; null when the host cannot take it. */
  fromFile: (file: File) => Promise<ChosenFile | null>;
  /** Where an export goes: Electron asks with its save dialog (null when cancelled); browser mode makes a download. */
  saveTarget: (suggestedName: string) => Promise<ChosenFile | null>;
  /** After csv:export-file wrote the target: browser mode downloads it; in Electron it is already in place. */
  deliver: (target: ChosenFile) => Promise<void>;
};
