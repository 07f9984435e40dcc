/**
 * The add-appliance form as typed, and its check before anything is sent: versions must be versions,
 * the key must pass the same check the service makes (so its problem is said next to the field, in
 * the UI language), a typed appliance time must read as a time. What only the service knows (host
 * name rules, the name's characters) it still checks; its refusals land in the error queue.
 */
import type { ApplianceInput, Appliance } from '../../../shared/contract.ts';
import { isFerryError } from '../../../shared/errors.ts';
import { checkDownloadKey, type KeyProblem } from '../../../shared/transfer/download-key.ts';
import { isVersion } from '../../../shared/versions.ts';
import { resolveApplianceTime } from './appliance-time.ts';

/** Every field of the form as text (numbers too: "1,5" is what a German person types). */
export interface ApplianceForm {
  name: string;
  role: Appliance['role'];
  region: string;
  hostname: string;
  base: string;
  site: string;
  serial: string;
  storedDataGib: string;
  downloadKey: string;
  /** The appliance's clock as read off Status › Basics, and the UTC offset chosen when it names no zone. */
  applianceTime: string;
  offset: number;
}

/** Why a field was refused (the key under `appliances.invalid.`). */
export type FieldProblem = 'required' | 'exists' | 'hostname' | 'version' | 'number' | 'time' | `key.${KeyProblem}`;

/** The refused fields, in the order the form shows them. */
export type FormProblems = Partial<Record<keyof ApplianceForm, FieldProblem>>;

/** A form with nothing typed; `offset` is this computer's. */
export function emptyForm(offset: number): ApplianceForm {
  return { name: '', role: 'standalone', region: '', hostname: '', base: '', site: '', serial: '', storedDataGib: '', downloadKey: '', applianceTime: '', offset };
}

/** The key's problem as the service would name it, or null when it passes. */
export function keyProblem(text: string): KeyProblem | null {
  try {
    checkDownloadKey(text);
    return null;
  } catch (error) {
    if (isFerryError(error) && typeof error.details?.problem === 'string') return error.details.problem as KeyProblem;
    throw error;
  }
}

/** `1,5` or `1.5` as a number of 0 or more; null when it is not one. */
function gib(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Checks the form; the input to send when nothing was refused. `names` are the appliances already
 * recorded (a second one of the same name would only be refused by the service).
 */
export function checkApplianceForm(form: ApplianceForm, names: readonly string[]): { problems: FormProblems; input: ApplianceInput | null } {
  const problems: FormProblems = {};
  const name = form.name.normalize('NFC').trim();
  if (name === '') problems.name = 'required';
  else if (names.some((n) => n.normalize('NFC') === name)) problems.name = 'exists';
  if (form.hostname.trim() === '') problems.hostname = 'required';
  if (!isVersion(form.base)) problems.base = 'version';
  if (!isVersion(form.site)) problems.site = 'version';
  if (form.storedDataGib.trim() !== '' && gib(form.storedDataGib) === null) problems.storedDataGib = 'number';
  const key = form.downloadKey.trim() === '' ? null : keyProblem(form.downloadKey);
  if (key !== null) problems.downloadKey = `key.${key}`;
  const time = resolveApplianceTime(form.applianceTime, form.offset);
  if (time.state === 'invalid') problems.applianceTime = 'time';
  if (Object.keys(problems).length > 0) return { problems, input: null };
  const region = form.role === 'traffic' && form.region.trim() !== '' ? form.region : undefined;
  const storedDataGib = gib(form.storedDataGib);
  return {
    problems,
    input: {
      name: form.name, role: form.role, hostname: form.hostname, base: form.base.trim(), siteVersion: form.site.trim(),
      ...(region !== undefined ? { region } : {}),
      ...(form.serial.trim() !== '' ? { serial: form.serial.trim() } : {}),
      ...(storedDataGib !== null ? { storedDataGib } : {}),
      ...(form.downloadKey.trim() !== '' ? { downloadKey: form.downloadKey } : {}),
      ...(time.state === 'zoned' || time.state === 'unzoned' ? { applianceTime: time.iso } : {}),
    },
  };
}
