import type { ChosenFile, FileTransfer } from '../../shared/api/files';

async function failure(response: Response): Promise<Error> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return new Error(body.error?.message ?? `HTTP ${response.status}`);
  } catch {
    return new Error(`HTTP ${response.status}`);
  }
}

/** Browser mode's side of the file-transfer extension (src/server/file-routes.ts). */
export function createHttpFiles(token: () => string): FileTransfer {
  const post = async (route: string, name: string, body?: Blob): Promise<ChosenFile> => {
    const response = await fetch(`/api/files/${route}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/octet-stream' },
      ...(body ? { body } : {}),
    });
    if (!response.ok) throw await failure(response);
    const { value } = (await response.json()) as { value: ChosenFile };
    return { fileId: value.fileId, name: value.name };
  };
  return {
    fromFile: (file) => post('upload', file.name, file),
    saveTarget: (suggestedName) => post('target', suggestedName),
    deliver: async (target) => {
      const response = await fetch(`/api/files/download?fileId=${encodeURIComponent(target.fileId)}`, {
        headers: { authorization: `Bearer ${token()}` },
      });
      if (!response.ok) throw await failure(response);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = target.name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
