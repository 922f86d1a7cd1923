import { z } from 'zod';

/** Makes zod's own validation messages Chinese, process-wide (the API and the CLI both show them). */
export function installChineseZodMessages(): void {
  z.config(z.locales.zhCN());
}
