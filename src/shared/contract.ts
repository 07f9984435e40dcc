/**
 * The one IPC contract between the renderer and main: every `invoke` channel (request → response) and
 * every `event` (main → renderer), each with zod schemas, declared per domain in `contract/` and joined
 * here. Types are inferred from the schemas; the preload bridge, the handler table and the e2e harness
 * are all derived from this file.
 */
import type { z } from 'zod';
import type { EventChannelName, InvokeChannelName } from './channels.ts';
import type { FerryErrorData } from './errors.ts';
import { applianceInvoke, type ApplianceInputSchema, type ApplianceSchema } from './contract/appliance.ts';
import { appInvoke, type AppInfoSchema, type LanguageSchema, type SettingsSchema, type SideSchema } from './contract/app.ts';
import { auditInvoke, type AuditEntrySchema, type AuditPageSchema, type AuditQuerySchema, type AuditVerificationSchema } from './contract/audit.ts';
import type { ChannelSchemas, ErrorDataSchema } from './contract/common.ts';
import { filesInvoke, type FileHandleSchema } from './contract/files.ts';
import { jobEvents, jobsInvoke, type JobKindSchema, type JobStatusSchema, type JobSummarySchema } from './contract/jobs.ts';
import { planInvoke, type CatalogInfoSchema, type PlanRequestSchema } from './contract/plan.ts';
import { transferInvoke, type BundleReportSchema, type ConfirmedPackageSchema, type CreatedBundleSchema, type CreatedRequestSchema, type ImportReportSchema, type RequestViewSchema, type ScannedFileSchema } from './contract/transfer.ts';
import { vaultInvoke, type VaultPackageSchema } from './contract/vault.ts';
import { mediaInvoke, type MediumSchema } from './contract/media.ts';
import { runbookInvoke } from './contract/runbook.ts';
import { certInvoke } from './contract/cert.ts';
import { jumpclientsInvoke } from './contract/jumpclients.ts';
import { linkInvoke } from './contract/link.ts';
import { stationInvoke, type KeyPreviewSchema, type KeySourceSchema, type StationSchema, type TrustedStationSchema, type TrustResultSchema } from './contract/station.ts';

export * from './contract/app.ts';
export * from './contract/appliance.ts';
export * from './contract/audit.ts';
export * from './contract/common.ts';
export * from './contract/files.ts';
export * from './contract/jobs.ts';
export * from './contract/plan.ts';
export * from './contract/station.ts';
export * from './contract/transfer.ts';
export * from './contract/vault.ts';
export * from './contract/media.ts';
export * from './contract/runbook.ts';
export * from './contract/cert.ts';
export * from './contract/jumpclients.ts';
export * from './contract/link.ts';

/** Request → response channels, named `domain:verb`. */
export const invoke = {
  ...appInvoke,
  ...stationInvoke,
  ...auditInvoke,
  ...filesInvoke,
  ...jobsInvoke,
  ...planInvoke,
  ...applianceInvoke,
  ...transferInvoke,
  ...vaultInvoke,
  ...mediaInvoke,
  ...runbookInvoke,
  ...certInvoke,
  ...jumpclientsInvoke,
  ...linkInvoke,
} as const satisfies Record<InvokeChannelName, ChannelSchemas>;

/** Main → renderer events. */
export const events = {
  ...jobEvents,
} as const satisfies Record<EventChannelName, z.ZodType>;

// Every named channel has schemas and every schema a name (the `satisfies` above checks one way).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const invokeNamesMatch: Exact<keyof typeof invoke, InvokeChannelName> = true;
const eventNamesMatch: Exact<keyof typeof events, EventChannelName> = true;
void invokeNamesMatch;
void eventNamesMatch;

export type InvokeChannel = keyof typeof invoke;
export type EventChannel = keyof typeof events;
/** What a caller passes (defaults still optional). */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invoke)[C]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type InvokeArgs<C extends InvokeChannel> = z.output<(typeof invoke)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invoke)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>;
/** An error as it crosses IPC: the same shape as `FerryErrorData` (checked below). */
export type ErrorData = z.output<typeof ErrorDataSchema>;
const errorShapesMatch: Exact<ErrorData, FerryErrorData> = true;
void errorShapesMatch;

/** The envelope every invoke returns: handlers never throw across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export type AppInfo = z.output<typeof AppInfoSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type Side = z.output<typeof SideSchema>;
export type Language = z.output<typeof LanguageSchema>;
export type Station = z.output<typeof StationSchema>;
export type TrustedStation = z.output<typeof TrustedStationSchema>;
export type TrustResult = z.output<typeof TrustResultSchema>;
export type KeySource = z.output<typeof KeySourceSchema>;
export type KeyPreview = z.output<typeof KeyPreviewSchema>;
export type AuditEntry = z.output<typeof AuditEntrySchema>;
export type AuditVerification = z.output<typeof AuditVerificationSchema>;
export type AuditQuery = z.output<typeof AuditQuerySchema>;
export type AuditPage = z.output<typeof AuditPageSchema>;
export type FileHandle = z.output<typeof FileHandleSchema>;
export type JobSummary = z.output<typeof JobSummarySchema>;
export type JobStatus = z.output<typeof JobStatusSchema>;
export type JobKind = z.output<typeof JobKindSchema>;
export type CatalogInfo = z.output<typeof CatalogInfoSchema>;
export type PlanRequest = z.input<typeof PlanRequestSchema>;

export { INVOKE_CHANNELS, EVENT_CHANNELS } from './channels.ts';
export type Appliance = z.output<typeof ApplianceSchema>;
export type ApplianceInput = z.input<typeof ApplianceInputSchema>;
export type CreatedRequest = z.output<typeof CreatedRequestSchema>;
export type RequestView = z.output<typeof RequestViewSchema>;
export type ScannedFile = z.output<typeof ScannedFileSchema>;
export type ConfirmedPackage = z.output<typeof ConfirmedPackageSchema>;
export type CreatedBundle = z.output<typeof CreatedBundleSchema>;
export type BundleReport = z.output<typeof BundleReportSchema>;
export type ImportReport = z.output<typeof ImportReportSchema>;
export type VaultPackage = z.output<typeof VaultPackageSchema>;
export type Medium = z.output<typeof MediumSchema>;
