import type { BulletinContent, BulletinTable } from '@shared/bulletins.ts';
import { Table } from 'antd';

// The bulletin as the page will print it: title, issue line, sections (一、) with their parts
// (（一）), tables, closing words, issuer and date. Plain text only; nothing is rendered as HTML.

const page: React.CSSProperties = {
  maxWidth: 794,
  margin: '0 auto',
  padding: '56px 72px',
  background: '#fff',
  boxShadow: '0 1px 6px rgba(0,0,0,0.12)',
  fontFamily: '"仿宋_GB2312", "仿宋", FangSong, STFangsong, serif',
  fontSize: 18,
  lineHeight: 1.9,
  color: '#000',
};
const title: React.CSSProperties = {
  fontFamily: '"方正小标宋简体", "宋体", SimSun, serif',
  fontSize: 26,
  textAlign: 'center',
  margin: '0 0 8px',
};
const heading: React.CSSProperties = {
  fontFamily: '"黑体", SimHei, sans-serif',
  textIndent: '2em',
  margin: 0,
};
const subheading: React.CSSProperties = {
  fontFamily: '"楷体_GB2312", "楷体", KaiTi, serif',
  textIndent: '2em',
  margin: 0,
};
const paragraph: React.CSSProperties = { textIndent: '2em', margin: 0 };

/** Each line of a text block as its own indented paragraph (as in the .docx). */
export function Paragraphs({ text }: { text: string }) {
  // Keyed by the line and how often it came before: lines may repeat, and never move.
  const seen = new Map<string, number>();
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const n = (seen.get(line) ?? 0) + 1;
      seen.set(line, n);
      return { line, key: `${n}:${line}` };
    });
  return (
    <>
      {lines.map(({ line, key }) => (
        <p key={key} style={paragraph}>
          {line}
        </p>
      ))}
    </>
  );
}

/** A table of the bulletin (ranking, overdue list), as a small bordered table. */
export function BulletinTablePreview({ table }: { table: BulletinTable }) {
  return (
    <Table<string[]>
      size="small"
      bordered
      pagination={false}
      style={{ margin: '8px 0', fontFamily: 'inherit' }}
      rowKey={(row) => row.join('|')}
      columns={table.columns.map((column, index) => ({
        title: column,
        key: String(index),
        render: (_: unknown, row: string[]) => row[index] ?? '',
      }))}
      dataSource={table.rows}
    />
  );
}

/** The official-layout date, 2024年7月2日. */
function officialDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The whole bulletin on a page. */
export function BulletinPreview({ content }: { content: BulletinContent }) {
  return (
    <article style={page} aria-label={content.title}>
      <h1 style={title}>{content.title}</h1>
      {content.subtitle ? (
        <p style={{ textAlign: 'center', margin: '0 0 24px' }}>{content.subtitle}</p>
      ) : null}
      <Paragraphs text={content.intro} />
      {content.sections.map((section) => (
        <section key={section.key}>
          <h2 style={{ ...heading, fontSize: 18, fontWeight: 'normal' }}>{section.heading}</h2>
          <Paragraphs text={section.text} />
          {section.parts.map((part) => (
            <div key={part.heading}>
              <h3 style={{ ...subheading, fontSize: 18, fontWeight: 'normal' }}>{part.heading}</h3>
              <Paragraphs text={part.text} />
            </div>
          ))}
          {section.table ? <BulletinTablePreview table={section.table} /> : null}
          <Paragraphs text={section.after} />
        </section>
      ))}
      <Paragraphs text={content.closing} />
      <div style={{ textAlign: 'right', marginTop: 36, paddingRight: '4em' }}>
        <div>{content.issuer}</div>
        <div>{officialDate(content.signedOn)}</div>
      </div>
    </article>
  );
}
