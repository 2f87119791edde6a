import { QuickPickItemKind, window, type Memento, type QuickPickItem } from 'vscode';
import type { ApigwConfig } from '../../../core/src/config/apigwConfig';
import type { ApiKind } from '../../../core/src/catalog/types';
import type { ExistingApi } from '../../../core/src/deploy/apiLookup';
import { API_GATEWAY_REGIONS, listAwsProfiles } from '../../../core/src/deploy/awsProfiles';
import type { TargetOverrides } from '../../../core/src/deploy/deployTarget';

/** The choices of one deploy, compare or rollback: the stage and the overrides of its config. */
export interface PickedTarget {
  stage: string;
  overrides: TargetOverrides;
}

interface Item<T> extends QuickPickItem {
  value?: T;
}

const STAGE_NAME = /^(?:[A-Za-z0-9_-]{1,128}|\$default)$/;

async function pick<T>(items: Array<Item<T>>, placeHolder: string): Promise<Item<T> | undefined> {
  return window.showQuickPick(items, { placeHolder, ignoreFocusOut: true, matchOnDescription: true });
}

/** Remembered per definition file, so the next command on it starts where this one ended. */
class Remembered {
  constructor(
    private readonly state: Memento,
    private readonly file: string,
  ) {}

  get(key: string): string | undefined {
    return this.state.get<string>(`apigw.deploy.${key}:${this.file}`);
  }

  set(key: string, value: string | undefined): Thenable<void> {
    return this.state.update(`apigw.deploy.${key}:${this.file}`, value);
  }
}

async function pickStage(config: ApigwConfig, memory: Remembered): Promise<string | undefined> {
  const last = memory.get('stage');
  const names = Object.keys(config.stages).sort((a, b) => (a === last ? -1 : b === last ? 1 : a.localeCompare(b)));
  const items: Array<Item<string>> = names.map((name) => {
    const s = config.stages[name];
    const where = [s.apiName ?? s.apiId, s.region, s.profile && `profile ${s.profile}`].filter(Boolean).join(' · ');
    return { label: name, value: name, description: [s.protected ? '$(lock) protected' : '', where].filter(Boolean).join('  '), detail: name === last ? 'last used' : undefined };
  });
  if (last && !names.includes(last)) items.unshift({ label: last, value: last, detail: 'last used (not in apigw.config.json)' });
  items.push({ label: '$(add) Another stage…', alwaysShow: true });
  const chosen = await pick(items, 'Stage (from apigw.config.json, or another)');
  if (!chosen) return undefined;
  const stage =
    chosen.value ??
    (await window.showInputBox({
      prompt: 'Stage name',
      ignoreFocusOut: true,
      validateInput: (v) => (STAGE_NAME.test(v) ? undefined : 'Letters, digits, _ and -, at most 128 (or $default for an HTTP API)'),
    }));
  if (stage) await memory.set('stage', stage);
  return stage;
}

async function pickProfile(memory: Remembered): Promise<{ profile: string | undefined } | undefined> {
  const last = memory.get('profile');
  const profiles = await listAwsProfiles();
  const items: Array<Item<string>> = [
    { label: '$(key) Default credential chain', description: 'environment, AWS_PROFILE, SSO cache, instance role', value: '' },
    ...profiles.map((p) => ({ label: p, value: p, description: p === last ? 'last used' : undefined })),
  ];
  if (last) items.sort((a, b) => (a.value === last ? -1 : b.value === last ? 1 : 0));
  const chosen = await pick(items, 'AWS profile (from ~/.aws/config and ~/.aws/credentials)');
  if (!chosen) return undefined;
  await memory.set('profile', chosen.value);
  return { profile: chosen.value || undefined };
}

async function pickRegion(memory: Remembered): Promise<{ region: string | undefined } | undefined> {
  const last = memory.get('region');
  const items: Array<Item<string>> = [
    { label: '$(globe) From the profile or AWS_REGION', value: '' },
    ...(last ? [{ label: last, value: last, description: 'last used' }] : []),
    { label: '', kind: QuickPickItemKind.Separator },
    ...API_GATEWAY_REGIONS.filter((r) => r !== last).map((r) => ({ label: r, value: r })),
  ];
  const chosen = await pick(items, 'AWS region');
  if (!chosen) return undefined;
  await memory.set('region', chosen.value);
  return { region: chosen.value || undefined };
}

/** The stage, and the profile and region where its config does not name them; each remembered. */
export async function pickTarget(config: ApigwConfig, file: string, state: Memento): Promise<PickedTarget | undefined> {
  const memory = new Remembered(state, file);
  const stage = await pickStage(config, memory);
  if (!stage) return undefined;
  const settings = config.stages[stage];
  const overrides: TargetOverrides = {};
  if (settings?.profile === undefined) {
    const p = await pickProfile(memory);
    if (!p) return undefined;
    overrides.profile = p.profile;
  }
  if (settings?.region === undefined) {
    const r = await pickRegion(memory);
    if (!r) return undefined;
    overrides.region = r.region;
  }
  return { stage, overrides };
}

/**
 * The API, when the stage's config names none: one of the region's APIs of the kind, or a
 * new one named after the definition (`create` false for compare and rollback).
 */
export async function pickApi(apis: readonly ExistingApi[], kind: ApiKind, title: string | undefined, create: boolean, file: string, state: Memento): Promise<Pick<TargetOverrides, 'apiId' | 'apiName'> | undefined> {
  const memory = new Remembered(state, file);
  const last = memory.get('apiId');
  const items: Array<Item<Pick<TargetOverrides, 'apiId' | 'apiName'>>> = apis
    .map((a) => ({ label: a.name, description: a.id, detail: a.id === last ? 'last used' : a.name === title ? 'named like the definition' : undefined, value: { apiId: a.id } }))
    .sort((a, b) => (a.description === last ? -1 : b.description === last ? 1 : a.label.localeCompare(b.label)));
  // With an API of that name already there, a deploy by name would update it, not create one.
  if (create && title && !apis.some((a) => a.name === title)) items.unshift({ label: `$(add) Create a new ${kind} API '${title}'`, value: { apiName: title }, alwaysShow: true });
  if (items.length === 0) {
    void window.showInformationMessage(`There is no ${kind} API in that region.`);
    return undefined;
  }
  const chosen = await pick(items, `${kind} API to ${create ? 'deploy to' : 'use'}`);
  if (chosen?.value?.apiId) await memory.set('apiId', chosen.value.apiId);
  return chosen?.value;
}
