import type { ParsePreview } from '@shared/import.ts';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { importText as t } from '../../i18n/import.ts';
import type { NameChoice } from './NamesStep.tsx';

/** Two names that may be one unit: `name` would become an alias of `into`. */
export interface NameProposal {
  name: string;
  into: string;
  /** Why they look alike, in words (from the server's name matcher). */
  why?: string;
  /** Set when `into` is a unit of the directory; otherwise `into` is another new name of the notice. */
  unitId?: number;
}

/**
 * What the server found alike: an unknown name close to a unit of the directory (its best
 * suggestion), and two unknown names of this notice where one abbreviates the other.
 */
export function nameProposals(preview: ParsePreview): NameProposal[] {
  const proposals: NameProposal[] = [];
  for (const d of preview.names.departments) {
    const best = d.status === 'unknown' ? d.suggestions[0] : undefined;
    if (best?.why) proposals.push({ name: d.name, into: best.name, why: best.why, unitId: best.id });
  }
  for (const pair of preview.similarNames)
    proposals.push({ name: pair.name, into: pair.other, why: pair.why });
  return proposals;
}

/** The choices that carry a proposal out: the name mapped to the unit, or joined to the other new name. */
export function mergeChoices(
  proposal: NameProposal,
  choices: Record<string, NameChoice>,
): Array<[string, NameChoice]> {
  if (proposal.unitId !== undefined) return [[proposal.name, { mode: 'map', unitId: proposal.unitId }]];
  const target = choices[proposal.into];
  const targetDecided =
    target?.mode === 'create' ||
    target?.mode === 'create_school' ||
    (target?.mode === 'map' && target.unitId !== undefined);
  return [
    ...(targetDecided ? [] : [[proposal.into, { mode: 'create' }] as [string, NameChoice]]),
    [proposal.name, { mode: 'alias', aliasOf: proposal.into }],
  ];
}

function isMerged(proposal: NameProposal, choice: NameChoice | undefined): boolean {
  return proposal.unitId !== undefined
    ? choice?.mode === 'map' && choice.unitId === proposal.unitId
    : choice?.mode === 'alias' && choice.aliasOf === proposal.into;
}

/** Likely aliases offered as one-click merges ("纪监室 与 纪检监察室 可能是同一单位 [合并为 纪检监察室]"). */
export function NameProposals({
  preview,
  choices,
  onChange,
}: {
  preview: ParsePreview;
  choices: Record<string, NameChoice>;
  onChange: (name: string, choice: NameChoice) => void;
}) {
  const proposals = nameProposals(preview);
  if (proposals.length === 0) return null;
  return (
    <Card size="small" title={t.names.proposalsTitle} data-testid="name-proposals">
      <Typography.Paragraph type="secondary">{t.names.proposalsHint}</Typography.Paragraph>
      <List
        size="small"
        dataSource={proposals}
        renderItem={(proposal) => {
          const merged = isMerged(proposal, choices[proposal.name]);
          return (
            <List.Item
              actions={[
                merged ? (
                  <Tag key="merged" color="green">
                    {t.names.merged(proposal.name, proposal.into)}
                  </Tag>
                ) : (
                  <Button
                    key="merge"
                    size="small"
                    type="primary"
                    ghost
                    onClick={() => {
                      for (const [name, choice] of mergeChoices(proposal, choices)) onChange(name, choice);
                    }}
                  >
                    {t.names.mergeInto(proposal.into)}
                  </Button>
                ),
              ]}
            >
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{t.names.proposal(proposal.name, proposal.into)}</Typography.Text>
                {proposal.why ? <Typography.Text type="secondary">{proposal.why}</Typography.Text> : null}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
