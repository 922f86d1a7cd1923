import type { NotificationView } from '@shared/notifications.ts';
import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { notify as t } from '../../i18n/notify.ts';
import { useMarkRead, useNotifications } from './notification-queries.ts';
import './notifications.css';

const PAGE_SIZE = 20;

/** /notifications 我的消息: one's notifications, newest first, read or unread. */
export default function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications(unreadOnly, page, PAGE_SIZE);
  const mark = useMarkRead();
  const unread = list.data?.unread ?? 0;
  return (
    <PageContainer
      title={t.inbox.title}
      subtitle={t.inbox.subtitle}
      extra={
        <Button disabled={unread === 0} loading={mark.all.isPending} onClick={() => mark.all.mutate()}>
          {t.inbox.readAll}
        </Button>
      }
    >
      <ApiErrorAlert error={list.error ?? mark.one.error ?? mark.all.error} style={{ marginBottom: 12 }} />
      <Card
        title={
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => {
              setUnreadOnly(value === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t.inbox.filterAll },
              { value: 'unread', label: `${t.inbox.filterUnread}${unread > 0 ? ` ${unread}` : ''}` },
            ]}
          />
        }
      >
        <List<NotificationView>
          loading={list.isPending}
          dataSource={list.data?.notifications ?? []}
          locale={{ emptyText: unreadOnly ? t.inbox.emptyUnread : t.inbox.empty }}
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  onChange: setPage,
                  showTotal: t.inbox.total,
                }
              : false
          }
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'notify-item-row' : 'notify-item-row notify-unread'}
              actions={[
                n.link ? (
                  <Link key="open" to={n.link} onClick={() => (n.readAt ? undefined : mark.one.mutate(n.id))}>
                    {t.inbox.open}
                  </Link>
                ) : null,
                n.readAt ? null : (
                  <Button key="read" type="link" size="small" onClick={() => mark.one.mutate(n.id)}>
                    {t.inbox.markRead}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    {n.readAt ? <Tag>{t.inbox.read}</Tag> : <Tag color="blue">{t.inbox.unread}</Tag>}
                    <span className="notify-title">{n.title}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {shanghaiTime(n.createdAt)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Typography.Paragraph
                    className="notify-body"
                    ellipsis={{ rows: 6, expandable: true, symbol: t.inbox.expand }}
                  >
                    {n.body}
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}
