/**
 * "b" from anywhere opens the board with the first card focused. The board is a lazy page: the request
 * waits here until it mounts (or is taken at once by a board already on screen).
 */
let pending = false;
export const boardFocusEvent = 'leadledger:focus-board';

export function requestBoardFocus(): void {
  pending = true;
  window.dispatchEvent(new Event(boardFocusEvent));
}

export function takeBoardFocusRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}
