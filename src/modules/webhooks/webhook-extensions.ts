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

/**
 * The work of one claimed job: send it and record the outcome. `cancel` aborts the send (the instance is stopping);
 * a send aborted before any answer gives its job back (due again, the attempt not counted).
 */
export type DueTask = (cancel: AbortSignal) => Promise<void>;

/** Other background jobs the delivery loop runs beside webhook deliveries (add-on lifecycle calls). */
export interface DueJobRunner {
  /** Claims up to `limit` due jobs; answers one task per job claimed. */
  claimDue(limit: number): Promise<DueTask[]>;
}
export const DUE_JOB_RUNNERS = Symbol('DUE_JOB_RUNNERS');
