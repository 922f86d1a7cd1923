import type { BulletinState } from '@shared/bulletins.ts';
import { Tag } from 'antd';
import { bulletins as t } from '../../i18n/bulletins.ts';

/** A bulletin's state as a coloured tag: 草稿 (orange) or 已签发 (green). */
export function BulletinStateTag({ state }: { state: BulletinState }) {
  return <Tag color={state === 'issued' ? 'green' : 'orange'}>{t.states[state]}</Tag>;
}
