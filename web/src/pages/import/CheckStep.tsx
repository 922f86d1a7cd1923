import type { ParsePreview, TextSpan } from '@shared/import.ts';
import { describeNoticeSource } from '@shared/notice-formats.ts';
import type { OcrReport, ParsedItem } from '@shared/parsed-notice.ts';
import { Alert, Card, Checkbox, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { importText as t } from '../../i18n/import.ts';
import { HighlightedText, type MarkKind } from './HighlightedText.tsx';
import type { Mark } from './highlight.ts';
import { chineseNumeral } from './numerals.ts';
import { PAST_YEAR_WARNING, PastYearAlert } from './PastYearAlert.tsx';

const FOCUS_LENGTH = 24;
const UNSURE_LISTED = 30;

/**
 * Step 2: the notice text with findings highlighted beside the parsed tree, and every warning. A
 * notice read from a scan also marks the words OCR was unsure of and asks the user to confirm they
 * checked them against the paper before going on (`ocrChecked`).
 */
export function CheckStep({
  preview,
  ocrChecked = false,
  onOcrChecked,
}: {
  preview: ParsePreview;
  ocrChecked?: boolean;
  onOcrChecked?: (checked: boolean) => void;
}) {
  const [selected, setSelected] = useState<[number, number] | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const [scrollTo, setScrollTo] = useState<{ offset: number; seq: number }>();
  const show = useCallback((offset: number) => setScrollTo((s) => ({ offset, seq: (s?.seq ?? 0) + 1 })), []);

  const itemOf = (ref: [number, number] | null): ParsedItem | undefined =>
    ref ? preview.sections[ref[0]]?.items[ref[1]] : undefined;
  const selectedItem = itemOf(selected);

  const marks = useMemo(() => {
    const list: Array<Mark<MarkKind>> = preview.spans.map((s) => ({
      kind: s.kind,
      start: s.start,
      end: s.end,
      label: s.label,
    }));
    for (const word of preview.source?.ocr?.lowConfidence ?? [])
      list.push({ kind: 'unsure', start: word.start, end: word.end });
    if (selectedItem)
      list.push({ kind: 'selected', start: selectedItem.source.start, end: selectedItem.source.end });
    if (focus !== null) {
      // Mark the warned place up to the end of its line, at most a short stretch.
      const lineEnd = preview.text.indexOf('\n', focus);
      const end = Math.min(lineEnd < 0 ? preview.text.length : lineEnd, focus + FOCUS_LENGTH);
      list.push({ kind: 'focus', start: focus, end: Math.max(end, focus + 1) });
    }
    return list;
  }, [preview, selectedItem, focus]);

  const spanAt = (mark: Mark<MarkKind>): TextSpan | undefined =>
    preview.spans.find((s) => s.start === mark.start && s.end === mark.end && s.kind === mark.kind);
  const label = (ref: [number, number]) => {
    const section = preview.sections[ref[0]];
    const item = section?.items[ref[1]];
    return section && item ? t.check.itemLabel(section.no, item.no) : '';
  };
  const describe = (mark: Mark<MarkKind>) => {
    if (mark.kind === 'unsure') return t.check.kinds.unsure ?? '';
    const span = spanAt(mark);
    return `${t.check.spanTitle(t.check.kinds[mark.kind] ?? '', mark.label ?? '')}${span ? `（${label(span.item)}）` : ''}`;
  };
  const selectItem = (ref: [number, number], scrollText: boolean) => {
    setSelected(ref);
    setFocus(null);
    const item = itemOf(ref);
    if (item && scrollText) show(item.source.start);
    if (!scrollText)
      document.getElementById(`import-item-${ref[0]}-${ref[1]}`)?.scrollIntoView?.({ block: 'nearest' });
  };

  const items = preview.sections.reduce((n, s) => n + s.items.length, 0);
  const indicators = preview.sections.reduce(
    (n, s) => n + s.items.reduce((m, i) => m + i.indicators.length, 0),
    0,
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PastYearAlert warnings={preview.warnings} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t.check.meta.title} span={2}>
          {preview.title || t.check.none}
        </Descriptions.Item>
        <Descriptions.Item label={t.check.meta.year}>{preview.year ?? t.check.none}</Descriptions.Item>
        <Descriptions.Item label={t.check.meta.issuer}>{preview.issuer ?? t.check.none}</Descriptions.Item>
        <Descriptions.Item label={t.check.meta.docNumber}>
          {preview.docNumber ?? t.check.none}
        </Descriptions.Item>
        <Descriptions.Item label={t.check.meta.issuedOn}>
          {preview.issuedOn ?? t.check.none}
        </Descriptions.Item>
        {preview.source ? (
          <Descriptions.Item label={t.check.source} span={3}>
            {describeNoticeSource(preview.source)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {preview.source?.ocr ? (
        <OcrCheck
          text={preview.text}
          ocr={preview.source.ocr}
          checked={ocrChecked}
          onChecked={onOcrChecked}
          onShow={(at) => {
            setFocus(at);
            show(at);
          }}
        />
      ) : null}
      {items === 0 ? <Alert type="error" showIcon message={t.check.noItems} /> : null}
      <Warnings
        preview={preview}
        onShow={(at) => {
          setFocus(at);
          show(at);
        }}
      />
      <div className="import-split">
        <Card
          size="small"
          title={t.check.textTitle}
          extra={
            <span>
              {t.check.legend}
              {(preview.source?.ocr
                ? (['leader', 'department', 'indicator', 'unsure'] as const)
                : (['leader', 'department', 'indicator'] as const)
              ).map((kind) => (
                <span key={kind} className={`hl-swatch hl-${kind}`}>
                  {t.check.kinds[kind]}
                </span>
              ))}
            </span>
          }
        >
          <div className="import-pane">
            <HighlightedText
              text={preview.text}
              marks={marks}
              describe={describe}
              scrollTo={scrollTo}
              onMarkClick={(mark) => {
                const span = spanAt(mark);
                if (span) selectItem(span.item, false);
              }}
            />
          </div>
        </Card>
        <Card
          size="small"
          title={t.check.treeTitle}
          extra={
            <Typography.Text type="secondary">
              {t.check.summary(preview.sections.length, items, indicators)}
            </Typography.Text>
          }
        >
          <div className="import-pane">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t.check.clickHint}
            </Typography.Paragraph>
            {preview.sections.map((section, s) => (
              <div key={section.no}>
                <Typography.Title level={5} style={{ marginTop: 8 }}>
                  {`${chineseNumeral(section.no)}、${section.title}`}
                </Typography.Title>
                {section.items.map((item, i) => {
                  const isSelected = selected?.[0] === s && selected[1] === i;
                  return (
                    <button
                      type="button"
                      key={`${item.no}-${item.source.start}`}
                      id={`import-item-${s}-${i}`}
                      aria-pressed={isSelected}
                      className={`import-tree-item${isSelected ? ' is-selected' : ''}`}
                      onClick={() => selectItem([s, i], true)}
                    >
                      <ItemSummary item={item} />
                    </button>
                  );
                })}
              </div>
            ))}
          </div>
        </Card>
      </div>
    </Space>
  );
}

function ItemSummary({ item }: { item: ParsedItem }) {
  const leads = new Set(item.leadDepartments);
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Typography.Text strong>{`${item.no}. ${item.title}`}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{t.check.leaders}：</Typography.Text>
        {item.leaders.length === 0 ? <Typography.Text type="danger">{t.check.none}</Typography.Text> : null}
        {item.leaders.map((name) => (
          <Tag key={name} className="hl-swatch hl-leader" bordered={false}>
            {name}
          </Tag>
        ))}
      </div>
      <div>
        <Typography.Text type="secondary">{t.check.departments}：</Typography.Text>
        {item.departments.length === 0 ? (
          <Typography.Text type="danger">{t.check.none}</Typography.Text>
        ) : null}
        {item.departments.map((name) => (
          <Tag key={name} className="hl-swatch hl-department" bordered={false}>
            {leads.has(name) ? `${name}（${t.check.lead}）` : name}
          </Tag>
        ))}
      </div>
      {item.indicators.length > 0 ? (
        <div>
          <Typography.Text type="secondary">{t.check.indicators}：</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {item.indicators.map((indicator) => (
              <li key={`${indicator.span[0]}-${indicator.kind}`}>
                <Typography.Text>{indicator.text}</Typography.Text>
                {indicator.due ? (
                  <Typography.Text type="secondary">{`（${indicator.due}）`}</Typography.Text>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Space>
  );
}

function Warnings({ preview, onShow }: { preview: ParsePreview; onShow: (at: number) => void }) {
  // The past-year warning has its own alert above; these are the parser's.
  const warnings = preview.warnings.filter((w) => w.code !== PAST_YEAR_WARNING);
  if (warnings.length === 0) return <Alert type="success" showIcon message={t.check.noWarnings} />;
  return (
    <Alert
      type="warning"
      showIcon
      message={t.check.warningsTitle(warnings.length)}
      description={
        <List
          size="small"
          dataSource={warnings}
          renderItem={(warning) => (
            <List.Item
              style={{ paddingInline: 0 }}
              actions={
                Number.isInteger(warning.at) && warning.at > 0
                  ? [
                      <Typography.Link key="show" onClick={() => onShow(warning.at)}>
                        {t.check.showInText}
                      </Typography.Link>,
                    ]
                  : []
              }
            >
              {warning.message}
            </List.Item>
          )}
        />
      }
    />
  );
}

/** The words OCR was unsure of, each a link to its place in the text, and the user's confirmation. */
function OcrCheck({
  text,
  ocr,
  checked,
  onChecked,
  onShow,
}: {
  text: string;
  ocr: OcrReport;
  checked: boolean;
  onChecked: ((checked: boolean) => void) | undefined;
  onShow: (at: number) => void;
}) {
  const words = ocr.lowConfidence;
  const listed = words.slice(0, UNSURE_LISTED);
  return (
    <Alert
      type={words.length > 0 ? 'warning' : 'info'}
      showIcon
      message={words.length > 0 ? t.check.ocr.title(words.length) : t.check.ocr.none}
      description={
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          {words.length > 0 ? <Typography.Text>{t.check.ocr.intro}</Typography.Text> : null}
          {listed.length > 0 ? (
            <Space wrap size={[12, 4]} data-testid="ocr-unsure-words">
              {listed.map((word) => (
                <Typography.Link key={word.start} onClick={() => onShow(word.start)}>
                  {t.check.ocr.word(text.slice(word.start, word.end), word.confidence)}
                </Typography.Link>
              ))}
              {words.length > listed.length ? (
                <Typography.Text type="secondary">
                  {t.check.ocr.more(words.length - listed.length)}
                </Typography.Text>
              ) : null}
            </Space>
          ) : null}
          <Checkbox checked={checked} onChange={(e) => onChecked?.(e.target.checked)}>
            {t.check.ocr.confirm}
          </Checkbox>
        </Space>
      }
    />
  );
}
