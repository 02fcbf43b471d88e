import fs from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, screen } from 'electron';

type Bounds = { x?: number; y?: number; width: number; height: number; maximized?: boolean };

const file = () => path.join(app.getPath('userData'), 'window-state.json');

export function loadBounds(): Bounds {
  try {
    const saved = JSON.parse(fs.readFileSync(file(), 'utf8')) as Bounds;
    const visible = screen
      .getAllDisplays()
      .some(
        ({ workArea: a }) =>
          saved.x !== undefined &&
          saved.y !== undefined &&
          saved.x >= a.x &&
          saved.y >= a.y &&
          saved.x < a.x + a.width &&
          saved.y < a.y + a.height,
      );
    return visible ? saved : { width: saved.width, height: saved.height };
  } catch {
    return { width: 1280, height: 820 };
  }
}

export function rememberBounds(window: BrowserWindow): void {
  const save = () => {
    const bounds = window.getNormalBounds();
    fs.writeFileSync(file(), JSON.stringify({ ...bounds, maximized: window.isMaximized() }));
  };
  window.on('close', save);
}
