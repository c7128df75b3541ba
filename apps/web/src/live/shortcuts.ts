// The agent desktop's keyboard: one table for the handler and for the <kbd> hints on the buttons, so the key a
// button shows is the key that presses it. Keys are matched by `KeyboardEvent.code` (the physical key), so they do
// not move with the keyboard layout or the input method (a Chinese IME still gives KeyR); Alt+D, Alt+E and Alt+F
// are left to the browser (address bar, menus).

export const SHORTCUTS = {
  ready: 'KeyR',
  pause: 'KeyP',
  hangup: 'KeyH',
  hold: 'KeyO',
  transfer: 'KeyT',
  consult: 'KeyC',
  consultComplete: 'KeyL',
  consultCancel: 'KeyX',
  conference: 'KeyN',
} as const;
export type ShortcutAction = keyof typeof SHORTCUTS | `disposition${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;

/** What the user reads on the button: Alt+R, Alt+1. */
export function shortcutLabel(action: ShortcutAction): string {
  const d = /^disposition([1-9])$/.exec(action);
  if (d) return `Alt+${d[1]}`;
  return `Alt+${SHORTCUTS[action as keyof typeof SHORTCUTS].slice(3)}`;
}

/** The action an Alt+key press asks for, or null (no Alt, another modifier, or a key without an action). */
export function shortcutOf(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (digit) return `disposition${Number(digit[1]) as 1}`;
  for (const [action, code] of Object.entries(SHORTCUTS)) if (code === e.code) return action as ShortcutAction;
  return null;
}
