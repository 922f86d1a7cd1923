import type { Light } from '@shared/plan-tree.ts';
import { Tag, Tooltip } from 'antd';
import { common as t } from '../i18n/common.ts';

/** The colour of each light, as tags, charts and ledgers show it. */
export const lightColors: Record<Light, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  grey: '#8c8c8c',
  done: '#1677ff',
};

const tagColors: Record<Light, string> = {
  red: 'error',
  yellow: 'warning',
  green: 'success',
  grey: 'default',
  done: 'processing',
};

/** A light as a coloured tag with its Chinese name; the reason, when given, shows on hover. */
export function LightTag({ light, reason }: { light: Light; reason?: string }) {
  const tag = (
    <Tag color={tagColors[light]} data-light={light} style={{ marginInlineEnd: 0 }}>
      {t.light[light]}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
