// The Chinese strings of the web app, gathered per area (see common.ts).
export { common } from './common.ts';
