import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';

export type AppLanguage = 'en' | 'ja';

type Tree = { [key: string]: string | Tree };

// Each screen keeps its strings beside it (features/<name>/locales/{en,ja}.json) under its own namespace.
const featureLocales = import.meta.glob<Tree>('../features/*/locales/*.json', { eager: true, import: 'default' });

function buildResources(): Record<AppLanguage, Record<string, Tree>> {
  const resources: Record<AppLanguage, Record<string, Tree>> = { en: { common: en }, ja: { common: ja } };
  for (const [path, tree] of Object.entries(featureLocales)) {
    const m = /features\/([^/]+)\/locales\/(en|ja)\.json$/.exec(path);
    if (m) resources[m[2] as AppLanguage][m[1] as string] = tree;
  }
  return resources;
}

/** 'ja-JP', 'ja' -> 'ja'; anything else -> 'en'. */
export function pickLanguage(setting: 'system' | AppLanguage, systemLanguage: string): AppLanguage {
  if (setting !== 'system') return setting;
  return systemLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export async function initI18n(language: AppLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function setLanguage(language: AppLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
