import type { EntityManager } from 'typeorm';

/**
 * What the webhooks module needs from add-ons, as interfaces it owns: the add-ons module implements them and
 * `modules/index.ts` wires them in (`WebhooksModule.register`), so nothing under webhooks/ imports add-ons.
 */

/** The add-on a manifest webhook belongs to: what its Clockify-Signature JWT is signed for. */
export interface WebhookAddon {
  id: string;
  key: string | null;
  userId: string;
}

export interface WebhookAddons {
  /** Any installation of the workspace (uninstalled ones too), or null. */
  findAddon(workspaceId: string, addonId: string, manager?: EntityManager): Promise<WebhookAddon | null>;
}
export const WEBHOOK_ADDONS = Symbol('WEBHOOK_ADDONS');

/** Other background jobs the delivery loop runs in each round (add-on lifecycle calls). */
export interface DueJobRunner {
  /** Sends one batch of due jobs; answers how many were claimed. */
  runDue(): Promise<number>;
}
export const DUE_JOB_RUNNERS = Symbol('DUE_JOB_RUNNERS');
