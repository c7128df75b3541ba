import { describe, expect, it } from '@jest/globals';
import { SHORTCUTS, shortcutLabel, shortcutOf } from './shortcuts';

const press = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = { altKey: true }) => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
  code,
});

describe('the agent desktop shortcuts', () => {
  it('gives every action its own key, never one the browser keeps (Alt+D, Alt+E, Alt+F)', () => {
    const codes = Object.values(SHORTCUTS);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ['KeyD', 'KeyE', 'KeyF']) expect(codes).not.toContain(c);
  });

  it('shows on each button the key that presses it', () => {
    for (const action of Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[]) {
      const label = shortcutLabel(action);
      expect(shortcutOf(press(`Key${label.slice(4)}`))).toBe(action);
    }
    expect(shortcutLabel('disposition3')).toBe('Alt+3');
    expect(shortcutOf(press('Digit3'))).toBe('disposition3');
    expect(shortcutOf(press('Numpad9'))).toBe('disposition9');
  });

  it('matches the physical key only with Alt alone', () => {
    expect(shortcutOf(press('KeyR'))).toBe('ready');
    expect(shortcutOf(press('KeyR', {}))).toBeNull();
    expect(shortcutOf(press('KeyR', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press('KeyZ'))).toBeNull();
    expect(shortcutOf(press('Digit0'))).toBeNull();
  });
});
