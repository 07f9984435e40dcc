/** Contract of the `app:` and `settings:` channels: what main tells about itself, and user settings. */
import { z } from 'zod';
import { NoArgs } from './common.ts';

/** Longest message and stack `app:reportError` takes; the renderer clips to these before sending. */
export const REPORT_MESSAGE_MAX = 4_096;
export const REPORT_STACK_MAX = 65_536;

/** The two sides of the air gap a station can be on. */
export const SideSchema = z.enum(['restricted', 'connected']);
/** Languages the UI speaks. */
export const LanguageSchema = z.enum(['de', 'en']);

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  /** How new secrets would be protected at rest in this process (the station's own is `station.protection`). */
  secretProtection: z.enum(['safeStorage', 'file-key']),
  secretKeyFile: z.string().nullable(),
  systemLocale: z.string(),
  transport: z.enum(['electron', 'harness']),
});

export const SettingsSchema = z.object({
  language: LanguageSchema.nullable(),
  side: SideSchema.nullable(),
});

/** The app and settings channels. */
export const appInvoke = {
  'app:info': { input: NoArgs, output: AppInfoSchema },
  /** The renderer's error boundary writes an error report (bounded text; main adds nothing secret). */
  'app:reportError': {
    input: z.object({ message: z.string().max(REPORT_MESSAGE_MAX), stack: z.string().max(REPORT_STACK_MAX).optional() }).strict(),
    output: z.object({ file: z.string() }),
  },
  'settings:get': { input: NoArgs, output: SettingsSchema },
  'settings:set': {
    input: z.object({ language: LanguageSchema.optional(), side: SideSchema.optional() }).strict(),
    output: SettingsSchema,
  },
} as const;
