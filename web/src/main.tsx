// First: zod must be jitless before any schema is built (no `new Function` probe under the CSP).
import './zod-jitless.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// Under Vite 8 only this path yields the Chinese locale; 'antd/locale/zh_CN' silently falls back to English.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { installChineseZodMessages } from '@shared/zod-chinese.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchSession, queryClient } from './api/query-client.ts';
import { App } from './app/App.tsx';
import './styles.css';

dayjs.locale('zh-cn');
// Forms validate with the API's zod schemas; their own messages ("too short" …) in Chinese, as on the server.
installChineseZodMessages();

prefetchSession();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        theme={{
          token: {
            colorPrimary: '#b71c1c',
            borderRadius: 4,
            fontFamily:
              '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
          },
        }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
