import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { shanghaiTime } from '../components/format.ts';
import { notify as t } from '../i18n/notify.ts';
import {
  useMarkRead,
  useNotifications,
  useUnreadCount,
} from '../pages/notifications/notification-queries.ts';
import '../pages/notifications/notifications.css';

/** Things shown in the header beside the user's menu: the bell with the unread count and the latest messages. */
export function HeaderExtras() {
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      dropdownRender={() => <RecentPanel onClose={() => setOpen(false)} />}
    >
      <Button
        type="text"
        aria-label={`${t.bell.label}${unread > 0 ? `（${unread}）` : ''}`}
        data-testid="bell"
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}

function RecentPanel({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const recent = useNotifications(false, 1, 5);
  const mark = useMarkRead();
  const go = (path: string) => {
    onClose();
    navigate(path);
  };
  const items = recent.data?.notifications ?? [];
  return (
    <div className="notify-panel">
      <div className="notify-panel-head">
        <Typography.Text strong>{t.bell.recent}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={(recent.data?.unread ?? 0) === 0}
          loading={mark.all.isPending}
          onClick={() => mark.all.mutate()}
        >
          {t.bell.readAll}
        </Button>
      </div>
      {items.length === 0 && !recent.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.bell.empty} />
      ) : (
        <List
          size="small"
          loading={recent.isPending}
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'notify-item' : 'notify-item notify-unread'}
              onClick={() => {
                if (!n.readAt) mark.one.mutate(n.id);
                go(n.link ?? '/notifications');
              }}
            >
              <List.Item.Meta
                title={<span className="notify-title">{n.title}</span>}
                description={shanghaiTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
      <div className="notify-panel-foot">
        <Button type="link" onClick={() => go('/notifications')}>
          {t.bell.all}
        </Button>
      </div>
    </div>
  );
}
