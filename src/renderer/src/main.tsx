/** Renderer entry: load settings from main, start i18n and the event bridge, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { startEventBridge } from './bridge.ts';
import { useAppStore } from './stores/app-store.ts';
import { useJobsStore } from './stores/jobs-store.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
startEventBridge();
void useAppStore.getState().load().then(async () => {
  await useJobsStore.getState().refresh();
  root.render(<StrictMode><App /></StrictMode>);
}, (error: unknown) => {
  const message = document.createElement('pre');
  message.textContent = `Ferry could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
});
