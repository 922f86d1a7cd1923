import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Imports a module that registers more job handlers (it adds to `jobHandlers` when loaded). Only
 * tests use it (DUBAN_TEST_JOB_MODULE), to give a real server process a job kind of their own.
 */
export async function loadExtraHandlers(modulePath: string | undefined): Promise<void> {
  if (!modulePath) return;
  await import(pathToFileURL(resolve(modulePath)).href);
}
