import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// One catalogue file per area of the app (common: shell and live pages), merged: keys are namespaced by area.
import enCommon from './locales/en/common.json';
import enRequester from './locales/en/requester.json';
import enPlanner from './locales/en/planner.json';
import enAdmin from './locales/en/admin.json';
import enReports from './locales/en/reports.json';
import zhCommon from './locales/zh-CN/common.json';
import zhRequester from './locales/zh-CN/requester.json';
import zhPlanner from './locales/zh-CN/planner.json';
import zhAdmin from './locales/zh-CN/admin.json';
import zhReports from './locales/zh-CN/reports.json';

const en = { ...enCommon, ...enRequester, ...enPlanner, ...enAdmin, ...enReports };
const zhCN = { ...zhCommon, ...zhRequester, ...zhPlanner, ...zhAdmin, ...zhReports };

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const KEY = 'dialer.lang';

/** The saved choice, else the browser's language (Chinese when it starts with zh), else English. */
function initial(): Language {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(KEY, lang);
  void i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initial(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (l) => {
  document.documentElement.lang = l;
});

export default i18n;
