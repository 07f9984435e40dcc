/** Renderer entry: a loading text at once, then settings from main, i18n, the event bridge, and the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { errorText } from '../../shared/errors.ts';
import { languageForLocale } from '../../shared/language.ts';
import { App } from './app.tsx';
import { startEventBridge } from './bridge.ts';
import { AppCrashed } from './components/crash-screen.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { installCrashListeners } from './errors/crash-report.ts';
import { useAppStore } from './stores/app-store.ts';
import { errorDataOf } from './stores/error-store.ts';
import { useJobsStore } from './stores/jobs-store.ts';
import './styles.css';

// Before main has answered, the language is a guess from the browser; index.html says it in both.
const BOOT = {
  de: { loading: 'Ferry wird geladen …', failed: 'Ferry konnte nicht starten:' },
  en: { loading: 'Ferry is loading …', failed: 'Ferry could not start:' },
} as const;
const bootLanguage = languageForLocale(navigator.language);
const boot = BOOT[bootLanguage];

const container = document.getElementById('root')!;
const bootText = document.getElementById('boot-text');
if (bootText) bootText.textContent = boot.loading;
installCrashListeners();
startEventBridge();
void useAppStore.getState().load().then(async () => {
  await useJobsStore.getState().refresh();
  createRoot(container).render(<StrictMode><ErrorBoundary fallback={<AppCrashed />}><App /></ErrorBoundary></StrictMode>);
}, (error: unknown) => {
  const message = document.createElement('pre');
  message.className = 'boot';
  message.setAttribute('role', 'alert');
  // The code, title and next step in the guessed language; main's own message only in English.
  const data = errorDataOf(error);
  const text = errorText(data.code, bootLanguage);
  message.textContent = [`${boot.failed} ${text.title} (${data.code})`, text.next, bootLanguage === 'en' ? data.message : ''].filter(Boolean).join('\n');
  document.body.replaceChildren(message);
});
